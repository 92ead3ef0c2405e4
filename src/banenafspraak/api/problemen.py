"""Errors as ``application/problem+json`` (RFC 9457), as the NL API Design Rules ask.

Invalid input is 400 (never FastAPI's 422), and no error echoes the input back: a mistyped BSN must not
end up in a response, a log or a browser history.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from banenafspraak.api.auth import GeenToegang, NietGeauthenticeerd
from banenafspraak.register.diensten import NietGevonden, OngeldigeInvoer
from banenafspraak.register.extract import Conflict
from banenafspraak.register.pseudoniem import OngeldigBSN

PROBLEEM = "application/problem+json"
TYPE_BASIS = "https://banenafspraak.example/problemen/"

TITELS = {
    400: "Ongeldige invoer",
    401: "Niet geauthenticeerd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    409: "Conflict",
    415: "Mediatype niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}


class TeVeelVerzoeken(Exception):
    def __init__(self, wacht: int) -> None:
        super().__init__("te veel opvragingen")
        self.wacht = wacht


def route_sjabloon(request: Request) -> str | None:
    """The matched route's template (``/v1/personen/{persoon_id}``), or None when no route matched."""
    pad = getattr(request.scope.get("route"), "path", None)
    if pad is None:
        return None
    return pad if pad.startswith("/v1/") else "/v1" + pad


def probleem(
    request: Request,
    status: int,
    detail: str,
    *,
    invalid: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    inhoud: dict[str, Any] = {
        "type": TYPE_BASIS + str(status),
        "title": TITELS.get(status, "Fout"),
        "status": status,
        "detail": detail,
    }
    # The route template, never the concrete path: a client may have put something in the URL that must
    # not be echoed (a BSN, say).
    sjabloon = route_sjabloon(request)
    if sjabloon:
        inhoud["instance"] = sjabloon
    trace = getattr(request.state, "trace_id", None)
    if trace:
        inhoud["traceId"] = trace
    if invalid:
        inhoud["invalidParams"] = invalid
    return JSONResponse(inhoud, status_code=status, media_type=PROBLEEM, headers=headers)


def _validatie(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    velden = []
    for e in exc.errors():
        plaats = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        velden.append({"name": plaats, "code": str(e.get("type", "invalid")), "reason": str(e.get("msg", ""))})
    return probleem(request, 400, "het verzoek voldoet niet aan het schema", invalid=velden)


def registreer_handlers(app: FastAPI) -> None:
    def http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return probleem(request, exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    def eenvoudig(status: int, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        def handler(request: Request, exc: Exception) -> JSONResponse:
            return probleem(request, status, str(exc), headers=headers)

        return handler

    def te_veel(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, TeVeelVerzoeken)
        return probleem(
            request,
            429,
            f"limiet bereikt; probeer het over {exc.wacht} s opnieuw",
            headers={"Retry-After": str(exc.wacht)},
        )

    def bezet(request: Request, exc: Exception) -> JSONResponse:
        return probleem(request, 503, "de database is bezet; probeer het opnieuw", headers={"Retry-After": "1"})

    app.add_exception_handler(RequestValidationError, _validatie)
    app.add_exception_handler(StarletteHTTPException, http)
    app.add_exception_handler(NietGeauthenticeerd, eenvoudig(401, {"WWW-Authenticate": "Bearer"}))
    app.add_exception_handler(GeenToegang, eenvoudig(403))
    app.add_exception_handler(NietGevonden, eenvoudig(404))
    app.add_exception_handler(Conflict, eenvoudig(409))
    app.add_exception_handler(OngeldigeInvoer, eenvoudig(400))
    app.add_exception_handler(OngeldigBSN, eenvoudig(400))
    app.add_exception_handler(TeVeelVerzoeken, te_veel)
    app.add_exception_handler(OperationalError, bezet)
