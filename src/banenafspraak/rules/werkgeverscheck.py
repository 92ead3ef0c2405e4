"""Which periods of this and last calendar year someone was registered (art. 38d lid 7 Wfsv).

Pure functions of dates; no database. The register service (``banenafspraak.register``) applies them
to a person's registrations when an employer asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

ARTIKEL_38D_7 = "art. 38d lid 7 Wfsv"
HREF_38D = "https://wetten.overheid.nl/BWBR0017745/2026-01-01#Artikel38d"

Periode = tuple[dt.date, dt.date | None]


@dataclass(frozen=True)
class Werkgeverscheck:
    peildatum: dt.date
    geregistreerd: bool
    perioden: list[Periode]
    """Registered periods within 1 January last year … 31 December this year; end ``None``: running."""


def samengevoegd(perioden: Iterable[Periode]) -> list[Periode]:
    """Periods sorted, with overlapping or touching ones merged (an open end swallows what follows)."""
    uit: list[Periode] = []
    for van, tot in sorted(perioden, key=lambda p: p[0]):
        if uit:
            vorige_van, vorige_tot = uit[-1]
            if vorige_tot is None or van <= vorige_tot + dt.timedelta(days=1):
                nieuw_tot = None if vorige_tot is None or tot is None else max(vorige_tot, tot)
                uit[-1] = (vorige_van, nieuw_tot)
                continue
        uit.append((van, tot))
    return uit


def werkgeverscheck(registraties: Iterable[Periode], peildatum: dt.date) -> Werkgeverscheck:
    """The employer's answer: registered on ``peildatum``, and the periods in this and last calendar year."""
    venster_van = dt.date(peildatum.year - 1, 1, 1)
    venster_tot = dt.date(peildatum.year, 12, 31)
    binnen: list[Periode] = []
    for van, tot in registraties:
        if van > venster_tot or (tot is not None and tot < venster_van):
            continue
        binnen.append((max(van, venster_van), None if tot is None or tot > venster_tot else tot))
    perioden = samengevoegd(binnen)
    op_peildatum = any(van <= peildatum and (tot is None or tot >= peildatum) for van, tot in perioden)
    return Werkgeverscheck(peildatum=peildatum, geregistreerd=op_peildatum, perioden=perioden)
