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


def _interrupt(thread: threading.Thread, kind: type[BaseException]) -> None:
    """Raise ``kind`` in ``thread`` too, and give it :data:`STOP_SECONDS` to stop: without
    this, an interrupted caller would leave its query running on (rdflib gets the exception
    at its next bytecode, Oxigraph when it next hands a row back to Python)."""
    import ctypes

    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(kind)
        )
    thread.join(STOP_SECONDS)


def on_deep_stack(fn: Callable[[], T]) -> T:
    """``fn()``, run on a fresh thread with a deep stack; its exception is re-raised here, and
    an interruption of this thread (Ctrl-C, a signal handler's exception) is passed to it."""
    if threading.current_thread().name == _NAME:  # already deep: nesting adds nothing
        return fn()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # re-raised in the caller's thread
            _let_go(exc)
            outcome["error"] = exc

    with _LOCK:
        if not _RUNNING[0]:
            _RUNNING[1] = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_RUNNING[1], RECURSION_LIMIT))
        _RUNNING[0] += 1
    try:
        with _LOCK:
            previous = threading.stack_size(STACK_BYTES)
            try:
                thread = threading.Thread(target=run, name=_NAME, daemon=True)
                thread.start()
            finally:
                threading.stack_size(previous)
        try:
            thread.join()
        except BaseException as exc:  # Ctrl-C or an alarm reached the caller: pass it on
            _interrupt(thread, type(exc))
            raise
    finally:
        with _LOCK:
            _RUNNING[0] -= 1
            if not _RUNNING[0]:
                sys.setrecursionlimit(_RUNNING[1])
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
