"""Behaviour of the API a user relies on: NL API Design Rules, locking, limits, logging, OIDC."""

from __future__ import annotations

import datetime as dt
import io
import logging
import threading
import time

import pandas as pd
from joserfc import jwt
from joserfc.jwk import RSAKey
from register_wereld import LHN_A, bouw_wereld, geldige_bsns, registreer_direct
from sqlalchemy import select

from banenafspraak.reference import gemeenten
from banenafspraak.register import diensten
from banenafspraak.register.models import Audit, Logboek

WZ_BSN_ONGELDIG = "111222334"  # fails the elfproef


def test_invalid_input_is_400_problem_json_and_never_echoes_the_bsn(wereld):
    h = wereld.rol("werkgever")
    for body in ({"bsn": WZ_BSN_ONGELDIG}, {"bsn": "12345678X"}, {"bsn": wereld.bsn["A"], "extra": 1}, {}):
        resp = wereld.client.post("/v1/werkgeverscheck", headers=h, json=body)
        assert resp.status_code == 400, resp.text
        assert resp.headers["content-type"] == "application/problem+json"
        probleem = resp.json()
        assert probleem["status"] == 400 and probleem["title"] and probleem["instance"] == "/v1/werkgeverscheck"
        assert body.get("bsn", "-") not in resp.text
    resp = wereld.client.post("/v1/werkgeverscheck", headers=h, content=b"{niet json")
    assert resp.status_code == 400


def test_no_bsn_in_urls_of_the_openapi_document(wereld):
    resp = wereld.client.get("/v1/openapi.json")
    assert resp.status_code == 200
    doc = resp.json()
    assert doc["info"]["version"] == "1.0.0"
    for pad, ops in doc["paths"].items():
        assert pad.startswith("/v1/")
        assert "bsn" not in pad.lower()
        for op in ops.values():
            for param in op.get("parameters", []):
                assert "bsn" not in param["name"].lower(), (pad, param)
            assert "422" not in op.get("responses", {}), f"{pad} documenteert nog 422"


def test_security_headers_api_version_and_utc_timestamps(wereld):
    for resp in (
        wereld.client.get(f"/v1/personen/{wereld.pseudo['A']}", headers=wereld.rol("uwv")),
        wereld.client.get("/v1/bestaat-niet"),
        wereld.client.get("/v1/openapi.json"),
    ):
        assert resp.headers["API-Version"] == "1.0.0"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["X-Frame-Options"] == "DENY"
        assert "max-age" in resp.headers["Strict-Transport-Security"]
        assert resp.headers["Cache-Control"] == "no-store"
    registratie = wereld.client.get(f"/v1/personen/{wereld.pseudo['A']}", headers=wereld.rol("uwv")).json()
    assert registratie["registraties"][0]["gewijzigd_op"].endswith("Z")


def test_the_bsn_appears_in_no_log_line_log_table_or_audit_row(wereld, caplog):
    caplog.set_level(logging.DEBUG)
    bsn = wereld.bsn["A"]
    wereld.client.post("/v1/werkgeverscheck", headers=wereld.rol("werkgever"), json={"bsn": bsn})
    wereld.client.post("/v1/personen/zoeken", headers=wereld.rol("uwv"), json={"bsn": bsn})
    wereld.client.post("/v1/werkgeverscheck", headers=wereld.rol("werkgever"), json={"bsn": WZ_BSN_ONGELDIG})
    assert bsn not in caplog.text and WZ_BSN_ONGELDIG not in caplog.text
    with wereld.engine.connect() as c:
        rijen = [str(tuple(r)) for t in (Logboek, Audit) for r in c.execute(select(t))]
    assert rijen and not [r for r in rijen if bsn in r or WZ_BSN_ONGELDIG in r]


def _profiel(w, kop, versie):  # type: ignore[no-untyped-def]
    return w.client.put(
        f"/v1/personen/{w.pseudo['A']}/profiel",
        headers=kop,
        json={"versie": versie, "reden": "intake", "gegevens": {"uren_per_week": 16}},
    )


def test_two_clerks_editing_the_same_profile_cannot_both_win(wereld):
    gemeente, uwv = wereld.rol("gemeente"), wereld.rol("uwv")
    assert _profiel(wereld, gemeente, 0).status_code == 200
    # both read version 1; the second write is refused with a clear 409
    assert _profiel(wereld, uwv, 1).status_code == 200
    laat = _profiel(wereld, gemeente, 1)
    assert laat.status_code == 409 and laat.headers["content-type"] == "application/problem+json"
    assert "u zag versie 1, de huidige is 2" in laat.json()["detail"]
    # truly at the same moment: exactly one wins
    start = threading.Barrier(4)
    uitkomsten: list[int] = []

    def klerk(kop: dict) -> None:
        start.wait()
        uitkomsten.append(_profiel(wereld, kop, 2).status_code)

    draden = [threading.Thread(target=klerk, args=(k,)) for k in (gemeente, uwv, gemeente, uwv)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert sorted(uitkomsten) == [200, 409, 409, 409]
    huidig = wereld.client.get(f"/v1/personen/{wereld.pseudo['A']}/profiel", headers=uwv).json()
    assert huidig["versie"] == 3


def test_ending_a_registration_from_a_stale_version_is_409_and_history_keeps_both(wereld):
    uwv = wereld.rol("uwv")
    rid = wereld.registratie["A"]
    eerste = wereld.client.post(
        f"/v1/registraties/{rid}/beeindiging",
        headers=uwv,
        json={"einddatum": "2026-12-31", "versie": 1, "reden": "besluit 1"},
    )
    assert eerste.status_code == 200 and eerste.json()["versie"] == 2
    tweede = wereld.client.post(
        f"/v1/registraties/{rid}/beeindiging",
        headers=uwv,
        json={"einddatum": "2026-06-30", "versie": 1, "reden": "besluit 2"},
    )
    assert tweede.status_code == 409
    hist = wereld.client.get(f"/v1/registraties/{rid}/geschiedenis", headers=uwv).json()
    assert [(v["versie"], v["einddatum"], v["reden"]) for v in hist] == [
        (1, None, "opzet"),
        (2, "2026-12-31", "besluit 1"),
    ]
    dubbel = wereld.client.post(
        "/v1/registraties",
        headers=uwv,
        json={
            "bsn": wereld.bsn["A"],
            "grondslag": "38b_1_a",
            "begindatum": "2024-01-01",
            "gemeentecode": "GM0363",
            "bron": "test",
            "reden": "dubbel",
        },
    )
    assert dubbel.status_code == 409


def test_lookups_are_rate_limited_per_account(database_url):
    w = bouw_wereld(database_url, limiet_opvragingen=3)
    with w.client:
        eerste = w.kop("werkgever", LHN_A, account="werkgever-1")
        tweede = w.kop("werkgever", LHN_A, account="werkgever-2")
        codes = [
            w.client.post("/v1/werkgeverscheck", headers=eerste, json={"bsn": w.bsn["A"]}).status_code for _ in range(4)
        ]
        assert codes == [200, 200, 200, 429]
        te_veel = w.client.post("/v1/werkgeverscheck", headers=eerste, json={"bsn": w.bsn["A"]})
        assert te_veel.headers["content-type"] == "application/problem+json"
        assert int(te_veel.headers["Retry-After"]) >= 1
        assert w.client.post("/v1/werkgeverscheck", headers=tweede, json={"bsn": w.bsn["A"]}).status_code == 200


def test_employer_check_gives_periods_of_this_and_last_calendar_year(wereld):
    uwv = wereld.rol("uwv")
    c = wereld.client
    bsn = geldige_bsns(1, start=200_000_000)[0]
    for begin, eind in (("2019-01-01", "2023-12-31"), ("2025-03-01", "2025-06-30"), ("2025-07-01", None)):
        r = c.post(
            "/v1/registraties",
            headers=uwv,
            json={
                "bsn": bsn,
                "grondslag": "38b_1_c",
                "begindatum": begin,
                "einddatum": eind,
                "gemeentecode": "GM0014",
                "bron": "test",
                "reden": "test",
            },
        )
        assert r.status_code == 201, r.text
    werkgever = wereld.rol("werkgever")
    antwoord = c.post("/v1/werkgeverscheck", headers=werkgever, json={"bsn": bsn, "peildatum": "2026-11-23"}).json()
    assert antwoord["geregistreerd"] is True
    assert antwoord["perioden"] == [{"van": "2025-03-01", "tot": None}]
    vorig = c.post("/v1/werkgeverscheck", headers=werkgever, json={"bsn": bsn, "peildatum": "2024-02-01"}).json()
    assert vorig["geregistreerd"] is False
    assert vorig["perioden"] == [{"van": "2023-01-01", "tot": "2023-12-31"}]
    onbekend = c.post("/v1/werkgeverscheck", headers=werkgever, json={"bsn": geldige_bsns(1, 300_000_000)[0]})
    assert onbekend.json()["geregistreerd"] is False and onbekend.json()["perioden"] == []


def test_employer_lists_only_its_registered_employees(wereld):
    with wereld.engine.begin() as conn:
        wie = diensten.Handelende("opzet", "opzet")
        diensten.beeindig(conn, wie, wereld.registratie["B"], einddatum=dt.date(2024, 6, 30), versie=1, reden="t")
        diensten.leg_dienstverband_vast(
            conn,
            wie,
            wereld.pseudo["B"],
            loonheffingennummer=LHN_A,
            begindatum=dt.date(2024, 1, 1),
            einddatum=None,
            personeelsnummer="B2",
        )
    lijst = wereld.client.get(f"/v1/werkgevers/{LHN_A}/werknemers", headers=wereld.rol("werkgever")).json()
    assert [(x["persoon_id"], x["personeelsnummer"]) for x in lijst] == [(wereld.pseudo["A"], "A")]
    vroeger = wereld.client.get(
        f"/v1/werkgevers/{LHN_A}/werknemers?peildatum=2024-03-01", headers=wereld.rol("werkgever")
    ).json()
    assert sorted(x["personeelsnummer"] for x in vroeger) == ["A", "B2"]


def test_researcher_gets_aggregates_with_small_cells_suppressed(wereld):
    for i in range(11):
        registreer_direct(wereld.engine, f"extra{i}", "GM0363")
    rijen = wereld.client.get(
        "/v1/statistieken/registraties?indeling=gemeente", headers=wereld.rol("onderzoeker")
    ).json()
    assert rijen == [
        {"groep": "GM0363", "aantal": 12, "onderdrukt": False},
        {"groep": "GM0599", "aantal": None, "onderdrukt": True},
    ]
    per_regio = wereld.client.get(
        "/v1/statistieken/registraties?indeling=arbeidsmarktregio", headers=wereld.rol("onderzoeker")
    ).json()
    regio = {c: g.arbeidsmarktregio_code for c, g in gemeenten().items()}
    assert regio["GM0363"] != regio["GM0599"]
    assert sorted((r["groep"], r["aantal"]) for r in per_regio) == sorted(
        [(regio["GM0363"], 12), (regio["GM0599"], None)]
    )


def test_gemeente_delivery_as_excel(wereld):
    resp = wereld.client.get("/v1/gemeenten/GM0363/levering?jaar=2025&formaat=xlsx", headers=wereld.rol("gemeente"))
    assert resp.status_code == 200
    df = pd.read_excel(io.BytesIO(resp.content), skiprows=2, dtype=str)
    assert df["persoon_id"].tolist() == [wereld.pseudo["A"]]
    assert df["artikel"].tolist() == ["art. 38b lid 1 onderdeel a Wfsv"]


def test_job_seeker_sees_what_was_done_with_their_data_but_not_by_whom(wereld):
    c = wereld.client
    c.post("/v1/werkgeverscheck", headers=wereld.rol("werkgever"), json={"bsn": wereld.bsn["A"]})
    c.get("/v1/gemeenten/GM0363/inwoners", headers=wereld.rol("gemeente"))
    eigen = c.get(f"/v1/personen/{wereld.pseudo['A']}/logboek", headers=wereld.rol("werkzoekende")).json()
    activiteiten = [r["verwerkingsactiviteit"] for r in eigen]
    assert activiteiten[:2] == ["gemeente_inwoners", "werkgeverscheck_38d_7"]
    assert all(set(r) == {"tijdstip", "verwerkingsactiviteit", "handeling", "trace_id"} for r in eigen)
    with wereld.engine.connect() as conn:
        wie = conn.execute(select(Audit.account).where(Audit.trace_id == eigen[1]["trace_id"])).scalars().all()
    assert wie == ["test-werkgever"]


def test_job_seeker_gives_and_withdraws_consent_and_asks_removal(wereld):
    c, h, pid = wereld.client, wereld.rol("werkzoekende"), wereld.pseudo["A"]
    assert c.get("/v1/mij", headers=h).json()["persoon_id"] == pid
    c.post(
        f"/v1/personen/{pid}/toestemmingen",
        headers=h,
        json={"doel": "tonen_aan_werkgevers", "gegeven": True, "geldig_van": "2026-01-01"},
    )
    time.sleep(0.01)
    laatste = c.post(
        f"/v1/personen/{pid}/toestemmingen",
        headers=h,
        json={"doel": "tonen_aan_werkgevers", "gegeven": False, "geldig_van": "2026-03-01"},
    ).json()
    assert [t["gegeven"] for t in laatste["geschiedenis"]] == [True, False]
    assert [t["gegeven"] for t in laatste["huidig"]] == [False]
    fout = c.post(
        f"/v1/personen/{pid}/toestemmingen",
        headers=h,
        json={"doel": "iets", "gegeven": True, "geldig_van": "2026-01-01"},
    )
    assert fout.status_code == 400
    assert c.post(f"/v1/personen/{pid}/verwijderverzoek", headers=h, json={"toelichting": "x"}).status_code == 201
    dossier = c.get(f"/v1/personen/{pid}", headers=h).json()
    assert len(dossier["verwijderverzoeken"]) == 1 and dossier["registraties"][0]["einddatum"] is None


def test_profile_accepts_esco_codes_and_refuses_unknown_ones(wereld):
    h, pid = wereld.rol("werkzoekende"), wereld.pseudo["A"]
    goed = wereld.client.put(
        f"/v1/personen/{pid}/profiel",
        headers=h,
        json={
            "versie": 0,
            "reden": "r",
            "gegevens": {
                "beroepen": ["2654.1.7"],
                "werkervaring": [{"beroep": "2654.1.7", "jaren": 2}],
                "dagen": ["ma"],
            },
        },
    )
    assert goed.status_code == 200, goed.text
    assert goed.json()["gegevens"]["beroepen"][0]["naam"] == "inspiciënt"
    fout = wereld.client.put(
        f"/v1/personen/{pid}/profiel", headers=h, json={"versie": 1, "reden": "r", "gegevens": {"beroepen": ["9999.9"]}}
    )
    assert fout.status_code == 400 and "9999.9" in fout.json()["detail"]


def test_dev_login_only_when_switched_on_and_checks_the_organisation(database_url):
    uit = bouw_wereld(database_url)
    uit.client.app.state.instellingen.dev_login = False  # type: ignore[attr-defined]
    assert uit.client.post("/v1/auth/dev-login", json={"account": "x", "rol": "uwv"}).status_code == 403
    uit.client.app.state.instellingen.dev_login = True  # type: ignore[attr-defined]
    assert uit.client.post("/v1/auth/dev-login", json={"account": "x", "rol": "uwv"}).status_code == 200
    for body in (
        {"account": "x", "rol": "werkzoekende"},
        {"account": "x", "rol": "gemeente", "organisatie": "GM9999"},
        {"account": "x", "rol": "werkgever", "organisatie": "123"},
        {"account": "x", "rol": "baas"},
    ):
        assert uit.client.post("/v1/auth/dev-login", json=body).status_code == 400, body


def test_oidc_bearer_tokens_from_the_configured_issuer(database_url):
    sleutel = RSAKey.generate_key(2048, parameters={"kid": "k1"}, private=True)
    jwks = {"keys": [sleutel.as_dict(private=False)]}
    w = bouw_wereld(database_url, oidc_issuer="https://idp.test", oidc_audience="banenafspraak", oidc_jwks=jwks)

    def token(**claims: object) -> dict:
        basis = {"iss": "https://idp.test", "aud": "banenafspraak", "sub": "s1", "exp": int(time.time()) + 60}
        return {"Authorization": "Bearer " + jwt.encode({"alg": "RS256", "kid": "k1"}, basis | claims, sleutel)}

    with w.client:
        mij = w.client.get("/v1/mij", headers=token(banenafspraak_rol="gemeente", banenafspraak_organisatie="GM0363"))
        assert mij.status_code == 200 and mij.json()["organisatie"] == "GM0363"
        zelf = w.client.get("/v1/mij", headers=token(banenafspraak_rol="werkzoekende", bsn=w.bsn["A"]))
        assert zelf.json()["persoon_id"] == w.pseudo["A"] and zelf.json()["geregistreerd"] is True
        assert w.client.get("/v1/mij", headers=token(banenafspraak_rol="uwv", aud="ander")).status_code == 401
        assert w.client.get("/v1/mij", headers=token(banenafspraak_rol="uwv", iss="https://x")).status_code == 401
        verlopen = token(banenafspraak_rol="uwv", exp=int(time.time()) - 10)
        assert w.client.get("/v1/mij", headers=verlopen).status_code == 401


def test_with_facts_the_target_group_rules_decide_whether_the_ground_holds(wereld):
    uwv = wereld.rol("uwv")
    bsn = geldige_bsns(1, start=400_000_000)[0]
    basis = {
        "bsn": bsn,
        "grondslag": "38b_1_b",
        "begindatum": "2026-01-01",
        "gemeentecode": "GM0014",
        "bron": "test",
        "reden": "indicatie",
    }
    # art. 38b lid 1 onderdeel b: a Wsw indication; without it the ground does not hold
    zonder = wereld.client.post(
        "/v1/registraties",
        headers=uwv,
        json=basis | {"feiten": {"beschut_werk_vastgesteld": False, "wsw_indicatie": False}},
    )
    assert zonder.status_code == 400 and "38b_1_b" in zonder.json()["detail"]
    uitgesloten = wereld.client.post(
        "/v1/registraties",
        headers=uwv,
        json=basis | {"feiten": {"beschut_werk_vastgesteld": True, "wsw_indicatie": True}},
    )
    assert uitgesloten.status_code == 400 and "beschut" in uitgesloten.json()["detail"]
    onbekend = wereld.client.post("/v1/registraties", headers=uwv, json=basis | {"feiten": {"verzonnen": True}})
    assert onbekend.status_code == 400
    met = wereld.client.post(
        "/v1/registraties",
        headers=uwv,
        json=basis | {"feiten": {"beschut_werk_vastgesteld": False, "wsw_indicatie": True}},
    )
    assert met.status_code == 201, met.text


def test_gemeente_listing_pages_through_registered_residents_once(wereld):
    for i in range(5):
        registreer_direct(wereld.engine, f"inw{i}", "GM0014")
    registreer_direct(
        wereld.engine, "inw-oud", "GM0014", begindatum=dt.date(2020, 1, 1), einddatum=dt.date(2025, 12, 31)
    )
    uwv = wereld.rol("uwv")
    gezien: list[str] = []
    for offset in (0, 2, 4, 6):
        pagina = wereld.client.get(
            f"/v1/gemeenten/GM0014/inwoners?limit=2&offset={offset}&peildatum=2026-06-01", headers=uwv
        ).json()
        assert pagina["totaal"] == 5
        gezien += [x["persoon_id"] for x in pagina["inwoners"]]
    assert sorted(gezien) == [f"inw{i}" for i in range(5)]
    vroeger = wereld.client.get("/v1/gemeenten/GM0014/inwoners?peildatum=2025-06-01", headers=uwv).json()
    assert vroeger["totaal"] == 6


def test_a_bsn_put_in_a_url_is_refused(wereld):
    resp = wereld.client.get(f"/v1/personen/{wereld.bsn['A']}", headers=wereld.rol("uwv"))
    assert resp.status_code == 400 and "BSN" in resp.json()["detail"]
    assert wereld.bsn["A"] not in resp.text
    onbekend = wereld.client.get(f"/v1/iets/{wereld.bsn['A']}", headers=wereld.rol("uwv"))
    assert onbekend.status_code == 404 and wereld.bsn["A"] not in onbekend.text
    with wereld.engine.connect() as conn:
        assert wereld.bsn["A"] not in str(conn.execute(select(Audit.handeling)).scalars().all())


def test_browser_login_through_the_oidc_provider_with_pkce(database_url):
    import base64
    import hashlib
    from urllib.parse import parse_qs, urlsplit

    import httpx

    sleutel = RSAKey.generate_key(2048, parameters={"kid": "k1"}, private=True)
    gezien: dict[str, str] = {}

    def idp(verzoek: httpx.Request) -> httpx.Response:
        """A provider's token endpoint: checks the code and the PKCE verifier, returns an ID token."""
        form = parse_qs(verzoek.content.decode())
        if form.get("code") != ["goede-code"]:
            return httpx.Response(400, json={"error": "invalid_grant"})
        uitdaging = base64.urlsafe_b64encode(hashlib.sha256(form["code_verifier"][0].encode()).digest())
        assert uitdaging.decode().rstrip("=") == gezien["code_challenge"]
        claims = {
            "iss": "https://idp.test",
            "aud": "banenafspraak-web",
            "sub": "u1",
            "nonce": gezien["nonce"],
            "exp": int(time.time()) + 60,
            "banenafspraak_rol": "gemeente",
            "banenafspraak_organisatie": "GM0363",
        }
        id_token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, sleutel)
        return httpx.Response(200, json={"access_token": "a", "token_type": "Bearer", "id_token": id_token})

    w = bouw_wereld(
        database_url,
        oidc_issuer="https://idp.test",
        oidc_jwks={"keys": [sleutel.as_dict(private=False)]},
        oidc_client_id="banenafspraak-web",
        oidc_client_secret="geheim",
        oidc_redirect_uri="http://testserver/v1/auth/oidc/callback",
        oidc_transport=httpx.MockTransport(idp),
        oidc_metadata={"authorization_endpoint": "https://idp.test/auth", "token_endpoint": "https://idp.test/token"},
    )
    with w.client:
        heen = w.client.get("/v1/auth/oidc/login", follow_redirects=False)
        assert heen.status_code == 302
        params = {k: v[0] for k, v in parse_qs(urlsplit(heen.headers["location"]).query).items()}
        assert params["code_challenge_method"] == "S256" and params["client_id"] == "banenafspraak-web"
        gezien.update(code_challenge=params["code_challenge"], nonce=params["nonce"])
        fout = w.client.get("/v1/auth/oidc/callback", params={"code": "goede-code", "state": "verkeerd"})
        assert fout.status_code == 401
        slecht = w.client.get("/v1/auth/oidc/callback", params={"code": "andere-code", "state": params["state"]})
        assert slecht.status_code == 401
        terug = w.client.get("/v1/auth/oidc/callback", params={"code": "goede-code", "state": params["state"]})
        assert terug.status_code == 200, terug.text
        mij = w.client.get("/v1/mij", headers={"Authorization": f"Bearer {terug.json()['access_token']}"})
        assert mij.json() | {} == {
            "account": "oidc:u1",
            "rol": "gemeente",
            "organisatie": "GM0363",
            "persoon_id": None,
            "geregistreerd": None,
        }
        w.client.cookies.clear()
        zonder = w.client.get("/v1/auth/oidc/callback", params={"code": "goede-code", "state": params["state"]})
        assert zonder.status_code == 401


def test_oidc_login_is_404_when_not_configured(wereld):
    assert wereld.client.get("/v1/auth/oidc/login", follow_redirects=False).status_code == 404
