"""The nnkg TBox as Python objects: entity classes and the relations claims may state."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.base.errors import SourceFileError, one_line
from kg.base.files import ontology_dir

__all__ = ["Ontology", "RelationInfo", "load_ontology"]

SIGNS = {"Increases": "+", "Decreases": "-", "Neutral": "0"}


@dataclass(frozen=True)
class RelationInfo:
    """What the ontology declares about one claim predicate."""

    name: str
    label: str
    domain: str
    range: str
    polarity: str  # Increases | Decreases | Neutral
    structural: bool

    @property
    def sign(self) -> str:
        """The polarity as an ASCII sign: ``+``, ``-`` or ``0``."""
        return SIGNS[self.polarity]


class Ontology:
    """Read-only view of ``ontology/nnkg.ttl`` for curation checks and graph building."""

    def __init__(self, path: Path):
        from rdflib import Graph

        self.path = Path(path)
        self.graph = Graph()
        try:
            self.graph.parse(self.path, format="turtle")
        except FileNotFoundError:
            raise SourceFileError(f"{self.path}: ontology file not found") from None
        except Exception as exc:  # rdflib raises many parser types; all mean the same here
            raise SourceFileError(
                f"{self.path}: cannot parse the ontology: {one_line(exc)}"
            ) from None

    def _local(self, term) -> str:
        from kg.base.vocab import NNKG

        return str(term).removeprefix(str(NNKG._NS))

    @cached_property
    def superclasses(self) -> dict[str, frozenset[str]]:
        """Each entity class mapped to itself and all its ancestors (local names)."""
        from rdflib.namespace import RDFS

        from kg.base.vocab import NNKG

        parents: dict[str, set[str]] = {}
        for cls in self.graph.transitive_subjects(RDFS.subClassOf, NNKG.Entity):
            parents[self._local(cls)] = {
                self._local(sup) for sup in self.graph.transitive_objects(cls, RDFS.subClassOf)
            }
        return {cls: frozenset(sups) for cls, sups in parents.items()}

    @cached_property
    def entity_classes(self) -> frozenset[str]:
        """The classes an entity may be typed with: the concrete classes below nnkg:Entity.

        ``nnkg:Entity`` itself only says "something a claim is about" (relations that take
        any entity name it as their domain or range); a class the ontology declares to be
        the disjoint union of its subclasses (``owl:disjointUnionOf``) has no members of its
        own. Either says too little for the graph to show or reason with, so an entity
        names one of the subclasses.
        """
        from rdflib.namespace import OWL

        from kg.base.vocab import NNKG

        abstract = {self._local(cls) for cls in self.graph.subjects(OWL.disjointUnionOf, None)}
        abstract.add(self._local(NNKG.Entity))
        return frozenset(set(self.superclasses) - abstract)

    def subclasses(self, ancestor: str) -> list[str]:
        """The entity classes (concrete ones) that are ``ancestor`` or below it, sorted."""
        return sorted(cls for cls in self.entity_classes if self.is_a(cls, ancestor))

    def is_a(self, cls: str, ancestor: str) -> bool:
        """True when entity class ``cls`` is ``ancestor`` or one of its subclasses."""
        return ancestor in self.superclasses.get(cls, ())

    @cached_property
    def relations(self) -> dict[str, RelationInfo]:
        """Every relation a claim may state, by local name."""
        from rdflib.namespace import RDF, RDFS

        from kg.base.vocab import NNKG

        found: dict[str, RelationInfo] = {}
        for kind in (NNKG.Relation, NNKG.StructuralRelation):
            for prop in self.graph.subjects(RDF.type, kind):
                name = self._local(prop)
                found[name] = RelationInfo(
                    name=name,
                    label=str(self.graph.value(prop, RDFS.label)),
                    domain=self._local(self.graph.value(prop, RDFS.domain)),
                    range=self._local(self.graph.value(prop, RDFS.range)),
                    polarity=self._local(self.graph.value(prop, NNKG.polarity)),
                    structural=kind == NNKG.StructuralRelation,
                )
        return dict(sorted(found.items()))

    @cached_property
    def exposures(self) -> dict[str, str]:
        """The closed exposure vocabulary: each term's curator code (``skos:notation``,
        what ``exposure:`` in claims.yaml holds) mapped to its local name."""
        from rdflib.namespace import RDF, SKOS

        from kg.base.vocab import NNKG

        return dict(sorted(
            (str(self.graph.value(term, SKOS.notation)), self._local(term))
            for term in self.graph.subjects(RDF.type, NNKG.Exposure)
        ))  # fmt: skip


def load_ontology(directory: Path | None = None) -> Ontology:
    """Load ``nnkg.ttl`` from ``directory`` (default: the packaged ontology)."""
    return Ontology(Path(directory or ontology_dir()) / "nnkg.ttl")
