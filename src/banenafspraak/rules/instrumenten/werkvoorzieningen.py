"""Werkvoorzieningen: art. 10 Participatiewet, art. 35 WIA."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_PWET, Citaat, citeert


@citeert(Citaat(BWB_PWET, "10"), Citaat("BWBR0019057", "35", wet="WIA"))
def komt_in_aanmerking_voor_werkvoorziening(
    is_arbeidsbeperkte: np.ndarray, werkvoorziening_nodig: np.ndarray
) -> np.ndarray:
    """Someone in the target group who needs an adaptation or aid to do the work. Amounts: NOT FOUND."""
    return np.asarray(is_arbeidsbeperkte, dtype=bool) & np.asarray(werkvoorziening_nodig, dtype=bool)
