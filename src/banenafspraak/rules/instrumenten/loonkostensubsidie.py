"""Loonkostensubsidie: art. 10d Participatiewet; Regeling loonkostensubsidie art. 1."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_PWET, BWB_REGELING_LKS, Citaat, citeert


@citeert(Citaat(BWB_PWET, "10d", "1"), Citaat(BWB_PWET, "10d", "2"))
def recht_op_loonkostensubsidie(participatiewet_doelgroep: np.ndarray, loonwaarde_procent: np.ndarray) -> np.ndarray:
    """The municipality's target group (art. 7 lid 1 onderdeel a Pwet, or already working with LKS) with a
    wage value below the minimum wage. An unknown wage value (NaN) gives no right yet."""
    lw = np.asarray(loonwaarde_procent, dtype=np.float64)
    return np.asarray(participatiewet_doelgroep, dtype=bool) & (lw < 100.0)


@citeert(Citaat(BWB_PWET, "10d", "3"), Citaat(BWB_PWET, "10d", "4"), Citaat(BWB_REGELING_LKS, "1", "2"))
def loonkostensubsidie_centen(
    loonwaarde_procent: np.ndarray,
    verloonde_uren: np.ndarray,
    wml_per_uur: float,
    vakantiebijslag_pct: float,
    werkgeverslasten_pct: float,
    plafond_pct_wml: float,
    plafond_over: str,
) -> np.ndarray:
    """(WML − loonwaarde) over the wage including holiday allowance, plus the werkgeverslasten allowance on that
    subsidised wage part. Cap: ``plafond_pct_wml`` of the minimum wage, applied to the wage part before the
    allowance (``plafond_over='loondeel'``, our reading) or to the total (``'totaal'``)."""
    if plafond_over not in ("loondeel", "totaal"):
        raise ValueError(f"plafond_over moet 'loondeel' of 'totaal' zijn, niet {plafond_over!r}")
    wml_jaar = np.asarray(verloonde_uren, dtype=np.float64) * wml_per_uur * (1 + vakantiebijslag_pct / 100)
    loondeel = (1 - np.asarray(loonwaarde_procent, dtype=np.float64) / 100) * wml_jaar
    plafond = plafond_pct_wml / 100 * wml_jaar
    if plafond_over == "loondeel":
        totaal = np.minimum(loondeel, plafond) * (1 + werkgeverslasten_pct / 100)
    else:
        totaal = np.minimum(loondeel * (1 + werkgeverslasten_pct / 100), plafond)
    return np.floor(np.maximum(totaal, 0.0) * 100 + 0.5).astype(np.int64)
