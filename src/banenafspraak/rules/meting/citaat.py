"""Citations of the measurement rules, so every output can name the provision behind it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bepaling:
    wet: str
    bwb_id: str | None
    artikel: str
    lid: str | None
    href: str
    tekst_van: str  # date of the consolidated text read

    def __str__(self) -> str:
        lid = f" lid {self.lid}" if self.lid else ""
        return f"art. {self.artikel}{lid} {self.wet}"


WFSV = "Wfsv"
WFSV_BWB = "BWBR0017745"


def wfsv(artikel: str, lid: str | None = None) -> Bepaling:
    return Bepaling(
        WFSV, WFSV_BWB, artikel, lid,
        f"https://wetten.overheid.nl/{WFSV_BWB}/2026-01-01#Artikel{artikel}", "2026-01-01",
    )


def wbaf(artikel: str, lid: str | None = None) -> Bepaling:
    return Bepaling(
        "Wet banenafspraak", "BWBR0051018", artikel, lid,
        f"https://wetten.overheid.nl/BWBR0051018/2026-07-01#Artikel{artikel}", "2026-07-01",
    )
