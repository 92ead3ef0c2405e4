"""Aggregate mode: the national table from aggregate figures reproduces the published Tabel 1 (2021)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from banenafspraak.cli.main import app
from banenafspraak.engines.landelijk import AggregaatFout, lees_aggregaat
from banenafspraak.reference import DATA_DIR, gepubliceerd
from banenafspraak.rules.meting import extra_inleen

TABEL_1_INVOER = """\
jaar: 2021
nulmeting: {formeel: {markt: 30000, overheid: 8973}, inleen_totaal: 36206,
            verdeelsleutel: {markt: 0.76, overheid: 0.24}}
meting:    {formeel: {markt: 89928, overheid: 16067}, inleen_totaal: 41993,
            verdeelsleutel: {markt: 0.68, overheid: 0.32}}
"""


def landelijk_json(invoer: Path) -> dict:
    r = CliRunner().invoke(app, ["meting", "landelijk", "--invoer", str(invoer), "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_tabel_1_van_2021_wordt_gereproduceerd_binnen_een_baan_per_cel(tmp_path):
    pad = tmp_path / "2021.yaml"
    pad.write_text(TABEL_1_INVOER)
    uit = landelijk_json(pad)["sectoren"]
    for sector in ("markt", "overheid", "totaal"):
        officieel = gepubliceerd(2021, sector)
        assert officieel is not None
        assert abs(uit[sector]["formeel"] - officieel.formeel) <= 1
        assert abs(uit[sector]["inleen"] - officieel.inleen) <= 1
        assert abs(uit[sector]["totaal"] - officieel.totaal) <= 1
        assert uit[sector]["doelstelling"] == officieel.doelstelling


def test_inleen_toedeling_volgt_de_testvector():
    with (DATA_DIR / "published" / "inleen_allocation_check.csv").open() as f:
        rijen = list(csv.DictReader(f))
    assert rijen
    for r in rijen:
        for s in ("market", "gov"):
            x = extra_inleen(Decimal(r[f"key_{s}_t"]), Decimal(r["inleen_total_t"]),
                             Decimal(r[f"key_{s}_0"]), Decimal(r["inleen_total_0"]))
            assert round(x) == int(r[f"expected_extra_{s}"])


@pytest.mark.parametrize(("wijziging", "melding"), [
    (("nulmeting: {formeel", "nulmeting: {formeeel"), "nulmeting.formeel.markt ontbreekt"),
    (("inleen_totaal: 41993", "inleen_totaal: -1"), "negatief"),
    (("markt: 0.68, overheid: 0.32", "markt: 0.68, overheid: 0.42"), "telt niet op tot 1"),
    (("inleen_totaal: 41993", "inleen_totaal: veel"), "geen getal"),
    (("jaar: 2021", "jaar: 2014"), "geen waarde op 2014-12-31"),
])
def test_foute_aggregaten_geven_een_duidelijke_fout(tmp_path, wijziging, melding):
    pad = tmp_path / "fout.yaml"
    pad.write_text(TABEL_1_INVOER.replace(*wijziging))
    r = CliRunner().invoke(app, ["meting", "landelijk", "--invoer", str(pad), "--format", "json"])
    assert r.exit_code != 0
    assert melding in " ".join(r.output.split())


def test_onbekend_veld_wordt_geweigerd(tmp_path):
    pad = tmp_path / "fout.yaml"
    pad.write_text(TABEL_1_INVOER + "opmerking: x\n")
    with pytest.raises(AggregaatFout, match="onbekende velden: opmerking"):
        lees_aggregaat(pad)
