"""``banenafspraak register …``: import, export, check and the gemeente delivery, on the SQLite default."""

from __future__ import annotations

import uuid
from pathlib import Path

import typer
from rich.console import Console

from banenafspraak.register import (
    ExtractFout,
    controleer_extract,
    diensten,
    exporteer_extract,
    importeer_extract,
)
from banenafspraak.register.config import ENV_DATABASE_URL, database_url, master_secret
from banenafspraak.register.db import is_actueel, maak_engine, open_register, upgrade
from banenafspraak.register.extract import schrijf_audit

app = typer.Typer(help="Het doelgroepregister: importeren, exporteren, controleren en leveren.", no_args_is_help=True)
console = Console(soft_wrap=True)
fout_console = Console(stderr=True, soft_wrap=True)

DatabaseUrl = typer.Option(
    None,
    "--database-url",
    envvar=ENV_DATABASE_URL,
    help="SQLAlchemy-URL; standaard een SQLite-bestand banenafspraak-register.sqlite hier.",
)


def _extractfout(e: ExtractFout) -> None:
    fout_console.print(f"[red]{e}[/red]", highlight=False)
    raise typer.Exit(1)


@app.command("check")
def check(bestand: Path = typer.Argument(..., help="registerextract (CSV of Parquet)")) -> None:
    """Controleer een registerextract zonder iets te schrijven."""
    try:
        df = controleer_extract(bestand)
    except ExtractFout as e:
        _extractfout(e)
    console.print(f"{bestand}: {len(df)} rijen, {df['persoon_id'].nunique()} personen, geen fouten.")


@app.command("import")
def importeer(
    bestand: Path = typer.Argument(..., help="registerextract (CSV of Parquet)"),
    database: str | None = DatabaseUrl,
    door: str = typer.Option("cli", help="wie importeert (komt in de versiegeschiedenis en het auditlog)"),
    reden: str = typer.Option("registerextract", help="waarom (komt in de versiegeschiedenis)"),
    droog: bool = typer.Option(False, "--droog", help="alleen tellen wat er zou veranderen"),
) -> None:
    """Importeer een registerextract: alles of niets, en opnieuw draaien verandert niets."""
    try:
        r = importeer_extract(bestand, database, door=door, reden=reden, droog=droog)
    except ExtractFout as e:
        _extractfout(e)
    kop = "Droog (niets geschreven)" if droog else ("Geïmporteerd" if r.veranderd else "Niets veranderd")
    console.print(f"{kop}: {r.bestand} ({r.rijen} rijen, sha256 {r.sha256[:12]}…) in {r.seconden:.1f} s")
    console.print(f"  nieuwe personen:         {r.nieuwe_personen}")
    console.print(f"  nieuwe registraties:     {r.nieuwe_registraties}")
    console.print(f"  gewijzigde registraties: {r.gewijzigde_registraties}")
    console.print(f"  ongewijzigd:             {r.ongewijzigd}")
    console.print(f"  in register, niet in bestand (ongemoeid gelaten): {r.niet_in_bestand}")
    for v in r.voorbeelden_gewijzigd:
        console.print(f"    {v}", highlight=False)


@app.command("export")
def exporteer(
    bestand: Path = typer.Argument(..., help="doelbestand: .csv of .parquet"),
    database: str | None = DatabaseUrl,
    door: str = typer.Option("cli", help="wie exporteert (auditlog)"),
) -> None:
    """Schrijf het register als registerextract (het bestand dat de Meting leest)."""
    n = exporteer_extract(bestand, database, door=door)
    console.print(f"{n} registraties geschreven naar {bestand}")


@app.command("levering")
def levering(
    gemeente: str = typer.Option(..., "--gemeente", help="gemeentecode, bijv. GM0363"),
    jaar: int = typer.Option(..., "--jaar"),
    uitvoer: Path = typer.Option(..., "--uitvoer", "-o", help=".csv of .xlsx"),
    database: str | None = DatabaseUrl,
    door: str = typer.Option("cli", help="wie levert (auditlog)"),
) -> None:
    """De jaarlijkse levering aan een gemeente: alle registraties van haar inwoners in dat jaar."""
    formaat = uitvoer.suffix.lower().lstrip(".")
    if formaat not in ("csv", "xlsx"):
        fout_console.print("--uitvoer moet op .csv of .xlsx eindigen")
        raise typer.Exit(2)
    engine = open_register(database)
    wie = diensten.Handelende(account=door, trace_id=uuid.uuid4().hex)
    try:
        with engine.begin() as conn:
            df = diensten.levering(conn, wie, gemeente, jaar)
            schrijf_audit(conn, wie.trace_id, door, "uwv", None, f"register levering {gemeente} {jaar}", 0)
    except diensten.OngeldigeInvoer as e:
        fout_console.print(f"[red]{e}[/red]")
        raise typer.Exit(1) from None
    finally:
        engine.dispose()
    uitvoer.write_bytes(diensten.levering_bytes(df, formaat, f"Doelgroepregister, levering {gemeente} {jaar}"))
    console.print(f"{len(df)} registraties van {df['persoon_id'].nunique()} inwoners naar {uitvoer}")


@app.command("migreer")
def migreer(database: str | None = DatabaseUrl) -> None:
    """Maak de database aan of breng haar schema bij (Alembic-migraties)."""
    engine = maak_engine(database)
    try:
        if is_actueel(engine):
            console.print(f"{database_url(database)}: schema is actueel")
            return
        upgrade(engine)
        console.print(f"{database_url(database)}: schema bijgewerkt")
    finally:
        engine.dispose()


@app.command("token")
def token(
    account: str = typer.Option(..., help="naam van de machine-client"),
    rol: str = typer.Option(..., help="uwv, gemeente, werkgever of onderzoeker"),
    organisatie: str | None = typer.Option(
        None, help="GMxxxx voor een gemeente, loonheffingennummer voor een werkgever"
    ),
    dagen: int = typer.Option(30, help="geldigheid in dagen"),
) -> None:
    """Maak een token voor een machine-client (ondertekend met de registersleutel)."""
    from banenafspraak.api.auth import Tokens

    if rol == "werkzoekende":
        fout_console.print("een werkzoekende logt zelf in; geen machinetoken")
        raise typer.Exit(2)
    try:
        t = Tokens(master_secret()).maak(account, rol, organisatie, minuten=dagen * 24 * 60)
    except ValueError as e:
        fout_console.print(f"[red]{e}[/red]")
        raise typer.Exit(2) from None
    typer.echo(t)
