"""Map a function over items in forked worker processes, when that pays.

Curation of a large corpus is pure Python, one source at a time, so on a many-core machine
it runs a source per process. Children inherit everything from the fork (the catalogue,
the ontology, the function itself, even a closure), so only items' indices go out and
results come back pickled, in order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TypeVar

from kg.base.children import die_with_parent

__all__ = ["fork_map"]

T = TypeVar("T")
R = TypeVar("R")
_TASK: Callable | None = None  # the mapped call, set in the parent before the fork


def _run(index: int):
    assert _TASK is not None
    return _TASK(index)


def fork_map(
    fn: Callable[[T], R], items: Sequence[T], *, parallel: bool = True, desc: str = "working"
) -> list[R]:
    """``[fn(item) for item in items]``, over up to one process per CPU when ``parallel``
    and the platform can fork, serially otherwise; a progress bar (``desc``) counts items."""
    import multiprocessing as mp

    from kg.base.progress import track

    global _TASK
    workers = min(len(items), os.cpu_count() or 1)
    if not parallel or workers < 2 or "fork" not in mp.get_all_start_methods():
        return list(track(map(fn, items), desc, len(items)))
    _TASK = lambda index: fn(items[index])  # noqa: E731 (inherited by the children)
    try:
        fork = mp.get_context("fork")  # workers die with the parent, even a SIGKILLed one
        with fork.Pool(workers, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            done = pool.imap(_run, range(len(items)), chunksize=1)  # in order, as they finish
            return list(track(done, desc, len(items)))
    finally:
        _TASK = None
