"""A pool of worker processes that answer SPARQL queries and can be killed mid-query.

rdflib cannot be interrupted from a thread, so the server runs each query in a worker
process that holds the loaded graph. A query that overruns its time limit gets its worker
killed and a fresh one started, while the other workers keep answering.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
from dataclasses import dataclass
from typing import Any

from .errors import NnkgError, PoolBusyError, QueryTimeoutError, WorkerDiedError, one_line
from .sparql import QueryError

__all__ = ["EngineSpec", "PoolBusyError", "QueryTimeoutError", "WorkerDiedError", "WorkerPool"]

STARTUP_SECONDS = 120.0


@dataclass(frozen=True)
class EngineSpec:
    """What a worker needs to open its own engine: the graph as N-Quads for the memory
    store, or the folder of the Oxigraph store."""

    store: str
    nquads: bytes = b""
    store_dir: str = ""

    def open(self):
        from .engines import MemoryEngine, OxigraphEngine

        if self.store == "oxigraph":
            import pyoxigraph as ox

            return OxigraphEngine(ox.Store.read_only(self.store_dir))
        from .rdf import new_dataset

        dataset = new_dataset()
        dataset.parse(data=self.nquads, format="nquads")
        return MemoryEngine(dataset)


def _answer(engine, text: str, fmt: str, max_rows: int) -> bytes | QueryError:
    from .results import write_result
    from .sparql import run_query

    try:
        result = run_query(engine, text, max_rows)
        return write_result(result, fmt)
    except QueryError as exc:
        return exc
    except Exception as exc:  # never let one bad query end the worker
        return QueryError(f"query failed: {one_line(exc, 200)}")


def _serve_queries(conn, spec: EngineSpec, max_rows: int) -> None:
    """A worker's life: open the engine, say ready, answer ``(text, format)`` until EOF.

    Ctrl-C reaches the whole process group; the server, not each worker, handles it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    engine = spec.open()
    conn.send("ready")
    while True:
        try:
            text, fmt = conn.recv()
        except EOFError:  # the server is gone
            return
        conn.send(_answer(engine, text, fmt, max_rows))


def _wait_ready(conn) -> bool:
    try:
        return bool(conn.poll(STARTUP_SECONDS)) and conn.recv() == "ready"
    except (EOFError, OSError):
        return False


@dataclass(eq=False)  # hashed by identity: the pool keeps a set of them
class _Worker:
    process: Any
    conn: Any


class WorkerPool:
    """``size`` workers; :meth:`run` hands a query to an idle one, waiting at most
    ``timeout`` seconds for a worker and again at most ``timeout`` for the answer."""

    def __init__(self, spec: EngineSpec, size: int, timeout: float, max_rows: int) -> None:
        self.spec, self.size, self.timeout, self.max_rows = spec, size, timeout, max_rows
        self._context = multiprocessing.get_context("spawn")
        self._ready: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: set[_Worker] = set()
        self._starting: set[asyncio.Task] = set()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve_queries, args=(child, self.spec, self.max_rows), daemon=True
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
        self._ready = workers

    async def run(self, text: str, fmt: str) -> bytes:
        """The serialized answer; raises a QueryError subclass for any failure."""
        idle = self._idle_queue()
        try:
            worker = await asyncio.wait_for(idle.get(), self.timeout)
        except TimeoutError:
            raise PoolBusyError(
                f"every query worker stayed busy for {self.timeout:g} s; try again later"
            ) from None
        healthy = False
        try:
            try:
                worker.conn.send((text, fmt))
            except OSError:
                raise WorkerDiedError("the worker for this query had died") from None
            outcome = await self._receive(worker)
            healthy = True
        finally:
            if healthy:
                idle.put_nowait(worker)
            else:
                self._replace(worker)
        if isinstance(outcome, QueryError):
            raise outcome
        return outcome

    def _idle_queue(self) -> asyncio.Queue[_Worker]:
        if self._idle is None:  # made on first use, inside the server's event loop
            self._idle = asyncio.Queue()
            for worker in self._ready:
                self._idle.put_nowait(worker)
        return self._idle

    async def _receive(self, worker: _Worker):
        loop = asyncio.get_running_loop()
        readable = loop.create_future()
        fd = worker.conn.fileno()
        loop.add_reader(fd, lambda: readable.done() or readable.set_result(None))
        try:
            await asyncio.wait_for(readable, self.timeout)
        except TimeoutError:
            raise QueryTimeoutError(
                f"the query ran longer than the {self.timeout:g} s limit and was stopped"
            ) from None
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
            self._idle_queue().put_nowait(worker)
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
