"""Quotumcalculator / rapportagetool for one employer: its position under both regimes and the instruments it
could use, as plain text, HTML and PDF. The same ``bereken_positie`` will serve the web page later."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from banenafspraak import parameters
from banenafspraak.engines.quotum import Instellingen, QuotumInvoerFout, bereken
from banenafspraak.parameters import ParameterError
from banenafspraak.reports.beschikking import Blok, Document, euro, getal, naar_html, naar_pdf, schrijf_atomair
from banenafspraak.rules.citaat import citaten_van
from banenafspraak.rules.instrumenten.lkv_doelgroep_banenafspraak import lkv_bedrag_centen, recht_op_lkv

LHN = "calculator"


def _rij(jaar: int, sector: str, uren: float, doelgroep: float, ingeleend: float, loonsom: float | None,
         klein: bool | None, naam: str) -> dict[str, Any]:
    rij: dict[str, Any] = {
        "loonheffingennummer": LHN, "naam": naam, "sector": sector, "jaar": jaar,
        "uren_regulier": uren, "uren_uitzend_uitgeleend": 0.0, "uren_wsw": 0.0, "uren_wsw_gedetacheerd": 0.0,
        "uren_doelgroep_regulier": doelgroep, "uren_doelgroep_ingeleend": ingeleend,
        "uren_doelgroep_uitgeleend": 0.0,
    }
    if loonsom is not None:
        rij["loonsom"] = loonsom
    if klein is not None:
        rij["kleine_werkgever"] = klein
    return rij


def bereken_positie(
    *, jaar: int, sector: str, uren: float, doelgroep_uren: float, ingeleend_doelgroep_uren: float = 0.0,
    uren_vorig_jaar: float | None = None, loonsom: float | None = None, kleine_werkgever: bool | None = None,
    naam: str = "Uw organisatie", instellingen: Instellingen | None = None,
) -> dict[str, Any]:
    """The employer's position under the Wfsv and the Wet banenafspraak, each with an error message instead
    of figures where a value the law leaves to a regulation is not known."""
    inst = instellingen or Instellingen()
    tabel = pd.DataFrame([
        _rij(jaar - 1, sector, uren if uren_vorig_jaar is None else uren_vorig_jaar, 0.0, 0.0, loonsom,
             kleine_werkgever, naam),
        _rij(jaar, sector, uren, doelgroep_uren, ingeleend_doelgroep_uren, loonsom, kleine_werkgever, naam),
    ])
    d_uren = float(parameters.waarde("meting.jaaruren_per_baan_monitoring", date(jaar, 1, 1)).waarde)
    positie: dict[str, Any] = {
        "naam": naam, "jaar": jaar, "sector": sector, "uren": uren, "doelgroep_uren": doelgroep_uren,
        "ingeleend_doelgroep_uren": ingeleend_doelgroep_uren, "loonsom": loonsom, "uren_per_baan": d_uren,
    }
    for regime in ("wfsv", "wbaf"):
        try:
            res = bereken(tabel, jaar, (regime,), inst)
        except QuotumInvoerFout as exc:
            positie[regime] = {"fout": str(exc)}
            continue
        r = res.tabel.iloc[0]
        uit = {k.removeprefix(f"{regime}_"): (None if pd.isna(v) else v.item() if hasattr(v, "item") else v)
               for k, v in r.items() if str(k).startswith(f"{regime}_")}
        uit["toelichting"] = res.toelichting.get(regime, {})
        uit["regime_volgens_art_12"] = res.toelichting["regime_volgens_art_12_wbaf"]
        positie[regime] = uit
    positie["instrumenten"] = _instrumenten_per_baan(jaar, d_uren)
    return positie


def _instrumenten_per_baan(jaar: int, d_uren: float) -> list[dict[str, str]]:
    """What the instruments are worth for one job of the target group (``d_uren`` hours a year)."""
    peildatum = date(jaar, 1, 1)
    regels: list[dict[str, str]] = []
    try:
        een = np.array([True])
        recht = recht_op_lkv(een, ~een, ~een, np.array([peildatum], dtype=object), een, peildatum)
        centen = int(lkv_bedrag_centen(np.array([d_uren]), recht, peildatum)[0])
        regels.append({"instrument": "LKV doelgroep banenafspraak",
                       "waarde": f"{euro(centen / 100)} per baan van {getal(d_uren, 0)} uur per jaar",
                       "wanneer": "voor elke werknemer uit de doelgroep (niet vanaf AOW-leeftijd, niet voor Wsw "
                                  "zonder detachering)",
                       "artikel": "; ".join(str(c) for c in citaten_van(lkv_bedrag_centen))})
    except ParameterError as exc:
        regels.append({"instrument": "LKV doelgroep banenafspraak", "waarde": f"onbekend: {exc}", "wanneer": "",
                       "artikel": "art. 2.13 Wtl"})
    regels += [
        {"instrument": "No-riskpolis", "waarde": "UWV betaalt ziekengeld bij ziekte",
         "wanneer": "werknemers uit de doelgroep, zonder vaste einddatum", "artikel": "art. 29b lid 2 onderdeel e ZW"},
        {"instrument": "Loonkostensubsidie", "waarde": "verschil tussen minimumloon en loonwaarde, plus "
                                                       "werkgeverslasten; hoogstens 70% van het minimumloon",
         "wanneer": "mensen die de gemeente ondersteunt, met een loonwaarde onder het minimumloon",
         "artikel": "art. 10d Participatiewet"},
        {"instrument": "Loondispensatie", "waarde": "u betaalt loon naar loonwaarde",
         "wanneer": "Wajonggerechtigden", "artikel": "art. 2:20 en 3:63 Wajong"},
        {"instrument": "Jobcoaching, werkvoorzieningen, proefplaatsing", "waarde": "bedragen niet gevonden",
         "wanneer": "op aanvraag bij gemeente of UWV", "artikel": "art. 10 Participatiewet; art. 35 WIA"},
    ]
    regels.append({"instrument": "Per persoon precies", "waarde": "banenafspraak regels instrumenten",
                   "wanneer": "de instrumentenwijzer rekent per werknemer", "artikel": ""})
    return regels


def document(p: dict[str, Any]) -> Document:
    blokken = [Blok(alineas=[
        f"{p['naam']}, sector {p['sector']}, jaar {p['jaar']}.",
        f"Verloonde uren: {getal(p['uren'])}; uren van werknemers uit de doelgroep: {getal(p['doelgroep_uren'])}"
        f"; ingeleend uit de doelgroep: {getal(p['ingeleend_doelgroep_uren'])}. "
        f"Eén baan = {getal(p['uren_per_baan'], 0)}"
        " uur per jaar (25,5 uur per week).",
    ])]
    w = p["wfsv"]
    if "fout" in w:
        blokken.append(Blok("Quotumheffing (Wfsv)", alineas=[f"Niet te berekenen: {w['fout']}"]))
    else:
        blokken.append(Blok("Quotumheffing (Wfsv)", tabel=[
            ("Heffingsplichtig (art. 34 lid 4 en 6)", "ja" if w["heffingsplichtig"] else "nee"),
            ("Quotumpercentage (art. 38f)", f"{getal(w['quotumpercentage'])}%"),
            ("Verwacht aantal banen", getal(w["verwachte_banen"])),
            ("Gerealiseerd aantal banen", getal(w["gerealiseerde_banen"])),
            ("Quotumtekort (art. 38g)", getal(w["quotumtekort"])),
            ("Extra uren nodig om het quotum te halen", getal(w["quotumtekort"] * p["uren_per_baan"])),
            ("Heffing berekend (art. 38h)", euro(w["heffing_berekend_centen"] / 100)),
            ("Te betalen (na activering art. 122n en opschorting art. 122na)",
             euro(w["heffing_te_betalen_centen"] / 100)),
        ]))
    b = p["wbaf"]
    if "fout" in b:
        blokken.append(Blok("Wet banenafspraak", alineas=[f"Niet te berekenen: {b['fout']}"]))
    else:
        def bedrag(c: Any) -> str:
            return "onbekend" if c is None else euro(c / 100)

        blokken.append(Blok("Wet banenafspraak", tabel=[
            ("Verwacht aantal banen (één percentage voor alle werkgevers)", getal(b["verwachte_banen"])),
            ("Gerealiseerd aantal banen", getal(b["gerealiseerde_banen"])),
            ("Kleine werkgever (geen opslag)", "onbekend" if b["kleine_werkgever"] is None else
             ("ja" if b["kleine_werkgever"] else "nee")),
            ("Inclusiviteitsopslag (art. 6)", bedrag(b["inclusiviteitsopslag_centen"])),
            ("Banenafspraakbonus (art. 2.13 lid 2 Wtl)", bedrag(b["banenafspraakbonus_centen"])),
            ("Saldo: bonus min opslag", bedrag(b["netto_centen"])),
        ], alineas=[f"Bron bonus: {b['toelichting'].get('bonus_bron')}; opslag: "
                    f"{b['toelichting'].get('opslag_bron') or b['toelichting'].get('loonsom')}."]))
    blokken.append(Blok("Instrumenten die u kunt gebruiken", tabel=[
        (f"{i['instrument']} — {i['wanneer']}" + (f" ({i['artikel']})" if i["artikel"] else ""), i["waarde"])
        for i in p["instrumenten"]
    ]))
    return Document(f"Quotumcalculator {p['jaar']}: {p['naam']}", blokken,
                    f"Berekend met parameterversie {parameters.versie()}. Geen beschikking.")


def tekst(p: dict[str, Any]) -> str:
    regels = []
    doc = document(p)
    regels.append(doc.titel)
    for blok in doc.blokken:
        if blok.kop:
            regels += ["", blok.kop, "-" * len(blok.kop)]
        regels += blok.alineas
        breedte = max((len(k) for k, _ in blok.tabel), default=0)
        regels += [f"{k.ljust(breedte)}  {v}" for k, v in blok.tabel]
    return "\n".join(regels)


def schrijf_html(p: dict[str, Any], pad: Path) -> Path:
    return schrijf_atomair(pad, naar_html(document(p)).encode("utf-8"))


def schrijf_pdf(p: dict[str, Any], pad: Path) -> Path:
    return schrijf_atomair(pad, naar_pdf(document(p)))
