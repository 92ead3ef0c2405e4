"""Balance of surcharge and bonus for an employer that meets the quota exactly (concept bill, FACTS §6.2 punt 6).

The exact formula was not found. Used here: an employer with paid hours U, premium wage L = w × U (w the
average premium wage per paid hour over all employers that pay the surcharge) and exactly the quota of
target-group hours q × U pays s × L and receives b × q × U. Balance means s × w × U = b × q × U, so

    s = b × q / w          (s and q as fractions; as percentages: s% = b × q% / w)

With one uniform s, balance holds exactly for an employer at the average wage per hour; an employer paying
more per hour pays relatively more surcharge than it gets back at the quota.
"""

from __future__ import annotations

from banenafspraak.rules.citaat import BWB_WBAF, TEKST_2026_07, Citaat, citeert


@citeert(Citaat(BWB_WBAF, "6", "6", tekstdatum=TEKST_2026_07))
def gekalibreerd_opslagpercentage(
    bonus_per_uur_euro: float, quotumpercentage: float, gemiddeld_premieloon_per_uur_euro: float
) -> float:
    """The surcharge percentage under which surcharge and bonus balance at exactly the quota."""
    if gemiddeld_premieloon_per_uur_euro <= 0:
        raise ValueError("het gemiddelde premieloon per uur moet groter dan 0 zijn")
    return bonus_per_uur_euro * quotumpercentage / gemiddeld_premieloon_per_uur_euro
