"""A bounded schemathesis run over the published OpenAPI document: whatever it sends, never a 500.

Runs as UWV (the role that reaches the most code) on SQLite and PostgreSQL, a fixed number of examples
per operation, derandomised so a failure reproduces.
"""

from __future__ import annotations

import itertools

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis niet geïnstalleerd (pip install -e .[test])")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

VOORBEELDEN = 20


@pytest.mark.slow
def test_no_input_makes_the_server_fail(wereld):  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/v1/openapi.json", wereld.client.app)
    kop = wereld.rol("uwv")
    fouten: list[str] = []
    statussen: dict[int, int] = {}
    operaties = [r.ok() for r in schema.get_all_operations()]
    for operatie, modus in itertools.product(operaties, (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)):

        @given(case=operatie.as_strategy(generation_mode=modus))
        @settings(
            max_examples=VOORBEELDEN,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def verstuur(case) -> None:  # type: ignore[no-untyped-def]
            resp = case.call(headers=kop)
            statussen[resp.status_code] = statussen.get(resp.status_code, 0) + 1
            if resp.status_code >= 500 or resp.status_code == 422:
                fouten.append(f"{case.method} {case.formatted_path}: {resp.status_code} {resp.text[:200]}")
            elif resp.status_code >= 400:
                assert "application/problem+json" in str(resp.headers.get("content-type")), resp.headers

        try:
            verstuur()
        except Unsatisfiable:
            # an operation without any input (e.g. GET /v1/auth/oidc/login) has no invalid variant
            assert modus == GenerationMode.NEGATIVE
    assert len(operaties) >= 18
    assert fouten == []
    assert sum(n for code, n in statussen.items() if code < 300) > 50, statussen  # it did get past the checks
