"""Counting rules of the measurement (meting): which paid hours count, for whom, and how many jobs they are.

Each function is one rule, pure and vectorised: it takes Ibis columns (or plain numbers) and returns an
expression, so the same rule runs on DuckDB, PySpark or in a unit test. The citation names the provision.
"""

from banenafspraak.rules.meting.banen import BRON as _BANEN_BRON
from banenafspraak.rules.meting.banen import baannorm_uren, banen
from banenafspraak.rules.meting.inleen import BRON as _INLEEN_BRON
from banenafspraak.rules.meting.inleen import extra_inleen
from banenafspraak.rules.meting.telling import BRONNEN as _TELLING_BRONNEN
from banenafspraak.rules.meting.telling import SOORTEN, telcategorie
from banenafspraak.rules.meting.tijdvak import BRON as _TIJDVAK_BRON
from banenafspraak.rules.meting.tijdvak import registratie_overlapt_tijdvak


def regelketen() -> list[dict[str, object]]:
    """The chain of counting rules of the measurement, in order, each with its provisions."""
    stappen = [
        ("registratie_overlapt_tijdvak", registratie_overlapt_tijdvak, (_TIJDVAK_BRON,)),
        ("telcategorie", telcategorie, _TELLING_BRONNEN),
        ("banen", banen, (_BANEN_BRON,)),
        ("extra_inleen", extra_inleen, (_INLEEN_BRON,)),
    ]
    return [
        {"regel": naam, "uitleg": (f.__doc__ or "").strip().splitlines()[0],
         "bepalingen": [{"tekst": str(c), "href": c.href} for c in bronnen]}
        for naam, f, bronnen in stappen
    ]


__all__ = [
    "SOORTEN",
    "baannorm_uren",
    "banen",
    "extra_inleen",
    "registratie_overlapt_tijdvak",
    "regelketen",
    "telcategorie",
]
