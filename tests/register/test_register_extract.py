"""Import, export and check of the register extract: all-or-nothing, idempotent, kill-safe, clear errors."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from banenafspraak.cli.register import app as register_cli
from banenafspraak.register import ExtractFout, exporteer_extract, importeer_extract
from banenafspraak.register.models import ImportRun, Logboek, Persoon, Registratie, RegistratieVersie

KOP = ["persoon_id", "grondslag", "begindatum", "einddatum", "gemeentecode"]
RIJEN = [
    ["p001", "38b_1_a", "2016-03-01", "", "GM0363"],
    ["p002", "38b_1_b", "2015-01-01", "2020-12-31", "GM0599"],
    ["p002", "38b_1_e", "2021-06-01", "", "GM0599"],
    ["p003", "wiw_id", "2015-05-01", "", "GM0014"],
]


def schrijf(pad: Path, rijen: list[list[str]], kop: list[str] = KOP) -> Path:
    with pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(kop)
        w.writerows(rijen)
    return pad


def tellingen(engine) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as c:
        return {
            m.__tablename__: c.execute(select(func.count()).select_from(m)).scalar_one()
            for m in (Persoon, Registratie, RegistratieVersie, Logboek, ImportRun)
        }


def test_import_reports_what_it_added_and_export_gives_the_same_rows_back(database_url, engine, tmp_path):
    rapport = importeer_extract(schrijf(tmp_path / "r.csv", RIJEN), database_url)
    assert (rapport.rijen, rapport.nieuwe_personen, rapport.nieuwe_registraties) == (4, 3, 4)
    assert rapport.gewijzigde_registraties == 0 and rapport.veranderd
    uit = tmp_path / "export.csv"
    assert exporteer_extract(uit, database_url) == 4
    terug = pd.read_csv(uit, dtype=str, keep_default_na=False)
    assert list(terug.columns) == KOP
    assert sorted(terug.values.tolist()) == sorted(RIJEN)


def test_rerunning_the_same_file_changes_nothing_and_says_so(database_url, engine, tmp_path):
    bestand = schrijf(tmp_path / "r.csv", RIJEN)
    importeer_extract(bestand, database_url)
    voor = tellingen(engine)
    tweede = importeer_extract(bestand, database_url)
    assert not tweede.veranderd
    assert (tweede.ongewijzigd, tweede.nieuwe_registraties, tweede.gewijzigde_registraties) == (4, 0, 0)
    na = tellingen(engine)
    assert {k: v for k, v in na.items() if k != "import_run"} == {k: v for k, v in voor.items() if k != "import_run"}


def test_a_changed_row_becomes_a_new_version_and_the_old_version_stays(database_url, engine, tmp_path):
    importeer_extract(schrijf(tmp_path / "a.csv", RIJEN), database_url)
    gewijzigd = [r[:] for r in RIJEN]
    gewijzigd[0][3] = "2026-06-30"  # p001 ends
    extra = gewijzigd + [["p004", "38b_2", "2024-01-01", "", "GM0363"]]
    rapport = importeer_extract(schrijf(tmp_path / "b.csv", extra), database_url)
    assert (rapport.gewijzigde_registraties, rapport.nieuwe_registraties, rapport.ongewijzigd) == (1, 1, 3)
    assert "p001" in rapport.voorbeelden_gewijzigd[0]
    with engine.connect() as c:
        versies = c.execute(
            select(RegistratieVersie.versie, RegistratieVersie.einddatum)
            .join(Registratie, Registratie.id == RegistratieVersie.registratie_id)
            .join(Persoon, Persoon.id == Registratie.persoon_id)
            .where(Persoon.pseudoniem == "p001")
            .order_by(RegistratieVersie.versie)
        ).all()
    assert [(v, str(e) if e else None) for v, e in versies] == [(1, None), (2, "2026-06-30")]
    # a registration missing from the file is counted, not ended
    rapport = importeer_extract(schrijf(tmp_path / "c.csv", extra[1:]), database_url)
    assert rapport.niet_in_bestand == 1 and not rapport.veranderd


def test_bad_rows_name_file_row_column_and_reason_and_nothing_is_written(database_url, engine, tmp_path):
    importeer_extract(schrijf(tmp_path / "goed.csv", RIJEN), database_url)
    voor = tellingen(engine)
    slecht = RIJEN + [
        ["p010", "38b_9", "2020-01-01", "", "GM0363"],
        ["p011", "38b_1_a", "2020-02-30", "", "GM0363"],
        ["p012", "38b_1_a", "2020-01-01", "2019-01-01", "GM0363"],
        ["p013", "38b_1_a", "2020-01-01", "", "GM9999"],
        ["p001", "38b_1_a", "2016-03-01", "", "GM0363"],
    ]
    bestand = schrijf(tmp_path / "slecht.csv", slecht)
    with pytest.raises(ExtractFout) as e:
        importeer_extract(bestand, database_url)
    fouten = [(f.rij, f.kolom) for f in e.value.fouten]
    assert fouten == [(5, "grondslag"), (6, "begindatum"), (7, "einddatum"), (8, "gemeentecode"),
                      (9, "persoon_id+grondslag+begindatum")]  # the key of the shared register contract
    tekst = str(e.value)
    assert str(bestand) in tekst and "rij 6, kolom begindatum" in tekst and "5 fout(en)" in tekst
    assert tellingen(engine) == voor


def test_many_errors_show_the_first_ten_and_the_count(tmp_path):
    rijen = [[f"p{i}", "38b_1_a", "gisteren", "", "GM0363"] for i in range(25)]
    with pytest.raises(ExtractFout) as e:
        importeer_extract(schrijf(tmp_path / "r.csv", rijen), "sqlite:///" + str(tmp_path / "niet.sqlite"))
    assert len(e.value.fouten) == 25
    assert str(e.value).count("kolom begindatum") == 10 and "nog 15 fouten" in str(e.value)
    assert not (tmp_path / "niet.sqlite").exists()


def test_wrong_columns_are_refused_before_reading_rows(tmp_path):
    pad = schrijf(tmp_path / "r.csv", [["p1", "38b_1_a", "2020-01-01", "GM0363"]], KOP[:3] + ["gemeente"])
    with pytest.raises(ExtractFout) as e:
        importeer_extract(pad, "sqlite:///" + str(tmp_path / "x.sqlite"))
    assert {(f.kolom, f.reden.split(" (")[0]) for f in e.value.fouten} == {
        ("einddatum", "kolom ontbreekt"),
        ("gemeentecode", "kolom ontbreekt"),
        ("gemeente", "onbekende kolom"),
    }


def test_parquet_round_trip(database_url, tmp_path):
    importeer_extract(schrijf(tmp_path / "r.csv", RIJEN), database_url)
    pq = tmp_path / "r.parquet"
    exporteer_extract(pq, database_url)
    df = pd.read_parquet(pq)
    assert list(df.columns) == KOP and df["einddatum"].isna().sum() == 3
    tweede = importeer_extract(pq, database_url)
    assert tweede.ongewijzigd == 4 and not tweede.veranderd


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from banenafspraak.register import importeer_extract

    def pauze(stap):
        if stap == "versies":
            Path(sys.argv[3]).write_text("bezig")
            time.sleep(60)

    importeer_extract(sys.argv[1], sys.argv[2], _na_stap=pauze)
""")


def test_killing_the_import_midway_leaves_the_register_as_it_was(database_url, engine, tmp_path):
    importeer_extract(schrijf(tmp_path / "eerst.csv", RIJEN), database_url)
    voor = tellingen(engine)
    groot = [[f"k{i:05d}", "38b_1_d", "2022-01-01", "", "GM0363"] for i in range(3000)]
    bestand = schrijf(tmp_path / "groot.csv", RIJEN + groot)
    teken = tmp_path / "bezig"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(bestand), database_url, str(teken)], env=os.environ.copy()
    )
    try:
        grens = time.monotonic() + 60
        while not teken.exists():
            assert proc.poll() is None, "import stopte voordat hij halverwege was"
            assert time.monotonic() < grens, "import kwam niet halverwege"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert tellingen(engine) == voor
    # and the same file imports cleanly afterwards
    assert importeer_extract(bestand, database_url).nieuwe_registraties == 3000


def test_cli_check_import_export_and_levering(database_url, tmp_path):
    runner = CliRunner()
    bestand = schrijf(tmp_path / "r.csv", RIJEN)
    r = runner.invoke(register_cli, ["check", str(bestand)])
    assert r.exit_code == 0 and "4 rijen, 3 personen" in r.stdout
    r = runner.invoke(register_cli, ["import", str(bestand), "--database-url", database_url])
    assert r.exit_code == 0, r.output
    assert "nieuwe registraties:     4" in r.stdout
    r = runner.invoke(register_cli, ["import", str(bestand), "--database-url", database_url])
    assert "Niets veranderd" in r.stdout and "ongewijzigd:             4" in r.stdout
    slecht = schrijf(tmp_path / "s.csv", [["p9", "38b_1_a", "2020-13-01", "", "GM0363"]])
    r = runner.invoke(register_cli, ["import", str(slecht), "--database-url", database_url])
    assert r.exit_code == 1 and "rij 1, kolom begindatum" in r.stderr
    r = runner.invoke(register_cli, ["check", str(slecht)])
    assert r.exit_code == 1
    uit = tmp_path / "uit.csv"
    r = runner.invoke(register_cli, ["export", str(uit), "--database-url", database_url])
    assert r.exit_code == 0 and len(pd.read_csv(uit)) == 4
    xlsx = tmp_path / "lev.xlsx"
    r = runner.invoke(
        register_cli,
        ["levering", "--gemeente", "GM0599", "--jaar", "2020", "-o", str(xlsx), "--database-url", database_url],
    )
    assert r.exit_code == 0, r.output
    lev = pd.read_excel(xlsx, skiprows=2, dtype=str)
    # 2020: p002's first registration ran; the second started in 2021
    assert lev[["persoon_id", "grondslag"]].values.tolist() == [["p002", "38b_1_b"]]
    r = runner.invoke(
        register_cli,
        [
            "levering",
            "--gemeente",
            "GM9999",
            "--jaar",
            "2020",
            "-o",
            str(tmp_path / "x.csv"),
            "--database-url",
            database_url,
        ],
    )
    assert r.exit_code == 1 and "onbekende gemeentecode" in r.stderr
