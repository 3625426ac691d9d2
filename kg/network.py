"""The claim graph as a networkx MultiDiGraph, projected from the RDF (not from the YAML).

One edge per (subject, predicate, object) that some claim affirms, carrying the relation's
label, sign and kind, the strongest certainty among its claims and every supporting
claim. Negated claims become edges of their own, marked ``negated``: path and effect
queries never traverse them, but ``show`` and the exports keep them.
"""

from __future__ import annotations

import contextlib
import weakref
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Evidence",
    "causal_adjacency",
    "causal_view",
    "claim_network",
    "load_network",
    "strongest",
]

ASSERTED, HEDGED = "Asserted", "Hedged"
_ADJACENCY: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True, order=True)
class Evidence:
    """One supporting claim: who says so, in which words, where, and how sure."""

    source: str
    start: int
    end: int
    quote: str
    iri: str
    certainty: str  # Asserted | Hedged
    negated: bool = False

    def to_dict(self) -> dict:
        """The claim as in DESIGN.md's path JSON."""
        return {
            "iri": self.iri,
            "source": self.source,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


def strongest(certainties) -> str:
    """Asserted if any claim asserts it, else Hedged."""
    return ASSERTED if ASSERTED in set(certainties) else HEDGED


def _local(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _relations(graph) -> dict:
    from rdflib.namespace import RDF, RDFS

    from .ontology import SIGNS
    from .vocab import NNKG

    relations = {}
    for kind, structural in ((NNKG.Relation, False), (NNKG.StructuralRelation, True)):
        for prop in graph.subjects(RDF.type, kind):
            relations[prop] = {
                "label": str(graph.value(prop, RDFS.label)),
                "sign": SIGNS[_local(graph.value(prop, NNKG.polarity))],
                "structural": structural,
            }
    return relations


def claim_network(dataset, union=None):
    """Project ``dataset`` (all named graphs; ``union``, if the caller has it already) onto
    a MultiDiGraph keyed by entity IRI."""
    import networkx as nx
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

    from .rdf import union_graph
    from .vocab import ENT, NNKG

    graph = union if union is not None else union_graph(dataset)
    net = nx.MultiDiGraph()
    net.graph["sources"] = {
        _local(src): {
            "title": str(graph.value(src, DCTERMS.title)),
            "kind": _local(graph.value(src, NNKG.sourceKind)),
        }
        for src in sorted(graph.subjects(RDF.type, NNKG.Source))
    }
    for node in sorted(s for s in set(graph.subjects(RDF.type, None)) if s.startswith(ENT)):
        net.add_node(
            str(node),
            label=str(graph.value(node, RDFS.label)),
            types=sorted(_local(t) for t in graph.objects(node, RDF.type)),
            synonyms=sorted(str(s) for s in graph.objects(node, SKOS.altLabel)),
            definition=str(graph.value(node, SKOS.definition) or ""),
            exact=sorted(str(x) for x in graph.objects(node, SKOS.exactMatch)),
            close=sorted(str(x) for x in graph.objects(node, SKOS.closeMatch)),
        )
    relations = _relations(graph)
    grouped: dict[tuple, list[Evidence]] = defaultdict(list)
    for claim in graph.subjects(RDF.type, NNKG.Claim):
        value = graph.value
        negated = value(claim, NNKG.negated).toPython() is True
        key = (value(claim, RDF.subject), value(claim, RDF.predicate), value(claim, RDF.object))
        grouped[(*key, negated)].append(
            Evidence(
                source=_local(value(claim, PROV.wasDerivedFrom)),
                start=int(value(claim, NNKG.start)),
                end=int(value(claim, NNKG.end)),
                quote=str(value(claim, NNKG.quote)),
                iri=str(claim),
                certainty=_local(value(claim, NNKG.certainty)),
                negated=negated,
            )
        )
    for (s, p, o, negated), claims in sorted(grouped.items()):
        relation = relations[p]
        name = _local(p)
        net.add_edge(
            str(s),
            str(o),
            key=f"not {name}" if negated else name,
            predicate=str(p),
            name=name,
            label=relation["label"],
            sign=relation["sign"],
            structural=relation["structural"],
            negated=negated,
            certainty=strongest(c.certainty for c in claims),
            claims=sorted(claims),
        )
    return net


def causal_view(net, *, asserted_only: bool = False, structural: bool = False):
    """The edges path queries may follow: affirmed, causal unless ``structural``,
    asserted only if asked."""
    import networkx as nx

    def keep(u, v, k) -> bool:
        data = net.edges[u, v, k]
        return (
            not data["negated"]
            and (structural or not data["structural"])
            and (not asserted_only or data["certainty"] == ASSERTED)
        )

    return nx.subgraph_view(net, filter_edge=keep)


def causal_adjacency(net, *, asserted_only: bool = False, structural: bool = False):
    """The edges of :func:`causal_view` as plain dicts, ``(succ, pred)``: succ maps a node to
    its (next node, edge key) pairs, pred a node to the nodes before it. Path searches walk
    these instead of a filtered view, which would re-test every edge on every visit; they
    are made once per network object (networks are not changed once made) and choice of
    edges."""
    memo = _ADJACENCY.setdefault(net, {})
    key = (asserted_only, structural)
    if key not in memo:
        succ: dict[str, list[tuple[str, str]]] = defaultdict(list)
        pred: dict[str, list[str]] = defaultdict(list)
        view = causal_view(net, asserted_only=asserted_only, structural=structural)
        for u, v, k in view.edges(keys=True):
            succ[u].append((v, k))
            pred[v].append(u)
        memo[key] = (dict(succ), dict(pred))
    return memo[key]


def load_network(build_dir=None, cache_root=None):
    """The claim network of a build folder (see :func:`kg.load.load_dataset`).

    Projecting a large graph takes far longer than reading it back, so the network is kept
    in ``.nnkg-cache/network/``, keyed by the build's fingerprint: a changed build is
    projected anew, an unchanged one is loaded in milliseconds.
    """
    import pickle
    from importlib.metadata import version

    from . import __version__
    from .atomic import write_atomic
    from .cache import DEFAULT_CACHE, graph_fingerprint
    from .load import load_dataset

    salt = f"nnkg {__version__} networkx {version('networkx')} network"
    path = (
        Path(cache_root or DEFAULT_CACHE)
        / "network"
        / f"{graph_fingerprint(build_dir, salt)}.pickle"
    )
    if path.is_file():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # a damaged or foreign entry is rebuilt, never trusted
            path.unlink(missing_ok=True)
    net = claim_network(load_dataset(build_dir))
    with contextlib.suppress(OSError):  # a read-only folder only costs speed, never an answer
        write_atomic(path, pickle.dumps(net, protocol=pickle.HIGHEST_PROTOCOL))
    return net
