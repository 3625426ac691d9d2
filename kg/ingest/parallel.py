"""A long document drafted over the CPUs, to the draft one process makes.

Most of a long document's drafting is work that needs only state finished before it and
only reads it (the vocabulary, the cue lexicon, the mentions so far): the tokens of each
paragraph, the relations of each run of sentences, the lexicon's suggestions for each new
name. Such work is done in processes forked from this one (``multiprocessing``'s fork
context): the fork hands a worker that state as it is, copy on write, so nothing goes in
but what to work on (a lexicon of 150,000 terms is never pickled), and only results come
back, merged in document order. ``gc.freeze()`` before a fork keeps the collector's
bookkeeping from copying the shared pages.

:func:`in_order` shares independent items among one process per CPU, this one among them:
each takes the next few items in turn from a counter they share until none are left, so a
process slowed (by the machine's other work, or by work of its own first) takes fewer, and
all finish together. :class:`Forks` serves the one stage that must go in order, the
mentions (an alias, a proposal or an anaphor depends on the sentences before it): as it
goes, the sentences it is done with are handed to a worker forked then, whenever one is
free, so the relations of the first runs are drafted while the mentions of the later are
found; the runs left when the mentions are done are shared by :func:`in_order`.

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

__all__ = ["MIN_CHARS", "TURNS", "Forks", "cpus", "in_order", "workers_for"]

T = TypeVar("T")

#: The fewest characters a document spreads over the CPUs (some 500 sentences, ten times a
#: long article): below it, forking and the results' pickling cost about what the second
#: CPU saves (measured: see docs/scale.md).
MIN_CHARS = 50_000

#: About how many turns each process takes of the items :func:`in_order` shares: more
#: even out the processes better, each costs a turn of the shared counter and a result.
TURNS = 16
#: The longest a process waits for the shared counter, held for a moment by another:
#: longer only if its holder died holding it, and then the items left are worked here.
_COUNTER_WAIT = 10.0

#: What the processes :func:`in_order` forks share (a fork inherits it), set while its
#: pool is open: the work, the items' count, how many a turn takes, the next to take.
_work: Callable[[int], object] | None = None
_count = _step = 0
_next = None


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


def in_order(
    work: Callable[[int], T],
    count: int,
    workers: int = 1,
    first: Callable[[], object] | None = None,
) -> list[T]:
    """``[work(i) for i in range(count)]``, shared among ``workers`` processes (at most one
    per item) in turns; this process does ``first()`` before its first turn, while the
    others begin."""
    workers = max(1, min(workers, count))
    if workers == 1:
        if first is not None:
            first()
        return [work(i) for i in range(count)]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    global _work, _count, _step, _next
    context = get_context("fork")
    step = max(1, count // (workers * TURNS))
    _work, _count, _step, _next = work, count, step, context.Value("q", 0)
    done: dict[int, list] = {}
    gc.freeze()  # the parent's objects out of the collector's reach: fewer pages copied
    try:
        with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
            futures = [pool.submit(_turns) for _ in range(workers - 1)]
            try:
                if first is not None:
                    first()
                done.update(_turns())
            finally:
                _stop()  # after an error here, the workers take no more turns
                for future in futures:
                    with contextlib.suppress(Exception):  # the worker's error or death
                        done.update(future.result())
    finally:
        _work, _next = None, None
        gc.unfreeze()
    results: list = []
    for start in range(0, count, step):  # a turn no process finished is worked here
        chunk = done.get(start)
        results += (
            [work(i) for i in range(start, min(start + step, count))] if chunk is None else chunk
        )
    return results


def _turns() -> list[tuple[int, list]]:
    """The turns this process takes until no items are left, each as its first item and
    its items' results; a turn whose work fails is left out, and no more are taken by any
    process, for :func:`in_order` to work it again here and raise its error."""
    assert _work is not None and _next is not None
    done = []
    while True:
        lock = _next.get_lock()
        if not lock.acquire(timeout=_COUNTER_WAIT):
            return done
        start = _next.value
        _next.value = start + _step
        lock.release()
        if start >= _count:
            return done
        try:
            done.append((start, [_work(i) for i in range(start, min(start + _step, _count))]))
        except Exception:
            _stop()
            return done


def _stop() -> None:
    """Leave no items to take: the processes sharing them stop after their turn."""
    assert _next is not None
    lock = _next.get_lock()
    if lock.acquire(timeout=_COUNTER_WAIT):
        _next.value = _count
        lock.release()


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
