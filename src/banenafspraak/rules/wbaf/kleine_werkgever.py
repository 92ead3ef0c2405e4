"""Small employer for the Aof premium: art. 36 lid 2 Wfsv, art. 2.19d lid 1 and 4 Besluit Wfsv."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_BESLUIT_WFSV, BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "36", "2"), Citaat(BWB_BESLUIT_WFSV, "2.19d", "1"), Citaat(BWB_BESLUIT_WFSV, "2.19d", "4"))
def is_kleine_werkgever(
    loonsom_twee_jaar_eerder: np.ndarray, grens: float, jaren_werkgever: np.ndarray
) -> np.ndarray:
    """Premium wage in the second calendar year before the premium year at most the limit (25 × the average
    premium wage per employee), or a new employer in its first two years (``jaren_werkgever`` ≤ 2, counting
    the premium year as year 1)."""
    return (np.asarray(loonsom_twee_jaar_eerder, dtype=np.float64) <= grens) | (np.asarray(jaren_werkgever) <= 2)
