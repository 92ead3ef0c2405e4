"""Art. 38b lid 6 Wfsv: wie niet meer aan de voorwaarden voldoet, blijft arbeidsbeperkte zolang de registratie loopt."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "6"), Citaat(BWB_WBAF, "2", "2", tekstdatum=TEKST_2026_07))
def grond_38b_6(f: Feiten, peildatum: date) -> np.ndarray:
    """De persoon staat in het doelgroepregister en de registratie is niet beëindigd."""
    return kolom(f, "inschrijving_doelgroepregister_loopt")
