"""Art. 122n Wfsv: the levy is executed per sector only after an activation regulation (and can be deactivated)."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.parameters import waarde
from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "122n", "3"))
def achterstand_volgens_monitoring(
    cumulatief_te_realiseren: np.ndarray, cumulatief_gerealiseerd: np.ndarray
) -> np.ndarray:
    """Lid 3: the sector is behind when the cumulative realised extra jobs fall short of those to be realised."""
    return np.asarray(cumulatief_gerealiseerd) < np.asarray(cumulatief_te_realiseren)


@citeert(Citaat(BWB_WFSV, "122n", "1"), Citaat(BWB_WFSV, "122n", "2"))
def is_geactiveerd(sector: str, jaar: int) -> bool:
    """Whether an activation regulation (not deactivated) covers ``sector`` in levy year ``jaar``
    (parameter quotum.geactiveerd.<sector>)."""
    return bool(waarde(f"quotum.geactiveerd.{sector}", date(jaar, 1, 1)).waarde)
