"""Run a call on a thread with a deep stack, so hostile nesting meets a limit, not a crash.

Parsing and evaluating SPARQL recurse once per level of nesting: rdflib's parser (pyparsing)
about forty Python frames per parenthesis and seven per triple pattern of a block, Oxigraph
(in Rust) once per operand of a long chain such as ``1+1+…`` or ``{…} UNION {…} …``. On
the main thread's 8 MB stack Oxigraph segfaults at a few thousand operands and rdflib stops
at a thousand frames, both well inside the 100,000 characters a query may have. On
:data:`STACK_BYTES`, the longest queries of that size parse and run (measured: 5,000 triple
patterns, 50,000 operands), and rdflib meets its :data:`RECURSION_LIMIT` (a clean error)
long before the stack runs out: ten kilobytes a frame, where it uses under four.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

__all__ = ["RECURSION_LIMIT", "STACK_BYTES", "on_deep_stack"]

T = TypeVar("T")

#: Stack of the thread: address space only, pages are touched as the stack grows.
STACK_BYTES = 1024 * 1024 * 1024
_NAME = "nnkg-deep-stack"
#: Python frames allowed on that thread.
RECURSION_LIMIT = 100_000
#: Seconds an interrupted call is given to stop before the caller goes on without it.
STOP_SECONDS = 5.0
_LOCK = threading.Lock()  # stack_size and the recursion limit are process-wide settings
_RUNNING = [0, 0]  # deep threads running, the recursion limit to restore when none is


def _let_go(exc: BaseException | None) -> None:
    """Drop what the frames of ``exc`` and of the errors behind it hold, here: a pyoxigraph
    answer may only be freed on the thread that made it, and a traceback would carry it to
    the caller's (the tracebacks themselves stay, for their line numbers)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


class _Stopped(BaseException):
    """Raised inside a deep-stack thread whose caller was interrupted: a BaseException, so
    the ``except Exception`` of an engine does not take it for an error of the query."""


def _quiet_stops(unraisable) -> None:
    """``sys.unraisablehook`` that drops a stop which landed in a finaliser (a weakref
    callback, ``__del__``), where Python can only print it: it is sent again anyway."""
    if not issubclass(unraisable.exc_type, _Stopped):
        _HOOK_BEFORE[0](unraisable)


_HOOK_BEFORE = [sys.unraisablehook]  # the hook _quiet_stops passes the rest to


def _interrupt(thread: threading.Thread, done: threading.Event) -> None:
    """Stop ``thread``, within :data:`STOP_SECONDS`: without this, an interrupted caller
    would leave its query running on. The stop is raised again every few milliseconds until
    the thread is ``done``, because rdflib swallows some (its bare ``except:`` clauses);
    rdflib gets it at its next bytecode, Oxigraph when it next hands a row back to Python.
    ``done`` rather than ``thread.is_alive()``: Python 3.11 takes a thread whose ``join`` a
    signal interrupted for stopped (bpo-45274)."""
    import ctypes
    import time

    if sys.unraisablehook is not _quiet_stops:
        _HOOK_BEFORE[0], sys.unraisablehook = sys.unraisablehook, _quiet_stops
    deadline = time.monotonic() + STOP_SECONDS
    while not done.is_set() and time.monotonic() < deadline:
        if thread.ident is not None:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(thread.ident), ctypes.py_object(_Stopped)
            )
        done.wait(0.02)


def on_deep_stack(fn: Callable[[], T]) -> T:
    """``fn()``, run on a fresh thread with a deep stack; its exception is re-raised here, and
    an interruption of this thread (Ctrl-C, a signal handler's exception) is passed to it."""
    if threading.current_thread().name == _NAME:  # already deep: nesting adds nothing
        return fn()
    outcome: dict[str, object] = {}
    done = threading.Event()

    def run() -> None:
        try:
            try:
                outcome["value"] = fn()
            except BaseException as exc:  # re-raised in the caller's thread
                _let_go(exc)
                outcome["error"] = exc
            finally:
                done.set()
        except _Stopped:  # a stop sent again while the first was being handled
            pass

    with _LOCK:
        if not _RUNNING[0]:
            _RUNNING[1] = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_RUNNING[1], RECURSION_LIMIT))
        _RUNNING[0] += 1
    thread = threading.Thread(target=run, name=_NAME, daemon=True)
    try:
        try:
            with _LOCK:
                previous = threading.stack_size(STACK_BYTES)
                try:
                    thread.start()
                finally:
                    threading.stack_size(previous)
            done.wait()
        except BaseException:  # Ctrl-C or an alarm reached the caller: stop the query too
            # also when it lands inside start(), once the thread may already be running
            _interrupt(thread, done)
            raise
    finally:
        with _LOCK:
            _RUNNING[0] -= 1
            if not _RUNNING[0]:
                sys.setrecursionlimit(_RUNNING[1])
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
