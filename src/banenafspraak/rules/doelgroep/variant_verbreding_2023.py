"""Beleidsvariant verbreding 2023 (Kamerbrief 7 juni 2023, actielijn 1). Geen wet: alleen in scenario's."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert
from banenafspraak.rules.doelgroep.feiten import Feiten, kolom


@citeert(Citaat(BWB_WFSV, "38b", "1", wet="Wfsv (voorgestelde verbreding, Kamerbrief 7 juni 2023)"))
def variant_verbreding_wia(f: Feiten, peildatum: date) -> np.ndarray:
    """WIA-gerechtigde die zelfstandig niet het minimumloon kan verdienen."""
    return kolom(f, "wia_kan_geen_wml_verdienen")


@citeert(Citaat(BWB_WFSV, "38b", "1", wet="Wfsv (voorgestelde verbreding, Kamerbrief 7 juni 2023)"))
def variant_verbreding_ww(f: Feiten, peildatum: date) -> np.ndarray:
    """WW-gerechtigde met vergelijkbare kenmerken, zolang de WW nog loopt."""
    return kolom(f, "ww_vergelijkbare_kenmerken") & kolom(f, "ww_uitkering_loopt")
