"""Benchmark: a national payroll year measured per employer, four ways side by side.

    python benchmarks/meting_landelijk.py [--data benchmarks/data] [--herhalingen 3]

The data is the synthetic nation at size ``landelijk`` (generated once into --data, ~4 GB free disk needed):
2025 holds every employee of 450,000 employers (about 110 million payroll rows) and ~270,000 registered
people. Each variant computes the per-employer table of ``engines.meting.werkgeverstabel`` for 2025 (paid
hours by kind, target-group hours with the whole-month registration rule, hours hired in by the borrower):

- engine: the project's Ibis expressions on the embedded DuckDB;
- sql:    the same result as one hand-written DuckDB query;
- scan:   DuckDB reading the same columns and summing them (the practical limit of the machine);
- pandas: a plain pandas version, the analyst's baseline.

Every variant runs in its own process, so its peak memory (max RSS) is its own. Results of engine, sql and
pandas are compared; the script fails if they differ. Prints a table with median times and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

JAAR = 2025
HIER = Path(__file__).resolve().parent


def zorg_voor_data(data: Path) -> Path:
    """Generate the national nation once, and cut out the payroll of the benchmark year."""
    import duckdb

    from banenafspraak.demo.generator import genereer

    land = data / "landelijk"
    if not (land / "manifest.json").exists():
        print("Synthetisch land genereren (landelijk, eenmalig; enkele minuten)...", flush=True)
        genereer(land, omvang="landelijk", voortgang=lambda stap, _d: print(f"  {stap}", flush=True))
    jaar = land / f"polis_{JAAR}.parquet"
    if not jaar.exists():
        con = duckdb.connect()
        con.sql(f"COPY (SELECT * FROM read_parquet('{land / 'polis.parquet'}') WHERE periode LIKE '{JAAR}-%') "
                f"TO '{jaar}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000000)")
    return land


SQL = """
WITH tijdvak AS NOT MATERIALIZED (
    SELECT strftime(m, '%Y-%m') AS periode, CAST(m AS DATE) AS begin,
           CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS eind
    FROM range(DATE '{jaar}-01-01', DATE '{jaar}-12-01' + INTERVAL 1 MONTH, INTERVAL 1 MONTH) r(m)
), doelgroep AS NOT MATERIALIZED (
    SELECT DISTINCT r.persoon_id, t.periode
    FROM read_parquet('{register}') r JOIN tijdvak t
      ON CAST(r.begindatum AS DATE) <= t.eind
     AND (r.einddatum IS NULL OR CAST(r.einddatum AS DATE) >= t.begin)
), polis AS NOT MATERIALIZED (
    SELECT * FROM read_parquet('{polis}') WHERE periode LIKE '{jaar}-%'
), alle AS NOT MATERIALIZED (
    SELECT loonheffingennummer,
           sum(CAST(verloonde_uren AS DECIMAL(18, 2))) FILTER (WHERE soort = 'regulier') AS uren_regulier,
           sum(CAST(verloonde_uren AS DECIMAL(18, 2))) FILTER (WHERE soort = 'uitzend') AS uren_uitzend_uitgeleend,
           sum(CAST(verloonde_uren AS DECIMAL(18, 2))) FILTER (WHERE soort = 'wsw') AS uren_wsw,
           sum(CAST(verloonde_uren AS DECIMAL(18, 2))) FILTER (WHERE soort = 'wsw_gedetacheerd')
               AS uren_wsw_gedetacheerd
    FROM polis GROUP BY loonheffingennummer
), geteld AS NOT MATERIALIZED (
    SELECT p.loonheffingennummer, p.inlener, CAST(p.verloonde_uren AS DECIMAL(18, 2)) AS uren,
           CASE WHEN p.soort = 'regulier' THEN 'formeel' ELSE 'inleen' END AS categorie
    FROM polis p JOIN doelgroep d ON p.persoon_id = d.persoon_id AND p.periode = d.periode
    WHERE p.soort <> 'wsw'
), doelgroep_eigen AS NOT MATERIALIZED (
    SELECT loonheffingennummer,
           sum(uren) FILTER (WHERE categorie = 'formeel') AS uren_doelgroep_regulier,
           sum(uren) FILTER (WHERE categorie = 'inleen') AS uren_doelgroep_uitgeleend
    FROM geteld GROUP BY loonheffingennummer
), ingeleend AS NOT MATERIALIZED (
    SELECT inlener AS loonheffingennummer, sum(uren) AS uren_doelgroep_ingeleend
    FROM geteld WHERE inlener IS NOT NULL GROUP BY inlener
)
SELECT w.loonheffingennummer, w.naam, w.sector, w.overheidssector, w.gemeentecode, {jaar} AS jaar,
       coalesce(a.uren_regulier, 0) AS uren_regulier,
       coalesce(a.uren_uitzend_uitgeleend, 0) AS uren_uitzend_uitgeleend,
       coalesce(a.uren_wsw, 0) AS uren_wsw, coalesce(a.uren_wsw_gedetacheerd, 0) AS uren_wsw_gedetacheerd,
       coalesce(e.uren_doelgroep_regulier, 0) AS uren_doelgroep_regulier,
       coalesce(e.uren_doelgroep_uitgeleend, 0) AS uren_doelgroep_uitgeleend,
       coalesce(i.uren_doelgroep_ingeleend, 0) AS uren_doelgroep_ingeleend
FROM read_parquet('{werkgevers}') w
LEFT JOIN alle a USING (loonheffingennummer)
LEFT JOIN doelgroep_eigen e USING (loonheffingennummer)
LEFT JOIN ingeleend i USING (loonheffingennummer)
"""

SCAN = """
SELECT count(loonheffingennummer), count(persoon_id), count(periode), sum(verloonde_uren), count(soort),
       count(inlener)
FROM read_parquet('{polis}')
"""

UREN_KOLOMMEN = ["uren_regulier", "uren_uitzend_uitgeleend", "uren_wsw", "uren_wsw_gedetacheerd",
                 "uren_doelgroep_regulier", "uren_doelgroep_uitgeleend", "uren_doelgroep_ingeleend"]


def _controle(tabel) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Column sums and the row count (of an Arrow table or a DataFrame): what the variants must agree on."""
    if hasattr(tabel, "to_pandas"):
        import pyarrow.compute as pc

        return {"rijen": float(tabel.num_rows),
                **{k: float(pc.sum(tabel[k]).as_py() or 0) for k in UREN_KOLOMMEN}}
    return {"rijen": float(len(tabel)), **{k: float(tabel[k].astype(float).sum()) for k in UREN_KOLOMMEN}}


def _gelijk(a: dict[str, float], b: dict[str, float]) -> bool:
    """Equal up to float rounding in the pandas sums (the engine and SQL sum exact decimals)."""
    return a.keys() == b.keys() and all(abs(a[k] - b[k]) <= 1e-9 * max(1.0, abs(a[k])) for k in a)


def variant_engine(polis: Path, register: Path, werkgevers: Path) -> dict[str, float]:
    import ibis

    from banenafspraak.engines.invoer import Invoer
    from banenafspraak.engines.meting import werkgeverstabel

    con = ibis.duckdb.connect()
    con.raw_sql("SET enable_progress_bar = false")
    reg = con.read_parquet(register)
    reg = reg.mutate(begindatum=reg.begindatum.cast("date"), einddatum=reg.einddatum.cast("date"))
    invoer = Invoer(polis=con.read_parquet(polis), werkgevers=con.read_parquet(werkgevers), register=reg,
                    backend=con)
    return _controle(werkgeverstabel(invoer, JAAR).to_pyarrow())


def variant_sql(polis: Path, register: Path, werkgevers: Path) -> dict[str, float]:
    import duckdb

    con = duckdb.connect()
    con.sql("SET enable_progress_bar = false")
    sql = SQL.format(jaar=JAAR, polis=polis, register=register, werkgevers=werkgevers)
    return _controle(con.sql(sql).fetch_arrow_table())


def variant_scan(polis: Path, register: Path, werkgevers: Path) -> dict[str, float]:
    import duckdb

    con = duckdb.connect()
    con.sql("SET enable_progress_bar = false")
    rij = con.sql(SCAN.format(polis=polis)).fetchone() or ()
    return {"rijen": float(rij[0])}


def variant_pandas(polis: Path, register: Path, werkgevers: Path) -> dict[str, float]:
    import pandas as pd
    import pyarrow.parquet as pq

    p = pq.read_table(polis, read_dictionary=["loonheffingennummer", "persoon_id", "periode", "soort", "inlener"]
                      ).to_pandas()
    r = pd.read_parquet(register)
    r["begindatum"] = pd.to_datetime(r.begindatum)
    r["einddatum"] = pd.to_datetime(r.einddatum)
    maanden = pd.DataFrame({"periode": [f"{JAAR}-{m:02d}" for m in range(1, 13)]})
    maanden["begin"] = pd.to_datetime(maanden.periode + "-01")
    maanden["eind"] = maanden.begin + pd.offsets.MonthEnd(0)
    d = r.merge(maanden, how="cross")
    d = d[(d.begindatum <= d.eind) & (d.einddatum.isna() | (d.einddatum >= d.begin))]
    d = d[["persoon_id", "periode"]].drop_duplicates()
    # one groupby over two categoricals instead of a column per kind: the first version ran out of 24 GB
    eigen = p.groupby(["loonheffingennummer", "soort"], observed=True).verloonde_uren.sum().unstack(fill_value=0.0)
    eigen = eigen.rename(columns={"regulier": "uren_regulier", "uitzend": "uren_uitzend_uitgeleend",
                                  "wsw": "uren_wsw", "wsw_gedetacheerd": "uren_wsw_gedetacheerd"})
    g = p[(p.soort != "wsw") & p.persoon_id.isin(d.persoon_id.unique())]
    g = g.astype({"persoon_id": str, "periode": str}).merge(d, on=["persoon_id", "periode"])
    g["uren"] = g.verloonde_uren
    formeel = g.soort.astype(str) == "regulier"
    g["uren_doelgroep_regulier"] = g.uren.where(formeel, 0.0)
    g["uren_doelgroep_uitgeleend"] = g.uren.where(~formeel, 0.0)
    dg = g.groupby("loonheffingennummer", observed=True)[["uren_doelgroep_regulier", "uren_doelgroep_uitgeleend"]].sum()
    ing = g[g.inlener.notna()].groupby("inlener", observed=True).uren.sum().rename("uren_doelgroep_ingeleend")
    w = pd.read_parquet(werkgevers)
    eigen.index = eigen.index.astype(str)
    eigen.columns = eigen.columns.astype(str)
    ing.index = ing.index.astype(str)
    dg.index = dg.index.astype(str)
    uit = w
    for deel in (eigen, dg, ing):
        uit = uit.merge(deel, left_on="loonheffingennummer", right_index=True, how="left")
    uit = uit.fillna(dict.fromkeys(UREN_KOLOMMEN, 0.0))
    return _controle(uit)


VARIANTEN = {"engine": variant_engine, "sql": variant_sql, "scan": variant_scan, "pandas": variant_pandas}


def kind(variant: str, land: Path) -> None:
    """Run one variant in this process and print its time and result as JSON."""
    paden = (land / f"polis_{JAAR}.parquet", land / "register.parquet", land / "werkgevers.parquet")
    t0 = time.perf_counter()
    controle = VARIANTEN[variant](*paden)
    print(json.dumps({"seconden": time.perf_counter() - t0, "controle": controle}))


def draai(variant: str, land: Path) -> tuple[float, float, dict[str, float]]:
    proc = subprocess.Popen([sys.executable, __file__, "--kind", variant, "--data", str(land.parent)],
                            stdout=subprocess.PIPE, text=True)
    _, status, gebruik = os.wait4(proc.pid, 0)
    uit = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"variant {variant} faalde")
    d = json.loads(uit.strip().splitlines()[-1])
    return d["seconden"], gebruik.ru_maxrss / 1024 / 1024, d["controle"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=HIER / "data")
    ap.add_argument("--herhalingen", type=int, default=3)
    ap.add_argument("--kind", choices=VARIANTEN)
    ap.add_argument("--zonder-pandas", action="store_true", help="sla de (trage) pandas-variant over")
    args = ap.parse_args()
    if args.kind:
        kind(args.kind, args.data / "landelijk")
        return
    land = zorg_voor_data(args.data)
    import duckdb

    rijen = duckdb.sql(f"SELECT count(*) FROM '{land / f'polis_{JAAR}.parquet'}'").fetchone()[0]  # type: ignore[index]
    gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"{rijen:,} polisregels ({JAAR}); machine: {platform.machine()}, {os.cpu_count()} cores, {gib:.0f} GiB, "
          f"Python {platform.python_version()}, duckdb {duckdb.__version__}")
    tijden: dict[str, list[float]] = {}
    geheugen: dict[str, list[float]] = {}
    controles: dict[str, dict[str, float]] = {}
    varianten = [v for v in VARIANTEN if not (args.zonder_pandas and v == "pandas")]
    # interleaved rounds, so load on the shared machine hits every variant alike; pandas once, last, because
    # its 12 GB push the payroll file out of the page cache
    volgorde = [(r, v) for r in range(args.herhalingen) for v in varianten if v != "pandas"]
    volgorde += [(args.herhalingen - 1, "pandas")] if "pandas" in varianten else []
    for ronde, v in volgorde:
        s, mem, c = draai(v, land)
        print(f"  ronde {ronde + 1} {v:7s} {s:7.2f} s  {mem:6.2f} GB", flush=True)
        tijden.setdefault(v, []).append(s)
        geheugen.setdefault(v, []).append(mem)
        controles[v] = c
    for v in ("sql", "pandas"):
        if v in controles and not _gelijk(controles[v], controles["engine"]):
            raise SystemExit(f"engine en {v} geven verschillende uitkomsten:\n{controles['engine']}\n{controles[v]}")
    med = {v: statistics.median(t) for v, t in tijden.items()}
    piek = {v: max(m) for v, m in geheugen.items()}
    print()
    print("| variant | mediaan (s) | piekgeheugen (GB) | engine ÷ variant |")
    print("| --- | ---: | ---: | ---: |")
    for v in varianten:
        print(f"| {v} | {med[v]:.2f} | {piek[v]:.2f} | {med['engine'] / med[v]:.2f} |")
    print()
    print(f"engine / hand-written SQL = {med['engine'] / med['sql']:.2f} (doel ≤ 1.5)")
    print(f"engine / scan             = {med['engine'] / med['scan']:.2f} (doel ≤ 4)")
    print(f"engine piekgeheugen       = {piek['engine']:.2f} GB (doel < 3)")
    print(f"uitkomsten engine = sql{' = pandas' if 'pandas' in med else ''}: {controles['engine']}")


if __name__ == "__main__":
    main()
