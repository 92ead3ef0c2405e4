"""Runs every YAML case in tests/regels/cases: one file per rule, each case with inputs, expected outputs and the
article in a comment. An adapter per rule name turns a case's ``invoer`` into the outputs the case checks.

Expected values are worked out by hand in the YAML (the arithmetic is in the comments), never by running the code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import yaml

from banenafspraak.engines import quotum as quotum_engine
from banenafspraak.engines import regels as regels_engine
from banenafspraak.parameters import ParameterError, waarde
from banenafspraak.rules.instrumenten.loonkostensubsidie import loonkostensubsidie_centen
from banenafspraak.rules.quotum.activering import achterstand_volgens_monitoring, is_geactiveerd
from banenafspraak.rules.quotum.heffing import quotumheffing_centen
from banenafspraak.rules.quotum.heffingsplicht import is_heffingsplichtig
from banenafspraak.rules.quotum.opschorting import uitvoering_opgeschort
from banenafspraak.rules.quotum.quotumpercentage import (
    quotumpercentage,
    te_realiseren_extra_banen,
    vastgesteld_quotumpercentage,
)
from banenafspraak.rules.quotum.quotumtekort import quotumtekort
from banenafspraak.rules.wbaf.banenafspraakbonus import banenafspraakbonus_centen
from banenafspraak.rules.wbaf.inclusiviteitsopslag import (
    inclusiviteitsopslag_centen,
    opslag_verschuldigd_vanaf,
    opslaggrondslag,
)
from banenafspraak.rules.wbaf.kalibratie import gekalibreerd_opslagpercentage
from banenafspraak.rules.wbaf.kleine_werkgever import is_kleine_werkgever
from banenafspraak.rules.wbaf.regime import regime_voor_jaar

CASES = Path(__file__).parent / "cases"


def _d(x: Any) -> date | None:
    return None if x is None else x if isinstance(x, date) else date.fromisoformat(str(x))


def _plat(data: Any, prefix: str = "") -> dict[str, Any]:
    """Nested dicts as dotted keys; a ground's {'voldaan': x} also as the ground's own key."""
    uit: dict[str, Any] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            sleutel = f"{prefix}{k}"
            uit.update(_plat(v, sleutel + "."))
            if isinstance(v, dict) and "voldaan" in v:
                uit[sleutel] = v["voldaan"]
            elif not isinstance(v, dict):
                uit[sleutel] = v
    return uit


def _fouten(f: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def inner(invoer: dict[str, Any]) -> dict[str, Any]:
        try:
            return f(invoer)
        except (regels_engine.FeitenFout, ParameterError, ValueError, quotum_engine.QuotumInvoerFout) as exc:
            return {"fout": str(exc)}

    return inner


@_fouten
def _doelgroep(i: dict[str, Any]) -> dict[str, Any]:
    return _plat(regels_engine.doelgroep(i["feiten"], _d(i["peildatum"]),  # type: ignore[arg-type]
                                         verbreding_2023=i.get("verbreding_2023", False)))


@_fouten
def _instrumenten(i: dict[str, Any]) -> dict[str, Any]:
    # A facts file is JSON: dates arrive as text, as YAML's dates are turned back into.
    feiten = {k: v.isoformat() if isinstance(v, date) else v for k, v in i["feiten"].items()}
    return _plat(regels_engine.instrumenten(feiten, _d(i["peildatum"])))  # type: ignore[arg-type]


@_fouten
def _heffingsplicht(i: dict[str, Any]) -> dict[str, Any]:
    drempel = float(waarde("quotum.drempel_verloonde_uren", date(i["jaar"], 1, 1)).waarde)
    r = is_heffingsplichtig(np.array([i["uren_vorig_jaar"]]), np.array([i["uren_heffingsjaar"]]), drempel)
    return {"heffingsplichtig": bool(r[0])}


@_fouten
def _quotumpercentage(i: dict[str, Any]) -> dict[str, Any]:
    args = {k: Decimal(str(v)) for k, v in i.items()}
    return {"quotumpercentage": str(quotumpercentage(**args))}


@_fouten
def _extra_banen(i: dict[str, Any]) -> dict[str, Any]:
    return {"b": str(te_realiseren_extra_banen(Decimal(str(i["doel_vorig_jaar"])), Decimal(str(i["doel_dit_jaar"]))))}


@_fouten
def _vastgesteld(i: dict[str, Any]) -> dict[str, Any]:
    return {"quotumpercentage": str(vastgesteld_quotumpercentage(i["sector"], i["jaar"]))}


@_fouten
def _tekort(i: dict[str, Any]) -> dict[str, Any]:
    t = quotumtekort(np.array([i["a"]]), np.array([i["b"]]), np.array([i["c"]]), i["d"])
    return {"quotumtekort": float(t[0])}


@_fouten
def _heffing(i: dict[str, Any]) -> dict[str, Any]:
    per_baan = int(waarde("quotum.heffing_per_ontbrekende_baan", date(i["jaar"], 1, 1)).waarde)
    return {"heffing_centen": int(quotumheffing_centen(np.array([i["quotumtekort"]]), per_baan)[0])}


@_fouten
def _activering(i: dict[str, Any]) -> dict[str, Any]:
    if "te_realiseren" in i:
        return {"achterstand": bool(achterstand_volgens_monitoring(np.array([i["te_realiseren"]]),
                                                                   np.array([i["gerealiseerd"]]))[0])}
    return {"geactiveerd": is_geactiveerd(i["sector"], i["jaar"])}


@_fouten
def _opschorting(i: dict[str, Any]) -> dict[str, Any]:
    return {"opgeschort": uitvoering_opgeschort(i["jaar"], _d(i.get("inwerkingtreding")))}


@_fouten
def _regime(i: dict[str, Any]) -> dict[str, Any]:
    return {"regime": regime_voor_jaar(i["jaar"], _d(i.get("inwerkingtreding")))}


@_fouten
def _opslag(i: dict[str, Any]) -> dict[str, Any]:
    if "activeringsbesluit" in i:
        return {"verschuldigd_vanaf": opslag_verschuldigd_vanaf(_d(i["activeringsbesluit"])).isoformat()}  # type: ignore[arg-type]
    if "premieloon" in i:
        g = opslaggrondslag(np.array([i["premieloon"]]), i.get("uitgeleend", 0.0), i.get("wsw_niet_gedetacheerd", 0.0),
                            i.get("beschut_werk", 0.0), i.get("uitkeringen", 0.0))
        return {"grondslag": float(g[0])}
    c = inclusiviteitsopslag_centen(np.array([i["grondslag"]]), i["percentage"], np.array([i["klein"]]),
                                    i["verschuldigd"])
    return {"opslag_centen": int(c[0])}


@_fouten
def _klein(i: dict[str, Any]) -> dict[str, Any]:
    grens = float(waarde("wbaf.aof_grens_kleine_werkgever", date(i["premiejaar"], 1, 1)).waarde)
    r = is_kleine_werkgever(np.array([i["loonsom_twee_jaar_eerder"]]), grens, np.array([i["jaren_werkgever"]]))
    return {"klein": bool(r[0])}


@_fouten
def _bonus(i: dict[str, Any]) -> dict[str, Any]:
    if "quotumpercentage" in i:
        return {"opslag_percentage": gekalibreerd_opslagpercentage(i["bonus_per_uur"], i["quotumpercentage"],
                                                                   i["premieloon_per_uur"])}
    return {"bonus_centen": int(banenafspraakbonus_centen(np.array([i["uren"]]), i["bonus_per_uur"])[0])}


@_fouten
def _lks(i: dict[str, Any]) -> dict[str, Any]:
    c = loonkostensubsidie_centen(np.array([i["loonwaarde_procent"]]), np.array([i["uren"]]), i["wml_per_uur"],
                                  8.0, 23.5, 70.0, i.get("plafond_over", "loondeel"))
    return {"lks_centen": int(c[0])}


@_fouten
def _engine(i: dict[str, Any]) -> dict[str, Any]:
    inst = i.get("instellingen", {})
    instellingen = quotum_engine.Instellingen(
        quotumpercentage={k: Decimal(str(v)) for k, v in inst.get("quotumpercentage", {}).items()},
        wbaf_quotumpercentage=(
            None if "wbaf_quotumpercentage" not in inst else Decimal(str(inst["wbaf_quotumpercentage"]))
        ),
        bonus_beleidswaarde_2019=inst.get("bonus_beleidswaarde_2019", False),
        kalibreer_opslag=inst.get("kalibreer_opslag", False),
        opslag_percentage=None if "opslag_percentage" not in inst else Decimal(str(inst["opslag_percentage"])),
        inwerkingtreding_artikel_2=_d(inst.get("inwerkingtreding_artikel_2")),
        activeringsbesluit=_d(inst.get("activeringsbesluit")),
    )
    nul = {k: 0.0 for k in quotum_engine.UUR_KOLOMMEN}
    rijen = [{"naam": r["loonheffingennummer"], **nul, **r} for r in i["rijen"]]
    res = quotum_engine.bereken(pd.DataFrame(rijen), i["jaar"], tuple(i["regimes"]), instellingen)
    uit: dict[str, Any] = {}
    for _, r in res.tabel.iterrows():
        for k, v in r.items():
            uit[f"{r['loonheffingennummer']}.{k}"] = None if v is pd.NA or (isinstance(v, float) and np.isnan(v)) else v
    return uit


ADAPTERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "doelgroep": _doelgroep,
    "instrumenten": _instrumenten,
    "heffingsplicht": _heffingsplicht,
    "quotumpercentage": _quotumpercentage,
    "te_realiseren_extra_banen": _extra_banen,
    "vastgesteld_quotumpercentage": _vastgesteld,
    "quotumtekort": _tekort,
    "quotumheffing": _heffing,
    "activering": _activering,
    "opschorting": _opschorting,
    "regime": _regime,
    "inclusiviteitsopslag": _opslag,
    "kleine_werkgever": _klein,
    "banenafspraakbonus": _bonus,
    "loonkostensubsidie": _lks,
    "quotum_engine": _engine,
}


def _alle_cases() -> list[Any]:
    cases = []
    for pad in sorted(CASES.glob("*.yaml")):
        inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
        for case in inhoud["cases"]:
            cases.append(pytest.param(inhoud["regel"], case, id=f"{pad.stem}::{case['naam']}"))
    return cases


@pytest.mark.parametrize(("regel", "case"), _alle_cases())
def test_case(regel: str, case: dict[str, Any]) -> None:
    uit = ADAPTERS[regel](case["invoer"])
    verwacht = case.get("verwacht", {})
    if "fout_bevat" in case:
        assert "fout" in uit, f"verwachtte een fout, kreeg {uit}"
        assert case["fout_bevat"] in uit["fout"]
        return
    assert "fout" not in uit, uit.get("fout")
    for sleutel, waarde_verwacht in verwacht.items():
        assert sleutel in uit, f"uitkomst {sleutel} ontbreekt; wel: {sorted(uit)[:20]}"
        gekregen = uit[sleutel]
        if isinstance(waarde_verwacht, float) and not isinstance(gekregen, bool):
            assert gekregen == pytest.approx(waarde_verwacht, rel=1e-9, abs=1e-9), sleutel
        else:
            if isinstance(gekregen, np.generic):
                gekregen = gekregen.item()
            assert gekregen == waarde_verwacht, f"{sleutel}: verwacht {waarde_verwacht!r}, kreeg {gekregen!r}"


def test_elke_regel_heeft_cases() -> None:
    gebruikt = {yaml.safe_load(p.read_text(encoding="utf-8"))["regel"] for p in CASES.glob("*.yaml")}
    assert gebruikt == set(ADAPTERS)
