"""Turtle: every triple of every named graph, merged into one graph.

Written as text straight from the sorted quads: subjects in IRI order, ``a`` first, then
predicates and objects in order, nnkg's prefixes for every IRI they can shorten. TriG
(kg/rdf/trig.py) writes each named graph the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

from kg.base.vocab import PREFIXES, XSD_BOOLEAN, XSD_INTEGER
from kg.rdf.quads import RDF_TYPE

if TYPE_CHECKING:
    from kg.rdf.quads import Quads

__all__ = ["Compactor", "document", "statements", "write"]

_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_BARE = {  # datatypes whose literals Turtle writes bare (ours are in canonical form)
    XSD_INTEGER: re.compile(r"[+-]?[0-9]+"),
    XSD_BOOLEAN: re.compile(r"true|false"),
}


class Compactor:
    """Spell terms in Turtle with nnkg's prefixes, remembering which prefixes it used."""

    def __init__(self) -> None:
        self._namespaces = sorted(
            ((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda n: -len(n[0])
        )
        self._spelled: dict[str, str] = {RDF_TYPE: "a"}
        self.used: set[str] = set()

    def iri(self, value: str) -> str:
        for namespace, prefix in self._namespaces:
            if value.startswith(namespace) and _LOCAL.fullmatch(value[len(namespace) :]):
                self.used.add(prefix)
                return f"{prefix}:{value[len(namespace) :]}"
        return f"<{value}>"

    def __call__(self, term: str) -> str:
        try:
            return self._spelled[term]
        except KeyError:
            pass
        if term.startswith("<"):
            spelled = self.iri(term[1:-1])
        elif term.endswith(">") and '"^^<' in term:
            text, datatype = term.rsplit("^^<", 1)
            bare = _BARE.get(datatype[:-1])
            spelled = text[1:-1] if bare and bare.fullmatch(text[1:-1]) else text
            if spelled is text:
                spelled = f"{text}^^{self.iri(datatype[:-1])}"
        else:
            spelled = term  # N-Triples strings and language tags are valid Turtle
        self._spelled[term] = spelled
        return spelled

    def header(self) -> str:
        return "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(self.used))


def _predicate_order(item: tuple[str, list]) -> tuple[bool, str]:
    return item[0] != RDF_TYPE, item[0]


def statements(triples: Iterable[tuple[str, str, str]], spell: Compactor, indent: str = ""):
    """One Turtle statement per subject of the sorted ``triples``, ``a`` first."""
    inner = indent + "    "
    for subject, about in groupby(triples, key=lambda t: t[0]):
        by_predicate = [(p, [t[2] for t in ts]) for p, ts in groupby(about, key=lambda t: t[1])]
        by_predicate.sort(key=_predicate_order)
        lines = [
            f"{spell(p)} {', '.join(spell(o) for o in objects)}" for p, objects in by_predicate
        ]
        yield f"{indent}{spell(subject)} " + f" ;\n{inner}".join(lines) + " .\n"


def document(body: Iterator[str] | list[str], spell: Compactor) -> bytes:
    text = "\n".join(body)  # the body first: it records the prefixes the header needs
    return f"{spell.header()}\n{text}".encode()


def write(quads: Quads) -> bytes:
    spell = Compactor()
    return document(list(statements(quads.triples, spell)), spell)
