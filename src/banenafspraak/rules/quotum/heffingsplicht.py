"""Art. 34 lid 4–7 Wfsv: employers below 25 × the average yearly hours per employee are not liable."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_BESLUIT_WFSV, BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "34", "4"), Citaat(BWB_BESLUIT_WFSV, "2.21", "1"))
def onder_drempel_vorig_jaar(uren_vorig_jaar: np.ndarray, drempel: float) -> np.ndarray:
    """Lid 4: fewer paid hours than the threshold in the calendar year before the levy year."""
    return np.asarray(uren_vorig_jaar) < drempel


@citeert(Citaat(BWB_WFSV, "34", "6"), Citaat(BWB_BESLUIT_WFSV, "2.21", "1"))
def onder_drempel_heffingsjaar(uren_heffingsjaar: np.ndarray, drempel: float) -> np.ndarray:
    """Lid 6: fewer paid hours than the threshold in the levy year itself."""
    return np.asarray(uren_heffingsjaar) < drempel


@citeert(Citaat(BWB_WFSV, "34", "3"), Citaat(BWB_WFSV, "34", "4"), Citaat(BWB_WFSV, "34", "6"))
def is_heffingsplichtig(uren_vorig_jaar: np.ndarray, uren_heffingsjaar: np.ndarray, drempel: float) -> np.ndarray:
    """Liable unless below the threshold in the year before (lid 4) or in the levy year (lid 6). Exactly the
    threshold is not 'fewer than', so liable."""
    return ~onder_drempel_vorig_jaar(uren_vorig_jaar, drempel) & ~onder_drempel_heffingsjaar(uren_heffingsjaar, drempel)
