# language: nl
Functionaliteit: Doelgroep banenafspraak (art. 38b Wfsv)
  Een werkgever wil weten of een (toekomstige) werknemer bij de doelgroep hoort, en op welke grond.
  Elke tweeling verschilt in precies één feit.

  Scenario: Sanne heeft Wajong zonder duurzame arbeidsmogelijkheden en werkt, op 31 december 2025
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "wajong_uitkering"
    En de persoon heeft "wajong_duurzaam_geen_arbeidsmogelijkheden"
    En de persoon heeft "werkt_in_dienstbetrekking"
    Als de doelgroepregels worden toegepast op 2025-12-31
    Dan is grond "grond_38b_1_c" niet vervuld
    En hoort de persoon niet bij de doelgroep

  Scenario: Sanne heeft Wajong zonder duurzame arbeidsmogelijkheden en werkt, op 1 januari 2026
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "wajong_uitkering"
    En de persoon heeft "wajong_duurzaam_geen_arbeidsmogelijkheden"
    En de persoon heeft "werkt_in_dienstbetrekking"
    Als de doelgroepregels worden toegepast op 2026-01-01
    Dan is grond "grond_38b_1_c" vervuld
    En hoort de persoon bij de doelgroep met grond "38b_1_c"

  Scenario: Ahmed heeft een Wsw-indicatie
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "wsw_indicatie"
    Als de doelgroepregels worden toegepast op 2024-06-01
    Dan is grond "grond_38b_1_b" vervuld
    En hoort de persoon bij de doelgroep met grond "38b_1_b"

  Scenario: Ahmed heeft een Wsw-indicatie, maar de gemeente stelde beschut werk vast
    Gegeven een persoon met beschut werk
    En de persoon heeft "wsw_indicatie"
    Als de doelgroepregels worden toegepast op 2024-06-01
    Dan is grond "uitsluiting_beschut_werk" vervuld
    En hoort de persoon niet bij de doelgroep

  Scenario: Lisa wordt door de gemeente begeleid en UWV oordeelde dat zij het minimumloon niet kan verdienen
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "begeleid_door_gemeente_participatiewet"
    En de persoon heeft "uwv_oordeel_geen_wml_op_verzoek_gemeente"
    Als de doelgroepregels worden toegepast op 2024-06-01
    Dan is grond "grond_38b_1_a" vervuld
    En hoort de persoon bij de doelgroep met grond "38b_1_a"

  Scenario: Lisa wordt door de gemeente begeleid, zonder oordeel of loonwaarde
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "begeleid_door_gemeente_participatiewet"
    Als de doelgroepregels worden toegepast op 2024-06-01
    Dan is grond "grond_38b_1_a" niet vervuld
    En hoort de persoon niet bij de doelgroep

  Scenario: Karim ontvangt WIA en kan het minimumloon niet verdienen, zonder de beleidsvariant
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "wia_kan_geen_wml_verdienen"
    Als de doelgroepregels worden toegepast op 2026-06-01
    Dan hoort de persoon niet bij de doelgroep

  Scenario: Karim ontvangt WIA en kan het minimumloon niet verdienen, met de beleidsvariant van 7 juni 2023
    Gegeven een persoon zonder beschut werk
    En de persoon heeft "wia_kan_geen_wml_verdienen"
    En de beleidsvariant verbreding 2023 staat aan
    Als de doelgroepregels worden toegepast op 2026-06-01
    Dan is grond "variant_verbreding_2023_wia" vervuld
