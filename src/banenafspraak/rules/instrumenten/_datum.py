"""Date arithmetic shared by the instruments (whole years after a start date)."""

from __future__ import annotations

from datetime import date


def jaren_later(start: date, jaren: int) -> date:
    """``start`` plus whole years; 29 February becomes 28 February in a non-leap year."""
    try:
        return start.replace(year=start.year + jaren)
    except ValueError:
        return start.replace(year=start.year + jaren, day=28)
