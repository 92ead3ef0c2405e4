"""Writing a measurement: CSV, JSON, Excel and a self-contained HTML report, all with their lineage.

The same inputs give byte-identical CSV and JSON: no timestamps, fixed row order, decimals rounded
in one place. Files are written to a scratch folder next to the target and moved in only when all
are complete, so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from banenafspraak.engines.landelijk import afgerond
from banenafspraak.engines.meting import MetingResultaat
from banenafspraak.reports.html import html_rapport

Voortgang = Callable[[str], None]


def _cel(x: Any) -> Any:
    """Decimals to two places, as text-stable numbers; everything else as is."""
    if isinstance(x, Decimal):
        return afgerond(x, 2)
    if isinstance(x, float) and pd.isna(x):
        return None
    return x


def _schoon(df: pd.DataFrame) -> pd.DataFrame:
    uit = df.copy()
    for k in uit.columns:
        if uit[k].dtype == object:
            uit[k] = uit[k].map(_cel)
    return uit


def tabellen(r: MetingResultaat) -> dict[str, pd.DataFrame]:
    """Every table of a measurement, by file name (without extension)."""
    t: dict[str, pd.DataFrame] = {"reeks": r.reeks()}
    for jaar, tabel in r.landelijk.items():
        if jaar not in r.jaren:
            continue
        d = tabel.als_dict()
        t[f"landelijk_{jaar}"] = pd.DataFrame(
            [{"sector": s, **{k: v for k, v in regel.items() if k != "uren"},
              "uren_formeel_meting": regel["uren"]["formeel"]["meting"],
              "uren_formeel_nulmeting": regel["uren"]["formeel"]["nulmeting"],
              "uren_inleen_meting": regel["uren"]["inleen"]["meting"],
              "uren_inleen_nulmeting": regel["uren"]["inleen"]["nulmeting"]}
             for s, regel in d["sectoren"].items()]
        )
    t["overheidssectoren"] = r.overheidssectoren
    t["arbeidsmarktregios"] = r.arbeidsmarktregios
    t["gemeenten"] = r.gemeenten
    t["werkgevers"] = r.werkgevers
    t["verdeelsleutel_geschat"] = r.verdeelsleutel_geschat
    return {naam: _schoon(df) for naam, df in t.items()}


def landelijk_json(r: MetingResultaat, jaar: int) -> dict[str, Any]:
    return {**r.landelijk[jaar].als_dict(), "herkomst": r.herkomst}


def _json_tekst(d: Any) -> str:
    return json.dumps(d, indent=2, ensure_ascii=False, sort_keys=False, default=str) + "\n"


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def schrijf(r: MetingResultaat, uit: Path, voortgang: Voortgang | None = None) -> list[Path]:
    """Write every output of a measurement into ``uit``; returns the files written."""
    meld = voortgang or (lambda _s: None)
    uit = Path(uit)
    uit.parent.mkdir(parents=True, exist_ok=True)
    kladmap = Path(tempfile.mkdtemp(prefix=f".{uit.name}-", dir=uit.parent))
    try:
        t = tabellen(r)
        meld("CSV")
        for naam, df in t.items():
            df.to_csv(kladmap / f"{naam}.csv", index=False, lineterminator="\n")
        meld("JSON")
        for jaar in r.jaren:
            (kladmap / f"landelijk_{jaar}.json").write_text(_json_tekst(landelijk_json(r, jaar)), encoding="utf-8")
        (kladmap / "reeks.json").write_text(
            _json_tekst({"reeks": json.loads(t["reeks"].to_json(orient="records")), "herkomst": r.herkomst}),
            encoding="utf-8",
        )
        meld("Excel")
        _excel(t, r, kladmap / "meting.xlsx")
        meld("HTML")
        (kladmap / "rapport.html").write_text(html_rapport(r), encoding="utf-8")
        herkomst = {
            **r.herkomst,
            "bestanden": {p.name: _sha(p) for p in sorted(kladmap.iterdir()) if p.suffix in (".csv", ".json")},
        }
        (kladmap / "herkomst.json").write_text(_json_tekst(herkomst), encoding="utf-8")
        uit.mkdir(parents=True, exist_ok=True)
        geschreven = []
        for p in sorted(kladmap.iterdir()):
            os.replace(p, uit / p.name)
            geschreven.append(uit / p.name)
        return geschreven
    finally:
        shutil.rmtree(kladmap, ignore_errors=True)


_KOLOMBREEDTE = 16


def _excel(t: dict[str, pd.DataFrame], r: MetingResultaat, pad: Path) -> None:
    """One sheet per table, real headers, number formats for jobs, hours and percentages."""
    with pd.ExcelWriter(pad, engine="xlsxwriter") as xl:
        boek = xl.book
        kop = boek.add_format({"bold": True, "bg_color": "#154273", "font_color": "#FFFFFF", "text_wrap": True})
        getal = boek.add_format({"num_format": "#,##0.00"})
        geheel = boek.add_format({"num_format": "#,##0"})
        pct = boek.add_format({"num_format": "0.0"})
        laatste = max(r.jaren)
        for naam, df in t.items():
            blad = naam[:31]
            # a national employer table over many years outgrows a sheet; the CSV has every year
            data = df[df.jaar == laatste].copy() if naam == "werkgevers" else df.copy()
            for k in data.columns:
                if data[k].dtype == object and data[k].map(lambda x: isinstance(x, Decimal)).any():
                    data[k] = data[k].map(lambda x: float(x) if isinstance(x, Decimal) else x)
            data.to_excel(xl, sheet_name=blad, index=False, startrow=1, header=False)
            ws = xl.sheets[blad]
            for i, k in enumerate(data.columns):
                ws.write(0, i, k, kop)
                fmt = pct if k.endswith("_pct") else geheel if k in (
                    "formeel", "inleen", "totaal", "doelstelling", "verschil", "verandering_vorig_jaar",
                    "geregistreerd", "werkend", "jaar") else getal if pd.api.types.is_numeric_dtype(data[k]) else None
                ws.set_column(i, i, _KOLOMBREEDTE, fmt)
            ws.freeze_panes(1, 0)
            ws.autofilter(0, 0, max(len(data), 1), max(len(data.columns) - 1, 0))
        ws = boek.add_worksheet("herkomst")
        for rij, (k, v) in enumerate(r.herkomst.items()):
            ws.write(rij, 0, k, kop)
            ws.write(rij, 1, json.dumps(v, ensure_ascii=False, default=str) if not isinstance(v, str) else v)
        ws.set_column(0, 0, 22)
        ws.set_column(1, 1, 120)
