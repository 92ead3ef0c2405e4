"""Where the register lives and which secret it uses.

Everything comes from explicit arguments first, then the environment, then a default that needs no
set-up (a SQLite file and a key file in the working directory).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import warnings
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///banenafspraak-register.sqlite"
ENV_DATABASE_URL = "BANENAFSPRAAK_DATABASE_URL"
ENV_SECRET = "BANENAFSPRAAK_REGISTER_SECRET"
ENV_SECRET_FILE = "BANENAFSPRAAK_REGISTER_SECRET_FILE"
DEFAULT_SECRET_FILE = "banenafspraak-register.secret"


def database_url(explicit: str | None = None) -> str:
    """The database URL: the argument, else ``$BANENAFSPRAAK_DATABASE_URL``, else a SQLite file here."""
    return explicit or os.environ.get(ENV_DATABASE_URL) or DEFAULT_DATABASE_URL


def master_secret(explicit: str | bytes | None = None) -> bytes:
    """The register's master secret (never stored in the database).

    Order: argument, ``$BANENAFSPRAAK_REGISTER_SECRET``, the file named by
    ``$BANENAFSPRAAK_REGISTER_SECRET_FILE``, else ``./banenafspraak-register.secret``, which is created
    (mode 0600) on first use for the local development default. Losing the secret means the register
    can no longer find people by BSN, so production sets it explicitly.
    """
    if explicit:
        return explicit.encode() if isinstance(explicit, str) else explicit
    if os.environ.get(ENV_SECRET):
        return os.environ[ENV_SECRET].encode()
    pad = Path(os.environ.get(ENV_SECRET_FILE) or DEFAULT_SECRET_FILE)
    if not pad.exists():
        warnings.warn(
            f"geen registersleutel ingesteld; nieuwe sleutel in {pad} (zet {ENV_SECRET} in productie)",
            stacklevel=2,
        )
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return pad.read_text().strip().encode()


def derived_key(master: bytes, purpose: str) -> bytes:
    """A sub-key for one purpose (pseudonyms, tokens), so one leaked sub-key does not expose the other."""
    return hmac.new(master, f"banenafspraak/{purpose}".encode(), hashlib.sha256).digest()
