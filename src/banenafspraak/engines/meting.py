"""The yearly jobs measurement (meting) from payroll records, register and employer list.

Written once as Ibis expressions: the same code runs on the embedded DuckDB and on PySpark.

The chain, per measured year t (and for the nulmeting year, 2012):
1. the tax periods measured: the last ``meetperiode_maanden`` months of t (the stand at year end);
2. who is in the target group in each period: a registration that overlaps the period counts the whole
   period (art. 38g lid 8 Wfsv), with the gemeente of residence of the latest registration;
3. which hours count: own payroll (``regulier``) as formal jobs; agency work and placed Wsw staff as
   inleen; Wsw without placement not at all (``rules.meting.telling``);
4. jobs = paid hours / job norm for the period (1,331 h a year, so 332.75 h a quarter);
5. per sector: formal jobs by the employer's sector (art. 38c); inleen split nationally with the year's
   verdeelsleutel against the 2012 key (``engines.landelijk``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pandas as pd

import banenafspraak
from banenafspraak import parameters
from banenafspraak.engines.invoer import Invoer, tijdelijke_tabel
from banenafspraak.engines.landelijk import (
    SECTOREN,
    LandelijkeTabel,
    Stand,
    landelijke_tabel,
    peildatum,
    verdeelsleutel,
)
from banenafspraak.parameters import ParameterWaarde
from banenafspraak.reference import gemeenten
from banenafspraak.rules.meting import (
    baannorm_uren,
    banen,
    regelketen,
    registratie_overlapt_tijdvak,
    telcategorie,
)
from banenafspraak.rules.meting.telling import FORMEEL, INLEEN

UREN = ibis.expr.datatypes.Decimal(18, 2)  # exact sums of hours with two decimals; DuckDB widens the sum


class MetingFout(ValueError):
    """The inputs do not allow the asked measurement (e.g. no payroll for the nulmeting year)."""


def nulmetingjaar() -> int:
    return int(parameters.waarde("meting.nulmeting.peildatum_jaar", date(2013, 1, 1)).waarde)


def _laatste_dag(jaar: int, maand: int) -> date:
    return (date(jaar + maand // 12, maand % 12 + 1, 1)) - timedelta(days=1)


def tijdvakken(backend: Any, jaren: Iterable[int], maanden: int) -> ir.Table:
    """The tax periods measured for each year: the last ``maanden`` calendar months.

    Made as a temporary table on the input's own backend, so it joins there (also on Spark).
    """
    rijen = [
        {
            "jaar": j,
            "periode": f"{j:04d}-{m:02d}",
            "tijdvak_begin": date(j, m, 1),
            "tijdvak_eind": _laatste_dag(j, m),
        }
        for j in sorted(set(jaren))
        for m in range(13 - maanden, 13)
    ]
    schema = ibis.schema({"jaar": "int32", "periode": "string", "tijdvak_begin": "date", "tijdvak_eind": "date"})
    naam = "banenafspraak_tijdvakken_" + hashlib.sha256(repr(rijen).encode()).hexdigest()[:10]
    return tijdelijke_tabel(backend, naam, pd.DataFrame(rijen), schema)


def registraties_per_tijdvak(register: ir.Table, tv: ir.Table) -> ir.Table:
    """Every registration with every period it touches (art. 38g lid 8: it counts the whole period)."""
    return register.cross_join(tv).filter(
        registratie_overlapt_tijdvak(register.begindatum, register.einddatum, tv.tijdvak_begin, tv.tijdvak_eind)
    )


def doelgroep_per_tijdvak(register: ir.Table, tv: ir.Table) -> ir.Table:
    """(jaar, periode, persoon_id, gemeentecode): who counts in each period, and where they live."""
    r = registraties_per_tijdvak(register, tv)
    return r.group_by(["jaar", "periode", "persoon_id"]).aggregate(
        gemeentecode=r.gemeentecode.argmax(r.begindatum)
    )


def getelde_uren(polis: ir.Table, doelgroep: ir.Table, perioden: Sequence[str]) -> ir.Table:
    """Payroll rows that count, with their category (formeel/inleen) and the person's gemeente."""
    p = polis.filter(polis.periode.isin(list(perioden)))
    p = p.mutate(categorie=telcategorie(p.soort)).filter(lambda t: t.categorie.notnull())
    j = p.join(doelgroep, ["persoon_id", "periode"])
    return j.select(
        "jaar", "persoon_id", "loonheffingennummer", "inlener", "categorie", "gemeentecode",
        uren=j.verloonde_uren.cast(UREN),
    )


@dataclass
class MetingResultaat:
    """Everything one measurement run produced, with its lineage."""

    jaren: list[int]
    nulmetingjaar: int
    maanden: int
    baannorm_uren: Decimal
    landelijk: dict[int, LandelijkeTabel]
    overheidssectoren: pd.DataFrame
    gemeenten: pd.DataFrame
    arbeidsmarktregios: pd.DataFrame
    werkgevers: pd.DataFrame
    verdeelsleutel_geschat: pd.DataFrame
    herkomst: dict[str, Any] = field(default_factory=dict)

    def reeks(self) -> pd.DataFrame:
        """The multi-year series: one row per year and sector, with the change against the year before."""
        rijen = []
        for jaar in self.jaren:
            tabel = self.landelijk[jaar].als_dict()["sectoren"]
            for sector, r in tabel.items():
                vorig = self.landelijk.get(jaar - 1)
                verandering = (
                    r["totaal"] - vorig.als_dict()["sectoren"][sector]["totaal"] if vorig is not None else None
                )
                rijen.append({"jaar": jaar, "sector": sector, **{k: r[k] for k in (
                    "formeel", "inleen", "totaal", "doelstelling", "verschil", "realisatie_pct")},
                    "verandering_vorig_jaar": verandering})
        df = pd.DataFrame(rijen)
        df["verandering_vorig_jaar"] = df["verandering_vorig_jaar"].astype("Int64")  # empty for the first year
        return df


def code_versie() -> str:
    """Package version plus a checksum of the source, so a changed rule shows in every output."""
    h = hashlib.sha256()
    root = Path(banenafspraak.__file__).parent
    for pad in sorted(root.rglob("*.py")):
        h.update(str(pad.relative_to(root)).encode())
        h.update(pad.read_bytes())
    return f"{banenafspraak.__version__}+{h.hexdigest()[:12]}"


def _dec(x: Any) -> Decimal:
    if x is None or (isinstance(x, float) and pd.isna(x)):
        return Decimal(0)
    return x if isinstance(x, Decimal) else Decimal(str(x))


@contextmanager
def _gecachet(expr: ir.Table) -> Iterator[ir.Table]:
    tabel = expr.cache()
    try:
        yield tabel
    finally:
        tabel.release()


def meet(invoer: Invoer, jaren: Sequence[int], maanden: int | None = None) -> MetingResultaat:
    """Measure the given years against the nulmeting, from checked microdata."""
    jaren = sorted(set(jaren))
    nul = nulmetingjaar()
    if not jaren or jaren[0] <= nul:
        raise MetingFout(f"meetjaren moeten na het nulmetingjaar {nul} liggen")
    gebruikt: list[ParameterWaarde] = []
    w_maanden = parameters.waarde("meting.meetperiode_maanden", peildatum(jaren[0]))
    maanden = maanden or int(w_maanden.waarde)
    w_norm = parameters.waarde("meting.jaaruren_per_baan_monitoring", peildatum(jaren[0]))
    gebruikt += [w_maanden, w_norm]
    norm = baannorm_uren(int(w_norm.waarde), maanden)
    alle_jaren = sorted({nul, *jaren, *(j - 1 for j in jaren if j - 1 > nul)})

    tv = tijdvakken(invoer.backend, alle_jaren, maanden)
    perioden = [f"{j:04d}-{m:02d}" for j in alle_jaren for m in range(13 - maanden, 13)]
    dg = doelgroep_per_tijdvak(invoer.register, tv)
    werkgevers = invoer.werkgevers

    with _gecachet(getelde_uren(invoer.polis, dg, perioden)) as g:
        aanwezig = _jaren_met_polis(invoer.polis, tv)
        if nul not in aanwezig:
            raise MetingFout(
                f"geen polisregels in de meetperiode van {nul}: de nulmeting (stand 1 januari {nul + 1}) "
                "kan niet worden bepaald"
            )
        ontbrekend = [j for j in jaren if j not in aanwezig]
        if ontbrekend:
            raise MetingFout(f"geen polisregels in de meetperiode van {', '.join(map(str, ontbrekend))}")

        uren_formeel, uren_inleen = _uren_per_sector(g, werkgevers)
        standen: dict[int, Stand] = {}
        for jaar in alle_jaren:
            if jaar not in aanwezig:
                continue
            sleutel, w_sleutel = verdeelsleutel(jaar)
            gebruikt += w_sleutel
            formeel = {s: uren_formeel.get((jaar, s), Decimal(0)) for s in SECTOREN}
            inleen = uren_inleen.get(jaar, Decimal(0))
            standen[jaar] = Stand(
                formeel={s: banen(formeel[s], norm) for s in SECTOREN},
                inleen_totaal=banen(inleen, norm),
                verdeelsleutel=sleutel,
                uren_formeel=formeel,
                uren_inleen=inleen,
            )
        landelijk = {}
        for jaar in sorted(standen):
            if jaar == nul:
                continue
            try:
                tabel = landelijke_tabel(jaar, standen[jaar], standen[nul])
            except parameters.ParameterError:
                if jaar in jaren:
                    raise
                continue  # a year before the first target is only measured for the change against it
            tabel.baannorm_uren = norm
            gebruikt += tabel.gebruikte_parameters
            landelijk[jaar] = tabel

        resultaat = MetingResultaat(
            jaren=list(jaren),
            nulmetingjaar=nul,
            maanden=maanden,
            baannorm_uren=norm,
            landelijk={j: landelijk[j] for j in sorted(landelijk)},
            overheidssectoren=_per_overheidssector(g, werkgevers, norm, nul, jaren),
            gemeenten=(gm := _per_gemeente(g, dg, norm, nul, jaren, maanden)),
            arbeidsmarktregios=_per_arbeidsmarktregio(gm),
            werkgevers=_per_werkgever(g, werkgevers, norm, jaren),
            verdeelsleutel_geschat=_verdeelsleutel_geschat(g, werkgevers, jaren),
        )
    resultaat.herkomst = {
        "code_versie": code_versie(),
        "parameter_versie": parameters.versie(),
        "parameters": _uniek(gebruikt),
        "invoer_sha256": dict(sorted(invoer.checksums.items())),
        "meetperiode": f"laatste {maanden} maanden van elk jaar",
        "regels": regelketen(),
        "baannorm_uren": float(norm),
    }
    return resultaat


def _uniek(waarden: list[ParameterWaarde]) -> list[dict[str, Any]]:
    gezien: dict[tuple[str, date], dict[str, Any]] = {}
    for w in waarden:
        gezien.setdefault((w.naam, w.geldig_vanaf), w.lineage())
    return [gezien[k] for k in sorted(gezien)]


def _jaren_met_polis(polis: ir.Table, tv: ir.Table) -> set[int]:
    p = polis.join(tv, "periode")
    return {int(j) for j in p.select("jaar").distinct().to_pyarrow().to_pandas()["jaar"]}


def _uren_per_sector(
    g: ir.Table, werkgevers: ir.Table
) -> tuple[dict[tuple[int, str], Decimal], dict[int, Decimal]]:
    """Counted formal hours per (year, sector of the employer) and the inleen hours per year."""
    j = g.left_join(werkgevers.select("loonheffingennummer", "sector"), "loonheffingennummer")
    df = j.group_by(["jaar", "categorie", "sector"]).aggregate(uren=j.uren.sum()).to_pyarrow().to_pandas()
    formeel: dict[tuple[int, str], Decimal] = {}
    inleen: dict[int, Decimal] = {}
    for r in df.itertuples():
        if r.categorie == FORMEEL:
            formeel[(int(r.jaar), str(r.sector))] = _dec(r.uren)
        else:
            inleen[int(r.jaar)] = inleen.get(int(r.jaar), Decimal(0)) + _dec(r.uren)
    return formeel, inleen


def _banen(uren: pd.Series, norm: Decimal) -> pd.Series:
    return uren.map(lambda u: banen(_dec(u), norm))


def _extra(df: pd.DataFrame, sleutel: list[str], kolommen: list[str], nul: int, jaren: Sequence[int]) -> pd.DataFrame:
    """Per key and measured year: the columns, the same at the nulmeting, and the difference."""
    basis = df[df.jaar == nul].drop(columns="jaar").set_index(sleutel)
    uit = []
    for jaar in jaren:
        nu = df[df.jaar == jaar].drop(columns="jaar").set_index(sleutel)
        alles = nu.join(basis, how="outer", rsuffix="_nulmeting").reset_index()
        alles.insert(0, "jaar", jaar)
        uit.append(alles)
    res = pd.concat(uit, ignore_index=True) if uit else pd.DataFrame()
    for k in kolommen:
        res[k] = res[k].map(_dec)
        res[f"{k}_nulmeting"] = res[f"{k}_nulmeting"].map(_dec)
        res[f"{k}_extra"] = res[k] - res[f"{k}_nulmeting"]
    return res.sort_values(["jaar", *sleutel], ignore_index=True)


def _per_overheidssector(
    g: ir.Table, werkgevers: ir.Table, norm: Decimal, nul: int, jaren: Sequence[int]
) -> pd.DataFrame:
    """Formal jobs per government sub-sector, plus inleen where the borrowing employer is known."""
    w = werkgevers.filter(werkgevers.sector == "overheid").select("loonheffingennummer", "overheidssector")
    formeel = g.filter(g.categorie == FORMEEL).join(w, "loonheffingennummer")
    formeel = formeel.group_by(["jaar", "overheidssector"]).aggregate(uren_formeel=formeel.uren.sum())
    wi = w.rename(inlener="loonheffingennummer", overheidssector_inlener="overheidssector")
    inleen = g.filter(g.categorie == INLEEN).join(wi, "inlener")
    inleen = inleen.group_by(["jaar", inleen.overheidssector_inlener.name("overheidssector")]).aggregate(
        uren_inleen_bekend=inleen.uren.sum()
    )
    df = formeel.outer_join(inleen, ["jaar", "overheidssector"]).select(
        jaar=ibis.coalesce(formeel.jaar, inleen.jaar),
        overheidssector=ibis.coalesce(formeel.overheidssector, inleen.overheidssector),
        uren_formeel=formeel.uren_formeel,
        uren_inleen_bekend=inleen.uren_inleen_bekend,
    ).to_pyarrow().to_pandas()
    res = _extra(df, ["overheidssector"], ["uren_formeel", "uren_inleen_bekend"], nul, jaren)
    for k in ("formeel", "inleen_bekend"):
        res[f"banen_{k}"] = _banen(res[f"uren_{k}"], norm)
        res[f"banen_{k}_extra"] = _banen(res[f"uren_{k}_extra"], norm)
    return res


def _per_gemeente(
    g: ir.Table, dg: ir.Table, norm: Decimal, nul: int, jaren: Sequence[int], maanden: int
) -> pd.DataFrame:
    """Jobs, people registered and people working per gemeente of residence."""
    werk = g.group_by(["jaar", "gemeentecode"]).aggregate(
        uren=g.uren.sum(),
        uren_formeel=g.uren.sum(where=g.categorie == FORMEEL),
        werkend=g.persoon_id.nunique(),
    )
    laatste = dg.filter(dg.periode.right(2) == "12")
    reg = laatste.group_by(["jaar", "gemeentecode"]).aggregate(geregistreerd=laatste.persoon_id.nunique())
    df = reg.outer_join(werk, ["jaar", "gemeentecode"]).select(
        jaar=ibis.coalesce(reg.jaar, werk.jaar),
        gemeentecode=ibis.coalesce(reg.gemeentecode, werk.gemeentecode),
        geregistreerd=reg.geregistreerd.fill_null(0),
        werkend=werk.werkend.fill_null(0),
        uren=werk.uren,
        uren_formeel=werk.uren_formeel,
    ).to_pyarrow().to_pandas()
    res = _extra(df, ["gemeentecode"], ["uren", "uren_formeel"], nul, jaren)
    for k in ("geregistreerd", "werkend"):
        res[k] = res[k].fillna(0).astype("int64")
        res = res.drop(columns=f"{k}_nulmeting")
    res["banen"] = _banen(res["uren"], norm)
    res["banen_nulmeting"] = _banen(res["uren_nulmeting"], norm)
    res["banen_extra"] = res["banen"] - res["banen_nulmeting"]
    gm = gemeenten()
    res.insert(2, "gemeentenaam", res.gemeentecode.map(lambda c: gm[c].naam))
    res.insert(3, "arbeidsmarktregio_code", res.gemeentecode.map(lambda c: gm[c].arbeidsmarktregio_code))
    res.insert(4, "arbeidsmarktregio_naam", res.gemeentecode.map(lambda c: gm[c].arbeidsmarktregio_naam))
    return res


def _per_arbeidsmarktregio(gm: pd.DataFrame) -> pd.DataFrame:
    som = ["geregistreerd", "werkend", "uren", "uren_nulmeting", "banen", "banen_nulmeting", "banen_extra"]
    df = gm.groupby(["jaar", "arbeidsmarktregio_code", "arbeidsmarktregio_naam"], as_index=False)[som].agg(
        lambda s: sum(s, Decimal(0)) if s.dtype == object else s.sum()
    )
    return df.sort_values(["jaar", "arbeidsmarktregio_code"], ignore_index=True)


def _per_werkgever(g: ir.Table, werkgevers: ir.Table, norm: Decimal, jaren: Sequence[int]) -> pd.DataFrame:
    """Per employer: formal jobs on its own payroll, and inleen where it is the known borrower."""
    gj = g.filter(g.jaar.isin(list(jaren)))
    eigen = gj.group_by(["jaar", "loonheffingennummer"]).aggregate(
        uren_formeel=gj.uren.sum(where=gj.categorie == FORMEEL),
        uren_uitgeleend=gj.uren.sum(where=gj.categorie == INLEEN),
    )
    ing = gj.filter(gj.inlener.notnull())
    ing = ing.group_by(["jaar", ing.inlener.name("loonheffingennummer")]).aggregate(uren_ingeleend=ing.uren.sum())
    df = eigen.outer_join(ing, ["jaar", "loonheffingennummer"]).select(
        jaar=ibis.coalesce(eigen.jaar, ing.jaar),
        loonheffingennummer=ibis.coalesce(eigen.loonheffingennummer, ing.loonheffingennummer),
        uren_formeel=eigen.uren_formeel,
        uren_uitgeleend=eigen.uren_uitgeleend,
        uren_ingeleend=ing.uren_ingeleend,
    )
    df = df.view().join(
        werkgevers.select("loonheffingennummer", "naam", "sector", "overheidssector"), "loonheffingennummer"
    )
    res = df.to_pyarrow().to_pandas()
    for k in ("formeel", "uitgeleend", "ingeleend"):
        res[f"uren_{k}"] = res[f"uren_{k}"].map(_dec)
        res[f"banen_{k}"] = _banen(res[f"uren_{k}"], norm)
    kolommen = ["jaar", "loonheffingennummer", "naam", "sector", "overheidssector",
                "uren_formeel", "banen_formeel", "uren_ingeleend", "banen_ingeleend",
                "uren_uitgeleend", "banen_uitgeleend"]
    return res[kolommen].sort_values(["jaar", "loonheffingennummer"], ignore_index=True)


def _verdeelsleutel_geschat(g: ir.Table, werkgevers: ir.Table, jaren: Sequence[int]) -> pd.DataFrame:
    """The inleen key as the microdata show it where the borrower is known (for comparison only)."""
    w = werkgevers.select(inlener=werkgevers.loonheffingennummer, sector=werkgevers.sector)
    i = g.filter((g.categorie == INLEEN) & g.inlener.notnull()).join(w, "inlener")
    df = i.group_by(["jaar", "sector"]).aggregate(uren=i.uren.sum()).to_pyarrow().to_pandas()
    rijen = []
    for jaar, deel in df.groupby("jaar"):
        totaal = sum((_dec(u) for u in deel.uren), Decimal(0))
        for r in deel.itertuples():
            rijen.append({"jaar": int(jaar), "sector": r.sector,
                          "aandeel": (_dec(r.uren) / totaal) if totaal else None})
    return pd.DataFrame(rijen, columns=["jaar", "sector", "aandeel"]).sort_values(
        ["jaar", "sector"], ignore_index=True
    )


def werkgeverstabel(invoer: Invoer, jaar: int) -> ir.Table:
    """One row per employer for calendar year ``jaar``: the paid hours the quota rules need.

    All twelve months count. Columns (hours as decimals): uren_regulier, uren_uitzend_uitgeleend, uren_wsw,
    uren_wsw_gedetacheerd (all persons, own payroll); uren_doelgroep_regulier, uren_doelgroep_uitgeleend
    (register persons, own payroll); uren_doelgroep_ingeleend (register persons hired in, by ``inlener``).
    All payroll is summed per employer without a join; only the target group's rows go through the
    register join (an inner join on a small table), which is far cheaper than marking every row.
    """
    tv = tijdvakken(invoer.backend, [jaar], 12)
    perioden = [f"{jaar:04d}-{m:02d}" for m in range(1, 13)]
    polis = invoer.polis.filter(invoer.polis.periode.isin(perioden))
    u = polis.verloonde_uren.cast(UREN)
    alle = polis.group_by("loonheffingennummer").aggregate(
        uren_regulier=u.sum(where=polis.soort == "regulier"),
        uren_uitzend_uitgeleend=u.sum(where=polis.soort == "uitzend"),
        uren_wsw=u.sum(where=polis.soort == "wsw"),
        uren_wsw_gedetacheerd=u.sum(where=polis.soort == "wsw_gedetacheerd"),
    )
    # only who is in the target group matters here, not where they live: a distinct set joins cheapest
    doelgroep = registraties_per_tijdvak(invoer.register, tv).select("persoon_id", "periode").distinct()
    # the join itself limits the rows to the year's periods; reusing ``polis`` here would make DuckDB
    # materialise the filtered payroll as a shared CTE (9 GB on a national year)
    g = invoer.polis.join(doelgroep, ["persoon_id", "periode"])
    g = g.select("loonheffingennummer", "inlener", uren=g.verloonde_uren.cast(UREN),
                 categorie=telcategorie(g.soort)).filter(lambda t: t.categorie.notnull())
    dg = g.group_by("loonheffingennummer").aggregate(
        uren_doelgroep_regulier=g.uren.sum(where=g.categorie == FORMEEL),
        uren_doelgroep_uitgeleend=g.uren.sum(where=g.categorie == INLEEN),
    )
    ing = g.filter(g.inlener.notnull())
    ing = ing.group_by(ing.inlener.name("loonheffingennummer")).aggregate(uren_doelgroep_ingeleend=ing.uren.sum())
    w = invoer.werkgevers
    t = w.left_join(alle, "loonheffingennummer").left_join(dg, "loonheffingennummer").left_join(
        ing, "loonheffingennummer"
    )
    return t.select(
        "loonheffingennummer", "naam", "sector", "overheidssector", "gemeentecode",
        jaar=ibis.literal(jaar, "int32"),
        **{k: t[k].fill_null(0).cast(UREN) for k in WERKGEVERSTABEL_UREN},
    )


WERKGEVERSTABEL_UREN = (
    "uren_regulier", "uren_uitzend_uitgeleend", "uren_wsw", "uren_wsw_gedetacheerd",
    "uren_doelgroep_regulier", "uren_doelgroep_uitgeleend", "uren_doelgroep_ingeleend",
)
