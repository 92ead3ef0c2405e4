"""Art. 12 Wet banenafspraak: which regime governs a calendar year."""

from __future__ import annotations

from datetime import date

from banenafspraak.rules.citaat import BWB_WBAF, TEKST_2026_07, Citaat, citeert

WFSV = "wfsv"
WBAF = "wbaf"
ONBEKEND = "onbekend"


@citeert(Citaat(BWB_WBAF, "12", tekstdatum=TEKST_2026_07))
def regime_voor_jaar(jaar: int, inwerkingtreding_artikel_2: date | None) -> str:
    """Art. 1–6 Wbaf do not apply to calendar years before art. 2 enters into force; those years keep the old
    Wfsv rules. A calendar year lies 'before' the date when it ends before it (so a mid-year start brings that
    whole year under the new law). Unknown date: 'onbekend'."""
    if inwerkingtreding_artikel_2 is None:
        return ONBEKEND
    return WFSV if date(jaar, 12, 31) < inwerkingtreding_artikel_2 else WBAF
