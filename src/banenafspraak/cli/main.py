"""The ``banenafspraak`` command. Each group lives in its own module; this file only wires them."""

from __future__ import annotations

import typer

from banenafspraak import __version__
from banenafspraak.cli import demo, meting, quotum, regels, register, serve

app = typer.Typer(
    name="banenafspraak",
    help=(
        "De banenafspraak als open systeem: meting, quotum, regels en doelgroepregister.\n\n"
        "Begin met `banenafspraak demo`: die maakt een synthetisch land, meet 2015–2025 en schrijft het rapport."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(meting.app, name="meting")
app.command("demo")(demo.demo)
app.add_typer(demo.data_app, name="demodata")
app.add_typer(regels.app, name="regels")
app.add_typer(quotum.app, name="quotum")
app.add_typer(register.app, name="register")
app.command("serve")(serve.serve)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"banenafspraak {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Toon de versie."),
) -> None:
    """De banenafspraak als open systeem."""
