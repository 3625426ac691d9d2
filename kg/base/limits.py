"""Limits on the work one input may cost, each raisable through its own environment variable.

Every limit's message names the limit and how to raise it, so a curator with a genuinely
large file is one setting away from going on, never stuck.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from kg.base.errors import SettingError

__all__ = ["Limit"]


@dataclass(frozen=True)
class Limit:
    """A whole-number limit with a default and the environment variable that overrides it.

    >>> depth = Limit("NNKG_EXAMPLE_DEPTH", 64, "levels")
    >>> depth.value()
    64
    >>> depth.how_to_raise()
    'raise it with NNKG_EXAMPLE_DEPTH=<levels>'
    """

    env: str
    default: int
    unit: str

    def value(self) -> int:
        """``$env`` when set, else the default; a setting that is not a positive whole
        number is an error, never silently the default."""
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        try:
            number = int(raw.replace("_", ""))
        except ValueError:
            raise SettingError(f"{self.env}={raw[:40]!r} is not a whole number") from None
        if number < 1:
            raise SettingError(f"{self.env}={raw[:40]!r} must be at least 1")
        return number

    def how_to_raise(self) -> str:
        return f"raise it with {self.env}=<{self.unit}>"
