"""Bad input stops the run with a clear error (file, row, column, reason), a non-zero exit and no output."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from banenafspraak.cli.main import app
from tests.conftest import MARKT, POLIS_KOLOMMEN, kwartaal, schrijf_csv

GOEDE_POLIS = kwartaal(2012, MARKT, "P1", 100) + kwartaal(2015, MARKT, "P1", 100)
GOED_REGISTER = [["P1", "38b_1_c", "2010-01-01", "", "GM0014"]]


def draai(paden: dict[str, Path], uit: Path):
    return CliRunner().invoke(app, [
        "meting", "--jaar", "2015", "--polis", str(paden["polis"]), "--register", str(paden["register"]),
        "--werkgevers", str(paden["werkgevers"]), "--uit", str(uit)])


def test_goede_invoer_schrijft_de_tabellen(extracten, tmp_path):
    r = draai(extracten(GOEDE_POLIS, GOED_REGISTER), tmp_path / "uit")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "uit" / "landelijk_2015.json").exists()


FOUTEN = [
    # (what is broken, polis rows, register rows, expected file, column, text in the reason, first row)
    ("negatieve uren", GOEDE_POLIS[:-1] + [[MARKT, "P1", "2015-12", -4, "regulier", ""]], GOED_REGISTER,
     "polis.csv", "verloonde_uren", "negatieve uren", "6"),
    ("onmogelijke uren", GOEDE_POLIS + [[MARKT, "P2", "2015-12", 900, "regulier", ""]], GOED_REGISTER,
     "polis.csv", "verloonde_uren", "onmogelijk veel uren", "7"),
    ("geen getal", GOEDE_POLIS + [[MARKT, "P2", "2015-12", "veel", "regulier", ""]], GOED_REGISTER,
     "polis.csv", "verloonde_uren", "geen getal", "7"),
    ("tijdvak", GOEDE_POLIS + [[MARKT, "P2", "2015-13", 5, "regulier", ""]], GOED_REGISTER,
     "polis.csv", "periode", "geen geldig tijdvak", "7"),
    ("soort", GOEDE_POLIS + [[MARKT, "P2", "2015-12", 5, "stage", ""]], GOED_REGISTER,
     "polis.csv", "soort", "onbekende soort", "7"),
    ("werkgever", GOEDE_POLIS + [["999999999L01", "P2", "2015-12", 5, "regulier", ""]], GOED_REGISTER,
     "polis.csv", "loonheffingennummer", "niet in het werkgeversbestand", "7"),
    ("dubbel", GOEDE_POLIS + [GOEDE_POLIS[0]], GOED_REGISTER,
     "polis.csv", "loonheffingennummer+persoon_id", "dubbele rij", "7"),  # the later copy is the duplicate
    ("einddatum", GOEDE_POLIS, [["P1", "38b_1_c", "2010-01-01", "2009-12-31", "GM0014"]],
     "register.csv", "einddatum", "voor de begindatum", "1"),
    ("grondslag", GOEDE_POLIS, GOED_REGISTER + [["P2", "38b_9", "2010-01-01", "", "GM0014"]],
     "register.csv", "grondslag", "onbekende grondslag", "2"),
    ("gemeente", GOEDE_POLIS, GOED_REGISTER + [["P2", "38b_1_a", "2010-01-01", "", "GM9999"]],
     "register.csv", "gemeentecode", "onbekende gemeentecode", "2"),
    ("datum", GOEDE_POLIS, GOED_REGISTER + [["P2", "38b_1_a", "1-1-2010", "", "GM0014"]],
     "register.csv", "begindatum", "geen geldige datum", "2"),
    ("witruimte", GOEDE_POLIS, GOED_REGISTER + [["P 2", "38b_1_a", "2010-01-01", "", "GM0014"]],
     "register.csv", "persoon_id", "bevat witruimte", "2"),
    ("te lang", GOEDE_POLIS, GOED_REGISTER + [["P" * 65, "38b_1_a", "2010-01-01", "", "GM0014"]],
     "register.csv", "persoon_id", "langer dan 64 tekens", "2"),
]


@pytest.mark.parametrize(("fout", "polis", "register", "bestand", "kolom", "reden", "rij"), FOUTEN,
                         ids=[f[0] for f in FOUTEN])
def test_foute_invoer_wordt_geweigerd_en_er_wordt_niets_geschreven(
        extracten, tmp_path, fout, polis, register, bestand, kolom, reden, rij):
    uit = tmp_path / "uit"
    r = draai(extracten(polis, register), uit)
    assert r.exit_code == 2
    tekst = " ".join(r.output.split())
    assert bestand in tekst and kolom in tekst and reden in tekst, tekst
    assert f"(eerste rijen: {rij}" in tekst
    assert not uit.exists()


@pytest.mark.parametrize(("kolommen", "melding"), [
    (POLIS_KOLOMMEN[:-1], "kolom ontbreekt"),
    (POLIS_KOLOMMEN + ["bsn"], "onbekende kolom"),
])
def test_ontbrekende_of_extra_kolom(extracten, tmp_path, kolommen, melding):
    paden = extracten(GOEDE_POLIS, GOED_REGISTER)
    schrijf_csv(paden["polis"], kolommen, [r[: len(kolommen)] + [""] * (len(kolommen) - 6) for r in GOEDE_POLIS])
    uit = tmp_path / "uit"
    r = draai(paden, uit)
    assert r.exit_code == 2
    assert melding in " ".join(r.output.split())
    assert not uit.exists()


def test_fout_telt_alle_rijen_en_toont_de_eerste(extracten, tmp_path):
    polis = GOEDE_POLIS + [[MARKT, f"P{i}", "2015-12", -1, "regulier", ""] for i in range(10, 20)]
    r = draai(extracten(polis, GOED_REGISTER), tmp_path / "uit")
    tekst = " ".join(r.output.split())
    assert "negatieve uren: 10 rij(en) (eerste rijen: 7, 8, 9, 10, 11)" in tekst


def test_pseudoniem_van_64_tekens_mag(extracten, tmp_path):
    r = draai(extracten(GOEDE_POLIS, GOED_REGISTER + [["P" * 64, "38b_1_a", "2010-01-01", "", "GM0014"]]),
              tmp_path / "uit")
    assert r.exit_code == 0, r.output
