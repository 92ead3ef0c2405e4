"""`banenafspraak quotum`: the quota position per employer (Wfsv and/or Wet banenafspraak), explain, beschikking,
and the quotumcalculator for one employer."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from banenafspraak.engines import quotum as engine

app = typer.Typer(
    help=(
        "Quotumpositie per werkgever: heffingsplicht, verwachte en gerealiseerde banen, quotumtekort en heffing "
        "(Wfsv), of opslag, bonus en saldo (Wet banenafspraak).\n\n"
        "Voorbeeld: banenafspraak quotum --jaar 2018 --regime wfsv --werkgevers-tabel werkgevers.csv "
        "--quotumpercentage overheid=1.93 --quotumpercentage markt=2.00"
    ),
    invoke_without_command=True,
    add_completion=False,
)
console = Console(width=160)


def _fout(bericht: str) -> NoReturn:
    typer.echo(f"fout: {bericht}", err=True)
    raise typer.Exit(2)


def _datum(tekst: str | None, optie: str) -> date | None:
    if tekst is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        _fout(f"{optie} {tekst!r} is geen datum JJJJ-MM-DD")
    return None


def _decimaal(tekst: str | None, optie: str) -> Decimal | None:
    if tekst is None:
        return None
    try:
        return Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        _fout(f"{optie} {tekst!r} is geen getal")
    return None


def instellingen(
    quotumpercentage: list[str] | None,
    wbaf_quotumpercentage: str | None,
    bonus_per_uur: str | None,
    bonus_beleidswaarde_2019: bool,
    opslag_percentage: str | None,
    kalibreer_opslag: bool,
    inwerkingtreding_art2: str | None,
    activeringsbesluit: str | None,
) -> engine.Instellingen:
    per_sector: dict[str, Decimal] = {}
    for item in quotumpercentage or []:
        sector, _, pct = item.partition("=")
        if sector not in ("markt", "overheid") or not pct:
            _fout(f"--quotumpercentage {item!r}: schrijf sector=percentage, bijvoorbeeld overheid=1.93")
        waarde = _decimaal(pct, "--quotumpercentage")
        assert waarde is not None
        per_sector[sector] = waarde
    return engine.Instellingen(
        quotumpercentage=per_sector,
        wbaf_quotumpercentage=_decimaal(wbaf_quotumpercentage, "--wbaf-quotumpercentage"),
        bonus_per_uur=_decimaal(bonus_per_uur, "--bonus-per-uur"),
        bonus_beleidswaarde_2019=bonus_beleidswaarde_2019,
        opslag_percentage=_decimaal(opslag_percentage, "--opslag-percentage"),
        kalibreer_opslag=kalibreer_opslag,
        inwerkingtreding_artikel_2=_datum(inwerkingtreding_art2, "--inwerkingtreding-art2"),
        activeringsbesluit=_datum(activeringsbesluit, "--activeringsbesluit"),
    )


def lees_werkgeverstabel(pad: Path) -> pd.DataFrame:
    if not pad.exists():
        _fout(f"werkgeverstabel {pad} bestaat niet")
    try:
        if pad.suffix.lower() == ".parquet":
            return pd.read_parquet(pad)
        if pad.suffix.lower() == ".csv":
            return pd.read_csv(pad, dtype={"loonheffingennummer": str, "gemeentecode": str})
    except Exception as exc:  # a broken file: say which and why
        _fout(f"werkgeverstabel {pad} is niet te lezen: {exc}")
    _fout(f"werkgeverstabel {pad}: alleen .csv of .parquet")
    raise AssertionError  # unreachable


def _uit_meting(polis: Path, register: Path, werkgevers: Path, jaar: int) -> pd.DataFrame:
    from banenafspraak.engines.invoer import InvoerFout, lees_invoer
    from banenafspraak.engines.meting import werkgeverstabel

    try:
        invoer = lees_invoer(polis, werkgevers, register)
    except InvoerFout as exc:
        _fout(str(exc))
    delen = [werkgeverstabel(invoer, j).to_pandas() for j in (jaar - 2, jaar - 1, jaar)]
    return pd.concat(delen, ignore_index=True)


def _schrijf(df: pd.DataFrame, pad: Path) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(pad.name + ".tmp")
    suffix = pad.suffix.lower()
    if suffix == ".parquet":
        df.to_parquet(tijdelijk, index=False)
    elif suffix == ".csv":
        df.to_csv(tijdelijk, index=False)
    elif suffix == ".json":
        tijdelijk.write_text(df.to_json(orient="records", force_ascii=False), encoding="utf-8")
    else:
        _fout(f"--uit {pad}: kies .csv, .parquet of .json")
    tijdelijk.replace(pad)


def _toon(res: engine.QuotumResultaat, aantal: int) -> None:
    t = res.tabel
    kolommen = {"loonheffingennummer": "werkgever", "sector": "sector", "uren_werkgever_A": "uren A",
                "uren_doelgroep_C": "doelgroep C"}
    if "wfsv" in res.regimes:
        kolommen |= {"wfsv_heffingsplichtig": "plichtig", "wfsv_quotumtekort": "tekort",
                     "wfsv_heffing_berekend_centen": "heffing €"}
    if "wbaf" in res.regimes:
        kolommen |= {"wbaf_inclusiviteitsopslag_centen": "opslag €", "wbaf_banenafspraakbonus_centen": "bonus €",
                     "wbaf_netto_centen": "saldo €"}
    tabel = Table(title=f"Quotumpositie per werkgever, {res.jaar} ({' en '.join(res.regimes)})")
    for kop in kolommen.values():
        tabel.add_column(kop, justify="left" if kop in ("werkgever", "sector") else "right", no_wrap=True)
    for _, r in t.head(aantal).iterrows():
        cellen = []
        for k in kolommen:
            v = r[k]
            if k.endswith("_centen"):
                cellen.append("—" if pd.isna(v) else f"{int(v) / 100:,.2f}")
            elif isinstance(v, float):
                cellen.append(f"{v:,.2f}")
            else:
                cellen.append("—" if pd.isna(v) else str(v))
        tabel.add_row(*cellen)
    console.print(tabel)
    console.print(f"{len(t)} werkgevers; {min(aantal, len(t))} getoond.")
    if "wfsv" in res.regimes:
        console.print(
            f"Wfsv: {int(t['wfsv_heffingsplichtig'].sum())} heffingsplichtig, quotumtekort samen "
            f"{t['wfsv_quotumtekort'].sum():,.2f} banen, heffing berekend € "
            f"{t['wfsv_heffing_berekend_centen'].sum() / 100:,.2f}, te betalen € "
            f"{t['wfsv_heffing_te_betalen_centen'].sum() / 100:,.2f}"
        )
    console.print_json(json.dumps(res.toelichting, default=str, ensure_ascii=False))


@app.callback()
def quotum(
    ctx: typer.Context,
    jaar: int | None = typer.Option(None, "--jaar", help="Heffingsjaar / kalenderjaar."),
    regime: list[str] | None = typer.Option(None, "--regime", help="wfsv en/of wbaf (herhaal voor beide)."),
    werkgevers_tabel: Path | None = typer.Option(
        None, "--werkgevers-tabel", help="Werkgeverstabel van de meting (.csv of .parquet), meerdere jaren mag."),
    polis: Path | None = typer.Option(None, "--polis", help="Polisbestand; bouwt de tabel via de meting."),
    register: Path | None = typer.Option(None, "--register", help="Doelgroepregister (met --polis)."),
    werkgevers: Path | None = typer.Option(None, "--werkgevers", help="Werkgeversbestand (met --polis)."),
    werkgever: str | None = typer.Option(None, "--werkgever", help="Loonheffingennummer van één werkgever."),
    explain: bool = typer.Option(False, "--explain", help="Toon de keten van regels voor --werkgever."),
    beschikking: Path | None = typer.Option(
        None, "--beschikking", help="Map: schrijf de beschikking (HTML en PDF) voor --werkgever."),
    uit: Path | None = typer.Option(None, "--uit", help="Schrijf de hele tabel (.csv, .parquet of .json)."),
    toon: int = typer.Option(20, "--toon", help="Aantal rijen op het scherm."),
    quotumpercentage: list[str] | None = typer.Option(
        None, "--quotumpercentage", help="sector=percentage (art. 38f Wfsv) waar de parameter ontbreekt."),
    wbaf_quotumpercentage: str | None = typer.Option(None, "--wbaf-quotumpercentage",
                                                     help="Het ene percentage onder de Wet banenafspraak."),
    bonus_per_uur: str | None = typer.Option(None, "--bonus-per-uur", help="Banenafspraakbonus per uur (scenario)."),
    bonus_beleidswaarde_2019: bool = typer.Option(
        False, "--bonus-beleidswaarde-2019", help="Gebruik €3,77 per uur uit de ontwerpbrief 2019 (geen wet)."),
    opslag_percentage: str | None = typer.Option(None, "--opslag-percentage",
                                                 help="Inclusiviteitsopslag in procentpunten (scenario)."),
    kalibreer_opslag: bool = typer.Option(
        False, "--kalibreer-opslag", help="Opslag zo dat opslag en bonus in evenwicht zijn bij precies het quotum."),
    inwerkingtreding_art2: str | None = typer.Option(
        None, "--inwerkingtreding-art2", help="Datum inwerkingtreding art. 2 Wet banenafspraak (scenario)."),
    activeringsbesluit: str | None = typer.Option(
        None, "--activeringsbesluit", help="Datum activeringsbesluit Wet banenafspraak (scenario)."),
) -> None:
    """Quotumpositie van alle werkgevers in een jaar."""
    if ctx.invoked_subcommand is not None:
        return
    if jaar is None:
        _fout("--jaar ontbreekt")
    assert jaar is not None
    regimes = tuple(regime or ["wfsv"])
    if werkgevers_tabel is not None:
        df = lees_werkgeverstabel(werkgevers_tabel)
    elif polis and register and werkgevers:
        df = _uit_meting(polis, register, werkgevers, jaar)
    else:
        _fout("geef --werkgevers-tabel, of --polis, --register en --werkgevers")
    inst = instellingen(quotumpercentage, wbaf_quotumpercentage, bonus_per_uur, bonus_beleidswaarde_2019,
                        opslag_percentage, kalibreer_opslag, inwerkingtreding_art2, activeringsbesluit)
    if (explain or beschikking) and not werkgever:
        _fout("--explain en --beschikking vragen om --werkgever LOONHEFFINGENNUMMER")
    try:
        res = engine.bereken(df, jaar, regimes, inst)
        if werkgever and explain:
            typer.echo(json.dumps(engine.verklaar(res, werkgever), ensure_ascii=False, indent=2, default=str))
        if werkgever and beschikking:
            from banenafspraak.reports.beschikking import schrijf_beschikking

            if "wfsv" not in regimes:
                _fout("een beschikking (art. 38h Wfsv) vraagt om --regime wfsv")
            paden = schrijf_beschikking(res, werkgever, beschikking)
            for p in paden:
                typer.echo(f"geschreven: {p}")
    except engine.QuotumInvoerFout as exc:
        _fout(str(exc))
    if uit is not None:
        _schrijf(res.tabel, uit)
        typer.echo(f"geschreven: {uit} ({len(res.tabel)} werkgevers)")
    elif not (werkgever and (explain or beschikking)):
        _toon(res, toon)


@app.command("calculator")
def calculator(
    jaar: int = typer.Option(..., "--jaar", help="Kalenderjaar."),
    sector: str = typer.Option(..., "--sector", help="markt of overheid."),
    uren: float = typer.Option(..., "--uren", help="Uw verloonde uren in het jaar (eigen loonlijst)."),
    doelgroep_uren: float = typer.Option(
        0.0, "--doelgroep-uren", help="Verloonde uren van mensen uit de doelgroep op uw eigen loonlijst."),
    ingeleend_doelgroep_uren: float = typer.Option(
        0.0, "--ingeleend-doelgroep-uren", help="Uren van ingeleende mensen uit de doelgroep (uitzend, detachering)."),
    uren_vorig_jaar: float | None = typer.Option(None, "--uren-vorig-jaar",
                                                 help="Verloonde uren vorig jaar (standaard: gelijk aan --uren)."),
    loonsom: float | None = typer.Option(None, "--loonsom", help="Premieloon (loonsom) in euro, voor de Wbaf."),
    kleine_werkgever: bool | None = typer.Option(None, "--kleine-werkgever/--grote-werkgever",
                                                 help="Kleine werkgever voor de Aof-premie (art. 2.19d Besluit Wfsv)."),
    naam: str = typer.Option("Uw organisatie", "--naam"),
    quotumpercentage: str | None = typer.Option(None, "--quotumpercentage", help="Percentage voor uw sector."),
    wbaf_quotumpercentage: str | None = typer.Option(None, "--wbaf-quotumpercentage"),
    bonus_beleidswaarde_2019: bool = typer.Option(False, "--bonus-beleidswaarde-2019"),
    opslag_percentage: str | None = typer.Option(None, "--opslag-percentage"),
    activeringsbesluit: str | None = typer.Option(None, "--activeringsbesluit"),
    html: Path | None = typer.Option(None, "--html", help="Schrijf het rapport als HTML."),
    pdf: Path | None = typer.Option(None, "--pdf", help="Schrijf het rapport als PDF."),
) -> None:
    """Quotumcalculator: uw quotumpositie onder beide regimes en de instrumenten die u kunt gebruiken."""
    from banenafspraak.reports.quotumcalculator import bereken_positie, schrijf_html, schrijf_pdf, tekst

    if sector not in ("markt", "overheid"):
        _fout(f"--sector {sector!r}: kies markt of overheid")
    for optie, waarde in (("--uren", uren), ("--doelgroep-uren", doelgroep_uren),
                          ("--ingeleend-doelgroep-uren", ingeleend_doelgroep_uren)):
        if waarde < 0:
            _fout(f"{optie} mag niet negatief zijn")
    if doelgroep_uren > uren:
        _fout("--doelgroep-uren kan niet groter zijn dan --uren (doelgroepuren horen bij uw eigen loonlijst)")
    inst = instellingen(
        [f"{sector}={quotumpercentage}"] if quotumpercentage else None, wbaf_quotumpercentage, None,
        bonus_beleidswaarde_2019, opslag_percentage, False, None, activeringsbesluit,
    )
    positie: dict[str, Any] = bereken_positie(
        jaar=jaar, sector=sector, uren=uren, doelgroep_uren=doelgroep_uren,
        ingeleend_doelgroep_uren=ingeleend_doelgroep_uren, uren_vorig_jaar=uren_vorig_jaar, loonsom=loonsom,
        kleine_werkgever=kleine_werkgever, naam=naam, instellingen=inst,
    )
    typer.echo(tekst(positie))
    if html:
        typer.echo(f"geschreven: {schrijf_html(positie, html)}")
    if pdf:
        typer.echo(f"geschreven: {schrijf_pdf(positie, pdf)}")
