"""Reference data shipped with the package: gemeenten, arbeidsmarktregio's and the published series.

Attribution and caveats: ``data/SOURCE.md``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

OVERHEIDSSECTOREN: tuple[str, ...] = (
    "rijk",
    "gemeenten",
    "provincies",
    "waterschappen",
    "gemeenschappelijke_regelingen",
    "politie",
    "defensie",
    "primair_onderwijs",
    "voortgezet_onderwijs",
    "middelbaar_beroepsonderwijs",
    "hoger_onderwijs",
    "wetenschappelijk_onderzoek",
    "universitair_medische_centra",
)
"""Government sub-sectors known to this system. The full list under the public-sector Bestuursakkoord
was not found in a primary source (FACTS §2.6); these are the sub-sectors seen in sources plus the
education and research sectors of the Aof sector classification (61–67)."""


@dataclass(frozen=True)
class Gemeente:
    code: str
    naam: str
    provincie: str
    arbeidsmarktregio_code: str
    arbeidsmarktregio_naam: str
    inwoners: int


def _rows(naam: str) -> list[dict[str, str]]:
    with (DATA_DIR / naam).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def gemeenten() -> dict[str, Gemeente]:
    """The 342 gemeenten of the 2024 indeling (same codes 2023–2026), by CBS code ``GMxxxx``."""
    return {
        r["gemeentecode"]: Gemeente(
            code=r["gemeentecode"],
            naam=r["gemeentenaam"],
            provincie=r["provincie_naam"],
            arbeidsmarktregio_code=r["arbeidsmarktregio_code"],
            arbeidsmarktregio_naam=r["arbeidsmarktregio_naam"],
            inwoners=int(r["inwoners_2024"]),
        )
        for r in _rows("gemeenten_2024.csv")
    }


@cache
def arbeidsmarktregios() -> dict[str, str]:
    """Code ``AMxx`` to name, for the 35 arbeidsmarktregio's."""
    return {r["code"]: r["naam"] for r in _rows("arbeidsmarktregios.csv")}


@dataclass(frozen=True)
class GepubliceerdResultaat:
    jaar: int
    sector: str  # markt | overheid | totaal
    formeel: int | None
    inleen: int | None
    totaal: int | None
    doelstelling: int | None
    status: str
    bron: str


_SECTOR = {"market": "markt", "government": "overheid", "total": "totaal"}


def _int(s: str) -> int | None:
    return int(s) if s.strip() else None


@cache
def gepubliceerde_resultaten() -> tuple[GepubliceerdResultaat, ...]:
    """The official yearly measurements (landelijke meting), with status and source per row."""
    return tuple(
        GepubliceerdResultaat(
            jaar=int(r["year"]),
            sector=_SECTOR[r["sector"]],
            formeel=_int(r["formal"]),
            inleen=_int(r["inleen"]),
            totaal=_int(r["total_extra"]),
            doelstelling=_int(r["target"]),
            status=r["status"],
            bron=r["source_url"],
        )
        for r in _rows("published/results_by_year.csv")
    )


def gepubliceerd(jaar: int, sector: str) -> GepubliceerdResultaat | None:
    for r in gepubliceerde_resultaten():
        if r.jaar == jaar and r.sector == sector:
            return r
    return None
