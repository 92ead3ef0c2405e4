"""What the register does for its users: one function per action, on an open connection.

The API and the CLI call these. They decide nothing about roles (that is the interface's job) but do
enforce the register's own integrity: valid grounds and gemeenten, history instead of overwrites,
optimistic locking, and a Logboek entry for every read or change of a person's data, written in the same
transaction as the read or change itself.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Connection, and_, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from banenafspraak.reference import gemeenten
from banenafspraak.register import esco
from banenafspraak.register.extract import Conflict, schrijf_logboek
from banenafspraak.register.models import (
    Dienstverband,
    Logboek,
    Persoon,
    Profiel,
    ProfielVersie,
    Registratie,
    RegistratieVersie,
    Toestemming,
    Verwijderverzoek,
    nu,
    tabel,
)
from banenafspraak.rules.grondslagen import GRONDSLAGEN
from banenafspraak.rules.werkgeverscheck import Werkgeverscheck, werkgeverscheck

ONDERDRUKKEN_ONDER = 10
"""Researcher aggregates: cells with fewer people than this are suppressed."""

DOELEN_TOESTEMMING = ("tonen_aan_werkgevers", "matching")


class NietGevonden(LookupError):
    """No such person or record."""


class OngeldigeInvoer(ValueError):
    """The request is well-formed but breaks a register rule; the message says which."""


@dataclass(frozen=True)
class Handelende:
    """Who acts, for the record: account name and a trace id shared by the Logboek and the audit log."""

    account: str
    trace_id: str


R, V, P = tabel(Registratie), tabel(RegistratieVersie), tabel(Persoon)
PR, PV = tabel(Profiel), tabel(ProfielVersie)


def _huidig() -> Any:
    """Registrations joined to their current version."""
    return R.join(V, and_(V.c.registratie_id == R.c.id, V.c.versie == R.c.versie))


def persoon_id(conn: Connection, pseudoniem: str) -> int:
    gevonden = conn.execute(select(P.c.id).where(P.c.pseudoniem == pseudoniem)).scalar_one_or_none()
    if gevonden is None:
        raise NietGevonden("persoon niet gevonden in het doelgroepregister")
    return int(gevonden)


def bestaat(conn: Connection, pseudoniem: str) -> bool:
    return conn.execute(select(P.c.id).where(P.c.pseudoniem == pseudoniem)).first() is not None


def woongemeenten(conn: Connection, pseudoniem: str) -> set[str]:
    """The gemeentecodes on the person's current registration versions (their residence)."""
    q = select(V.c.gemeentecode).select_from(_huidig().join(P, P.c.id == R.c.persoon_id))
    return set(conn.execute(q.where(P.c.pseudoniem == pseudoniem)).scalars())


def _registratie_dict(rij: Any) -> dict[str, Any]:
    g = GRONDSLAGEN[rij.grondslag]
    return {
        "id": rij.id,
        "persoon_id": rij.pseudoniem,
        "grondslag": rij.grondslag,
        "artikel": g.artikel,
        "begindatum": rij.begindatum,
        "einddatum": rij.einddatum,
        "gemeentecode": rij.gemeentecode,
        "bron": rij.bron,
        "besluitreferentie": rij.besluitreferentie,
        "versie": rij.versie,
        "gewijzigd_op": rij.gewijzigd_op,
        "gewijzigd_door": rij.gewijzigd_door,
        "reden": rij.reden,
    }


def _registraties(conn: Connection, pid: int) -> list[dict[str, Any]]:
    q = (
        select(
            P.c.pseudoniem,
            R.c.id,
            R.c.grondslag,
            R.c.begindatum,
            R.c.versie,
            V.c.einddatum,
            V.c.gemeentecode,
            V.c.bron,
            V.c.besluitreferentie,
            V.c.gewijzigd_op,
            V.c.gewijzigd_door,
            V.c.reden,
        )
        .select_from(_huidig().join(P, P.c.id == R.c.persoon_id))
        .where(R.c.persoon_id == pid)
        .order_by(R.c.begindatum, R.c.id)
    )
    return [_registratie_dict(r) for r in conn.execute(q)]


def registreer(
    conn: Connection,
    wie: Handelende,
    pseudoniem: str,
    *,
    grondslag: str,
    begindatum: dt.date,
    einddatum: dt.date | None,
    gemeentecode: str,
    bron: str,
    besluitreferentie: str | None,
    reden: str,
    feiten: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Register a person on a ground (UWV). Creates the person if new; 409 if this registration exists.

    With ``feiten`` (the facts of art. 38b Wfsv, see ``banenafspraak regels schema doelgroep``) the
    target-group rules must confirm that the ground holds on the begindatum; without them UWV's decision
    (``besluitreferentie``) is recorded as given.
    """
    if grondslag not in GRONDSLAGEN:
        raise OngeldigeInvoer(f"onbekende grondslag {grondslag!r}; geldig: {', '.join(GRONDSLAGEN)}")
    if gemeentecode not in gemeenten():
        raise OngeldigeInvoer(f"onbekende gemeentecode {gemeentecode!r}")
    if einddatum is not None and einddatum < begindatum:
        raise OngeldigeInvoer("einddatum ligt vóór de begindatum")
    if feiten is not None:
        controleer_grond(grondslag, feiten, begindatum)
    tijd = nu()
    pid = conn.execute(select(P.c.id).where(P.c.pseudoniem == pseudoniem)).scalar_one_or_none()
    if pid is None:
        pid = conn.execute(
            insert(P).values(pseudoniem=pseudoniem, aangemaakt_op=tijd, aangemaakt_door=wie.account)
        ).inserted_primary_key[0]  # type: ignore[index]
    try:
        with conn.begin_nested():
            rid = conn.execute(
                insert(R).values(persoon_id=pid, grondslag=grondslag, begindatum=begindatum, versie=1)
            ).inserted_primary_key[0]  # type: ignore[index]
    except IntegrityError:
        raise Conflict(f"deze persoon staat al geregistreerd op grond {grondslag} vanaf {begindatum}") from None
    conn.execute(
        insert(V).values(
            registratie_id=rid,
            versie=1,
            einddatum=einddatum,
            gemeentecode=gemeentecode,
            bron=bron,
            besluitreferentie=besluitreferentie,
            gewijzigd_op=tijd,
            gewijzigd_door=wie.account,
            reden=reden,
        )
    )
    schrijf_logboek(conn, [pseudoniem], "doelgroepregister_bijhouden", "aanmaken", wie.trace_id)
    return next(r for r in _registraties(conn, pid) if r["id"] == rid)


def controleer_grond(grondslag: str, feiten: dict[str, Any], peildatum: dt.date) -> None:
    """Raise :class:`OngeldigeInvoer` unless the rules of art. 38b Wfsv confirm ``grondslag`` on ``peildatum``."""
    from banenafspraak.engines.regels import FeitenFout, doelgroep

    try:
        uitkomst = doelgroep(feiten, peildatum)
    except FeitenFout as e:
        raise OngeldigeInvoer(str(e)) from None
    gevonden = [v for k, v in uitkomst.items() if isinstance(v, dict) and v.get("grondslag") == grondslag]
    if not gevonden or not gevonden[0]["voldaan"]:
        artikel = GRONDSLAGEN[grondslag].artikel
        raise OngeldigeInvoer(f"volgens de feiten is niet voldaan aan grond {grondslag} ({artikel}) op {peildatum}")
    if not uitkomst.get("is_arbeidsbeperkte", True):
        raise OngeldigeInvoer("de persoon is uitgesloten (beschut werk, art. 10b lid 1 Participatiewet)")


def registratie_pseudoniem(conn: Connection, registratie_id: int) -> str:
    q = select(P.c.pseudoniem).select_from(R.join(P, P.c.id == R.c.persoon_id)).where(R.c.id == registratie_id)
    gevonden = conn.execute(q).scalar_one_or_none()
    if gevonden is None:
        raise NietGevonden(f"registratie {registratie_id} niet gevonden")
    return str(gevonden)


def beeindig(
    conn: Connection, wie: Handelende, registratie_id: int, *, einddatum: dt.date, versie: int, reden: str
) -> dict[str, Any]:
    """End a registration (UWV): a new version with the end date. ``versie`` is the version the clerk saw."""
    q = select(R.c.persoon_id, R.c.begindatum, R.c.versie, V).select_from(_huidig()).where(R.c.id == registratie_id)
    rij = conn.execute(q).first()
    if rij is None:
        raise NietGevonden(f"registratie {registratie_id} niet gevonden")
    if einddatum < rij.begindatum:
        raise OngeldigeInvoer("einddatum ligt vóór de begindatum")
    if versie != rij.versie:
        raise Conflict(f"registratie {registratie_id} is gewijzigd: u zag versie {versie}, de huidige is {rij.versie}")
    res = conn.execute(update(R).where(R.c.id == registratie_id, R.c.versie == versie).values(versie=versie + 1))
    if res.rowcount != 1:
        raise Conflict(f"registratie {registratie_id} is zojuist door iemand anders gewijzigd")
    conn.execute(
        insert(V).values(
            registratie_id=registratie_id,
            versie=versie + 1,
            einddatum=einddatum,
            gemeentecode=rij.gemeentecode,
            bron=rij.bron,
            besluitreferentie=rij.besluitreferentie,
            gewijzigd_op=nu(),
            gewijzigd_door=wie.account,
            reden=reden,
        )
    )
    pseudo = registratie_pseudoniem(conn, registratie_id)
    schrijf_logboek(conn, [pseudo], "doelgroepregister_bijhouden", "wijzigen", wie.trace_id)
    return next(r for r in _registraties(conn, rij.persoon_id) if r["id"] == registratie_id)


def registratiegeschiedenis(conn: Connection, registratie_id: int) -> list[dict[str, Any]]:
    q = select(V).where(V.c.registratie_id == registratie_id).order_by(V.c.versie)
    return [dict(r._mapping) for r in conn.execute(q)]


def dossier(conn: Connection, wie: Handelende, pseudoniem: str, activiteit: str) -> dict[str, Any]:
    """A person's record: registrations, profile, consents, removal requests. Logged."""
    pid = persoon_id(conn, pseudoniem)
    uit = {
        "persoon_id": pseudoniem,
        "registraties": _registraties(conn, pid),
        "profiel": _profiel(conn, pid),
        "toestemmingen": _toestemmingen(conn, pid),
        "verwijderverzoeken": [
            {"ingediend_op": r.ingediend_op, "toelichting": r.toelichting}
            for r in conn.execute(select(tabel(Verwijderverzoek)).where(Verwijderverzoek.persoon_id == pid))
        ],
    }
    schrijf_logboek(conn, [pseudoniem], activiteit, "lezen", wie.trace_id)
    return uit


# --- profiles -------------------------------------------------------------------------------------------


def valideer_profiel(gegevens: dict[str, Any]) -> dict[str, Any]:
    """Check ESCO references and resolve occupations to their URI; raises :class:`OngeldigeInvoer`."""
    uit = dict(gegevens)
    try:
        uit["beroepen"] = [esco.beroep(b).uri for b in gegevens.get("beroepen", [])]
        uit["werkervaring"] = [{**w, "beroep": esco.beroep(w["beroep"]).uri} for w in gegevens.get("werkervaring", [])]
    except KeyError as e:
        raise OngeldigeInvoer(str(e.args[0])) from None
    slecht = [v for v in gegevens.get("vaardigheden", []) if not esco.is_vaardigheid(v)]
    if slecht:
        raise OngeldigeInvoer(f"geen ESCO-vaardigheid (http://data.europa.eu/esco/skill/<uuid>): {slecht[0]!r}")
    return uit


def _profiel(conn: Connection, pid: int) -> dict[str, Any] | None:
    q = (
        select(PR.c.versie, PV.c.gegevens, PV.c.gewijzigd_op, PV.c.gewijzigd_door, PV.c.reden)
        .select_from(PR.join(PV, and_(PV.c.profiel_id == PR.c.id, PV.c.versie == PR.c.versie)))
        .where(PR.c.persoon_id == pid)
    )
    rij = conn.execute(q).first()
    if rij is None:
        return None
    beroepen = esco.beroepen()
    gegevens = dict(rij.gegevens)
    gegevens["beroepen"] = [
        {"uri": u, "code": beroepen[u].code, "naam": beroepen[u].naam}
        for u in gegevens.get("beroepen", [])
        if u in beroepen
    ]
    return {
        "versie": rij.versie,
        "gegevens": gegevens,
        "gewijzigd_op": rij.gewijzigd_op,
        "gewijzigd_door": rij.gewijzigd_door,
        "reden": rij.reden,
    }


def profiel(conn: Connection, wie: Handelende, pseudoniem: str) -> dict[str, Any]:
    pid = persoon_id(conn, pseudoniem)
    uit = _profiel(conn, pid) or {"versie": 0, "gegevens": None}
    schrijf_logboek(conn, [pseudoniem], "profiel_inzien", "lezen", wie.trace_id)
    return uit


def bewaar_profiel(
    conn: Connection, wie: Handelende, pseudoniem: str, gegevens: dict[str, Any], *, versie: int, reden: str
) -> dict[str, Any]:
    """Store a new profile version. ``versie`` is the version the editor started from (0: no profile yet)."""
    pid = persoon_id(conn, pseudoniem)
    gegevens = valideer_profiel(gegevens)
    huidig = conn.execute(select(PR.c.id, PR.c.versie).where(PR.c.persoon_id == pid)).first()
    if huidig is None:
        if versie != 0:
            raise Conflict(f"er is nog geen profiel; u zag versie {versie}")
        try:
            with conn.begin_nested():
                prid = conn.execute(insert(PR).values(persoon_id=pid, versie=1)).inserted_primary_key[0]  # type: ignore[index]
        except IntegrityError:
            raise Conflict("het profiel is zojuist door iemand anders aangemaakt") from None
    else:
        prid = huidig.id
        if huidig.versie != versie:
            raise Conflict(f"het profiel is gewijzigd: u zag versie {versie}, de huidige is {huidig.versie}")
        res = conn.execute(update(PR).where(PR.c.id == prid, PR.c.versie == versie).values(versie=versie + 1))
        if res.rowcount != 1:
            raise Conflict("het profiel is zojuist door iemand anders gewijzigd")
    conn.execute(
        insert(PV).values(
            profiel_id=prid,
            versie=versie + 1,
            gegevens=gegevens,
            gewijzigd_op=nu(),
            gewijzigd_door=wie.account,
            reden=reden,
        )
    )
    schrijf_logboek(conn, [pseudoniem], "profiel_bijhouden", "wijzigen", wie.trace_id)
    uit = _profiel(conn, pid)
    assert uit is not None
    return uit


# --- consent, removal ------------------------------------------------------------------------------------


def _toestemmingen(conn: Connection, pid: int) -> list[dict[str, Any]]:
    t = tabel(Toestemming)
    rijen = conn.execute(select(t).where(t.c.persoon_id == pid).order_by(t.c.vastgelegd_op, t.c.id)).all()
    return [
        {
            "doel": r.doel,
            "gegeven": r.gegeven,
            "geldig_van": r.geldig_van,
            "geldig_tot": r.geldig_tot,
            "vastgelegd_op": r.vastgelegd_op,
        }
        for r in rijen
    ]


def toestemmingen(conn: Connection, wie: Handelende, pseudoniem: str) -> dict[str, Any]:
    """All consent records (history) and the current state per purpose."""
    lijst = _toestemmingen(conn, persoon_id(conn, pseudoniem))
    huidig = {t["doel"]: t for t in lijst}
    schrijf_logboek(conn, [pseudoniem], "toestemming_inzien", "lezen", wie.trace_id)
    return {"huidig": list(huidig.values()), "geschiedenis": lijst}


def leg_toestemming_vast(
    conn: Connection,
    wie: Handelende,
    pseudoniem: str,
    *,
    doel: str,
    gegeven: bool,
    geldig_van: dt.date,
    geldig_tot: dt.date | None,
) -> dict[str, Any]:
    if doel not in DOELEN_TOESTEMMING:
        raise OngeldigeInvoer(f"onbekend doel {doel!r}; geldig: {', '.join(DOELEN_TOESTEMMING)}")
    if geldig_tot is not None and geldig_tot < geldig_van:
        raise OngeldigeInvoer("geldig_tot ligt vóór geldig_van")
    pid = persoon_id(conn, pseudoniem)
    conn.execute(
        insert(tabel(Toestemming)).values(
            persoon_id=pid,
            doel=doel,
            gegeven=gegeven,
            geldig_van=geldig_van,
            geldig_tot=geldig_tot,
            vastgelegd_op=nu(),
            vastgelegd_door=wie.account,
        )
    )
    schrijf_logboek(conn, [pseudoniem], "toestemming_bijhouden", "wijzigen", wie.trace_id)
    return toestemmingen(conn, wie, pseudoniem)


def vraag_verwijdering(conn: Connection, wie: Handelende, pseudoniem: str, toelichting: str) -> dict[str, Any]:
    """Record a removal request; UWV handles it (the law decides when a registration may end)."""
    pid = persoon_id(conn, pseudoniem)
    tijd = nu()
    conn.execute(
        insert(tabel(Verwijderverzoek)).values(
            persoon_id=pid, toelichting=toelichting, ingediend_op=tijd, ingediend_door=wie.account
        )
    )
    schrijf_logboek(conn, [pseudoniem], "verwijderverzoek", "aanmaken", wie.trace_id)
    return {"ingediend_op": tijd, "toelichting": toelichting, "status": "ontvangen"}


# --- employer --------------------------------------------------------------------------------------------


def controleer_voor_werkgever(
    conn: Connection, wie: Handelende, pseudoniem: str, peildatum: dt.date
) -> Werkgeverscheck:
    """Art. 38d lid 7 Wfsv: registered or not, and in which periods of this and last calendar year."""
    q = select(R.c.begindatum, V.c.einddatum).select_from(_huidig().join(P, P.c.id == R.c.persoon_id))
    perioden = [(b, e) for b, e in conn.execute(q.where(P.c.pseudoniem == pseudoniem))]
    schrijf_logboek(conn, [pseudoniem], "werkgeverscheck_38d_7", "lezen", wie.trace_id)
    return werkgeverscheck(perioden, peildatum)


def leg_dienstverband_vast(
    conn: Connection,
    wie: Handelende,
    pseudoniem: str,
    *,
    loonheffingennummer: str,
    begindatum: dt.date,
    einddatum: dt.date | None,
    personeelsnummer: str | None,
) -> None:
    pid = persoon_id(conn, pseudoniem)
    conn.execute(
        insert(tabel(Dienstverband)).values(
            persoon_id=pid,
            loonheffingennummer=loonheffingennummer,
            begindatum=begindatum,
            einddatum=einddatum,
            personeelsnummer=personeelsnummer,
            vastgelegd_op=nu(),
            vastgelegd_door=wie.account,
        )
    )
    schrijf_logboek(conn, [pseudoniem], "dienstverband_bijhouden", "aanmaken", wie.trace_id)


def _loopt(van: Any, tot: Any, peildatum: dt.date) -> Any:
    return and_(van <= peildatum, or_(tot.is_(None), tot >= peildatum))


def werknemers(conn: Connection, wie: Handelende, loonheffingennummer: str, peildatum: dt.date) -> list[dict[str, Any]]:
    """The employer's employees (on ``peildatum``) who are registered on that date."""
    d = tabel(Dienstverband)
    geregistreerd = exists(
        select(R.c.id)
        .select_from(_huidig())
        .where(R.c.persoon_id == d.c.persoon_id, _loopt(R.c.begindatum, V.c.einddatum, peildatum))
    )
    q = (
        select(P.c.pseudoniem, d.c.personeelsnummer, d.c.begindatum, d.c.einddatum)
        .select_from(d.join(P, P.c.id == d.c.persoon_id))
        .where(
            d.c.loonheffingennummer == loonheffingennummer,
            _loopt(d.c.begindatum, d.c.einddatum, peildatum),
            geregistreerd,
        )
        .order_by(P.c.pseudoniem, d.c.begindatum)
    )
    uit = [
        {
            "persoon_id": r.pseudoniem,
            "personeelsnummer": r.personeelsnummer,
            "dienstverband_begindatum": r.begindatum,
            "dienstverband_einddatum": r.einddatum,
        }
        for r in conn.execute(q)
    ]
    schrijf_logboek(conn, sorted({u["persoon_id"] for u in uit}), "werknemers_werkgever", "lezen", wie.trace_id)
    return uit


# --- gemeente --------------------------------------------------------------------------------------------


def _inwoner_voorwaarden(gemeentecode: str, van: dt.date, tot: dt.date) -> tuple[Any, ...]:
    """Current registration versions of the gemeente's residents that overlap [van, tot]."""
    return (
        V.c.gemeentecode == gemeentecode,
        R.c.begindatum <= tot,
        or_(V.c.einddatum.is_(None), V.c.einddatum >= van),
    )


def _inwoners_query(gemeentecode: str, van: dt.date, tot: dt.date) -> Any:
    return (
        select(P.c.pseudoniem, R.c.id, R.c.grondslag, R.c.begindatum, V.c.einddatum, V.c.gemeentecode, R.c.versie)
        .select_from(_huidig().join(P, P.c.id == R.c.persoon_id))
        .where(*_inwoner_voorwaarden(gemeentecode, van, tot))
    )


def inwoners(
    conn: Connection, wie: Handelende, gemeentecode: str, peildatum: dt.date, *, offset: int, limit: int
) -> dict[str, Any]:
    """A page of the gemeente's residents registered on ``peildatum``, with their registrations.

    Paged by the internal person number (stable, and an integer key the covering index serves).
    """
    voorwaarden = _inwoner_voorwaarden(gemeentecode, peildatum, peildatum)
    totaal = conn.execute(
        select(func.count(func.distinct(R.c.persoon_id))).select_from(_huidig()).where(*voorwaarden)
    ).scalar_one()
    pagina = (
        select(R.c.persoon_id)
        .select_from(_huidig())
        .where(*voorwaarden)
        .distinct()
        .order_by(R.c.persoon_id)
        .offset(offset)
        .limit(limit)
    )
    ids = list(conn.execute(pagina).scalars())
    rijen = conn.execute(
        select(R.c.persoon_id, P.c.pseudoniem, R.c.id, R.c.grondslag, R.c.begindatum, V.c.einddatum, R.c.versie)
        .select_from(_huidig().join(P, P.c.id == R.c.persoon_id))
        .where(R.c.persoon_id.in_(ids), *voorwaarden)
        .order_by(R.c.persoon_id, R.c.begindatum, R.c.id)
    ).all()
    per: dict[int, dict[str, Any]] = {}
    for r in rijen:
        inwoner = per.setdefault(r.persoon_id, {"persoon_id": r.pseudoniem, "registraties": []})
        inwoner["registraties"].append(
            {
                "id": r.id,
                "grondslag": r.grondslag,
                "begindatum": r.begindatum,
                "einddatum": r.einddatum,
                "versie": r.versie,
            }
        )
    lijst = [per[i] for i in ids]
    schrijf_logboek(conn, [x["persoon_id"] for x in lijst], "gemeente_inwoners", "lezen", wie.trace_id)
    return {"totaal": totaal, "offset": offset, "limit": limit, "inwoners": lijst}


LEVERING_KOLOMMEN = (
    "persoon_id",
    "grondslag",
    "artikel",
    "begindatum",
    "einddatum",
    "gemeentecode",
    "gemeentenaam",
    "arbeidsmarktregio",
)


def levering(conn: Connection, wie: Handelende, gemeentecode: str, jaar: int) -> pd.DataFrame:
    """The yearly delivery to a gemeente: every registration of its residents that ran during ``jaar``."""
    if gemeentecode not in gemeenten():
        raise OngeldigeInvoer(f"onbekende gemeentecode {gemeentecode!r}")
    q = _inwoners_query(gemeentecode, dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)).order_by(
        P.c.pseudoniem, R.c.begindatum
    )
    g = gemeenten()[gemeentecode]
    rijen = [
        (
            r.pseudoniem,
            r.grondslag,
            GRONDSLAGEN[r.grondslag].artikel,
            r.begindatum.isoformat(),
            r.einddatum.isoformat() if r.einddatum else "",
            r.gemeentecode,
            g.naam,
            f"{g.arbeidsmarktregio_code} {g.arbeidsmarktregio_naam}",
        )
        for r in conn.execute(q)
    ]
    df = pd.DataFrame(rijen, columns=list(LEVERING_KOLOMMEN))
    schrijf_logboek(conn, df["persoon_id"].unique(), "gemeente_levering", "lezen", wie.trace_id)
    return df


def levering_bytes(df: pd.DataFrame, formaat: str, titel: str) -> bytes:
    """The delivery as CSV (UTF-8) or Excel (one sheet, with a header note) bytes."""
    if formaat == "csv":
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if formaat != "xlsx":
        raise OngeldigeInvoer("formaat moet csv of xlsx zijn")
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter") as xw:
        df.to_excel(xw, sheet_name="levering", index=False, startrow=2)
        blad = xw.sheets["levering"]
        blad.write(0, 0, titel)
        blad.set_column(0, 0, 66)
        blad.set_column(1, len(LEVERING_KOLOMMEN) - 1, 18)
    return buf.getvalue()


# --- researcher ------------------------------------------------------------------------------------------

INDELINGEN = ("grondslag", "gemeente", "arbeidsmarktregio")


def aggregaten(conn: Connection, indeling: str, peildatum: dt.date) -> list[dict[str, Any]]:
    """Number of people registered on ``peildatum`` per group; groups under 10 people are suppressed.

    Only primary suppression: a suppressed cell might be derivable from a total elsewhere, so no totals
    are published next to it.
    """
    if indeling not in INDELINGEN:
        raise OngeldigeInvoer(f"indeling moet een van {', '.join(INDELINGEN)} zijn")
    kolom = R.c.grondslag if indeling == "grondslag" else V.c.gemeentecode
    q = (
        select(kolom.label("groep"), R.c.persoon_id)
        .select_from(_huidig())
        .where(_loopt(R.c.begindatum, V.c.einddatum, peildatum))
        .distinct()
    )
    df = pd.DataFrame(conn.execute(q).all(), columns=["groep", "persoon_id"])
    if indeling == "arbeidsmarktregio":
        regio = {c: g.arbeidsmarktregio_code for c, g in gemeenten().items()}
        df["groep"] = df["groep"].map(regio)
    tellingen = df.drop_duplicates().groupby("groep")["persoon_id"].count().sort_index()
    return [
        {
            "groep": str(g),
            "aantal": int(n) if n >= ONDERDRUKKEN_ONDER else None,
            "onderdrukt": bool(n < ONDERDRUKKEN_ONDER),
        }
        for g, n in tellingen.items()
    ]


# --- the subject's own log -------------------------------------------------------------------------------


def logboek(conn: Connection, wie: Handelende, pseudoniem: str, *, limit: int = 500) -> list[dict[str, Any]]:
    """The Logboek entries about one person, newest first (what was done with their data, not by whom).

    Reading the log is itself a processing and is logged, after the read.
    """
    persoon_id(conn, pseudoniem)
    t = tabel(Logboek)
    q = (
        select(t.c.tijdstip, t.c.verwerkingsactiviteit, t.c.handeling, t.c.trace_id)
        .where(t.c.betrokkene == pseudoniem)
        .order_by(t.c.id.desc())
        .limit(limit)
    )
    uit = [dict(r._mapping) for r in conn.execute(q)]
    schrijf_logboek(conn, [pseudoniem], "logboek_inzien", "lezen", wie.trace_id)
    return uit
