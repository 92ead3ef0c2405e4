"""The synthetic nation: deterministic, realistic in shape, and calibrated on the published results."""

from __future__ import annotations

import hashlib
import json

import duckdb
import pytest

from banenafspraak.demo.generator import genereer
from banenafspraak.reference import arbeidsmarktregios, gepubliceerde_resultaten


def test_gemeten_extra_banen_liggen_binnen_2_procent_van_de_gepubliceerde(klein_land, klein_gemeten):
    schaal = json.loads((klein_land / "manifest.json").read_text())["schaal"]
    getoetst = 0
    for officieel in gepubliceerde_resultaten():
        if officieel.sector == "totaal" or officieel.totaal is None:
            continue
        gemeten = klein_gemeten.landelijk[officieel.jaar].sectoren[officieel.sector].totaal
        assert float(gemeten) / schaal == pytest.approx(officieel.totaal, rel=0.02), officieel
        getoetst += 1
    assert getoetst == 18  # 2015-2023, market and government


def test_zelfde_zaad_geeft_hetzelfde_land(tmp_path, klein_land):
    genereer(tmp_path, omvang="klein", zaad=2013)
    for naam in ("werkgevers.parquet", "register.parquet", "polis.parquet", "manifest.json"):
        a = hashlib.sha256((tmp_path / naam).read_bytes()).hexdigest()
        b = hashlib.sha256((klein_land / naam).read_bytes()).hexdigest()
        assert a == b, naam


def test_land_heeft_de_vorm_van_nederland(klein_land, klein_gemeten):
    con = duckdb.connect()
    w = str(klein_land / "werkgevers.parquet")
    r = str(klein_land / "register.parquet")
    assert con.sql(f"SELECT count(*) FROM '{w}'").fetchone()[0] == 4500
    overheid = con.sql(f"SELECT count(DISTINCT overheidssector) FROM '{w}' WHERE sector = 'overheid'").fetchone()[0]
    assert overheid >= 5  # 54 government employers at 1%; the national size has all 13
    grondslagen = dict(con.sql(f"SELECT grondslag, count(*) FROM '{r}' GROUP BY 1").fetchall())
    assert grondslagen["38b_1_c"] > grondslagen["38b_1_a"] > grondslagen["38b_1_d"]  # Wajong largest
    assert set(klein_gemeten.arbeidsmarktregios.arbeidsmarktregio_code) <= set(arbeidsmarktregios())
    gm = klein_gemeten.gemeenten[klein_gemeten.gemeenten.jaar == 2022]
    werkend = gm.werkend.sum() / gm.geregistreerd.sum()
    assert 0.4 < werkend < 0.65  # about half of the register works (53% end 2022)
    register_2022 = gm.geregistreerd.sum()
    assert 2300 < register_2022 < 2800  # about 253,000 nationally, at 1%
