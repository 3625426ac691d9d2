"""The graph as KGX TSV (the Biolink ecosystem's interchange format): ``nodes.tsv``,
``edges.tsv`` and ``metadata.json``, one edge row per claim so nothing is merged away.

Node ids are standard CURIEs where an entity has an exact match with a prefix Biolink
lists for its category (the order of :data:`kg.interop.mapping.PREFIX_PREFERENCE`), else
nnkg's own ``ent:`` CURIE; the other matches are ``xref`` and the nnkg IRI is ``iri``.
Categories and predicates come from the ontology's Biolink alignment, with the fallbacks
of :mod:`kg.interop.mapping`. The mention offsets are those of the first occurrence of
each mention's text inside the quote, as Biolink defines them (offsets *in the supporting
text*; the RDF keeps the mention texts, not their offsets); the quote's own offsets in its
document are ``supporting_text_location_in_document``. The same graph always gives the
same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.base import __version__
from kg.base.errors import NnkgError
from kg.base.vocab import BIOLINK, CLAIM_IRI, ENT_IRI, NNKG_IRI, SRC_IRI, iri_to_curie
from kg.interop.mapping import (
    AGENT_TYPE,
    BIOLINK_VERSION,
    KNOWLEDGE_LEVEL,
    PREDICATE_FALLBACK,
    PREFIX_PREFERENCE,
)
from kg.rdf.claims import POPULATION_QUALIFIER, SUBJECT_CONTEXT_QUALIFIER
from kg.rdf.quads import NNKG, PROV, RDF, RDF_TYPE, RDFS, SKOS, Quads, lexical, unwrap

__all__ = [
    "CURIE_MAP",
    "EDGE_COLUMNS",
    "FILES",
    "MULTIVALUED",
    "NODE_COLUMNS",
    "KgxError",
    "KgxExport",
    "kgx_export",
    "write_kgx",
]

NODE_COLUMNS = ("id", "category", "name", "description", "synonym", "xref", "iri")
EDGE_COLUMNS = (
    "id",
    "subject",
    "predicate",
    "object",
    "original_predicate",
    "negated",
    "supporting_text",
    "subject_location_in_text",
    "object_location_in_text",
    "supporting_text_location_in_document",
    "knowledge_level",
    "agent_type",
    "primary_knowledge_source",
    "certainty",
    "population_context_qualifier",
    "subject_context_qualifier",
    "qualifier_text",
)
#: Columns whose values are ``|``-separated lists (so a value must not hold a ``|``).
MULTIVALUED = frozenset(
    {"category", "synonym", "xref", "supporting_text"}
    | {"subject_location_in_text", "object_location_in_text"}
    | {"supporting_text_location_in_document"}
)
FILES = ("nodes.tsv", "edges.tsv", "metadata.json")
#: The CURIE prefixes the export writes that are nnkg's own, for metadata.json.
CURIE_MAP = {"biolink": str(BIOLINK), "ent": ENT_IRI, "nnkg": NNKG_IRI}

_BIOLINK = "<" + str(BIOLINK)
_MATCHES = (SKOS + "exactMatch>", SKOS + "closeMatch>")


class KgxError(NnkgError):
    """A graph that KGX TSV cannot hold as it stands."""


@dataclass(frozen=True)
class KgxExport:
    """The three files of an export, by name, and what they hold."""

    files: dict[str, bytes]
    nodes: int
    edges: int
    predicates: dict[str, str]  # nnkg relation CURIE -> Biolink predicate CURIE


def _curie(term: str) -> str:
    """A term's CURIE in the export: Biolink's and nnkg's own prefixes, then the
    cross-reference prefixes; any other IRI stays whole."""
    value = unwrap(term)
    for prefix, base in CURIE_MAP.items():
        if value.startswith(base):
            return f"{prefix}:{value[len(base) :]}"
    return iri_to_curie(value)


def _biolink(about: dict[str, list[str]]) -> list[str]:
    """The Biolink terms a class or relation is aligned with, as CURIEs, in order."""
    found = [o for p in _MATCHES for o in about.get(p, ()) if o.startswith(_BIOLINK)]
    return sorted({_curie(o) for o in found})


def _categories(quads: Quads, cls: str) -> list[str]:
    """The Biolink categories of ``cls``: its own alignment, else its nearest aligned
    superclass's, else ``biolink:NamedThing``."""
    seen: set[str] = set()
    while cls and cls not in seen:
        seen.add(cls)
        if found := _biolink(quads.about.get(cls, {})):
            return found
        parents = sorted(quads.about.get(cls, {}).get(RDFS + "subClassOf>", ()))
        cls = parents[0] if parents else ""
    return ["biolink:NamedThing"]


def _predicate(quads: Quads, relation: str) -> str:
    if found := _biolink(quads.about.get(relation, {})):
        return found[0]
    return PREDICATE_FALLBACK.get(_curie(relation).split(":", 1)[1], "biolink:related_to")


def _node_id(category: str, exact: list[str]) -> str | None:
    for prefix in PREFIX_PREFERENCE.get(category, ()):
        for curie in exact:
            if curie.startswith(prefix + ":"):
                return curie
    return None


def _nodes(quads: Quads) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The node rows, and each entity's node id by its ``<iri>`` term."""
    entities = sorted(
        s for s, about in quads.about.items() if s.startswith("<" + ENT_IRI) and RDF_TYPE in about
    )
    rows: dict[str, dict[str, str]] = {}
    chosen: dict[str, str | None] = {}
    for entity in entities:
        about = quads.about[entity]
        categories = sorted({c for t in about[RDF_TYPE] for c in _categories(quads, t)})
        exact = sorted(_curie(t) for t in about.get(_MATCHES[0], ()))
        synonyms = about.get(SKOS + "altLabel>", ())
        matches = sorted({_curie(t) for p in _MATCHES for t in about.get(p, ())})
        chosen[entity] = _node_id(categories[0], exact)
        rows[entity] = {
            "category": "|".join(categories),
            "name": quads.value(entity, RDFS + "label>"),
            "description": quads.value(entity, SKOS + "definition>"),
            "synonym": "|".join(
                sorted(_text(lexical(t), unwrap(entity), "synonym") for t in synonyms)
            ),
            "xref": "|".join(matches),
            "iri": unwrap(entity),
        }
    shared = Counter(c for c in chosen.values() if c)  # an id two entities claim is no one's
    ids: dict[str, str] = {}
    for entity, row in rows.items():
        curie = chosen[entity]
        ids[entity] = curie if curie and shared[curie] == 1 else _curie(entity)
        row["xref"] = "|".join(x for x in row["xref"].split("|") if x and x != ids[entity])
    nodes = [{"id": ids[e], **rows[e]} for e in entities]
    return sorted(nodes, key=lambda r: r["id"]), ids


def _span(quote: str, mention: str) -> str:
    at = quote.find(mention) if mention else -1
    return f"{at}|{at + len(mention)}" if at >= 0 else ""


def _edge(quads: Quads, claim: str, ids: dict[str, str], predicates: dict[str, str]) -> dict:
    about = quads.about[claim]

    def one(predicate: str) -> str:
        found = about.get(predicate)
        return found[0] if found else ""

    def text(predicate: str) -> str:
        found = one(predicate)
        return lexical(found) if found else ""

    quote = text(NNKG + "quote>")
    relation = one(RDF + "predicate>")
    population = one(POPULATION_QUALIFIER)
    exposure = one(SUBJECT_CONTEXT_QUALIFIER)
    source = one(PROV + "wasDerivedFrom>")
    return {
        "id": unwrap(claim),
        "subject": ids.get(one(RDF + "subject>"), _curie(one(RDF + "subject>"))),
        "predicate": predicates[_curie(relation)],
        "object": ids.get(one(RDF + "object>"), _curie(one(RDF + "object>"))),
        "original_predicate": _curie(relation),
        "negated": text(NNKG + "negated>") or "false",
        "supporting_text": _text(quote, unwrap(claim), "supporting_text"),
        "subject_location_in_text": _span(quote, text(NNKG + "subjectText>")),
        "object_location_in_text": _span(quote, text(NNKG + "objectText>")),
        "supporting_text_location_in_document": f"{text(NNKG + 'start>')}|{text(NNKG + 'end>')}",
        "knowledge_level": KNOWLEDGE_LEVEL,
        "agent_type": AGENT_TYPE,
        "primary_knowledge_source": unwrap(source) if source.startswith("<" + SRC_IRI) else "",
        "certainty": _curie(one(NNKG + "certainty>")).split(":", 1)[-1].lower(),
        "population_context_qualifier": ids.get(population, _curie(population))
        if population
        else "",
        "subject_context_qualifier": _curie(exposure) if exposure else "",
        "qualifier_text": text(NNKG + "qualifierText>"),
    }


def _text(value: str, where: str, column: str) -> str:
    """A text for a list column, refused if it holds the list separator."""
    if "|" in value:
        raise KgxError(
            f"{where}: its {column} {value[:60]!r} holds a '|', which KGX reads as a list "
            "separator; KGX TSV cannot carry it"
        )
    return value


def _tsv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    """Tab-separated, a header line first; a value with a tab, a line break or a ``"``
    is quoted as csv does, so every csv reader gets it back whole."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    writer.writerows([row[c] for c in columns] for row in rows)
    return out.getvalue().encode("utf-8")


def kgx_export(quads: Quads) -> KgxExport:
    """The KGX files of ``quads`` (every named graph, merged)."""
    nodes, ids = _nodes(quads)
    claims = sorted(quads.instances.get(NNKG + "Claim>", ()), key=unwrap)
    relations = sorted({quads.about[c][RDF + "predicate>"][0] for c in claims})
    predicates = {_curie(r): _predicate(quads, r) for r in relations}
    edges = [_edge(quads, c, ids, predicates) for c in claims]
    metadata = {
        "format": "kgx",
        "biolink_version": BIOLINK_VERSION,
        "nnkg_version": __version__,
        "counts": {
            "nodes": len(nodes),
            "edges": len(edges),
            "negated_edges": sum(e["negated"] == "true" for e in edges),
        },
        "files": {"nodes": "nodes.tsv", "edges": "edges.tsv"},
        "curie_map": CURIE_MAP,
        "claim_iri_base": CLAIM_IRI,
        "predicates": predicates,
        "knowledge_level": KNOWLEDGE_LEVEL,
        "agent_type": AGENT_TYPE,
    }
    files = {
        "nodes.tsv": _tsv(NODE_COLUMNS, nodes),
        "edges.tsv": _tsv(EDGE_COLUMNS, edges),
        "metadata.json": (json.dumps(metadata, indent=2, sort_keys=True) + "\n").encode(),
    }
    return KgxExport(files, len(nodes), len(edges), predicates)


def write_kgx(quads: Quads, out_dir: Path, *, check=None) -> KgxExport:
    """Write the export into ``out_dir`` at once; ``check(temp_folder)`` may refuse it
    before the old folder is replaced."""
    from kg.interop.folder import replace_folder

    export = kgx_export(quads)
    replace_folder(out_dir, export.files, check)
    return export
