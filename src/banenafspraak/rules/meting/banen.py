"""Jobs are paid hours divided by the job norm for the period measured (25.5 h/week)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from banenafspraak.rules.citaat import BWB_WFSV, Citaat

BRON = Citaat(BWB_WFSV, "38f", "2")  # variable C: average paid hours of a job of the target group (1,331 per year)


def baannorm_uren(jaaruren_per_baan: Decimal | int, maanden: int) -> Decimal:
    """Paid hours that make one job over a period of ``maanden`` calendar months.

    The monitoring figure is per year (1,331 h = 25.5 h/week); a shorter period takes its share.
    """
    if not 1 <= maanden <= 12:
        raise ValueError(f"een meetperiode heeft 1 tot 12 maanden, niet {maanden}")
    return Decimal(jaaruren_per_baan) * maanden / 12


def banen(uren: Any, norm_uren: Decimal) -> Any:
    """Number of jobs that ``uren`` paid hours make. Works on Decimals and on Ibis columns."""
    return uren / norm_uren
