"""The problems of one curator file, bounded in lines, memory and time.

A claims file of 200,000 bad items once printed two million lines. A :class:`ProblemLog`
keeps the first problems of its file, counts the rest, and tells its reader when to stop
checking, so one file never costs more than a few hundred problems' worth of work.
"""

from __future__ import annotations

from kg.base.errors import MoreProblems, Problem
from kg.base.limits import Limit

__all__ = ["MAX_PROBLEMS", "ProblemLog"]

#: Problems shown per file; the rest become one "and N more" line.
MAX_PROBLEMS = Limit("NNKG_MAX_PROBLEMS", 20, "count")
#: Checking a file stops at this many times the problems shown: enough to count what a
#: fix-and-rerun cycle will meet, bounded however many items the file holds.
_STOP_FACTOR = 5


class ProblemLog:
    """Collects the problems of one file; ``len()`` counts them all, shown or not."""

    def __init__(self, file: str):
        self.file = file
        self._shown = MAX_PROBLEMS.value()
        self._kept: list[Problem] = []
        self._count = 0

    def add(self, line: int, field: str, message: str) -> None:
        self.append(Problem(self.file, line, field, message))

    def append(self, problem: Problem) -> None:
        self._count += 1
        if len(self._kept) < self._shown:
            self._kept.append(problem)

    def __len__(self) -> int:
        return self._count

    @property
    def full(self) -> bool:
        """True once so many problems are found that checking the file should stop."""
        return self._count >= self._shown * _STOP_FACTOR

    def problems(self) -> list[Problem]:
        """The problems kept, and one last line for those only counted."""
        more = self._count - len(self._kept)
        if not more:
            return list(self._kept)
        stopped = f"; checking stopped after {self._count}, more may follow" if self.full else ""
        shown = f"{self._shown} are shown per file; {MAX_PROBLEMS.how_to_raise()}"
        return [
            *self._kept,
            MoreProblems(self.file, 0, "", f"and {more} more problems{stopped} ({shown})"),
        ]
