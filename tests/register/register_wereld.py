"""A small world for the register API tests: two registered people, their gemeenten and employers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from stdnum.nl import bsn as stdnum_bsn

from banenafspraak.api import Instellingen, maak_app
from banenafspraak.register import diensten

SECRET = b"test-geheim-niet-voor-productie-0123456789"


def geldige_bsns(aantal: int, start: int = 100_000_000) -> list[str]:
    """The first ``aantal`` numbers from ``start`` that pass the elfproef."""
    uit: list[str] = []
    n = start
    while len(uit) < aantal:
        if stdnum_bsn.is_valid(str(n)):
            uit.append(str(n))
        n += 1
    return uit


LHN_A, LHN_B = "123456789L01", "987654321L01"


def registreer_direct(
    engine: Any,
    pseudoniem: str,
    gemeentecode: str,
    *,
    grondslag: str = "38b_1_a",
    begindatum: dt.date = dt.date(2024, 1, 1),
    einddatum: dt.date | None = None,
) -> int:
    """Register someone straight through the register service (test set-up, not via the API)."""
    with engine.begin() as conn:
        r = diensten.registreer(
            conn,
            diensten.Handelende("opzet", "opzet"),
            pseudoniem,
            grondslag=grondslag,
            begindatum=begindatum,
            einddatum=einddatum,
            gemeentecode=gemeentecode,
            bron="test",
            besluitreferentie=None,
            reden="opzet",
        )
    return int(r["id"])


@dataclass
class Wereld:
    """Two registered people: A lives in Amsterdam (GM0363) and works at LHN_A; B in Rotterdam, at LHN_B."""

    client: TestClient
    engine: Any
    bsn: dict[str, str]
    pseudo: dict[str, str]
    registratie: dict[str, int]
    gemeente: dict[str, str] = field(default_factory=lambda: {"A": "GM0363", "B": "GM0599"})
    lhn: dict[str, str] = field(default_factory=lambda: {"A": LHN_A, "B": LHN_B})

    def kop(self, rol: str, organisatie: str | None = None, bsn: str | None = None, account: str = "") -> dict:
        token = self.client.app.state.tokens.maak(account or f"test-{rol}", rol, organisatie, bsn=bsn)  # type: ignore[attr-defined]
        return {"Authorization": f"Bearer {token}"}

    def rol(self, rol: str) -> dict:
        """Headers for the role acting on person A's side (own gemeente, own employer, A themselves)."""
        return {
            "uwv": lambda: self.kop("uwv"),
            "gemeente": lambda: self.kop("gemeente", "GM0363"),
            "werkgever": lambda: self.kop("werkgever", LHN_A),
            "werkzoekende": lambda: self.kop("werkzoekende", bsn=self.bsn["A"]),
            "onderzoeker": lambda: self.kop("onderzoeker"),
        }[rol]()


def bouw_wereld(database_url: str, **instellingen: Any) -> Wereld:
    inst = Instellingen(database_url=database_url, secret=SECRET, dev_login=True, **instellingen)
    client = TestClient(maak_app(inst))
    engine = client.app.state.engine  # type: ignore[attr-defined]
    tokens = client.app.state.tokens  # type: ignore[attr-defined]
    bsn = dict(zip("AB", geldige_bsns(2), strict=True))
    pseudo = {k: tokens.pseudoniem(v) for k, v in bsn.items()}
    wie = diensten.Handelende("opzet", "opzet")
    registratie = {}
    for k, gm, grond, lhn in (("A", "GM0363", "38b_1_a", LHN_A), ("B", "GM0599", "38b_1_b", LHN_B)):
        registratie[k] = registreer_direct(engine, pseudo[k], gm, grondslag=grond)
        with engine.begin() as conn:
            diensten.leg_dienstverband_vast(
                conn,
                wie,
                pseudo[k],
                loonheffingennummer=lhn,
                begindatum=dt.date(2023, 1, 1),
                einddatum=None,
                personeelsnummer=k,
            )
    return Wereld(client=client, engine=engine, bsn=bsn, pseudo=pseudo, registratie=registratie)
