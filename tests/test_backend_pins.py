"""Guards the pinned Ibis/sqlglot/DuckDB combination (ibis 12 + sqlglot 30.x sends DROP TABLE without a name)."""

from __future__ import annotations

import ibis
import pandas as pd


def test_cache_release_en_drop_table_werken():
    con = ibis.duckdb.connect()
    t = con.create_table("proef", pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "x"]}))
    c = t.group_by("b").aggregate(n=t.a.sum()).cache()
    assert sorted(c.to_pandas().n.tolist()) == [2, 4]
    c.release()
    con.drop_table("proef")
    assert "proef" not in con.list_tables()
