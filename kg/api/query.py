"""SPARQL answers for Python (:meth:`kg.api.graph.Graph.query`): the table ``nnkg query``
prints, the SPARQL 1.1 JSON results as plain data, typed rows for pandas, and an HTML
table for Jupyter whose cells are spelt as the command's table spells them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.api.html import table_html
from kg.api.results import Answer

if TYPE_CHECKING:
    from kg.sparql.results import Result, Term

__all__ = ["QueryResult"]


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {f"{_XSD}{name}": kind for kind, names in (
    (int, ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger")),
    (float, ("decimal", "double", "float")),
) for name in names}  # fmt: skip


def _value(term: Term | None) -> object:
    """A term as a cell: a number or boolean literal as Python's, else its text."""
    if term is None:
        return None
    if term.kind == "literal" and term.datatype == f"{_XSD}boolean":
        return term.value in ("true", "1")
    kind = _NUMBERS.get(term.datatype or "") if term.kind == "literal" else None
    try:
        return kind(term.value) if kind else term.value
    except ValueError:  # an ill-typed literal stays text
        return term.value


@dataclass(frozen=True, repr=False)
class QueryResult(Answer):
    """A SPARQL answer (``nnkg query``): a SELECT table, an ASK boolean, or the triples of
    a CONSTRUCT or DESCRIBE, which convert as a table of subject, predicate and object."""

    result: Result

    @property
    def _table(self) -> Result:
        from kg.sparql.results import Result

        if not self.result.is_graph:
            return self.result
        return Result("SELECT", ("subject", "predicate", "object"), self.result.triples)

    @property
    def columns(self) -> tuple[str, ...]:  # type: ignore[override]
        """The variables of a SELECT, ``_askResult`` for an ASK, subject, predicate and
        object for a graph answer.

        >>> import nnkg
        >>> nnkg.open().query("ASK { ?s ?p ?o }").columns
        ('_askResult',)
        """
        if self.result.boolean is not None:
            return ("_askResult",)
        return self._table.variables

    @property
    def boolean(self) -> bool | None:
        """An ASK answer's truth; None for the other forms.

        >>> import nnkg
        >>> nnkg.open().query("ASK { ent:myelin a nnkg:Nutrient }").boolean
        False
        """
        return self.result.boolean

    def __len__(self) -> int:
        return len(self.result)

    def __repr__(self) -> str:
        if self.boolean is not None:
            return f"<QueryResult ASK: {str(self.boolean).lower()}>"
        return f"<QueryResult {self.result.form}: {len(self)} row(s) of {', '.join(self.columns)}>"

    def __str__(self) -> str:
        from kg.sparql.results import write_result

        form = "turtle" if self.result.is_graph else "table"
        return write_result(self.result, form).decode("utf-8")

    def to_dict(self) -> dict:
        """``nnkg query --format json``: the SPARQL 1.1 JSON results (a graph answer as
        bindings of its triples).

        >>> import nnkg
        >>> nnkg.open().query("SELECT ?x { BIND (ent:myelin AS ?x) }").to_dict()["results"]
        {'bindings': [{'x': {'type': 'uri', 'value': 'https://w3id.org/nnkg/entity/myelin'}}]}
        """
        from kg.sparql.results import write_result

        return json.loads(write_result(self._table, "json"))

    def rows(self) -> list[dict]:
        """One dict per solution: numbers and booleans as Python's, other terms as their
        text (an IRI whole), None where unbound.

        >>> import nnkg
        >>> nnkg.open().query("SELECT (1 + 1 AS ?two) ('x' AS ?x) ?none {}").rows()
        [{'two': 2, 'x': 'x', 'none': None}]
        """
        if self.boolean is not None:
            return [{"_askResult": self.boolean}]
        return [
            {v: _value(t) for v, t in zip(self.columns, row, strict=True)}
            for row in self._table.rows
        ]

    def _repr_html_(self) -> str:
        from kg.sparql.results import compact_cell  # the CLI table's cell: CURIEs, plain text

        if self.boolean is not None:
            return table_html(self.columns, [[str(self.boolean).lower()]])
        cells = [["" if t is None else compact_cell(t) for t in row] for row in self._table.rows]
        return table_html(self.columns, cells, repr(self)[1:-1])
