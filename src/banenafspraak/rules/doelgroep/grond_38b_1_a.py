"""Art. 38b lid 1 onderdeel a Wfsv: Participatiewet-doelgroep die niet het minimumloon kan verdienen."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(
    Citaat(BWB_WFSV, "38b", "1", "a"),
    Citaat(BWB_WBAF, "2", "1", "a", tekstdatum=TEKST_2026_07),
)
def grond_38b_1_a(f: Feiten, peildatum: date) -> np.ndarray:
    """De gemeente begeleidt de persoon (art. 7 lid 1 onderdeel a Pwet) of hij werkt met loonkostensubsidie
    (art. 10d lid 2 Pwet), én UWV oordeelde op verzoek van de gemeente dat hij het minimumloon niet kan verdienen,
    of de gemeente stelde een loonwaarde onder het minimumloon vast (praktijkroute)."""
    doelgroep_pwet = kolom(f, "begeleid_door_gemeente_participatiewet") | kolom(f, "loonkostensubsidie_10d_lid_2")
    geen_wml = kolom(f, "uwv_oordeel_geen_wml_op_verzoek_gemeente") | kolom(f, "loonwaarde_onder_wml")
    return doelgroep_pwet & geen_wml
