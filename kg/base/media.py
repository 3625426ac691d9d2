"""The media type and file extension of every format nnkg writes, in one table.

The SPARQL result writers (:mod:`kg.sparql.results`), the endpoint's content negotiation
(:mod:`kg.endpoint.negotiation`), the remote engine's ``Accept`` (:mod:`kg.sparql.engines`)
and the export formats (:mod:`kg.export`) all read it, so the type an answer is sent as, the
``Accept`` that asks for it and the name of a file in it cannot drift apart.

>>> MEDIA["csv"].content_type
'text/csv; charset=utf-8'
>>> MEDIA["json"].content_type
'application/sparql-results+json'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MEDIA", "Media"]


@dataclass(frozen=True)
class Media:
    """How the web names one format: its media type (``type/subtype``, as ``Accept`` spells
    it), further types a client may ask for it by, and the usual file extension."""

    type: str
    extension: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` of bytes in this format: a text type names its charset
        (every writer writes UTF-8); the ``application/`` types define none."""
        return f"{self.type}; charset=utf-8" if self.type.startswith("text/") else self.type


#: Every format by the name its writer goes by.
MEDIA: dict[str, Media] = {
    # SPARQL 1.1 results, and the aligned table for people
    "json": Media("application/sparql-results+json", "srj", aliases=("application/json",)),
    "xml": Media("application/sparql-results+xml", "srx"),
    "csv": Media("text/csv", "csv"),
    "tsv": Media("text/tab-separated-values", "tsv"),
    "table": Media("text/plain", "txt"),
    # RDF graphs and datasets
    "turtle": Media("text/turtle", "ttl"),
    "nt": Media("application/n-triples", "nt"),
    "trig": Media("application/trig", "trig"),
    "jsonld": Media("application/ld+json", "jsonld"),
    # the claim network and the page
    "graphml": Media("application/graphml+xml", "graphml"),
    "html": Media("text/html", "html"),
}
