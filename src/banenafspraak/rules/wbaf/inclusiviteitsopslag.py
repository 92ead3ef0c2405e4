"""Art. 6 Wet banenafspraak: the inclusiviteitsopslag on the high Aof premium."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, TEKST_2026_07, Citaat, citeert


@citeert(Citaat(BWB_WBAF, "6", "2", tekstdatum=TEKST_2026_07))
def opslag_verschuldigd_vanaf(activeringsbesluit: date) -> date:
    """1 January of the second calendar year after the activation decision."""
    return date(activeringsbesluit.year + 2, 1, 1)


@citeert(Citaat(BWB_WBAF, "6", "4", tekstdatum=TEKST_2026_07))
def opslaggrondslag(
    premieloon: np.ndarray,
    loon_uitgeleende_werknemers: np.ndarray | float = 0.0,
    loon_wsw_niet_gedetacheerd: np.ndarray | float = 0.0,
    loon_beschut_werk: np.ndarray | float = 0.0,
    uitkeringen: np.ndarray | float = 0.0,
) -> np.ndarray:
    """The premium wage on which the surcharge is due: not on uitgeleende werknemers, Wsw staff not placed,
    beschut werk, nor WIA/WAO/ZW/WAZO/WW benefits and TW allowances (lid 4)."""
    grondslag = (
        np.asarray(premieloon, dtype=np.float64)
        - loon_uitgeleende_werknemers
        - loon_wsw_niet_gedetacheerd
        - loon_beschut_werk
        - uitkeringen
    )
    return np.maximum(grondslag, 0.0)


@citeert(
    Citaat(BWB_WBAF, "6", "1", tekstdatum=TEKST_2026_07),
    Citaat(BWB_WBAF, "6", "3", tekstdatum=TEKST_2026_07),
    Citaat(BWB_WBAF, "6", "6", tekstdatum=TEKST_2026_07),
)
def inclusiviteitsopslag_centen(
    grondslag_euro: np.ndarray, opslag_percentage: float, is_kleine_werkgever: np.ndarray, verschuldigd: bool
) -> np.ndarray:
    """Grondslag × the uniform percentage, in whole cents; nothing for small employers (lid 3) or before the
    surcharge is due (lid 2)."""
    bedrag = np.asarray(grondslag_euro, dtype=np.float64) * opslag_percentage  # percent × euro = cents
    bedrag = np.where(np.asarray(is_kleine_werkgever, dtype=bool) | (not verschuldigd), 0.0, bedrag)
    return np.floor(bedrag + 0.5).astype(np.int64)
