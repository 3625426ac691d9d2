"""SHACL shapes: the built graph conforms; graphs that break the claim model do not; and
nnkg's engine (shapes compiled to SPARQL, run by Oxigraph) agrees with pyshacl."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import ShaclError
from kg.quads import Quads, iri, literal
from kg.shacl import assert_conforms, validate_shapes
from kg.vocab import ENT, GRAPH_CATALOGUE, NNKG, SRC

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SEED_GRAPH = iri(SRC["b12-electrical-nerve-balance"])


@pytest.fixture(scope="module")
def fresh() -> Quads:
    from kg.build import build_quads

    return build_quads()[0]


def _first_claim(quads: Quads) -> str:
    return min(s for g, s, p, o in quads.quads if p == RDF_TYPE and o == iri(NNKG.Claim))


def _edit(quads: Quads, *, drop=lambda quad: False, add=()) -> Quads:
    return Quads.of([q for q in quads.quads if not drop(q)] + list(add))


def test_built_graph_conforms(quads):
    report = validate_shapes(quads)
    assert report.conforms, report.messages


def test_claim_without_quote_does_not_conform(fresh):
    claim = _first_claim(fresh)
    report = validate_shapes(_edit(fresh, drop=lambda q: q[1:3] == (claim, iri(NNKG.quote))))
    assert not report.conforms
    assert len(report.messages) == 1
    assert "nnkg:quote" in report.messages[0] and "quote" in report.messages[0]


def test_claim_with_bad_offsets_and_certainty_does_not_conform(fresh):
    claim = _first_claim(fresh)
    changed = {iri(NNKG.start), iri(NNKG.certainty)}
    broken = _edit(
        fresh,
        drop=lambda q: q[1] == claim and q[2] in changed,
        add=[
            (SEED_GRAPH, claim, iri(NNKG.start), literal("10000", datatype=XSD + "integer")),
            (SEED_GRAPH, claim, iri(NNKG.certainty), iri(NNKG.Neutral)),
        ],
    )
    messages = validate_shapes(broken).messages
    assert any("below its end" in m for m in messages)
    assert any("Asserted or nnkg:Hedged" in m for m in messages)


def test_entity_with_two_labels_does_not_conform(fresh):
    label = (iri(GRAPH_CATALOGUE), iri(ENT["vitamin-b12"]), LABEL, literal("B12", lang="en"))
    with pytest.raises(ShaclError, match="exactly one English rdfs:label"):
        assert_conforms(_edit(fresh, add=[label]))


def test_source_without_hash_does_not_conform(fresh):
    broken = _edit(fresh, drop=lambda q: q[1:3] == (SEED_GRAPH, iri(NNKG.sha256)))
    assert validate_shapes(broken).messages == (
        "src:b12-electrical-nerve-balance nnkg:sha256: a source needs the sha256 "
        "of its document (64 hex digits)",
    )


def test_an_unsupported_constraint_is_refused_not_skipped(tmp_path, fresh):
    from kg.resources import ontology_dir

    shapes = (ontology_dir() / "shapes.ttl").read_text(encoding="utf-8")
    odd = tmp_path / "shapes.ttl"
    odd.write_text(shapes.replace("sh:minLength 1 ;", "sh:uniqueLang true ;", 1), "utf-8")
    with pytest.raises(ShaclError, match="sh:uniqueLang is not supported"):
        validate_shapes(fresh, odd)


def test_background_check_reports_violations_from_its_process(fresh):
    from kg.shacl import BackgroundCheck

    claim = _first_claim(fresh)
    broken = _edit(fresh, drop=lambda q: q[1:3] == (claim, iri(NNKG.quote)))
    with BackgroundCheck(broken) as check, pytest.raises(ShaclError, match="non-empty quote"):
        check.result()


def test_background_check_passes_a_conforming_graph(quads):
    from kg.shacl import BackgroundCheck

    with BackgroundCheck(quads) as check:
        assert check.result() == validate_shapes(quads)


# --- nnkg's engine against pyshacl, on graphs broken at random --------------------------

PATHS = [iri(NNKG[p]) for p in ("quote", "start", "end", "certainty", "negated", "sha256")] + [
    LABEL,
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>",
    "<http://www.w3.org/2004/02/skos/core#altLabel>",
    "<http://www.w3.org/2004/02/skos/core#exactMatch>",
    "<http://purl.org/dc/terms/title>",
]
VALUES = [
    literal(""),
    literal("text"),
    literal("text", lang="de"),
    literal("text", lang="en"),
    literal("-1", datatype=XSD + "integer"),
    literal("99999", datatype=XSD + "integer"),
    literal("seven", datatype=XSD + "integer"),
    literal("maybe", datatype=XSD + "boolean"),
    literal("true", datatype=XSD + "boolean"),
    literal("1.5", datatype=XSD + "decimal"),
    literal("0" * 64),
    iri(NNKG.Hedged),
    iri(NNKG.Neutral),
    iri(ENT["myelin"]),
    iri(SRC["nih-ods-b12-factsheet"]),
]


@pytest.fixture(scope="module")
def small(fresh) -> Quads:
    """The ontology, the catalogue, one source's node and three of its claims."""
    claims = sorted({s for _, s, p, o in fresh.quads if o == iri(NNKG.Claim)})[:3]
    keep = set(claims) | {SEED_GRAPH}
    return _edit(fresh, drop=lambda q: q[0] == SEED_GRAPH and q[1] not in keep)


def _pyshacl(quads: Quads) -> set[str]:
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH

    from kg.resources import ontology_dir
    from kg.writers.turtle import Compactor

    data = Graph().parse(data=quads.ntriples(), format="nt")
    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    spell = Compactor()
    return {
        f"{spell(report.value(r, SH.focusNode).n3())} {spell(report.value(r, SH.resultPath).n3())}"
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    }


@pytest.mark.filterwarnings("ignore:Parsing weird boolean")  # rdflib, on our ill-typed "maybe"
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_engine_agrees_with_pyshacl_on_broken_graphs(small, data):
    subjects = sorted({q[1] for q in small.quads if q[0] != iri("https://w3id.org/nnkg/ontology")})
    removable = [q for q in small.quads if q[1] in subjects]
    dropped = set(data.draw(st.lists(st.sampled_from(removable), max_size=3)))
    added = data.draw(
        st.lists(
            st.tuples(st.sampled_from(subjects), st.sampled_from(PATHS), st.sampled_from(VALUES)),
            max_size=3,
        )
    )
    broken = _edit(small, drop=dropped.__contains__, add=[(SEED_GRAPH, *t) for t in added])
    ours = {m.split(": ", 1)[0] for m in validate_shapes(broken).messages}
    assert ours == _pyshacl(broken)
