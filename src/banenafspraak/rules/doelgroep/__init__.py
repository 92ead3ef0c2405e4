"""Who is an arbeidsbeperkte (target group of the banenafspraak): art. 38b Wfsv, mirrored in art. 2 Wet banenafspraak.

One legal ground per module, each a pure vectorised function ``(feiten, peildatum) -> bool array`` with its
citation. ``beoordeel`` runs them all and adds the overall outcome and the ground that is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np

from banenafspraak.rules.citaat import Citaat, citaten_van
from banenafspraak.rules.doelgroep.feiten import DOELGROEP_FEITEN, Feit, Feiten
from banenafspraak.rules.doelgroep.gelijkstelling_wiw_id import gelijkstelling_wiw_id
from banenafspraak.rules.doelgroep.grond_38b_1_a import grond_38b_1_a
from banenafspraak.rules.doelgroep.grond_38b_1_b import grond_38b_1_b
from banenafspraak.rules.doelgroep.grond_38b_1_c import grond_38b_1_c
from banenafspraak.rules.doelgroep.grond_38b_1_d import grond_38b_1_d
from banenafspraak.rules.doelgroep.grond_38b_1_e import grond_38b_1_e
from banenafspraak.rules.doelgroep.grond_38b_1_f import grond_38b_1_f
from banenafspraak.rules.doelgroep.grond_38b_1_g import grond_38b_1_g
from banenafspraak.rules.doelgroep.grond_38b_2 import grond_38b_2
from banenafspraak.rules.doelgroep.grond_38b_6 import grond_38b_6
from banenafspraak.rules.doelgroep.uitsluiting_beschut_werk import uitsluiting_beschut_werk
from banenafspraak.rules.doelgroep.variant_verbreding_2023 import variant_verbreding_wia, variant_verbreding_ww

Regel = Callable[[Feiten, date], np.ndarray]


@dataclass(frozen=True)
class Grond:
    sleutel: str  # output key, named after the article
    grondslag: str  # register code (banenafspraak.rules.grondslagen)
    regel: Regel
    variant: bool = False  # a policy variant, only evaluated when switched on

    @property
    def citaten(self) -> tuple[Citaat, ...]:
        return citaten_van(self.regel)


# Order is the order in which a ground is recorded when several hold (the law's own order).
GRONDEN: tuple[Grond, ...] = (
    Grond("grond_38b_1_a", "38b_1_a", grond_38b_1_a),
    Grond("grond_38b_1_b", "38b_1_b", grond_38b_1_b),
    Grond("grond_38b_1_c", "38b_1_c", grond_38b_1_c),
    Grond("grond_38b_1_d", "38b_1_d", grond_38b_1_d),
    Grond("grond_38b_1_e", "38b_1_e", grond_38b_1_e),
    Grond("grond_38b_1_f", "38b_1_f", grond_38b_1_f),
    Grond("grond_38b_1_g", "38b_1_g", grond_38b_1_g),
    Grond("grond_38b_2", "38b_2", grond_38b_2),
    Grond("gelijkstelling_wiw_id", "wiw_id", gelijkstelling_wiw_id),
    Grond("grond_38b_6", "38b_6", grond_38b_6),
    Grond("variant_verbreding_2023_wia", "variant_2023_wia", variant_verbreding_wia, variant=True),
    Grond("variant_verbreding_2023_ww", "variant_2023_ww", variant_verbreding_ww, variant=True),
)

UITSLUITING = ("uitsluiting_beschut_werk", uitsluiting_beschut_werk)


def beoordeel(feiten: Feiten, peildatum: date, *, verbreding_2023: bool = False) -> dict[str, np.ndarray]:
    """All grounds, the exclusion, ``is_arbeidsbeperkte`` and ``grond_vastgelegd`` (register code or '')."""
    uit: dict[str, np.ndarray] = {}
    for grond in GRONDEN:
        if grond.variant and not verbreding_2023:
            continue
        uit[grond.sleutel] = grond.regel(feiten, peildatum)
    uitgesloten = UITSLUITING[1](feiten, peildatum)
    uit[UITSLUITING[0]] = uitgesloten
    n = len(uitgesloten)
    enige = np.zeros(n, dtype=bool)
    vastgelegd = np.full(n, "", dtype=object)
    for grond in reversed([g for g in GRONDEN if g.sleutel in uit]):
        vastgelegd = np.where(uit[grond.sleutel], grond.grondslag, vastgelegd)
        enige |= uit[grond.sleutel]
    is_ab = enige & ~uitgesloten
    uit["is_arbeidsbeperkte"] = is_ab
    uit["grond_vastgelegd"] = np.where(is_ab, vastgelegd, "")
    return uit


__all__ = ["DOELGROEP_FEITEN", "Feit", "GRONDEN", "Grond", "beoordeel"]
