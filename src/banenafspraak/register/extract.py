"""The register extract: check, import and export.

Contract (shared with the Meting, which reads the export): CSV or Parquet with exactly the columns
``persoon_id`` (pseudonym), ``grondslag`` (a code of :data:`banenafspraak.rules.grondslagen.GRONDSLAGEN`),
``begindatum`` (YYYY-MM-DD), ``einddatum`` (YYYY-MM-DD, empty while registered) and ``gemeentecode``
(GMxxxx, residence). A registration is identified by (persoon_id, grondslag, begindatum).

The import is all-or-nothing: the whole file is checked before anything is written, and everything is
written in one database transaction, so an error, or a killed process, leaves the register as it was.
Re-running the same file changes nothing and says so.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, update

from banenafspraak.engines.invoer import REGISTER, InvoerFout, controleer_bestand, sha256
from banenafspraak.register.db import open_register
from banenafspraak.register.models import (
    Audit,
    ImportRun,
    Logboek,
    Persoon,
    Registratie,
    RegistratieVersie,
    nu,
    tabel,
)

KOLOMMEN: tuple[str, ...] = ("persoon_id", "grondslag", "begindatum", "einddatum", "gemeentecode")
TOON_FOUTEN = 10
MAX_FOUTEN = 10_000  # rows listed per broken rule; the count of all of them is in the checker's findings
BATCH = 20_000

Sleutel = tuple[str, str, dt.date]


@dataclass(frozen=True)
class Fout:
    """One problem in an extract. ``rij`` counts data rows from 1 (not the CSV header); 0 = the file."""

    bestand: str
    rij: int
    kolom: str
    reden: str

    def __str__(self) -> str:
        plaats = "bestand" if self.rij == 0 else f"rij {self.rij}"
        return f"{self.bestand}: {plaats}, kolom {self.kolom}: {self.reden}"


class ExtractFout(ValueError):
    """The extract cannot be used. Nothing has been written."""

    def __init__(self, fouten: list[Fout]) -> None:
        self.fouten = fouten
        eerste = "\n".join(f"  {f}" for f in fouten[:TOON_FOUTEN])
        meer = f"\n  … en nog {len(fouten) - TOON_FOUTEN} fouten" if len(fouten) > TOON_FOUTEN else ""
        super().__init__(f"{len(fouten)} fout(en) in het registerextract; er is niets geschreven.\n{eerste}{meer}")


@dataclass
class ImportRapport:
    """What an import did (or, with ``droog=True``, would do)."""

    bestand: str
    sha256: str
    rijen: int
    nieuwe_personen: int = 0
    nieuwe_registraties: int = 0
    gewijzigde_registraties: int = 0
    ongewijzigd: int = 0
    niet_in_bestand: int = 0
    seconden: float = 0.0
    voorbeelden_gewijzigd: list[str] = field(default_factory=list)

    @property
    def veranderd(self) -> bool:
        return bool(self.nieuwe_personen or self.nieuwe_registraties or self.gewijzigde_registraties)


def _als_tekst(waarde: Any) -> str:
    if waarde is None or (isinstance(waarde, float) and pd.isna(waarde)) or waarde is pd.NaT:
        return ""
    if isinstance(waarde, dt.datetime | pd.Timestamp):
        return waarde.strftime("%Y-%m-%d")
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return str(waarde)


def lees_extract(pad: Path) -> pd.DataFrame:
    """The (checked) file as text columns: dates as YYYY-MM-DD, missing values as ''."""
    if pad.suffix.lower() == ".parquet":
        df = pd.read_parquet(pad)
        df = df.astype(object).apply(lambda s: s.map(_als_tekst))
    else:
        df = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8")
    return df[list(KOLOMMEN)].astype(str).apply(lambda s: s.str.strip())


def controleer_extract(pad: str | Path) -> pd.DataFrame:
    """Check an extract against the register contract shared with the Meting (``engines.invoer.REGISTER``);
    the rows, or :class:`ExtractFout` listing every broken row (up to ``MAX_FOUTEN``)."""
    pad = Path(pad)
    try:
        controleer_bestand(REGISTER, pad, voorbeelden=MAX_FOUTEN)
    except InvoerFout as fout:
        fouten = sorted(
            (Fout(str(pad), rij, b.kolom, b.reden) for b in fout.bevindingen for rij in (b.rijen or (0,))),
            key=lambda f: f.rij,
        )
        raise ExtractFout(fouten) from None
    return lees_extract(pad)


def _in_batches(conn: Connection, stmt: Any, rijen: list[dict[str, Any]]) -> None:
    for i in range(0, len(rijen), BATCH):
        conn.execute(stmt, rijen[i : i + BATCH])


def _huidige_registraties(conn: Connection) -> dict[Sleutel, tuple[int, int, dt.date | None, str]]:
    """Current state of every registration: key → (id, versie, einddatum, gemeentecode)."""
    r, p, v = tabel(Registratie), tabel(Persoon), tabel(RegistratieVersie)
    q = (
        select(p.c.pseudoniem, r.c.grondslag, r.c.begindatum, r.c.id, r.c.versie, v.c.einddatum, v.c.gemeentecode)
        .join_from(r, p, r.c.persoon_id == p.c.id)
        .join(v, (v.c.registratie_id == r.c.id) & (v.c.versie == r.c.versie))
    )
    return {(a, b, c): (d, e, f, g) for a, b, c, d, e, f, g in conn.execute(q)}


def schrijf_logboek(
    conn: Connection, betrokkenen: Iterable[str], activiteit: str, handeling: str, trace_id: str
) -> int:
    """Append one Logboek entry per person (pseudonym) for one processing activity."""
    tijd = nu()
    rijen = [
        {
            "tijdstip": tijd,
            "trace_id": trace_id,
            "verwerkingsactiviteit": activiteit,
            "handeling": handeling,
            "betrokkene": b,
        }
        for b in betrokkenen
    ]
    _in_batches(conn, insert(tabel(Logboek)), rijen)
    return len(rijen)


def schrijf_audit(
    conn: Connection,
    trace_id: str,
    account: str,
    rol: str,
    organisatie: str | None,
    handeling: str,
    resultaat: int,
) -> None:
    conn.execute(
        insert(tabel(Audit)).values(
            tijdstip=nu(),
            trace_id=trace_id,
            account=account,
            rol=rol,
            organisatie=organisatie,
            handeling=handeling[:200],
            resultaat=resultaat,
        )
    )


def importeer_extract(
    pad: str | Path,
    database_url: str | None = None,
    *,
    door: str = "import",
    reden: str = "registerextract",
    bron: str = "registerextract",
    droog: bool = False,
    engine: Engine | None = None,
    _na_stap: Callable[[str], None] | None = None,
) -> ImportRapport:
    """Load a register extract into the register, all or nothing, and report what changed.

    New persons and registrations are added; a registration whose einddatum or gemeentecode differs
    gets a new version (the old one stays); identical rows change nothing. Registrations in the register
    but not in the file are counted (``niet_in_bestand``) and left alone: ending a registration is a
    decision, not the absence of a row. ``droog=True`` checks and counts without writing.
    ``_na_stap`` is called after each write step inside the transaction (used by the kill test).
    """
    start = time.perf_counter()
    pad = Path(pad)
    df = controleer_extract(pad)
    rapport = ImportRapport(bestand=str(pad), sha256=sha256(pad), rijen=len(df))
    eigen_engine = engine is None
    engine = engine or open_register(database_url)
    stap = _na_stap or (lambda _naam: None)
    begin = [dt.date.fromisoformat(s) for s in df["begindatum"]]
    eind = [dt.date.fromisoformat(s) if s else None for s in df["einddatum"]]
    rijen = list(zip(df["persoon_id"], df["grondslag"], begin, eind, df["gemeentecode"], strict=True))
    trace_id = uuid.uuid4().hex
    tijd = nu()
    try:
        with engine.begin() as conn:
            _schrijfslot(conn)
            personen = {p: i for p, i in conn.execute(select(Persoon.pseudoniem, Persoon.id))}
            nieuw_p = sorted({r[0] for r in rijen} - personen.keys())
            rapport.nieuwe_personen = len(nieuw_p)
            huidig = _huidige_registraties(conn)
            nieuw_r: list[tuple[str, str, dt.date, dt.date | None, str]] = []
            gewijzigd: list[tuple[int, int, dt.date | None, str, str]] = []
            for pid, gr, bd, ed, gm in rijen:
                bestaand = huidig.get((pid, gr, bd))
                if bestaand is None:
                    nieuw_r.append((pid, gr, bd, ed, gm))
                elif (bestaand[2], bestaand[3]) != (ed, gm):
                    gewijzigd.append((bestaand[0], bestaand[1], ed, gm, pid))
                    if len(rapport.voorbeelden_gewijzigd) < TOON_FOUTEN:
                        rapport.voorbeelden_gewijzigd.append(
                            f"{pid} {gr} {bd}: einddatum {bestaand[2] or '-'} → {ed or '-'}, "
                            f"gemeente {bestaand[3]} → {gm}"
                        )
            rapport.nieuwe_registraties = len(nieuw_r)
            rapport.gewijzigde_registraties = len(gewijzigd)
            rapport.ongewijzigd = len(rijen) - len(nieuw_r) - len(gewijzigd)
            in_bestand = {(r[0], r[1], r[2]) for r in rijen}
            rapport.niet_in_bestand = sum(1 for k in huidig if k not in in_bestand)
            if droog or not rapport.veranderd:
                if not droog:
                    conn.execute(insert(tabel(ImportRun)).values(**_run_waarden(rapport, door, tijd)))
                rapport.seconden = time.perf_counter() - start
                return rapport

            _in_batches(
                conn,
                insert(tabel(Persoon)),
                [{"pseudoniem": p, "aangemaakt_op": tijd, "aangemaakt_door": door} for p in nieuw_p],
            )
            if nieuw_p:
                personen = {p: i for p, i in conn.execute(select(Persoon.pseudoniem, Persoon.id))}
            stap("personen")
            _in_batches(
                conn,
                insert(tabel(Registratie)),
                [
                    {"persoon_id": personen[p], "grondslag": g, "begindatum": b, "versie": 1}
                    for p, g, b, _e, _gm in nieuw_r
                ],
            )
            stap("registraties")
            ids = {}
            if nieuw_r:
                r = tabel(Registratie)
                ids = {
                    (pid, g, b): i
                    for i, pid, g, b in conn.execute(select(r.c.id, r.c.persoon_id, r.c.grondslag, r.c.begindatum))
                }
            wie = {
                "gewijzigd_op": tijd,
                "gewijzigd_door": door,
                "reden": reden,
                "bron": bron,
                "besluitreferentie": None,
            }
            versies = [
                {
                    "registratie_id": ids[(personen[p], g, b)],
                    "versie": 1,
                    "einddatum": e,
                    "gemeentecode": gm,
                    **wie,
                }
                for p, g, b, e, gm in nieuw_r
            ]
            versies += [
                {"registratie_id": i, "versie": v + 1, "einddatum": e, "gemeentecode": gm, **wie}
                for i, v, e, gm, _p in gewijzigd
            ]
            _in_batches(conn, insert(tabel(RegistratieVersie)), versies)
            stap("versies")
            _verschuif_versies(conn, [(i, v) for i, v, *_ in gewijzigd])
            betrokkenen = set(nieuw_p) | {p for p, *_ in nieuw_r} | {g[4] for g in gewijzigd}
            schrijf_logboek(conn, sorted(betrokkenen), "doelgroepregister_bijhouden", "wijzigen", trace_id)
            schrijf_audit(conn, trace_id, door, "uwv", None, f"register import {pad.name} ({rapport.sha256[:12]})", 0)
            conn.execute(insert(tabel(ImportRun)).values(**_run_waarden(rapport, door, tijd)))
            stap("klaar")
    finally:
        if eigen_engine:
            engine.dispose()
    rapport.seconden = time.perf_counter() - start
    return rapport


def _schrijfslot(conn: Connection) -> None:
    """Take the write lock before reading, so the import compares against a state nobody else changes.

    SQLite: ``BEGIN IMMEDIATE`` (pysqlite would otherwise only begin at the first write).
    PostgreSQL: a transaction-scoped advisory lock, so two imports run one after the other.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(38)")


class Conflict(RuntimeError):
    """Someone else changed the record since it was read (optimistic lock)."""


def _verschuif_versies(conn: Connection, paren: list[tuple[int, int]]) -> None:
    """Move each registration's current-version pointer from v to v+1, refusing if it moved meanwhile."""
    r = tabel(Registratie)
    for i, v in paren:
        res = conn.execute(update(r).where(r.c.id == i, r.c.versie == v).values(versie=v + 1))
        if res.rowcount != 1:
            raise Conflict(f"registratie {i} is tijdens de import door iemand anders gewijzigd")


def _run_waarden(rapport: ImportRapport, door: str, tijd: dt.datetime) -> dict[str, Any]:
    return {
        "bestand": rapport.bestand[-400:],
        "sha256": rapport.sha256,
        "voltooid_op": tijd,
        "door": door,
        "rijen": rapport.rijen,
        "nieuwe_personen": rapport.nieuwe_personen,
        "nieuwe_registraties": rapport.nieuwe_registraties,
        "gewijzigde_registraties": rapport.gewijzigde_registraties,
        "ongewijzigd": rapport.ongewijzigd,
    }


def huidige_extract(conn: Connection) -> pd.DataFrame:
    """The register's current state in the extract contract, sorted by persoon_id, grondslag, begindatum."""
    huidig = _huidige_registraties(conn)
    rijen = sorted(
        (pid, gr, bd.isoformat(), ed.isoformat() if ed else "", gm)
        for (pid, gr, bd), (_i, _v, ed, gm) in huidig.items()
    )
    return pd.DataFrame(rijen, columns=list(KOLOMMEN))


def exporteer_extract(
    pad: str | Path,
    database_url: str | None = None,
    *,
    door: str = "export",
    engine: Engine | None = None,
) -> int:
    """Write the register as an extract (CSV, or Parquet by suffix) for the Meting; returns the row count.

    In Parquet all columns are strings and an open einddatum is null; in CSV it is empty.
    Each person in the export gets a Logboek entry (processing activity ``meting_extract``).
    """
    pad = Path(pad)
    eigen_engine = engine is None
    engine = engine or open_register(database_url)
    trace_id = uuid.uuid4().hex
    try:
        with engine.begin() as conn:
            df = huidige_extract(conn)
            schrijf_logboek(conn, df["persoon_id"].unique(), "meting_extract", "lezen", trace_id)
            schrijf_audit(conn, trace_id, door, "uwv", None, f"register export {pad.name}", 0)
            pad.parent.mkdir(parents=True, exist_ok=True)
            tijdelijk = pad.with_name(pad.name + ".deel")
            if pad.suffix.lower() == ".parquet":
                df.assign(einddatum=df["einddatum"].replace("", None)).to_parquet(tijdelijk, index=False)
            else:
                df.to_csv(tijdelijk, index=False, lineterminator="\n")
            tijdelijk.replace(pad)
    finally:
        if eigen_engine:
            engine.dispose()
    return len(df)
