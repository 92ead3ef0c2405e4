"""Dutch Gherkin persona scenarios (features/*.feature), one legal topic per feature file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest
from pytest_bdd import given, parsers, scenarios, then, when

from banenafspraak.engines import quotum as quotum_engine
from banenafspraak.engines import regels as regels_engine

scenarios("features")

NUL = {k: 0.0 for k in quotum_engine.UUR_KOLOMMEN}


@pytest.fixture
def ctx() -> dict[str, Any]:
    return {"feiten": {}, "rijen": [], "verbreding": False, "instellingen": {}}


# ---------------------------------------------------------------------------------------------------- doelgroep


@given("een persoon zonder beschut werk")
def persoon_zonder_beschut(ctx: dict[str, Any]) -> None:
    ctx["feiten"]["beschut_werk_vastgesteld"] = False


@given("een persoon met beschut werk")
def persoon_met_beschut(ctx: dict[str, Any]) -> None:
    ctx["feiten"]["beschut_werk_vastgesteld"] = True


@given(parsers.parse('de persoon heeft "{feit}"'))
def persoon_heeft(ctx: dict[str, Any], feit: str) -> None:
    ctx["feiten"][feit] = True


@given("de beleidsvariant verbreding 2023 staat aan")
def variant_aan(ctx: dict[str, Any]) -> None:
    ctx["verbreding"] = True


@when(parsers.parse("de doelgroepregels worden toegepast op {peildatum}"))
def pas_doelgroep_toe(ctx: dict[str, Any], peildatum: str) -> None:
    ctx["uitkomst"] = regels_engine.doelgroep(ctx["feiten"], date.fromisoformat(peildatum),
                                              verbreding_2023=ctx["verbreding"])


@then(parsers.parse('is grond "{grond}" vervuld'))
def grond_vervuld(ctx: dict[str, Any], grond: str) -> None:
    assert ctx["uitkomst"][grond]["voldaan"] is True


@then(parsers.parse('is grond "{grond}" niet vervuld'))
def grond_niet_vervuld(ctx: dict[str, Any], grond: str) -> None:
    assert ctx["uitkomst"][grond]["voldaan"] is False


@then(parsers.parse('hoort de persoon bij de doelgroep met grond "{code}"'))
def hoort_bij_doelgroep(ctx: dict[str, Any], code: str) -> None:
    assert (ctx["uitkomst"]["is_arbeidsbeperkte"], ctx["uitkomst"]["grond_vastgelegd"]) == (True, code)


@then("hoort de persoon niet bij de doelgroep")
def hoort_niet_bij_doelgroep(ctx: dict[str, Any]) -> None:
    assert ctx["uitkomst"]["is_arbeidsbeperkte"] is False


# ---------------------------------------------------------------------------------------------------- quotum


@given(parsers.parse('werkgever "{lhn}" in sector "{sector}" met {uren:d} verloonde uren in {jaar:d}'))
def werkgever_vorig_jaar(ctx: dict[str, Any], lhn: str, sector: str, uren: int, jaar: int) -> None:
    ctx["sector"] = sector
    ctx["rijen"].append({**NUL, "loonheffingennummer": lhn, "sector": sector, "jaar": jaar, "uren_regulier": uren})


@given(parsers.parse('werkgever "{lhn}" met {uren:d} verloonde uren en {doelgroep:d} doelgroepuren in {jaar:d}'))
def werkgever_heffingsjaar(ctx: dict[str, Any], lhn: str, uren: int, doelgroep: int, jaar: int) -> None:
    ctx["rijen"].append({**NUL, "loonheffingennummer": lhn, "sector": ctx["sector"], "jaar": jaar,
                         "uren_regulier": uren, "uren_doelgroep_regulier": doelgroep})


@given(parsers.parse('werkgever "{lhn}" leent in {jaar:d} {uren:d} uren uit de doelgroep in'))
def inleen(ctx: dict[str, Any], lhn: str, jaar: int, uren: int) -> None:
    rij = next(r for r in ctx["rijen"] if r["loonheffingennummer"] == lhn and r["jaar"] == jaar)
    rij["uren_doelgroep_ingeleend"] = uren


@given(parsers.parse("art. 2 Wet banenafspraak treedt in werking op {datum}"))
def inwerkingtreding(ctx: dict[str, Any], datum: str) -> None:
    ctx["instellingen"]["inwerkingtreding_artikel_2"] = date.fromisoformat(datum)


@when(parsers.parse("het quotum over {jaar:d} wordt berekend"))
def bereken_quotum(ctx: dict[str, Any], jaar: int) -> None:
    res = quotum_engine.bereken(pd.DataFrame(ctx["rijen"]), jaar, ("wfsv",),
                                quotum_engine.Instellingen(**ctx["instellingen"]))
    ctx["tabel"] = res.tabel.set_index("loonheffingennummer")


@then(parsers.parse('is werkgever "{lhn}" heffingsplichtig'))
def heffingsplichtig(ctx: dict[str, Any], lhn: str) -> None:
    assert bool(ctx["tabel"].loc[lhn, "wfsv_heffingsplichtig"]) is True


@then(parsers.parse('is werkgever "{lhn}" niet heffingsplichtig'))
def niet_heffingsplichtig(ctx: dict[str, Any], lhn: str) -> None:
    assert bool(ctx["tabel"].loc[lhn, "wfsv_heffingsplichtig"]) is False


@then(parsers.parse('is het quotumtekort van "{lhn}" {banen:f} banen'))
def quotumtekort(ctx: dict[str, Any], lhn: str, banen: float) -> None:
    assert float(ctx["tabel"].loc[lhn, "wfsv_quotumtekort"]) == pytest.approx(banen, abs=5e-5)


@then(parsers.parse('is de berekende heffing van "{lhn}" {centen:d} cent'))
def berekende_heffing(ctx: dict[str, Any], lhn: str, centen: int) -> None:
    assert int(ctx["tabel"].loc[lhn, "wfsv_heffing_berekend_centen"]) == centen


@then(parsers.parse('is de te betalen heffing van "{lhn}" {centen:d} cent'))
def te_betalen(ctx: dict[str, Any], lhn: str, centen: int) -> None:
    assert int(ctx["tabel"].loc[lhn, "wfsv_heffing_te_betalen_centen"]) == centen


# ---------------------------------------------------------------------------------------------------- instrumenten


@given(parsers.parse("een werknemer met een Wsw-indicatie, in dienst sinds {datum}, {uren:d} uur per jaar"))
def werknemer_wsw(ctx: dict[str, Any], datum: str, uren: int) -> None:
    ctx["feiten"] = {"beschut_werk_vastgesteld": False, "wsw_indicatie": True, "datum_in_dienst": datum,
                     "verloonde_uren_per_jaar": uren}


@given("de werknemer heeft de AOW-leeftijd bereikt")
def aow(ctx: dict[str, Any]) -> None:
    ctx["feiten"]["aow_leeftijd_bereikt"] = True


@when(parsers.parse("de instrumentenwijzer wordt gevraagd op {peildatum}"))
def wijzer(ctx: dict[str, Any], peildatum: str) -> None:
    ctx["uitkomst"] = regels_engine.instrumenten(ctx["feiten"], date.fromisoformat(peildatum))["instrumenten"]


@then(parsers.parse('geldt "{instrument}" niet'))
def geldt_niet(ctx: dict[str, Any], instrument: str) -> None:
    assert ctx["uitkomst"][instrument]["van_toepassing"] is False


@then(parsers.parse('geldt "{instrument}" met een bedrag van {centen:d} cent'))
def geldt_met_bedrag(ctx: dict[str, Any], instrument: str, centen: int) -> None:
    i = ctx["uitkomst"][instrument]
    assert (i["van_toepassing"], i["bedrag_dit_jaar_centen"]) == (True, centen)


@then(parsers.parse('geldt "{instrument}"'))
def geldt(ctx: dict[str, Any], instrument: str) -> None:
    assert ctx["uitkomst"][instrument]["van_toepassing"] is True


# ---------------------------------------------------------------------------------------------------- wbaf


@given(parsers.parse("een quotumpercentage van {pct:d} procent onder de Wet banenafspraak, bonus € 3,77 per uur, "
                     "gekalibreerde opslag"))
def wbaf_instellingen(ctx: dict[str, Any], pct: int) -> None:
    ctx["instellingen"].update(wbaf_quotumpercentage=Decimal(pct), bonus_per_uur=Decimal("3.77"),
                               kalibreer_opslag=True)


@given(parsers.parse("een activeringsbesluit op {datum}"))
def activering(ctx: dict[str, Any], datum: str) -> None:
    ctx["instellingen"]["activeringsbesluit"] = date.fromisoformat(datum)


@given(parsers.parse('werkgever "{lhn}" met {uren:d} uren, {doelgroep:d} doelgroepuren en een loonsom van '
                     "{loonsom:d} euro"))
def wbaf_werkgever(ctx: dict[str, Any], lhn: str, uren: int, doelgroep: int, loonsom: int) -> None:
    for jaar in (2022, 2023, 2024):
        ctx["rijen"].append({**NUL, "loonheffingennummer": lhn, "sector": "markt", "jaar": jaar,
                             "uren_regulier": uren, "uren_doelgroep_regulier": doelgroep, "loonsom": loonsom})


@when(parsers.parse("de Wet banenafspraak over {jaar:d} wordt berekend"))
def bereken_wbaf(ctx: dict[str, Any], jaar: int) -> None:
    res = quotum_engine.bereken(pd.DataFrame(ctx["rijen"]), jaar, ("wbaf",),
                                quotum_engine.Instellingen(**ctx["instellingen"]))
    ctx["tabel"] = res.tabel.set_index("loonheffingennummer")


@then(parsers.parse('is het saldo van "{lhn}" {centen:d} cent'))
def saldo(ctx: dict[str, Any], lhn: str, centen: int) -> None:
    assert int(ctx["tabel"].loc[lhn, "wbaf_netto_centen"]) == centen


@then(parsers.parse('is de opslag van "{lhn}" {centen:d} cent'))
def opslag(ctx: dict[str, Any], lhn: str, centen: int) -> None:
    assert int(ctx["tabel"].loc[lhn, "wbaf_inclusiviteitsopslag_centen"]) == centen
