"""Who is calling: our own signed tokens (development login, machine clients) and OIDC bearer tokens.

Roles: ``uwv``, ``gemeente`` (organisatie = GMxxxx), ``werkgever`` (organisatie = loonheffingennummer),
``werkzoekende`` (bound to their own pseudonym; the BSN is pseudonymised at login and forgotten) and
``onderzoeker``. The role in the token is the only source of authority; every endpoint checks it.
"""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any, Literal, cast

import httpx
from authlib.oidc.discovery import get_well_known_url
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OctKey

from banenafspraak.reference import gemeenten
from banenafspraak.register.config import derived_key
from banenafspraak.register.pseudoniem import Pseudonimiseerder

Rol = Literal["uwv", "gemeente", "werkgever", "werkzoekende", "onderzoeker"]
ROLLEN: tuple[Rol, ...] = ("uwv", "gemeente", "werkgever", "werkzoekende", "onderzoeker")
ISSUER = "banenafspraak"
LOONHEFFINGENNUMMER = re.compile(r"\d{9}L\d{2}")


class NietGeauthenticeerd(Exception):
    """No valid token (401)."""


class GeenToegang(Exception):
    """Valid token, but this role or organisation may not do this (403)."""


@dataclass(frozen=True)
class Gebruiker:
    account: str
    rol: Rol
    organisatie: str | None = None
    persoon: str | None = None
    """For ``werkzoekende``: their own pseudonym."""


def controleer_organisatie(rol: str, organisatie: str | None, heeft_persoon: bool) -> None:
    """Raise ValueError if the organisation does not fit the role."""
    if rol not in ROLLEN:
        raise ValueError(f"onbekende rol {rol!r}; geldig: {', '.join(ROLLEN)}")
    if rol == "gemeente" and organisatie not in gemeenten():
        raise ValueError("een gemeente-account heeft een geldige gemeentecode (GMxxxx) als organisatie")
    if rol == "werkgever" and (organisatie is None or not LOONHEFFINGENNUMMER.fullmatch(organisatie)):
        raise ValueError("een werkgever-account heeft een loonheffingennummer (123456789L01) als organisatie")
    if rol == "werkzoekende" and not heeft_persoon:
        raise ValueError("een werkzoekende logt in met een BSN")


class Tokens:
    """Issues and checks the API's own tokens, and checks tokens of a configured OIDC issuer."""

    def __init__(
        self,
        master: bytes,
        *,
        minuten: int = 60,
        oidc_issuer: str | None = None,
        oidc_audience: str | None = None,
        oidc_jwks: dict[str, Any] | None = None,
        rol_claim: str = "banenafspraak_rol",
        organisatie_claim: str = "banenafspraak_organisatie",
    ) -> None:
        self._sleutel = OctKey.import_key(derived_key(master, "token"))
        self._pseudo = Pseudonimiseerder(master)
        self.minuten = minuten
        self.oidc_issuer = oidc_issuer
        self.oidc_audience = oidc_audience
        self._jwks = KeySet.import_key_set(oidc_jwks) if oidc_jwks else None  # type: ignore[arg-type]
        self.rol_claim = rol_claim
        self.organisatie_claim = organisatie_claim

    def pseudoniem(self, bsn: str) -> str:
        return self._pseudo(bsn)

    def maak(
        self,
        account: str,
        rol: str,
        organisatie: str | None = None,
        *,
        bsn: str | None = None,
        minuten: int | None = None,
    ) -> str:
        """A signed token (HS256). For a werkzoekende the BSN becomes their pseudonym in the token."""
        persoon = self._pseudo(bsn) if bsn else None
        controleer_organisatie(rol, organisatie, persoon is not None)
        return self.maak_voor(Gebruiker(account, cast(Rol, rol), organisatie, persoon), minuten=minuten)

    def maak_voor(self, g: Gebruiker, *, minuten: int | None = None) -> str:
        """A signed token for an already established user (e.g. after an OIDC login)."""
        nu = int(time.time())
        claims = {
            "iss": ISSUER,
            "sub": g.account,
            "rol": g.rol,
            "org": g.organisatie,
            "persoon": g.persoon,
            "iat": nu,
            "exp": nu + 60 * (minuten or self.minuten),
            "jti": uuid.uuid4().hex,
        }
        return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, self._sleutel)

    def onderteken(self, gegevens: dict[str, Any], seconden: int) -> str:
        """Short-lived signed data (the OIDC login state cookie)."""
        return jwt.encode({"alg": "HS256"}, gegevens | {"exp": int(time.time()) + seconden}, self._sleutel)

    def lees_ondertekend(self, waarde: str) -> dict[str, Any]:
        try:
            ontvangen = jwt.decode(waarde, self._sleutel, algorithms=["HS256"])
            jwt.JWTClaimsRegistry(exp={"essential": True}).validate(ontvangen.claims)
        except (JoseError, ValueError) as e:
            raise NietGeauthenticeerd(f"loginstatus ongeldig of verlopen ({type(e).__name__})") from None
        return dict(ontvangen.claims)

    def controleer_id_token(self, token: str, *, client_id: str, nonce: str) -> Gebruiker:
        """Check an ID token from the code flow (issuer, audience = our client, nonce) and map it to a user."""
        try:
            return self._oidc(token, audience=client_id, nonce=nonce)
        except (JoseError, ValueError, KeyError) as e:
            raise NietGeauthenticeerd(f"ID-token ongeldig ({type(e).__name__})") from None

    def controleer(self, token: str) -> Gebruiker:
        try:
            header = _header(token)
            if header.get("alg") == "HS256":
                return self._eigen(token)
            if self.oidc_issuer:
                return self._oidc(token)
        except (JoseError, ValueError, KeyError) as e:
            raise NietGeauthenticeerd(f"token ongeldig ({type(e).__name__})") from None
        raise NietGeauthenticeerd("token ongeldig (onbekend algoritme)")

    def _eigen(self, token: str) -> Gebruiker:
        ontvangen = jwt.decode(token, self._sleutel, algorithms=["HS256"])
        jwt.JWTClaimsRegistry(iss={"essential": True, "value": ISSUER}, exp={"essential": True}).validate(
            ontvangen.claims
        )
        c = ontvangen.claims
        return Gebruiker(account=str(c["sub"]), rol=c["rol"], organisatie=c.get("org"), persoon=c.get("persoon"))

    def _sleutels(self) -> KeySet:
        if self._jwks is None:
            assert self.oidc_issuer
            meta = httpx.get(get_well_known_url(self.oidc_issuer, external=True), timeout=5).json()
            self._jwks = KeySet.import_key_set(httpx.get(meta["jwks_uri"], timeout=5).json())
        return self._jwks

    def _oidc(self, token: str, *, audience: str | None = None, nonce: str | None = None) -> Gebruiker:
        ontvangen = jwt.decode(token, self._sleutels(), algorithms=["RS256", "ES256", "PS256"])
        eisen: dict[str, Any] = {
            "iss": {"essential": True, "value": self.oidc_issuer},
            "exp": {"essential": True},
        }
        if audience or self.oidc_audience:
            eisen["aud"] = {"essential": True, "value": audience or self.oidc_audience}
        if nonce is not None:
            eisen["nonce"] = {"essential": True, "value": nonce}
        jwt.JWTClaimsRegistry(**eisen).validate(ontvangen.claims)
        c = ontvangen.claims
        rol = c.get(self.rol_claim)
        organisatie = c.get(self.organisatie_claim)
        persoon = self._pseudo(str(c["bsn"])) if rol == "werkzoekende" and c.get("bsn") else None
        controleer_organisatie(str(rol), organisatie, persoon is not None)
        return Gebruiker(account=f"oidc:{c['sub']}", rol=cast(Rol, rol), organisatie=organisatie, persoon=persoon)


def _header(token: str) -> dict[str, Any]:
    """The unverified JOSE header, only to choose the verification path."""
    deel = token.split(".")[0]
    return dict(json.loads(base64.urlsafe_b64decode(deel + "=" * (-len(deel) % 4))))
