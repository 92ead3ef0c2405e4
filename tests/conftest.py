"""Shared fixtures: small hand-checkable extracts written as CSV or Parquet."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

POLIS_KOLOMMEN = ["loonheffingennummer", "persoon_id", "periode", "verloonde_uren", "soort", "inlener"]
WERKGEVERS_KOLOMMEN = ["loonheffingennummer", "naam", "sector", "overheidssector", "gemeentecode"]
REGISTER_KOLOMMEN = ["persoon_id", "grondslag", "begindatum", "einddatum", "gemeentecode"]

MARKT = "100000001L01"
OVERHEID = "100000002L01"
BUREAU = "100000003L01"
SW = "100000004L01"

WERKGEVERS = [
    [MARKT, "Bakkerij De Korf", "markt", "", "GM0014"],
    [OVERHEID, "Gemeente Groningen", "overheid", "gemeenten", "GM0014"],
    [BUREAU, "Uitzendbureau Snel", "markt", "", "GM0034"],
    [SW, "SW-bedrijf Noord", "overheid", "gemeenschappelijke_regelingen", "GM0014"],
]


def schrijf_csv(pad: Path, kolommen: list[str], rijen: list[list[object]]) -> Path:
    with pad.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(kolommen)
        w.writerows(rijen)
    return pad


Schrijver = Callable[..., dict[str, Path]]


@pytest.fixture
def extracten(tmp_path: Path) -> Schrijver:
    """Write polis/register/werkgevers rows to files; returns their paths. ``formaat`` csv or parquet."""

    def schrijf(polis: list[list[object]], register: list[list[object]],
                werkgevers: list[list[object]] | None = None, formaat: str = "csv") -> dict[str, Path]:
        paden = {}
        for naam, kolommen, rijen in (("polis", POLIS_KOLOMMEN, polis), ("register", REGISTER_KOLOMMEN, register),
                                      ("werkgevers", WERKGEVERS_KOLOMMEN, werkgevers or WERKGEVERS)):
            pad = schrijf_csv(tmp_path / f"{naam}.csv", kolommen, rijen)
            if formaat == "parquet":
                tabel = pacsv.read_csv(pad, convert_options=pacsv.ConvertOptions(
                    column_types={k: pa.string() for k in kolommen if k != "verloonde_uren"},
                    strings_can_be_null=True))
                pad = tmp_path / f"{naam}.parquet"
                pq.write_table(tabel, pad)
            paden[naam] = pad
        return paden

    return schrijf


def kwartaal(jaar: int, lhn: str, persoon: str, uren: float, soort: str = "regulier", inlener: str = "",
             maanden: tuple[int, ...] = (10, 11, 12)) -> list[list[object]]:
    """Payroll rows for the months of the measurement period (the last quarter by default)."""
    return [[lhn, persoon, f"{jaar}-{m:02d}", uren, soort, inlener] for m in maanden]
