# language: nl
Functionaliteit: Inclusiviteitsopslag en banenafspraakbonus (art. 6 Wet banenafspraak, art. 2.13 lid 2 Wtl)
  Opslag en bonus zijn in evenwicht voor een werkgever die precies het quotum haalt (gekalibreerd).

  Achtergrond:
    Gegeven een quotumpercentage van 1 procent onder de Wet banenafspraak, bonus € 3,77 per uur, gekalibreerde opslag
    En een activeringsbesluit op 2022-01-01

  Scenario: Een werkgever haalt precies het quotum
    Gegeven werkgever "W1" met 133100 uren, 1331 doelgroepuren en een loonsom van 5324000 euro
    Als de Wet banenafspraak over 2024 wordt berekend
    Dan is het saldo van "W1" 0 cent

  Scenario: Een werkgever heeft één baan meer dan het quotum
    Gegeven werkgever "W1" met 133100 uren, 2662 doelgroepuren en een loonsom van 5324000 euro
    Als de Wet banenafspraak over 2024 wordt berekend
    Dan is het saldo van "W1" 501787 cent

  Scenario: Een kleine werkgever zonder doelgroepwerknemers
    Gegeven werkgever "W2" met 20000 uren, 0 doelgroepuren en een loonsom van 800000 euro
    En werkgever "W1" met 133100 uren, 1331 doelgroepuren en een loonsom van 5324000 euro
    Als de Wet banenafspraak over 2024 wordt berekend
    Dan is de opslag van "W2" 0 cent
