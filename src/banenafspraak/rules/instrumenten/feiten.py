"""Facts the instruments take on top of the target-group facts."""

from __future__ import annotations

from banenafspraak.rules.doelgroep.feiten import Feit

INSTRUMENT_FEITEN: tuple[Feit, ...] = (
    Feit("datum_in_dienst", "string", "Begindatum van de dienstbetrekking bij deze werkgever (JJJJ-MM-DD)",
         "art. 2.12 Wtl; art. 29b Ziektewet", verplicht=True, standaard=None, formaat="date"),
    Feit("verloonde_uren_per_jaar", "number", "Verloonde uren van deze werknemer in het kalenderjaar",
         "art. 2.13 Wtl", verplicht=True, standaard=None, minimum=0),
    Feit("aow_leeftijd_bereikt", "boolean", "De werknemer heeft de AOW-leeftijd bereikt", "art. 2.10 lid 2 Wtl"),
    Feit("wsw_dienstbetrekking_zonder_detachering", "boolean",
         "De werknemer werkt in een Wsw-dienstbetrekking en is niet bij een andere werkgever geplaatst",
         "art. 2.10 lid 2 Wtl"),
    Feit("doelgroepverklaring", "boolean", "UWV heeft een doelgroepverklaring afgegeven (nodig tot en met 2025)",
         "art. 2.10 Wtl (tekst tot 2026)"),
    Feit("loonwaarde_procent", "number",
         "Door de gemeente vastgestelde loonwaarde als percentage van het minimumloon (0–100)",
         "art. 10d en 10e Participatiewet", standaard=None, minimum=0, maximum=100),
    Feit("jobcoach_nodig", "boolean", "De werknemer heeft begeleiding op de werkplek (jobcoach) nodig",
         "art. 10 Participatiewet; art. 35 WIA"),
    Feit("werkvoorziening_nodig", "boolean", "De werknemer heeft een werkvoorziening nodig (aanpassing, hulpmiddel)",
         "art. 10 Participatiewet; art. 35 WIA"),
    Feit("proefplaatsing_gewenst", "boolean", "De werkgever wil de werknemer eerst op proef laten werken",
         "praktijk gemeenten (FACTS §8.4)"),
)
