"""A folder of files replaced as one: a reader sees the old export or the new, never a mix.

The files go into a temp folder beside the target, ``.<name>.<8 hex digits>.nnkg-tmp``,
locked while it is written (:func:`kg.base.locks.create_locked`, as
:mod:`kg.base.files` does for one file), are synced, checked, and only then swapped in:
with one ``renameat2(RENAME_EXCHANGE)`` where Linux offers it, else by moving the old
folder aside and the new one in. A failure before the swap leaves the old folder as it
was; what a killed run leaves is swept by the next write to the same target.

Only a folder that holds nothing but the files of such an export (or nothing) is
replaced, so ``-o ~`` cannot remove someone's home.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from kg.base.errors import NnkgError
from kg.base.files import TEMP_SUFFIX, sync_folder, temp_beside, temp_names
from kg.base.locks import sweep

__all__ = ["FolderError", "replace_folder"]

_OLD_SUFFIX = ".nnkg-old"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class FolderError(NnkgError):
    """A folder nnkg will not replace."""


def _check_target(target: Path, shown: Path, names: set[str]) -> bool:
    """Whether ``target`` exists; refused unless it is a folder of ``names`` only."""
    if not os.path.lexists(target):
        return False
    if not target.is_dir():
        raise FolderError(f"{shown}: exists and is not a folder")
    other = sorted(set(os.listdir(target)) - names)
    if other:
        listed = ", ".join(other[:3]) + (" …" if len(other) > 3 else "")
        raise FolderError(
            f"{shown}: holds files that are not part of this export ({listed}); "
            "give a new or empty folder"
        )
    return True


def _new_folder(temp: Path) -> int:
    temp.mkdir()
    return os.open(temp, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where that is not offered."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap_in(temp: Path, target: Path, exists: bool) -> None:
    if not exists:
        os.rename(temp, target)
    elif _exchange(temp, target):
        shutil.rmtree(temp)  # now the old folder
    else:
        old = temp.with_name(temp.name[: -len(TEMP_SUFFIX)] + _OLD_SUFFIX)
        os.rename(target, old)
        os.rename(temp, target)
        shutil.rmtree(old, ignore_errors=True)


def replace_folder(
    path: Path,
    files: Mapping[str, bytes],
    verify: Callable[[Path], None] | None = None,
) -> Path:
    """Make ``path`` a folder holding exactly ``files`` (name -> bytes), all at once;
    ``verify(temp_folder)`` may raise to keep the old folder. Returns the folder written."""
    shown = Path(path)
    target = Path(os.path.realpath(shown))
    exists = _check_target(target, shown, set(files))
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep(target.parent, temp_names(target.name, TEMP_SUFFIX, _OLD_SUFFIX))  # killed runs
    temp, fd = temp_beside(target, _new_folder)
    try:
        if exists:
            os.chmod(temp, os.stat(target).st_mode & 0o7777)
        for name, data in sorted(files.items()):
            with open(temp / name, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        with contextlib.suppress(OSError):  # not every file system syncs a folder
            os.fsync(fd)
        if verify is not None:
            verify(temp)
        _swap_in(temp, target, exists)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    finally:
        os.close(fd)
    sync_folder(target.parent)
    return target
