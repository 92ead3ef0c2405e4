"""Settings of the API, from arguments or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

API_VERSIE = "1.0.0"


@dataclass
class Instellingen:
    database_url: str | None = None
    """None: ``$BANENAFSPRAAK_DATABASE_URL`` or the SQLite default."""
    secret: bytes | None = None
    """Master secret (pseudonyms, token signing); None: from the environment or the local key file."""
    dev_login: bool = False
    """Allow ``POST /v1/auth/dev-login`` (local development only; never in production)."""
    token_minuten: int = 60
    limiet_opvragingen: int = 120
    """Look-ups (BSN checks, listings) per account per ``limiet_venster`` seconds."""
    limiet_venster: float = 60.0
    oidc_issuer: str | None = None
    """Accept bearer tokens from this OpenID Connect issuer (its JWKS is fetched via discovery)."""
    oidc_audience: str | None = None
    oidc_jwks: dict | None = None  # type: ignore[type-arg]
    """A JWKS given directly (tests, air-gapped set-ups); otherwise discovered from the issuer."""
    oidc_rol_claim: str = "banenafspraak_rol"
    oidc_organisatie_claim: str = "banenafspraak_organisatie"
    oidc_client_id: str | None = None
    """With client id and redirect URI the API offers the browser login (authorization code + PKCE)."""
    oidc_client_secret: str | None = None
    oidc_redirect_uri: str | None = None
    oidc_metadata: dict[str, Any] | None = None
    """The provider's discovery document given directly; otherwise fetched from the issuer."""
    oidc_transport: Any = None
    """An httpx transport for the calls to the provider (tests); None: the network."""

    @classmethod
    def uit_omgeving(cls, **over: object) -> Instellingen:
        """Settings from ``BANENAFSPRAAK_*`` environment variables, overridden by keyword arguments."""
        env = os.environ
        waarden: dict[str, object] = {
            "dev_login": env.get("BANENAFSPRAAK_DEV_LOGIN", "") in ("1", "true", "ja"),
            "oidc_issuer": env.get("BANENAFSPRAAK_OIDC_ISSUER") or None,
            "oidc_audience": env.get("BANENAFSPRAAK_OIDC_AUDIENCE") or None,
            "oidc_client_id": env.get("BANENAFSPRAAK_OIDC_CLIENT_ID") or None,
            "oidc_client_secret": env.get("BANENAFSPRAAK_OIDC_CLIENT_SECRET") or None,
            "oidc_redirect_uri": env.get("BANENAFSPRAAK_OIDC_REDIRECT_URI") or None,
        }
        if env.get("BANENAFSPRAAK_LIMIET_OPVRAGINGEN"):
            waarden["limiet_opvragingen"] = int(env["BANENAFSPRAAK_LIMIET_OPVRAGINGEN"])
        waarden.update({k: v for k, v in over.items() if v is not None})
        return cls(**waarden)  # type: ignore[arg-type]
