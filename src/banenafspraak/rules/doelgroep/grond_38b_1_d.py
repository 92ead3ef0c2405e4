"""Art. 38b lid 1 onderdeel d Wfsv: indicatie bij of krachtens AMvB."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", "d"), Citaat(BWB_WBAF, "2", "1", "d", tekstdatum=TEKST_2026_07))
def grond_38b_1_d(f: Feiten, peildatum: date) -> np.ndarray:
    """De persoon heeft een bij of krachtens AMvB aangewezen indicatie (o.a. vso/pro-leerling na UWV-beoordeling)."""
    return kolom(f, "indicatie_bij_amvb")
