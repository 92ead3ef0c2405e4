"""A self-contained HTML report of a measurement: tables, charts as inline SVG, lineage. No scripts, no CDN."""

from __future__ import annotations

import math
from html import escape
from typing import Any

from banenafspraak.engines.landelijk import SECTOREN
from banenafspraak.engines.meting import MetingResultaat
from banenafspraak.reference import gepubliceerd

KLEUR = {"markt": "#01689b", "overheid": "#e17000", "totaal": "#39870c", "doel": "#888888"}
SECTORNAAM = {"markt": "Markt", "overheid": "Overheid", "totaal": "Totaal"}


def _n(x: Any) -> str:
    """Dutch thousands separator."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, float) and not x.is_integer():
        return f"{x:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{int(x):,}".replace(",", ".")


def _lijngrafiek(reeks: list[dict[str, Any]], sector: str) -> str:
    """Realised extra jobs against the target per year, with the official figure as a dot."""
    b, h, m = 520, 240, 60
    jaren = [r["jaar"] for r in reeks if r["sector"] == sector]
    gerealiseerd = [r["totaal"] for r in reeks if r["sector"] == sector]
    doel = [r["doelstelling"] for r in reeks if r["sector"] == sector]
    officieel = [(j, g.totaal) for j in jaren if (g := gepubliceerd(j, sector)) is not None and g.totaal is not None]
    hoogste = max([*gerealiseerd, *doel, *(v for _, v in officieel), 1]) * 1.1
    if not jaren:
        return ""

    def x(j: int) -> float:
        return m + (j - jaren[0]) / max(len(jaren) - 1, 1) * (b - 2 * m)

    def y(v: float) -> float:
        return h - m + 10 - v / hoogste * (h - m - 10)

    def lijn(waarden: list[int], kleur: str, streep: str = "") -> str:
        punten = " ".join(f"{x(j):.1f},{y(v):.1f}" for j, v in zip(jaren, waarden, strict=True))
        return f'<polyline fill="none" stroke="{kleur}" stroke-width="2.5" {streep} points="{punten}"/>'

    assen = "".join(
        f'<text x="{x(j):.1f}" y="{h - m + 26}" font-size="11" text-anchor="middle">{j}</text>' for j in jaren
    )
    ticks = "".join(
        f'<line x1="{m}" x2="{b - m}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
        f'<text x="{m - 6}" y="{y(v) + 4:.1f}" font-size="10" text-anchor="end">{_n(round(v))}</text>'
        for v in (hoogste / 1.1 * f for f in (0, 0.25, 0.5, 0.75, 1.0))
    )
    stippen = "".join(
        f'<circle cx="{x(j):.1f}" cy="{y(v):.1f}" r="4" fill="none" stroke="#000"><title>officieel {j}: {_n(v)}'
        f"</title></circle>"
        for j, v in officieel
    )
    doellijn = lijn(doel, KLEUR["doel"], 'stroke-dasharray="6 4"')
    return (
        f'<svg viewBox="0 0 {b} {h}" width="{b}" height="{h}" role="img" '
        f'aria-label="Extra banen {SECTORNAAM[sector]} tegen doelstelling">'
        f'<text x="{m}" y="16" font-weight="bold">{SECTORNAAM[sector]}</text>{ticks}{assen}'
        f"{doellijn}{lijn(gerealiseerd, KLEUR[sector])}{stippen}"
        "</svg>"
    )


def _staafgrafiek(rijen: list[tuple[str, float]], titel: str, eenheid: str) -> str:
    b, regel, links = 640, 16, 210
    hoogste = max([v for _, v in rijen] + [1])
    h = len(rijen) * regel + 30
    staven = "".join(
        f'<text x="{links - 6}" y="{30 + i * regel + 11}" font-size="11" text-anchor="end">{escape(naam)}</text>'
        f'<rect x="{links}" y="{30 + i * regel}" width="{v / hoogste * (b - links - 70):.1f}" height="{regel - 3}"'
        f' fill="{KLEUR["markt"]}"><title>{escape(naam)}: {_n(v)} {eenheid}</title></rect>'
        f'<text x="{links + v / hoogste * (b - links - 70) + 4:.1f}" y="{30 + i * regel + 11}" font-size="10">'
        f"{_n(v)}</text>"
        for i, (naam, v) in enumerate(rijen)
    )
    return (f'<svg viewBox="0 0 {b} {h}" width="{b}" height="{h}" role="img" aria-label="{escape(titel)}">'
            f'<text x="0" y="16" font-weight="bold">{escape(titel)}</text>{staven}</svg>')


def _tabel(kop: list[str], rijen: list[list[Any]]) -> str:
    th = "".join(f"<th>{escape(k)}</th>" for k in kop)
    tr = "".join("<tr>" + "".join(f"<td>{c if isinstance(c, str) else _n(c)}</td>" for c in r) + "</tr>"
                 for r in rijen)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{tr}</tbody></table>"


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#1a1a1a}h1{color:#154273}h2{color:#154273;border-bottom:2px solid #154273;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}
th{background:#154273;color:#fff}td:first-child,th:first-child{text-align:left}.grafieken{display:flex;
flex-wrap:wrap;gap:1em}.noot{color:#555;font-size:.9em}code{background:#f3f3f3;padding:0 .2em}
"""


def html_rapport(r: MetingResultaat) -> str:
    reeks = r.reeks().to_dict(orient="records")
    laatste = max(r.jaren)
    d = r.landelijk[laatste].als_dict()
    nationaal = _tabel(
        ["", "Markt", "Overheid", "Totaal"],
        [[naam, *(d["sectoren"][s][k] for s in (*SECTOREN, "totaal"))] for naam, k in (
            ("Formele dienstverbanden", "formeel"), ("Inleenverbanden", "inleen"), ("Totaal", "totaal"),
            ("Doelstelling", "doelstelling"), ("Verschil", "verschil"), ("Realisatie (%)", "realisatie_pct"))],
    )
    officieel = []
    for rij in reeks:
        g = gepubliceerd(rij["jaar"], rij["sector"])
        officieel.append([str(rij["jaar"]), SECTORNAAM[rij["sector"]], rij["totaal"],
                          g.totaal if g else None, rij["doelstelling"], rij["verandering_vorig_jaar"]])
    am = r.arbeidsmarktregios[r.arbeidsmarktregios.jaar == laatste]
    regio_banen = sorted(((str(x.arbeidsmarktregio_naam), float(x.banen_extra)) for x in am.itertuples()),
                         key=lambda t: -t[1])
    regio_pct = sorted(((str(x.arbeidsmarktregio_naam), 100 * x.werkend / x.geregistreerd if x.geregistreerd else 0.0)
                        for x in am.itertuples()), key=lambda t: -t[1])
    ov = r.overheidssectoren[r.overheidssectoren.jaar == laatste]
    overheid = _tabel(["Overheidssector", "Banen formeel", "Extra formeel t.o.v. nulmeting",
                       "Extra inleen (inlener bekend)"],
                      [[str(x.overheidssector), float(x.banen_formeel), float(x.banen_formeel_extra),
                        float(x.banen_inleen_bekend_extra)] for x in ov.itertuples()])
    herkomst = "".join(f"<li><code>{escape(k)}</code>: {escape(str(v))}</li>" for k, v in r.herkomst.items()
                       if k not in ("parameters", "regels"))
    regels = _tabel(["Regel", "Wat", "Bepalingen"],
                    [[escape(str(s["regel"])), escape(str(s["uitleg"])),
                      ", ".join(f'<a href="{escape(b["href"])}">{escape(b["tekst"])}</a>' for b in s["bepalingen"])]
                     for s in r.herkomst.get("regels", [])])
    params = _tabel(["Parameter", "Waarde", "Geldig vanaf", "Bron"],
                    [[escape(p["parameter"]), escape(str(p["waarde"])), p["geldig_vanaf"],
                      f'<a href="{escape(p["bron"]["href"] or "")}">{escape(p["bron"]["titel"])}</a>']
                     for p in r.herkomst.get("parameters", [])])
    norm = str(r.baannorm_uren).replace(".", ",")
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Banenafspraak – meting {min(r.jaren)}–{laatste}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>
<h1>Banenafspraak: resultaten eind {laatste} ten opzichte van de nulmeting</h1>
<p>Extra banen voor mensen uit het doelgroepregister ten opzichte van de nulmeting (1 januari {r.nulmetingjaar + 1}),
gemeten in verloonde uren; één baan is 25,5 uur per week ({norm} uur over de meetperiode
van {r.maanden} maanden). Inleenverbanden (uitzendingen en Wsw-detacheringen) zijn landelijk over de sectoren verdeeld
met de verdeelsleutel van het jaar.</p>
{nationaal}
<h2>Realisatie tegen doelstelling per jaar</h2>
<p class="noot">Doorgetrokken lijn: gemeten; gestreept: doelstelling; open cirkel: officieel gepubliceerde meting.</p>
<div class="grafieken">{"".join(_lijngrafiek(reeks, s) for s in (*SECTOREN, "totaal"))}</div>
{_tabel(["Jaar", "Sector", "Gemeten", "Officieel", "Doelstelling", "Verandering t.o.v. vorig jaar"], officieel)}
<h2>Per arbeidsmarktregio (woonplaats), eind {laatste}</h2>
<div class="grafieken">{_staafgrafiek(regio_banen, "Extra banen t.o.v. nulmeting", "banen")}
{_staafgrafiek(regio_pct, "Aandeel werkend van de geregistreerden (%)", "%")}</div>
<h2>Per overheidssector, eind {laatste}</h2>{overheid}
<h2>Herkomst</h2><ul>{herkomst}</ul><h3>Telregels</h3>{regels}<h3>Parameters</h3>{params}
<p class="noot">Gemaakt met banenafspraak. Bron referentiedata: CBS, Kadaster/PDOK (CC BY 4.0).</p>
</body></html>
"""
