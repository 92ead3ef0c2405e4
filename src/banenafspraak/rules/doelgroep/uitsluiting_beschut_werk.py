"""Uitsluiting: wie alleen in een beschutte omgeving kan werken (art. 10b lid 1 Pwet) is geen arbeidsbeperkte."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_PWET, BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(
    Citaat(BWB_WFSV, "38b", "1"),
    Citaat(BWB_PWET, "10b", "1"),
    Citaat(BWB_WBAF, "2", "3", tekstdatum=TEKST_2026_07),
)
def uitsluiting_beschut_werk(f: Feiten, peildatum: date) -> np.ndarray:
    """Waar: de persoon is uitgesloten omdat het college beschut werk heeft vastgesteld."""
    return kolom(f, "beschut_werk_vastgesteld")
