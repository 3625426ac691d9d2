"""Synthetic claim networks for page and path benchmarks (and the large-page test).

Deterministic for a given size and seed: power-law degrees (preferential attachment),
about 15 % hedged and 3 % negated claims, entity classes as in the ontology.
"""

from __future__ import annotations

import random

CLASSES = ["Nutrient", "ChemicalEntity", "Food", "BiologicalProcess", "PhysiologicalFunction",
           "AnatomicalStructure", "Disease", "Phenotype"]  # fmt: skip
RELATIONS = [("promotes", "+"), ("prevents", "-"), ("causes", "+"), ("disrupts", "-"),
             ("regulates", "0")]  # fmt: skip
ENT = "https://w3id.org/nnkg/entity/"
NNKG = "https://w3id.org/nnkg/ontology#"


def synthetic_network(nodes: int, *, edges_per_node: int = 2, seed: int = 7):
    """A claim network shaped like the one kg.network.projection.claim_network makes."""
    import networkx as nx

    from kg.base.model import Certainty
    from kg.network.projection import Evidence

    rng = random.Random(seed)
    skeleton = nx.barabasi_albert_graph(nodes, edges_per_node, seed=seed)
    net = nx.MultiDiGraph()
    net.graph["sources"] = {f"synthetic-{i}": {"title": f"Synthetic source {i}", "kind": "Review"}
                            for i in range(10)}  # fmt: skip
    for n in skeleton:
        net.add_node(f"{ENT}e{n}", label=f"entity {n}", types=[CLASSES[n % len(CLASSES)]],
                     synonyms=[], definition="", exact=[], close=[])  # fmt: skip
    for a, b in sorted(skeleton.edges()):
        u, v = (a, b) if rng.random() < 0.5 else (b, a)
        name, sign = rng.choice(RELATIONS)
        hedged, negated = rng.random() < 0.15, rng.random() < 0.03
        source = f"synthetic-{rng.randrange(10)}"
        quote = f"entity {u} {name} entity {v}"
        claim = Evidence(source, 0, len(quote), quote, f"https://w3id.org/nnkg/claim/{u}-{v}",
                         Certainty.HEDGED if hedged else Certainty.ASSERTED, negated)  # fmt: skip
        net.add_edge(f"{ENT}e{u}", f"{ENT}e{v}", key=("not " if negated else "") + name,
                     predicate=NNKG + name, name=name, label=name, sign=sign, structural=False,
                     negated=negated, certainty=claim.certainty, claims=[claim])  # fmt: skip
    return net
