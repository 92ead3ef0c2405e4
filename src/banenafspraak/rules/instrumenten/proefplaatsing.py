"""Proefplaatsing: working on trial without wage while the first wage value is assessed (municipal practice)."""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_PWET, Citaat, citeert


@citeert(Citaat(BWB_PWET, "10d", wet="Participatiewet (praktijk bij de eerste loonwaardebepaling; FACTS §8.4)"))
def komt_in_aanmerking_voor_proefplaatsing(
    participatiewet_doelgroep: np.ndarray, proefplaatsing_gewenst: np.ndarray
) -> np.ndarray:
    """For the municipality's target group with LKS in view, during the first wage-value assessment. The legal
    basis and the duration were NOT FOUND; the citation points at the LKS article the practice belongs to."""
    return np.asarray(participatiewet_doelgroep, dtype=bool) & np.asarray(proefplaatsing_gewenst, dtype=bool)
