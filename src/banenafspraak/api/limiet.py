"""Per-account rate limit on look-ups, so one account cannot walk the register.

A sliding window in memory, per process. Behind several API processes, put the same limit in the gateway
or move this counter to a shared store.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque


class Limiet:
    def __init__(self, aantal: int, venster: float) -> None:
        self.aantal = aantal
        self.venster = venster
        self._tijden: dict[str, deque[float]] = {}
        self._slot = threading.Lock()

    def neem(self, account: str) -> int:
        """0 if the look-up may go ahead (and counts it), else the seconds to wait."""
        nu = time.monotonic()
        with self._slot:
            rij = self._tijden.setdefault(account, deque())
            while rij and rij[0] <= nu - self.venster:
                rij.popleft()
            if len(rij) >= self.aantal:
                return max(1, math.ceil(rij[0] + self.venster - nu))
            rij.append(nu)
            return 0
