# language: nl
Functionaliteit: Quotumheffing per werkgever (art. 34, 38g, 38h, 122n en 122na Wfsv)
  Een gemeente wil weten of zij quotumheffing moet betalen en hoe die is berekend.

  Scenario: De gemeente had in 2017 en 2018 ruim genoeg uren
    Gegeven werkgever "G1" in sector "overheid" met 200000 verloonde uren in 2017
    En werkgever "G1" met 200000 verloonde uren en 1331 doelgroepuren in 2018
    Als het quotum over 2018 wordt berekend
    Dan is werkgever "G1" heffingsplichtig
    En is het quotumtekort van "G1" 1.90007513 banen
    En is de berekende heffing van "G1" 950038 cent
    En is de te betalen heffing van "G1" 0 cent

  Scenario: De gemeente had in 2017 één uur te weinig
    Gegeven werkgever "G1" in sector "overheid" met 40574 verloonde uren in 2017
    En werkgever "G1" met 200000 verloonde uren en 1331 doelgroepuren in 2018
    Als het quotum over 2018 wordt berekend
    Dan is werkgever "G1" niet heffingsplichtig
    En is de berekende heffing van "G1" 0 cent

  Scenario: Na inwerkingtreding van art. 2 Wet banenafspraak in 2018 wordt de heffing uitgevoerd
    Gegeven werkgever "G1" in sector "overheid" met 200000 verloonde uren in 2017
    En werkgever "G1" met 200000 verloonde uren en 1331 doelgroepuren in 2018
    En art. 2 Wet banenafspraak treedt in werking op 2018-06-01
    Als het quotum over 2018 wordt berekend
    Dan is de te betalen heffing van "G1" 950038 cent

  Scenario: Een gemeente zonder eigen doelgroepwerknemers en zonder inleen
    Gegeven werkgever "G2" in sector "overheid" met 133100 verloonde uren in 2017
    En werkgever "G2" met 133100 verloonde uren en 0 doelgroepuren in 2018
    Als het quotum over 2018 wordt berekend
    Dan is het quotumtekort van "G2" 1.93 banen

  Scenario: Dezelfde gemeente leent één baan uit de doelgroep in via een uitzendbureau
    Gegeven werkgever "G2" in sector "overheid" met 133100 verloonde uren in 2017
    En werkgever "G2" met 133100 verloonde uren en 0 doelgroepuren in 2018
    En werkgever "G2" leent in 2018 1331 uren uit de doelgroep in
    Als het quotum over 2018 wordt berekend
    Dan is het quotumtekort van "G2" 0.9493 banen
