"""The banenafspraakbonus: the LKV doelgroep banenafspraak raised (art. 2.13 lid 2 Wtl, art. 1 Wet banenafspraak)."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_WTL, Citaat, citeert


@citeert(Citaat(BWB_WTL, "2.13", "2"))
def banenafspraakbonus_centen(uren_doelgroep_eigen_loonlijst: np.ndarray, bonus_per_uur_euro: float) -> np.ndarray:
    """Bonus per paid hour of target-group employees on the employer's own payroll (the LKV goes to the payroll
    employer), in whole cents. A per-person yearly cap, if the enacted text has one, is not applied at employer
    level (amount and cap NOT FOUND)."""
    centen = np.asarray(uren_doelgroep_eigen_loonlijst, dtype=np.float64) * bonus_per_uur_euro * 100.0
    return np.floor(centen + 0.5).astype(np.int64)
