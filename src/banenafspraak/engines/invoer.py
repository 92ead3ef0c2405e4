"""The three extracts of a measurement and their contracts, checked at the boundary.

Payroll (polisadministratie), employers (werkgevers) and the doelgroepregister arrive as CSV or Parquet.
Each file is checked completely before anything is computed: every broken rule is reported with the file,
the column, the reason, the number of rows and the first row numbers. Nothing is written when a check
fails. Checks run in DuckDB; the checked tables are then handed to the engine as Ibis tables.

The contracts are documented in docs/contracten.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import ibis
import ibis.expr.types as ir

from banenafspraak.reference import OVERHEIDSSECTOREN, gemeenten
from banenafspraak.rules.grondslagen import GRONDSLAGEN
from banenafspraak.rules.meting import SOORTEN

MAX_UREN_PER_MAAND = 744  # 31 days of 24 hours: more cannot be paid in one tax period
VOORBEELDEN = 5


@dataclass(frozen=True)
class Kolom:
    naam: str
    type: str  # VARCHAR | DATE | DECIMAL(12,2)
    verplicht: bool = True
    omschrijving: str = ""


@dataclass(frozen=True)
class Contract:
    naam: str
    kolommen: tuple[Kolom, ...]
    sleutel: tuple[str, ...]  # a row is a duplicate when these are equal

    @property
    def kolomnamen(self) -> tuple[str, ...]:
        return tuple(k.naam for k in self.kolommen)


POLIS = Contract(
    "polis",
    (
        Kolom("loonheffingennummer", "VARCHAR", omschrijving="werkgever die de uren verloont"),
        Kolom("persoon_id", "VARCHAR", omschrijving="pseudoniem van de werknemer"),
        Kolom("periode", "VARCHAR", omschrijving="aangiftetijdvak JJJJ-MM"),
        Kolom("verloonde_uren", "DECIMAL(12,2)", omschrijving="verloonde uren in het tijdvak"),
        Kolom("soort", "VARCHAR", omschrijving="regulier | uitzend | wsw | wsw_gedetacheerd"),
        Kolom("inlener", "VARCHAR", verplicht=False,
              omschrijving="loonheffingennummer van de inlenende werkgever, leeg als onbekend"),
    ),
    sleutel=("loonheffingennummer", "persoon_id", "periode", "soort", "inlener"),
)
WERKGEVERS = Contract(
    "werkgevers",
    (
        Kolom("loonheffingennummer", "VARCHAR"),
        Kolom("naam", "VARCHAR"),
        Kolom("sector", "VARCHAR", omschrijving="markt | overheid, vastgesteld volgens art. 38c Wfsv"),
        Kolom("overheidssector", "VARCHAR", verplicht=False, omschrijving="leeg voor markt"),
        Kolom("gemeentecode", "VARCHAR", omschrijving="GMxxxx van de vestiging"),
    ),
    sleutel=("loonheffingennummer",),
)
REGISTER = Contract(
    "register",
    (
        Kolom("persoon_id", "VARCHAR"),
        Kolom("grondslag", "VARCHAR", omschrijving="code van de grondslag, zie rules/grondslagen.py"),
        Kolom("begindatum", "DATE"),
        Kolom("einddatum", "DATE", verplicht=False, omschrijving="leeg zolang de registratie loopt"),
        Kolom("gemeentecode", "VARCHAR", omschrijving="GMxxxx van de woonplaats"),
    ),
    sleutel=("persoon_id", "grondslag", "begindatum"),
)


@dataclass(frozen=True)
class Bevinding:
    """One broken rule in one file."""

    bestand: str
    kolom: str
    reden: str
    aantal: int
    rijen: tuple[int, ...] = ()  # 1-based data row numbers (the header is not counted)

    def __str__(self) -> str:
        rijen = ", ".join(str(r) for r in self.rijen)
        meer = f" (eerste rijen: {rijen})" if rijen else ""
        return f"{self.bestand}: kolom {self.kolom}: {self.reden}: {self.aantal} rij(en){meer}"


class InvoerFout(ValueError):
    """The input breaks its contract. Holds every finding; nothing has been computed or written."""

    def __init__(self, bevindingen: Sequence[Bevinding]):
        self.bevindingen = tuple(bevindingen)
        super().__init__("\n".join(str(b) for b in self.bevindingen))


@dataclass
class Invoer:
    """The checked extracts as Ibis tables, with their checksums."""

    polis: ir.Table
    werkgevers: ir.Table
    register: ir.Table
    checksums: dict[str, str] = field(default_factory=dict)
    backend: object | None = None


def sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with pad.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _kolommen_in_bestand(con: duckdb.DuckDBPyConnection, pad: Path) -> list[str]:
    p = str(pad).replace("'", "''")
    if pad.suffix.lower() == ".parquet":
        rel = con.sql(f"SELECT * FROM read_parquet('{p}') LIMIT 0")
    else:
        rel = con.sql(f"SELECT * FROM read_csv('{p}', header=true, all_varchar=true) LIMIT 0")
    return list(rel.columns)


def _open(con: duckdb.DuckDBPyConnection, contract: Contract, pad: Path) -> tuple[str, str]:
    """Register the raw file as view ``ruw_<naam>`` with every column as text.

    Returns the view's name and the SQL source expression of the file."""
    if not pad.exists():
        raise InvoerFout([Bevinding(str(pad), "-", "bestand bestaat niet", 1)])
    try:
        kolommen = _kolommen_in_bestand(con, pad)
    except duckdb.Error as exc:
        raise InvoerFout([Bevinding(pad.name, "-", f"bestand is niet te lezen: {exc}", 1)]) from None
    bevindingen = [
        Bevinding(pad.name, k, "kolom ontbreekt", 1) for k in contract.kolomnamen if k not in kolommen
    ] + [Bevinding(pad.name, k, "onbekende kolom (niet in het contract)", 1) for k in kolommen
         if k not in contract.kolomnamen]
    if bevindingen:
        raise InvoerFout(bevindingen)
    p = str(pad).replace("'", "''")
    if pad.suffix.lower() == ".parquet":
        bron = f"read_parquet('{p}')"
    else:
        soorten = ", ".join(f"'{k}': 'VARCHAR'" for k in kolommen)
        bron = f"read_csv('{p}', header=true, auto_detect=false, columns={{{soorten}}})"
    # NULLIF: an empty text field means "no value" in CSV and in Parquet alike
    selectie = ", ".join(
        f"NULLIF(TRIM(CAST(\"{k}\" AS VARCHAR)), '') AS \"{k}\"" for k in contract.kolomnamen
    )
    naam = f"ruw_{contract.naam}"
    con.sql(f"CREATE OR REPLACE TEMP VIEW {naam} AS SELECT {selectie} FROM {bron}")
    return naam, bron


def _regels(contract: Contract) -> list[tuple[str, str, str]]:
    """(column, reason, SQL condition that marks a broken row) for every per-row rule of a contract."""
    regels: list[tuple[str, str, str]] = []
    for k in contract.kolommen:
        q = f'"{k.naam}"'
        if k.verplicht:
            regels.append((k.naam, "waarde ontbreekt", f"{q} IS NULL"))
        if k.type == "DATE":
            regels.append((k.naam, "geen geldige datum (JJJJ-MM-DD)",
                           f"{q} IS NOT NULL AND TRY_STRPTIME({q}, '%Y-%m-%d') IS NULL"))
        elif k.type.startswith("DECIMAL"):
            regels.append((k.naam, "geen getal", f"{q} IS NOT NULL AND TRY_CAST({q} AS DOUBLE) IS NULL"))
    return regels


def _lijst(waarden: Sequence[str]) -> str:
    return ", ".join("'" + w.replace("'", "''") + "'" for w in waarden)


def _inhoudsregels(naam: str) -> list[tuple[str, str, str]]:
    gm = _lijst(sorted(gemeenten()))
    if naam == "polis":
        uren = "TRY_CAST(verloonde_uren AS DOUBLE)"
        return [
            ("periode", "geen geldig tijdvak (JJJJ-MM)",
             "periode IS NOT NULL AND NOT regexp_full_match(periode, '[12][0-9]{3}-(0[1-9]|1[0-2])')"),
            ("verloonde_uren", "negatieve uren", f"{uren} < 0"),
            ("verloonde_uren", f"onmogelijk veel uren (meer dan {MAX_UREN_PER_MAAND} in één maand)",
             f"{uren} > {MAX_UREN_PER_MAAND}"),
            ("verloonde_uren", "meer dan twee decimalen", f"round({uren}, 2) <> {uren}"),
            ("soort", f"onbekende soort (toegestaan: {', '.join(SOORTEN)})",
             f"soort IS NOT NULL AND soort NOT IN ({_lijst(SOORTEN)})"),
            ("inlener", "inlener alleen bij uitzend of wsw_gedetacheerd",
             "inlener IS NOT NULL AND soort IN ('regulier', 'wsw')"),
        ]
    if naam == "werkgevers":
        return [
            ("sector", "onbekende sector (toegestaan: markt, overheid)",
             "sector IS NOT NULL AND sector NOT IN ('markt', 'overheid')"),
            ("overheidssector", "overheidssector ontbreekt bij sector overheid",
             "sector = 'overheid' AND overheidssector IS NULL"),
            ("overheidssector", "overheidssector ingevuld bij sector markt",
             "sector = 'markt' AND overheidssector IS NOT NULL"),
            ("overheidssector", f"onbekende overheidssector (toegestaan: {', '.join(OVERHEIDSSECTOREN)})",
             f"overheidssector IS NOT NULL AND overheidssector NOT IN ({_lijst(OVERHEIDSSECTOREN)})"),
            ("gemeentecode", "onbekende gemeentecode", f"gemeentecode IS NOT NULL AND gemeentecode NOT IN ({gm})"),
        ]
    return [
        ("persoon_id", "langer dan 64 tekens", "length(persoon_id) > 64"),
        ("persoon_id", "bevat witruimte", "regexp_matches(persoon_id, '\\s')"),
        ("grondslag", f"onbekende grondslag (toegestaan: {', '.join(GRONDSLAGEN)})",
         f"grondslag IS NOT NULL AND grondslag NOT IN ({_lijst(list(GRONDSLAGEN))})"),
        ("einddatum", "einddatum ligt voor de begindatum",
         "TRY_STRPTIME(einddatum, '%Y-%m-%d') < TRY_STRPTIME(begindatum, '%Y-%m-%d')"),
        ("gemeentecode", "onbekende gemeentecode", f"gemeentecode IS NOT NULL AND gemeentecode NOT IN ({gm})"),
    ]


def _controleer(
    con: duckdb.DuckDBPyConnection, view: str, bestand: str, regels: list[tuple[str, str, str]],
    voorbeelden: int = VOORBEELDEN,
) -> list[Bevinding]:
    """Count every rule in one scan; fetch row numbers only for the rules that fail."""
    if not regels:
        return []
    tellers = ", ".join(f"count(*) FILTER (WHERE {cond})" for _, _, cond in regels)
    aantallen = con.sql(f"SELECT {tellers} FROM {view}").fetchone() or ()
    bevindingen = []
    for (kolom, reden, cond), aantal in zip(regels, aantallen, strict=True):
        if aantal:
            rijen = con.sql(
                f"SELECT rij FROM (SELECT row_number() OVER () AS rij, * FROM {view}) "
                f"WHERE {cond} ORDER BY rij LIMIT {voorbeelden}"
            ).fetchall()
            bevindingen.append(Bevinding(bestand, kolom, reden, int(aantal), tuple(int(r[0]) for r in rijen)))
    return bevindingen


def _dubbele(con: duckdb.DuckDBPyConnection, view: str, bestand: str, sleutel: tuple[str, ...],
             voorbeelden: int = VOORBEELDEN) -> list[Bevinding]:
    """Rows whose key already occurred on an earlier row (the first occurrence is not the duplicate)."""
    cols = ", ".join(f'"{k}"' for k in sleutel)
    aantal = con.sql(
        f"SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM {view} GROUP BY {cols} HAVING n > 1)"
    ).fetchone()
    if not aantal or not aantal[0]:
        return []
    rijen = con.sql(
        f"SELECT rij FROM (SELECT rij, row_number() OVER (PARTITION BY {cols} ORDER BY rij) AS keer "
        f"FROM (SELECT row_number() OVER () AS rij, * FROM {view})) WHERE keer > 1 ORDER BY rij LIMIT {voorbeelden}"
    ).fetchall()
    return [Bevinding(bestand, "+".join(sleutel), "dubbele rij (zelfde sleutel als een eerdere rij)", int(aantal[0]),
                      tuple(int(r[0]) for r in rijen))]


def _onbekende_werkgever(con: duckdb.DuckDBPyConnection, kolom: str, bestand: str) -> list[Bevinding]:
    cond = f"{kolom} IS NOT NULL AND {kolom} NOT IN (SELECT loonheffingennummer FROM ruw_werkgevers)"
    return [
        Bevinding(b.bestand, b.kolom, "loonheffingennummer staat niet in het werkgeversbestand", b.aantal, b.rijen)
        for b in _controleer(con, "ruw_polis", bestand, [(kolom, "", cond)])
    ]


def _typed_view(con: duckdb.DuckDBPyConnection, contract: Contract, bron: str) -> None:
    """The checked file as a typed view straight on the file, so queries keep projection pushdown."""
    kolommen = []
    for k in contract.kolommen:
        tekst = f"NULLIF(TRIM(CAST(\"{k.naam}\" AS VARCHAR)), '')"
        if k.type == "VARCHAR":
            kolommen.append(f'{tekst} AS "{k.naam}"')
        else:
            kolommen.append(f'CAST({tekst} AS {k.type}) AS "{k.naam}"' if not k.verplicht
                            else f'CAST("{k.naam}" AS {k.type}) AS "{k.naam}"')
    con.sql(f"CREATE OR REPLACE TEMP VIEW {contract.naam} AS SELECT {', '.join(kolommen)} FROM {bron}")


def controleer_bestand(contract: Contract, pad: Path, voorbeelden: int = VOORBEELDEN) -> None:
    """Check one extract against its contract on its own (no references to other files).

    Raises ``InvoerFout`` with every finding and up to ``voorbeelden`` row numbers per finding.
    """
    con = duckdb.connect()
    con.sql("SET enable_progress_bar = false")
    view, _ = _open(con, contract, Path(pad))
    bestand = Path(pad).name
    bevindingen = _controleer(con, view, bestand, _regels(contract) + _inhoudsregels(contract.naam), voorbeelden)
    bevindingen += _dubbele(con, view, bestand, contract.sleutel, voorbeelden)
    if bevindingen:
        raise InvoerFout(bevindingen)


def lees_invoer(
    polis: Path, werkgevers: Path, register: Path, con: ibis.BaseBackend | None = None
) -> Invoer:
    """Check the three extracts and open them as Ibis tables on an embedded DuckDB.

    Raises ``InvoerFout`` with all findings when any contract rule is broken.
    """
    backend = con or ibis.duckdb.connect()
    raw: duckdb.DuckDBPyConnection = backend.con  # type: ignore[attr-defined]
    raw.sql("SET enable_progress_bar = false")  # the CLI shows its own progress
    paden = {"polis": Path(polis), "werkgevers": Path(werkgevers), "register": Path(register)}
    bevindingen: list[Bevinding] = []
    geopend: dict[str, tuple[str, str]] = {}
    for contract in (WERKGEVERS, REGISTER, POLIS):
        pad = paden[contract.naam]
        try:
            geopend[contract.naam] = _open(raw, contract, pad)
        except InvoerFout as fout:
            bevindingen.extend(fout.bevindingen)
    if bevindingen:
        raise InvoerFout(bevindingen)
    for contract in (WERKGEVERS, REGISTER, POLIS):
        view, bestand = geopend[contract.naam][0], paden[contract.naam].name
        bevindingen += _controleer(raw, view, bestand, _regels(contract) + _inhoudsregels(contract.naam))
        bevindingen += _dubbele(raw, view, bestand, contract.sleutel)
    bevindingen += _onbekende_werkgever(raw, "loonheffingennummer", paden["polis"].name)
    bevindingen += _onbekende_werkgever(raw, "inlener", paden["polis"].name)
    if bevindingen:
        raise InvoerFout(bevindingen)
    for contract in (WERKGEVERS, REGISTER, POLIS):
        _typed_view(raw, contract, geopend[contract.naam][1])
    return Invoer(
        polis=backend.table("polis"),
        werkgevers=backend.table("werkgevers"),
        register=backend.table("register"),
        checksums={naam: sha256(pad) for naam, pad in paden.items()},
        backend=backend,
    )


def naar_backend(invoer: Invoer, backend: ibis.BaseBackend) -> Invoer:
    """The same checked tables on another Ibis backend (e.g. PySpark), with the same schema.

    Checks always run in the embedded DuckDB; this copies the result, so it suits data that fits in
    memory. A cluster user reads the files on the cluster instead and passes those tables to the engine.
    """
    tabellen = {}
    for naam in ("polis", "werkgevers", "register"):
        expr: ir.Table = getattr(invoer, naam)
        tabel = tijdelijke_tabel(backend, f"banenafspraak_{naam}", expr.to_pyarrow())
        tabellen[naam] = tabel.cast(expr.schema())
    return Invoer(checksums=dict(invoer.checksums), backend=backend, **tabellen)


def tijdelijke_tabel(backend: Any, naam: str, data: Any, schema: Any = None) -> ir.Table:
    """A scratch table on ``backend``: temporary where the backend has those (DuckDB), else overwritten."""
    try:
        return backend.create_table(naam, data, schema=schema, temp=True, overwrite=True)  # type: ignore[no-any-return]
    except NotImplementedError:  # PySpark has no temporary tables through Ibis
        return backend.create_table(naam, data, schema=schema, overwrite=True)  # type: ignore[no-any-return]
