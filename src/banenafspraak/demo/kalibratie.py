"""What the synthetic nation is calibrated to: the published results, and assumptions where none exist.

Published extra jobs per sector (2015–2023) come from the shipped official series. Everything else here
is an assumption of the demo, not a fact, and is labelled as such in the generated manifest:
- the split of the nulmeting's 38,973 formal jobs over the sectors (not published; FACTS §2.4);
- the national inleen stock per year (published only for some quarters, FACTS §4.4; interpolated);
- extra jobs for years without an official figure (2013–2014 before the first measurement, 2024–2025);
- the size of the register per year (FACTS §7.5, interpolated).
"""

from __future__ import annotations

from banenafspraak.reference import gepubliceerd

EERSTE_JAAR = 2012
LAATSTE_JAAR = 2025

NULMETING_FORMEEL = {"markt": 30_000, "overheid": 8_973}  # assumption: sum 38,973 is SEED, split is not
NULMETING_INLEEN = 36_206  # SEED (Tabel 1, Kamerbrief 2021)

INLEEN_STAND = {  # jobs; 2016, 2018, 2019, 2021, 2023 from quarterly figures (FACTS §4.4), rest interpolated
    2012: 36_206, 2013: 39_000, 2014: 42_000, 2015: 44_500, 2016: 46_497, 2017: 46_550, 2018: 46_609,
    2019: 46_846, 2020: 44_400, 2021: 41_993, 2022: 38_700, 2023: 35_376, 2024: 35_000, 2025: 34_800,
}

EXTRA_ZONDER_PUBLICATIE = {  # synthetic continuation where no official annual figure exists
    2013: {"markt": 5_000, "overheid": 1_500},
    2014: {"markt": 10_000, "overheid": 3_500},
    2024: {"markt": 77_600, "overheid": 12_200},  # "bijna 90.000" in July 2025
    2025: {"markt": 80_500, "overheid": 12_900},
}

REGISTER_STAND = {  # persons registered at year end; 2012, 2019, 2021, 2022, 2023 near FACTS §7.5
    2012: 247_739, 2013: 244_000, 2014: 240_000, 2015: 236_000, 2016: 232_000, 2017: 228_000,
    2018: 223_000, 2019: 228_000, 2020: 237_000, 2021: 245_884, 2022: 253_069, 2023: 264_500,
    2024: 268_000, 2025: 270_500,
}


def extra_banen(jaar: int, sector: str) -> tuple[int, bool]:
    """Extra jobs the nation should show in ``jaar``: (number, whether it is an official figure)."""
    officieel = gepubliceerd(jaar, sector)
    if officieel is not None and officieel.totaal is not None:
        return officieel.totaal, True
    return EXTRA_ZONDER_PUBLICATIE.get(jaar, {"markt": 0, "overheid": 0})[sector], False
