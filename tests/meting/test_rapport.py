"""Reports: byte-identical CSV and JSON for the same inputs, real Excel, a self-contained HTML report."""

from __future__ import annotations

import json

import openpyxl
from typer.testing import CliRunner

from banenafspraak.cli.main import app


def draai(klein_land, uit, jaren="2020-2022"):
    r = CliRunner().invoke(app, [
        "meting", "--jaar", jaren, "--polis", str(klein_land / "polis.parquet"),
        "--register", str(klein_land / "register.parquet"), "--werkgevers", str(klein_land / "werkgevers.parquet"),
        "--uit", str(uit)])
    assert r.exit_code == 0, r.output
    return r


def test_zelfde_invoer_geeft_byte_identieke_csv_en_json(klein_land, tmp_path):
    draai(klein_land, tmp_path / "a")
    draai(klein_land, tmp_path / "b")
    bestanden = sorted(p.name for p in (tmp_path / "a").iterdir() if p.suffix in (".csv", ".json"))
    assert {"landelijk_2021.json", "reeks.csv", "gemeenten.csv", "werkgevers.csv", "herkomst.json"} <= set(bestanden)
    for naam in bestanden:
        assert (tmp_path / "a" / naam).read_bytes() == (tmp_path / "b" / naam).read_bytes(), naam


def test_json_heeft_de_vorm_van_de_aggregaatmodus_met_uren_en_herkomst(klein_land, tmp_path):
    draai(klein_land, tmp_path)
    d = json.loads((tmp_path / "landelijk_2021.json").read_text())
    for sector in ("markt", "overheid", "totaal"):
        cel = d["sectoren"][sector]
        assert {"formeel", "inleen", "totaal", "doelstelling"} <= set(cel)
        assert cel["baannorm_uren"] == 332.75
        assert cel["uren"]["formeel"]["meting"] > 0
    herkomst = d["herkomst"]
    assert set(herkomst["invoer_sha256"]) == {"polis", "register", "werkgevers"}
    assert herkomst["code_versie"] and herkomst["parameter_versie"]
    assert any(p["parameter"] == "meting.verdeelsleutel.markt" for p in herkomst["parameters"])
    bepalingen = [b["tekst"] for stap in herkomst["regels"] for b in stap["bepalingen"]]
    assert "art. 38g lid 8 Wfsv" in bepalingen and "art. 4 lid 3 Wet banenafspraak" in bepalingen


def test_excel_heeft_koppen_en_getalnotatie(klein_land, tmp_path):
    draai(klein_land, tmp_path)
    boek = openpyxl.load_workbook(tmp_path / "meting.xlsx")
    assert {"reeks", "landelijk_2022", "gemeenten", "arbeidsmarktregios", "herkomst"} <= set(boek.sheetnames)
    blad = boek["landelijk_2022"]
    assert [c.value for c in blad[1]][:4] == ["sector", "formeel", "inleen", "totaal"]
    assert blad["B2"].number_format == "#,##0"
    assert isinstance(blad["B2"].value, int | float)


def test_html_rapport_staat_op_zichzelf(klein_land, tmp_path):
    draai(klein_land, tmp_path)
    html = (tmp_path / "rapport.html").read_text()
    assert html.count("<svg") >= 5  # three sectors over the years, two regional charts
    assert "<script" not in html and 'src="http' not in html and "<link" not in html
    assert "Groningen" in html and "Realisatie" in html


def test_reeks_json_is_geldige_json_met_null_zonder_vorig_jaar(klein_land, tmp_path):
    draai(klein_land, tmp_path / "a", "2015-2016")  # 2014 has no target, so 2015 has no change
    reeks = json.loads((tmp_path / "a" / "reeks.json").read_text())["reeks"]
    assert all(r["verandering_vorig_jaar"] is None for r in reeks if r["jaar"] == 2015)
    per_jaar = {(r["jaar"], r["sector"]): r for r in reeks}
    for sector in ("markt", "overheid", "totaal"):
        verandering = per_jaar[(2016, sector)]["verandering_vorig_jaar"]
        assert verandering == per_jaar[(2016, sector)]["totaal"] - per_jaar[(2015, sector)]["totaal"]
    assert "NaN" not in (tmp_path / "a" / "reeks.json").read_text()
