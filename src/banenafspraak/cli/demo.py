"""``banenafspraak demo``: a synthetic nation, measured 2015–2025, with the report. The first thing to run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from banenafspraak.demo.generator import OMVANGEN, genereer

from .meting import toon_landelijk, voer_meting_uit
from .uitvoer import console, stop, voortgang

data_app = typer.Typer(help="Synthetische demodata: werkgevers, doelgroepregister en polis 2012–2025.",
                       no_args_is_help=True)


def _genereer(data: Path, omvang: str, zaad: int, formaat: str) -> dict[str, Any]:
    if omvang not in OMVANGEN:
        stop(f"--omvang {omvang!r}: kies uit {', '.join(OMVANGEN)}")
    with voortgang(f"Synthetisch land genereren ({omvang})"):
        return genereer(data, omvang=omvang, zaad=zaad, formaat=formaat)


@data_app.command("genereer")
def genereer_cmd(
    uit: Path = typer.Option(Path("demo-data"), help="Map voor werkgevers, register en polis."),
    omvang: str = typer.Option("demo", help="klein (1% van het land), demo (heel register) of landelijk "
                                            "(ook alle overige werknemers van het laatste jaar: ~110 mln rijen)."),
    zaad: int = typer.Option(2013, help="Zaad van de toevalsgenerator; zelfde zaad, zelfde land."),
    formaat: str = typer.Option("parquet", help="parquet of csv."),
) -> None:
    """Genereer een synthetisch land, gekalibreerd op de gepubliceerde metingen."""
    m = _genereer(uit, omvang, zaad, formaat)
    console.print(f"{m['werkgevers']:,} werkgevers, {m['personen_in_register']:,} personen in het register, "
                  f"{m['polisregels']:,} polisregels geschreven naar [bold]{uit}[/].")


def demo(
    data: Path = typer.Option(Path("demo-data"), help="Map voor de synthetische invoer."),
    uit: Path = typer.Option(Path("uitvoer"), help="Map voor tabellen en rapport."),
    omvang: str = typer.Option("demo", help="klein of demo (zie `demodata genereer --help`)."),
    zaad: int = typer.Option(2013, help="Zaad van de toevalsgenerator."),
    opnieuw: bool = typer.Option(False, help="Genereer de data opnieuw, ook als die er al is."),
    register: bool = typer.Option(True, help="Laad het synthetische register in de registerdatabase, zodat "
                                             "`banenafspraak serve` gegevens heeft om te tonen."),
    database_url: str | None = typer.Option(None, "--database-url", envvar="BANENAFSPRAAK_DATABASE_URL",
                                            help="Registerdatabase; standaard banenafspraak-register.sqlite hier."),
) -> None:
    """Genereer demodata, meet 2015–2025 en schrijf de tabellen en het HTML-rapport.

    Zonder opties: het hele synthetische land in ./demo-data, de uitvoer in ./uitvoer.
    """
    manifest = data / "manifest.json"
    bestaand = json.loads(manifest.read_text()) if manifest.exists() else {}
    if opnieuw or (bestaand.get("omvang"), bestaand.get("zaad")) != (omvang, zaad):
        bestaand = _genereer(data, omvang, zaad, "parquet")
    bestanden = bestaand["bestanden"]
    jaren = list(range(2015, 2026))
    resultaat = voer_meting_uit(jaren, data / bestanden["polis"], data / bestanden["register"],
                                data / bestanden["werkgevers"], uit)
    toon_landelijk(resultaat.landelijk[jaren[-1]])
    if register:
        _laad_register(data / bestanden["register"], database_url)
    console.print(f"Klaar. Rapport: [bold]{(uit / 'rapport.html').resolve()}[/]; tabellen (CSV, JSON, Excel) in "
                  f"[bold]{uit.resolve()}[/].")


def _laad_register(extract: Path, database_url: str | None) -> None:
    """Import the synthetic register (idempotent: a second demo run changes nothing)."""
    from banenafspraak.register import ExtractFout, importeer_extract
    from banenafspraak.register.config import database_url as register_url

    url = register_url(database_url)
    try:
        with voortgang("Register laden in de registerdatabase"):
            rapport = importeer_extract(extract, url, door="demo", reden="synthetisch demoregister")
    except ExtractFout as fout:
        stop(str(fout))
    console.print(f"Register geladen in {url}: {rapport.nieuwe_registraties:,} nieuwe registraties, "
                  f"{rapport.ongewijzigd:,} ongewijzigd. Bekijk het via de API: "
                  "[bold]banenafspraak serve --dev-login[/] (zie docs/register.md).")
