"""The legal grounds (grondslagen) on which a person is in the doelgroepregister.

The codes are what the register extract's ``grondslag`` column holds. Each names the article it comes
from (art. 38b Wfsv; from the Wet banenafspraak: art. 2). Which conditions make a ground hold is decided
by the target-group rules in ``banenafspraak.rules.doelgroep``; this table only names them.
"""

from __future__ import annotations

from dataclasses import dataclass

WFSV_38B = "https://wetten.overheid.nl/BWBR0017745/2026-01-01#Artikel38b"
REGELING_WFSV = "https://zoek.officielebekendmakingen.nl/stcrt-2015-31250.html"


@dataclass(frozen=True)
class Grondslag:
    code: str
    artikel: str
    omschrijving: str
    href: str


GRONDSLAGEN: dict[str, Grondslag] = {
    g.code: g
    for g in (
        Grondslag("38b_1_a", "art. 38b lid 1 onderdeel a Wfsv",
                  "Participatiewet, kan niet het minimumloon verdienen (UWV-beoordeling of loonwaarde)", WFSV_38B),
        Grondslag("38b_1_b", "art. 38b lid 1 onderdeel b Wfsv", "Wsw-indicatie", WFSV_38B),
        Grondslag("38b_1_c", "art. 38b lid 1 onderdeel c Wfsv",
                  "Wajong met recht op arbeidsondersteuning of arbeidsongeschiktheidsuitkering", WFSV_38B),
        Grondslag("38b_1_d", "art. 38b lid 1 onderdeel d Wfsv",
                  "indicatie bij of krachtens AMvB (o.a. vso/pro na UWV-beoordeling)", WFSV_38B),
        Grondslag("38b_1_e", "art. 38b lid 1 onderdeel e Wfsv",
                  "indicatie banenafspraak op eigen aanvraag (kan niet het minimumloon verdienen)", WFSV_38B),
        Grondslag("38b_1_f", "art. 38b lid 1 onderdeel f Wfsv",
                  "overgangsrecht: had op of na 1-1-2013 grond b of c, op 1-5-2015 niet meer", WFSV_38B),
        Grondslag("38b_1_g", "art. 38b lid 1 onderdeel g Wfsv",
                  "WGA-uitkering met Wajong-instrument in experiment (art. 82a Wet SUWI)", WFSV_38B),
        Grondslag("38b_2", "art. 38b lid 2 Wfsv",
                  "jonggehandicapte die alleen met een voorziening het minimumloon verdient", WFSV_38B),
        Grondslag("wiw_id", "art. 3.30 Regeling Wfsv (gelijkstelling WIW/ID-baan, art. 78d Participatiewet)",
                  "WIW- of ID-baan, gelijkgesteld aan een baan uit de doelgroep", REGELING_WFSV),
    )
}
