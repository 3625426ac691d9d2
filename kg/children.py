"""Child processes that never outlive the command that started them.

A SIGKILL gives the parent no chance to stop its children, so each child asks the kernel
itself to kill it when the parent dies (Linux's ``PR_SET_PDEATHSIG``); elsewhere this is a
no-op and the children's ``daemon`` flag is the only guard.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["die_with_parent"]

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
