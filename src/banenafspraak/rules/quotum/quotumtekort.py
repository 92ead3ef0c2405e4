"""Art. 38g Wfsv: the quotumtekort per employer, as a number of missing jobs."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "38g", "3"))
def verwachte_banen(a_uren: np.ndarray, b_quotumpercentage: np.ndarray, d_uren_per_baan: float) -> np.ndarray:
    """A × B / D: the jobs the employer should have, in jobs of D hours."""
    a = np.asarray(a_uren, dtype=np.float64)
    return a * np.asarray(b_quotumpercentage, dtype=np.float64) / 100.0 / d_uren_per_baan


@citeert(Citaat(BWB_WFSV, "38g", "3"))
def gerealiseerde_banen(c_uren: np.ndarray, d_uren_per_baan: float) -> np.ndarray:
    """C / D: the jobs of people in the target group at the employer."""
    return np.asarray(c_uren, dtype=np.float64) / d_uren_per_baan


@citeert(Citaat(BWB_WFSV, "38g", "1"), Citaat(BWB_WFSV, "38g", "3"))
def quotumtekort(
    a_uren: np.ndarray, b_quotumpercentage: np.ndarray, c_uren: np.ndarray, d_uren_per_baan: float
) -> np.ndarray:
    """(A × B − C) / D, and zero when the employer has as many jobs as expected or more. Not rounded: the law
    names no rounding of the shortfall."""
    tekort = verwachte_banen(a_uren, b_quotumpercentage, d_uren_per_baan) - gerealiseerde_banen(c_uren, d_uren_per_baan)
    return np.maximum(tekort, 0.0)
