"""Art. 38b lid 1 onderdeel c Wfsv: Wajong, met de verbreding van 1 januari 2026."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.parameters import waarde
from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", "c"), Citaat(BWB_WBAF, "2", "1", "c", tekstdatum=TEKST_2026_07))
def grond_38b_1_c(f: Feiten, peildatum: date) -> np.ndarray:
    """Recht op Wajong-arbeidsondersteuning of -uitkering. Wie duurzaam geen arbeidsmogelijkheden heeft, telt
    tot 2026 niet mee; vanaf 1 januari 2026 wel, maar alleen zolang hij in een dienstbetrekking werkt."""
    wajong = kolom(f, "wajong_arbeidsondersteuning") | kolom(f, "wajong_uitkering")
    duurzaam_geen = kolom(f, "wajong_duurzaam_geen_arbeidsmogelijkheden")
    verbreed = bool(waarde("doelgroep.wajong_zonder_duurzame_arbeidsmogelijkheden_in_dienstbetrekking",
                           peildatum).waarde)
    toegelaten = ~duurzaam_geen
    if verbreed:
        toegelaten = toegelaten | kolom(f, "werkt_in_dienstbetrekking")
    return wajong & toegelaten
