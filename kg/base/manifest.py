"""``manifest.json``: which bytes make up a build, so that no reader ever mixes two builds.

``nnkg build`` writes its files and then, last, this manifest, each atomically and all
while holding the folder's lock (:func:`write_build`). A reader hashes the very bytes it is
about to parse and compares them with the manifest (:func:`read_build`): a build killed
between two renames leaves files the old manifest does not describe, and readers refuse
the folder with one line until it is rebuilt. A reader that meets a mismatch while a build
holds the lock waits for that build (bounded) and reads the new files instead.

The manifest has sorted keys, a two-space indent and a trailing newline, and nothing from
clocks or paths, so the same build gives the same bytes::

    {
      "files": {
        "nnkg.html": {"bytes": 101290, "sha256": "..."},
        ...
      },
      "fingerprint": "...",
      "format": 1
    }

The fingerprint is the sha256 of one line ``name bytes sha256`` per file, in name order;
the fingerprint of some of the files (what a cache is made from) is the same over them.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import NnkgError, one_line
from kg.base.files import write_atomic
from kg.base.locks import hold, wait_while_held
from kg.base.safefile import InputFileError, read_regular

__all__ = [
    "MANIFEST",
    "WAIT",
    "Entry",
    "MixedBuildError",
    "VerifiedBuild",
    "fingerprint",
    "manifest_bytes",
    "read_build",
    "write_build",
]

MANIFEST = "manifest.json"
FORMAT = 1
#: Seconds a build waits for another build's writes, and a reader for a build to finish.
WAIT = 60.0
_MANIFEST_LIMIT = 1_000_000
_SHA256 = re.compile("[0-9a-f]{64}")


class MixedBuildError(NnkgError):
    """A build folder whose files its manifest does not describe: an interrupted build, or
    files edited or copied in by hand."""


@dataclass(frozen=True)
class Entry:
    """What the manifest says of one file."""

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> Entry:
        return cls(len(data), hashlib.sha256(data).hexdigest())


def fingerprint(entries: Mapping[str, Entry]) -> str:
    """The sha256 of one ``name bytes sha256`` line per file, in name order."""
    lines = "".join(f"{name} {e.size} {e.sha256}\n" for name, e in sorted(entries.items()))
    return hashlib.sha256(lines.encode()).hexdigest()


def manifest_bytes(files: Mapping[str, bytes]) -> bytes:
    """The manifest of a build made of ``files`` (name -> bytes)."""
    entries = {name: Entry.of(data) for name, data in files.items()}
    document = {
        "files": {name: {"bytes": e.size, "sha256": e.sha256} for name, e in entries.items()},
        "fingerprint": fingerprint(entries),
        "format": FORMAT,
    }
    return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode()


def write_build(
    folder: Path, files: Mapping[str, bytes], *, wait: float = WAIT
) -> tuple[Path, ...]:
    """Write ``files`` into ``folder``, then their manifest, under the folder's lock (a
    second build waits up to ``wait`` seconds); return the paths written, manifest last."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with hold(folder, wait, "another nnkg build is writing here"):
        for name, data in files.items():
            write_atomic(folder / name, data)
        write_atomic(folder / MANIFEST, manifest_bytes(files))
    return (*(folder / name for name in files), folder / MANIFEST)


@dataclass(frozen=True)
class VerifiedBuild:
    """Some files of a build folder, each read once and matched against its manifest.

    :meth:`read` gives the bytes that were hashed, not what the folder holds by now, so
    what a reader parses or serves is what it verified.
    """

    folder: Path
    entries: Mapping[str, Entry]  # of the files verified, as the manifest lists them
    contents: Mapping[str, bytes]

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the files verified (see :func:`fingerprint`)."""
        return fingerprint(self.entries)

    def path(self, name: str) -> Path:
        return self.folder / name

    def read(self, name: str) -> bytes:
        """The verified bytes of ``name``, one of the names :func:`read_build` was given."""
        try:
            return self.contents[name]
        except KeyError:
            raise KeyError(f"{name} was not among the files verified") from None


def _manifest_of(folder: Path) -> bytes | None:
    """The manifest's bytes, None if there is none."""
    path = folder / MANIFEST
    try:
        return read_regular(path, _MANIFEST_LIMIT)
    except InputFileError:
        if path.exists():
            raise
        return None


def _entries(data: bytes, shown: Path, fix: str) -> dict[str, Entry]:
    try:
        document = json.loads(data)
        entries = {
            name: Entry(info["bytes"], info["sha256"]) for name, info in document["files"].items()
        }
        for entry in entries.values():
            if not isinstance(entry.size, int) or not _SHA256.fullmatch(str(entry.sha256)):
                raise ValueError("a file's bytes or sha256 is malformed")
        if document["fingerprint"] != fingerprint(entries):
            raise ValueError("its fingerprint is not that of its files")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MixedBuildError(
            f"{shown}: not an nnkg build manifest ({one_line(exc)}): {fix}"
        ) from None
    return entries


def _read(path: Path, expected: Entry) -> bytes | None:
    """The bytes of ``path`` when it could be what ``expected`` describes, else None."""
    try:
        return read_regular(path, expected.size)
    except InputFileError:
        if path.is_file():  # a regular file, larger than the build's: not the build's
            return None
        raise  # missing, or not a regular file: its own one-line reason


def _verify(
    folder: Path, names: tuple[str, ...], manifest: bytes | None, optional: frozenset[str]
) -> VerifiedBuild:
    shown = folder / MANIFEST
    fix = f"run 'nnkg build --out {folder}'"
    if manifest is None:
        raise MixedBuildError(
            f"{folder}/: no {MANIFEST} (a build by an older nnkg, or one that was "
            f"interrupted): {fix}"
        )
    listed = _entries(manifest, shown, fix)
    entries, contents = {}, {}
    for name in names:
        expected = listed.get(name)
        if expected is None and name in optional:
            continue
        if expected is None:
            raise MixedBuildError(f"{folder}/: {shown} lists no {name}: {fix}")
        data = _read(folder / name, expected)
        if data is None or Entry.of(data) != expected:
            raise MixedBuildError(
                f"{folder}/: {name} does not match {shown} (a build was interrupted or the "
                f"files were edited): {fix}"
            )
        entries[name], contents[name] = expected, data
    return VerifiedBuild(folder, entries, contents)


def read_build(
    folder: Path, names: Iterable[str], *, optional: Iterable[str] = (), wait: float = WAIT
) -> VerifiedBuild:
    """Read ``names`` from the build in ``folder`` and check them against its manifest; those
    also in ``optional`` are left out when the manifest does not list them.

    A mismatch while another process holds the folder's lock (a build writing) waits for
    it, up to ``wait`` seconds, and reads again; so does one whose manifest changed in
    the meantime (a build that just finished). Otherwise :class:`MixedBuildError`.
    """
    folder, names = Path(folder), tuple(dict.fromkeys(names))
    optional = frozenset(optional)
    deadline = time.monotonic() + wait
    while True:
        manifest = _manifest_of(folder)
        try:
            return _verify(folder, names, manifest, optional)
        except MixedBuildError:
            a_build_ran = wait_while_held(folder, deadline) or _manifest_of(folder) != manifest
            if not a_build_ran or time.monotonic() >= deadline:
                raise
