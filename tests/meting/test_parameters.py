"""Parameters are dated data with a source for every value; a date nothing covers is an error."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from banenafspraak import parameters
from banenafspraak.parameters import DATA_DIR, ParameterError


def test_elke_waarde_heeft_een_startdatum_en_een_bron():
    for naam, p in parameters.alle_parameters().items():
        assert p.beschrijving, naam
        for w in p.waarden:
            assert w.bron.titel and w.bron.titel != "None", (naam, w.geldig_vanaf)


def test_yaml_volgt_de_openfisca_indeling():
    for pad in DATA_DIR.rglob("*.yaml"):
        d = yaml.safe_load(pad.read_text())
        assert set(d) <= {"description", "metadata", "values"}, pad
        assert "unit" in d["metadata"], pad
        for start, waarde in d["values"].items():
            assert isinstance(start, date), (pad, start)
            assert "value" in waarde, (pad, start)


@pytest.mark.parametrize(("naam", "peildatum", "verwacht"), [
    ("meting.baannorm_uren_per_week", date(2013, 1, 1), 25.5),
    ("meting.jaaruren_per_baan_monitoring", date(2021, 12, 31), 1331),
    ("meting.jaaruren_per_baan_bonus", date(2026, 1, 1), 1326),
    ("meting.gemiddelde_jaaruren_werknemer", date(2019, 6, 1), 1623),
    ("quotum.drempel_verloonde_uren", date(2019, 1, 1), 40575),
    ("quotum.heffing_per_ontbrekende_baan", date(2019, 1, 1), 5000),
    ("meting.nulmeting.banen_totaal", date(2013, 1, 1), 75179),
    ("meting.doelstelling.markt", date(2015, 12, 31), 6000),
    ("meting.doelstelling.overheid", date(2024, 12, 31), 25000),
    ("meting.doelstelling.markt", date(2026, 12, 31), 100000),
    # the key holds from its reference year until the next published one
    ("meting.verdeelsleutel.markt", date(2015, 12, 31), 0.76),
    ("meting.verdeelsleutel.markt", date(2016, 12, 31), 0.722),
    ("meting.verdeelsleutel.markt", date(2019, 12, 31), 0.722),
    ("meting.verdeelsleutel.overheid", date(2020, 12, 31), 0.337),
    ("meting.verdeelsleutel.overheid", date(2021, 12, 31), 0.32),
])
def test_waarde_op_peildatum(naam, peildatum, verwacht):
    assert parameters.waarde(naam, peildatum).waarde == verwacht


@pytest.mark.parametrize(("naam", "peildatum"), [
    ("meting.doelstelling.markt", date(2014, 12, 31)),  # the first target is for end 2015
    ("meting.verdeelsleutel.markt", date(2011, 12, 31)),
    ("quotum.drempel_verloonde_uren", date(2012, 12, 31)),
])
def test_datum_zonder_waarde_is_een_fout(naam, peildatum):
    with pytest.raises(ParameterError, match="geen waarde"):
        parameters.waarde(naam, peildatum)


def test_onbekende_parameter_is_een_fout():
    with pytest.raises(ParameterError, match="onbekende parameter"):
        parameters.waarde("meting.bestaat_niet", date(2020, 1, 1))


def test_lineage_noemt_bron_en_startdatum():
    w = parameters.waarde("quotum.heffing_per_ontbrekende_baan", date(2020, 1, 1)).lineage()
    assert w["geldig_vanaf"] == "2013-01-01"
    assert "38h" in w["bron"]["titel"]
    assert w["bron"]["href"].startswith("https://wetten.overheid.nl/")
