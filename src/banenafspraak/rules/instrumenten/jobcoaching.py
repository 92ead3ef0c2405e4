"""Jobcoaching: a voorziening of the municipality (art. 10 Pwet) or UWV (art. 35 WIA)."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_PWET, Citaat, citeert


@citeert(Citaat(BWB_PWET, "10"), Citaat("BWBR0019057", "35", wet="WIA"))
def komt_in_aanmerking_voor_jobcoaching(is_arbeidsbeperkte: np.ndarray, jobcoach_nodig: np.ndarray) -> np.ndarray:
    """Someone in the target group who needs support at the workplace. Amounts and hours: NOT FOUND."""
    return np.asarray(is_arbeidsbeperkte, dtype=bool) & np.asarray(jobcoach_nodig, dtype=bool)
