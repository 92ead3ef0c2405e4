"""The doelgroepregister: people, registrations, profiles, consent, and their history.

Storage is SQLAlchemy 2 with Alembic migrations (SQLite file by default, PostgreSQL in production).
Entry points: :func:`open_register` (engine on a migrated database), :func:`importeer_extract` and
:func:`exporteer_extract` (the register extract the Meting reads), and :mod:`.diensten` (one function
per action, used by the API and the CLI).
"""

from banenafspraak.register.db import open_register, upgrade
from banenafspraak.register.extract import (
    KOLOMMEN,
    Conflict,
    ExtractFout,
    Fout,
    ImportRapport,
    controleer_extract,
    exporteer_extract,
    importeer_extract,
)
from banenafspraak.register.pseudoniem import OngeldigBSN, Pseudonimiseerder, valideer_bsn

__all__ = [
    "KOLOMMEN",
    "Conflict",
    "ExtractFout",
    "Fout",
    "ImportRapport",
    "OngeldigBSN",
    "Pseudonimiseerder",
    "controleer_extract",
    "exporteer_extract",
    "importeer_extract",
    "open_register",
    "upgrade",
    "valideer_bsn",
]
