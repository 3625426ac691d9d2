"""The claim graph as a networkx MultiDiGraph, projected from the RDF (not from the YAML).

One edge per (subject, predicate, object) that some claim affirms, carrying the relation's
label, sign and kind, the strongest certainty among its claims, every supporting claim, the
claims against it (:mod:`kg.network.contested`), the best reliability rank among its
sources and how many sources state it; each claim keeps its context qualifiers (population,
exposure, the words that say so). Negated claims become edges of their own, marked
``negated``: path and effect queries never traverse them, but ``show`` and the exports keep
them. Counter-evidence and ranks are worked out here, once per build, so answers only read
them.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from kg.base.errors import NnkgError
from kg.base.gcpause import paused_gc
from kg.base.model import Certainty
from kg.network.contested import counter_evidence, source_rank

if TYPE_CHECKING:
    import networkx

    from kg.graph import Build
    from kg.rdf.quads import Quads

__all__ = [
    "ClaimNetwork",
    "Evidence",
    "GraphShapeError",
    "claim_network",
    "load_network",
    "strongest",
]

#: The claim network: a networkx MultiDiGraph keyed by entity IRI, one edge per affirmed
#: (or negated) subject-relation-object, as :func:`claim_network` makes it.
ClaimNetwork: TypeAlias = "networkx.MultiDiGraph"

#: Part of the cache key of a projected network: raise it when what an edge holds changes.
NETWORK_FORMAT = 5


@dataclass(frozen=True, order=True)
class Evidence:
    """One supporting claim: who says so, in which words, where, how sure, and in which
    context (the IRIs of its population and exposure, None where it names none)."""

    source: str
    start: int
    end: int
    quote: str
    iri: str
    certainty: Certainty
    negated: bool = False
    population: str | None = None
    exposure: str | None = None
    qualifier_text: str | None = None
    #: The subject's and the object's words inside the quote (the page marks them).
    subject_text: str = ""
    object_text: str = ""

    @property
    def qualifiers(self) -> dict[str, str]:
        """The context qualifiers the claim carries, by name; empty for most claims."""
        named = (("population", self.population), ("exposure", self.exposure))
        return {name: value for name, value in named if value is not None}

    def to_dict(self) -> dict:
        """The claim as the page and GraphML show it (qualifiers only where it has them)."""
        return {
            "iri": self.iri,
            "source": self.source,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "certainty": self.certainty.term,
            **self.qualifiers,
            **({"qualifier_text": self.qualifier_text} if self.qualifier_text else {}),
        }


def strongest(certainties: Iterable[Certainty]) -> Certainty:
    """Asserted if any claim asserts it, else Hedged."""
    return Certainty.ASSERTED if Certainty.ASSERTED in set(certainties) else Certainty.HEDGED


def _local(term: str) -> str:
    return term.rstrip(">").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class GraphShapeError(NnkgError):
    """A graph (a crafted or foreign build) that does not have the shape nnkg writes."""


def _relations(quads: Quads) -> dict:
    from kg.curation.ontology import SIGNS
    from kg.rdf.quads import NNKG, RDFS, unwrap

    relations = {}
    for kind, structural in (("Relation>", False), ("StructuralRelation>", True)):
        for prop in quads.instances.get(NNKG + kind, ()):
            polarity = _local(quads.value(prop, NNKG + "polarity>"))
            if polarity not in SIGNS:
                raise GraphShapeError(
                    f"the graph's relation {prop} has no nnkg:polarity (one of "
                    f"{', '.join(sorted(SIGNS))})"
                )
            relations[unwrap(prop)] = {
                "label": quads.value(prop, RDFS + "label>"),
                "sign": SIGNS[polarity],
                "structural": structural,
            }
    return relations


def _ranks(quads: Quads) -> dict[str, int]:
    """Each source kind's ``nnkg:reliabilityRank``, read from the graph's ontology."""
    from kg.rdf.quads import NNKG

    ranks = {}
    for kind in quads.instances.get(NNKG + "SourceKind>", ()):
        rank = quads.value(kind, NNKG + "reliabilityRank>")
        if not rank.isdigit():
            raise GraphShapeError(f"the graph's source kind {kind} has no nnkg:reliabilityRank")
        ranks[_local(kind)] = int(rank)
    return ranks


def _evidence(quads: Quads, claim: str, relations: dict, entities) -> tuple[tuple, Evidence]:
    """A claim node's key (subject, predicate, object, negated) and evidence, or one
    GraphShapeError saying what the claim lacks."""
    from kg.rdf.claims import POPULATION_QUALIFIER, SUBJECT_CONTEXT_QUALIFIER
    from kg.rdf.quads import NNKG, PROV, RDF, unwrap

    about = quads.about[claim]

    def one(predicate: str, what: str) -> str:
        found = about.get(predicate)
        if not found:
            raise GraphShapeError(f"the graph's claim {claim} has no {what}")
        return found[0]

    def whole(predicate: str, what: str) -> int:
        text = quads.value(claim, predicate)
        if not text.isdigit():
            raise GraphShapeError(f"the graph's claim {claim}: {what} is not a whole number")
        return int(text)

    key = tuple(unwrap(one(RDF + f"{p}>", f"rdf:{p}")) for p in ("subject", "predicate", "object"))
    if key[1] not in relations:
        raise GraphShapeError(f"the graph's claim {claim}: <{key[1]}> is not a relation")
    for node in (key[0], key[2]):
        if node not in entities:
            raise GraphShapeError(f"the graph's claim {claim}: <{node}> is not an entity")
    term = _local(one(NNKG + "certainty>", "nnkg:certainty"))
    try:
        certainty = Certainty.of_term(term)
    except ValueError:
        raise GraphShapeError(f"the graph's claim {claim}: nnkg:certainty is {term!r}") from None
    negated = quads.value(claim, NNKG + "negated>") == "true"
    context = {
        name: unwrap(found[0]) if (found := about.get(predicate)) else None
        for name, predicate in (("population", POPULATION_QUALIFIER),
                                ("exposure", SUBJECT_CONTEXT_QUALIFIER))
    }  # fmt: skip
    evidence = Evidence(
        source=_local(one(PROV + "wasDerivedFrom>", "prov:wasDerivedFrom")),
        start=whole(NNKG + "start>", "nnkg:start"),
        end=whole(NNKG + "end>", "nnkg:end"),
        quote=quads.value(claim, NNKG + "quote>"),
        iri=unwrap(claim),
        certainty=certainty,
        negated=negated,
        qualifier_text=quads.value(claim, NNKG + "qualifierText>") or None,
        subject_text=quads.value(claim, NNKG + "subjectText>"),
        object_text=quads.value(claim, NNKG + "objectText>"),
        **context,
    )
    return (*key, negated), evidence


def claim_network(quads: Quads) -> ClaimNetwork:
    """Project ``quads`` (a :class:`kg.rdf.quads.Quads`; every named graph, merged) onto a
    MultiDiGraph keyed by entity IRI."""
    import networkx as nx

    from kg.base.vocab import ENT
    from kg.rdf.quads import DCTERMS, NNKG, RDF_TYPE, RDFS, SKOS, lexical, unwrap

    index, typed, value = quads.about, quads.instances, quads.value

    net = nx.MultiDiGraph()
    net.graph["sources"] = {
        _local(src): {
            "title": value(src, DCTERMS + "title>"),
            "kind": _local(value(src, NNKG + "sourceKind>")),
            "text": value(src, NNKG + "text>"),  # empty in a build from before nnkg:text
        }
        for src in sorted(typed.get(NNKG + "Source>", ()), key=unwrap)
    }
    net.graph["ranks"] = _ranks(quads)
    net.graph["exposures"] = {  # the exposure vocabulary's labels, for answers to show
        unwrap(term): value(term, RDFS + "label>") for term in typed.get(NNKG + "Exposure>", ())
    }
    entities = "<" + str(ENT)
    for node in sorted(index, key=unwrap):  # IRI order, as the outputs list nodes
        about = index[node]
        if node.startswith(entities) and RDF_TYPE in about:
            net.add_node(
                unwrap(node),
                label=value(node, RDFS + "label>"),
                types=sorted(_local(t) for t in about[RDF_TYPE]),
                synonyms=sorted(lexical(t) for t in about.get(SKOS + "altLabel>", ())),
                definition=value(node, SKOS + "definition>"),
                exact=sorted(unwrap(t) for t in about.get(SKOS + "exactMatch>", ())),
                close=sorted(unwrap(t) for t in about.get(SKOS + "closeMatch>", ())),
            )
    relations = _relations(quads)
    grouped: dict[tuple, list[Evidence]] = defaultdict(list)
    for claim in typed.get(NNKG + "Claim>", ()):
        key, evidence = _evidence(quads, claim, relations, net)
        grouped[key].append(evidence)
    for (s, p, o, negated), claims in sorted(grouped.items()):
        relation = relations[p]
        said_by = {c.source for c in claims}
        name = _local(p)
        net.add_edge(
            s,
            o,
            key=f"not {name}" if negated else name,
            predicate=p,
            name=name,
            label=relation["label"],
            sign=relation["sign"],
            structural=relation["structural"],
            negated=negated,
            certainty=strongest(c.certainty for c in claims),
            claims=sorted(claims),
            reliability=max(source_rank(net, c)[1] for c in said_by),
            support=len(said_by),
        )
    for successors in net.adj.values():
        for edges in successors.values():
            for key, against in counter_evidence(edges).items():
                edges[key]["against"] = against
    return net


def load_network(build_dir: Build = None, cache_root: Path | None = None) -> ClaimNetwork:
    """The claim network of a build (a folder or a view from :func:`kg.graph.open_build`;
    see :func:`kg.graph.load_quads`).

    Projecting a large graph takes far longer than reading it back, so the network is kept
    in ``.nnkg-cache/network/``, keyed by the verified build's fingerprint: a changed build
    is projected anew, an unchanged one is loaded in milliseconds.
    """
    import pickle
    from importlib.metadata import version

    from kg.base import __version__
    from kg.base.files import write_atomic
    from kg.graph import cache_entry, load_quads, open_build

    build = open_build(build_dir)  # the TriG, read and verified once
    salt = f"nnkg {__version__} networkx {version('networkx')} network {NETWORK_FORMAT}"
    path = cache_entry("network", build, salt, cache_root).with_suffix(".pickle")
    if path.is_file():
        try:
            with paused_gc():
                return pickle.loads(path.read_bytes())
        except Exception:  # a damaged or foreign entry is rebuilt, never trusted
            path.unlink(missing_ok=True)
    from kg.base.progress import Steps

    with Steps("projecting the claim network", 2) as step:
        with step("reading the build"):
            quads = load_quads(build)
        with step("projecting"):
            net = claim_network(quads)
    with contextlib.suppress(OSError):  # a read-only folder only costs speed, never an answer
        write_atomic(path, pickle.dumps(net, protocol=pickle.HIGHEST_PROTOCOL))
    return net
