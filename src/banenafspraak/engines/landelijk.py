"""The national table: extra jobs against the nulmeting per sector, split into formal jobs and inleen.

One function computes it from job counts per sector; the microdata measurement feeds it jobs counted from
payroll, the aggregate mode (``banenafspraak meting landelijk``) feeds it published aggregate figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

from banenafspraak import parameters
from banenafspraak.parameters import ParameterWaarde
from banenafspraak.rules.meting import extra_inleen

SECTOREN = ("markt", "overheid")


def afgerond(x: Decimal, decimalen: int = 0) -> Decimal:
    """Round half up, as published tables do."""
    return x.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Stand:
    """Jobs of the target group at one moment: formal jobs per sector, the inleen stock and its key."""

    formeel: dict[str, Decimal]
    inleen_totaal: Decimal
    verdeelsleutel: dict[str, Decimal]
    uren_formeel: dict[str, Decimal] | None = None  # paid hours behind the formal jobs, when measured
    uren_inleen: Decimal | None = None


@dataclass(frozen=True)
class SectorUitkomst:
    sector: str
    formeel: Decimal  # extra jobs against the nulmeting, unrounded
    inleen: Decimal
    doelstelling: int

    @property
    def totaal(self) -> Decimal:
        return self.formeel + self.inleen

    @property
    def verschil(self) -> Decimal:
        return afgerond(self.totaal) - self.doelstelling

    @property
    def realisatie_pct(self) -> Decimal | None:
        if not self.doelstelling:
            return None
        return afgerond(self.totaal / self.doelstelling * 100, 1)


@dataclass
class LandelijkeTabel:
    jaar: int
    meting: Stand
    nulmeting: Stand
    sectoren: dict[str, SectorUitkomst]
    baannorm_uren: Decimal | None = None
    gebruikte_parameters: list[ParameterWaarde] = field(default_factory=list)

    def als_dict(self) -> dict[str, Any]:
        """The JSON shape of the national table (documented in docs/meting.md)."""
        sectoren: dict[str, Any] = {}
        for naam in (*SECTOREN, "totaal"):
            u = self.sectoren[naam]
            regel: dict[str, Any] = {
                "formeel": int(afgerond(u.formeel)),
                "inleen": int(afgerond(u.inleen)),
                "totaal": int(afgerond(u.totaal)),
                "doelstelling": u.doelstelling,
                "verschil": int(u.verschil),
                "realisatie_pct": float(u.realisatie_pct) if u.realisatie_pct is not None else None,
            }
            if self.baannorm_uren is not None:
                regel["uren"] = self._uren(naam)
                regel["baannorm_uren"] = float(self.baannorm_uren)
            sectoren[naam] = regel
        return {
            "jaar": self.jaar,
            "sectoren": sectoren,
            "verdeelsleutel": {
                "meting": {s: float(self.meting.verdeelsleutel[s]) for s in SECTOREN},
                "nulmeting": {s: float(self.nulmeting.verdeelsleutel[s]) for s in SECTOREN},
            },
        }

    def _uren(self, sector: str) -> dict[str, Any]:
        """Paid hours behind each cell: formal hours as counted, inleen hours as allocated by the key."""
        def formeel(stand: Stand) -> Decimal:
            assert stand.uren_formeel is not None
            if sector == "totaal":
                return sum((stand.uren_formeel[s] for s in SECTOREN), Decimal(0))
            return stand.uren_formeel[sector]

        def inleen(stand: Stand) -> Decimal:
            assert stand.uren_inleen is not None
            if sector == "totaal":
                return stand.uren_inleen
            return stand.uren_inleen * stand.verdeelsleutel[sector]

        return {
            "formeel": {"meting": _uren(formeel(self.meting)), "nulmeting": _uren(formeel(self.nulmeting))},
            "inleen": {"meting": _uren(inleen(self.meting)), "nulmeting": _uren(inleen(self.nulmeting))},
        }


def _uren(x: Decimal) -> float:
    return float(afgerond(x, 2))


def peildatum(jaar: int) -> date:
    """A measurement over year t is the stand at the end of t."""
    return date(jaar, 12, 31)


def verdeelsleutel(jaar: int) -> tuple[dict[str, Decimal], list[ParameterWaarde]]:
    waarden = [parameters.waarde(f"meting.verdeelsleutel.{s}", peildatum(jaar)) for s in SECTOREN]
    return {w.naam.rsplit(".", 1)[1]: Decimal(str(w.waarde)) for w in waarden}, waarden


def doelstellingen(jaar: int) -> tuple[dict[str, int], list[ParameterWaarde]]:
    waarden = [parameters.waarde(f"meting.doelstelling.{s}", peildatum(jaar)) for s in SECTOREN]
    return {w.naam.rsplit(".", 1)[1]: int(w.waarde) for w in waarden}, waarden


def landelijke_tabel(jaar: int, meting: Stand, nulmeting: Stand) -> LandelijkeTabel:
    """Extra jobs per sector against the nulmeting, with that year's target."""
    doel, gebruikt = doelstellingen(jaar)
    per_sector = {
        s: SectorUitkomst(
            sector=s,
            formeel=meting.formeel[s] - nulmeting.formeel[s],
            inleen=extra_inleen(
                meting.verdeelsleutel[s], meting.inleen_totaal, nulmeting.verdeelsleutel[s], nulmeting.inleen_totaal
            ),
            doelstelling=doel[s],
        )
        for s in SECTOREN
    }
    per_sector["totaal"] = SectorUitkomst(
        sector="totaal",
        formeel=sum((u.formeel for u in per_sector.values()), Decimal(0)),
        inleen=sum((u.inleen for u in per_sector.values()), Decimal(0)),
        doelstelling=sum(doel.values()),
    )
    return LandelijkeTabel(jaar, meting, nulmeting, per_sector, gebruikte_parameters=gebruikt)


class AggregaatFout(ValueError):
    """The aggregate input file is incomplete or malformed."""


def _getal(d: Any, pad: str) -> Decimal:
    try:
        for deel in pad.split("."):
            d = d[deel]
    except (KeyError, TypeError):
        raise AggregaatFout(f"veld {pad} ontbreekt") from None
    if isinstance(d, bool) or not isinstance(d, int | float | str):
        raise AggregaatFout(f"veld {pad} is geen getal: {d!r}")
    try:
        waarde = Decimal(str(d))
    except ArithmeticError:
        raise AggregaatFout(f"veld {pad} is geen getal: {d!r}") from None
    if waarde < 0:
        raise AggregaatFout(f"veld {pad} is negatief: {d}")
    return waarde


def _stand(d: dict[str, Any], naam: str) -> Stand:
    sleutel = {s: _getal(d, f"{naam}.verdeelsleutel.{s}") for s in SECTOREN}
    som = sum(sleutel.values(), Decimal(0))
    if abs(som - 1) > Decimal("0.001"):
        raise AggregaatFout(f"{naam}.verdeelsleutel telt niet op tot 1: {som}")
    return Stand(
        formeel={s: _getal(d, f"{naam}.formeel.{s}") for s in SECTOREN},
        inleen_totaal=_getal(d, f"{naam}.inleen_totaal"),
        verdeelsleutel=sleutel,
    )


def lees_aggregaat(pad: Path) -> tuple[int, Stand, Stand]:
    """Read the aggregate YAML: ``jaar``, ``nulmeting`` and ``meting``, each with formeel per sector,
    inleen_totaal and verdeelsleutel."""
    try:
        d = yaml.safe_load(Path(pad).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AggregaatFout(f"{pad}: niet te lezen: {exc}") from None
    if not isinstance(d, dict):
        raise AggregaatFout(f"{pad}: verwacht een YAML-mapping met jaar, nulmeting en meting")
    onbekend = set(d) - {"jaar", "nulmeting", "meting"}
    if onbekend:
        raise AggregaatFout(f"{pad}: onbekende velden: {', '.join(sorted(onbekend))}")
    jaar = d.get("jaar")
    if not isinstance(jaar, int) or isinstance(jaar, bool):
        raise AggregaatFout(f"{pad}: veld jaar ontbreekt of is geen jaartal")
    return jaar, _stand(d, "meting"), _stand(d, "nulmeting")
