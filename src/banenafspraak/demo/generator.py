"""A seeded, deterministic synthetic nation: employers, the doelgroepregister and payroll 2012–2025.

The nation is calibrated so that measuring it reproduces the published extra jobs per sector: for every
year the generator decides which registered people work, where and how many hours, and then scales the
hours of each group so that the hours the counting rules accept equal the calibration target exactly.
It applies the same counting rules as the engine (a month counts when a registration overlaps it;
unplaced Wsw work never counts), so the calibration does not depend on luck.

Sizes: ``klein`` (1% of the nation, for tests), ``demo`` (the full register, payroll of the target group
only) and ``landelijk`` (the full register plus every other employee of every employer for the last
year: about 110 million payroll rows, for benchmarks).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from banenafspraak import parameters
from banenafspraak.demo import kalibratie as k
from banenafspraak.reference import OVERHEIDSSECTOREN, gemeenten
from banenafspraak.rules.meting import baannorm_uren

Voortgang = Callable[[str, float], None]


@dataclass(frozen=True)
class Omvang:
    naam: str
    schaal: float  # share of the nation
    overige_werknemers: bool  # payroll of every employee for the last year, not only the target group


OMVANGEN = {
    "klein": Omvang("klein", 0.01, False),
    "demo": Omvang("demo", 1.0, False),
    "landelijk": Omvang("landelijk", 1.0, True),
}

WERKGEVERS_LANDELIJK = 450_000
WERKNEMERS_LANDELIJK = 9_200_000  # employees with a payroll row in a month (~110M rows a year)

# what a registered person does, when they work (fixed per person, so careers persist over the years)
CATEGORIEEN = ("formeel_markt", "formeel_overheid", "uitzend", "wsw_gedetacheerd", "wsw", "geen")
CATEGORIE_KANS = (0.46, 0.09, 0.12, 0.06, 0.07, 0.20)
UITZEND_DEEL_INLEEN = 0.7  # share of inleen hours through agencies; the rest is placed Wsw staff
INLENER_BEKEND = 0.6  # share of inleen rows where the borrowing employer is known
UIT_PER_JAAR = 0.035  # share of the register that leaves each year
TWEEDE_REGISTRATIE = 0.03  # people with a second, overlapping registration on another ground

GRONDSLAGEN_NIET_WSW = ("38b_1_c", "38b_1_a", "38b_1_d", "38b_1_e", "38b_1_f", "38b_2", "wiw_id", "38b_1_g")
GRONDSLAG_KANS = (0.45, 0.25, 0.10, 0.08, 0.06, 0.04, 0.015, 0.005)

OVERHEID_KANS = {  # share of government employers per sub-sector (demo assumption)
    "rijk": 0.03, "gemeenten": 0.12, "provincies": 0.005, "waterschappen": 0.008,
    "gemeenschappelijke_regelingen": 0.08, "politie": 0.002, "defensie": 0.001,
    "primair_onderwijs": 0.45, "voortgezet_onderwijs": 0.17, "middelbaar_beroepsonderwijs": 0.02,
    "hoger_onderwijs": 0.015, "wetenschappelijk_onderzoek": 0.05, "universitair_medische_centra": 0.044,
}


def _maand_eind(jaar: int, maand: int) -> np.datetime64:
    return np.datetime64(f"{jaar + maand // 12:04d}-{maand % 12 + 1:02d}-01") - np.timedelta64(1, "D")


@dataclass
class Werkgevers:
    lhn: np.ndarray  # str
    sector: np.ndarray  # 0 markt, 1 overheid
    overheidssector: np.ndarray  # index into OVERHEIDSSECTOREN, -1 for markt
    gemeente: np.ndarray  # index into the gemeente list
    grootte: np.ndarray  # employees
    soort: np.ndarray  # 0 gewoon, 1 uitzendbureau, 2 sw-bedrijf


def _werkgevers(rng: np.random.Generator, n: int, gm_kans: np.ndarray) -> Werkgevers:
    n = max(n, 60)
    grootte = np.maximum(1, np.round(rng.lognormal(mean=1.2, sigma=1.45, size=n))).astype(np.int64)
    soort = np.zeros(n, np.int8)
    sector = np.zeros(n, np.int8)
    n_overheid = max(10, int(n * 0.012))
    overheid = rng.choice(n, n_overheid, replace=False)
    sector[overheid] = 1
    grootte[overheid] = np.maximum(5, np.round(rng.lognormal(mean=4.4, sigma=1.3, size=n_overheid)))
    sub = rng.choice(len(OVERHEIDSSECTOREN), n_overheid,
                     p=np.array([OVERHEID_KANS[s] for s in OVERHEIDSSECTOREN]) / sum(OVERHEID_KANS.values()))
    overheidssector = np.full(n, -1, np.int16)
    overheidssector[overheid] = sub
    gr = OVERHEIDSSECTOREN.index("gemeenschappelijke_regelingen")
    sw = overheid[sub == gr][: max(2, int(n * 0.00016))]  # about 70 SW companies in the nation
    soort[sw] = 2
    grootte[sw] = np.maximum(grootte[sw], 200)
    markt = np.flatnonzero(sector == 0)
    bureaus = rng.choice(markt, max(3, int(n * 0.005)), replace=False)
    soort[bureaus] = 1
    # scale so that all employers together employ the nation's workforce, about 15% of it in government
    doel = WERKNEMERS_LANDELIJK * n / WERKGEVERS_LANDELIJK
    for s, deel in ((0, 0.85), (1, 0.15)):
        m = sector == s
        grootte[m] = np.maximum(1, np.round(grootte[m] * (doel * deel / grootte[m].sum())))
    nummers = np.unique(rng.integers(100_000_000, 999_999_999, n + n // 10 + 10))
    nummers = np.sort(rng.choice(nummers, n, replace=False))
    return Werkgevers(
        lhn=np.array([f"{x:09d}L01" for x in nummers]),
        sector=sector,
        overheidssector=overheidssector,
        gemeente=rng.choice(len(gm_kans), n, p=gm_kans),
        grootte=grootte,
        soort=soort,
    )


@dataclass
class Personen:
    id: np.ndarray  # str
    begin: np.ndarray  # datetime64[D]
    eind: np.ndarray  # datetime64[D], NaT while registered
    gemeente: np.ndarray
    categorie: np.ndarray  # index into CATEGORIEEN
    grondslag: np.ndarray  # str
    prioriteit: np.ndarray  # who works first when a category grows
    basisuren: np.ndarray  # monthly hours when working
    werkgever: np.ndarray  # index into the employers (own payroll)


def _register(rng: np.random.Generator, schaal: float, gm_kans: np.ndarray) -> Personen:
    stand = {j: max(20, round(n * schaal)) for j, n in k.REGISTER_STAND.items()}
    begin: list[np.ndarray] = []
    eind_idx: list[int] = []
    eind_datum: list[np.datetime64] = []
    n0 = stand[k.EERSTE_JAAR]
    dagen = (np.datetime64(f"{k.EERSTE_JAAR}-12-31") - np.datetime64("2000-01-01")).astype(int)
    begin.append(np.datetime64("2000-01-01") + rng.integers(0, dagen, n0).astype("timedelta64[D]"))
    totaal = n0
    actief = np.arange(n0)
    for jaar in range(k.EERSTE_JAAR + 1, k.LAATSTE_JAAR + 1):
        uit = int(round(len(actief) * UIT_PER_JAAR))
        nieuw = stand[jaar] - stand[jaar - 1] + uit
        if nieuw < 0:
            uit, nieuw = uit - nieuw, 0
        vertrekkers = rng.choice(actief, uit, replace=False)
        dag = rng.integers(0, 365, uit).astype("timedelta64[D]")
        eind_idx.extend(vertrekkers.tolist())
        eind_datum.extend((np.datetime64(f"{jaar}-01-01") + dag).tolist())
        begin.append(np.datetime64(f"{jaar}-01-01") + rng.integers(0, 365, nieuw).astype("timedelta64[D]"))
        actief = np.concatenate([np.setdiff1d(actief, vertrekkers), np.arange(totaal, totaal + nieuw)])
        totaal += nieuw
    b = np.concatenate(begin).astype("datetime64[D]")
    e = np.full(totaal, np.datetime64("NaT"), "datetime64[D]")
    e[np.array(eind_idx, dtype=np.int64)] = np.array(eind_datum, dtype="datetime64[D]")
    # a leaver's end lies after their start
    e = np.where(~np.isnat(e) & (e < b), b, e)
    categorie = rng.choice(len(CATEGORIEEN), totaal, p=CATEGORIE_KANS)
    wsw = np.isin(categorie, [CATEGORIEEN.index("wsw"), CATEGORIEEN.index("wsw_gedetacheerd")])
    grondslag = np.where(
        wsw, "38b_1_b", rng.choice(np.array(GRONDSLAGEN_NIET_WSW), totaal, p=GRONDSLAG_KANS)
    )
    basis = np.clip(rng.gamma(shape=9.0, scale=128 / 9.0, size=totaal), 16, 200)
    personen = Personen(
        id=np.array([f"P{x:08d}" for x in range(1, totaal + 1)]),
        begin=b,
        eind=e,
        gemeente=rng.choice(len(gm_kans), totaal, p=gm_kans),
        categorie=categorie,
        grondslag=grondslag,
        prioriteit=rng.permutation(totaal),
        basisuren=np.round(basis * 4) / 4,
        werkgever=np.full(totaal, -1, np.int64),
    )
    return personen


def _kies_werkgevers(rng: np.random.Generator, wg: Werkgevers, p: Personen) -> None:
    """Each person who may work gets one employer, weighted by employer size."""
    def kies(mask_personen: np.ndarray, mask_werkgevers: np.ndarray) -> None:
        kandidaten = np.flatnonzero(mask_werkgevers)
        gewicht = wg.grootte[kandidaten].astype(float)
        p.werkgever[mask_personen] = rng.choice(kandidaten, int(mask_personen.sum()), p=gewicht / gewicht.sum())

    cat = p.categorie
    kies(cat == CATEGORIEEN.index("formeel_markt"), (wg.sector == 0) & (wg.soort == 0))
    kies(cat == CATEGORIEEN.index("formeel_overheid"), (wg.sector == 1) & (wg.soort == 0))
    kies(cat == CATEGORIEEN.index("uitzend"), wg.soort == 1)
    kies(np.isin(cat, [CATEGORIEEN.index("wsw"), CATEGORIEEN.index("wsw_gedetacheerd")]), wg.soort == 2)


def _geregistreerd_in_maand(p: Personen, idx: np.ndarray, jaar: int, maand: int) -> np.ndarray:
    """The engine's rule: a registration overlapping the month counts the whole month."""
    begin_maand = np.datetime64(f"{jaar:04d}-{maand:02d}-01")
    eind_maand = _maand_eind(jaar, maand)
    return (p.begin[idx] <= eind_maand) & (np.isnat(p.eind[idx]) | (p.eind[idx] >= begin_maand))


MAAND_FACTOR = np.array([1.0] * 11 + [1.04])  # December: extra hours paid out (FACTS §4.4)


@dataclass
class Jaarpolis:
    persoon: np.ndarray  # person index
    werkgever: np.ndarray  # employer index of the payroll
    soort: np.ndarray  # str
    inlener: np.ndarray  # employer index, -1 unknown
    uren: np.ndarray  # monthly hours before the month factor


def _doelen(jaar: int, schaal: float, norm_kwartaal: Decimal) -> dict[str, float]:
    """Counted hours in the last quarter of ``jaar`` that the nation must show, per group."""
    sleutel = {s: float(parameters.waarde(f"meting.verdeelsleutel.{s}", date(jaar, 12, 31)).waarde)
               for s in ("markt", "overheid")}
    sleutel0 = {s: float(parameters.waarde(f"meting.verdeelsleutel.{s}", date(k.EERSTE_JAAR, 12, 31)).waarde)
                for s in ("markt", "overheid")}
    inleen = k.INLEEN_STAND[jaar]
    doelen = {}
    for s in ("markt", "overheid"):
        extra, _ = k.extra_banen(jaar, s)
        extra_inleen = sleutel[s] * inleen - sleutel0[s] * k.NULMETING_INLEEN
        doelen[f"formeel_{s}"] = (k.NULMETING_FORMEEL[s] + extra - extra_inleen) * schaal * float(norm_kwartaal)
    doelen["uitzend"] = inleen * UITZEND_DEEL_INLEEN * schaal * float(norm_kwartaal)
    doelen["wsw_gedetacheerd"] = inleen * (1 - UITZEND_DEEL_INLEEN) * schaal * float(norm_kwartaal)
    return doelen


def _jaarpolis(rng: np.random.Generator, wg: Werkgevers, p: Personen, jaar: int, schaal: float,
               norm_kwartaal: Decimal) -> Jaarpolis:
    doelen = _doelen(jaar, schaal, norm_kwartaal)
    eind_jaar = np.datetime64(f"{jaar}-12-31")
    ingeschreven = (p.begin <= eind_jaar) & (np.isnat(p.eind) | (p.eind >= eind_jaar))
    stukken = []
    for ci, cat in enumerate(CATEGORIEEN[:-1]):
        kandidaten = np.flatnonzero(ingeschreven & (p.categorie == ci))
        kandidaten = kandidaten[np.argsort(p.prioriteit[kandidaten], kind="stable")]
        if cat == "wsw":
            werkend = kandidaten[: int(len(kandidaten) * 0.7)]
            factor = 1.0
        else:
            # counted hours of the last quarter per person, under the engine's counting rule
            geteld = sum(
                (_geregistreerd_in_maand(p, kandidaten, jaar, m) * MAAND_FACTOR[m - 1] for m in (10, 11, 12)),
                np.zeros(len(kandidaten)),
            ) * p.basisuren[kandidaten]
            cum = np.cumsum(geteld)
            aantal = int(np.searchsorted(cum, doelen[cat])) + 1
            werkend = kandidaten[: min(aantal, len(kandidaten))]
            factor = doelen[cat] / float(cum[len(werkend) - 1]) if len(werkend) else 1.0
        soort = {"formeel_markt": "regulier", "formeel_overheid": "regulier"}.get(cat, cat)
        inlener = np.full(len(werkend), -1, np.int64)
        if soort in ("uitzend", "wsw_gedetacheerd"):
            bekend = rng.random(len(werkend)) < INLENER_BEKEND
            sleutel_markt = float(parameters.waarde("meting.verdeelsleutel.markt", date(jaar, 12, 31)).waarde)
            naar_markt = rng.random(len(werkend)) < sleutel_markt
            for s, mask in ((0, bekend & naar_markt), (1, bekend & ~naar_markt)):
                pool = np.flatnonzero((wg.sector == s) & (wg.soort == 0))
                gewicht = wg.grootte[pool].astype(float)
                inlener[mask] = rng.choice(pool, int(mask.sum()), p=gewicht / gewicht.sum())
        stukken.append(Jaarpolis(werkend, p.werkgever[werkend], np.full(len(werkend), soort), inlener,
                                 p.basisuren[werkend] * factor))
    return Jaarpolis(*(np.concatenate([getattr(s, f) for s in stukken]) for f in Jaarpolis.__dataclass_fields__))


POLIS_SCHEMA = pa.schema([
    ("loonheffingennummer", pa.string()), ("persoon_id", pa.string()), ("periode", pa.string()),
    ("verloonde_uren", pa.float64()), ("soort", pa.string()), ("inlener", pa.string()),
])


def _polis_tabel(jp: Jaarpolis, wg: Werkgevers, p: Personen, jaar: int, maand: int) -> pa.Table:
    n = len(jp.persoon)
    inlener = pa.array(np.where(jp.inlener >= 0, wg.lhn[np.maximum(jp.inlener, 0)], None), pa.string())
    return pa.table({
        "loonheffingennummer": pa.array(wg.lhn[jp.werkgever]),
        "persoon_id": pa.array(p.id[jp.persoon]),
        "periode": pa.array(np.full(n, f"{jaar:04d}-{maand:02d}")),
        "verloonde_uren": pa.array(np.round(jp.uren * MAAND_FACTOR[maand - 1], 2)),
        "soort": pa.array(jp.soort),
        "inlener": inlener,
    }, schema=POLIS_SCHEMA)


def _overige_werknemers(rng: np.random.Generator, wg: Werkgevers, jaar: int, maand: int,
                        eerste_id: int) -> pa.Table:
    """Every other employee of every employer for one month (people outside the register)."""
    n = int(wg.grootte.sum())
    werkgever = np.repeat(np.arange(len(wg.lhn)), wg.grootte)
    soort = np.where(wg.soort[werkgever] == 1, "uitzend", np.where(wg.soort[werkgever] == 2, "wsw", "regulier"))
    uren = np.round(np.clip(rng.normal(135, 35, n), 8, 200), 2)
    ids = pa.array(np.arange(eerste_id, eerste_id + n)).cast(pa.string())
    return pa.table({
        "loonheffingennummer": pa.DictionaryArray.from_arrays(pa.array(werkgever.astype(np.int32)),
                                                              pa.array(wg.lhn)).cast(pa.string()),
        "persoon_id": ids,
        "periode": pa.array(np.full(n, f"{jaar:04d}-{maand:02d}")),
        "verloonde_uren": pa.array(uren),
        "soort": pa.array(soort),
        "inlener": pa.nulls(n, pa.string()),
    }, schema=POLIS_SCHEMA)


def genereer(uit: Path, omvang: str = "demo", zaad: int = 2013, formaat: str = "parquet",
             voortgang: Voortgang | None = None) -> dict[str, Any]:
    """Write werkgevers, register and polis for 2012–2025 to ``uit``; returns the manifest."""
    if omvang not in OMVANGEN:
        raise ValueError(f"onbekende omvang {omvang!r}: kies uit {', '.join(OMVANGEN)}")
    if formaat not in ("parquet", "csv"):
        raise ValueError("formaat is parquet of csv")
    o = OMVANGEN[omvang]
    meld = voortgang or (lambda _stap, _deel: None)
    rng = np.random.default_rng(zaad)
    uit = Path(uit)
    uit.mkdir(parents=True, exist_ok=True)
    gm = gemeenten()
    codes = np.array(sorted(gm))
    inwoners = np.array([gm[c].inwoners for c in codes], float)
    gm_kans = inwoners / inwoners.sum()

    meld("werkgevers", 0.0)
    wg = _werkgevers(rng, round(WERKGEVERS_LANDELIJK * o.schaal), gm_kans)
    p = _register(rng, o.schaal, gm_kans)
    _kies_werkgevers(rng, wg, p)
    norm = baannorm_uren(int(parameters.waarde("meting.jaaruren_per_baan_monitoring",
                                                date(2013, 1, 1)).waarde), 3)

    werkgevers = pa.table({
        "loonheffingennummer": wg.lhn,
        "naam": np.array([f"{_naam(s, o_, i)}" for i, (s, o_) in enumerate(zip(wg.soort, wg.overheidssector,
                                                                              strict=True))]),
        "sector": np.where(wg.sector == 1, "overheid", "markt"),
        "overheidssector": pa.array([OVERHEIDSSECTOREN[i] if i >= 0 else None for i in wg.overheidssector],
                                    pa.string()),
        "gemeentecode": codes[wg.gemeente],
    })
    register = _register_tabel(rng, p, codes)
    _schrijf(werkgevers, uit / f"werkgevers.{formaat}", formaat)
    _schrijf(register, uit / f"register.{formaat}", formaat)

    jaren = list(range(k.EERSTE_JAAR, k.LAATSTE_JAAR + 1))
    pad = uit / f"polis.{formaat}"
    schrijver = _Schrijver(pad, formaat)
    volgend_id = 900_000_000
    try:
        for n, jaar in enumerate(jaren):
            meld(f"polis {jaar}", n / len(jaren))
            jp = _jaarpolis(rng, wg, p, jaar, o.schaal, norm)
            for maand in range(1, 13):
                schrijver.schrijf(_polis_tabel(jp, wg, p, jaar, maand))
                if o.overige_werknemers and jaar == jaren[-1]:
                    schrijver.schrijf(_overige_werknemers(rng, wg, jaar, maand, volgend_id))
            if o.overige_werknemers and jaar == jaren[-1]:
                volgend_id += int(wg.grootte.sum())
    finally:
        schrijver.sluit()
    meld("klaar", 1.0)
    manifest = {
        "omvang": o.naam,
        "schaal": o.schaal,
        "zaad": zaad,
        "jaren": jaren,
        "werkgevers": len(wg.lhn),
        "personen_in_register": int(len(p.id)),
        "polisregels": schrijver.rijen,
        "kalibratie": {
            str(j): {s: {"extra_banen": round(k.extra_banen(j, s)[0] * o.schaal, 1),
                         "officieel": k.extra_banen(j, s)[1]} for s in ("markt", "overheid")}
            for j in jaren if j > k.EERSTE_JAAR
        },
        "aannames": (k.__doc__ or "").strip(),
        "bestanden": {"polis": pad.name, "register": f"register.{formaat}", "werkgevers": f"werkgevers.{formaat}"},
    }
    (uit / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def _naam(soort: int, overheidssector: int, i: int) -> str:
    if soort == 1:
        return f"Uitzendbureau {i:06d}"
    if soort == 2:
        return f"SW-bedrijf {i:06d}"
    if overheidssector >= 0:
        return f"{OVERHEIDSSECTOREN[overheidssector].replace('_', ' ').capitalize()} {i:06d}"
    return f"Bedrijf {i:06d}"


def _register_tabel(rng: np.random.Generator, p: Personen, codes: np.ndarray) -> pa.Table:
    """One registration per person, and for a few a second one on another ground within the first."""
    n = len(p.id)
    extra = np.flatnonzero(rng.random(n) < TWEEDE_REGISTRATIE)
    tweede_begin = p.begin[extra] + rng.integers(30, 900, len(extra)).astype("timedelta64[D]")
    binnen = np.isnat(p.eind[extra]) | (tweede_begin <= p.eind[extra])
    extra, tweede_begin = extra[binnen], tweede_begin[binnen]
    ander = np.where(p.grondslag[extra] == "38b_1_c", "38b_1_a", "38b_1_e")
    verhuisd = rng.choice(len(codes), len(extra))  # the later registration carries the new residence
    def datum(a: np.ndarray) -> pa.Array:
        return pa.array([None if np.isnat(x) else str(x) for x in a], pa.string())
    return pa.table({
        "persoon_id": np.concatenate([p.id, p.id[extra]]),
        "grondslag": np.concatenate([p.grondslag, ander]),
        "begindatum": pa.concat_arrays([datum(p.begin), datum(tweede_begin)]),
        "einddatum": pa.concat_arrays([datum(p.eind), datum(p.eind[extra])]),
        "gemeentecode": np.concatenate([codes[p.gemeente], codes[verhuisd]]),
    })


def _schrijf(tabel: pa.Table, pad: Path, formaat: str) -> None:
    if formaat == "parquet":
        pq.write_table(tabel, pad)
    else:
        import pyarrow.csv as pacsv

        pacsv.write_csv(tabel, pad)


class _Schrijver:
    """Appends row groups to one Parquet or CSV file."""

    def __init__(self, pad: Path, formaat: str):
        self.pad, self.formaat, self.rijen = pad, formaat, 0
        self._pq: pq.ParquetWriter | None = None
        self._csv: Any = None

    def schrijf(self, tabel: pa.Table) -> None:
        self.rijen += tabel.num_rows
        if self.formaat == "parquet":
            if self._pq is None:
                self._pq = pq.ParquetWriter(self.pad, POLIS_SCHEMA, compression="zstd")
            self._pq.write_table(tabel)
        else:
            import pyarrow.csv as pacsv

            if self._csv is None:
                self._csv = pacsv.CSVWriter(self.pad, POLIS_SCHEMA)
            self._csv.write_table(tabel)

    def sluit(self) -> None:
        if self._pq is not None:
            self._pq.close()
        if self._csv is not None:
            self._csv.close()
