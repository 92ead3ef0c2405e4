from __future__ import annotations

from pathlib import Path

import pytest

from banenafspraak.demo.generator import genereer
from banenafspraak.engines.invoer import lees_invoer
from banenafspraak.engines.meting import MetingResultaat, meet

JAREN = list(range(2015, 2026))


@pytest.fixture(scope="session")
def klein_land(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small synthetic nation (1% of the country), generated once per test session."""
    pad = tmp_path_factory.mktemp("klein")
    genereer(pad, omvang="klein", zaad=2013)
    return pad


@pytest.fixture(scope="session")
def klein_gemeten(klein_land: Path) -> MetingResultaat:
    return meet(lees_invoer(klein_land / "polis.parquet", klein_land / "werkgevers.parquet",
                            klein_land / "register.parquet"), JAREN)
