"""Keyed pseudonyms of the BSN.

A BSN is checked with the elfproef (python-stdnum ``nl.bsn``) and turned into an HMAC-SHA256 pseudonym
with a secret key. A plain hash would not do: all 10^9 BSNs can be hashed in minutes, an HMAC without the
key cannot be reversed. The BSN itself is never stored, logged or put in a URL.
"""

from __future__ import annotations

import hashlib
import hmac

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.nl import bsn as stdnum_bsn

from banenafspraak.register.config import derived_key


class OngeldigBSN(ValueError):
    """The value is not a valid BSN. The message never repeats the value."""


def valideer_bsn(waarde: str) -> str:
    """The BSN in its compact 9-digit form, or :class:`OngeldigBSN` (elfproef, length, digits)."""
    try:
        return str(stdnum_bsn.validate(str(waarde)))
    except InvalidChecksum:
        reden = "de elfproef klopt niet"
    except InvalidLength:
        reden = "een BSN heeft 9 cijfers"
    except InvalidFormat:
        reden = "een BSN bestaat alleen uit cijfers"
    except ValidationError:
        reden = "ongeldig"
    raise OngeldigBSN(f"geen geldig BSN: {reden}")


class Pseudonimiseerder:
    """Turns BSNs into stable pseudonyms with one secret key."""

    def __init__(self, master: bytes) -> None:
        self._sleutel = derived_key(master, "pseudoniem")

    def __call__(self, bsn: str) -> str:
        compact = valideer_bsn(bsn)
        return hmac.new(self._sleutel, compact.encode(), hashlib.sha256).hexdigest()
