# language: nl
Functionaliteit: Instrumentenwijzer (Wtl, Ziektewet, Participatiewet)
  Een werkgever neemt iemand met een Wsw-indicatie in dienst en wil weten welke instrumenten gelden.

  Scenario: Zonder doelgroepverklaring in 2025
    Gegeven een werknemer met een Wsw-indicatie, in dienst sinds 2025-01-01, 1331 uur per jaar
    Als de instrumentenwijzer wordt gevraagd op 2025-12-31
    Dan geldt "lkv_doelgroep_banenafspraak" niet

  Scenario: Zonder doelgroepverklaring in 2026
    Gegeven een werknemer met een Wsw-indicatie, in dienst sinds 2025-01-01, 1331 uur per jaar
    Als de instrumentenwijzer wordt gevraagd op 2026-01-01
    Dan geldt "lkv_doelgroep_banenafspraak" met een bedrag van 134431 cent
    En geldt "no_riskpolis"

  Scenario: Vanaf de AOW-leeftijd in 2026
    Gegeven een werknemer met een Wsw-indicatie, in dienst sinds 2025-01-01, 1331 uur per jaar
    En de werknemer heeft de AOW-leeftijd bereikt
    Als de instrumentenwijzer wordt gevraagd op 2026-01-01
    Dan geldt "lkv_doelgroep_banenafspraak" niet
