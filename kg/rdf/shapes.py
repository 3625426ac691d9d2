"""SHACL Core shapes compiled to SPARQL queries that list their violations.

A million-triple graph takes pyshacl minutes, since it checks node by node in Python; as
SPARQL, Oxigraph checks each constraint over all focus nodes at once in seconds. The
compiler knows the constraint components nnkg's shapes use (and a few more), with SHACL's
meaning: targets are ``sh:targetClass`` instances through ``rdfs:subClassOf*`` and the
subjects of each ``sh:targetSubjectsOf`` property, value
nodes are compared by term, ill-typed literals fail ``sh:datatype``. Range and
``sh:lessThan`` comparisons follow pyshacl, which the tests hold this engine to, rather than
SHACL's text (SPARQL's ``<``, an incomparable pair failing): pyshacl orders literals as
rdflib does (SPARQL's ORDER BY), so an ill-typed literal fails ``sh:datatype`` on its own
path but is compared by its lexical form elsewhere, and a literal of another datatype by
its datatype IRI. A shape using anything else is refused with an error, never skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.base.errors import ShaclError
from kg.base.vocab import RDF_LANG_STRING, RDFS_IRI, SH_IRI, XSD_BOOLEAN, XSD_IRI, XSD_STRING
from kg.rdf.quads import RDF_TYPE, RDFS, iri

__all__ = ["Check", "compile_shapes"]

_INSTANCE_OF = f"{RDF_TYPE}/{RDFS}subClassOf>*"
_STRING = iri(XSD_STRING)
#: datatypes whose ill-typed literals nnkg detects: their casts fail (rdflib's ill_typed)
_CASTS = {
    XSD_IRI + t
    for t in (
        *("integer", "decimal", "double", "float", "boolean"),
        *("dateTime", "date", "time", "duration", "dayTimeDuration", "yearMonthDuration"),
    )
}
#: datatypes rdflib reads as a Python str: pyshacl compares these, and IRIs, as strings
_STRINGS = ", ".join(
    [iri(XSD_IRI + t) for t in ("string", "normalizedString", "token", "language", "anyURI")]
    + [iri(RDF_LANG_STRING)]
)
#: values Python orders among naive or among time-zoned ones only: pyshacl's range checks
#: compare them with Python's operators, and rdflib's order puts the naive ones first
_PYTHON_ORDERED = (XSD_IRI + "dateTime", XSD_IRI + "time")
_KINDS = {
    "IRI": "!isIRI(?value)",
    "Literal": "!isLiteral(?value)",
    "BlankNode": "!isBlank(?value)",
    "BlankNodeOrIRI": "isLiteral(?value)",
    "BlankNodeOrLiteral": "isIRI(?value)",
    "IRIOrLiteral": "isBlank(?value)",
}
#: range components: (is the bound itself allowed?, must the value be above the bound?)
_RANGES = {
    "minInclusive": (True, True),
    "maxInclusive": (True, False),
    "minExclusive": (False, True),
    "maxExclusive": (False, False),
}
_ANNOTATIONS = {SH_IRI + n for n in ("message", "name", "description", "order", "group")} | {
    RDFS_IRI + "comment",
    RDFS_IRI + "label",
}


_SKIPPED = _ANNOTATIONS | {SH_IRI + n for n in ("path", "flags", "minCount", "maxCount")}


@dataclass(frozen=True)
class Check:
    """One constraint: a query whose rows (``?focus``) are its violations."""

    query: str
    path: str  # the property's IRI, in N-Triples
    message: str


def _read(term: str) -> str:
    """A term as pyshacl's comparisons see it: rdflib gives an ill-typed xsd:boolean the
    value true if its lexical form is "true" or "1" in any case, else false, and compares
    by value, so "TRUE"^^xsd:boolean is not below true (sh:datatype still fails it)."""
    return (
        f"IF(COALESCE(datatype({term}) = {iri(XSD_BOOLEAN)}, false), "
        f'LCASE(STR({term})) IN ("true", "1"), {term})'
    )


def _well_typed(term: str, datatype: str) -> str:
    """Oxigraph keeps an ill-typed literal as it is, so casting it fails."""
    return f"COALESCE(isLiteral(<{datatype}>({term})), false)"


def _stringy(term: str) -> str:
    """pyshacl compares an IRI, or a literal rdflib reads as a str, only with another such."""
    return f"(isIRI({term}) || datatype({term}) IN ({_STRINGS}))"


def _datatype_of(term: str) -> str:
    """A literal's datatype as rdflib orders it: a language-tagged string's is xsd:string."""
    return f'IF(lang({term}) = "", datatype({term}), {_STRING})'


def _zoned(term: str) -> str:
    """Whether a dateTime or time has a time zone (Python's "aware")."""
    return f'(TZ({term}) != "")'


def _greater(a: str, b: str) -> str:
    """``a > b`` for two numbers as Python says it: false with NaN, where Oxigraph errs."""
    return f"COALESCE({a} > {b}, false)"


def _after(a: str, b: str) -> str:
    """``a > b`` in rdflib's order of literals (SPARQL's ORDER BY): well-typed numbers by value,
    else by datatype IRI, then by language tag, then by value where SPARQL orders them, else
    (an ill-typed literal, an unknown datatype) by lexical form. rdflib puts a naive dateTime
    or time before a time-zoned one, where SPARQL compares them up to 14 hours apart."""
    dta, dtb = _datatype_of(a), _datatype_of(b)
    python = " || ".join(f"datatype({a}) = <{t}>" for t in _PYTHON_ORDERED)
    return (
        f"IF(isNumeric({a}) && isNumeric({b}), {_greater(a, b)}, "
        f"IF({dta} != {dtb}, STR({dta}) > STR({dtb}), "
        f'IF(lang({a}) != lang({b}), lang({a}) != "" && (lang({b}) = "" || lang({a}) > lang({b})), '
        f"IF(({python}) && COALESCE({_zoned(a)} != {_zoned(b)}, false), {_zoned(a)}, "
        f"COALESCE({a} > {b}, STR({a}) > STR({b}))))))"
    )


def _equal(a: str, b: str) -> str:
    """rdflib's ``Literal.eq``, an error where it cannot know (an ill-typed literal against
    another lexical form of its datatype): SPARQL's ``=`` errs there too."""
    dta, dtb = _datatype_of(a), _datatype_of(b)
    return (
        f"IF(isNumeric({a}) && isNumeric({b}), {a} = {b}, "
        f"IF(lang({a}) != lang({b}) || {dta} != {dtb}, false, "
        f"IF({dta} IN ({_STRINGS}), STR({a}) = STR({b}), {a} = {b})))"
    )


def _datatype(datatype, _) -> str:
    well_formed = f" && {_well_typed('?value', str(datatype))}" if str(datatype) in _CASTS else ""
    return f"!(isLiteral(?value) && datatype(?value) = {datatype.n3()}{well_formed})"


def _node_kind(kind, _) -> str:
    return _KINDS[str(kind).removeprefix(SH_IRI)]


def _length(op: str) -> Callable:
    return lambda n, _: f"isBlank(?value) || STRLEN(STR(?value)) {op} {int(n)}"


def _range(inclusive: bool, above: bool) -> Callable:
    """pyshacl's range check (its compare_literal): an IRI fails; a literal passes only if
    it is a string just when the bound is, and it equals the bound (if ``inclusive``) or
    rdflib's order puts it above (``above``) or below the bound; an error (Python's
    TypeError) fails it."""

    def condition(bound, _) -> str:
        value, limit, side = "?read", bound.n3(), "" if above else "!"
        python = " || ".join(
            f"datatype({value}) = <{t}> && {_well_typed(value, t)}" for t in _PYTHON_ORDERED
        )
        # Python cannot compare a naive value with a time-zoned one, nor with a number
        over = (
            f"IF({python}, {_zoned(value)} = {_zoned(limit)} && {side}({value} > {limit}), "
            f"{side}({_after(value, limit)}))"
        )
        strings = _stringy(value) if isinstance(bound.value, str) else f"!{_stringy(value)}"
        equal = str(inclusive).lower()
        rule = f"isLiteral({value}) && {strings} && IF({_equal(value, limit)}, {equal}, {over})"
        # the common case first, two numbers, which none of the rest concerns
        numbers = f"IF({_equal(value, limit)}, {equal}, {side}{_after(value, limit)})"
        return f"!COALESCE(IF(isNumeric({value}) && isNumeric({limit}), {numbers}, {rule}), false)"

    return condition


def _less_than() -> str:
    """pyshacl's sh:lessThan: two IRIs or strings compare as Python strings, and a string
    with anything else fails. Two other literals compare with rdflib's ``<``, which is
    neither after nor equal in its order (so NaN is below 5, and 5 below NaN), or where
    they cannot be equal nor not (Python's TypeError), the other after the value."""
    value, other = "?read", "?otherRead"
    literals = (
        f"COALESCE(!{_after(value, other)} && !{_equal(value, other)}, {_after(other, value)})"
    )
    rule = (
        f"{_stringy(value)} = {_stringy(other)} && "
        f"IF({_stringy(value)}, STR({value}) < STR({other}), {literals})"
    )
    # the common case first, two numbers, which the string rule does not concern
    return f"!COALESCE(IF(isNumeric({value}) && isNumeric({other}), {literals}, {rule}), false)"


def _pattern(pattern, about) -> str:
    from rdflib import Literal

    flags = about.get(SH_IRI + "flags", [Literal("")])[0]
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
    **{name: (_range(*rule), False) for name, rule in _RANGES.items()},
}


def _property_checks(graph, prop, focus: str, where: str) -> list[Check]:
    """The checks of one property shape over the focus nodes that ``focus`` (a SPARQL
    pattern binding ``?focus``) selects."""
    from rdflib import URIRef

    about: dict[str, list] = {}
    for p, o in graph.predicate_objects(prop):
        about.setdefault(str(p), []).append(o)
    paths = about.get(SH_IRI + "path", [])
    if len(paths) != 1 or not isinstance(paths[0], URIRef):
        raise ShaclError(f"{where}: a property shape needs one sh:path, a property IRI")
    path = paths[0].n3()
    message = str(about.get(SH_IRI + "message", [""])[0])
    # ?read is the value as compared (see _read); checks report ?value as it is
    values = f"{focus} ?focus {path} ?value . BIND({_read('?value')} AS ?read)"
    checks = []

    def add(query: str, component: str) -> None:
        checks.append(Check(query, path, message or f"sh:{component} not met"))

    bounds = [  # minCount and maxCount: one count per focus node serves both
        f"COUNT(DISTINCT ?value) {op} {int(value)}"
        for component, op in (("minCount", "<"), ("maxCount", ">"))
        for value in about.get(SH_IRI + component, ())
    ]
    if bounds:
        add(
            f"SELECT ?focus WHERE {{ {focus} OPTIONAL {{ ?focus {path} ?value }} }} "
            f"GROUP BY ?focus HAVING ({' || '.join(bounds)})",
            "minCount/sh:maxCount",
        )
    for key, objects in sorted(about.items()):
        component = key.removeprefix(SH_IRI)
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
                    f"?other . BIND({_read('?other')} AS ?otherRead) FILTER ({_less_than()}) }}",
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
    targets = {SHNS.targetClass: f"?focus {_INSTANCE_OF} {{}} .",
               SHNS.targetSubjectsOf: "?focus {} ?targeted ."}  # fmt: skip
    known = {RDF.type, SHNS.property, *targets} | {URIRef(a) for a in _ANNOTATIONS}
    checks: list[Check] = []
    for shape in sorted(set(graph.subjects(RDF.type, SHNS.NodeShape))):
        where = f"{shapes_path}: {shape}"
        unknown = sorted(str(p) for p in set(graph.predicates(shape)) - known)
        if unknown:
            raise ShaclError(f"{where}: {unknown[0]} is not supported by nnkg's SHACL")
        for kind, pattern in targets.items():
            for target in sorted(graph.objects(shape, kind)):
                focus = pattern.format(target.n3())
                for prop in graph.objects(shape, SHNS.property):
                    checks.extend(_property_checks(graph, prop, focus, where))
    return checks
