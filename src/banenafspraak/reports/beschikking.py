"""The beschikking quotumheffing for one employer (art. 38h Wfsv), as HTML and PDF.

Lid 2 asks the decision to state: the total paid hours, the paid hours of arbeidsbeperkten, the calculation and
the amount. This letter states those, plus the liability test, the sector's activation and the suspension of
execution (art. 122na), so that an employer understands without other help what applies and why. It is a
calculation by this system, not a decision of the inspecteur: the letter says so.

The small document model here (``Document``, ``Blok``) with its HTML and PDF renderers is shared with the
quotumcalculator report.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from banenafspraak import parameters
from banenafspraak.engines.quotum import QuotumInvoerFout, QuotumResultaat, citaten_quotum
from banenafspraak.rules.quotum.heffing import quotumheffing_decimal

FONT_PADEN = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
              Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))


@dataclass
class Blok:
    kop: str | None = None
    alineas: list[str] = field(default_factory=list)
    tabel: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Document:
    titel: str
    blokken: list[Blok]
    voetnoot: str = ""


def euro(bedrag: Decimal | float | int) -> str:
    d = Decimal(str(bedrag)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "€ " + f"{d:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def getal(x: float | Decimal, decimalen: int = 2) -> str:
    return f"{float(x):,.{decimalen}f}".replace(",", "X").replace(".", ",").replace("X", ".")


# ---------------------------------------------------------------------------------------------------- render

_CSS = """body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.45;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem}table{border-collapse:collapse;width:100%}
td{border-bottom:1px solid #ddd;padding:.3rem .4rem;vertical-align:top}td:last-child{text-align:right}
.voet{font-size:.85rem;color:#444;margin-top:2rem}@media print{body{margin:0}}"""


def naar_html(doc: Document) -> str:
    e = html_lib.escape
    delen = [f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>{e(doc.titel)}</title>"
             f"<style>{_CSS}</style></head><body><h1>{e(doc.titel)}</h1>"]
    for blok in doc.blokken:
        if blok.kop:
            delen.append(f"<h2>{e(blok.kop)}</h2>")
        delen += [f"<p>{e(a)}</p>" for a in blok.alineas]
        if blok.tabel:
            rijen = "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in blok.tabel)
            delen.append(f"<table>{rijen}</table>")
    if doc.voetnoot:
        delen.append(f"<p class='voet'>{e(doc.voetnoot)}</p>")
    delen.append("</body></html>")
    return "\n".join(delen)


def naar_pdf(doc: Document) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    if all(p.exists() for p in FONT_PADEN):
        pdf.add_font("DejaVu", "", str(FONT_PADEN[0]))
        pdf.add_font("DejaVu", "B", str(FONT_PADEN[1]))
        font = "DejaVu"

        def schoon(t: str) -> str:
            return t
    else:  # core fonts know latin-1 only
        font = "Helvetica"

        def schoon(t: str) -> str:
            return t.replace("€", "EUR").replace("−", "-").replace("×", "x").encode("latin-1", "replace").decode(
                "latin-1")

    breedte = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font(font, "B", 15)
    pdf.multi_cell(breedte, 8, schoon(doc.titel), new_x="LMARGIN", new_y="NEXT")
    for blok in doc.blokken:
        if blok.kop:
            pdf.ln(3)
            pdf.set_font(font, "B", 12)
            pdf.multi_cell(breedte, 7, schoon(blok.kop), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(font, "", 10)
        for a in blok.alineas:
            pdf.multi_cell(breedte, 5, schoon(a), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        for k, v in blok.tabel:
            _tabelrij(pdf, breedte, schoon(k), schoon(v))
    if doc.voetnoot:
        pdf.ln(4)
        pdf.set_font(font, "", 8)
        pdf.multi_cell(breedte, 4, schoon(doc.voetnoot), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _tabelrij(pdf: Any, breedte: float, links: str, rechts: str) -> None:
    """One table row: label left, value right-aligned, both starting on the same line."""
    bl, br = breedte * 0.62, breedte * 0.38
    regels = max(len(pdf.multi_cell(bl, 5, links, dry_run=True, output="LINES")),
                 len(pdf.multi_cell(br, 5, rechts, dry_run=True, output="LINES")))
    hoogte = 5 * regels
    if pdf.get_y() + hoogte > pdf.page_break_trigger:
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    pdf.multi_cell(bl, 5, links)
    pdf.set_xy(x + bl, y)
    pdf.multi_cell(br, 5, rechts, align="R")
    pdf.set_xy(x, y + hoogte)


def schrijf_atomair(pad: Path, inhoud: bytes) -> Path:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(pad.name + ".tmp")
    tijdelijk.write_bytes(inhoud)
    tijdelijk.replace(pad)
    return pad


# ---------------------------------------------------------------------------------------------------- beschikking


def beschikking_document(res: QuotumResultaat, loonheffingennummer: str, dagtekening: date | None = None) -> Document:
    """The letter for one employer; needs the Wfsv regime in ``res``."""
    if "wfsv" not in res.regimes:
        raise QuotumInvoerFout("een beschikking quotumheffing (art. 38h Wfsv) vraagt om het regime wfsv")
    t = res.tabel
    rijen = t[t["loonheffingennummer"] == str(loonheffingennummer)]
    if rijen.empty:
        raise QuotumInvoerFout(f"werkgever {loonheffingennummer} staat niet in de tabel voor {res.jaar}")
    r = rijen.iloc[0]
    peildatum = date(res.jaar, 1, 1)
    d_uren = Decimal(str(parameters.waarde("meting.jaaruren_per_baan_monitoring", peildatum).waarde))
    per_baan = Decimal(str(parameters.waarde("quotum.heffing_per_ontbrekende_baan", peildatum).waarde))
    drempel = Decimal(str(parameters.waarde("quotum.drempel_verloonde_uren", peildatum).waarde))
    a = Decimal(str(round(float(r["uren_werkgever_A"]), 2)))
    c = Decimal(str(round(float(r["uren_doelgroep_C"]), 2)))
    b = Decimal(str(r["wfsv_quotumpercentage"]))
    plichtig = bool(r["wfsv_heffingsplichtig"])
    # The shortfall and amount recomputed in Decimal from the stated figures, so the letter's own arithmetic holds.
    tekort = max((a * b / 100 - c) / d_uren, Decimal(0)) if plichtig else Decimal(0)
    bedrag = quotumheffing_decimal(tekort, per_baan)
    naam = str(r.get("naam") or loonheffingennummer)
    dag = dagtekening or date.today()
    uitgevoerd = bool(r["wfsv_sector_geactiveerd"]) and not bool(r["wfsv_uitvoering_opgeschort"])

    blokken = [
        Blok(alineas=[
            f"Aan: {naam}, loonheffingennummer {loonheffingennummer}",
            f"Dagtekening: {dag.isoformat()}. Heffingsjaar: {res.jaar}. Sector: {r['sector']}.",
            "Dit is een berekening door het systeem banenafspraak volgens art. 38h Wfsv. Het is geen beschikking "
            "van de inspecteur van de Belastingdienst; die stelt de heffing vast.",
        ]),
        Blok("1. Moet u de quotumheffing betalen? (art. 34 lid 4 en 6 Wfsv)", alineas=[
            (f"Ja. U had in {res.jaar - 1} en in {res.jaar} niet minder dan {getal(drempel, 0)} verloonde uren "
             "(25 × het gemiddelde van 1.623 uur per werknemer). Ingeleend personeel telt hierbij niet mee.")
            if plichtig else
            (f"Nee. U had in {res.jaar - 1} of in {res.jaar} minder dan {getal(drempel, 0)} verloonde uren. "
             "Daarom bent u niet heffingsplichtig en is het quotumtekort nul."),
        ], tabel=[(f"Verloonde uren voor deze toets in {res.jaar}", getal(r["wfsv_uren_omvangstoets"]))]),
        Blok("2. Uw verloonde uren (art. 38h lid 2 Wfsv)", tabel=[
            ("Totaal verloonde uren (A)", getal(a)),
            ("Verloonde uren van werknemers uit de doelgroep (C)", getal(c)),
        ], alineas=[
            "A: uren op uw eigen loonlijst, zonder Wsw'ers die niet bij een ander werken en zonder mensen uit de "
            "doelgroep die u aan een ander uitleent; mét mensen uit de doelgroep die u inleent (art. 38g lid 2 "
            "en 4). C: uren van mensen uit het doelgroepregister bij u, eigen loonlijst en ingeleend."
        ]),
        Blok("3. De berekening (art. 38g en 38h Wfsv)", tabel=[
            ("Quotumpercentage sector (B, art. 38f)", f"{getal(b)}%"),
            ("Uren per baan (D)", getal(d_uren, 0)),
            ("Verwacht aantal banen: A × B / D", getal(a * b / 100 / d_uren, 4)),
            ("Gerealiseerd aantal banen: C / D", getal(c / d_uren, 4)),
            ("Quotumtekort: (A × B − C) / D, niet minder dan 0", getal(tekort, 4)),
            (f"Heffing: quotumtekort × {euro(per_baan)}", euro(bedrag)),
        ]),
        Blok("4. Het bedrag", alineas=[
            f"De quotumheffing over {res.jaar} bedraagt {euro(bedrag)}.",
            "Wordt de heffing uitgevoerd? " + (
                "Ja: de heffing is voor uw sector geactiveerd en de uitvoering is niet opgeschort. U betaalt binnen "
                "zes weken na de dagtekening van de beschikking van de inspecteur (art. 38i Wfsv)."
                if uitgevoerd else
                ("Nee. " + ("De heffing is voor uw sector niet geactiveerd (art. 122n Wfsv). "
                            if not bool(r["wfsv_sector_geactiveerd"]) else "")
                 + ("De uitvoering is opgeschort voor kalenderjaren vóór de inwerkingtreding van art. 2 Wet "
                    "banenafspraak (art. 122na Wfsv). " if bool(r["wfsv_uitvoering_opgeschort"]) else "")
                 + "U hoeft nu niets te betalen; het bedrag hierboven laat zien wat uw positie is.")),
        ]),
        Blok("5. Bezwaar", alineas=[
            "Tegen een beschikking van de inspecteur kunt u bezwaar maken (art. 38h lid 3 Wfsv). Een bezwaar kan "
            "niet steunen op de stelling dat een werknemer ten onrechte niet in het doelgroepregister stond "
            "(art. 38h lid 7 Wfsv).",
        ]),
        Blok("Artikelen", alineas=[f"{c}: {c.href}" for c in citaten_quotum()]),
    ]
    voet = (f"Parameterversie {parameters.versie()}. Quotumpercentage: "
            f"{res.toelichting.get('instellingen', {}).get('quotumpercentage') or 'parameter'}.")
    return Document(f"Berekening quotumheffing {res.jaar}", blokken, voet)


def schrijf_beschikking(res: QuotumResultaat, loonheffingennummer: str, map_: Path) -> list[Path]:
    """Write ``beschikking_<lhn>_<jaar>.html`` and ``.pdf`` into ``map_``; nothing is written on an error."""
    doc = beschikking_document(res, loonheffingennummer)
    html_tekst = naar_html(doc).encode("utf-8")
    pdf_bytes = naar_pdf(doc)
    stam = f"beschikking_{loonheffingennummer}_{res.jaar}"
    return [schrijf_atomair(map_ / f"{stam}.html", html_tekst), schrijf_atomair(map_ / f"{stam}.pdf", pdf_bytes)]
