"""A pool of worker processes that answer SPARQL queries, fairly, and can be killed mid-query.

rdflib cannot be interrupted from a thread, so the server runs each query in a worker
process that holds the loaded graph. A query that overruns its time or memory limit gets its
worker killed and a fresh one started, while the other workers keep answering. Each worker checks,
runs and writes the whole answer itself, so no query text is parsed in the server's event
loop, where a slow parse would hold up every client.

Workers are shared fairly: one client (an address) may hold at most ``per_client`` of them
at once, so a client sending as many slow queries as there are workers still leaves one for
everyone else; its further queries wait in line. A query waits at most ``queue_wait``
seconds for a worker, and the line holds at most ``queue_size`` queries (``per_client_queue``
of one client); beyond either, the answer is "busy, try again" at once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

from kg.base.errors import (
    NnkgError,
    NotAcceptableError,
    PoolBusyError,
    QueryError,
    QueryMemoryError,
    QueryTimeoutError,
    ResultTooLargeError,
    WorkerDiedError,
    one_line,
)
from kg.base.media import MEDIA
from kg.sparql.engines import Engine, EngineSpec, Limits

__all__ = ["Fairness", "WorkerPool"]

STARTUP_SECONDS = 120.0


@dataclass(frozen=True)
class Fairness:
    """How workers are shared among clients (see the module's docstring); 0 means no cap."""

    per_client: int = 1
    queue_wait: float = 10.0
    queue_size: int = 256
    per_client_queue: int = 64


def _answer(engine: Engine, text: str, accept: str | None, limits: Limits, max_bytes: int | None):
    """``(media type, body)`` of the answer to ``text``, or the QueryError that stops it."""
    from kg.endpoint.negotiation import negotiate, supported
    from kg.sparql.results import write_result
    from kg.sparql.run import run_query

    try:
        result = run_query(engine, text, limits)
        offer = negotiate(accept, result.is_graph)
        if offer is None:
            raise NotAcceptableError(
                f"cannot answer in the Accept types; use {supported(result.is_graph)}"
            )
        body = write_result(result, offer)
        if max_bytes is not None and len(body) > max_bytes:
            raise ResultTooLargeError(
                f"the answer is {len(body):,} bytes, over the {max_bytes:,}-byte limit: "
                "select fewer or shorter values"
            )
        return MEDIA[offer].content_type, body
    except QueryError as exc:
        return exc
    except Exception as exc:  # never let one bad query end the worker
        return QueryError(f"query failed: {one_line(exc, 200)}")


def _serve_queries(conn, spec: EngineSpec, limits: Limits, max_bytes, parent: int) -> None:
    """A worker's life: open the engine, say ready, answer ``(text, accept)`` until EOF.

    Ctrl-C reaches the whole process group; the server, not each worker, handles it."""
    from kg.base.children import die_with_parent

    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    engine = spec.open()
    conn.send("ready")
    while True:
        try:
            text, accept = conn.recv()
        except EOFError:  # the server is gone
            return
        conn.send(_answer(engine, text, accept, limits, max_bytes))


def _wait_ready(conn) -> bool:
    try:
        return bool(conn.poll(STARTUP_SECONDS)) and conn.recv() == "ready"
    except (EOFError, OSError):
        return False


@dataclass(eq=False)  # hashed by identity: the pool keeps a set of them
class _Worker:
    process: Any
    conn: Any


@dataclass(eq=False)
class _Waiter:
    client: str
    future: asyncio.Future = field(repr=False)


class WorkerPool:
    """``size`` workers shared by :class:`Fairness`; :meth:`run` gives a query to a worker
    and waits at most ``timeout`` seconds for its answer."""

    def __init__(
        self,
        spec: EngineSpec,
        size: int,
        timeout: float,
        limits: Limits,
        *,
        max_bytes: int | None = None,
        max_memory: int | None = None,
        fairness: Fairness = Fairness(),
    ) -> None:
        self.spec, self.size, self.timeout = spec, size, timeout
        self.limits, self.max_bytes, self.fairness = limits, max_bytes, fairness
        self.max_memory = max_memory
        self._context = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._waiting: deque[_Waiter] = deque()
        self._running: Counter[str] = Counter()
        self._all: set[_Worker] = set()
        self._starting: set[asyncio.Task] = set()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve_queries,
            args=(child, self.spec, self.limits, self.max_bytes, os.getpid()),
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self._all.add(worker)
        return worker

    def start(self) -> None:
        """Start every worker and wait until each has loaded the graph (before serving)."""
        workers = [self._spawn() for _ in range(self.size)]
        if not all(_wait_ready(worker.conn) for worker in workers):
            self.close()
            raise NnkgError("a query worker failed to start (see the messages above)")
        self._idle = workers

    # --- sharing the workers -----------------------------------------------------------

    def _may_run(self, client: str) -> bool:
        cap = self.fairness.per_client
        return not cap or self._running[client] < cap

    def _dispatch(self) -> None:
        """Give idle workers to the longest-waiting queries whose clients may run one more."""
        for waiter in list(self._waiting):
            if not self._idle:
                return
            if waiter.future.done():  # gave up waiting
                self._waiting.remove(waiter)
            elif self._may_run(waiter.client):
                self._waiting.remove(waiter)
                self._running[waiter.client] += 1
                waiter.future.set_result(self._idle.pop())

    async def _acquire(self, client: str) -> _Worker:
        if self._idle and self._may_run(client) and not self._waiting:
            self._running[client] += 1
            return self._idle.pop()
        fair = self.fairness
        queued = sum(1 for w in self._waiting if w.client == client)
        if len(self._waiting) >= fair.queue_size or queued >= fair.per_client_queue:
            raise PoolBusyError("too many queries are waiting; try again in a moment")
        waiter = _Waiter(client, asyncio.get_running_loop().create_future())
        self._waiting.append(waiter)
        self._dispatch()
        try:
            return await asyncio.wait_for(asyncio.shield(waiter.future), fair.queue_wait)
        except TimeoutError:
            if waiter.future.done():  # a worker came just as the wait ran out: keep it
                return waiter.future.result()
            waiter.future.cancel()
            raise PoolBusyError(
                f"every query worker stayed busy for {fair.queue_wait:g} s; try again later"
            ) from None
        except BaseException:  # the request itself was cancelled: hand back what it got
            if waiter.future.done() and not waiter.future.cancelled():
                self._release(client, waiter.future.result())
            waiter.future.cancel()
            raise

    def _release(self, client: str, worker: _Worker | None) -> None:
        self._running[client] -= 1
        if not self._running[client]:
            del self._running[client]
        if worker is not None:
            self._idle.append(worker)
        self._dispatch()

    # --- running queries ---------------------------------------------------------------

    async def run(self, text: str, accept: str | None, client: str = "") -> tuple[str, bytes]:
        """``(media type, body)`` of the answer; raises a QueryError subclass for any failure."""
        from kg.base.children import resident_bytes

        worker = await self._acquire(client)
        healthy = False
        try:
            base = resident_bytes(worker.process.pid)
            try:
                worker.conn.send((text, accept))
            except OSError:
                raise WorkerDiedError("the worker for this query had died") from None
            outcome = await self._receive(worker, base)
            healthy = True
        finally:
            if healthy:
                self._release(client, worker)
            else:
                self._release(client, None)
                self._replace(worker)
        if isinstance(outcome, QueryError):
            raise outcome
        return outcome

    async def _receive(self, worker: _Worker, base: int | None):
        """The worker's answer, once it comes; the worker is given up (the caller replaces
        it) at the time limit, or once it holds ``max_memory`` bytes more than ``base``."""
        from kg.base.children import TICK, resident_bytes

        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        fd = worker.conn.fileno()
        loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
        deadline = loop.time() + self.timeout
        try:
            while not readable.done():
                if loop.time() > deadline:
                    raise QueryTimeoutError(
                        f"the query ran longer than the {self.timeout:g} s limit and was stopped"
                    )
                now = resident_bytes(worker.process.pid) if self.max_memory else None
                if now is not None and base is not None and now - base > self.max_memory:
                    raise QueryMemoryError(
                        f"the query took more than {self.max_memory / 1e6:,.0f} MB of memory "
                        "and was stopped"
                    )
                await asyncio.wait([readable], timeout=TICK)
        finally:
            loop.remove_reader(fd)
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            raise WorkerDiedError("the worker answering this query died") from None

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        self._stop(worker)
        task = asyncio.get_running_loop().create_task(self._restart())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _restart(self) -> None:
        worker = self._spawn()
        if await asyncio.get_running_loop().run_in_executor(None, _wait_ready, worker.conn):
            self._idle.append(worker)
            self._dispatch()
        else:
            self._stop(worker)

    def _stop(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self._all.discard(worker)

    def close(self) -> None:
        """Stop every worker, busy or idle."""
        for task in list(self._starting):
            task.cancel()
        for worker in list(self._all):
            self._stop(worker)
