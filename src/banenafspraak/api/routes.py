"""The /v1 endpoints. Each one: authenticate, authorise (role and own/other), call one register action.

Who may do what (enforced here, proven by tests/register/test_api_matrix.py):

| endpoint                                 | uwv | gemeente      | werkgever  | werkzoekende | onderzoeker |
|------------------------------------------|-----|---------------|------------|--------------|-------------|
| POST /registraties, …/beeindiging, hist. | yes | –             | –          | –            | –           |
| POST /dienstverbanden                    | yes | –             | –          | –            | –           |
| POST /personen/zoeken (BSN)              | yes | own residents | –          | –            | –           |
| GET /personen/{id}, …/profiel            | yes | own residents | –          | own          | –           |
| PUT …/profiel                            | yes | own residents | –          | own          | –           |
| GET …/toestemmingen                      | yes | own residents | –          | own          | –           |
| POST …/toestemmingen, …/verwijderverzoek | –   | –             | –          | own          | –           |
| GET …/logboek                            | yes | –             | –          | own          | –           |
| POST /werkgeverscheck (BSN)              | yes | –             | yes        | –            | –           |
| GET /werkgevers/{lhn}/werknemers         | yes | –             | own number | –            | –           |
| GET /gemeenten/{gm}/inwoners, …/levering | yes | own gemeente  | –          | –            | –           |
| GET /statistieken/registraties           | yes | –             | –          | –            | yes         |
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection

from banenafspraak.api import schemas as s
from banenafspraak.api.auth import Gebruiker, GeenToegang, NietGeauthenticeerd, Tokens
from banenafspraak.api.problemen import TeVeelVerzoeken, route_sjabloon
from banenafspraak.register import diensten
from banenafspraak.register.diensten import Handelende
from banenafspraak.register.extract import schrijf_audit
from banenafspraak.rules.werkgeverscheck import ARTIKEL_38D_7

router = APIRouter()
LIJKT_OP_BSN = re.compile(r"[0-9]{8,9}")
_bearer = HTTPBearer(auto_error=False, description="Token uit de OIDC-provider, dev-login of `register token`")

Pseudoniem = Annotated[str, Path(pattern=r"^[0-9A-Za-z_.-]{1,64}$", description="pseudoniem (nooit een BSN)")]
Id = Annotated[int, Path(ge=1, le=2_000_000_000)]


def vandaag() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


async def gebruiker(
    request: Request, cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Gebruiker:
    if cred is None or cred.scheme.lower() != "bearer":
        raise NietGeauthenticeerd("geen bearer-token meegestuurd")
    tokens: Tokens = request.app.state.tokens
    g = tokens.controleer(cred.credentials)
    request.state.gebruiker = g
    return g


Wie = Annotated[Gebruiker, Depends(gebruiker)]


@contextmanager
def transactie(request: Request, g: Gebruiker) -> Iterator[tuple[Connection, Handelende]]:
    """One transaction for the action, its Logboek entries and (on success) its audit row."""
    route = request.scope.get("route")
    pad = route_sjabloon(request)
    status = getattr(route, "status_code", None) or 200
    with request.app.state.engine.begin() as conn:
        yield conn, Handelende(account=g.account, trace_id=request.state.trace_id)
        schrijf_audit(conn, request.state.trace_id, g.account, g.rol, g.organisatie, f"{request.method} {pad}", status)
    request.state.geaudit = True


def rollen(g: Gebruiker, *toegestaan: str) -> None:
    if g.rol not in toegestaan:
        raise GeenToegang(f"de rol {g.rol} mag dit niet")


def opvraging(request: Request, g: Gebruiker) -> None:
    """Count a look-up against the account's rate limit."""
    wacht = request.app.state.limiet.neem(g.account)
    if wacht:
        raise TeVeelVerzoeken(wacht)


def persoon_toegang(conn: Connection, g: Gebruiker, pseudoniem: str, *toegestaan: str) -> None:
    """Role check plus own/other: a werkzoekende only themselves, a gemeente only its residents."""
    if LIJKT_OP_BSN.fullmatch(pseudoniem):
        raise diensten.OngeldigeInvoer(
            "dit lijkt een BSN; een BSN hoort nooit in een URL (gebruik POST /v1/personen/zoeken)"
        )
    rollen(g, *toegestaan)
    if g.rol == "werkzoekende" and g.persoon != pseudoniem:
        raise GeenToegang("u kunt alleen uw eigen gegevens zien")
    if g.rol == "gemeente" and g.organisatie not in diensten.woongemeenten(conn, pseudoniem):
        raise GeenToegang("deze persoon is geen inwoner van uw gemeente")


# --- authentication --------------------------------------------------------------------------------------


@router.post("/auth/dev-login", response_model=s.Token, tags=["authenticatie"])
def dev_login(request: Request, body: s.DevLogin) -> s.Token:
    """Local development login: a token for any role. Off unless the server runs with ``--dev-login``."""
    if not request.app.state.instellingen.dev_login:
        raise GeenToegang("dev-login staat uit op deze server")
    tokens: Tokens = request.app.state.tokens
    try:
        token = tokens.maak(body.account, body.rol, body.organisatie, bsn=body.bsn)
    except ValueError as e:
        raise diensten.OngeldigeInvoer(str(e)) from None
    return s.Token(access_token=token, expires_in=tokens.minuten * 60)


@router.get("/mij", response_model=s.Mij, tags=["authenticatie"])
def mij(request: Request, g: Wie) -> s.Mij:
    geregistreerd = None
    if g.persoon:
        with transactie(request, g) as (conn, wie):
            geregistreerd = diensten.bestaat(conn, g.persoon)
            diensten.schrijf_logboek(conn, [g.persoon], "eigen_registratie_inzien", "lezen", wie.trace_id)
    return s.Mij(
        account=g.account,
        rol=g.rol,
        organisatie=g.organisatie,
        persoon_id=g.persoon,
        geregistreerd=geregistreerd,
    )


# --- UWV: registrations and employment -------------------------------------------------------------------


@router.post("/registraties", status_code=201, response_model=s.Registratie, tags=["registraties"])
def registreer(request: Request, body: s.NieuweRegistratie, g: Wie) -> dict:  # type: ignore[type-arg]
    rollen(g, "uwv")
    pseudo = request.app.state.tokens.pseudoniem(body.bsn)
    with transactie(request, g) as (conn, wie):
        return diensten.registreer(conn, wie, pseudo, **body.model_dump(exclude={"bsn"}))


@router.post("/registraties/{registratie_id}/beeindiging", response_model=s.Registratie, tags=["registraties"])
def beeindig(request: Request, registratie_id: Id, body: s.Beeindiging, g: Wie) -> dict:  # type: ignore[type-arg]
    rollen(g, "uwv")
    with transactie(request, g) as (conn, wie):
        return diensten.beeindig(
            conn, wie, registratie_id, einddatum=body.einddatum, versie=body.versie, reden=body.reden
        )


@router.get(
    "/registraties/{registratie_id}/geschiedenis",
    response_model=list[s.Registratieversie],
    tags=["registraties"],
)
def geschiedenis(request: Request, registratie_id: Id, g: Wie) -> list[dict]:  # type: ignore[type-arg]
    rollen(g, "uwv")
    with transactie(request, g) as (conn, wie):
        pseudo = diensten.registratie_pseudoniem(conn, registratie_id)
        uit = diensten.registratiegeschiedenis(conn, registratie_id)
        diensten.schrijf_logboek(conn, [pseudo], "doelgroepregister_inzien", "lezen", wie.trace_id)
        return uit


@router.post("/dienstverbanden", status_code=204, tags=["registraties"])
def dienstverband(request: Request, body: s.NieuwDienstverband, g: Wie) -> Response:
    rollen(g, "uwv")
    pseudo = request.app.state.tokens.pseudoniem(body.bsn)
    with transactie(request, g) as (conn, wie):
        diensten.leg_dienstverband_vast(conn, wie, pseudo, **body.model_dump(exclude={"bsn"}))
    return Response(status_code=204)


# --- persons ---------------------------------------------------------------------------------------------


@router.post("/personen/zoeken", response_model=s.Gevonden, tags=["personen"])
def zoek(request: Request, body: s.BsnVerzoek, g: Wie) -> s.Gevonden:
    """Find a person's pseudonym by BSN (in the body, never the URL)."""
    rollen(g, "uwv", "gemeente")
    opvraging(request, g)
    pseudo = request.app.state.tokens.pseudoniem(body.bsn)
    with transactie(request, g) as (conn, wie):
        if g.rol == "gemeente" and g.organisatie not in diensten.woongemeenten(conn, pseudo):
            raise diensten.NietGevonden("geen inwoner van uw gemeente in het doelgroepregister")
        diensten.persoon_id(conn, pseudo)
        diensten.schrijf_logboek(conn, [pseudo], "persoon_zoeken", "lezen", wie.trace_id)
    return s.Gevonden(persoon_id=pseudo)


@router.get("/personen/{persoon_id}", response_model=s.Dossier, tags=["personen"])
def dossier(request: Request, persoon_id: Pseudoniem, g: Wie) -> dict:  # type: ignore[type-arg]
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "uwv", "gemeente", "werkzoekende")
        return diensten.dossier(conn, wie, persoon_id, "doelgroepregister_inzien")


@router.get("/personen/{persoon_id}/profiel", response_model=s.Profiel, tags=["personen"])
def profiel(request: Request, persoon_id: Pseudoniem, g: Wie) -> dict:  # type: ignore[type-arg]
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "uwv", "gemeente", "werkzoekende")
        return diensten.profiel(conn, wie, persoon_id)


@router.put(
    "/personen/{persoon_id}/profiel",
    response_model=s.Profiel,
    tags=["personen"],
    responses={409: {"description": "het profiel is intussen door iemand anders gewijzigd"}},
)
def bewaar_profiel(request: Request, persoon_id: Pseudoniem, body: s.ProfielWijziging, g: Wie) -> dict:  # type: ignore[type-arg]
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "uwv", "gemeente", "werkzoekende")
        return diensten.bewaar_profiel(
            conn, wie, persoon_id, body.gegevens.model_dump(), versie=body.versie, reden=body.reden
        )


@router.get("/personen/{persoon_id}/toestemmingen", response_model=s.Toestemmingen, tags=["personen"])
def toestemmingen(request: Request, persoon_id: Pseudoniem, g: Wie) -> dict:  # type: ignore[type-arg]
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "uwv", "gemeente", "werkzoekende")
        return diensten.toestemmingen(conn, wie, persoon_id)


@router.post("/personen/{persoon_id}/toestemmingen", status_code=201, response_model=s.Toestemmingen, tags=["personen"])
def geef_toestemming(request: Request, persoon_id: Pseudoniem, body: s.NieuweToestemming, g: Wie) -> dict:  # type: ignore[type-arg]
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "werkzoekende")
        return diensten.leg_toestemming_vast(
            conn,
            wie,
            persoon_id,
            doel=body.doel,
            gegeven=body.gegeven,
            geldig_van=body.geldig_van,
            geldig_tot=body.geldig_tot,
        )


@router.post(
    "/personen/{persoon_id}/verwijderverzoek",
    status_code=201,
    response_model=s.Verwijderverzoek,
    tags=["personen"],
)
def verwijderverzoek(request: Request, persoon_id: Pseudoniem, body: s.NieuwVerwijderverzoek, g: Wie) -> dict:  # type: ignore[type-arg]
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "werkzoekende")
        return diensten.vraag_verwijdering(conn, wie, persoon_id, body.toelichting)


@router.get("/personen/{persoon_id}/logboek", response_model=list[s.Logboekregel], tags=["personen"])
def logboek(request: Request, persoon_id: Pseudoniem, g: Wie) -> list[dict]:  # type: ignore[type-arg]
    """What has been done with this person's data (Logboek dataverwerkingen), newest first."""
    with transactie(request, g) as (conn, wie):
        persoon_toegang(conn, g, persoon_id, "uwv", "werkzoekende")
        return diensten.logboek(conn, wie, persoon_id)


# --- employer --------------------------------------------------------------------------------------------


@router.post("/werkgeverscheck", response_model=s.Werkgeverscheck, tags=["werkgevers"])
def werkgeverscheck(request: Request, body: s.Werkgeverscheckverzoek, g: Wie) -> s.Werkgeverscheck:
    """Art. 38d lid 7 Wfsv: is this (future) employee registered; periods in this and last calendar year."""
    rollen(g, "uwv", "werkgever")
    opvraging(request, g)
    pseudo = request.app.state.tokens.pseudoniem(body.bsn)
    with transactie(request, g) as (conn, wie):
        uit = diensten.controleer_voor_werkgever(conn, wie, pseudo, body.peildatum or vandaag())
    return s.Werkgeverscheck(
        peildatum=uit.peildatum,
        geregistreerd=uit.geregistreerd,
        grondslag_wet=ARTIKEL_38D_7,
        perioden=[s.Periode(van=v, tot=t) for v, t in uit.perioden],
    )


@router.get("/werkgevers/{loonheffingennummer}/werknemers", response_model=list[s.Werknemer], tags=["werkgevers"])
def werknemers(
    request: Request,
    loonheffingennummer: Annotated[str, Path(pattern=r"^[0-9]{9}L[0-9]{2}$")],
    g: Wie,
    peildatum: dt.date | None = None,
) -> list[dict]:  # type: ignore[type-arg]
    rollen(g, "uwv", "werkgever")
    if g.rol == "werkgever" and g.organisatie != loonheffingennummer:
        raise GeenToegang("alleen de werknemers van uw eigen loonheffingennummer")
    opvraging(request, g)
    with transactie(request, g) as (conn, wie):
        return diensten.werknemers(conn, wie, loonheffingennummer, peildatum or vandaag())


# --- gemeente --------------------------------------------------------------------------------------------

GemeentePad = Annotated[str, Path(pattern=r"^GM[0-9]{4}$")]


def eigen_gemeente(g: Gebruiker, gemeentecode: str) -> None:
    rollen(g, "uwv", "gemeente")
    if g.rol == "gemeente" and g.organisatie != gemeentecode:
        raise GeenToegang("alleen de inwoners van uw eigen gemeente")


@router.get("/gemeenten/{gemeentecode}/inwoners", response_model=s.Inwoners, tags=["gemeenten"])
def inwoners(
    request: Request,
    gemeentecode: GemeentePad,
    g: Wie,
    peildatum: dt.date | None = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict:  # type: ignore[type-arg]
    eigen_gemeente(g, gemeentecode)
    opvraging(request, g)
    with transactie(request, g) as (conn, wie):
        return diensten.inwoners(conn, wie, gemeentecode, peildatum or vandaag(), offset=offset, limit=limit)


MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get(
    "/gemeenten/{gemeentecode}/levering",
    tags=["gemeenten"],
    responses={200: {"content": {MIME["csv"]: {}, MIME["xlsx"]: {}}}},
)
def levering(
    request: Request,
    gemeentecode: GemeentePad,
    g: Wie,
    jaar: Annotated[int, Query(ge=2015, le=2100)],
    formaat: Literal["csv", "xlsx"] = "csv",
) -> Response:
    """The yearly delivery: every registration of the gemeente's residents that ran during ``jaar``."""
    eigen_gemeente(g, gemeentecode)
    opvraging(request, g)
    with transactie(request, g) as (conn, wie):
        df = diensten.levering(conn, wie, gemeentecode, jaar)
    inhoud = diensten.levering_bytes(df, formaat, f"Doelgroepregister, levering {gemeentecode} {jaar}")
    naam = f"doelgroepregister-{gemeentecode}-{jaar}.{formaat}"
    return Response(inhoud, media_type=MIME[formaat], headers={"Content-Disposition": f'attachment; filename="{naam}"'})


# --- researcher ------------------------------------------------------------------------------------------


@router.get("/statistieken/registraties", response_model=list[s.Aggregaat], tags=["statistieken"])
def statistieken(
    request: Request,
    g: Wie,
    indeling: Literal["grondslag", "gemeente", "arbeidsmarktregio"] = "grondslag",
    peildatum: dt.date | None = None,
) -> list[dict]:  # type: ignore[type-arg]
    """People registered on the peildatum per group; groups under 10 people are suppressed."""
    rollen(g, "uwv", "onderzoeker")
    with transactie(request, g) as (conn, _):
        return diensten.aggregaten(conn, indeling, peildatum or vandaag())
