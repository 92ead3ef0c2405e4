"""Which paid hours count for the quota: the employer's hours (A) and the target group's hours (C).

Art. 38b lid 4 Wfsv defines verloonde uren (declared in the payroll tax return and in the polisadministratie);
art. 38g lid 2 and 4 Wfsv keep Wsw staff out unless placed, and count placed people at the borrower. Inleen of
people from the target group counts at the borrower (FACTS §2.2), so their hours move from lender to borrower.
"""

from __future__ import annotations

import numpy as np

from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "34", "4"), Citaat(BWB_WFSV, "34", "6"), Citaat(BWB_WFSV, "38b", "4"))
def verloonde_uren_omvangstoets(
    uren_regulier: np.ndarray,
    uren_uitzend_uitgeleend: np.ndarray,
    uren_wsw: np.ndarray,
    uren_wsw_gedetacheerd: np.ndarray,
) -> np.ndarray:
    """Hours for the size test: everything the employer declared on its own payroll. Hired-in staff are on
    someone else's return and do not count."""
    return uren_regulier + uren_uitzend_uitgeleend + uren_wsw + uren_wsw_gedetacheerd


@citeert(Citaat(BWB_WFSV, "38g", "3"), Citaat(BWB_WFSV, "38g", "2"), Citaat(BWB_WFSV, "38g", "4"))
def verloonde_uren_werkgever(
    uren_regulier: np.ndarray,
    uren_uitzend_uitgeleend: np.ndarray,
    uren_wsw_gedetacheerd: np.ndarray,
    uren_doelgroep_ingeleend: np.ndarray,
    uren_doelgroep_uitgeleend: np.ndarray,
) -> np.ndarray:
    """Variable A of art. 38g lid 3: own payroll without Wsw staff who are not placed (lid 2), without the
    target-group people lent to others (they count at the borrower, lid 4), plus the target-group people
    hired in."""
    return (
        uren_regulier
        + uren_uitzend_uitgeleend
        + uren_wsw_gedetacheerd
        - uren_doelgroep_uitgeleend
        + uren_doelgroep_ingeleend
    )


@citeert(Citaat(BWB_WFSV, "38g", "3"), Citaat(BWB_WFSV, "38g", "4"), Citaat(BWB_WFSV, "38g", "8"))
def verloonde_uren_arbeidsbeperkten(
    uren_doelgroep_regulier: np.ndarray, uren_doelgroep_ingeleend: np.ndarray
) -> np.ndarray:
    """Variable C of art. 38g lid 3: target-group hours on the own payroll (not lent out, not Wsw without
    placement) plus target-group hours hired in. Lid 8 (a whole tax period counts when the person was in the
    target group for part of it) is applied upstream, where the hours per month are attributed."""
    return uren_doelgroep_regulier + uren_doelgroep_ingeleend
