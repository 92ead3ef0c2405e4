"""Pure pieces: the BSN pseudonym and the employer-check periods (art. 38d lid 7 Wfsv)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from banenafspraak.register.pseudoniem import OngeldigBSN, Pseudonimiseerder, valideer_bsn
from banenafspraak.rules.werkgeverscheck import samengevoegd, werkgeverscheck

D = dt.date


def test_bsn_elfproef():
    assert valideer_bsn("111222333") == "111222333"
    assert valideer_bsn("1112.22.333") == "111222333"
    for slecht, reden in (("111222334", "elfproef"), ("1234567890", "9 cijfers"), ("11122233X", "cijfers")):
        with pytest.raises(OngeldigBSN, match=reden) as e:
            valideer_bsn(slecht)
        assert slecht not in str(e.value)


def test_pseudonym_is_keyed_stable_and_not_a_plain_hash():
    a, b = Pseudonimiseerder(b"sleutel-a"), Pseudonimiseerder(b"sleutel-b")
    assert a("111222333") == a("1112.22.333")
    assert a("111222333") != b("111222333")
    assert a("111222333") != hashlib.sha256(b"111222333").hexdigest()
    assert "111222333" not in a("111222333")


# art. 38d lid 7 Wfsv: registered periods in the current and the previous calendar year
@pytest.mark.parametrize(
    ("registraties", "peildatum", "geregistreerd", "perioden"),
    [
        # ended on 31-12 two years before: outside the window
        ([(D(2018, 1, 1), D(2024, 12, 31))], D(2026, 5, 1), False, []),
        # ended on 1-1 of last year: inside, clipped
        ([(D(2018, 1, 1), D(2025, 1, 1))], D(2026, 5, 1), False, [(D(2025, 1, 1), D(2025, 1, 1))]),
        # open registration started long ago
        ([(D(2015, 1, 1), None)], D(2026, 5, 1), True, [(D(2025, 1, 1), None)]),
        # two touching registrations merge; peildatum the day after the end: not registered
        (
            [(D(2025, 2, 1), D(2025, 6, 30)), (D(2025, 7, 1), D(2026, 4, 30))],
            D(2026, 5, 1),
            False,
            [(D(2025, 2, 1), D(2026, 4, 30))],
        ),
        # peildatum on the last registered day: registered
        ([(D(2025, 2, 1), D(2026, 5, 1))], D(2026, 5, 1), True, [(D(2025, 2, 1), D(2026, 5, 1))]),
        # a gap stays a gap
        (
            [(D(2025, 2, 1), D(2025, 3, 1)), (D(2025, 3, 3), None)],
            D(2026, 1, 1),
            True,
            [(D(2025, 2, 1), D(2025, 3, 1)), (D(2025, 3, 3), None)],
        ),
        # starts after this year: not in the window
        ([(D(2027, 1, 1), None)], D(2026, 5, 1), False, []),
    ],
)
def test_employer_check_periods(registraties, peildatum, geregistreerd, perioden):
    uit = werkgeverscheck(registraties, peildatum)
    assert (uit.geregistreerd, uit.perioden) == (geregistreerd, perioden)


def test_open_period_swallows_later_ones():
    assert samengevoegd([(D(2025, 1, 1), None), (D(2025, 5, 1), D(2025, 6, 1))]) == [(D(2025, 1, 1), None)]
