"""``banenafspraak serve``: the register API on this machine."""

from __future__ import annotations

import typer

from banenafspraak.register.config import ENV_DATABASE_URL


def serve(
    host: str = typer.Option("127.0.0.1", help="adres; standaard alleen deze machine"),
    port: int = typer.Option(8000),
    database: str | None = typer.Option(None, "--database-url", envvar=ENV_DATABASE_URL),
    dev_login: bool = typer.Option(
        False, "--dev-login", help="sta POST /v1/auth/dev-login toe (alleen voor lokale ontwikkeling)"
    ),
    limiet: int = typer.Option(120, help="opvragingen per account per minuut"),
) -> None:
    """Start de API van het doelgroepregister (OpenAPI op /v1/openapi.json)."""
    import uvicorn

    from banenafspraak.api import Instellingen, maak_app

    inst = Instellingen.uit_omgeving(database_url=database, dev_login=dev_login or None, limiet_opvragingen=limiet)
    # No access log: the audit table records every request, and a URL a client got wrong must not end up
    # in a log file.
    uvicorn.run(maak_app(inst), host=host, port=port, log_level="info", server_header=False, access_log=False)
