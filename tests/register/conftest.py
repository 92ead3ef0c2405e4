"""Fixtures for the register suite: every database test runs on SQLite and on PostgreSQL.

PostgreSQL comes from ``$BANENAFSPRAAK_TEST_POSTGRES_URL`` (e.g.
``postgresql+psycopg://postgres@127.0.0.1:5432/test``). Each test gets its own schema, dropped afterwards,
so reruns and parallel runs do not collide. Without the variable, or when the server does not answer,
the PostgreSQL variants are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from register_wereld import SECRET, Wereld, bouw_wereld
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from banenafspraak.register.db import open_register

PG_ENV = "BANENAFSPRAAK_TEST_POSTGRES_URL"

_pg_status: dict[str, str | None] = {}


def _pg_reden() -> str | None:
    """None if PostgreSQL is usable, else why not."""
    if "reden" not in _pg_status:
        url = os.environ.get(PG_ENV)
        if not url:
            _pg_status["reden"] = f"{PG_ENV} is niet gezet (zie docs/register.md)"
        else:
            try:
                e = create_engine(url, connect_args={"connect_timeout": 3})
                with e.connect() as c:
                    c.execute(text("select 1"))
                e.dispose()
                _pg_status["reden"] = None
            except Exception as ex:  # any failure means: skip, with the reason
                _pg_status["reden"] = f"PostgreSQL uit {PG_ENV} niet bereikbaar: {type(ex).__name__}"
    return _pg_status["reden"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of an empty, migrated register, on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'register.sqlite'}"
        open_register(url).dispose()
        yield url
        return
    reden = _pg_reden()
    if reden:
        pytest.skip(reden)
    basis = os.environ[PG_ENV]
    schema = f"t_{uuid.uuid4().hex[:16]}"
    beheer = create_engine(basis)
    with beheer.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    scheiding = "&" if make_url(basis).query else "?"
    url = f"{basis}{scheiding}options={quote(f'-csearch_path={schema}')}"
    open_register(url).dispose()
    try:
        yield url
    finally:
        with beheer.begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        beheer.dispose()


@pytest.fixture
def engine(database_url: str):  # type: ignore[no-untyped-def]
    e = open_register(database_url)
    yield e
    e.dispose()


@pytest.fixture(autouse=True)
def _register_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never create a key file in the working tree during tests."""
    monkeypatch.setenv("BANENAFSPRAAK_REGISTER_SECRET", SECRET.decode())


@pytest.fixture
def wereld(database_url: str) -> Iterator[Wereld]:
    w = bouw_wereld(database_url, limiet_opvragingen=10_000)
    with w.client:
        yield w
