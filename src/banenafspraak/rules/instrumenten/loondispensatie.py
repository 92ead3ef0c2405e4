"""Loondispensatie for Wajong people: art. 2:20 and 3:63 Wajong."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_WAJONG, Citaat, citeert


@citeert(Citaat(BWB_WAJONG, "2:20"), Citaat(BWB_WAJONG, "3:63"))
def recht_op_loondispensatie(wajong: np.ndarray, loonwaarde_procent: np.ndarray) -> np.ndarray:
    """A Wajong recipient whose wage value is below the minimum wage: the employer pays wage to the wage value
    (UWV grants the dispensation). Amounts: NOT FOUND (FACTS §8.4)."""
    return np.asarray(wajong, dtype=bool) & (np.asarray(loonwaarde_procent, dtype=np.float64) < 100.0)
