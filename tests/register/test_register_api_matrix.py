"""Who may see what: every role × every endpoint × own/other data, against the server.

For each call the test also checks the logs: an allowed call on personal data leaves a Logboek entry
for that person under the call's trace id; a refused call processes nothing (no Logboek entry) but is
in the audit log with its status.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from register_wereld import registreer_direct
from sqlalchemy import select

from banenafspraak.register import diensten
from banenafspraak.register.models import Audit, Logboek

ROLLEN = ("uwv", "gemeente", "werkgever", "werkzoekende", "onderzoeker")

# endpoint → role → "alle" (own and other) or "eigen" (own only); missing role: refused.
RECHTEN: dict[str, dict[str, str]] = {
    "registreren": {"uwv": "alle"},
    "beeindigen": {"uwv": "alle"},
    "geschiedenis": {"uwv": "alle"},
    "dienstverband": {"uwv": "alle"},
    "zoeken": {"uwv": "alle", "gemeente": "eigen"},
    "dossier": {"uwv": "alle", "gemeente": "eigen", "werkzoekende": "eigen"},
    "profiel_lezen": {"uwv": "alle", "gemeente": "eigen", "werkzoekende": "eigen"},
    "profiel_bewaren": {"uwv": "alle", "gemeente": "eigen", "werkzoekende": "eigen"},
    "toestemmingen_lezen": {"uwv": "alle", "gemeente": "eigen", "werkzoekende": "eigen"},
    "toestemming_geven": {"werkzoekende": "eigen"},
    "verwijderverzoek": {"werkzoekende": "eigen"},
    "logboek": {"uwv": "alle", "werkzoekende": "eigen"},
    "werkgeverscheck": {"uwv": "alle", "werkgever": "alle"},
    "werknemers": {"uwv": "alle", "werkgever": "eigen"},
    "inwoners": {"uwv": "alle", "gemeente": "eigen"},
    "levering": {"uwv": "alle", "gemeente": "eigen"},
    "statistieken": {"uwv": "alle", "onderzoeker": "alle"},
}
GEEN_PERSOONSGEGEVENS = {"statistieken"}

_teller = itertools.count(1)


def verzoeken(w) -> dict[str, Callable]:  # type: ignore[no-untyped-def]
    """endpoint → call(headers, k) where k is "A" (own side) or "B" (other side)."""
    c = w.client

    def nieuwe_registratie(k: str) -> int:
        dag = dt.date(2000, 1, 1) + dt.timedelta(days=next(_teller))
        return registreer_direct(w.engine, w.pseudo[k], w.gemeente[k], grondslag="38b_1_e", begindatum=dag)

    def profielversie(k: str) -> int:
        with w.engine.begin() as conn:
            return int(diensten.profiel(conn, diensten.Handelende("opzet", "opzet"), w.pseudo[k])["versie"])

    p = w.pseudo
    return {
        "registreren": lambda h, k: c.post(
            "/v1/registraties",
            headers=h,
            json={
                "bsn": w.bsn[k],
                "grondslag": "38b_1_d",
                "begindatum": str(dt.date(1990, 1, 1) + dt.timedelta(days=next(_teller))),
                "gemeentecode": w.gemeente[k],
                "bron": "test",
                "reden": "matrix",
            },
        ),
        "beeindigen": lambda h, k: c.post(
            f"/v1/registraties/{nieuwe_registratie(k)}/beeindiging",
            headers=h,
            json={"einddatum": "2026-12-31", "versie": 1, "reden": "matrix"},
        ),
        "geschiedenis": lambda h, k: c.get(f"/v1/registraties/{w.registratie[k]}/geschiedenis", headers=h),
        "dienstverband": lambda h, k: c.post(
            "/v1/dienstverbanden",
            headers=h,
            json={"bsn": w.bsn[k], "loonheffingennummer": w.lhn[k], "begindatum": "2025-01-01"},
        ),
        "zoeken": lambda h, k: c.post("/v1/personen/zoeken", headers=h, json={"bsn": w.bsn[k]}),
        "dossier": lambda h, k: c.get(f"/v1/personen/{p[k]}", headers=h),
        "profiel_lezen": lambda h, k: c.get(f"/v1/personen/{p[k]}/profiel", headers=h),
        "profiel_bewaren": lambda h, k: c.put(
            f"/v1/personen/{p[k]}/profiel",
            headers=h,
            json={"versie": profielversie(k), "reden": "matrix", "gegevens": {"uren_per_week": 20}},
        ),
        "toestemmingen_lezen": lambda h, k: c.get(f"/v1/personen/{p[k]}/toestemmingen", headers=h),
        "toestemming_geven": lambda h, k: c.post(
            f"/v1/personen/{p[k]}/toestemmingen",
            headers=h,
            json={"doel": "tonen_aan_werkgevers", "gegeven": True, "geldig_van": "2026-01-01"},
        ),
        "verwijderverzoek": lambda h, k: c.post(
            f"/v1/personen/{p[k]}/verwijderverzoek", headers=h, json={"toelichting": "graag eruit"}
        ),
        "logboek": lambda h, k: c.get(f"/v1/personen/{p[k]}/logboek", headers=h),
        "werkgeverscheck": lambda h, k: c.post("/v1/werkgeverscheck", headers=h, json={"bsn": w.bsn[k]}),
        "werknemers": lambda h, k: c.get(f"/v1/werkgevers/{w.lhn[k]}/werknemers", headers=h),
        "inwoners": lambda h, k: c.get(f"/v1/gemeenten/{w.gemeente[k]}/inwoners", headers=h),
        "levering": lambda h, k: c.get(f"/v1/gemeenten/{w.gemeente[k]}/levering?jaar=2025", headers=h),
        "statistieken": lambda h, k: c.get("/v1/statistieken/registraties", headers=h),
    }


def verwacht(endpoint: str, rol: str, kant: str) -> int:
    recht = RECHTEN[endpoint].get(rol)
    if recht == "alle" or (recht == "eigen" and kant == "A"):
        return {"registreren": 201, "dienstverband": 204, "toestemming_geven": 201, "verwijderverzoek": 201}.get(
            endpoint, 200
        )
    if endpoint == "zoeken" and rol == "gemeente":
        return 404  # a gemeente cannot even learn that a BSN outside its residents is registered
    return 403


def trace(resp) -> str:  # type: ignore[no-untyped-def]
    return resp.headers["traceparent"].split("-")[1]


def test_every_role_on_every_endpoint_for_own_and_other_data(wereld):
    w = wereld
    calls = verzoeken(w)
    assert set(calls) == set(RECHTEN)
    verschillen = []
    for endpoint, rol, kant in itertools.product(RECHTEN, ROLLEN, "AB"):
        resp = calls[endpoint](w.rol(rol), kant)
        status = verwacht(endpoint, rol, kant)
        if resp.status_code != status:
            verschillen.append(f"{endpoint} {rol} {kant}: {resp.status_code} (verwacht {status}) {resp.text[:120]}")
            continue
        if status >= 400:
            assert resp.headers["content-type"] == "application/problem+json"
        with w.engine.connect() as conn:
            log = conn.execute(select(Logboek.betrokkene).where(Logboek.trace_id == trace(resp))).scalars().all()
            audit = conn.execute(
                select(Audit.account, Audit.resultaat, Audit.handeling).where(Audit.trace_id == trace(resp))
            ).all()
        assert [tuple(a)[:2] for a in audit] == [(f"test-{rol}", status)], (endpoint, rol, kant)
        # the audit names the route template, never the concrete person
        assert audit[0].handeling.split(" ")[1].startswith("/v1/") and w.pseudo[kant] not in audit[0].handeling
        if status < 300 and endpoint not in GEEN_PERSOONSGEGEVENS:
            assert w.pseudo[kant] in log, f"{endpoint} {rol} {kant}: geen Logboek-regel voor de betrokkene"
        if status >= 400 or endpoint in GEEN_PERSOONSGEGEVENS:
            assert log == [], f"{endpoint} {rol} {kant}: Logboek-regel zonder verwerking"
    assert verschillen == []


def test_every_endpoint_refuses_a_call_without_a_valid_token(wereld):
    calls = verzoeken(wereld)
    for kop in ({}, {"Authorization": "Bearer onzin"}, {"Authorization": "Basic dXNlcjpwdw=="}):
        for endpoint, call in calls.items():
            resp = call(kop, "A")
            assert resp.status_code == 401, (endpoint, kop, resp.text)
            assert resp.headers["content-type"] == "application/problem+json"
            assert resp.headers["www-authenticate"] == "Bearer"


def test_a_token_signed_with_another_key_is_refused(wereld):
    from banenafspraak.api.auth import Tokens

    vreemd = Tokens(b"een ander geheim").maak("indringer", "uwv")
    resp = wereld.client.get(f"/v1/personen/{wereld.pseudo['A']}", headers={"Authorization": f"Bearer {vreemd}"})
    assert resp.status_code == 401
