"""Read a curator's text file: a regular file under the size limit, UTF-8, or one located Problem.

Python's own decode error names a byte offset ("position 48213"), which no editor shows;
curators need the line and column, so the error is turned into those.
"""

from __future__ import annotations

from pathlib import Path

from kg.base.errors import Problem, ProblemError

__all__ = ["position", "read_text"]

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def position(raw: bytes, offset: int) -> tuple[int, int]:
    """The line and column (both 1-based, the column in characters) of byte ``offset``.

    >>> position("a: 1\\nbé: ?".encode(), 9)
    (2, 4)
    """
    start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def _not_utf8(name: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    bom = next((enc for mark, enc in _BOMS.items() if raw.startswith(mark)), None)
    if bom:
        return Problem(
            name, 1, "", f"is {bom} text (it starts with a byte-order mark); save it as UTF-8"
        )
    line, column = position(raw, exc.start)
    return Problem(
        name,
        line,
        "",
        f"column {column}: byte 0x{raw[exc.start]:02x} (byte {exc.start} of the file) is not "
        "UTF-8; save the file as UTF-8",
    )


def read_text(path: Path, name: str) -> tuple[bytes, str]:
    """The bytes of ``path`` and their text; ``name`` is how problems call the file.

    Raises :class:`ProblemError` for a file that is missing, not a regular file (a FIFO, a
    device, a folder, a dangling link or a link loop), over the size limit, or not UTF-8.
    """
    from kg.base.safefile import InputFileError, read_regular

    try:
        raw = read_regular(path, name=name)
    except InputFileError as exc:
        raise ProblemError(Problem(name, 0, "", str(exc).removeprefix(f"{name}: "))) from None
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(_not_utf8(name, raw, exc)) from None
