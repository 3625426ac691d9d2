"""SHACL shapes: the built graph conforms; graphs that break the claim model do not."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kg.shacl import assert_conforms, validate_shapes
from kg.vocab import ENT, NNKG, SRC

SEED_GRAPH = SRC["b12-electrical-nerve-balance"]


@pytest.fixture
def fresh():
    from kg.build import build_dataset

    return build_dataset()[0]


def test_built_graph_conforms(dataset):
    report = validate_shapes(dataset)
    assert report.conforms, report.messages


def _first_claim(ds):
    return sorted(ds.graph(SEED_GRAPH).subjects(RDF.type, NNKG.Claim))[0]


def test_claim_without_quote_does_not_conform(fresh):
    claim = _first_claim(fresh)
    fresh.graph(SEED_GRAPH).remove((claim, NNKG.quote, None))
    report = validate_shapes(fresh)
    assert not report.conforms
    assert len(report.messages) == 1
    assert "nnkg:quote" in report.messages[0] and "quote" in report.messages[0]


def test_claim_with_bad_offsets_and_certainty_does_not_conform(fresh):
    graph = fresh.graph(SEED_GRAPH)
    claim = _first_claim(fresh)
    graph.set((claim, NNKG.start, Literal(10_000)))
    graph.set((claim, NNKG.certainty, NNKG.Neutral))
    messages = validate_shapes(fresh).messages
    assert any("below its end" in m for m in messages)
    assert any("Asserted or nnkg:Hedged" in m for m in messages)


def test_entity_with_two_labels_does_not_conform(fresh):
    from kg.vocab import GRAPH_CATALOGUE

    fresh.graph(GRAPH_CATALOGUE).add((ENT["vitamin-b12"], RDFS.label, Literal("B12", lang="en")))
    with pytest.raises(Exception, match="exactly one English rdfs:label"):
        assert_conforms(fresh)


def test_source_without_hash_does_not_conform(fresh):
    fresh.graph(SEED_GRAPH).remove((SEED_GRAPH, NNKG.sha256, None))
    messages = validate_shapes(fresh).messages
    assert messages == (
        "src:b12-electrical-nerve-balance nnkg:sha256: a source needs the sha256 "
        "of its document (64 hex digits)",
    )


def test_background_check_reports_violations_from_its_process(fresh):
    from kg.errors import ShaclError
    from kg.shacl import BackgroundCheck

    fresh.graph(SEED_GRAPH).remove((_first_claim(fresh), NNKG.quote, None))
    with BackgroundCheck(fresh) as check, pytest.raises(ShaclError, match="non-empty quote"):
        check.result()


def test_background_check_passes_a_conforming_graph(dataset):
    from kg.shacl import BackgroundCheck

    with BackgroundCheck(dataset) as check:
        assert check.result() == validate_shapes(dataset)
