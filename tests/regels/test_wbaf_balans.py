"""The balance property of the calibration (docs/regels.md): at exactly the quota, surcharge == bonus."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import ibis
import numpy as np
import pandas as pd

from banenafspraak.engines.quotum import UUR_KOLOMMEN, Instellingen, bereken

INST = Instellingen(wbaf_quotumpercentage=Decimal("2.37"), bonus_per_uur=Decimal("3.77"), kalibreer_opslag=True,
                    activeringsbesluit=date(2022, 1, 1))


def _tabel(uren: np.ndarray, doelgroep: np.ndarray, loon_per_uur: float) -> pd.DataFrame:
    delen = []
    for jaar in (2022, 2023, 2024):
        df = pd.DataFrame({k: 0.0 for k in UUR_KOLOMMEN}, index=range(len(uren)))
        df["loonheffingennummer"] = [f"W{i}" for i in range(len(uren))]
        df["sector"] = "markt"
        df["jaar"] = jaar
        df["uren_regulier"] = uren
        df["uren_doelgroep_regulier"] = doelgroep
        df["loonsom"] = uren * loon_per_uur
        delen.append(df)
    return pd.concat(delen, ignore_index=True)


def test_precies_quotum_geeft_saldo_nul_voor_elke_grote_werkgever() -> None:
    rng = np.random.default_rng(7)
    uren = rng.uniform(50_000, 2_000_000, 500).round(2)
    tabel = _tabel(uren, uren * 0.0237, 41.5)
    t = bereken(tabel, 2024, ("wbaf",), INST).tabel
    assert not t["wbaf_kleine_werkgever"].any()
    # surcharge and bonus are each rounded to whole cents: their difference is at most one cent
    assert t["wbaf_netto_centen"].abs().max() <= 1
    assert (t["wbaf_inclusiviteitsopslag_centen"] > 0).all()


def test_boven_quotum_positief_onder_quotum_negatief() -> None:
    uren = np.array([500_000.0, 500_000.0])
    tabel = _tabel(uren, np.array([500_000 * 0.0237 + 1331, 500_000 * 0.0237 - 1331]), 41.5)
    t = bereken(tabel, 2024, ("wbaf",), INST).tabel.set_index("loonheffingennummer")
    # one job (1331 h) more or fewer is worth 1331 × € 3,77 = € 5.017,87 either way
    assert abs(int(t.loc["W0", "wbaf_netto_centen"]) - 501787) <= 1
    assert abs(int(t.loc["W1", "wbaf_netto_centen"]) + 501787) <= 1


def test_ibis_tabel_als_invoer() -> None:
    tabel = _tabel(np.array([133_100.0]), np.array([1331.0]), 40.0)
    uit_pandas = bereken(tabel, 2024, ("wbaf",), INST).tabel
    uit_ibis = bereken(ibis.memtable(tabel), 2024, ("wbaf",), INST).tabel
    pd.testing.assert_frame_equal(uit_pandas, uit_ibis)
