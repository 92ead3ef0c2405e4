"""The quota position of every employer and year, under the Wfsv levy and/or the Wet banenafspraak.

Input: the Meting's employer table (one row per employer and calendar year; see ``VERPLICHTE_KOLOMMEN``), as a
pandas DataFrame or an Ibis table. All rules run as numpy columns over all employers at once. ``verklaar``
gives the chain of rules for one employer, with inputs, outputs and articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from banenafspraak import parameters
from banenafspraak.parameters import ParameterError
from banenafspraak.rules.citaat import Citaat, citaten_van
from banenafspraak.rules.quotum.activering import is_geactiveerd
from banenafspraak.rules.quotum.heffing import quotumheffing_centen
from banenafspraak.rules.quotum.heffingsplicht import is_heffingsplichtig
from banenafspraak.rules.quotum.opschorting import uitvoering_opgeschort
from banenafspraak.rules.quotum.quotumpercentage import vastgesteld_quotumpercentage
from banenafspraak.rules.quotum.quotumtekort import gerealiseerde_banen, quotumtekort, verwachte_banen
from banenafspraak.rules.quotum.verloonde_uren import (
    verloonde_uren_arbeidsbeperkten,
    verloonde_uren_omvangstoets,
    verloonde_uren_werkgever,
)
from banenafspraak.rules.wbaf.banenafspraakbonus import banenafspraakbonus_centen
from banenafspraak.rules.wbaf.inclusiviteitsopslag import (
    inclusiviteitsopslag_centen,
    opslag_verschuldigd_vanaf,
    opslaggrondslag,
)
from banenafspraak.rules.wbaf.kalibratie import gekalibreerd_opslagpercentage
from banenafspraak.rules.wbaf.kleine_werkgever import is_kleine_werkgever
from banenafspraak.rules.wbaf.regime import regime_voor_jaar

UUR_KOLOMMEN = (
    "uren_regulier",
    "uren_uitzend_uitgeleend",
    "uren_wsw",
    "uren_wsw_gedetacheerd",
    "uren_doelgroep_regulier",
    "uren_doelgroep_ingeleend",
    "uren_doelgroep_uitgeleend",
)
VERPLICHTE_KOLOMMEN = ("loonheffingennummer", "sector", "jaar", *UUR_KOLOMMEN)
# Optional wage columns (euros) that art. 6 lid 4 Wet banenafspraak keeps out of the surcharge base.
VRIJGESTELD_LOON = ("loon_uitgeleende_werknemers", "loon_wsw_niet_gedetacheerd", "loon_beschut_werk", "uitkeringen")
REGIMES = ("wfsv", "wbaf")


class QuotumInvoerFout(ValueError):
    """The employer table or the settings cannot be used; the message names the column, row and reason."""


@dataclass(frozen=True)
class Instellingen:
    """Choices the law leaves to a regulation that was not found; each one is visible in the output."""

    quotumpercentage: dict[str, Decimal] = field(default_factory=dict)  # Wfsv, per sector; else parameter
    wbaf_quotumpercentage: Decimal | None = None  # else parameter wbaf.quotumpercentage
    bonus_per_uur: Decimal | None = None  # else parameter wbaf.banenafspraakbonus_per_uur
    bonus_beleidswaarde_2019: bool = False  # use the 2019 design value (a policy value, not law)
    opslag_percentage: Decimal | None = None  # else parameter; ignored when kalibreer
    kalibreer_opslag: bool = False  # surcharge such that surcharge == bonus at exactly the quota
    inwerkingtreding_artikel_2: date | None = None  # else parameter wbaf.inwerkingtreding_artikel_2
    activeringsbesluit: date | None = None  # else parameter wbaf.activeringsbesluit

    def beschrijving(self) -> dict[str, Any]:
        return {
            "quotumpercentage": {k: str(v) for k, v in self.quotumpercentage.items()},
            "wbaf_quotumpercentage": None if self.wbaf_quotumpercentage is None else str(self.wbaf_quotumpercentage),
            "bonus_per_uur": None if self.bonus_per_uur is None else str(self.bonus_per_uur),
            "bonus_beleidswaarde_2019": self.bonus_beleidswaarde_2019,
            "opslag_percentage": None if self.opslag_percentage is None else str(self.opslag_percentage),
            "kalibreer_opslag": self.kalibreer_opslag,
            "inwerkingtreding_artikel_2": _iso(self.inwerkingtreding_artikel_2),
            "activeringsbesluit": _iso(self.activeringsbesluit),
        }


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _datum_parameter(naam: str, peildatum: date) -> date | None:
    try:
        w = parameters.waarde(naam, peildatum).waarde
    except ParameterError:
        return None
    return w if isinstance(w, date) else date.fromisoformat(str(w))


# ---------------------------------------------------------------------------------------------------- input


def lees_tabel(tabel: Any) -> pd.DataFrame:
    """A pandas frame from a DataFrame or an Ibis table, checked against the input contract."""
    if not isinstance(tabel, pd.DataFrame):
        to_pyarrow = getattr(tabel, "to_pyarrow", None)  # Ibis: Arrow converts decimals ~20x faster
        to_pandas = getattr(tabel, "to_pandas", None)
        if to_pyarrow is not None:
            tabel = to_pyarrow().to_pandas()
        elif to_pandas is not None:
            tabel = to_pandas()
        else:
            raise QuotumInvoerFout(f"werkgeverstabel: onbekend type {type(tabel).__name__}")
    df = tabel
    ontbrekend = [k for k in VERPLICHTE_KOLOMMEN if k not in df.columns]
    if ontbrekend:
        raise QuotumInvoerFout(f"werkgeverstabel: kolom(men) ontbreken: {', '.join(ontbrekend)}")
    df = df.copy()
    df["loonheffingennummer"] = df["loonheffingennummer"].astype(str)
    for kolom in (*UUR_KOLOMMEN, "jaar"):
        waarden = pd.to_numeric(df[kolom], errors="coerce")
        fout = waarden.isna() | (waarden < 0)
        if fout.any():
            rij = int(np.flatnonzero(fout.to_numpy())[0])
            raise QuotumInvoerFout(
                f"werkgeverstabel: kolom {kolom}, rij {rij + 1}: {df[kolom].iloc[rij]!r} is geen getal ≥ 0"
            )
        df[kolom] = waarden.astype(np.int64 if kolom == "jaar" else np.float64)
    sectoren = ~df["sector"].isin(["markt", "overheid"])
    if sectoren.any():
        rij = int(np.flatnonzero(sectoren.to_numpy())[0])
        raise QuotumInvoerFout(
            f"werkgeverstabel: kolom sector, rij {rij + 1}: {df['sector'].iloc[rij]!r} is niet 'markt' of 'overheid'"
        )
    for kolom in ("loonsom", *VRIJGESTELD_LOON):
        if kolom not in df.columns:
            continue
        bedrag = pd.to_numeric(df[kolom], errors="coerce")
        negatief = bedrag < 0
        if negatief.any():
            rij = int(np.flatnonzero(negatief.to_numpy())[0])
            raise QuotumInvoerFout(f"werkgeverstabel: kolom {kolom}, rij {rij + 1}: negatief bedrag")
        df[kolom] = bedrag.astype(np.float64)
    dubbel = df.duplicated(["loonheffingennummer", "jaar"])
    if dubbel.any():
        rij = int(np.flatnonzero(dubbel.to_numpy())[0])
        raise QuotumInvoerFout(
            f"werkgeverstabel: rij {rij + 1}: werkgever {df['loonheffingennummer'].iloc[rij]} staat twee keer in "
            f"jaar {df['jaar'].iloc[rij]}"
        )
    return df


def _waarde_eerder_jaar(df: pd.DataFrame, waarden: np.ndarray, jaren_terug: int, jaar: int) -> np.ndarray:
    """``waarden`` (one per row of ``df``) of the same employer ``jaren_terug`` years before ``jaar``, aligned with
    the rows of ``jaar``; 0 when the employer has no row that year but the table covers it (no paid hours), NaN
    when the table does not cover that year at all."""
    jaren = df["jaar"].to_numpy()
    eerder_jaar = jaar - jaren_terug
    eerder = jaren == eerder_jaar
    huidig_lhn = df["loonheffingennummer"].to_numpy()[jaren == jaar]
    if not eerder.any():
        return np.full(len(huidig_lhn), np.nan)
    reeks = pd.Series(np.asarray(waarden, dtype=np.float64)[eerder], index=df["loonheffingennummer"].to_numpy()[eerder])
    return reeks.reindex(huidig_lhn, fill_value=0.0).to_numpy(dtype=np.float64)


# ---------------------------------------------------------------------------------------------------- regimes


def _kol(df: pd.DataFrame, naam: str) -> np.ndarray:
    return df[naam].to_numpy(dtype=np.float64)


def _sectorpercentage(df: pd.DataFrame, jaar: int, inst: Instellingen) -> np.ndarray:
    pct = np.zeros(len(df))
    fouten = []
    for sector in ("markt", "overheid"):
        rijen = (df["sector"] == sector).to_numpy()
        if not rijen.any():
            continue
        if sector in inst.quotumpercentage:
            waarde = inst.quotumpercentage[sector]
        else:
            try:
                waarde = vastgesteld_quotumpercentage(sector, jaar)
            except ParameterError as exc:
                fouten.append(f"{sector}: {exc}")
                continue
        pct[rijen] = float(waarde)
    if fouten:
        raise QuotumInvoerFout(
            f"quotumpercentage {jaar} niet bekend ({'; '.join(fouten)}). Geef het mee met --quotumpercentage "
            "(art. 38f Wfsv)"
        )
    return pct


def _wfsv(df: pd.DataFrame, alle: pd.DataFrame, jaar: int, inst: Instellingen) -> pd.DataFrame:
    peildatum = date(jaar, 1, 1)
    drempel = float(parameters.waarde("quotum.drempel_verloonde_uren", peildatum).waarde)
    d_uren = float(parameters.waarde("meting.jaaruren_per_baan_monitoring", peildatum).waarde)
    heffing_per_baan = int(parameters.waarde("quotum.heffing_per_ontbrekende_baan", peildatum).waarde)
    omvang = verloonde_uren_omvangstoets(
        _kol(df, "uren_regulier"), _kol(df, "uren_uitzend_uitgeleend"), _kol(df, "uren_wsw"),
        _kol(df, "uren_wsw_gedetacheerd"),
    )
    omvang_alle = verloonde_uren_omvangstoets(
        _kol(alle, "uren_regulier"), _kol(alle, "uren_uitzend_uitgeleend"), _kol(alle, "uren_wsw"),
        _kol(alle, "uren_wsw_gedetacheerd"),
    )
    omvang_vorig = _waarde_eerder_jaar(alle, omvang_alle, 1, jaar)
    vorig_bekend = ~np.isnan(omvang_vorig)
    # Without the year before in the table, only the levy-year test (lid 6) can be applied.
    plichtig = is_heffingsplichtig(np.where(vorig_bekend, omvang_vorig, drempel), omvang, drempel)
    a = _a_uren(df)
    c = _c_uren(df)
    pct = _sectorpercentage(df, jaar, inst)
    tekort = np.where(plichtig, quotumtekort(a, pct, c, d_uren), 0.0)
    heffing = quotumheffing_centen(tekort, heffing_per_baan)
    geactiveerd = np.array([is_geactiveerd(s, jaar) for s in ("markt", "overheid")])
    sector_actief = np.where(df["sector"].to_numpy() == "overheid", geactiveerd[1], geactiveerd[0])
    inwerking = inst.inwerkingtreding_artikel_2 or _datum_parameter("wbaf.inwerkingtreding_artikel_2", peildatum)
    opgeschort = uitvoering_opgeschort(jaar, inwerking)
    te_betalen = np.where(sector_actief & (not opgeschort), heffing, 0)
    return pd.DataFrame(
        {
            "wfsv_uren_omvangstoets": omvang,
            "wfsv_uren_omvangstoets_vorig_jaar": omvang_vorig,
            "wfsv_heffingsplichtig": plichtig,
            "wfsv_quotumpercentage": pct,
            "wfsv_verwachte_banen": verwachte_banen(a, pct, d_uren),
            "wfsv_gerealiseerde_banen": gerealiseerde_banen(c, d_uren),
            "wfsv_quotumtekort": tekort,
            "wfsv_heffing_berekend_centen": heffing,
            "wfsv_sector_geactiveerd": sector_actief,
            "wfsv_uitvoering_opgeschort": np.full(len(df), opgeschort),
            "wfsv_heffing_te_betalen_centen": te_betalen.astype(np.int64),
        },
        index=df.index,
    )


def _a_uren(df: pd.DataFrame) -> np.ndarray:
    return verloonde_uren_werkgever(
        _kol(df, "uren_regulier"), _kol(df, "uren_uitzend_uitgeleend"), _kol(df, "uren_wsw_gedetacheerd"),
        _kol(df, "uren_doelgroep_ingeleend"), _kol(df, "uren_doelgroep_uitgeleend"),
    )


def _c_uren(df: pd.DataFrame) -> np.ndarray:
    return verloonde_uren_arbeidsbeperkten(_kol(df, "uren_doelgroep_regulier"), _kol(df, "uren_doelgroep_ingeleend"))


def _decimal_parameter(naam: str, peildatum: date, eigen: Decimal | None, hint: str) -> Decimal:
    if eigen is not None:
        return eigen
    try:
        return Decimal(str(parameters.waarde(naam, peildatum).waarde))
    except ParameterError as exc:
        raise QuotumInvoerFout(f"{exc}. {hint}") from None


def wbaf_bonus_per_uur(jaar: int, inst: Instellingen) -> tuple[Decimal, str]:
    """The bonus per hour and where it comes from (law, scenario value, or the 2019 policy value)."""
    peildatum = date(jaar, 1, 1)
    if inst.bonus_per_uur is not None:
        return inst.bonus_per_uur, "scenariowaarde (opgegeven)"
    if inst.bonus_beleidswaarde_2019:
        w = parameters.waarde("wbaf.beleid.banenafspraakbonus_per_uur_ontwerp_2019", peildatum)
        return Decimal(str(w.waarde)), "beleidswaarde ontwerp 2019 (geen wet)"
    b = _decimal_parameter(
        "wbaf.banenafspraakbonus_per_uur", peildatum, None,
        "Geef --bonus-per-uur BEDRAG of --bonus-beleidswaarde-2019 (€3,77, beleidswaarde, geen wet)",
    )
    return b, "wettekst"


def _wbaf(df: pd.DataFrame, alle: pd.DataFrame, jaar: int, inst: Instellingen) -> tuple[pd.DataFrame, dict[str, Any]]:
    peildatum = date(jaar, 1, 1)
    d_uren = float(parameters.waarde("meting.jaaruren_per_baan_monitoring", peildatum).waarde)
    q = _decimal_parameter(
        "wbaf.quotumpercentage", peildatum, inst.wbaf_quotumpercentage,
        "Geef het ene quotumpercentage van de Wet banenafspraak mee met --wbaf-quotumpercentage",
    )
    bonus_uur, bonus_bron = wbaf_bonus_per_uur(jaar, inst)
    a = _a_uren(df)
    c = _c_uren(df)
    qa = np.full(len(df), float(q))
    eigen_doelgroep = _kol(df, "uren_doelgroep_regulier") + _kol(df, "uren_doelgroep_uitgeleend")
    bonus = banenafspraakbonus_centen(eigen_doelgroep, float(bonus_uur))
    heeft_loonsom = "loonsom" in df.columns
    toelichting: dict[str, Any] = {"bonus_per_uur": str(bonus_uur), "bonus_bron": bonus_bron}

    activering = inst.activeringsbesluit or _datum_parameter("wbaf.activeringsbesluit", peildatum)
    verschuldigd = activering is not None and peildatum >= opslag_verschuldigd_vanaf(activering)
    toelichting["activeringsbesluit"] = _iso(activering)
    toelichting["opslag_verschuldigd"] = verschuldigd

    n = len(df)
    klein = np.full(n, np.nan)
    opslag = np.full(n, np.nan)
    pct_opslag: float | None = None
    if heeft_loonsom:
        loonsom = _kol(df, "loonsom")
        if "kleine_werkgever" in df.columns:
            klein = pd.to_numeric(df["kleine_werkgever"].astype("boolean"), errors="coerce").to_numpy(
                dtype=np.float64, na_value=np.nan
            )
            toelichting["grens_kleine_werkgever"] = "opgegeven in de invoer (kolom kleine_werkgever)"
        elif not (alle["jaar"] == jaar - 2).any():
            toelichting["grens_kleine_werkgever"] = (
                f"onbekend: jaar {jaar - 2} (loonsom twee jaar eerder) niet in de tabel"
            )
        else:
            loonsom_t2 = _waarde_eerder_jaar(alle, _kol(alle, "loonsom"), 2, jaar)
            een = np.ones(len(alle))
            bestond_t1 = _waarde_eerder_jaar(alle, een, 1, jaar) > 0
            jaren = np.where(_waarde_eerder_jaar(alle, een, 2, jaar) > 0, 3, np.where(bestond_t1, 2, 1))
            try:
                grens = float(parameters.waarde("wbaf.aof_grens_kleine_werkgever", peildatum).waarde)
                toets = is_kleine_werkgever(loonsom_t2, grens, jaren).astype(np.float64)
                # a known employer with an unknown premium wage two years before: the test stays open
                klein = np.where(np.isnan(loonsom_t2) & (jaren > 2), np.nan, toets)
                toelichting["grens_kleine_werkgever"] = grens
            except ParameterError as exc:
                toelichting["grens_kleine_werkgever"] = f"onbekend: {exc}"
        vrij = {k: np.nan_to_num(_kol(df, k), nan=0.0) if k in df.columns else 0.0 for k in VRIJGESTELD_LOON}
        grondslag = opslaggrondslag(np.nan_to_num(loonsom, nan=0.0), **vrij)
        if inst.kalibreer_opslag:
            betaalt = (klein == 0.0) & (a > 0) & ~np.isnan(loonsom)
            if not betaalt.any():
                raise QuotumInvoerFout(
                    "kalibratie van de inclusiviteitsopslag: geen werkgever met bekende loonsom die de opslag betaalt"
                )
            w = float(grondslag[betaalt].sum() / a[betaalt].sum())
            pct_opslag = gekalibreerd_opslagpercentage(float(bonus_uur), float(q), w)
            toelichting["opslag_bron"] = "kalibratie: opslag% = bonus per uur × quotumpercentage / premieloon per uur"
            toelichting["gemiddeld_premieloon_per_uur"] = round(w, 4)
        else:
            pct_opslag = float(
                _decimal_parameter(
                    "wbaf.inclusiviteitsopslag_percentage", peildatum, inst.opslag_percentage,
                    "Geef --opslag-percentage PCT of --kalibreer-opslag",
                )
            )
            toelichting["opslag_bron"] = "opgegeven" if inst.opslag_percentage is not None else "wettekst"
        toelichting["opslag_percentage"] = pct_opslag
        bekend = ~np.isnan(klein) & ~np.isnan(loonsom)
        opslag_c = inclusiviteitsopslag_centen(grondslag, pct_opslag, klein == 1.0, verschuldigd)
        opslag = np.where(bekend, opslag_c.astype(np.float64), np.nan)
    else:
        toelichting["loonsom"] = "ontbreekt in de invoer: opslag en kleine-werkgeverstoets niet berekend"
    netto = bonus.astype(np.float64) - opslag
    uit = pd.DataFrame(
        {
            "wbaf_quotumpercentage": qa,
            "wbaf_verwachte_banen": verwachte_banen(a, qa, d_uren),
            "wbaf_gerealiseerde_banen": gerealiseerde_banen(c, d_uren),
            "wbaf_tekort_banen": np.maximum(verwachte_banen(a, qa, d_uren) - gerealiseerde_banen(c, d_uren), 0.0),
            "wbaf_kleine_werkgever": pd.Series(klein, index=df.index).astype("boolean"),
            "wbaf_opslag_verschuldigd": np.full(n, verschuldigd),
            "wbaf_inclusiviteitsopslag_centen": pd.Series(opslag, index=df.index).astype("Int64"),
            "wbaf_banenafspraakbonus_centen": bonus,
            "wbaf_netto_centen": pd.Series(netto, index=df.index).astype("Int64"),
        },
        index=df.index,
    )
    return uit, toelichting


def _lineage(peildatum: date) -> list[dict[str, Any]]:
    """The dated parameter values the chain used, with their sources."""
    uit = []
    for naam in ("quotum.drempel_verloonde_uren", "meting.jaaruren_per_baan_monitoring",
                 "quotum.heffing_per_ontbrekende_baan"):
        try:
            uit.append(parameters.waarde(naam, peildatum).lineage())
        except ParameterError as exc:
            uit.append({"parameter": naam, "fout": str(exc)})
    return uit


def _checksum(df: pd.DataFrame) -> str:
    """A checksum over the input rows (order-independent within the table's column order)."""
    kolommen = sorted(c for c in df.columns
                      if c in (*VERPLICHTE_KOLOMMEN, *VRIJGESTELD_LOON, "loonsom", "kleine_werkgever"))
    waarden = pd.util.hash_pandas_object(df[kolommen], index=False).to_numpy()
    return f"{int(np.bitwise_xor.reduce(waarden)) if len(waarden) else 0:016x}-{len(df)}"


@dataclass
class QuotumResultaat:
    tabel: pd.DataFrame
    jaar: int
    regimes: tuple[str, ...]
    toelichting: dict[str, Any]


def bereken(
    werkgeverstabel: Any, jaar: int, regimes: tuple[str, ...] = ("wfsv",), instellingen: Instellingen | None = None
) -> QuotumResultaat:
    """The quota position of every employer in ``jaar`` under each asked regime, side by side."""
    inst = instellingen or Instellingen()
    onbekend = [r for r in regimes if r not in REGIMES]
    if onbekend or not regimes:
        raise QuotumInvoerFout(f"onbekend regime {', '.join(onbekend) or '(geen)'}: kies wfsv en/of wbaf")
    alle = lees_tabel(werkgeverstabel)
    df = alle[alle["jaar"] == jaar]
    if df.empty:
        raise QuotumInvoerFout(f"werkgeverstabel: geen rijen voor jaar {jaar}")
    df = df.reset_index(drop=True)
    basis = ["loonheffingennummer", *(k for k in ("naam", "sector", "overheidssector") if k in df.columns), "jaar"]
    delen = [df[basis], pd.DataFrame({"uren_werkgever_A": _a_uren(df), "uren_doelgroep_C": _c_uren(df)})]
    peildatum = date(jaar, 1, 1)
    inwerking = inst.inwerkingtreding_artikel_2 or _datum_parameter("wbaf.inwerkingtreding_artikel_2", peildatum)
    from banenafspraak.engines.meting import code_versie

    toelichting: dict[str, Any] = {
        "jaar": jaar,
        "regime_volgens_art_12_wbaf": regime_voor_jaar(jaar, inwerking),
        "inwerkingtreding_artikel_2_wbaf": _iso(inwerking),
        "instellingen": inst.beschrijving(),
        "parameterversie": parameters.versie(),
        "parameters": _lineage(peildatum),
        "invoer_checksum": _checksum(alle),
        "codeversie": code_versie(),
    }
    try:
        if "wfsv" in regimes:
            delen.append(_wfsv(df, alle, jaar, inst))
        if "wbaf" in regimes:
            wbaf, t = _wbaf(df, alle, jaar, inst)
            delen.append(wbaf)
            toelichting["wbaf"] = t
    except ParameterError as exc:
        raise QuotumInvoerFout(str(exc)) from None
    return QuotumResultaat(pd.concat(delen, axis=1), jaar, tuple(regimes), toelichting)


# ---------------------------------------------------------------------------------------------------- explain


def _cit(regel: Any) -> list[dict[str, str | None]]:
    return [c.as_dict() for c in citaten_van(regel)]


def _stap(titel: str, regel: Any, invoer: dict[str, Any], uitkomst: Any, uitleg: str) -> dict[str, Any]:
    return {"stap": titel, "regel": regel.__name__, "artikelen": _cit(regel), "invoer": invoer,
            "uitkomst": uitkomst, "uitleg": uitleg}


def _euro(centen: Any) -> str | None:
    if centen is None or (isinstance(centen, float) and np.isnan(centen)) or centen is pd.NA:
        return None
    return f"€ {Decimal(int(centen)) / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def verklaar(resultaat: QuotumResultaat, loonheffingennummer: str) -> dict[str, Any]:
    """The chain of rules for one employer: each step with its inputs, outcome and articles."""
    t = resultaat.tabel
    rijen = t[t["loonheffingennummer"] == str(loonheffingennummer)]
    if rijen.empty:
        raise QuotumInvoerFout(f"werkgever {loonheffingennummer} staat niet in de tabel voor {resultaat.jaar}")
    r = rijen.iloc[0]
    d_uren = float(parameters.waarde("meting.jaaruren_per_baan_monitoring", date(resultaat.jaar, 1, 1)).waarde)
    stappen: list[dict[str, Any]] = [
        _stap("Verloonde uren van de werkgever (A)", verloonde_uren_werkgever, {},
              round(float(r["uren_werkgever_A"]), 2),
              "Eigen loonlijst, zonder Wsw'ers die niet gedetacheerd zijn en zonder uitgeleende mensen uit de "
              "doelgroep; met ingeleende mensen uit de doelgroep."),
        _stap("Verloonde uren van arbeidsbeperkten (C)", verloonde_uren_arbeidsbeperkten, {},
              round(float(r["uren_doelgroep_C"]), 2),
              "Mensen uit het doelgroepregister op de eigen loonlijst plus ingeleend."),
    ]
    if "wfsv" in resultaat.regimes:
        drempel = float(parameters.waarde("quotum.drempel_verloonde_uren", date(resultaat.jaar, 1, 1)).waarde)
        vorig = r["wfsv_uren_omvangstoets_vorig_jaar"]
        stappen += [
            _stap("Heffingsplicht", is_heffingsplichtig,
                  {"uren_vorig_jaar": None if np.isnan(vorig) else float(vorig),
                   "uren_heffingsjaar": float(r["wfsv_uren_omvangstoets"]), "drempel": drempel},
                  bool(r["wfsv_heffingsplichtig"]),
                  f"Heffingsplichtig tenzij de werkgever in het jaar ervoor of in het heffingsjaar minder dan "
                  f"{drempel:,.0f} verloonde uren had (ingeleend personeel telt niet mee)."
                  + ("" if not np.isnan(vorig) else " Het jaar ervoor staat niet in de tabel; alleen lid 6 getoetst.")),
            _stap("Quotumpercentage sector " + str(r["sector"]), vastgesteld_quotumpercentage,
                  {"sector": r["sector"], "jaar": resultaat.jaar}, float(r["wfsv_quotumpercentage"]),
                  "Door de minister vastgesteld, naar beneden afgerond op twee decimalen."),
            _stap("Quotumtekort", quotumtekort,
                  {"A": float(r["uren_werkgever_A"]), "B": float(r["wfsv_quotumpercentage"]),
                   "C": float(r["uren_doelgroep_C"]), "D": d_uren},
                  round(float(r["wfsv_quotumtekort"]), 6),
                  "(A × B − C) / D ontbrekende banen, niet minder dan 0; 0 als de werkgever niet heffingsplichtig is."),
            _stap("Quotumheffing", quotumheffing_centen, {"quotumtekort": round(float(r["wfsv_quotumtekort"]), 6)},
                  _euro(r["wfsv_heffing_berekend_centen"]), "€ 5.000 per ontbrekende baan."),
            _stap("Activering sector", is_geactiveerd, {"sector": r["sector"], "jaar": resultaat.jaar},
                  bool(r["wfsv_sector_geactiveerd"]), "De heffing wordt alleen uitgevoerd na een activeringsregeling."),
            _stap("Opschorting uitvoering", uitvoering_opgeschort, {"jaar": resultaat.jaar,
                  "inwerkingtreding_artikel_2_wbaf": resultaat.toelichting["inwerkingtreding_artikel_2_wbaf"]},
                  bool(r["wfsv_uitvoering_opgeschort"]),
                  "Niet uitgevoerd over jaren vóór de inwerkingtreding van art. 2 Wet banenafspraak."),
        ]
    if "wbaf" in resultaat.regimes:
        tw = resultaat.toelichting.get("wbaf", {})
        stappen += [
            _stap("Kleine werkgever (Aof)", is_kleine_werkgever, {"grens": tw.get("grens_kleine_werkgever")},
                  None if pd.isna(r["wbaf_kleine_werkgever"]) else bool(r["wbaf_kleine_werkgever"]),
                  "Loonsom twee jaar eerder hoogstens de grens, of een nieuwe werkgever in de eerste twee jaar."),
            _stap("Inclusiviteitsopslag", inclusiviteitsopslag_centen,
                  {"opslag_percentage": tw.get("opslag_percentage"), "verschuldigd": tw.get("opslag_verschuldigd"),
                   "bron": tw.get("opslag_bron") or tw.get("loonsom")},
                  _euro(r["wbaf_inclusiviteitsopslag_centen"]),
                  "Uniforme opslag op de hoge Aof-premie over het premieloon; niet voor kleine werkgevers."),
            _stap("Banenafspraakbonus", banenafspraakbonus_centen,
                  {"bonus_per_uur": tw.get("bonus_per_uur"), "bron": tw.get("bonus_bron")},
                  _euro(r["wbaf_banenafspraakbonus_centen"]),
                  "Per verloond uur van mensen uit de doelgroep op de eigen loonlijst."),
        ]
    return {
        "werkgever": str(loonheffingennummer),
        "naam": r.get("naam"),
        "jaar": resultaat.jaar,
        "regimes": list(resultaat.regimes),
        "stappen": stappen,
        "toelichting": resultaat.toelichting,
    }


def citaten_quotum() -> list[Citaat]:
    """Every provision the Wfsv quota chain cites (for documentation and the beschikking)."""
    regels = (verloonde_uren_werkgever, verloonde_uren_arbeidsbeperkten, is_heffingsplichtig, quotumtekort,
              quotumheffing_centen, is_geactiveerd, uitvoering_opgeschort)
    gezien: dict[str, Citaat] = {}
    for regel in regels:
        for c in citaten_van(regel):
            gezien.setdefault(str(c), c)
    return list(gezien.values())
