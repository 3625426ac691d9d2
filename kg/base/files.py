"""Files: where the packaged data lives, and writing so that a reader sees the old content
or the new, never half of either.

A wheel carries the ontology and the sources under ``kg/_data/`` (hatch ``force-include``);
a checkout or an editable install keeps them at the repository's top level.

The new bytes go to a temp file beside the target, ``.<name>.<8 hex digits>.nnkg-tmp``,
locked while it is written (:func:`kg.base.locks.create_locked`) and renamed over the target
when complete. A run killed on the way leaves its temp file unlocked, and the next write
to the same target removes it; a live writer's stays.

What is replaced is what ``path`` names once symbolic links are followed: writing through
a link rewrites the file it points to, and the link stays a link. A target that exists but
is not a regular file (a device, a FIFO, a folder, a socket) is refused with one line,
since a rename would put a file where ``/dev/full`` was. A file that is replaced keeps its
permission bits (and its owner, where the writer may set it); a new file gets 0o666 less
the umask, as ``open`` would make it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.base.errors import NnkgError
from kg.base.locks import create_locked, sweep
from kg.base.safefile import refusal

__all__ = [
    "TEMP_SUFFIX",
    "OutputFileError",
    "atomic_writer",
    "data_root",
    "ontology_dir",
    "packaged_sources_dir",
    "sync_folder",
    "temp_beside",
    "temp_names",
    "write_atomic",
]

TEMP_SUFFIX = ".nnkg-tmp"


class OutputFileError(NnkgError):
    """A path nnkg will not write to: not a regular file, or a symbolic link loop."""


def _target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file that writing ``path`` replaces (links followed), and its stat if it exists."""
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputFileError(f"{path}: a symbolic link loop") from None
        raise
    why = refusal(info.st_mode)
    if why:
        raise OutputFileError(f"{path}: {why}; nnkg writes only regular files")
    return target, info


def temp_names(name: str, *suffixes: str) -> Callable[[str], bool]:
    """Whether a file name is one of :func:`temp_beside`'s temp names for ``name`` (with
    ``suffixes``, default :data:`TEMP_SUFFIX`): what a killed writer left, to sweep."""
    ends = "|".join(re.escape(s) for s in suffixes or (TEMP_SUFFIX,))
    pattern = re.compile(re.escape(f".{name}.") + f"[0-9a-f]{{8}}(?:{ends})")
    return lambda entry: pattern.fullmatch(entry) is not None


def temp_beside(target: Path, create: Callable[[Path], int]) -> tuple[Path, int]:
    """A fresh temp path beside ``target``, ``.<name>.<8 hex digits>.nnkg-tmp``, made by
    ``create`` (which returns an open descriptor, or raises FileExistsError to be given
    another name) and locked, so a sweep never takes it while it is written."""

    def make() -> tuple[Path, int]:
        while True:
            temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
            with contextlib.suppress(FileExistsError):
                return temp, create(temp)

    return create_locked(make)


def _new_temp(target: Path) -> tuple[Path, int]:
    """A fresh temp file beside ``target``, open for writing and locked."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
    return temp_beside(target, lambda temp: os.open(temp, flags, 0o666))  # umask applies


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
        with contextlib.suppress(PermissionError):  # only root may give a file away
            os.fchown(fd, old.st_uid, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))  # after chown, which may clear setuid bits


def sync_folder(folder: Path) -> None:
    """Make a rename durable, so that files renamed in order land in that order."""
    with contextlib.suppress(OSError):  # not every file system syncs a folder
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces ``path`` only if the block succeeds."""
    target, old = _target(Path(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target.parent, temp_names(target.name))  # what killed writers of it left
    temp, fd = _new_temp(target)
    try:
        with os.fdopen(fd, "wb") as stream:  # its lock goes when it closes, after the rename
            yield stream
            stream.flush()
            if old is not None:
                _keep_owner_and_mode(fd, old)
            os.fsync(fd)
            os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (temp file in the same folder + rename)."""
    with atomic_writer(path) as stream:
        stream.write(data)


_PACKAGE = Path(__file__).resolve().parents[1]  # kg/


def data_root() -> Path:
    """The folder that holds ``ontology/`` and ``sources/``."""
    bundled = _PACKAGE / "_data"
    return bundled if (bundled / "ontology").is_dir() else _PACKAGE.parent


def ontology_dir() -> Path:
    """``ontology/``: the TBox, the SHACL shapes and the entity catalogue."""
    return data_root() / "ontology"


def packaged_sources_dir() -> Path:
    """``sources/``: the curated documents that every build includes."""
    return data_root() / "sources"
