"""``banenafspraak meting``: the yearly measurement from extracts, and the national table from aggregates."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from banenafspraak.engines.invoer import InvoerFout, lees_invoer
from banenafspraak.engines.landelijk import AggregaatFout, LandelijkeTabel, landelijke_tabel, lees_aggregaat
from banenafspraak.engines.meting import MetingFout, MetingResultaat, meet
from banenafspraak.parameters import ParameterError
from banenafspraak.reports.meting import schrijf

from .uitvoer import console, stop, toon_invoerfout, voortgang

app = typer.Typer(
    help="De jaarlijkse meting: extra banen ten opzichte van de nulmeting, per sector, regio en werkgever.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def jaren_uit(tekst: list[str]) -> list[int]:
    """``2021``, ``2015-2025`` or several of them."""
    jaren: set[int] = set()
    for deel in tekst:
        try:
            if "-" in deel:
                van, tot = (int(x) for x in deel.split("-", 1))
                if tot < van:
                    raise ValueError
                jaren.update(range(van, tot + 1))
            else:
                jaren.add(int(deel))
        except ValueError:
            stop(f"--jaar {deel!r} is geen jaar of bereik (bijvoorbeeld 2021 of 2015-2025)")
    return sorted(jaren)


def toon_landelijk(tabel: LandelijkeTabel) -> None:
    d = tabel.als_dict()["sectoren"]
    t = Table(title=f"Resultaten eind {tabel.jaar} ten opzichte van de nulmeting")
    t.add_column("")
    for s in ("markt", "overheid", "totaal"):
        t.add_column(s.capitalize(), justify="right")
    for naam, k in (("Formele dienstverbanden", "formeel"), ("Inleenverbanden", "inleen"), ("Totaal", "totaal"),
                    ("Doelstelling", "doelstelling"), ("Verschil", "verschil"), ("Realisatie %", "realisatie_pct")):
        t.add_row(naam, *(f"{d[s][k]:,}".replace(",", ".") if isinstance(d[s][k], int) else str(d[s][k])
                          for s in ("markt", "overheid", "totaal")))
    console.print(t)


def voer_meting_uit(jaren: list[int], polis: Path, register: Path, werkgevers: Path,
                    uit: Path | None) -> MetingResultaat:
    """Check, measure and (optionally) write; shared by ``meting`` and ``demo``."""
    try:
        with voortgang("Invoer controleren"):
            invoer = lees_invoer(polis, werkgevers, register)
        with voortgang(f"Meten {jaren[0]}–{jaren[-1]}"):
            resultaat = meet(invoer, jaren)
    except InvoerFout as fout:
        toon_invoerfout(fout)
    except (MetingFout, ParameterError) as fout:
        stop(str(fout))
    if uit is not None:
        with voortgang("Rapport schrijven"):
            schrijf(resultaat, uit)
    return resultaat


@app.callback()
def meting(
    ctx: typer.Context,
    jaar: list[str] = typer.Option(None, "--jaar", "-j", help="Meetjaar, of bereik zoals 2015-2025; herhaalbaar."),
    polis: Path = typer.Option(None, help="Polisadministratie (CSV of Parquet), zie docs/contracten.md."),
    register: Path = typer.Option(None, help="Doelgroepregister (CSV of Parquet)."),
    werkgevers: Path = typer.Option(None, help="Werkgeversbestand (CSV of Parquet)."),
    uit: Path = typer.Option(None, help="Map voor de tabellen (CSV, JSON, Excel) en het HTML-rapport."),
) -> None:
    """Meet de extra banen uit polis, register en werkgevers; schrijf de officiële tabellen naar --uit.

    Voorbeeld: banenafspraak meting --jaar 2015-2025 --polis polis.parquet --register register.parquet
    --werkgevers werkgevers.parquet --uit uitvoer
    """
    if ctx.invoked_subcommand is not None:
        return
    ontbrekend = [n for n, v in (("--jaar", jaar), ("--polis", polis), ("--register", register),
                                 ("--werkgevers", werkgevers)) if not v]
    if ontbrekend:
        console.print(ctx.get_help())
        stop(f"ontbrekende optie(s): {', '.join(ontbrekend)}")
    jaren = jaren_uit(jaar)
    resultaat = voer_meting_uit(jaren, polis, register, werkgevers, uit)
    toon_landelijk(resultaat.landelijk[jaren[-1]])
    if uit is not None:
        console.print(f"Tabellen en rapport geschreven naar [bold]{uit}[/] (open {uit / 'rapport.html'}).")


@app.command()
def landelijk(
    invoer: Path = typer.Option(..., "--invoer", "-i", help="YAML met jaar, nulmeting en meting (zie docs/meting.md)."),
    formaat: str = typer.Option("tabel", "--format", "-f", help="tabel of json."),
) -> None:
    """Bereken de landelijke tabel uit geaggregeerde cijfers (formele banen per sector, inleen en verdeelsleutel).

    Voorbeeld: banenafspraak meting landelijk --invoer 2021.yaml --format json
    """
    if formaat not in ("tabel", "json"):
        stop(f"--format {formaat!r}: kies tabel of json")
    try:
        jaar, meting_stand, nul = lees_aggregaat(invoer)
        tabel = landelijke_tabel(jaar, meting_stand, nul)
    except (AggregaatFout, ParameterError) as fout:
        stop(str(fout))
    if formaat == "json":
        typer.echo(json.dumps(tabel.als_dict(), indent=2, ensure_ascii=False))
    else:
        toon_landelijk(tabel)


__all__ = ["app", "voer_meting_uit", "InvoerFout"]
