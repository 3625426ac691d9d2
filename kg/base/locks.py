"""Locks that end with the process holding them (``flock``): one writer at a time into a
build folder, and a sure way to tell a live writer's temp file or scratch folder from one
that a killed run left behind.

The kernel drops an ``flock`` when the last descriptor of the open file closes, which a
SIGKILL does too. So whatever a writer is making stays locked while it lives, and an entry
that can be locked belongs to nobody alive and may be removed (:func:`sweep`). A creator
locks what it makes at once (:func:`create_locked`) and then checks it is still its own,
since a sweeper may have taken and removed it in the instant between.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.base.errors import NnkgError

__all__ = ["LockTimeoutError", "create_locked", "hold", "sweep", "wait_while_held"]

_POLL = 0.05  # seconds between two tries of a lock someone holds


class LockTimeoutError(NnkgError):
    """Another process held a lock for longer than the wait allowed."""


def _try_lock(fd: int, *, shared: bool = False) -> bool:
    try:
        fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open_folder(folder: Path) -> int:
    return os.open(folder, os.O_RDONLY | os.O_CLOEXEC)


@contextmanager
def hold(folder: Path, wait: float, busy: str) -> Iterator[None]:
    """Hold ``folder``'s own lock (on the folder itself: no lock file appears in it),
    waiting up to ``wait`` seconds for another holder; then :class:`LockTimeoutError`,
    whose message is ``folder``, ``busy`` and the wait."""
    fd = _open_folder(folder)
    try:
        deadline = time.monotonic() + wait
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeoutError(f"{folder}: {busy} (waited {wait:g} s); try again later")
            time.sleep(_POLL)
        yield
    finally:
        os.close(fd)


def wait_while_held(folder: Path, deadline: float) -> bool:
    """Wait while another process holds ``folder``'s lock, at most until ``deadline`` (a
    :func:`time.monotonic` time); True if one held it."""
    try:
        fd = _open_folder(folder)
    except OSError:
        return False
    try:
        held = False
        while not _try_lock(fd, shared=True) and time.monotonic() < deadline:
            held = True
            time.sleep(_POLL)
        return held
    finally:
        os.close(fd)


def _same(path: Path, fd: int) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        named = os.lstat(path)
    except FileNotFoundError:
        return False
    opened = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)


def create_locked(make: Callable[[], tuple[Path, int]]) -> tuple[Path, int]:
    """Make a fresh file or folder with ``make`` (which returns its path and an open
    descriptor) and lock it, so that :func:`sweep` leaves it alone while the descriptor is
    open; made anew if a sweeper removed it before the lock was taken."""
    while True:
        path, fd = make()
        fcntl.flock(fd, fcntl.LOCK_EX)  # a sweeper holding it removes it, then lets go
        if _same(path, fd):
            return path, fd
        os.close(fd)


def sweep(folder: Path, ours: Callable[[str], bool]) -> list[Path]:
    """Remove each file or folder in ``folder`` whose name is ``ours`` and that no live
    process holds locked (see :func:`create_locked`); return what was removed."""
    try:
        names = sorted(name for name in os.listdir(folder) if ours(name))
    except OSError:  # no folder yet, or one we may not list: nothing of ours to clean
        return []
    removed = []
    for name in names:
        path = folder / name
        try:  # never a link (O_NOFOLLOW), never blocking on a FIFO (O_NONBLOCK)
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            mode = os.fstat(fd).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)) or not _try_lock(fd):
                continue
            if not _same(path, fd):
                continue
            if stat.S_ISDIR(mode):
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        except OSError:  # a lock this file system cannot take, say: leave the entry be
            continue
        finally:
            os.close(fd)
    return removed
