"""The register's HTTP API (FastAPI), following the NL API Design Rules. Build it with :func:`maak_app`."""

from banenafspraak.api.app import maak_app
from banenafspraak.api.instellingen import Instellingen

__all__ = ["Instellingen", "maak_app"]
