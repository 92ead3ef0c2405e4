"""Art. 38b lid 2 Wfsv: jonggehandicapte die alleen met een voorziening het minimumloon verdient."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "2"), Citaat(BWB_WBAF, "2", "1", "f", tekstdatum=TEKST_2026_07))
def grond_38b_2(f: Feiten, peildatum: date) -> np.ndarray:
    """Ziekte of gebrek ontstaan vóór het 18e jaar of tijdens de studie, en het minimumloon alleen verdienen met
    een voorziening (art. 10 Participatiewet of art. 35 WIA)."""
    return kolom(f, "ziekte_voor_18_of_tijdens_studie") & kolom(f, "wml_alleen_met_voorziening")
