"""Dated parameters with their legal source, in the OpenFisca YAML layout.

Each parameter is one YAML file under ``data/``; its dotted name is its path
(``meting/doelstelling/markt.yaml`` is ``meting.doelstelling.markt``). A file holds
``description``, ``metadata`` (``unit``, ``reference``) and ``values`` keyed by start date,
each value with its own ``reference``. A value holds from its start date until the next one;
asking for a date before the first start date is an error, never a silent default.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


class ParameterError(LookupError):
    """A parameter or a value for the asked date does not exist."""


@dataclass(frozen=True)
class Bron:
    """Where a value comes from: a law article or a policy document."""

    titel: str
    href: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"titel": self.titel, "href": self.href}


@dataclass(frozen=True)
class ParameterWaarde:
    """One value of a parameter, as it held on a date, with where it comes from."""

    naam: str
    waarde: Any
    geldig_vanaf: date
    eenheid: str | None
    bron: Bron
    status: str | None

    def lineage(self) -> dict[str, Any]:
        return {
            "parameter": self.naam,
            "waarde": self.waarde,
            "geldig_vanaf": self.geldig_vanaf.isoformat(),
            "eenheid": self.eenheid,
            "bron": self.bron.as_dict(),
            "status": self.status,
        }


@dataclass(frozen=True)
class Parameter:
    naam: str
    beschrijving: str
    eenheid: str | None
    waarden: tuple[ParameterWaarde, ...]  # sorted by start date

    def op(self, peildatum: date) -> ParameterWaarde:
        """The value that holds on ``peildatum``."""
        geldig = [w for w in self.waarden if w.geldig_vanaf <= peildatum]
        if not geldig:
            eerste = self.waarden[0].geldig_vanaf.isoformat()
            raise ParameterError(
                f"parameter {self.naam} heeft geen waarde op {peildatum.isoformat()}: "
                f"de eerste waarde geldt vanaf {eerste}"
            )
        gekozen = geldig[-1]
        if gekozen.waarde is None:
            raise ParameterError(
                f"parameter {self.naam} heeft op {peildatum.isoformat()} geen bekende waarde "
                f"(niet gevonden in de bronnen; zie {gekozen.bron.titel})"
            )
        return gekozen


def _bron(raw: Any, fallback: Bron | None) -> Bron:
    if raw is None:
        if fallback is None:
            raise ParameterError("waarde zonder bron")
        return fallback
    if isinstance(raw, str):
        return Bron(titel=raw)
    return Bron(titel=str(raw.get("title") or raw.get("titel")), href=raw.get("href"))


def _lees(pad: Path) -> Parameter:
    naam = ".".join(pad.relative_to(DATA_DIR).with_suffix("").parts)
    inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
    meta = inhoud.get("metadata") or {}
    eenheid = meta.get("unit")
    standaard_bron = _bron(meta["reference"], None) if meta.get("reference") else None
    waarden = []
    for start, entry in (inhoud.get("values") or {}).items():
        try:
            start = start if isinstance(start, date) else date.fromisoformat(str(start))
        except ValueError:
            raise ParameterError(f"{pad}: sleutel {start!r} is geen datum (JJJJ-MM-DD)") from None
        if not isinstance(entry, dict) or "value" not in entry:
            raise ParameterError(f"{pad}: waarde op {start} mist 'value'")
        try:
            bron = _bron(entry.get("reference"), standaard_bron)
        except ParameterError as exc:
            raise ParameterError(f"{pad}: waarde op {start} heeft geen bron") from exc
        waarden.append(
            ParameterWaarde(
                naam=naam,
                waarde=entry["value"],
                geldig_vanaf=start,
                eenheid=eenheid,
                bron=bron,
                status=entry.get("status"),
            )
        )
    if not waarden:
        raise ParameterError(f"{pad}: geen waarden")
    waarden.sort(key=lambda w: w.geldig_vanaf)
    return Parameter(naam, str(inhoud.get("description", "")), eenheid, tuple(waarden))


@cache
def alle_parameters() -> dict[str, Parameter]:
    return {p.naam: p for p in (_lees(pad) for pad in sorted(DATA_DIR.rglob("*.yaml")))}


def parameter(naam: str) -> Parameter:
    try:
        return alle_parameters()[naam]
    except KeyError:
        raise ParameterError(f"onbekende parameter {naam}") from None


def waarde(naam: str, peildatum: date) -> ParameterWaarde:
    """The value of parameter ``naam`` on ``peildatum``, with its source."""
    return parameter(naam).op(peildatum)


@cache
def versie() -> str:
    """A checksum over all parameter files: changes whenever any value or source changes."""
    h = hashlib.sha256()
    for pad in sorted(DATA_DIR.rglob("*.yaml")):
        h.update(str(pad.relative_to(DATA_DIR)).encode())
        h.update(pad.read_bytes())
    return h.hexdigest()[:16]
