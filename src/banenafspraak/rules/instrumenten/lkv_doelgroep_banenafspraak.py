"""LKV doelgroep banenafspraak: art. 2.10–2.13 Wtl."""

from __future__ import annotations

from datetime import date

import numpy as np

from banenafspraak.parameters import waarde
from banenafspraak.rules.citaat import BWB_WTL, Citaat, citeert
from banenafspraak.rules.instrumenten._datum import jaren_later


@citeert(Citaat(BWB_WTL, "2.12"))
def binnen_lkv_termijn(datum_in_dienst: np.ndarray, doelgroepverklaring: np.ndarray, peildatum: date) -> np.ndarray:
    """From 2026 the LKV lasts as long as the employment and the conditions; before, at most three years from
    the start of employment and only with a doelgroepverklaring."""
    n = len(datum_in_dienst)
    if waarde("instrumenten.lkv.structureel", peildatum).waarde:
        return np.ones(n, dtype=bool)
    duur = int(waarde("instrumenten.lkv.maximale_duur_jaren", peildatum).waarde)
    binnen = np.array([peildatum < jaren_later(d, duur) for d in datum_in_dienst], dtype=bool)
    return binnen & np.asarray(doelgroepverklaring, dtype=bool)


@citeert(Citaat(BWB_WTL, "2.10", "1"), Citaat(BWB_WTL, "2.10", "2"), Citaat(BWB_WTL, "2.12"))
def recht_op_lkv(
    is_arbeidsbeperkte: np.ndarray,
    aow_leeftijd_bereikt: np.ndarray,
    wsw_zonder_detachering: np.ndarray,
    datum_in_dienst: np.ndarray,
    doelgroepverklaring: np.ndarray,
    peildatum: date,
) -> np.ndarray:
    """An arbeidsbeperkte (art. 38b Wfsv), not from AOW age, not in Wsw work without placement, within the
    term of art. 2.12."""
    return (
        np.asarray(is_arbeidsbeperkte, dtype=bool)
        & ~np.asarray(aow_leeftijd_bereikt, dtype=bool)
        & ~np.asarray(wsw_zonder_detachering, dtype=bool)
        & binnen_lkv_termijn(datum_in_dienst, doelgroepverklaring, peildatum)
    )


@citeert(Citaat(BWB_WTL, "2.13"))
def lkv_bedrag_centen(verloonde_uren: np.ndarray, recht: np.ndarray, peildatum: date) -> np.ndarray:
    """€1.01 per paid hour, at most €2,000 per calendar year, in whole cents."""
    per_uur_centen = round(float(waarde("instrumenten.lkv.bedrag_per_uur", peildatum).waarde) * 100)
    maximum_centen = int(waarde("instrumenten.lkv.maximum_per_jaar", peildatum).waarde) * 100
    centen = np.floor(np.asarray(verloonde_uren, dtype=np.float64) * per_uur_centen + 0.5).astype(np.int64)
    return np.where(np.asarray(recht, dtype=bool), np.minimum(centen, maximum_centen), 0)
