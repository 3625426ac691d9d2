"""Content negotiation and media types: one table (kg.base.media) gives every writer's
Content-Type, what Accept matches, and the export formats' types and extensions."""

from __future__ import annotations

import pytest

from kg.base.media import MEDIA
from kg.endpoint.negotiation import negotiate, supported


@pytest.mark.parametrize(
    "accept, graph, writer",
    [
        (None, False, "json"),
        ("*/*", False, "json"),
        ("application/*", False, "json"),
        ("text/*", False, "csv"),
        ("application/json", False, "json"),
        ("APPLICATION/SPARQL-RESULTS+XML", False, "xml"),
        ("application/json, text/csv", False, "csv"),  # a tie: a writer's own type first
        ("application/json, text/csv;q=0.9", False, "json"),
        ("text/csv;q=0.5, application/sparql-results+xml", False, "xml"),
        ("text/tab-separated-values, */*;q=0.1", False, "tsv"),
        ("text/csv;q=0, */*", False, "json"),
        ("image/png", False, None),
        ("text/turtle", False, None),
        (None, True, "turtle"),
        ("application/*", True, "nt"),
        ("text/*", True, "turtle"),
        ("application/n-triples, text/turtle", True, "turtle"),
        ("application/sparql-results+json", True, None),
    ],
)
def test_accept_picks_a_writer(accept, graph, writer):
    assert negotiate(accept, graph) == writer


def test_content_types_and_the_supported_lists():
    assert {name: MEDIA[name].content_type for name in MEDIA} == {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv; charset=utf-8",
        "tsv": "text/tab-separated-values; charset=utf-8",
        "table": "text/plain; charset=utf-8",
        "turtle": "text/turtle; charset=utf-8",
        "nt": "application/n-triples",
        "trig": "application/trig",
        "jsonld": "application/ld+json",
        "graphml": "application/graphml+xml",
        "html": "text/html; charset=utf-8",
    }
    assert supported(False) == (
        "application/sparql-results+json, application/sparql-results+xml, text/csv, "
        "text/tab-separated-values, application/json"
    )
    assert supported(True) == "text/turtle, application/n-triples"


def test_every_writer_has_a_media_type():
    from kg.export import FORMATS
    from kg.sparql.results import GRAPH_FORMATS, TABLE_FORMATS

    assert set(TABLE_FORMATS) | set(GRAPH_FORMATS) <= set(MEDIA)
    assert {f.name: (f.media.type, f.media.extension) for f in FORMATS.values()} == {
        "ttl": ("text/turtle", "ttl"),
        "nt": ("application/n-triples", "nt"),
        "trig": ("application/trig", "trig"),
        "jsonld": ("application/ld+json", "jsonld"),
        "graphml": ("application/graphml+xml", "graphml"),
        "html": ("text/html", "html"),
    }
