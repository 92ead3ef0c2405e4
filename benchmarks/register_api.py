"""Benchmark of the register API: the employer check (art. 38d lid 7) and the gemeente listing.

Builds a register of N people (default 300,000) with real-looking BSNs (elfproef) whose HMAC pseudonyms
are in the register, starts the API with uvicorn on 127.0.0.1 (loopback only), and fires a bounded number
of requests from C concurrent clients (default 100). Prints p50/p95/p99 latency and throughput per
scenario and backend.

    python benchmarks/register_api.py                        # SQLite
    python benchmarks/register_api.py --postgres-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Data goes to benchmarks/data/ (git-ignored); the SQLite register is reused when it already has N people.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text
from stdnum.nl import bsn as stdnum_bsn

from banenafspraak.api.auth import Tokens
from banenafspraak.reference import gemeenten
from banenafspraak.register import importeer_extract
from banenafspraak.register.db import open_register
from banenafspraak.register.models import Persoon

DATA = Path(__file__).parent / "data"
SECRET = "benchmark-geheim"
GRONDSLAGEN = ["38b_1_a", "38b_1_b", "38b_1_c", "38b_1_d", "38b_1_e", "38b_2"]


def bsns(aantal: int, seed: int = 7) -> list[str]:
    """``aantal`` distinct numbers that pass the BSN elfproef."""
    rnd = random.Random(seed)
    uit: set[str] = set()
    while len(uit) < aantal:
        cijfers = [rnd.randrange(10) for _ in range(8)]
        som = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if som == 10:
            continue
        kandidaat = "".join(map(str, cijfers)) + str(som)
        if stdnum_bsn.is_valid(kandidaat):  # also refuses e.g. 000000000
            uit.add(kandidaat)
    return sorted(uit)


def bouw_extract(pad: Path, nummers: list[str], tokens: Tokens) -> None:
    """Write the extract under a temporary name and rename it when complete (no half files)."""
    deel = pad.with_name(pad.name + ".deel")
    rnd = random.Random(11)
    codes = sorted(gemeenten())
    gewicht = [gemeenten()[c].inwoners for c in codes]
    woonplaats = rnd.choices(codes, weights=gewicht, k=len(nummers))
    with deel.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["persoon_id", "grondslag", "begindatum", "einddatum", "gemeentecode"])
        for bsn, gm in zip(nummers, woonplaats, strict=True):
            jaar = rnd.randrange(2015, 2026)
            eind = f"{rnd.randrange(jaar, 2027)}-12-31" if rnd.random() < 0.15 else ""
            w.writerow(
                [tokens.pseudoniem(bsn), rnd.choice(GRONDSLAGEN), f"{jaar}-0{rnd.randrange(1, 10)}-01", eind, gm]
            )
    deel.replace(pad)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def zorg_voor_register(url: str, personen: int, tokens: Tokens, nummers: list[str]) -> None:
    engine = open_register(url)
    with engine.connect() as c:
        aanwezig = c.execute(select(func.count()).select_from(Persoon)).scalar_one()
    engine.dispose()
    if aanwezig == personen:
        print(f"  register met {personen} personen staat er al")
        return
    extract = DATA / f"register_{personen}.csv"
    if not extract.exists():
        print(f"  extract met {personen} personen maken …")
        bouw_extract(extract, nummers, tokens)
    r = importeer_extract(extract, url, door="benchmark")
    print(f"  geïmporteerd: {r.nieuwe_registraties} registraties in {r.seconden:.1f} s")
    engine = open_register(url)
    with engine.connect() as c:
        aanwezig = c.execute(select(func.count()).select_from(Persoon)).scalar_one()
    engine.dispose()
    if aanwezig != personen:
        raise SystemExit(
            f"register heeft {aanwezig} personen, verwacht {personen}; verwijder {DATA} en probeer opnieuw"
        )


class Verbinding:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams.

    httpx spends more CPU per request than the server does at 100 connections, which made the client the
    bottleneck on a 2-core machine; this one only writes the request and reads Content-Length bytes.
    """

    def __init__(self, host: str, poort: int) -> None:
        self.host, self.poort = host, poort
        self.lezer: asyncio.StreamReader | None = None
        self.schrijver: asyncio.StreamWriter | None = None

    async def verzoek(self, methode: str, pad: str, kop: dict, body: dict | None) -> int:
        if self.schrijver is None or self.schrijver.is_closing():
            self.lezer, self.schrijver = await asyncio.open_connection(self.host, self.poort)
        assert self.lezer is not None
        inhoud = json.dumps(body).encode() if body is not None else b""
        regels = [f"{methode} {pad} HTTP/1.1", f"Host: {self.host}:{self.poort}", "Connection: keep-alive"]
        regels += [f"{k}: {v}" for k, v in kop.items()]
        if body is not None:
            regels += ["Content-Type: application/json", f"Content-Length: {len(inhoud)}"]
        self.schrijver.write(("\r\n".join(regels) + "\r\n\r\n").encode() + inhoud)
        await self.schrijver.drain()
        statusregel = await self.lezer.readline()
        if not statusregel:
            self.schrijver.close()
            raise ConnectionError("verbinding gesloten door de server")
        lengte = 0
        sluiten = False
        while (regel := await self.lezer.readline()) not in (b"\r\n", b""):
            naam, _, waarde = regel.decode("latin-1").partition(":")
            if naam.lower() == "content-length":
                lengte = int(waarde)
            elif naam.lower() == "connection" and waarde.strip().lower() == "close":
                sluiten = True
        await self.lezer.readexactly(lengte)
        if sluiten:
            self.schrijver.close()
        return int(statusregel.split()[1])


async def belast(
    basis: str, verzoeken: list[tuple[str, str, dict, dict | None]], clients: int, max_seconden: float
) -> tuple[list[float], dict[str, int], float]:
    """Send the requests over ``clients`` concurrent connections; latencies (s), status counts, wall time."""
    latenties: list[float] = []
    statussen: dict[str, int] = {}
    wachtrij: asyncio.Queue = asyncio.Queue()
    for v in verzoeken:
        wachtrij.put_nowait(v)
    grens = time.perf_counter() + max_seconden
    host, poort = basis.removeprefix("http://").split(":")

    async def werker() -> None:
        verbinding = Verbinding(host, int(poort))
        while not wachtrij.empty() and time.perf_counter() < grens:
            methode, pad, kop, body = wachtrij.get_nowait()
            t0 = time.perf_counter()
            try:
                status = str(await verbinding.verzoek(methode, pad, kop, body))
            except (ConnectionError, OSError, asyncio.IncompleteReadError) as e:
                status = type(e).__name__
                verbinding = Verbinding(host, int(poort))
            latenties.append(time.perf_counter() - t0)
            statussen[status] = statussen.get(status, 0) + 1
        if verbinding.schrijver is not None:
            verbinding.schrijver.close()

    start = time.perf_counter()
    await asyncio.gather(*(werker() for _ in range(clients)))
    return latenties, statussen, time.perf_counter() - start


def percentiel(waarden: list[float], p: float) -> float:
    return statistics.quantiles(waarden, n=100, method="inclusive")[int(p) - 1] if len(waarden) > 1 else waarden[0]


def draai(naam: str, url: str, args: argparse.Namespace, nummers: list[str], tokens: Tokens) -> list[str]:
    print(f"\n== {naam} ==")
    zorg_voor_register(url, args.personen, tokens, nummers)
    poort = vrije_poort()
    env = os.environ | {"BANENAFSPRAAK_REGISTER_SECRET": SECRET, "BANENAFSPRAAK_LIMIET_OPVRAGINGEN": "100000000"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import typer; from banenafspraak.cli.serve import serve; typer.run(serve)",
            "--host",
            "127.0.0.1",
            "--port",
            str(poort),
            "--database-url",
            url,
            "--limiet",
            "100000000",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    regels = []
    try:
        basis = f"http://127.0.0.1:{poort}"
        for _ in range(100):
            try:
                httpx.get(basis + "/v1/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                if server.poll() is not None:
                    raise SystemExit(f"API-server stopte (code {server.returncode})") from None
                time.sleep(0.2)
        rnd = random.Random(5)
        werkgever = {"Authorization": "Bearer " + tokens.maak("bench-werkgever", "werkgever", "123456789L01")}
        onbekend = bsns(args.verzoeken, seed=99)
        check = [
            (
                "POST",
                "/v1/werkgeverscheck",
                werkgever,
                {"bsn": rnd.choice(nummers) if rnd.random() < 0.9 else onbekend[i]},
            )
            for i in range(args.verzoeken)
        ]
        codes = sorted(gemeenten())
        gm_kop = {gm: {"Authorization": "Bearer " + tokens.maak(f"bench-{gm}", "gemeente", gm)} for gm in codes}
        lijst = []
        for _ in range(args.verzoeken):
            gm = rnd.choice(codes)
            lijst.append(
                (
                    "GET",
                    f"/v1/gemeenten/{gm}/inwoners?limit=100&offset={rnd.choice([0, 0, 100, 200])}",
                    gm_kop[gm],
                    None,
                )
            )
        for scenario, verzoeken in (("werkgeverscheck", check), ("gemeente-inwoners", lijst)):
            lat, stat, duur = asyncio.run(belast(basis, verzoeken, args.clients, args.max_seconden))
            ms = [x * 1000 for x in lat]
            regel = (
                f"{naam:<10} {scenario:<18} n={len(ms):>5} clients={args.clients} "
                f"p50={percentiel(ms, 50):7.1f} ms  p95={percentiel(ms, 95):7.1f} ms  "
                f"p99={percentiel(ms, 99):7.1f} ms  {len(ms) / duur:7.1f} verzoeken/s  status={stat}"
            )
            print(regel)
            regels.append(regel)
    finally:
        server.terminate()
        server.wait(10)
    return regels


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--personen", type=int, default=300_000)
    p.add_argument("--verzoeken", type=int, default=3000, help="per scenario")
    p.add_argument("--clients", type=int, default=100)
    p.add_argument("--max-seconden", type=float, default=90, help="per scenario")
    p.add_argument("--postgres-url", default=os.environ.get("BANENAFSPRAAK_BENCH_POSTGRES_URL"))
    p.add_argument("--alleen-postgres", action="store_true")
    args = p.parse_args()
    DATA.mkdir(parents=True, exist_ok=True)
    os.environ["BANENAFSPRAAK_REGISTER_SECRET"] = SECRET
    tokens = Tokens(SECRET.encode())
    print(f"{args.personen} BSN's maken …")
    nummers = bsns(args.personen)
    regels = []
    if not args.alleen_postgres:
        regels += draai("sqlite", f"sqlite:///{DATA / f'register_{args.personen}.sqlite'}", args, nummers, tokens)
    if args.postgres_url:
        schema = f"bench_{args.personen}"
        beheer = create_engine(args.postgres_url)
        with beheer.begin() as c:
            c.execute(text(f"CREATE SCHEMA IF NOT EXISTS {schema}"))
        beheer.dispose()
        sep = "&" if "?" in args.postgres_url else "?"
        url = f"{args.postgres_url}{sep}options=-csearch_path%3D{schema}"
        regels += draai("postgresql", url, args, nummers, tokens)
    print("\nsamenvatting")
    for r in regels:
        print(r)


if __name__ == "__main__":
    main()
