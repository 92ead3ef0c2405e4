"""The FastAPI application: middleware (trace id, audit log, security headers, API-Version) and wiring."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from sqlalchemy import Engine

from banenafspraak.api import oidc, routes
from banenafspraak.api.auth import Tokens
from banenafspraak.api.instellingen import API_VERSIE, Instellingen
from banenafspraak.api.limiet import Limiet
from banenafspraak.api.problemen import probleem, registreer_handlers, route_sjabloon
from banenafspraak.register.config import master_secret
from banenafspraak.register.db import open_register
from banenafspraak.register.extract import schrijf_audit

log = logging.getLogger("banenafspraak.api")

BEVEILIGINGSHEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
    "Cross-Origin-Resource-Policy": "same-origin",
}
TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")


def _audit(engine: Engine, request: Request, status: int) -> None:
    gebruiker = getattr(request.state, "gebruiker", None)
    pad = route_sjabloon(request) or "(onbekend pad)"
    with engine.begin() as conn:
        schrijf_audit(
            conn,
            request.state.trace_id,
            gebruiker.account if gebruiker else "-",
            gebruiker.rol if gebruiker else "-",
            gebruiker.organisatie if gebruiker else None,
            f"{request.method} {pad}",
            status,
        )


PROBLEEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "traceId": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
FOUTEN = {
    "400": "Ongeldige invoer",
    "401": "Niet geauthenticeerd",
    "403": "Geen toegang",
    "404": "Niet gevonden",
    "409": "Conflict (gewijzigd door een ander, of bestaat al)",
    "429": "Te veel opvragingen",
    "503": "Tijdelijk niet beschikbaar",
}


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document with problem+json errors (400, never 422) on every operation."""
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        servers=app.servers,
    )
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Probleem"] = PROBLEEM_SCHEMA
    fout = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for ops in doc["paths"].values():
        for op in ops.values():
            antwoorden = op.setdefault("responses", {})
            antwoorden.pop("422", None)
            for code, tekst in FOUTEN.items():
                antwoorden.setdefault(code, {"description": tekst})["content"] = fout
    app.openapi_schema = doc
    return doc


def maak_app(instellingen: Instellingen | None = None, engine: Engine | None = None) -> FastAPI:
    """The API on the register of ``instellingen.database_url`` (migrated on start if needed)."""
    inst = instellingen or Instellingen.uit_omgeving()
    eigen_engine = engine is None

    @asynccontextmanager
    async def levensduur(app: FastAPI) -> Any:
        yield
        if eigen_engine:
            app.state.engine.dispose()

    app = FastAPI(
        title="Doelgroepregister banenafspraak",
        version=API_VERSIE,
        description=(
            "Het doelgroepregister van de banenafspraak (art. 38b–38d Wfsv). Geen BSN in URL's: "
            "opvragen op BSN gaat via POST. Fouten als application/problem+json."
        ),
        openapi_url="/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=levensduur,
        servers=[{"url": "/"}],
    )
    app.state.instellingen = inst
    app.state.engine = engine or open_register(inst.database_url, pool_size=20, max_overflow=30)
    master = master_secret(inst.secret)
    app.state.tokens = Tokens(
        master,
        minuten=inst.token_minuten,
        oidc_issuer=inst.oidc_issuer,
        oidc_audience=inst.oidc_audience,
        oidc_jwks=inst.oidc_jwks,
        rol_claim=inst.oidc_rol_claim,
        organisatie_claim=inst.oidc_organisatie_claim,
    )
    app.state.limiet = Limiet(inst.limiet_opvragingen, inst.limiet_venster)
    registreer_handlers(app)
    app.include_router(routes.router, prefix="/v1")
    app.include_router(oidc.router, prefix="/v1")
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]

    @app.middleware("http")
    async def omhulsel(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        gevonden = TRACEPARENT.fullmatch(request.headers.get("traceparent", ""))
        request.state.trace_id = gevonden.group(1) if gevonden else uuid.uuid4().hex
        try:
            response = await call_next(request)
        except Exception:  # the last line of defence: no stack trace or input leaves the server
            log.exception("onverwachte fout (trace %s)", request.state.trace_id)
            response = probleem(request, 500, "onverwachte fout; meld het trace-id aan de beheerder")
        geaudit = getattr(request.state, "geaudit", False)
        if request.url.path.startswith("/v1/") and request.url.path != "/v1/openapi.json" and not geaudit:
            try:
                await run_in_threadpool(_audit, app.state.engine, request, response.status_code)
            except Exception:  # the action itself is done; say so loudly rather than hide it from the client
                log.exception("auditlog niet geschreven (trace %s)", request.state.trace_id)
        response.headers.update(BEVEILIGINGSHEADERS)
        response.headers["API-Version"] = API_VERSIE
        response.headers["traceparent"] = f"00-{request.state.trace_id}-{uuid.uuid4().hex[:16]}-01"
        return response

    return app
