"""Run the person-level rules (target group, instruments) for one set of facts and explain the outcome.

The rules are vectorised; here one person's facts become one-row columns. Facts are validated first: an
unknown fact, a wrong type or a missing required fact is a ``FeitenFout`` naming the field, in Dutch.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from banenafspraak.rules.citaat import citaten_van
from banenafspraak.rules.doelgroep import DOELGROEP_FEITEN, GRONDEN, UITSLUITING, beoordeel
from banenafspraak.rules.doelgroep.feiten import Feit

ONDERWERPEN = ("doelgroep", "instrumenten")


class FeitenFout(ValueError):
    """The facts cannot be used; the message names the field and the reason."""


def feiten_van(onderwerp: str) -> tuple[Feit, ...]:
    if onderwerp == "doelgroep":
        return DOELGROEP_FEITEN
    if onderwerp == "instrumenten":
        from banenafspraak.rules.instrumenten.feiten import INSTRUMENT_FEITEN

        return DOELGROEP_FEITEN + INSTRUMENT_FEITEN
    raise FeitenFout(f"onbekend onderwerp {onderwerp!r}: kies {' of '.join(ONDERWERPEN)}")


def schema(onderwerp: str) -> dict[str, Any]:
    """The JSON Schema of the facts file for ``onderwerp``; each fact described in Dutch with its article."""
    feiten = feiten_van(onderwerp)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://banenafspraak.example/schema/feiten-{onderwerp}.json",
        "title": f"Feiten voor banenafspraak regels {onderwerp}",
        "description": "Eén persoon. Niet opgegeven ja/nee-feiten gelden als 'nee' (niet vastgesteld).",
        "type": "object",
        "properties": {f.naam: f.schema() for f in feiten},
        "required": [f.naam for f in feiten if f.verplicht],
        "additionalProperties": False,
    }


_TYPENAMEN = {"boolean": "ja/nee (true of false)", "number": "een getal", "integer": "een geheel getal",
              "string": "tekst"}


def valideer(ruwe_feiten: Any, onderwerp: str) -> dict[str, Any]:
    """Checked facts with defaults filled in; a ``FeitenFout`` names the first field that is wrong."""
    if not isinstance(ruwe_feiten, dict):
        raise FeitenFout("de feiten moeten een JSON-object zijn ({\"naam\": waarde, ...})")
    bekend = {f.naam: f for f in feiten_van(onderwerp)}
    for naam in ruwe_feiten:
        if naam not in bekend:
            raise FeitenFout(f"onbekend feit '{naam}': dit feit bestaat niet voor {onderwerp} "
                             f"(zie `banenafspraak regels schema {onderwerp}`)")
    uit: dict[str, Any] = {}
    for naam, feit in bekend.items():
        if naam not in ruwe_feiten or ruwe_feiten[naam] is None:
            if feit.verplicht:
                raise FeitenFout(f"verplicht feit '{naam}' ontbreekt: {feit.beschrijving} ({feit.artikel})")
            uit[naam] = feit.standaard
            continue
        w = ruwe_feiten[naam]
        goed = {
            "boolean": isinstance(w, bool),
            "number": isinstance(w, int | float) and not isinstance(w, bool),
            "integer": isinstance(w, int) and not isinstance(w, bool),
            "string": isinstance(w, str),
        }[feit.type]
        if not goed:
            raise FeitenFout(f"feit '{naam}' moet {_TYPENAMEN[feit.type]} zijn, niet {w!r}")
        if feit.formaat == "date":
            try:
                w = date.fromisoformat(w)
            except ValueError:
                raise FeitenFout(f"feit '{naam}' moet een datum JJJJ-MM-DD zijn, niet {w!r}") from None
        if feit.minimum is not None and w < feit.minimum:
            raise FeitenFout(f"feit '{naam}' moet minstens {feit.minimum:g} zijn, niet {w!r}")
        if feit.maximum is not None and w > feit.maximum:
            raise FeitenFout(f"feit '{naam}' mag hoogstens {feit.maximum:g} zijn, niet {w!r}")
        uit[naam] = w
    return uit


def als_kolommen(feiten: dict[str, Any], onderwerp: str) -> dict[str, np.ndarray]:
    """One person's facts as one-row columns, the form the rules take."""
    kolommen: dict[str, np.ndarray] = {}
    for f in feiten_van(onderwerp):
        w = feiten[f.naam]
        kolommen[f.naam] = np.array([w], dtype=object if f.formaat == "date" else None)
    return kolommen


def _eerste_regel(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def doelgroep(ruwe_feiten: Any, peildatum: date, *, verbreding_2023: bool = False) -> dict[str, Any]:
    """Each ground (own key, named after the article), the exclusion, the outcome, the ground recorded and the
    articles cited."""
    feiten = valideer(ruwe_feiten, "doelgroep")
    uit = beoordeel(als_kolommen(feiten, "doelgroep"), peildatum, verbreding_2023=verbreding_2023)
    antwoord: dict[str, Any] = {"peildatum": peildatum.isoformat(),
                                "toegepaste_tekst": "art. 38b Wfsv (geconsolideerde tekst 2026-01-01); "
                                "art. 2 Wet banenafspraak spiegelt deze gronden"}
    geciteerd: dict[str, dict[str, Any]] = {}
    for grond in GRONDEN:
        if grond.sleutel not in uit:
            continue
        voldaan = bool(uit[grond.sleutel][0])
        antwoord[grond.sleutel] = {
            "voldaan": voldaan,
            "grondslag": grond.grondslag,
            "wat_de_wet_vraagt": _eerste_regel(grond.regel.__doc__),
            "artikelen": [str(c) for c in grond.citaten],
        }
        if voldaan:
            for c in grond.citaten:
                geciteerd.setdefault(str(c), c.as_dict())
    uitgesloten = bool(uit[UITSLUITING[0]][0])
    antwoord[UITSLUITING[0]] = {
        "voldaan": uitgesloten,
        "wat_de_wet_vraagt": _eerste_regel(UITSLUITING[1].__doc__),
        "artikelen": [str(c) for c in citaten_van(UITSLUITING[1])],
    }
    if uitgesloten:
        for c in citaten_van(UITSLUITING[1]):
            geciteerd.setdefault(str(c), c.as_dict())
    is_ab = bool(uit["is_arbeidsbeperkte"][0])
    vastgelegd = str(uit["grond_vastgelegd"][0]) or None
    antwoord["is_arbeidsbeperkte"] = is_ab
    antwoord["grond_vastgelegd"] = vastgelegd
    if is_ab:
        gronden = [g.sleutel for g in GRONDEN if g.sleutel in uit and bool(uit[g.sleutel][0])]
        antwoord["uitkomst"] = (
            f"Deze persoon hoort op {peildatum.isoformat()} bij de doelgroep banenafspraak "
            f"(arbeidsbeperkte). Vastgelegde grond: {vastgelegd}. Voldoet aan: {', '.join(gronden)}."
        )
    elif uitgesloten:
        antwoord["uitkomst"] = (
            "Deze persoon hoort niet bij de doelgroep: de gemeente heeft beschut werk vastgesteld "
            "(art. 10b lid 1 Participatiewet), en dat sluit opname uit."
        )
    else:
        antwoord["uitkomst"] = (
            f"Deze persoon hoort op {peildatum.isoformat()} niet bij de doelgroep: geen van de gronden van "
            "art. 38b Wfsv is vervuld."
        )
    antwoord["verbreding_2023_aan"] = verbreding_2023
    antwoord["artikelen"] = list(geciteerd.values())
    return antwoord


# ---------------------------------------------------------------------------------------------------- instrumenten


def _bedrag(centen: int | None) -> str | None:
    if centen is None:
        return None
    euro = f"{centen / 100:,.2f}"
    return "€ " + euro.replace(",", "X").replace(".", ",").replace("X", ".")


def _getal(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def _regel(naam: str, regel: Any, van_toepassing: bool, centen: int | None, waarom: str,
           **extra: Any) -> dict[str, Any]:
    uit = {
        "instrument": naam,
        "van_toepassing": van_toepassing,
        "bedrag_dit_jaar": _bedrag(centen) if van_toepassing else None,
        "bedrag_dit_jaar_centen": centen if van_toepassing else None,
        "waarom": waarom,
        "artikelen": [str(c) for c in citaten_van(regel)],
        "links": [c.href for c in citaten_van(regel)],
    }
    uit.update(extra)
    return uit


def instrumenten(ruwe_feiten: Any, peildatum: date) -> dict[str, Any]:
    """The instrumentenwijzer: for one person and job, which instruments apply, what each is worth this year,
    why (not), and the article behind each line — in plain Dutch."""
    from banenafspraak.parameters import ParameterError, waarde
    from banenafspraak.rules.instrumenten import (
        jobcoaching,
        lkv_doelgroep_banenafspraak,
        loondispensatie,
        loonkostensubsidie,
        no_riskpolis,
        proefplaatsing,
        werkvoorzieningen,
    )
    from banenafspraak.rules.wbaf.banenafspraakbonus import banenafspraakbonus_centen

    feiten = valideer(ruwe_feiten, "instrumenten")
    k = als_kolommen(feiten, "instrumenten")
    dg = beoordeel(k, peildatum)
    ab = dg["is_arbeidsbeperkte"]
    is_ab = bool(ab[0])
    uren = float(feiten["verloonde_uren_per_jaar"])
    in_dienst: date = feiten["datum_in_dienst"]
    lw = np.array([np.nan if feiten["loonwaarde_procent"] is None else float(feiten["loonwaarde_procent"])])
    pwet = k["begeleid_door_gemeente_participatiewet"].astype(bool) | k["loonkostensubsidie_10d_lid_2"].astype(bool)
    wajong = k["wajong_arbeidsondersteuning"].astype(bool) | k["wajong_uitkering"].astype(bool)
    uit: dict[str, dict[str, Any]] = {}

    # LKV doelgroep banenafspraak
    m = lkv_doelgroep_banenafspraak
    try:
        recht = m.recht_op_lkv(ab, k["aow_leeftijd_bereikt"], k["wsw_dienstbetrekking_zonder_detachering"],
                               np.array([in_dienst], dtype=object), k["doelgroepverklaring"], peildatum)
    except ParameterError as exc:
        recht = np.array([False])
        lkv_onbekend: str | None = f"Geen LKV op deze datum: {exc}."
    else:
        lkv_onbekend = None
    if recht[0]:
        structureel = bool(waarde("instrumenten.lkv.structureel", peildatum).waarde)
        centen = int(m.lkv_bedrag_centen(np.array([uren]), recht, peildatum)[0])
        waarom = (f"De werknemer hoort bij de doelgroep banenafspraak. U krijgt € 1,01 per verloond uur, "
                  f"hoogstens € 2.000 per jaar: {_getal(uren)} uur geeft {_bedrag(centen)}."
                  + (" Het LKV loopt zolang de dienstbetrekking en de voorwaarden duren." if structureel else
                     " Vóór 2026 geldt het hoogstens drie jaar vanaf de indiensttreding."))
    else:
        centen = None
        if lkv_onbekend:
            waarom = lkv_onbekend
        elif not is_ab:
            waarom = "Niet van toepassing: de werknemer hoort niet bij de doelgroep banenafspraak."
        elif feiten["aow_leeftijd_bereikt"]:
            waarom = "Niet van toepassing: vanaf de AOW-leeftijd is er geen LKV."
        elif feiten["wsw_dienstbetrekking_zonder_detachering"]:
            waarom = "Niet van toepassing: geen LKV voor een Wsw-dienstbetrekking zonder detachering."
        elif not feiten["doelgroepverklaring"]:
            waarom = "Niet van toepassing: tot en met 2025 is een doelgroepverklaring van UWV nodig."
        else:
            waarom = "Niet van toepassing: tot en met 2025 geldt het LKV hoogstens drie jaar na indiensttreding."
    uit["lkv_doelgroep_banenafspraak"] = _regel("LKV doelgroep banenafspraak", m.recht_op_lkv, bool(recht[0]),
                                                centen, waarom)

    # Banenafspraakbonus (Wet banenafspraak)
    try:
        bonus_uur = float(waarde("wbaf.banenafspraakbonus_per_uur", peildatum).waarde)
        bonus_bekend = True
    except ParameterError:
        bonus_uur = float(waarde("wbaf.beleid.banenafspraakbonus_per_uur_ontwerp_2019", date(2019, 1, 1)).waarde)
        bonus_bekend = False
    indicatie = int(banenafspraakbonus_centen(np.array([uren]), bonus_uur)[0]) if recht[0] else None
    if bonus_bekend and recht[0]:
        uit["banenafspraakbonus"] = _regel("Banenafspraakbonus", banenafspraakbonus_centen, True, indicatie,
                                           "Bovenop het LKV krijgt u de banenafspraakbonus per verloond uur.")
    else:
        uit["banenafspraakbonus"] = _regel(
            "Banenafspraakbonus", banenafspraakbonus_centen, False, None,
            "Nog niet van toepassing: het bedrag staat niet in de gelezen wettekst en er is geen activeringsbesluit "
            "gevonden. Ter indicatie: met de beleidswaarde uit 2019 (€ 3,77 per uur, geen wet) zou dit "
            f"{_bedrag(indicatie) if indicatie is not None else '€ 0,00 (geen recht op LKV)'} per jaar zijn.",
            indicatief_bedrag=_bedrag(indicatie), indicatief_bron="beleidswaarde ontwerp 2019 (geen wet)")

    # No-riskpolis
    duur = float(no_riskpolis.no_riskpolis_duur_jaren(
        ab, wajong, k["wsw_indicatie"], k["wga_uitkering"],
        float(waarde("instrumenten.no_riskpolis.duur_jaren_algemeen", peildatum).waarde))[0])
    if duur == np.inf:
        nr_waarom = ("UWV betaalt ziekengeld als de werknemer ziek wordt, zonder vaste einddatum (doelgroep "
                     "banenafspraak, Wajong of Wsw). Let op: de termijn voor de doelgroep komt uit een model van "
                     "derden en moet nog tegen art. 29b ZW worden gecontroleerd.")
        nr = True
    elif duur > 0:
        from banenafspraak.rules.instrumenten._datum import jaren_later

        eind = jaren_later(in_dienst, int(duur))
        nr = peildatum < eind
        nr_waarom = (f"UWV betaalt ziekengeld bij ziekte tot {eind.isoformat()} ({int(duur)} jaar na indiensttreding)."
                     if nr else
                     f"De termijn van {int(duur)} jaar na indiensttreding is verstreken ({eind.isoformat()}).")
    else:
        nr = False
        nr_waarom = "Niet van toepassing: de werknemer valt niet onder een groep van art. 29b Ziektewet."
    uit["no_riskpolis"] = _regel("No-riskpolis", no_riskpolis.no_riskpolis_duur_jaren, nr, None, nr_waarom,
                                 bedrag_toelichting="geen vast bedrag: UWV vergoedt het ziekengeld")

    # Loonkostensubsidie
    lks_recht = bool(loonkostensubsidie.recht_op_loonkostensubsidie(pwet, np.nan_to_num(lw, nan=100.0))[0])
    lks_centen = None
    if lks_recht:
        try:
            wml = float(waarde("instrumenten.wml_per_uur", peildatum).waarde)
            plafond_over = str(waarde("instrumenten.lks.plafond_over", peildatum).waarde)
            lks_centen = int(loonkostensubsidie.loonkostensubsidie_centen(
                lw, np.array([uren]), wml,
                float(waarde("instrumenten.lks.vakantiebijslag_percentage", peildatum).waarde),
                float(waarde("instrumenten.lks.werkgeverslasten_percentage", peildatum).waarde),
                float(waarde("instrumenten.lks.plafond_percentage_wml", peildatum).waarde), plafond_over)[0])
            lks_waarom = (f"De gemeente vult het verschil aan tussen het minimumloon "
                          f"({_bedrag(round(wml * 100))} per uur, met 8% "
                          f"vakantiebijslag) en de loonwaarde van {lw[0]:.0f}%, plus een vergoeding voor "
                          "werkgeverslasten; hoogstens 70% van het minimumloon (plafond toegepast op het "
                          f"{'loondeel vóór' if plafond_over == 'loondeel' else 'totaal ná'} de werkgeverslasten).")
        except ParameterError as exc:
            lks_waarom = f"Van toepassing, maar het bedrag is niet te berekenen: {exc}."
    elif feiten["loonwaarde_procent"] is None and bool(pwet[0]):
        lks_waarom = "Nog niet te bepalen: de gemeente moet eerst de loonwaarde vaststellen."
    elif not bool(pwet[0]):
        lks_waarom = "Niet van toepassing: alleen voor mensen die de gemeente ondersteunt (Participatiewet)."
    else:
        lks_waarom = "Niet van toepassing: de loonwaarde is niet lager dan het minimumloon."
    uit["loonkostensubsidie"] = _regel("Loonkostensubsidie", loonkostensubsidie.loonkostensubsidie_centen,
                                       lks_recht, lks_centen, lks_waarom)

    # Loondispensatie
    ld = bool(loondispensatie.recht_op_loondispensatie(wajong, np.nan_to_num(lw, nan=100.0))[0])
    uit["loondispensatie"] = _regel(
        "Loondispensatie", loondispensatie.recht_op_loondispensatie, ld, None,
        "U betaalt loon naar de loonwaarde; UWV vult het inkomen van de werknemer aan. Bedrag: niet gevonden "
        "(hangt af van de loonwaarde)." if ld else
        ("Niet van toepassing: alleen voor Wajonggerechtigden." if not bool(wajong[0]) else
         "Niet van toepassing of nog niet te bepalen: er is geen loonwaarde onder het minimumloon vastgesteld."))

    for sleutel, naam, regel, feit, ja in (
        ("jobcoaching", "Jobcoaching", jobcoaching.komt_in_aanmerking_voor_jobcoaching, "jobcoach_nodig",
         "Een jobcoach begeleidt de werknemer op de werkplek; vraag het aan bij de gemeente of UWV. "
         "Bedrag: niet gevonden."),
        ("werkvoorzieningen", "Werkvoorzieningen", werkvoorzieningen.komt_in_aanmerking_voor_werkvoorziening,
         "werkvoorziening_nodig", "Aanpassingen of hulpmiddelen op de werkplek via gemeente of UWV. "
         "Bedrag: niet gevonden."),
    ):
        geldt = bool(regel(ab, k[feit])[0])
        uit[sleutel] = _regel(naam, regel, geldt, None, ja if geldt else (
            "Niet van toepassing: de werknemer hoort niet bij de doelgroep." if not is_ab else
            "Niet gevraagd: volgens de opgegeven feiten is dit niet nodig."))
    pp = bool(proefplaatsing.komt_in_aanmerking_voor_proefplaatsing(pwet, k["proefplaatsing_gewenst"])[0])
    uit["proefplaatsing"] = _regel(
        "Proefplaatsing", proefplaatsing.komt_in_aanmerking_voor_proefplaatsing, pp, None,
        "De werknemer kan met behoud van uitkering op proef werken terwijl de gemeente de loonwaarde bepaalt. "
        "Duur: niet gevonden." if pp else
        "Niet van toepassing: alleen via de gemeente (Participatiewet) en als u een proefplaatsing wilt.")

    toepasselijk = [v["instrument"] for v in uit.values() if v["van_toepassing"]]
    totaal = sum(v["bedrag_dit_jaar_centen"] or 0 for v in uit.values() if v["van_toepassing"])
    return {
        "peildatum": peildatum.isoformat(),
        "doelgroep": {"is_arbeidsbeperkte": is_ab, "grond_vastgelegd": str(dg["grond_vastgelegd"][0]) or None},
        "instrumenten": uit,
        "samenvatting": (
            f"Van toepassing: {', '.join(toepasselijk) if toepasselijk else 'geen'}. Samen bekend bedrag dit jaar: "
            f"{_bedrag(totaal)} (instrumenten zonder vastgesteld bedrag tellen niet mee)."
        ),
    }
