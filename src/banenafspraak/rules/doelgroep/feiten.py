"""The facts the target-group rules take, each with its Dutch description and the article it comes from.

The same list feeds the JSON Schema (``banenafspraak regels schema doelgroep``), the validation of a facts
file, and the columns the rules read. Facts are columns (numpy arrays), one value per person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

Feiten = Mapping[str, np.ndarray]


@dataclass(frozen=True)
class Feit:
    naam: str
    type: str  # "boolean" | "number" | "integer" | "string" (format date)
    beschrijving: str
    artikel: str
    verplicht: bool = False
    standaard: Any = False
    minimum: float | None = None
    maximum: float | None = None
    formaat: str | None = None

    def schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": self.type, "description": f"{self.beschrijving} ({self.artikel})"}
        if self.formaat:
            s["format"] = self.formaat
        if self.minimum is not None:
            s["minimum"] = self.minimum
        if self.maximum is not None:
            s["maximum"] = self.maximum
        if not self.verplicht and self.standaard is not None:
            s["default"] = self.standaard
        s["x-artikel"] = self.artikel
        return s


def kolom(f: Feiten, naam: str) -> np.ndarray:
    """A boolean fact as a numpy bool array; a rule asking for an unknown fact is a programming error."""
    return np.asarray(f[naam], dtype=bool)


DOELGROEP_FEITEN: tuple[Feit, ...] = (
    Feit("beschut_werk_vastgesteld", "boolean",
         "Het college heeft vastgesteld dat de persoon alleen in een beschutte omgeving kan werken (beschut werk)",
         "art. 10b lid 1 Participatiewet; art. 38b lid 1 aanhef Wfsv", verplicht=True, standaard=None),
    Feit("begeleid_door_gemeente_participatiewet", "boolean",
         "De gemeente ondersteunt de persoon bij arbeidsinschakeling (tot de doelgroep van art. 7 lid 1 onderdeel a "
         "Participatiewet)", "art. 38b lid 1 onderdeel a en e Wfsv"),
    Feit("loonkostensubsidie_10d_lid_2", "boolean",
         "De persoon werkt met loonkostensubsidie op grond van art. 10d lid 2 Participatiewet",
         "art. 38b lid 1 onderdeel a Wfsv"),
    Feit("uwv_oordeel_geen_wml_op_verzoek_gemeente", "boolean",
         "UWV heeft op verzoek van de gemeente beoordeeld dat de persoon niet het wettelijk minimumloon kan verdienen",
         "art. 38b lid 1 onderdeel a Wfsv"),
    Feit("loonwaarde_onder_wml", "boolean",
         "De gemeente heeft een loonwaarde lager dan het wettelijk minimumloon bij een volledige werkweek vastgesteld "
         "(praktijkroute)", "art. 38b lid 1 onderdeel a Wfsv"),
    Feit("wsw_indicatie", "boolean",
         "De persoon heeft een Wsw-indicatie (ook: een op 31-12-2014 nog geldige indicatie op grond van het oude "
         "art. 11 Wsw)", "art. 38b lid 1 onderdeel b Wfsv"),
    Feit("wajong_arbeidsondersteuning", "boolean", "Recht op arbeidsondersteuning op grond van de Wajong",
         "art. 38b lid 1 onderdeel c Wfsv"),
    Feit("wajong_uitkering", "boolean", "Recht op een arbeidsongeschiktheidsuitkering op grond van de Wajong",
         "art. 38b lid 1 onderdeel c Wfsv"),
    Feit("wajong_duurzaam_geen_arbeidsmogelijkheden", "boolean",
         "UWV heeft vastgesteld dat de Wajonggerechtigde duurzaam geen arbeidsmogelijkheden heeft",
         "art. 38b lid 1 onderdeel c en f Wfsv"),
    Feit("werkt_in_dienstbetrekking", "boolean", "De persoon werkt op de peildatum in een dienstbetrekking",
         "art. 38b lid 1 onderdeel c Wfsv (tekst vanaf 2026-01-01)"),
    Feit("indicatie_bij_amvb", "boolean",
         "De persoon heeft een indicatie die bij of krachtens AMvB is aangewezen (o.a. leerling vso/pro na "
         "beoordeling door UWV)", "art. 38b lid 1 onderdeel d Wfsv"),
    Feit("uwv_indicatie_banenafspraak_eigen_aanvraag", "boolean",
         "UWV heeft op aanvraag van de persoon zelf vastgesteld dat hij niet het minimumloon kan verdienen "
         "(indicatie banenafspraak)", "art. 38b lid 1 onderdeel e Wfsv"),
    Feit("wsw_of_wajong_op_of_na_2013_01_01", "boolean",
         "De persoon viel op of na 1 januari 2013 onder onderdeel b (Wsw) of c (Wajong)",
         "art. 38b lid 1 onderdeel f Wfsv"),
    Feit("wsw_of_wajong_op_2015_05_01", "boolean",
         "De persoon viel op 1 mei 2015 nog onder onderdeel b (Wsw) of c (Wajong)",
         "art. 38b lid 1 onderdeel f Wfsv"),
    Feit("wga_uitkering", "boolean", "De persoon ontvangt een WGA-uitkering (hoofdstuk 6 WIA)",
         "art. 38b lid 1 onderdeel g Wfsv"),
    Feit("wajong_instrument_experiment_82a_suwi", "boolean",
         "Voor de persoon is in een experiment (art. 82a Wet SUWI) een Wajong-instrument (art. 2:20 of 3:63 Wajong) "
         "ingezet", "art. 38b lid 1 onderdeel g Wfsv"),
    Feit("ziekte_voor_18_of_tijdens_studie", "boolean",
         "De arbeidsbeperking is ontstaan vóór het 18e jaar of tijdens de studie (jonggehandicapte)",
         "art. 38b lid 2 Wfsv"),
    Feit("wml_alleen_met_voorziening", "boolean",
         "De persoon kan het minimumloon alleen verdienen met een voorziening (art. 10 Participatiewet of art. 35 WIA)",
         "art. 38b lid 2 Wfsv"),
    Feit("wiw_of_id_baan", "boolean", "De persoon werkt of werkte in een WIW- of ID-baan (art. 78d Participatiewet)",
         "art. 3.30 Regeling Wfsv (gelijkstelling)"),
    Feit("inschrijving_doelgroepregister_loopt", "boolean",
         "De persoon staat in het doelgroepregister en de registratie is niet beëindigd",
         "art. 38b lid 6 Wfsv"),
    Feit("wia_kan_geen_wml_verdienen", "boolean",
         "Beleidsvariant verbreding 2023: WIA-gerechtigde die zelfstandig niet het minimumloon kan verdienen",
         "Kamerbrief 7 juni 2023 (voorstel, geen wet)"),
    Feit("ww_vergelijkbare_kenmerken", "boolean",
         "Beleidsvariant verbreding 2023: WW-gerechtigde met vergelijkbare kenmerken",
         "Kamerbrief 7 juni 2023 (voorstel, geen wet)"),
    Feit("ww_uitkering_loopt", "boolean", "Beleidsvariant verbreding 2023: de WW-uitkering loopt nog",
         "Kamerbrief 7 juni 2023 (voorstel, geen wet)"),
)
