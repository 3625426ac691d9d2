"""Find the source folders to read, and never skip one silently.

A folder whose ``source.yaml`` was misspelt, is a folder, a FIFO or a dangling link used to
be passed over, and ``validate`` said "ok" without the user's source. Here a root is one
source folder when it looks like one (it holds a ``source.yaml`` of any kind, a near miss
such as ``source.yml``, or a ``claims.yaml`` or ``document.txt``); otherwise it is a folder
of sources, and every sub-folder that is not hidden must be a complete source folder.
Whatever is wrong becomes a Problem naming what was found instead.
"""

from __future__ import annotations

import difflib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from kg.base.errors import Problem
from kg.base.safefile import refusal
from kg.curation.records import display_path

__all__ = ["CANDIDATES", "CANDIDATE_ENTITIES", "PARTS", "find_source_dirs"]

#: The files of a source folder, each a regular file; ``entities.yaml`` is optional.
PARTS = ("source.yaml", "document.txt", "claims.yaml")
_OPTIONAL = "entities.yaml"
#: What a draft of nnkg ingest adds to a source folder: the claims and entities it proposes.
CANDIDATES, CANDIDATE_ENTITIES = "candidates.yaml", "candidate-entities.yaml"
_NEEDS = "a source folder holds source.yaml, document.txt and claims.yaml"
_MISSING = "missing"
_LOOP = "is a symbolic link loop"
_DANGLING = "is a link to nothing"


def _what_is(path: Path) -> str | None:
    """None for a regular file (links followed); otherwise what is there, in words."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _LOOP
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return _DANGLING if os.path.islink(path) else _MISSING
        return f"cannot be read ({exc.strerror})"
    return refusal(mode)


def _entries(folder: Path) -> list[str]:
    """The names in ``folder`` that are not hidden, sorted; OSError when it cannot be read."""
    return sorted(name for name in os.listdir(folder) if not name.startswith("."))


def _near_miss(name: str, entries: list[str]) -> str | None:
    """An entry that is probably ``name`` misspelt or wrongly cased (``source.yml``)."""
    folded = {entry.casefold(): entry for entry in entries if entry != name}
    close = difflib.get_close_matches(name, list(folded), n=1, cutoff=0.8)
    return folded[close[0]] if close else None


def _part_problem(
    folder: Path, name: str, entries: list[str], *, optional: bool = False
) -> Problem | None:
    what = _what_is(folder / name)
    if what is None:
        return None
    if what != _MISSING:
        return Problem(display_path(folder / name), 0, "", what)
    near = _near_miss(name, entries)
    if near:
        return Problem(
            display_path(folder / near), 0, "", f"nnkg reads {name}, not {near}: rename it"
        )
    return None if optional else Problem(display_path(folder / name), 0, "", f"missing ({_NEEDS})")


def _source_problems(folder: Path) -> list[Problem]:
    """What keeps ``folder`` from being read as a source: without a usable source.yaml it
    is none (one problem says so), else each missing or unreadable part."""
    try:
        entries = _entries(folder)
    except OSError as exc:
        return [Problem(display_path(folder), 0, "", f"cannot be read ({exc.strerror})")]
    first = _part_problem(folder, PARTS[0], entries)
    if first:
        return [first]
    found = [_part_problem(folder, name, entries) for name in PARTS[1:]]
    found.append(_part_problem(folder, _OPTIONAL, entries, optional=True))
    return [problem for problem in found if problem]


def _looks_like_source(folder: Path, entries: list[str]) -> bool:
    return any(os.path.lexists(folder / name) for name in PARTS) or bool(
        _near_miss(PARTS[0], entries)
    )


def _root_problem(root: Path) -> Problem:
    what = _what_is(root)
    if what == _MISSING:
        what = "no such source folder"
    elif what not in (_LOOP, _DANGLING):
        what = "is not a folder (give a source folder, or a folder of them)"
    return Problem(display_path(root), 0, "", what)


def _folders_of(root: Path, entries: list[str], problems: list[Problem]) -> list[Path]:
    """The sub-folders of a folder of sources; a link to nothing among them may have been
    a source folder, so it is a problem too."""
    children = [root / name for name in entries]
    for child in children:
        if child.is_symlink() and not child.exists():
            problems.append(Problem(display_path(child), 0, "", _what_is(child) or _DANGLING))
    folders = [child for child in children if child.is_dir()]
    if not folders:
        problems.append(Problem(display_path(root), 0, "", f"holds no source folder ({_NEEDS})"))
    return folders


def find_source_dirs(roots: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The source folders under ``roots`` (each root one source folder or a folder of them),
    in order and each once, and a Problem for every folder that should be one and is not."""
    found: dict[Path, None] = {}
    problems: list[Problem] = []
    for root in map(Path, roots):
        try:
            entries = _entries(root) if root.is_dir() else None
        except OSError as exc:
            problems.append(Problem(display_path(root), 0, "", f"cannot be read ({exc.strerror})"))
            continue
        if entries is None:
            problems.append(_root_problem(root))
            continue
        is_source = _looks_like_source(root, entries)
        for folder in [root] if is_source else _folders_of(root, entries, problems):
            wrong = _source_problems(folder)
            problems.extend(wrong)
            if not wrong:
                found.setdefault(folder.resolve(), None)
    return list(found), problems
