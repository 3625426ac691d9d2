"""Progress bars (tqdm) on stderr for the steps that can take a while at scale.

A bar shows only when stderr is a terminal, so pipes, logs, CI and tests see nothing, and
it clears itself when done, leaving the command's own one-line summary.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["Steps", "bar", "track"]

T = TypeVar("T")


def bar(desc: str, total: int | None, unit: str = "it"):
    """A tqdm bar, disabled (a silent stand-in with the same methods) off a terminal."""
    from tqdm import tqdm

    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        unit_scale=unit == "triples",
        leave=False,
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        dynamic_ncols=True,
    )


def track(items: Iterable[T], desc: str, total: int, unit: str = "it") -> Iterator[T]:
    """Yield ``items``, advancing a bar by one for each."""
    with bar(desc, total, unit) as shown:
        for item in items:
            yield item
            shown.update(1)


class Steps:
    """One bar over a pipeline's named steps: ``with steps("writing nnkg.ttl"): ...``."""

    def __init__(self, desc: str, total: int):
        self._bar = bar(desc, total, "step")

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        self._bar.set_postfix_str(name)
        yield
        self._bar.update(1)

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Steps:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
