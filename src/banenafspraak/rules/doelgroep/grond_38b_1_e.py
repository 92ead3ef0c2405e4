"""Art. 38b lid 1 onderdeel e Wfsv: indicatie banenafspraak op eigen aanvraag."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", "e"), Citaat(BWB_WBAF, "2", "1", "a", tekstdatum=TEKST_2026_07))
def grond_38b_1_e(f: Feiten, peildatum: date) -> np.ndarray:
    """De gemeente begeleidt de persoon en UWV stelde op zijn eigen aanvraag vast dat hij het minimumloon niet
    kan verdienen."""
    return kolom(f, "begeleid_door_gemeente_participatiewet") & kolom(f, "uwv_indicatie_banenafspraak_eigen_aanvraag")
