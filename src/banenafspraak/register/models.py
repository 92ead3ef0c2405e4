"""The register's tables (SQLAlchemy 2).

History without destructive updates: an identity row (``persoon``, ``registratie``, ``profiel``) never
changes its facts; every state is a row in the matching ``*_versie`` table with who, when and why.
The identity row only carries ``versie``, the number of its current version, which doubles as the
optimistic lock: a change is ``UPDATE … SET versie = n+1 WHERE id = … AND versie = n`` plus an insert of
version n+1, so two clerks who both read version n cannot both win. Version, log and consent tables are
append-only, enforced by database triggers created in the migrations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

APPEND_ONLY_TABLES = (
    "registratie_versie",
    "profiel_versie",
    "toestemming",
    "verwijderverzoek",
    "dienstverband",
    "logboek",
    "audit",
)
"""Tables that only ever get inserts; the migrations add triggers that refuse UPDATE and DELETE."""


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp that is always timezone-aware UTC in Python, whatever the backend stores."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use UTC")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def nu() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def tabel(model: type[Base]) -> Table:
    """The Core table of a model, typed as a Table (``__table__`` is typed as a generic FromClause)."""
    return cast(Table, model.__table__)


class Wijziging:
    """Who, when and why of one version."""

    gewijzigd_op: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    gewijzigd_door: Mapped[str] = mapped_column(String(100))
    reden: Mapped[str] = mapped_column(String(400))


class Persoon(Base):
    """A person in the register, known only by the keyed pseudonym of their BSN."""

    __tablename__ = "persoon"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pseudoniem: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    aangemaakt_door: Mapped[str] = mapped_column(String(100))


class Registratie(Base):
    """One registration on one legal ground from one start date; its state lives in the versions."""

    __tablename__ = "registratie"
    __table_args__ = (UniqueConstraint("persoon_id", "grondslag", "begindatum", name="uq_registratie_sleutel"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    persoon_id: Mapped[int] = mapped_column(ForeignKey("persoon.id"), index=True)
    grondslag: Mapped[str] = mapped_column(String(16))
    begindatum: Mapped[dt.date] = mapped_column(Date)
    versie: Mapped[int] = mapped_column(Integer)


class RegistratieVersie(Wijziging, Base):
    __tablename__ = "registratie_versie"
    __table_args__ = (
        UniqueConstraint("registratie_id", "versie", name="uq_registratie_versie"),
        # covers the gemeente listing: residents by gemeente, joined to the current version, open or not
        Index("ix_registratie_versie_gemeente", "gemeentecode", "registratie_id", "versie", "einddatum"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registratie_id: Mapped[int] = mapped_column(ForeignKey("registratie.id"))
    versie: Mapped[int] = mapped_column(Integer)
    einddatum: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    gemeentecode: Mapped[str] = mapped_column(String(6))
    bron: Mapped[str] = mapped_column(String(60))
    besluitreferentie: Mapped[str | None] = mapped_column(String(100), nullable=True)


class Profiel(Base):
    """What a person can, wants and needs; one per person, its state in the versions."""

    __tablename__ = "profiel"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    persoon_id: Mapped[int] = mapped_column(ForeignKey("persoon.id"), unique=True)
    versie: Mapped[int] = mapped_column(Integer)


class ProfielVersie(Wijziging, Base):
    __tablename__ = "profiel_versie"
    __table_args__ = (UniqueConstraint("profiel_id", "versie", name="uq_profiel_versie"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profiel_id: Mapped[int] = mapped_column(ForeignKey("profiel.id"))
    versie: Mapped[int] = mapped_column(Integer)
    gegevens: Mapped[dict[str, Any]] = mapped_column(JSON)


class Toestemming(Base):
    """A consent given or withdrawn, for one purpose and period. The latest record per purpose counts."""

    __tablename__ = "toestemming"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    persoon_id: Mapped[int] = mapped_column(ForeignKey("persoon.id"), index=True)
    doel: Mapped[str] = mapped_column(String(60))
    gegeven: Mapped[bool] = mapped_column(Boolean)
    geldig_van: Mapped[dt.date] = mapped_column(Date)
    geldig_tot: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    vastgelegd_door: Mapped[str] = mapped_column(String(100))


class Verwijderverzoek(Base):
    """A person's request to be removed from the register (handled by UWV, never an automatic delete)."""

    __tablename__ = "verwijderverzoek"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    persoon_id: Mapped[int] = mapped_column(ForeignKey("persoon.id"), index=True)
    toelichting: Mapped[str] = mapped_column(String(1000))
    ingediend_op: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    ingediend_door: Mapped[str] = mapped_column(String(100))


class Dienstverband(Base):
    """Employment of a person with an employer (loonheffingennummer), as UWV knows it from the polis."""

    __tablename__ = "dienstverband"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    persoon_id: Mapped[int] = mapped_column(ForeignKey("persoon.id"), index=True)
    loonheffingennummer: Mapped[str] = mapped_column(String(12), index=True)
    begindatum: Mapped[dt.date] = mapped_column(Date)
    einddatum: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    personeelsnummer: Mapped[str | None] = mapped_column(String(40), nullable=True)
    vastgelegd_op: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    vastgelegd_door: Mapped[str] = mapped_column(String(100))


class Logboek(Base):
    """Logboek dataverwerkingen: one row per processing of one person's data. Never who did it."""

    __tablename__ = "logboek"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tijdstip: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    trace_id: Mapped[str] = mapped_column(String(64), index=True)
    verwerkingsactiviteit: Mapped[str] = mapped_column(String(80))
    handeling: Mapped[str] = mapped_column(String(20))
    betrokkene: Mapped[str] = mapped_column(String(64), index=True)


class Audit(Base):
    """Who did what (account, role, organisation), joined to the Logboek by trace id."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tijdstip: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    trace_id: Mapped[str] = mapped_column(String(64), index=True)
    account: Mapped[str] = mapped_column(String(100))
    rol: Mapped[str] = mapped_column(String(20))
    organisatie: Mapped[str | None] = mapped_column(String(64), nullable=True)
    handeling: Mapped[str] = mapped_column(String(200))
    resultaat: Mapped[int] = mapped_column(Integer)


class ImportRun(Base):
    """One completed import of a register extract."""

    __tablename__ = "import_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bestand: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64))
    voltooid_op: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=nu)
    door: Mapped[str] = mapped_column(String(100))
    rijen: Mapped[int] = mapped_column(Integer)
    nieuwe_personen: Mapped[int] = mapped_column(Integer)
    nieuwe_registraties: Mapped[int] = mapped_column(Integer)
    gewijzigde_registraties: Mapped[int] = mapped_column(Integer)
    ongewijzigd: Mapped[int] = mapped_column(Integer)


__all__ = [
    "APPEND_ONLY_TABLES",
    "Audit",
    "Base",
    "Dienstverband",
    "ImportRun",
    "Logboek",
    "Persoon",
    "Profiel",
    "ProfielVersie",
    "Registratie",
    "RegistratieVersie",
    "Toestemming",
    "UTCDateTime",
    "tabel",
    "Verwijderverzoek",
]
