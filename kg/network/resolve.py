"""Entity resolution shared by every command that takes an ENTITY argument.

A name may be a label, a synonym, a slug, a CURIE of a cross-reference (``CHEBI:30411``),
an ``ent:`` CURIE or a full IRI; case, spacing and curly apostrophes do not matter.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

from kg.base.errors import UnknownEntityError
from kg.base.vocab import ENT_IRI, iri_to_curie
from kg.network.projection import ClaimNetwork

__all__ = ["EntityResolver", "normalize"]


def normalize(name: str) -> str:
    """The form names are compared in.

    >>> normalize("  Alzheimer’s   Disease ")
    "alzheimer's disease"
    """
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()


class EntityResolver:
    """Index of every name of every node of a claim network."""

    def __init__(self, net: ClaimNetwork):
        self.net = net
        self.index: dict[str, set[str]] = defaultdict(set)
        for iri, data in net.nodes(data=True):
            slug = iri.removeprefix(ENT_IRI)
            xrefs = [iri_to_curie(x) for x in data["exact"] + data["close"]]
            for name in [data["label"], *data["synonyms"], slug, f"ent:{slug}", iri, *xrefs]:
                self.index[normalize(name)].add(iri)

    def label(self, iri: str) -> str:
        return self.net.nodes[iri]["label"]

    def resolve(self, name: str) -> str:
        """The IRI of the one entity ``name`` names; raise UnknownEntityError otherwise, with
        the closest entities' labels in its message and its ``matches``."""
        found = self.index.get(normalize(name), set())
        if len(found) == 1:
            return next(iter(found))
        if found:
            options = ", ".join(
                f"{self.label(i)} (ent:{i.removeprefix(ENT_IRI)})" for i in sorted(found)
            )
            labels = [self.label(i) for i in sorted(found)]
            raise UnknownEntityError(f"ambiguous entity {name!r}: it names {options}", labels)
        labels = self.suggestions(name)
        hint = f"; did you mean: {', '.join(labels)}?" if labels else (
            "; no similar name (an entity is named by its label, a synonym, its slug, "
            "a CURIE or its IRI)"
        )  # fmt: skip
        raise UnknownEntityError(f"unknown entity {name!r}{hint}", labels)

    def suggestions(self, name: str, limit: int = 5) -> list[str]:
        """The labels of the entities whose names are closest to ``name``, closest first."""
        close = difflib.get_close_matches(normalize(name), list(self.index), n=8, cutoff=0.6)
        labels = dict.fromkeys(self.label(i) for c in close for i in sorted(self.index[c]))
        return list(labels)[:limit]
