"""A registration that overlaps a tax period (aangiftetijdvak) counts that whole period.

Art. 38g lid 8 Wfsv: if someone is an arbeidsbeperkte for only part of a tax period, the paid hours of the
whole period count. The tax period of the payroll is the calendar month.
"""

from __future__ import annotations

from typing import Any

from banenafspraak.rules.citaat import BWB_WFSV, Citaat

BRON = Citaat(BWB_WFSV, "38g", "8")


def registratie_overlapt_tijdvak(begindatum: Any, einddatum: Any, tijdvak_begin: Any, tijdvak_eind: Any) -> Any:
    """True when [begindatum, einddatum] touches [tijdvak_begin, tijdvak_eind]; an open end is still running.

    Takes Ibis date columns (einddatum may be null).
    """
    return (begindatum <= tijdvak_eind) & (einddatum.isnull() | (einddatum >= tijdvak_begin))
