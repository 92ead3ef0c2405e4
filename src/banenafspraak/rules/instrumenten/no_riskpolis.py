"""No-riskpolis: art. 29b Ziektewet."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_ZW, Citaat, citeert


@citeert(Citaat(BWB_ZW, "29b", "2", "e"), Citaat(BWB_ZW, "29b"))
def no_riskpolis_duur_jaren(
    is_arbeidsbeperkte: np.ndarray, wajong: np.ndarray, wsw_indicatie: np.ndarray, wga_uitkering: np.ndarray,
    duur_algemeen_jaren: float,
) -> np.ndarray:
    """How long UWV covers sickness: without a fixed term for the target group banenafspraak (lid 2 onderdeel e)
    and for Wajong and Wsw people at a regular employer; 5 years for the general categories (a WIA benefit);
    0 when none applies. ``inf`` stands for 'no fixed term'."""
    onbeperkt = (
        np.asarray(is_arbeidsbeperkte, dtype=bool)
        | np.asarray(wajong, dtype=bool)
        | np.asarray(wsw_indicatie, dtype=bool)
    )
    return np.where(onbeperkt, np.inf, np.where(np.asarray(wga_uitkering, dtype=bool), duur_algemeen_jaren, 0.0))
