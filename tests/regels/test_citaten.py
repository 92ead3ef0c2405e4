"""Every rule carries a structured citation (DESIGN.md): law, BWB id, article, link with the text date."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import banenafspraak.rules.doelgroep as doelgroep
import banenafspraak.rules.instrumenten as instrumenten
import banenafspraak.rules.quotum as quotum
import banenafspraak.rules.wbaf as wbaf
from banenafspraak.rules.citaat import Citaat, citaten_van, citeert

PAKKETTEN = (doelgroep, instrumenten, quotum, wbaf)
HULPMODULES = {"feiten", "_datum"}


def _regels() -> list[object]:
    gevonden = []
    for pakket in PAKKETTEN:
        for info in pkgutil.iter_modules(pakket.__path__):
            if info.name in HULPMODULES:
                continue
            module = importlib.import_module(f"{pakket.__name__}.{info.name}")
            for naam, f in inspect.getmembers(module, inspect.isfunction):
                if f.__module__ == module.__name__ and not naam.startswith("_"):
                    gevonden.append(pytest.param(f, id=f"{info.name}.{naam}"))
    return gevonden


@pytest.mark.parametrize("regel", _regels())
def test_elke_regel_citeert_de_wet(regel: object) -> None:
    for c in citaten_van(regel):  # type: ignore[arg-type]
        assert re.fullmatch(r"https://(wetten\.overheid\.nl/BWBR\d{7}/\d{4}-\d{2}-\d{2}#Artikel[\w.:]+|"
                            r"zoek\.officielebekendmakingen\.nl/.+)", c.href), c.href
        assert str(c).startswith("art. ")


def test_citaat_tekst_en_link() -> None:
    c = Citaat("BWBR0017745", "38b", "1", "c")
    assert str(c) == "art. 38b lid 1 onderdeel c Wfsv"
    assert c.href == "https://wetten.overheid.nl/BWBR0017745/2026-01-01#Artikel38b"


def test_regel_zonder_citaat_is_een_fout() -> None:
    def zonder() -> None: ...

    with pytest.raises(LookupError, match="citeert geen wetsartikel"):
        citaten_van(zonder)
    assert citaten_van(citeert(Citaat("BWBR0017745", "38h", "4"))(zonder))[0].artikel == "38h"
