"""Art. 122na Wfsv: after activation the levy is not executed for calendar years before art. 2 of the Wet
banenafspraak enters into force; a quotumpercentage is still set for those years (lid 2)."""

from __future__ import annotations

from datetime import date

from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "122na", "1"))
def uitvoering_opgeschort(jaar: int, inwerkingtreding_artikel_2_wbaf: date | None) -> bool:
    """True when ``jaar`` lies before the entry into force of art. 2 Wet banenafspraak. An unknown date
    (not yet in force as far as the sources show) means the suspension still holds."""
    if inwerkingtreding_artikel_2_wbaf is None:
        return True
    return date(jaar, 12, 31) < inwerkingtreding_artikel_2_wbaf
