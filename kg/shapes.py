"""SHACL Core shapes compiled to SPARQL queries that list their violations.

A million-triple graph takes pyshacl minutes, since it checks node by node in Python; as
SPARQL, Oxigraph checks each constraint over all focus nodes at once in seconds. The
compiler knows the constraint components nnkg's shapes use (and a few more), with SHACL's
meaning: targets are ``sh:targetClass`` instances through ``rdfs:subClassOf*``, value
nodes are compared by term, ill-typed literals fail ``sh:datatype``, failed comparisons
are violations. A shape using anything else is refused with an error, never skipped.
The tests hold this engine to pyshacl's verdicts on mutated graphs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import ShaclError

__all__ = ["Check", "compile_shapes"]

SH = "http://www.w3.org/ns/shacl#"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_INSTANCE_OF = f"{_TYPE}/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_CASTS = {_XSD + t for t in ("integer", "boolean", "decimal", "double", "float", "dateTime")}
_ILL = '"nnkg:ill-typed"'
_KINDS = {
    "IRI": "!isIRI(?value)",
    "Literal": "!isLiteral(?value)",
    "BlankNode": "!isBlank(?value)",
    "BlankNodeOrIRI": "isLiteral(?value)",
    "BlankNodeOrLiteral": "isIRI(?value)",
    "IRIOrLiteral": "isBlank(?value)",
}
_COMPARE = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
_ANNOTATIONS = {SH + n for n in ("message", "name", "description", "order", "group")} | {
    "http://www.w3.org/2000/01/rdf-schema#comment",
    "http://www.w3.org/2000/01/rdf-schema#label",
}


_SKIPPED = _ANNOTATIONS | {SH + n for n in ("path", "flags", "minCount", "maxCount")}


@dataclass(frozen=True)
class Check:
    """One constraint: a query whose rows (``?focus``) are its violations."""

    query: str
    path: str  # the property's IRI, in N-Triples
    message: str


def _datatype(datatype, _) -> str:
    well_formed = ""
    if str(datatype) in _CASTS:  # an ill-typed literal fails its cast
        well_formed = f" && !sameTerm(COALESCE({datatype.n3()}(?value), {_ILL}), {_ILL})"
    return f"!(isLiteral(?value) && datatype(?value) = {datatype.n3()}{well_formed})"


def _node_kind(kind, _) -> str:
    return _KINDS[str(kind).removeprefix(SH)]


def _length(op: str) -> Callable:
    return lambda n, _: f"isBlank(?value) || STRLEN(STR(?value)) {op} {int(n)}"


def _compare(op: str) -> Callable:
    return lambda bound, _: f"!COALESCE(?value {op} {bound.n3()}, false)"


def _pattern(pattern, about) -> str:
    from rdflib import Literal

    flags = about.get(SH + "flags", [Literal("")])[0]
    return f"isBlank(?value) || !REGEX(STR(?value), {Literal(str(pattern)).n3()}, {flags.n3()})"


def _members(graph, head) -> list:
    from rdflib.collection import Collection

    return list(Collection(graph, head))


def _in(members, _) -> str:
    return "!(" + (" || ".join(f"sameTerm(?value, {m.n3()})" for m in members) or "false") + ")"


def _language_in(tags, _) -> str:
    matches = " || ".join(f'langMatches(lang(?value), "{t}")' for t in tags) or "false"
    return f"!(isLiteral(?value) && ({matches}))"


#: value constraints: component -> (FILTER condition met by a violating ?value), list-valued?
_VALUE: dict[str, tuple[Callable, bool]] = {
    "datatype": (_datatype, False),
    "nodeKind": (_node_kind, False),
    "minLength": (_length("<"), False),
    "maxLength": (_length(">"), False),
    "pattern": (_pattern, False),
    "in": (_in, True),
    "languageIn": (_language_in, True),
    **{name: (_compare(op), False) for name, op in _COMPARE.items()},
}


def _property_checks(graph, prop, target: str, where: str) -> list[Check]:
    from rdflib import URIRef

    about: dict[str, list] = {}
    for p, o in graph.predicate_objects(prop):
        about.setdefault(str(p), []).append(o)
    paths = about.get(SH + "path", [])
    if len(paths) != 1 or not isinstance(paths[0], URIRef):
        raise ShaclError(f"{where}: a property shape needs one sh:path, a property IRI")
    path = paths[0].n3()
    message = str(about.get(SH + "message", [""])[0])
    focus = f"?focus {_INSTANCE_OF} {target} ."
    values = f"{focus} ?focus {path} ?value ."
    checks = []

    def add(query: str, component: str) -> None:
        checks.append(Check(query, path, message or f"sh:{component} not met"))

    bounds = [  # minCount and maxCount: one count per focus node serves both
        f"COUNT(DISTINCT ?value) {op} {int(value)}"
        for component, op in (("minCount", "<"), ("maxCount", ">"))
        for value in about.get(SH + component, ())
    ]
    if bounds:
        add(
            f"SELECT ?focus WHERE {{ {focus} OPTIONAL "
            f"{{ ?focus {path} ?value }} }} GROUP BY ?focus HAVING ({' || '.join(bounds)})",
            "minCount/sh:maxCount",
        )
    for key, objects in sorted(about.items()):
        component = key.removeprefix(SH)
        if key in _SKIPPED:
            continue
        for value in objects:
            if component == "class":
                add(
                    f"SELECT DISTINCT ?focus ?value WHERE {{ {values} FILTER NOT EXISTS "
                    f"{{ ?value {_INSTANCE_OF} {value.n3()} }} }}",
                    component,
                )
            elif component == "lessThan":
                add(
                    f"SELECT DISTINCT ?focus ?value WHERE {{ {values} ?focus {value.n3()} "
                    "?other . FILTER (!COALESCE(?value < ?other, false)) }",
                    component,
                )
            elif component in _VALUE:
                condition, is_list = _VALUE[component]
                argument = _members(graph, value) if is_list else value
                add(
                    f"SELECT DISTINCT ?focus ?value WHERE {{ {values} "
                    f"FILTER ({condition(argument, about)}) }}",
                    component,
                )
            else:
                raise ShaclError(f"{where}: sh:{component} is not supported by nnkg's SHACL")
    return checks


def compile_shapes(shapes_path: Path) -> list[Check]:
    """Every constraint of the shapes file, as a :class:`Check`."""
    from rdflib import RDF, Graph, URIRef
    from rdflib.namespace import SH as SHNS

    graph = Graph().parse(shapes_path, format="turtle")
    known = {RDF.type, SHNS.targetClass, SHNS.property} | {URIRef(a) for a in _ANNOTATIONS}
    checks: list[Check] = []
    for shape in sorted(set(graph.subjects(RDF.type, SHNS.NodeShape))):
        where = f"{shapes_path}: {shape}"
        unknown = sorted(str(p) for p in set(graph.predicates(shape)) - known)
        if unknown:
            raise ShaclError(f"{where}: {unknown[0]} is not supported by nnkg's SHACL")
        for target in sorted(graph.objects(shape, SHNS.targetClass)):
            for prop in graph.objects(shape, SHNS.property):
                checks.extend(_property_checks(graph, prop, target.n3(), where))
    return checks
