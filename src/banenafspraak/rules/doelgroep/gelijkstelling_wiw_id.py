"""Gelijkstelling van WIW- en ID-banen (art. 78d Participatiewet) met banen uit de doelgroep."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_PWET, BWB_WBAF, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom

# The BWB id of the Regeling Wfsv was not read; the citation links the Staatscourant publication instead.
REGELING_WFSV_3_30 = Citaat(
    "", "3.30", wet="Regeling Wfsv", bron="https://zoek.officielebekendmakingen.nl/stcrt-2015-31250.html"
)


@citeert(REGELING_WFSV_3_30, Citaat(BWB_PWET, "78d"), Citaat(BWB_WBAF, "2", "1", "g", tekstdatum=TEKST_2026_07))
def gelijkstelling_wiw_id(f: Feiten, peildatum: date) -> np.ndarray:
    """De persoon werkt of werkte in een WIW- of ID-baan."""
    return kolom(f, "wiw_of_id_baan")
