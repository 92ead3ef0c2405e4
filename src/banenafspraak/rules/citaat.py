"""A structured citation of a provision of Dutch law, attached to every rule.

A ``Citaat`` names the law, its BWB id, the article, lid and onderdeel, and the date of the consolidated
text that was read. ``href`` is the wetten.overheid.nl link to that text. A rule carries its citation
through the ``@citeert`` decorator, so code that explains a result (``explain``, the instrumentenwijzer,
the beschikking) can always say which provision produced it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

# BWB identifiers of the laws the rules cite.
BWB_WFSV = "BWBR0017745"  # Wet financiering sociale verzekeringen
BWB_BESLUIT_WFSV = "BWBR0019070"  # Besluit Wfsv
BWB_WBAF = "BWBR0051018"  # Wet banenafspraak
BWB_WTL = "BWBR0037522"  # Wet tegemoetkomingen loondomein
BWB_PWET = "BWBR0015703"  # Participatiewet
BWB_ZW = "BWBR0001888"  # Ziektewet
BWB_WAJONG = "BWBR0008657"  # Wet arbeidsongeschiktheidsvoorziening jonggehandicapten
BWB_WML = "BWBR0002638"  # Wet minimumloon en minimumvakantiebijslag
BWB_REGELING_LKS = "BWBR0035633"  # Regeling loonkostensubsidie Participatiewet

WETNAMEN = {
    BWB_WFSV: "Wfsv",
    BWB_BESLUIT_WFSV: "Besluit Wfsv",
    BWB_WBAF: "Wet banenafspraak",
    BWB_WTL: "Wtl",
    BWB_PWET: "Participatiewet",
    BWB_ZW: "Ziektewet",
    BWB_WAJONG: "Wajong",
    BWB_WML: "Wml",
    BWB_REGELING_LKS: "Regeling loonkostensubsidie",
}

TEKST_2026_01 = date(2026, 1, 1)
TEKST_2026_07 = date(2026, 7, 1)


@dataclass(frozen=True)
class Citaat:
    """One provision: law, BWB id, article, lid, onderdeel, and the date of the text read."""

    bwb_id: str
    artikel: str
    lid: str | None = None
    onderdeel: str | None = None
    tekstdatum: date = TEKST_2026_01
    wet: str | None = None  # defaults to the short name belonging to bwb_id
    bron: str | None = None  # a link for texts without a BWB id that was read (e.g. a Staatscourant publication)

    @property
    def wetnaam(self) -> str:
        return self.wet or WETNAMEN.get(self.bwb_id, self.bwb_id)

    @property
    def href(self) -> str:
        if self.bron:
            return self.bron
        anker = "Artikel" + self.artikel.replace(" ", "")
        return f"https://wetten.overheid.nl/{self.bwb_id}/{self.tekstdatum.isoformat()}#{anker}"

    def __str__(self) -> str:
        tekst = f"art. {self.artikel}"
        if self.lid:
            tekst += f" lid {self.lid}"
        if self.onderdeel:
            tekst += f" onderdeel {self.onderdeel}"
        return f"{tekst} {self.wetnaam}"

    def as_dict(self) -> dict[str, str | None]:
        return {
            "tekst": str(self),
            "wet": self.wetnaam,
            "bwb_id": self.bwb_id,
            "artikel": self.artikel,
            "lid": self.lid,
            "onderdeel": self.onderdeel,
            "tekstdatum": self.tekstdatum.isoformat(),
            "href": self.href,
        }


F = TypeVar("F", bound=Callable[..., Any])


def citeert(*citaten: Citaat) -> Callable[[F], F]:
    """Attach the provisions a rule implements; read back with ``citaten_van``."""

    def decorator(func: F) -> F:
        func.__dict__["citaten"] = tuple(citaten)
        return func

    return decorator


def citaten_van(func: Callable[..., Any]) -> tuple[Citaat, ...]:
    gevonden = getattr(func, "citaten", None)
    if not gevonden:
        raise LookupError(f"regel {getattr(func, '__name__', func)!r} citeert geen wetsartikel")
    return tuple(gevonden)
