"""Browser login through the OpenID Connect provider: authorization code flow with PKCE (authlib).

``GET /v1/auth/oidc/login`` sends the browser to the provider; the provider sends it back to
``GET /v1/auth/oidc/callback``, which exchanges the code, checks the ID token (issuer, audience, nonce,
signature) and answers with the API's own token for that user. State, nonce and PKCE verifier travel in a
short-lived signed HttpOnly cookie, so the API keeps no session store.
"""

from __future__ import annotations

import hmac
import secrets
import warnings
from typing import Annotated, Any

import httpx
from authlib.integrations.base_client.errors import OAuthError
from authlib.oidc.discovery import get_well_known_url
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse

from banenafspraak.api import schemas as s
from banenafspraak.api.auth import NietGeauthenticeerd, Tokens
from banenafspraak.api.instellingen import Instellingen
from banenafspraak.register.diensten import NietGevonden

with warnings.catch_warnings():
    # authlib 1.9 announces its move from httpx to httpx2 on import; the client works with httpx as installed
    warnings.simplefilter("ignore")
    from authlib.integrations.httpx_client import AsyncOAuth2Client

router = APIRouter(prefix="/auth/oidc", tags=["authenticatie"])
COOKIE = "banenafspraak_oidc"
COOKIE_PAD = "/v1/auth/oidc"
GELDIG = 600


def _instellingen(request: Request) -> Instellingen:
    inst: Instellingen = request.app.state.instellingen
    if not (inst.oidc_issuer and inst.oidc_client_id and inst.oidc_redirect_uri):
        raise NietGevonden("inloggen via OIDC is op deze server niet ingesteld")
    return inst


async def _metadata(inst: Instellingen) -> dict[str, Any]:
    if inst.oidc_metadata is None:
        assert inst.oidc_issuer
        async with httpx.AsyncClient(transport=inst.oidc_transport, timeout=5) as client:
            antwoord = await client.get(get_well_known_url(inst.oidc_issuer, external=True))
            antwoord.raise_for_status()
            inst.oidc_metadata = dict(antwoord.json())
    return inst.oidc_metadata


def _client(inst: Instellingen) -> AsyncOAuth2Client:
    return AsyncOAuth2Client(
        client_id=inst.oidc_client_id,
        client_secret=inst.oidc_client_secret,
        redirect_uri=inst.oidc_redirect_uri,
        scope="openid",
        code_challenge_method="S256",
        transport=inst.oidc_transport,
        timeout=10,
    )


@router.get("/login", status_code=302, response_class=RedirectResponse)
async def login(request: Request) -> RedirectResponse:
    """Send the browser to the provider's login page."""
    inst = _instellingen(request)
    meta = await _metadata(inst)
    staat = {
        "state": secrets.token_urlsafe(24),
        "nonce": secrets.token_urlsafe(24),
        "verifier": secrets.token_urlsafe(48),
    }
    async with _client(inst) as client:
        url, _ = client.create_authorization_url(
            meta["authorization_endpoint"], state=staat["state"], code_verifier=staat["verifier"], nonce=staat["nonce"]
        )
    tokens: Tokens = request.app.state.tokens
    antwoord = RedirectResponse(url, status_code=302)
    antwoord.set_cookie(
        COOKIE,
        tokens.onderteken(staat, GELDIG),
        max_age=GELDIG,
        path=COOKIE_PAD,
        httponly=True,
        secure=request.url.scheme == "https",
        samesite="lax",
    )
    return antwoord


@router.get("/callback", response_model=s.Token)
async def callback(
    request: Request,
    code: Annotated[str, Query(min_length=1, max_length=2048, pattern=r"^[\x21-\x7e]+$")],
    state: Annotated[str, Query(min_length=1, max_length=256, pattern=r"^[\x21-\x7e]+$")],
) -> JSONResponse:
    """Finish the login: exchange the code, check the ID token, answer with an API token."""
    inst = _instellingen(request)
    tokens: Tokens = request.app.state.tokens
    bewaard = request.cookies.get(COOKIE)
    if not bewaard:
        raise NietGeauthenticeerd("geen lopende login (cookie ontbreekt of is verlopen)")
    staat = tokens.lees_ondertekend(bewaard)
    if not hmac.compare_digest(str(staat.get("state", "")), state):
        raise NietGeauthenticeerd("state klopt niet bij deze login")
    meta = await _metadata(inst)
    try:
        async with _client(inst) as client:
            antwoord = await client.fetch_token(meta["token_endpoint"], code=code, code_verifier=staat["verifier"])
    except (OAuthError, httpx.HTTPError) as e:
        raise NietGeauthenticeerd(f"inloggen bij de OIDC-provider mislukt ({type(e).__name__})") from None
    if "id_token" not in antwoord:
        raise NietGeauthenticeerd("de OIDC-provider gaf geen ID-token")
    assert inst.oidc_client_id
    g = tokens.controleer_id_token(antwoord["id_token"], client_id=inst.oidc_client_id, nonce=staat["nonce"])
    request.state.gebruiker = g
    uit = JSONResponse(s.Token(access_token=tokens.maak_voor(g), expires_in=tokens.minuten * 60).model_dump())
    uit.delete_cookie(COOKIE, path=COOKIE_PAD)
    return uit
