"""The interfaces of issue 3 point 8: `regels doelgroep|instrumenten|schema` and `quotum` (with explain,
beschikking, calculator), including bad input: a Dutch error naming the field, exit code 2, nothing written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest
from typer.testing import CliRunner

from banenafspraak.cli.main import app

runner = CliRunner()


def _json(tmp_path: Path, data: Any, naam: str = "feiten.json") -> Path:
    pad = tmp_path / naam
    pad.write_text(json.dumps(data), encoding="utf-8")
    return pad


def test_doelgroep_json_met_elke_grond_als_eigen_sleutel(tmp_path: Path) -> None:
    feiten = _json(tmp_path, {"beschut_werk_vastgesteld": False, "wajong_uitkering": True})
    r = runner.invoke(app, ["regels", "doelgroep", "--feiten", str(feiten), "--peildatum", "2026-01-01"])
    assert r.exit_code == 0, r.output
    uit = json.loads(r.output)
    for sleutel in ("grond_38b_1_a", "grond_38b_1_b", "grond_38b_1_c", "grond_38b_1_d", "grond_38b_1_e",
                    "grond_38b_1_f", "grond_38b_1_g", "grond_38b_2", "grond_38b_6", "gelijkstelling_wiw_id",
                    "uitsluiting_beschut_werk"):
        assert sleutel in uit
    assert uit["grond_38b_1_c"]["voldaan"] is True
    assert uit["is_arbeidsbeperkte"] is True
    assert uit["grond_vastgelegd"] == "38b_1_c"
    assert [a["tekst"] for a in uit["artikelen"]][0] == "art. 38b lid 1 onderdeel c Wfsv"
    assert uit["artikelen"][0]["href"] == "https://wetten.overheid.nl/BWBR0017745/2026-01-01#Artikel38b"
    assert "variant_verbreding_2023_wia" not in uit


def test_instrumenten_json(tmp_path: Path) -> None:
    feiten = _json(tmp_path, {"beschut_werk_vastgesteld": False, "wsw_indicatie": True,
                              "datum_in_dienst": "2026-02-01", "verloonde_uren_per_jaar": 1331})
    r = runner.invoke(app, ["regels", "instrumenten", "--feiten", str(feiten), "--peildatum", "2026-06-01"])
    assert r.exit_code == 0, r.output
    uit = json.loads(r.output)
    lkv = uit["instrumenten"]["lkv_doelgroep_banenafspraak"]
    assert lkv["van_toepassing"] is True
    assert lkv["bedrag_dit_jaar"] == "€ 1.344,31"
    assert lkv["artikelen"] == ["art. 2.10 lid 1 Wtl", "art. 2.10 lid 2 Wtl", "art. 2.12 Wtl"]
    for instrument in uit["instrumenten"].values():
        assert instrument["waarom"] and instrument["artikelen"]


@pytest.mark.parametrize("onderwerp", ["doelgroep", "instrumenten"])
def test_schema_is_geldig_en_beschrijft_elk_feit(onderwerp: str, tmp_path: Path) -> None:
    r = runner.invoke(app, ["regels", "schema", onderwerp])
    assert r.exit_code == 0, r.output
    schema = json.loads(r.output)
    jsonschema.Draft202012Validator.check_schema(schema)
    for naam, feit in schema["properties"].items():
        assert feit["description"], naam
        assert feit["x-artikel"], naam
    assert "beschut_werk_vastgesteld" in schema["required"]
    voorbeeld = {"beschut_werk_vastgesteld": False, "datum_in_dienst": "2026-01-01", "verloonde_uren_per_jaar": 10}
    if onderwerp == "doelgroep":
        voorbeeld = {"beschut_werk_vastgesteld": False}
    jsonschema.validate(voorbeeld, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**voorbeeld, "onbekend": True}, schema)


@pytest.mark.parametrize(
    ("feiten", "melding"),
    [
        ({"beschut_werk_vastgesteld": False, "wsw": True}, "onbekend feit 'wsw'"),
        ({"beschut_werk_vastgesteld": "nee"}, "feit 'beschut_werk_vastgesteld' moet ja/nee"),
        ({"wsw_indicatie": True}, "verplicht feit 'beschut_werk_vastgesteld' ontbreekt"),
        ([1, 2], "JSON-object"),
    ],
)
def test_doelgroep_slechte_invoer(tmp_path: Path, feiten: Any, melding: str) -> None:
    pad = _json(tmp_path, feiten)
    r = runner.invoke(app, ["regels", "doelgroep", "--feiten", str(pad), "--peildatum", "2026-01-01"])
    assert r.exit_code == 2
    assert melding in r.output


def test_doelgroep_kapotte_json_en_datum(tmp_path: Path) -> None:
    pad = tmp_path / "kapot.json"
    pad.write_text("{niet: json", encoding="utf-8")
    r = runner.invoke(app, ["regels", "doelgroep", "--feiten", str(pad), "--peildatum", "2026-01-01"])
    assert r.exit_code == 2 and "geen geldige JSON" in r.output
    goed = _json(tmp_path, {"beschut_werk_vastgesteld": False})
    r = runner.invoke(app, ["regels", "doelgroep", "--feiten", str(goed), "--peildatum", "1-1-2026"])
    assert r.exit_code == 2 and "--peildatum" in r.output


# ---------------------------------------------------------------------------------------------------- quotum


def _tabel(tmp_path: Path) -> Path:
    nul = {"uren_uitzend_uitgeleend": 0, "uren_wsw": 0, "uren_wsw_gedetacheerd": 0, "uren_doelgroep_ingeleend": 0,
           "uren_doelgroep_uitgeleend": 0}
    rijen = [
        {"loonheffingennummer": "100000002L01", "naam": "Gemeente Groningen", "sector": "overheid", "jaar": 2017,
         "uren_regulier": 200000, "uren_doelgroep_regulier": 0, **nul},
        {"loonheffingennummer": "100000002L01", "naam": "Gemeente Groningen", "sector": "overheid", "jaar": 2018,
         "uren_regulier": 200000, "uren_doelgroep_regulier": 1331, **nul},
    ]
    pad = tmp_path / "werkgevers.csv"
    pd.DataFrame(rijen).to_csv(pad, index=False)
    return pad


def test_quotum_tabel_explain_en_beschikking(tmp_path: Path) -> None:
    tabel = _tabel(tmp_path)
    uit = tmp_path / "uit" / "quotum.json"
    r = runner.invoke(app, ["quotum", "--jaar", "2018", "--regime", "wfsv", "--werkgevers-tabel", str(tabel),
                            "--uit", str(uit)])
    assert r.exit_code == 0, r.output
    rij = json.loads(uit.read_text(encoding="utf-8"))[0]
    assert rij["wfsv_heffing_berekend_centen"] == 950038

    r = runner.invoke(app, ["quotum", "--jaar", "2018", "--regime", "wfsv", "--werkgevers-tabel", str(tabel),
                            "--werkgever", "100000002L01", "--explain"])
    assert r.exit_code == 0, r.output
    keten = json.loads(r.output)
    stappen = {s["regel"]: s for s in keten["stappen"]}
    assert stappen["quotumtekort"]["invoer"] == {"A": 200000.0, "B": 1.93, "C": 1331.0, "D": 1331.0}
    assert stappen["quotumheffing_centen"]["uitkomst"] == "€ 9.500,38"
    assert stappen["uitvoering_opgeschort"]["artikelen"][0]["tekst"] == "art. 122na lid 1 Wfsv"

    map_ = tmp_path / "brieven"
    r = runner.invoke(app, ["quotum", "--jaar", "2018", "--regime", "wfsv", "--werkgevers-tabel", str(tabel),
                            "--werkgever", "100000002L01", "--beschikking", str(map_)])
    assert r.exit_code == 0, r.output
    html = (map_ / "beschikking_100000002L01_2018.html").read_text(encoding="utf-8")
    for tekst in ("Totaal verloonde uren (A)", "200.000,00", "1.331,00", "€ 9.500,38", "art. 38h lid 4 Wfsv",
                  "opgeschort"):
        assert tekst in html
    assert (map_ / "beschikking_100000002L01_2018.pdf").read_bytes().startswith(b"%PDF")


def test_quotum_beide_regimes_naast_elkaar(tmp_path: Path) -> None:
    uit = tmp_path / "q.csv"
    r = runner.invoke(app, ["quotum", "--jaar", "2018", "--regime", "wfsv", "--regime", "wbaf",
                            "--werkgevers-tabel", str(_tabel(tmp_path)), "--wbaf-quotumpercentage", "2",
                            "--bonus-per-uur", "3.77", "--uit", str(uit)])
    assert r.exit_code == 0, r.output
    df = pd.read_csv(uit)
    assert {"wfsv_quotumtekort", "wbaf_banenafspraakbonus_centen"} <= set(df.columns)
    assert int(df["wbaf_banenafspraakbonus_centen"].iloc[0]) == 501787


@pytest.mark.parametrize(
    ("extra", "melding"),
    [
        (["--werkgever", "999", "--beschikking", "BRIEVEN"], "werkgever 999 staat niet in de tabel"),
        (["--quotumpercentage", "zorg=2"], "--quotumpercentage 'zorg=2'"),
        (["--regime", "wbaf"], "wbaf.quotumpercentage"),
        (["--explain"], "--werkgever"),
    ],
)
def test_quotum_slechte_invoer_schrijft_niets(tmp_path: Path, extra: list[str], melding: str) -> None:
    extra = [str(tmp_path / "brieven") if e == "BRIEVEN" else e for e in extra]
    uit = tmp_path / "q.csv"
    regime = [] if "--regime" in extra else ["--regime", "wfsv"]
    r = runner.invoke(app, ["quotum", "--jaar", "2018", *regime, "--werkgevers-tabel", str(_tabel(tmp_path)),
                            "--uit", str(uit), *extra])
    assert r.exit_code == 2, r.output
    assert melding in r.output
    assert not uit.exists()
    assert not (tmp_path / "brieven").exists()


def test_quotum_kapotte_tabel(tmp_path: Path) -> None:
    pad = tmp_path / "w.csv"
    pd.DataFrame([{"loonheffingennummer": "1", "sector": "overheid", "jaar": 2018}]).to_csv(pad, index=False)
    r = runner.invoke(app, ["quotum", "--jaar", "2018", "--werkgevers-tabel", str(pad)])
    assert r.exit_code == 2
    assert "kolom(men) ontbreken: uren_regulier" in r.output


def test_quotum_via_meting(tmp_path: Path, extracten: Any) -> None:
    """--polis/--register/--werkgevers builds the table with engines.meting.werkgeverstabel."""
    from tests.conftest import OVERHEID, kwartaal

    polis: list[list[object]] = []
    for jaar in (2017, 2018):
        for i in range(60):
            polis += kwartaal(jaar, OVERHEID, f"p{i}", 100, maanden=tuple(range(1, 13)))
        polis += kwartaal(jaar, OVERHEID, "p99", 100, maanden=tuple(range(1, 13)))
    register = [["p99", "38b_1_b", "2015-01-01", "", "GM0014"]]
    paden = extracten(polis, register)
    uit = tmp_path / "q.json"
    r = runner.invoke(app, ["quotum", "--jaar", "2018", "--polis", str(paden["polis"]), "--register",
                            str(paden["register"]), "--werkgevers", str(paden["werkgevers"]), "--uit", str(uit),
                            "--quotumpercentage", "markt=2.0"])
    assert r.exit_code == 0, r.output
    rij = next(x for x in json.loads(uit.read_text(encoding="utf-8")) if x["loonheffingennummer"] == OVERHEID)
    # 61 persons × 100 h × 12 months; the register person's 1200 h are C
    assert rij["uren_werkgever_A"] == pytest.approx(73200.0)
    assert rij["uren_doelgroep_C"] == pytest.approx(1200.0)
    assert rij["wfsv_heffingsplichtig"] is True


def test_calculator_rapport(tmp_path: Path) -> None:
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    r = runner.invoke(app, ["quotum", "calculator", "--jaar", "2018", "--sector", "overheid", "--uren", "200000",
                            "--doelgroep-uren", "1331", "--html", str(html), "--pdf", str(pdf)])
    assert r.exit_code == 0, r.output
    assert "€ 9.500,38" in r.output  # Wfsv with the 2018 government percentage
    assert "Wet banenafspraak" in r.output and "Niet te berekenen" in r.output  # no Wbaf percentage given
    assert "LKV doelgroep banenafspraak" in html.read_text(encoding="utf-8")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_calculator_slechte_invoer(tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    r = runner.invoke(app, ["quotum", "calculator", "--jaar", "2018", "--sector", "zorg", "--uren", "10",
                            "--html", str(html)])
    assert r.exit_code == 2 and "--sector 'zorg'" in r.output
    r = runner.invoke(app, ["quotum", "calculator", "--jaar", "2018", "--sector", "markt", "--uren", "10",
                            "--doelgroep-uren", "20", "--html", str(html)])
    assert r.exit_code == 2 and "--doelgroep-uren" in r.output
    assert not html.exists()
