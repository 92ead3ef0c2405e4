"""Benchmark: the quota position of a national synthetic year, 450,000 employers, under both regimes.

    python benchmarks/quotum_werkgevers.py [--werkgevers 450000] [--jaar 2024]

Builds three calendar years (the levy year, the year before for art. 34 lid 4, two years before for the Aof
small-employer test) with numpy, then times ``engines.quotum.bereken`` per regime and both together. The settings
are scenario values (the real quotumpercentages, bonus and surcharge were not found): they are printed.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from decimal import Decimal

import numpy as np
import pandas as pd

from banenafspraak.engines.quotum import UUR_KOLOMMEN, Instellingen, bereken


def synthetisch(n: int, jaar: int, zaad: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(zaad)
    # employer size: lognormal, median ~ 8 employees of 1,623 h; a long tail of large employers
    basis = np.exp(rng.normal(np.log(8 * 1623), 1.6, n))
    overheid = rng.random(n) < 0.03
    lhn = np.char.add(np.char.zfill(np.arange(n).astype(str), 9), "L01")
    delen = []
    for j in (jaar - 2, jaar - 1, jaar):
        groei = rng.normal(1.0, 0.05, n).clip(0.5, 1.5)
        uren = (basis * groei).round(2)
        doelgroep = (uren * rng.beta(0.6, 30, n)).round(2)
        uitzend = np.where(rng.random(n) < 0.01, (uren * 0.5).round(2), 0.0)
        delen.append(pd.DataFrame({
            "loonheffingennummer": lhn,
            "naam": lhn,
            "sector": np.where(overheid, "overheid", "markt"),
            "jaar": j,
            "uren_regulier": uren,
            "uren_uitzend_uitgeleend": uitzend,
            "uren_wsw": 0.0,
            "uren_wsw_gedetacheerd": 0.0,
            "uren_doelgroep_regulier": doelgroep,
            "uren_doelgroep_ingeleend": (rng.random(n) < 0.05) * rng.uniform(0, 1331, n).round(2),
            "uren_doelgroep_uitgeleend": (uitzend * 0.02).round(2),
            "loonsom": (uren * rng.normal(38.0, 6.0, n).clip(15, 120)).round(2),
        }))
    tabel = pd.concat(delen, ignore_index=True)
    assert set(UUR_KOLOMMEN) <= set(tabel.columns)
    return tabel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--werkgevers", type=int, default=450_000)
    parser.add_argument("--jaar", type=int, default=2024)
    args = parser.parse_args()
    inst = Instellingen(
        quotumpercentage={"markt": Decimal("2.10"), "overheid": Decimal("3.00")},
        wbaf_quotumpercentage=Decimal("2.30"),
        bonus_beleidswaarde_2019=True,
        kalibreer_opslag=True,
        activeringsbesluit=date(args.jaar - 2, 1, 1),
    )
    t0 = time.perf_counter()
    tabel = synthetisch(args.werkgevers, args.jaar)
    t1 = time.perf_counter()
    print(f"synthetische tabel: {args.werkgevers:,} werkgevers × 3 jaar = {len(tabel):,} rijen in {t1 - t0:.2f} s")
    start = time.perf_counter()
    bereken(tabel, args.jaar, ("wfsv",), inst)
    print(f"eerste aanroep wfsv (met opstart: imports, codeversie): {time.perf_counter() - start:.2f} s")
    for regimes in (("wfsv",), ("wbaf",), ("wfsv", "wbaf")):
        start = time.perf_counter()
        res = bereken(tabel, args.jaar, regimes, inst)
        duur = time.perf_counter() - start
        t = res.tabel
        regel = f"{' + '.join(regimes):12s} {duur:6.2f} s  ({len(t):,} werkgevers)"
        if "wfsv" in regimes:
            regel += (f"  heffingsplichtig {int(t['wfsv_heffingsplichtig'].sum()):,}, heffing berekend € "
                      f"{t['wfsv_heffing_berekend_centen'].sum() / 100:,.0f}")
        if "wbaf" in regimes:
            regel += (f"  opslag € {t['wbaf_inclusiviteitsopslag_centen'].sum() / 100:,.0f}, bonus € "
                      f"{t['wbaf_banenafspraakbonus_centen'].sum() / 100:,.0f}")
        print(regel)
    print("instellingen (scenario):", res.toelichting["instellingen"])
    print("wbaf:", res.toelichting.get("wbaf"))


if __name__ == "__main__":
    main()
