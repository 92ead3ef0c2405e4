"""Which payroll hours count, and as what.

- ``regulier``: the employee's own employer; a formal job (formeel dienstverband).
- ``uitzend``: an agency worker; counts as inleen, for the borrowing sector.
- ``wsw_gedetacheerd``: a Wsw employee placed at another employer; counts as inleen.
- ``wsw``: a Wsw employee not placed elsewhere; does not count (art. 38g lid 2 and 4 and art. 122n
  lid 4–5 Wfsv; art. 4 lid 3 Wet banenafspraak: only the tax periods in which the person is placed).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from banenafspraak.rules.citaat import BWB_WBAF, BWB_WFSV, TEKST_2026_07, Citaat

SOORTEN = ("regulier", "uitzend", "wsw", "wsw_gedetacheerd")
FORMEEL = "formeel"
INLEEN = "inleen"

BRONNEN = (
    Citaat(BWB_WFSV, "38g", "2"),
    Citaat(BWB_WFSV, "38g", "4"),
    Citaat(BWB_WFSV, "122n", "4"),
    Citaat(BWB_WBAF, "4", "3", tekstdatum=TEKST_2026_07),
)


def telcategorie(soort: ir.StringValue) -> ir.StringValue:
    """``formeel`` or ``inleen`` for hours that count, null for Wsw hours without placement."""
    return (
        ibis.cases(
            (soort == "regulier", FORMEEL),
            (soort.isin(["uitzend", "wsw_gedetacheerd"]), INLEEN),
            else_=ibis.null(),
        )
    )
