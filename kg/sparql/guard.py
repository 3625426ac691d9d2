"""Decide what a SPARQL query does before any engine runs it: from a real parse, bounded.

A scan of the raw text cannot be trusted with that (``\\u0053ERVICE`` is SERVICE once SPARQL's
escapes are expanded; in ``FILTER(?a<'>')`` the ``<'>`` is no IRI), so :func:`check_query`
goes, cheapest first, each step bounding the next:

1. length: at most :data:`MAX_QUERY_CHARS`;
2. SPARQL's codepoint escapes expanded with rdflib's own function, and carriage returns made
   line feeds: a SPARQL comment ends at either, Oxigraph's parser agrees, rdflib's runs to a
   line feed only, so a CR could hide from rdflib what Oxigraph would run;
3. bracket depth, at most :data:`MAX_DEPTH`, before any parser recurses on it;
4. a text scan for updates, SERVICE and FROM (a second line, and the clearest message);
5. rdflib's parser, on a deep stack: a query it cannot parse is refused on every local store
   (fail closed), whatever Oxigraph would make of it;
6. on the parse tree: SERVICE anywhere or a dataset clause (FROM) is refused.

The local engines then run exactly the text that was checked (the memory store the very
parse), never the user's raw text. A query for a remote endpoint the user named may use
SERVICE and FROM, and one rdflib cannot parse is left to that endpoint; updates are
refused everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from kg.base.errors import (
    QueryRefusedError,
    QuerySyntaxError,
    QueryTooLargeError,
    one_line,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_QUERY_CHARS",
    "CheckedQuery",
    "QueryShape",
    "check_length",
    "check_query",
    "inspect_query",
    "read_query_bytes",
    "syntax_error",
]

#: Longest query text, in characters (a 5 MB UNION made Oxigraph segfault).
MAX_QUERY_CHARS = 100_000
#: Deepest nesting of brackets ``{ ( [`` (the canned queries need 10 at most).
MAX_DEPTH = 64
#: Verdicts on texts up to this long are remembered (longer ones are rare, their algebra large).
_CACHED_CHARS = 10_000

_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_PARSED_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
_UPDATES = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
# Comments, strings and IRIs are skipped whole, so a keyword inside them never counts.
_TOKENS = re.compile(
    r"""
      (?P<skip>\#[^\n]*
        | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
        | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
        | <[^<>"{}|^`\\\s]*>)
    | (?P<open>\{) | (?P<close>\})
    | (?P<word>[?$@]?[\w:.\-]+)
    """,
    re.VERBOSE,
)
_RDFLIB_POSITION = re.compile(r"\s*\(at char \d+\), \(line:\d+, col:\d+\)$")
_OXIGRAPH_POSITION = re.compile(r"^error at (\d+):(\d+): ")

REFUSED_SERVICE = "SERVICE is refused: a query on the local graph never reaches the network"
REFUSED_FROM = (
    "FROM is refused: it may name a file or a web page; queries see every source, "
    "and GRAPH src:<id> narrows to one"
)


@dataclass(frozen=True)
class QueryShape:
    """What a scan of the query text tells (the second line, and remote queries' form)."""

    form: str | None  # SELECT | ASK | CONSTRUCT | DESCRIBE; None if no form keyword
    ordered: bool  # ORDER BY on the outer query: keep the engine's row order
    update: str | None  # the first update keyword (INSERT, LOAD …), if any
    service: bool  # uses SERVICE (a federated query over the network)
    dataset: bool  # has FROM or FROM NAMED, which could name a file or a web page


def inspect_query(text: str) -> QueryShape:
    """Scan ``text`` for its form, an outer ORDER BY, updates, SERVICE and FROM.

    >>> inspect_query('SELECT * { ?s ?p "SERVICE" } ORDER BY ?s')
    QueryShape(form='SELECT', ordered=True, update=None, service=False, dataset=False)
    >>> inspect_query("LOAD <http://example.org/x>").update
    'LOAD'
    """
    form = update = previous = None
    ordered = service = dataset = False
    depth = 0
    for match in _TOKENS.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif kind == "word" and match.group().isalpha():
            word = match.group().upper()
            if word in _FORMS and form is None:
                form = word
            elif word in _UPDATES and update is None:
                update = word
            service = service or word == "SERVICE"
            dataset = dataset or word == "FROM"
            ordered = ordered or (word == "BY" and previous == "ORDER" and depth == 0)
            previous = word
    return QueryShape(form, ordered, update, service, dataset)


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed :func:`check_query`, in the text the engines are to run, with
    rdflib's algebra of it for a local query (reusable: rdflib never changes it)."""

    text: str
    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE
    ordered: bool  # ORDER BY on the outer query: keep the engine's row order
    algebra: Any = field(default=None, repr=False, compare=False)

    def prepared(self) -> Any:
        """The algebra, made now if the query was not checked (tests build some by hand)."""
        return self.algebra if self.algebra is not None else _translate(_parse(self.text))


def read_query_bytes(source: Path | BinaryIO, name: str) -> str:
    """The query text in a file or a binary stream (stdin), read with a bound: at most
    four bytes for each of :data:`MAX_QUERY_CHARS` characters; UTF-8, or one line naming
    where it is not."""
    from kg.base.safefile import InputFileError, read_regular

    limit = 4 * MAX_QUERY_CHARS
    if isinstance(source, Path):
        raw = read_regular(source, limit, name=name, what="a query")
    else:
        raw = source.read(limit + 1)
        if len(raw) > limit:
            raise QueryTooLargeError(f"{name}: larger than the {limit:,}-byte limit for a query")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        from kg.base.textfile import position

        line, column = position(raw, exc.start)
        raise InputFileError(
            f"{name}: line {line}, column {column}: byte 0x{raw[exc.start]:02x} is not UTF-8"
        ) from None


def syntax_error(exc: Exception) -> QuerySyntaxError:
    """One line naming the position, from an rdflib (pyparsing) or Oxigraph parse error."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
    message = _RDFLIB_POSITION.sub("", str(exc))
    found = _OXIGRAPH_POSITION.match(message)
    if found:
        line, column = found.groups()
        message = message[found.end() :]
    where = f" at line {line}, column {column}" if line else ""
    return QuerySyntaxError(f"SPARQL syntax error{where}: {one_line(message, 200)}")


def _normalised(text: str) -> str:
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    try:
        expanded = expandUnicodeEscapes(text)
    except ValueError as exc:  # a \U escape beyond Unicode
        raise QuerySyntaxError(f"SPARQL syntax error: {one_line(exc, 200)}") from None
    return expanded.replace("\r\n", "\n").replace("\r", "\n")


def _depth(text: str) -> int:
    """How deep brackets nest, counted over the whole text (strings too: that only errs on
    the side of refusing a query with absurdly many brackets in a string)."""
    depth = deepest = 0
    for char in text:
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth -= 1
    return deepest


def _refuse(shape: QueryShape, remote: bool) -> None:
    if shape.update:
        raise QueryRefusedError(
            f"{shape.update} is a SPARQL update and updates are refused: nnkg only reads the graph"
        )
    if not remote and shape.service:
        raise QueryRefusedError(REFUSED_SERVICE)
    if not remote and shape.dataset:
        raise QueryRefusedError(REFUSED_FROM)


def _parse(text: str):
    """rdflib's parse of ``text`` (escapes expanded already), on a deep stack."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import Query

    from kg.base.deepstack import on_deep_stack

    try:
        return on_deep_stack(lambda: Query.parse_string(text, parse_all=True))
    except ParseBaseException as exc:
        raise syntax_error(exc) from None
    except RecursionError:
        raise QueryTooLargeError("the query nests too deeply for the SPARQL parser") from None
    except Exception as exc:  # rdflib's parse actions reject some terms this way
        raise QuerySyntaxError(f"SPARQL syntax error: {one_line(exc, 200)}") from None


def _parts(tree):
    """Every CompValue of an rdflib parse tree, without recursion."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _translate(parsed):
    """rdflib's algebra of a parse, with nnkg's prefixes (an unknown one fails here)."""
    from rdflib.plugins.sparql.algebra import translateQuery

    from kg.base.vocab import prefix_iris

    try:
        return translateQuery(parsed, initNs=prefix_iris())
    except Exception as exc:  # rdflib reports an unknown prefix and the like this way
        raise QuerySyntaxError(f"SPARQL syntax error: {one_line(exc, 200)}") from None


def check_length(text: str) -> None:
    """Refuse ``text`` if it is longer than :data:`MAX_QUERY_CHARS`: the first step of
    :func:`check_query`, and cheap enough for the endpoint to take before any worker gets the
    text."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryTooLargeError(
            f"the query is {len(text):,} characters long; the limit is {MAX_QUERY_CHARS:,}"
        )


def check_query(text: str, *, remote: bool = False) -> CheckedQuery:
    """Refuse ``text`` (one :class:`kg.base.errors.QueryError` saying why) unless it is a bounded,
    read-only query that reaches no network and no file; else say what to run.

    Parsing is the cost (pyparsing: some 30 ms for a canned query, where Oxigraph answers
    in 2), so the verdicts on short texts are remembered: a query asked again is checked
    at once."""
    if len(text) <= _CACHED_CHARS:
        return _check_remembered(text, remote)
    return _check(text, remote)


@lru_cache(maxsize=256)
def _check_remembered(text: str, remote: bool) -> CheckedQuery:
    return _check(text, remote)


def _check(text: str, remote: bool) -> CheckedQuery:
    check_length(text)
    normal = _normalised(text)
    depth = _depth(normal)
    if depth > MAX_DEPTH:
        raise QueryTooLargeError(f"the query nests brackets {depth} deep; the limit is {MAX_DEPTH}")
    shape = inspect_query(normal)
    _refuse(shape, remote)
    try:
        parsed = _parse(normal)
    except QuerySyntaxError:
        if not remote:
            raise
        return CheckedQuery(text, shape.form or "SELECT", shape.ordered)  # its endpoint judges
    query = parsed[1]  # parsed[0] is the prologue (BASE, PREFIX)
    for part in _parts(parsed):
        if part.name == "ServiceGraphPattern" and not remote:
            raise QueryRefusedError(REFUSED_SERVICE)
        if part.name == "DatasetClause" and not remote:
            raise QueryRefusedError(REFUSED_FROM)
    form = _PARSED_FORMS[query.name]
    ordered = "orderby" in query  # CompValue.get would answer the key itself
    if remote:
        return CheckedQuery(text, form, ordered)
    return CheckedQuery(normal, form, ordered, _translate(parsed))  # translating changes it
