"""Art. 38b lid 1 onderdeel f Wfsv: overgangsrecht voor wie op 1 mei 2015 niet meer onder b of c viel."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", "f"))
def grond_38b_1_f(f: Feiten, peildatum: date) -> np.ndarray:
    """Viel op of na 1 januari 2013 onder onderdeel b of c, op 1 mei 2015 niet meer; niet wie als
    Wajonggerechtigde duurzaam geen arbeidsmogelijkheden heeft."""
    return (
        kolom(f, "wsw_of_wajong_op_of_na_2013_01_01")
        & ~kolom(f, "wsw_of_wajong_op_2015_05_01")
        & ~kolom(f, "wajong_duurzaam_geen_arbeidsmogelijkheden")
    )
