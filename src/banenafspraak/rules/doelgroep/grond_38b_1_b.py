"""Art. 38b lid 1 onderdeel b Wfsv: Wsw-indicatie."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", "b"), Citaat(BWB_WBAF, "2", "1", "b", tekstdatum=TEKST_2026_07))
def grond_38b_1_b(f: Feiten, peildatum: date) -> np.ndarray:
    """De persoon heeft een Wsw-indicatie (ook een op 31 december 2014 nog geldige indicatie)."""
    return kolom(f, "wsw_indicatie")
