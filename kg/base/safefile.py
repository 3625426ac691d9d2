"""Read a file that came from outside: a regular file, under a size limit, never blocking.

A FIFO would block a plain ``open`` forever, ``/dev/zero`` behind a symlink would fill the
memory, and a symlink loop raises a bare OSError. :func:`read_regular` opens without
blocking, refuses anything but a regular file, and reads at most ``limit + 1`` bytes, so
a file that grows while it is read is refused too. Each refusal is one :class:`InputFileError`
whose message names the file, and for a size limit the limit and how to raise it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from kg.base.errors import NnkgError, SettingError

__all__ = ["FILE_LIMIT_ENV", "InputFileError", "file_limit", "read_regular", "refusal"]

#: The environment variable that raises the size limit of curator and query files (in MB).
FILE_LIMIT_ENV = "NNKG_MAX_FILE_MB"
DEFAULT_FILE_MB = 16

_KINDS = [
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
]


class InputFileError(NnkgError):
    """A file from outside that nnkg will not read: missing, not a regular file, too big."""


def file_limit() -> int:
    """The size limit in bytes: ``$NNKG_MAX_FILE_MB`` megabytes, else 16 MB."""
    raw = os.environ.get(FILE_LIMIT_ENV, "")
    try:
        megabytes = float(raw) if raw.strip() else DEFAULT_FILE_MB
    except ValueError:
        raise SettingError(f"{FILE_LIMIT_ENV}={raw[:40]!r} is not a number of megabytes") from None
    if not megabytes > 0:  # NaN too
        raise SettingError(f"{FILE_LIMIT_ENV}={raw[:40]!r} must be more than 0")
    return int(megabytes * 1_000_000)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"


def refusal(mode: int) -> str | None:
    """Why a file of ``mode`` (from ``os.stat``) is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"is {kind}, not a regular file"


def _open_error(path: Path, exc: OSError) -> InputFileError:
    reasons = {
        errno.ENOENT: "no such file (or a link to nothing)",
        errno.ELOOP: "a symbolic link loop",
        errno.EACCES: "permission denied",
        errno.EISDIR: "is a folder, not a regular file",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    return InputFileError(f"{path}: {reasons.get(exc.errno, exc.strerror or str(exc))}")


def read_regular(
    path: Path, limit: int | None = None, *, name: str | None = None, what: str | None = None
) -> bytes:
    """The bytes of ``path``, a regular file (links followed) of at most ``limit`` bytes
    (default :func:`file_limit`). ``name`` is how messages call the file (default ``path``);
    ``what`` says what the limit is for, when it is not :func:`file_limit`."""
    shown = name or str(path)
    limit = file_limit() if limit is None else limit
    what = what or f"an input file (raise it with {FILE_LIMIT_ENV}=<megabytes>)"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _open_error(Path(shown), exc) from None
    try:
        info = os.fstat(fd)
        why = refusal(info.st_mode)
        if why:
            raise InputFileError(f"{shown}: {why}")
        too_big = InputFileError(f"{shown}: larger than the {_mb(limit)} limit for {what}")
        if info.st_size > limit:
            raise too_big
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(max(1 << 20, info.st_size + 1 - size), limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise too_big
        return b"".join(chunks)
    except OSError as exc:
        raise _open_error(Path(shown), exc) from None
    finally:
        os.close(fd)
