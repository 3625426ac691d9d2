"""Python's cycle collector paused while nnkg builds many long-lived objects at once.

Drafting one megabyte makes millions of small objects (tokens, words, mentions) that live
until the draft is done; unpickling the lexicon's index or a large claim network makes
millions more, none of them garbage. The collector, run every few thousand allocations,
walks them all again and again without finding any: a third of a draft's time, and twice
the time of reading a network back. Paused, the objects are the same and so is
the result; the collector runs again once the block is left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cycle collector off inside the block, then as it was before (off stays off)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
