"""ESCO occupations with Dutch labels, shipped in ``data/``.

Attribution (data/SOURCE.md): "ESCO, European Commission".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "esco_occupations_nl.csv"
BEROEP_URI = "http://data.europa.eu/esco/occupation/"
VAARDIGHEID_URI = re.compile(r"http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}")


@dataclass(frozen=True)
class Beroep:
    uri: str
    code: str
    isco: str
    naam: str


@cache
def beroepen() -> dict[str, Beroep]:
    """ESCO occupations by URI."""
    with DATA.open(encoding="utf-8", newline="") as f:
        return {
            r["conceptUri"]: Beroep(r["conceptUri"], r["code"], r["iscoGroup"].zfill(4), r["preferredLabel"])
            for r in csv.DictReader(f)
        }


@cache
def _op_code() -> dict[str, Beroep]:
    return {b.code: b for b in beroepen().values()}


def beroep(ref: str) -> Beroep:
    """An occupation by ESCO URI or ESCO code (e.g. ``2654.1.7``); KeyError names the unknown reference."""
    gevonden = beroepen().get(ref) or _op_code().get(ref)
    if gevonden is None:
        raise KeyError(f"onbekend ESCO-beroep: {ref!r}")
    return gevonden


def is_vaardigheid(ref: str) -> bool:
    """Whether ``ref`` is an ESCO skill URI (only the form: the Dutch skills list is not shipped)."""
    return VAARDIGHEID_URI.fullmatch(ref) is not None
