"""Inleen (agency work and Wsw secondments) is split nationally over the sectors with the verdeelsleutel.

UWV knows the lending agency, not the borrowing employer, so the stock of inleen jobs of year t is
split with the key of year t, and the baseline stock with the key of December 2012 (FACTS §4.2,
reconstructed from Tabel 1 of the 2021 results letter, Kamerstuk 34 352).
"""

from __future__ import annotations

from decimal import Decimal

from banenafspraak.rules.citaat import BWB_WFSV, Citaat

BRON = Citaat(BWB_WFSV, "122n", "3")


def extra_inleen(
    sleutel_t: Decimal, inleen_banen_t: Decimal, sleutel_0: Decimal, inleen_banen_0: Decimal
) -> Decimal:
    """Extra inleen jobs of one sector against the nulmeting: key_t × stock_t − key_0 × stock_0."""
    return sleutel_t * inleen_banen_t - sleutel_0 * inleen_banen_0
