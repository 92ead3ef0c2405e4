"""Art. 38f Wfsv: the quotumpercentage per sector, rounded down to two decimals (lid 1; art. 2.22 Besluit Wfsv).

The law lists the variables A–H (lid 2) but FACTS §5.2 did not find the algebra with F, G and H. Implemented
is the SZW basic form ``(A + B) * C / (D * E)``; F, G and H are accepted as inputs and must be zero until their
place in the formula is known (a non-zero value is refused rather than silently ignored).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, Decimal

from banenafspraak.parameters import ParameterError, waarde
from banenafspraak.rules.citaat import BWB_BESLUIT_WFSV, BWB_WFSV, Citaat, citeert

HONDERDSTE = Decimal("0.01")


@citeert(Citaat(BWB_WFSV, "38f", "1"), Citaat(BWB_BESLUIT_WFSV, "2.22"))
def rond_af_naar_beneden(percentage: Decimal) -> Decimal:
    """Rounded down to two decimals, as lid 1 prescribes."""
    return percentage.quantize(HONDERDSTE, rounding=ROUND_DOWN)


@citeert(Citaat(BWB_WFSV, "38f", "2"))
def te_realiseren_extra_banen(doel_vorig_jaar: Decimal, doel_dit_jaar: Decimal) -> Decimal:
    """Variable B (SZW explanation): last year's cumulative target plus half of this year's increase."""
    return doel_vorig_jaar + (doel_dit_jaar - doel_vorig_jaar) / 2


@citeert(Citaat(BWB_WFSV, "38f", "1"), Citaat(BWB_WFSV, "38f", "2"))
def quotumpercentage(
    a_banen_nulmeting: Decimal,
    b_extra_banen: Decimal,
    c_uren_arbeidsbeperkte: Decimal,
    d_banen_heffingsplichtigen: Decimal,
    e_uren_werknemer: Decimal,
    f_aantal_38b_2: Decimal = Decimal(0),
    g_uren_38b_2: Decimal = Decimal(0),
    h_gerealiseerde_extra_banen: Decimal = Decimal(0),
) -> Decimal:
    """``(A + B) * C / (D * E) * 100``, rounded down to two decimals."""
    if f_aantal_38b_2 or g_uren_38b_2 or h_gerealiseerde_extra_banen:
        raise ValueError(
            "variabelen F, G en H van art. 38f lid 2 Wfsv: hun plaats in de formule is niet gevonden "
            "(FACTS §5.2); geef 0 of stel het percentage zelf vast"
        )
    if d_banen_heffingsplichtigen <= 0 or e_uren_werknemer <= 0:
        raise ValueError("variabelen D en E van art. 38f lid 2 Wfsv moeten groter dan 0 zijn")
    ruw = (a_banen_nulmeting + b_extra_banen) * c_uren_arbeidsbeperkte * 100 / (
        d_banen_heffingsplichtigen * e_uren_werknemer
    )
    return rond_af_naar_beneden(ruw)


@citeert(Citaat(BWB_WFSV, "38f", "1"))
def vastgesteld_quotumpercentage(sector: str, jaar: int) -> Decimal:
    """The percentage the minister set for ``sector`` and levy year ``jaar`` (parameter
    quotum.quotumpercentage.<sector>); raises ParameterError where it was not found."""
    if sector not in ("markt", "overheid"):
        raise ParameterError(f"onbekende sector {sector!r}: kies markt of overheid")
    w = waarde(f"quotum.quotumpercentage.{sector}", date(jaar, 1, 1))
    return Decimal(str(w.waarde))
