"""Counting rules of the measurement (meting): which paid hours count, for whom, and how many jobs they are.

Each function is one rule, pure and vectorised: it takes Ibis columns (or plain numbers) and returns an
expression, so the same rule runs on DuckDB, PySpark or in a unit test. The citation names the provision.
"""

from banenafspraak.rules.meting.banen import baannorm_uren, banen
from banenafspraak.rules.meting.inleen import extra_inleen
from banenafspraak.rules.meting.telling import SOORTEN, telcategorie
from banenafspraak.rules.meting.tijdvak import registratie_overlapt_tijdvak

__all__ = [
    "SOORTEN",
    "baannorm_uren",
    "banen",
    "extra_inleen",
    "registratie_overlapt_tijdvak",
    "telcategorie",
]
