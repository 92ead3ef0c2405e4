"""Art. 38h Wfsv: the quotumheffing, €5,000 (parameter) per missing job, in whole cents."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from banenafspraak.rules.citaat import BWB_WFSV, Citaat, citeert


@citeert(Citaat(BWB_WFSV, "38h", "4"))
def quotumheffing_centen(quotumtekort: np.ndarray, heffing_per_baan_euro: int) -> np.ndarray:
    """Shortfall × amount per job, as int64 cents. The law names no rounding; whole cents (half away from zero)
    is how an amount is expressed, not a legal rounding."""
    centen = np.asarray(quotumtekort, dtype=np.float64) * (heffing_per_baan_euro * 100)
    return np.floor(centen + 0.5).astype(np.int64)


@citeert(Citaat(BWB_WFSV, "38h", "4"))
def quotumheffing_decimal(quotumtekort: Decimal, heffing_per_baan_euro: Decimal) -> Decimal:
    """The same amount for one employer, in Decimal euros (for the beschikking)."""
    return (quotumtekort * heffing_per_baan_euro).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
