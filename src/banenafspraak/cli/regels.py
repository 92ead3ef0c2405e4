"""`banenafspraak regels`: the target-group rules and the instrumentenwijzer for one person, as JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import typer

from banenafspraak.engines import regels as engine
from banenafspraak.parameters import ParameterError

app = typer.Typer(
    help="De wet als code: doelgroep (art. 38b Wfsv) en instrumenten, met de artikelen erbij.",
    no_args_is_help=True,
    add_completion=False,
)


def _fout(bericht: str) -> NoReturn:
    typer.echo(f"fout: {bericht}", err=True)
    raise typer.Exit(2)


def _lees_feiten(pad: Path) -> Any:
    try:
        return json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fout(f"feitenbestand {pad} bestaat niet")
    except json.JSONDecodeError as exc:
        _fout(f"feitenbestand {pad} is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno}): {exc.msg}")
    return None


def _peildatum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        _fout(f"--peildatum {tekst!r} is geen datum JJJJ-MM-DD")
    raise AssertionError  # unreachable


def _print(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


FEITEN = typer.Option(..., "--feiten", help="JSON-bestand met de feiten (zie `regels schema ...`).",
                      dir_okay=False)
PEILDATUM = typer.Option(..., "--peildatum", help="Datum waarop de regels worden toegepast (JJJJ-MM-DD).")


@app.command("doelgroep")
def doelgroep(
    feiten: Path = FEITEN,
    peildatum: str = PEILDATUM,
    verbreding_2023: bool = typer.Option(
        False, "--verbreding-2023", help="Beleidsvariant Kamerbrief 7 juni 2023 aanzetten (geen wet; scenario)."
    ),
) -> None:
    """Hoort deze persoon bij de doelgroep banenafspraak? Elke grond apart, met de artikelen."""
    data = _lees_feiten(feiten)
    try:
        _print(engine.doelgroep(data, _peildatum(peildatum), verbreding_2023=verbreding_2023))
    except (engine.FeitenFout, ParameterError) as exc:
        _fout(str(exc))


@app.command("instrumenten")
def instrumenten(feiten: Path = FEITEN, peildatum: str = PEILDATUM) -> None:
    """Instrumentenwijzer: welke instrumenten gelden, wat ze dit jaar waard zijn, en waarom (niet)."""
    data = _lees_feiten(feiten)
    try:
        _print(engine.instrumenten(data, _peildatum(peildatum)))
    except (engine.FeitenFout, ParameterError) as exc:
        _fout(str(exc))


@app.command("schema")
def schema(onderwerp: str = typer.Argument(..., help="doelgroep of instrumenten")) -> None:
    """Het JSON Schema van de feiten, elk feit met een Nederlandse omschrijving en het artikel."""
    try:
        _print(engine.schema(onderwerp))
    except engine.FeitenFout as exc:
        _fout(str(exc))
