"""The canned queries in ``kg/sparql/queries/*.rq``: one per competency question, runnable by name.

Each file opens with a comment header: ``# NAME: the question?`` on the first line, then
comment lines describing the answer. :func:`resolve_query` turns what a user typed (a
name, a ``.rq`` file, or SPARQL itself) into query text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import NnkgError, UnknownQueryError

__all__ = ["CannedQuery", "UnknownQueryError", "canned_queries", "queries_dir", "resolve_query"]

_NAME = re.compile(r"^[\w.-]+$")
_QUERY_FILE_SUFFIXES = (".rq", ".sparql")


@dataclass(frozen=True)
class CannedQuery:
    name: str
    question: str
    description: str
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def queries_dir() -> Path:
    return Path(__file__).resolve().parent


def _read_header(path: Path) -> CannedQuery:
    comments = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    first = comments[0] if comments else ""
    name, _, question = first.partition(": ")
    if name != path.stem or not question:
        raise NnkgError(f"{path}:1: the header must read '# {path.stem}: <the question>?'")
    return CannedQuery(path.stem, question, " ".join(comments[1:]), path)


def canned_queries() -> list[CannedQuery]:
    """Every canned query, by name."""
    return [_read_header(p) for p in sorted(queries_dir().glob("*.rq"))]


def resolve_query(arg: str) -> str:
    """The SPARQL that ``arg`` stands for: a canned query's name, a query file, or itself.

    >>> resolve_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    names = {q.name: q for q in canned_queries()}
    if arg in names:
        return names[arg].text
    if arg.endswith(_QUERY_FILE_SUFFIXES):
        from kg.sparql.guard import read_query_bytes

        return read_query_bytes(Path(arg), arg)
    if _NAME.match(arg):
        close = difflib.get_close_matches(arg, names, n=3, cutoff=0.6)
        hint = f"did you mean: {', '.join(close)}?" if close else "see 'nnkg query --list'"
        raise UnknownQueryError(f"unknown canned query '{arg}'; {hint}")
    return arg
