"""The counting rules of the measurement on small hand-checkable extracts, both sides of each rule.

One job is 332.75 paid hours over the measurement period (1,331 h a year, the last quarter).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from banenafspraak.engines.invoer import lees_invoer
from banenafspraak.engines.meting import MetingFout, MetingResultaat, meet
from tests.conftest import BUREAU, MARKT, OVERHEID, SW, Schrijver, kwartaal

NORM = Decimal("332.75")


def gelijk(a: Decimal, b: Decimal) -> bool:
    """Equal up to Decimal's last digits (the engine divides per stand, then subtracts)."""
    return abs(a - b) < Decimal("1e-20")


def meten(extracten: Schrijver, polis: list[list[object]], register: list[list[object]],
          jaar: int = 2015, formaat: str = "csv") -> MetingResultaat:
    paden = extracten(polis, register, formaat=formaat)
    return meet(lees_invoer(paden["polis"], paden["werkgevers"], paden["register"]), [jaar])


def uren(r: MetingResultaat, jaar: int, sector: str, soort: str) -> float:
    return r.landelijk[jaar].als_dict()["sectoren"][sector]["uren"][soort]["meting"]


# a baseline row so that the nulmeting (stand end 2012) exists; P0 works at the market employer
BASIS_POLIS = kwartaal(2012, MARKT, "P0", 100)
BASIS_REG = [["P0", "38b_1_c", "2010-01-01", "", "GM0014"]]


@pytest.mark.parametrize(("begindatum", "telt_december"), [("2015-12-31", True), ("2016-01-01", False)])
def test_registratie_die_een_tijdvak_raakt_telt_het_hele_tijdvak(extracten, begindatum, telt_december):
    # art. 38g lid 8 Wfsv: registered on the last day of December -> all December hours count
    polis = BASIS_POLIS + kwartaal(2015, MARKT, "P1", 100)
    r = meten(extracten, polis, BASIS_REG + [["P1", "38b_1_a", begindatum, "", "GM0014"]])
    assert uren(r, 2015, "markt", "formeel") == (100.0 if telt_december else 0.0)


@pytest.mark.parametrize(("einddatum", "maanden_geteld"), [("2015-10-01", 1), ("2015-09-30", 0), ("", 3)])
def test_geëindigde_registratie_telt_tot_en_met_het_tijdvak_van_de_einddatum(extracten, einddatum, maanden_geteld):
    polis = BASIS_POLIS + kwartaal(2015, MARKT, "P1", 50)
    r = meten(extracten, polis, BASIS_REG + [["P1", "38b_1_a", "2014-01-01", einddatum, "GM0014"]])
    assert uren(r, 2015, "markt", "formeel") == 50.0 * maanden_geteld


@pytest.mark.parametrize(("soort", "inleen_uren"), [("wsw", 0.0), ("wsw_gedetacheerd", 240.0)])
def test_wsw_telt_alleen_als_de_persoon_elders_is_geplaatst(extracten, soort, inleen_uren):
    # art. 38g lid 2 en 4, art. 122n lid 4-5 Wfsv; art. 4 lid 3 Wet banenafspraak
    polis = BASIS_POLIS + kwartaal(2015, SW, "P1", 80, soort=soort)
    r = meten(extracten, polis, BASIS_REG + [["P1", "38b_1_b", "2010-01-01", "", "GM0014"]])
    assert uren(r, 2015, "totaal", "inleen") == inleen_uren
    assert uren(r, 2015, "overheid", "formeel") == 0.0  # never a formal job at the SW company


@pytest.mark.parametrize(("in_register", "inleen_uren"), [(True, 360.0), (False, 0.0)])
def test_uitzendkracht_telt_als_inleen_alleen_uit_het_register(extracten, in_register, inleen_uren):
    polis = BASIS_POLIS + kwartaal(2015, BUREAU, "P1", 120, soort="uitzend")
    reg = BASIS_REG + ([["P1", "38b_1_e", "2010-01-01", "", "GM0034"]] if in_register else [])
    r = meten(extracten, polis, reg)
    assert uren(r, 2015, "totaal", "inleen") == inleen_uren
    assert uren(r, 2015, "markt", "formeel") == 0.0  # the agency's payroll is not a formal job of the market


def test_alleen_de_laatste_maanden_van_het_jaar_tellen(extracten):
    polis = BASIS_POLIS + kwartaal(2015, MARKT, "P1", 70, maanden=(9, 10))
    r = meten(extracten, polis, BASIS_REG + [["P1", "38b_1_a", "2010-01-01", "", "GM0014"]])
    assert uren(r, 2015, "markt", "formeel") == 70.0  # October in, September out


@pytest.mark.parametrize(("werkgever", "sector"), [(MARKT, "markt"), (OVERHEID, "overheid")])
def test_formele_baan_telt_in_de_sector_van_de_werkgever(extracten, werkgever, sector):
    # one full job: 3 x 110.92 h is 332.76 h, just over the norm of 332.75 h
    polis = BASIS_POLIS + kwartaal(2015, werkgever, "P1", 110.92)
    r = meten(extracten, polis, BASIS_REG + [["P1", "38b_1_c", "2010-01-01", "", "GM0014"]])
    andere = "overheid" if sector == "markt" else "markt"
    basis = {"markt": Decimal(300), "overheid": Decimal(0)}  # P0's baseline hours at the market employer
    assert uren(r, 2015, sector, "formeel") == 332.76
    assert r.landelijk[2015].meting.formeel[sector] == Decimal("332.76") / NORM  # just over one job
    assert gelijk(r.landelijk[2015].sectoren[sector].formeel, (Decimal("332.76") - basis[sector]) / NORM)
    assert r.landelijk[2015].meting.formeel[andere] == 0


def test_inleen_wordt_verdeeld_met_de_sleutel_van_het_jaar_tegen_die_van_2012(extracten):
    # 2016 key 72.2/27.8 on the 2016 stock; 2012 key 76/24 on the baseline stock (FACTS 4.2)
    polis = (kwartaal(2012, BUREAU, "P1", 100, soort="uitzend")
             + kwartaal(2016, BUREAU, "P1", 200, soort="uitzend"))
    r = meten(extracten, polis, [["P1", "38b_1_e", "2010-01-01", "", "GM0034"]], jaar=2016)
    s = r.landelijk[2016].sectoren
    assert gelijk(s["markt"].inleen, (Decimal("0.722") * 600 - Decimal("0.76") * 300) / NORM)
    assert gelijk(s["overheid"].inleen, (Decimal("0.278") * 600 - Decimal("0.24") * 300) / NORM)
    assert gelijk(s["totaal"].inleen, Decimal(300) / NORM)


def test_twee_registraties_tellen_een_keer_met_de_laatste_woonplaats(extracten):
    polis = BASIS_POLIS + kwartaal(2015, MARKT, "P1", 100)
    reg = BASIS_REG + [["P1", "38b_1_c", "2010-01-01", "", "GM0014"], ["P1", "38b_1_a", "2014-06-01", "", "GM0034"]]
    r = meten(extracten, polis, reg)
    assert uren(r, 2015, "markt", "formeel") == 300.0
    gm = r.gemeenten[(r.gemeenten.jaar == 2015) & (r.gemeenten.gemeentecode == "GM0034")]
    assert gm.uren.iloc[0] == Decimal("300.00")
    assert int(gm.werkend.iloc[0]) == 1 and int(gm.geregistreerd.iloc[0]) == 1


def test_werkgeverstabel_rekent_inleen_toe_aan_de_bekende_inlener(extracten):
    polis = BASIS_POLIS + kwartaal(2015, SW, "P1", 80, soort="wsw_gedetacheerd", inlener=OVERHEID)
    r = meten(extracten, polis, BASIS_REG + [["P1", "38b_1_b", "2010-01-01", "", "GM0014"]])
    w = r.werkgevers.set_index("loonheffingennummer")
    assert w.loc[OVERHEID, "uren_ingeleend"] == Decimal("240.00")
    assert w.loc[SW, "uren_uitgeleend"] == Decimal("240.00")
    assert w.loc[SW, "uren_formeel"] == 0
    gesch = r.verdeelsleutel_geschat
    assert gesch[(gesch.jaar == 2015)].set_index("sector").loc["overheid", "aandeel"] == 1


def test_zonder_polis_voor_de_nulmeting_geen_meting(extracten):
    polis = kwartaal(2015, MARKT, "P0", 100)
    with pytest.raises(MetingFout, match="nulmeting"):
        meten(extracten, polis, BASIS_REG)


def test_csv_en_parquet_geven_hetzelfde(extracten, tmp_path: Path):
    polis = BASIS_POLIS + kwartaal(2015, MARKT, "P1", 12.5) + kwartaal(2015, BUREAU, "P2", 33.25, "uitzend")
    reg = BASIS_REG + [["P1", "38b_1_a", "2015-11-15", "", "GM0014"], ["P2", "38b_2", "2011-01-01", "", "GM0034"]]
    a = meten(extracten, polis, reg, formaat="csv").landelijk[2015].als_dict()
    b = meten(extracten, polis, reg, formaat="parquet").landelijk[2015].als_dict()
    assert a == b
    assert a["sectoren"]["markt"]["uren"]["formeel"]["meting"] == 25.0  # November and December of P1


def test_werkgeverstabel_telt_het_hele_jaar_per_werkgever(extracten):
    from banenafspraak.engines.meting import werkgeverstabel

    polis = (kwartaal(2015, MARKT, "P1", 100, maanden=(1, 6, 12))  # registered from 2015-06-30 on
             + kwartaal(2015, MARKT, "X1", 150, maanden=(3,))  # not in the register
             + kwartaal(2015, SW, "P2", 80, soort="wsw", maanden=(1, 2))
             + kwartaal(2015, SW, "P2", 60, soort="wsw_gedetacheerd", inlener=OVERHEID, maanden=(3, 4))
             + kwartaal(2015, BUREAU, "P3", 20, soort="uitzend", maanden=(5,))
             + kwartaal(2016, MARKT, "P1", 700, maanden=(1,)))  # another year
    reg = [["P1", "38b_1_c", "2015-06-30", "", "GM0014"], ["P2", "38b_1_b", "2010-01-01", "", "GM0014"],
           ["P3", "38b_1_e", "2010-01-01", "2015-04-30", "GM0014"]]
    paden = extracten(polis, reg)
    t = werkgeverstabel(lees_invoer(paden["polis"], paden["werkgevers"], paden["register"]), 2015)
    df = t.to_pandas().set_index("loonheffingennummer")
    assert len(df) == 4 and set(df.jaar) == {2015}
    assert df.loc[MARKT, "uren_regulier"] == Decimal("450.00")  # 3 x 100 + 150
    assert df.loc[MARKT, "uren_doelgroep_regulier"] == Decimal("200.00")  # June and December
    assert df.loc[SW, "uren_wsw"] == Decimal("160.00")
    assert df.loc[SW, "uren_wsw_gedetacheerd"] == Decimal("120.00")
    assert df.loc[SW, "uren_doelgroep_uitgeleend"] == Decimal("120.00")
    assert df.loc[OVERHEID, "uren_doelgroep_ingeleend"] == Decimal("120.00")
    assert df.loc[BUREAU, "uren_uitzend_uitgeleend"] == Decimal("20.00")
    assert df.loc[BUREAU, "uren_doelgroep_uitgeleend"] == 0  # registration ended in April
