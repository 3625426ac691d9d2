"""Child processes that never outlive the command that started them, and one that can be
stopped at a time limit.

A SIGKILL gives the parent no chance to stop its children, so each child asks the kernel
itself to kill it when the parent dies (Linux's ``PR_SET_PDEATHSIG``); elsewhere this is a
no-op and the children's ``daemon`` flag is the only guard.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from kg.base.errors import NnkgError, one_line

__all__ = [
    "ChildDiedError",
    "ChildMemoryError",
    "ChildTimeoutError",
    "call_in_child",
    "die_with_parent",
    "resident_bytes",
]

T = TypeVar("T")


class ChildTimeoutError(NnkgError):
    """Work in a child process ran past its time limit and was stopped."""


class ChildMemoryError(NnkgError):
    """Work in a child process took more memory than allowed and was stopped."""


class ChildDiedError(NnkgError):
    """A child process ended without an answer (killed, or it crashed)."""


#: How often a parent looks at its child's clock and memory, in seconds.
TICK = 0.1


def resident_bytes(pid: int) -> int | None:
    """The resident memory of process ``pid`` (from Linux's /proc), None where unknown."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Call first thing in a child: SIGKILL this process when ``parent_pid`` ends.

    ``parent_pid`` is the parent's ``os.getpid()``, taken before the child started: if the
    parent died before the request reached the kernel, the child exits at once.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


def _child(conn, parent: int, fn: Callable[[], T]) -> None:
    die_with_parent(parent)
    try:
        outcome: tuple[str, object] = ("value", fn())
    except NnkgError as exc:
        outcome = ("error", exc)
    except BaseException as exc:  # a bug: its parent reports it as one line
        outcome = ("error", NnkgError(f"{type(exc).__name__}: {one_line(exc, 200)}"))
    try:
        conn.send(outcome)
    except Exception as exc:  # an error that does not pickle
        conn.send(("error", NnkgError(one_line(outcome[1], 240) or repr(exc))))


def _watch(process, receiver, timeout: float | None, memory: int | None, what: str) -> None:
    """Return once the child has answered (or ended); stop it at the time or memory limit."""
    deadline = None if timeout is None else time.monotonic() + timeout
    base = resident_bytes(process.pid)  # what it shares with its parent, counted from here
    while not receiver.poll(TICK):
        if deadline is not None and time.monotonic() > deadline:
            raise ChildTimeoutError(
                f"{what} ran longer than the {timeout:g} s limit and was stopped"
            )
        now = resident_bytes(process.pid) if memory is not None and base is not None else None
        if now is not None and now - base > memory:
            raise ChildMemoryError(
                f"{what} took more than {memory / 1e6:,.0f} MB of memory and was stopped"
            )


def call_in_child(
    fn: Callable[[], T], timeout: float | None, *, memory: int | None = None, what: str
) -> T:
    """``fn()`` in a forked child, stopped after ``timeout`` seconds or once it holds
    ``memory`` bytes more than when it started (None: no limit).

    What cannot be interrupted from a thread (rdflib evaluating, Oxigraph in Rust) can be
    stopped this way. The child inherits everything loaded so far; its result or its
    :class:`NnkgError` comes back pickled. A child stopped at a limit, or killed by a
    signal (a segfault, say), becomes one :class:`NnkgError` naming ``what`` it was doing.
    Where fork does not exist, ``fn`` runs here, without limits.
    """
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        return fn()
    context = mp.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, os.getpid(), fn), daemon=True)
    process.start()
    sender.close()
    try:
        _watch(process, receiver, timeout, memory, what)
        try:
            kind, value = receiver.recv()
        except EOFError:
            process.join()
            code = process.exitcode or 0
            cause = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
            raise ChildDiedError(f"{what} stopped abruptly ({cause})") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if kind == "error":
        raise value  # type: ignore[misc]
    return value  # type: ignore[return-value]
