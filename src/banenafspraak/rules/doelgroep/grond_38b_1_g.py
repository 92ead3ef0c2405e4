"""Art. 38b lid 1 onderdeel g Wfsv: WGA-uitkering met een Wajong-instrument in een experiment."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.parameters import waarde
from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", "g"))
def grond_38b_1_g(f: Feiten, peildatum: date) -> np.ndarray:
    """WGA-uitkering (hoofdstuk 6 WIA) en een Wajong-instrument (art. 2:20 of 3:63 Wajong) in een experiment op
    grond van art. 82a Wet SUWI. Geldt vanaf de datum in parameter doelgroep.grond_38b_1_g_van_kracht."""
    if not waarde("doelgroep.grond_38b_1_g_van_kracht", peildatum).waarde:
        return np.zeros(len(kolom(f, "wga_uitkering")), dtype=bool)
    return kolom(f, "wga_uitkering") & kolom(f, "wajong_instrument_experiment_82a_suwi")
