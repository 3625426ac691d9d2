"""TriG: the named graphs (ontology, catalogue, one per source), sorted by graph IRI."""

from __future__ import annotations

__all__ = ["write"]


def write(dataset, union=None) -> bytes:
    import io

    from rdflib.plugins.serializers.trig import TrigSerializer

    class SortedTrigSerializer(TrigSerializer):
        # rdflib lists contexts in set order, which changes with PYTHONHASHSEED.
        def __init__(self, store):
            super().__init__(store)
            self.contexts = sorted((g for g in self.contexts if len(g)), key=lambda g: g.identifier)

    stream = io.BytesIO()
    SortedTrigSerializer(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue()
