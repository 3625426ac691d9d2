"""Typed field access for curator records: every wrong value becomes a located Problem."""

from __future__ import annotations

from typing import Any

from .errors import shown
from .problemlog import ProblemLog
from .yamlio import Record

__all__ = ["FieldReader"]

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", list: "a list"}


class FieldReader:
    """Reads fields of one Record, collecting problems instead of raising on the first."""

    def __init__(self, record: Record, log: ProblemLog, allowed: set[str]):
        self.record = record
        self.log = log
        for key in sorted(set(record.data) - allowed):
            if log.full:
                break
            self.problem(key, f"unknown field (expected one of: {', '.join(sorted(allowed))})")

    def problem(self, key: str, message: str) -> None:
        self.log.add(self.record.line_of(key), key, message)

    def get(self, key: str, kind: type, *, required: bool = True, default: Any = None) -> Any:
        """The value of ``key`` if it has type ``kind``; otherwise record a problem."""
        if key not in self.record.data or self.record.data[key] is None:
            if required:
                self.problem(key, "missing")
            return default
        value = self.record.data[key]
        # bool is an int in Python; a claim offset of `true` must still be refused.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem(key, f"must be {_TYPE_NAMES.get(kind, kind.__name__)}, not {shown(value)}")
            return default
        if kind is str and not value.strip():
            self.problem(key, "must not be empty")
            return default
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        """An optional list of non-empty strings."""
        values = self.get(key, list, required=False, default=[])
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.problem(key, "must be a list of non-empty texts")
            return ()
        return tuple(values)
