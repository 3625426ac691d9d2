"""A long document drafted over the CPUs, to the draft one process makes.

Most of a long document's drafting is work that needs only state finished before it and
only reads it (the vocabulary, the cue lexicon, the mentions so far): the tokens of each
paragraph, the relations of each run of sentences, the lexicon's suggestions for each new
name. Such work is done in processes forked from this one (``multiprocessing``'s fork
context): the fork hands a worker that state as it is, copy on write, so nothing goes in
but what to work on (a lexicon of 150,000 terms is never pickled), and only results come
back, merged in document order. ``gc.freeze()`` before a fork keeps the collector's
bookkeeping from copying the shared pages.

:func:`in_order` splits independent items into contiguous chunks, one per CPU, this
process working the first. :class:`Forks` serves the one stage that must go in order, the
mentions (an alias, a proposal or an anaphor depends on the sentences before it): as it
goes, the sentences it is done with are handed to a worker forked then, whenever one is
free, up to :func:`last_handoff`, so the relations of the first runs are drafted while the
mentions of the later are found.

A document under :data:`MIN_CHARS` (one article) stays in this process, where a fork costs
more than it saves; so does a machine with one CPU and a platform without fork. Work whose
worker fails, by an error or by dying, is done again here: an error is then raised as the
serial path raises it, and no worker is left behind either way.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable
from typing import TypeVar

__all__ = ["MIN_CHARS", "Forks", "cpus", "in_order", "last_handoff", "workers_for"]

T = TypeVar("T")

#: The fewest characters a document spreads over the CPUs (some 500 sentences, ten times a
#: long article): below it, forking and the results' pickling cost about what the second
#: CPU saves (measured: see docs/scale.md).
MIN_CHARS = 50_000

#: The work the forked workers do, set while a pool is open (a fork inherits it).
_work: Callable[[int], object] | None = None


def cpus() -> int:
    """The CPUs this process may run on; 1 where workers cannot be forked."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count() or 1


def workers_for(document: str, min_chars: int | None = None) -> int:
    """How many processes ``document`` is drafted in: one below ``min_chars`` characters
    (default :data:`MIN_CHARS`), else one per CPU."""
    least = MIN_CHARS if min_chars is None else min_chars
    return cpus() if len(document) >= least else 1


def in_order(work: Callable[[int], T], count: int, workers: int = 1) -> list[T]:
    """``[work(i) for i in range(count)]``, in ``workers`` processes (at most one per item)."""
    workers = max(1, min(workers, count))
    if workers == 1:
        return [work(i) for i in range(count)]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    global _work
    bounds = [(count * k // workers, count * (k + 1) // workers) for k in range(workers)]
    _work = work
    gc.freeze()  # the parent's objects out of the collector's reach: fewer pages copied
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=get_context("fork")) as pool:
            futures = [pool.submit(_chunk, *b) for b in bounds[1:]]
            try:
                results = [_chunk(*bounds[0])]
            except BaseException:
                for future in futures:
                    future.cancel()  # the chunks not begun: the error is this one's
                raise
            for future, chunk in zip(futures, bounds[1:], strict=True):
                try:
                    results.append(future.result())
                except Exception:  # the worker's error or death: this process says which
                    results.append(_chunk(*chunk))
    finally:
        _work = None
        gc.unfreeze()
    return [result for chunk in results for result in chunk]


def _chunk(start: int, end: int) -> list:
    assert _work is not None
    return [_work(i) for i in range(start, end)]


def last_handoff(count: int, workers: int, ratio: float) -> int:
    """How far into a serial stage over ``count`` items to keep handing the items done to
    ``workers - 1`` workers for a later stage that costs ``ratio`` times the serial one
    per item, so that this process, doing the later stage over the items after that once
    the serial stage is done, finishes with the workers. (The workers, kept busy, finish
    the first ``c`` items at ``ratio * c / (workers - 1)``; this process at ``count +
    ratio * (count - c)``.)"""
    if workers < 2:
        return 0
    share = (1 + ratio) / (ratio * (1 + 1 / (workers - 1)))
    return min(count, round(share * count))


class Forks:
    """Work handed, as a serial stage goes on, to processes forked at that moment (each
    with the state so far), at most ``workers - 1`` running at once, and its results
    collected in the order handed. A context manager: on leaving it, a worker still
    running is ended."""

    def __init__(self, workers: int) -> None:
        self.most = workers - 1
        #: Each work handed, its process and pipe, and its result once received.
        self._handed: list[list] = []

    def __enter__(self) -> Forks:
        return self

    def idle(self) -> bool:
        """Whether a worker may be forked now: fewer than the most are at work (the
        results of those done are received, so they can exit)."""
        running = 0
        for handed in self._handed:
            _, process, receive, _ = handed
            if process is None:
                continue
            if receive.poll():
                handed[3] = self._received(handed)
            else:
                running += 1
        return running < self.most

    def start(self, work: Callable[[], object]) -> None:
        """Begin ``work()`` in a process forked now."""
        from multiprocessing import get_context

        context = get_context("fork")
        receive, send = context.Pipe(duplex=False)
        gc.freeze()  # as in_order: the collector's bookkeeping stays off the shared pages
        process = context.Process(target=_send, args=(work, send), daemon=True)
        process.start()
        send.close()
        self._handed.append([work, process, receive, None])

    def results(self) -> list:
        """What each work handed gave, in the order handed; a work whose worker failed
        (an error, or the worker lost) is done again here, to raise its error here."""
        found = []
        for handed in self._handed:
            result = handed[3] if handed[1] is None else self._received(handed)
            found.append(handed[0]() if result is _FAILED else result)
        self._handed.clear()
        return found

    def _received(self, handed: list) -> object:
        """The result a worker sent (:data:`_FAILED` if none), the worker ended."""
        _, process, receive, _ = handed
        try:
            done, result = receive.recv()
        except (EOFError, OSError):  # the worker died before it sent anything
            done, result = False, None
        receive.close()
        process.join()
        handed[1] = None
        return result if done else _FAILED

    def __exit__(self, *exc_info) -> None:
        for _, process, receive, _ in self._handed:  # left by an error: nobody reads them
            if process is not None:
                receive.close()
                process.terminate()
                process.join()
        self._handed.clear()
        gc.unfreeze()


#: What a worker that failed gave.
_FAILED = object()


def _send(work: Callable[[], object], send) -> None:
    """In the worker: send back whether ``work()`` was done, and its result."""
    try:
        result = (True, work())
    except Exception:  # the parent does it again, to raise the error as it would
        result = (False, None)
    with contextlib.suppress(Exception):  # a result that will not pickle: done again too
        send.send(result)
    send.close()
