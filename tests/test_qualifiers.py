"""Context qualifiers on claims (issue 14, part 4): population, exposure and qualifier_text
checked in claims.yaml, written with Biolink's qualifier slots, part of a qualified claim's
IRI, and the one rule of contradiction, in the network answers and in competency-12 alike:
two claims are set apart only when both carry the same qualifier with different values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TINY_DOC, tiny_claims, write_source

from kg.base.model import claim_hash
from kg.base.vocab import BIOLINK, ENT, NNKG, NNKG_NS
from kg.cli import cli

B12 = ENT + "vitamin-b12"
NORMAL_B12 = ENT + "people-with-normal-b12-levels"
NORMAL_B12_LABEL = "people with normal vitamin B12 levels"
SUPPLEMENT = NNKG_NS.ExposureSupplement


# ------------------------------------------------------------------ curation checks


def _validate(runner, tmp_path: Path, **fields) -> list[str]:
    claims = tiny_claims()
    claims[0].update(fields)
    write_source(tmp_path / "src", TINY_DOC, claims)
    result = runner.invoke(cli, ["validate", "--sources", str(tmp_path / "src")])
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if "claims.yaml" in line]
    assert (result.exit_code == 0) == (not lines), result.output
    return lines


def test_good_qualifiers_validate(runner, tmp_path):
    ok = {"population": "vegans", "exposure": "supplement", "qualifier_text": "Vitamin B12"}
    assert _validate(runner, tmp_path, **ok) == []


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"population": "vegan", "qualifier_text": "Vitamin B12"},
         "claims.yaml:11: population: unknown entity 'vegan'; did you mean: vegans"),
        ({"population": "egg", "qualifier_text": "Vitamin B12"},
         "claims.yaml:11: population: 'egg' is a Food, not a PopulationGroup"),
        ({"exposure": "pills", "qualifier_text": "Vitamin B12"},
         "claims.yaml:11: exposure: unknown exposure 'pills' (one of deficiency-state, diet, "
         "fortified-food, high-dose, supplement)"),
        ({"population": "vegans"},
         "claims.yaml:1: qualifier_text: missing: say which words of the quote give the "
         "population or exposure"),
        ({"exposure": "diet", "qualifier_text": "in vegans"},
         "claims.yaml:12: qualifier_text: 'in vegans' does not occur in the quote"),
        ({"qualifier_text": "Vitamin B12"},
         "claims.yaml:11: qualifier_text: given without a population or exposure to ground"),
        ({"exposure": 3, "qualifier_text": "Vitamin B12"},
         "claims.yaml:11: exposure: must be text, not 3"),
    ],
)  # fmt: skip
def test_a_bad_qualifier_is_one_line_naming_file_line_and_field(runner, tmp_path, fields, expected):
    lines = _validate(runner, tmp_path, **fields)
    assert len(lines) == 1, lines
    assert lines[0].split("/src/", 1)[1].startswith(expected), lines[0]


def test_claims_that_differ_only_in_context_are_not_duplicates(runner, tmp_path):
    one, _ = tiny_claims()
    vegans = {**one, "population": "vegans", "qualifier_text": "Vitamin B12"}
    vegetarians = {**vegans, "population": "vegetarians"}
    write_source(tmp_path / "src", TINY_DOC, [one, vegans, vegetarians])
    result = runner.invoke(cli, ["validate", "--sources", str(tmp_path / "src")])
    assert result.exit_code == 0, result.output
    write_source(tmp_path / "src", TINY_DOC, [one, vegans, dict(vegans)])
    result = runner.invoke(cli, ["validate", "--sources", str(tmp_path / "src")])
    assert result.exit_code == 1 and "duplicate of the claim at line" in result.stderr


# ------------------------------------------------------------------ RDF and IRIs


def test_a_qualified_claim_has_its_own_iri_and_an_unqualified_one_keeps_its_own():
    plain = claim_hash("s", "a", "p", "b", 0, 5)
    assert plain == "a7be2edb4cfabe71"  # the rule every unqualified claim's IRI was made by
    vegans = claim_hash("s", "a", "p", "b", 0, 5, population="vegans")
    supplement = claim_hash("s", "a", "p", "b", 0, 5, exposure="supplement")
    both = claim_hash("s", "a", "p", "b", 0, 5, population="vegans", exposure="supplement")
    assert len({plain, vegans, supplement, both}) == 4


def test_packaged_qualified_claims_in_rdf(quads):
    from kg.rdf.quads import iri, literal

    about = quads.about
    denial = [
        c for c, p in about.items()
        if p.get(iri(BIOLINK["population_context_qualifier"])) == [iri(NORMAL_B12)]
    ]  # fmt: skip
    assert len(denial) == 4  # cognition, cognitive decline, dementia, Alzheimer's
    for claim in denial:
        assert about[claim][iri(BIOLINK["subject_context_qualifier"])] == [iri(SUPPLEMENT)]
        assert about[claim][iri(NNKG.qualifierText)] == [literal(
            "in people whose vitamin B12 levels are normal, taking vitamin B12 supplements"
        )]  # fmt: skip


def test_only_qualified_packaged_claims_changed_their_iris(packaged_claims, quads):
    """Every packaged claim's IRI is the old rule's, except the qualified ones'."""
    from kg.base.vocab import CLAIM
    from kg.rdf.quads import iri

    written = {s for _, s, p, o in quads.quads if o == iri(NNKG.Claim)}
    qualified = 0
    for c in packaged_claims:
        key = (c["source"], c["subject"], c["predicate"], c["object"], c["start"], c["end"])
        old = claim_hash(*key)
        new = claim_hash(*key, population=c.get("population"), exposure=c.get("exposure"))
        qualified += old != new
        assert iri(CLAIM[new]) in written
        assert (old == new) == ("population" not in c and "exposure" not in c)
    assert qualified == 7


def test_shacl_needs_the_words_of_a_qualified_claim(quads):
    from kg.rdf.quads import Quads, iri
    from kg.rdf.shacl import validate_shapes

    text = iri(NNKG.qualifierText)
    broken = Quads.of(q for q in quads.quads if q[2] != text)
    report = validate_shapes(broken)
    assert not report.conforms
    assert all("needs its qualifierText" in m for m in report.messages)
    assert len(report.messages) == 7


# ------------------------------------------------------------------ the rule, on a fixture

# (source, sentence, object, negated, qualifiers): every claim is vitamin B12 prevents X.
VEGANS = {"population": "vegans", "qualifier_text": "In vegans"}
SENTENCES = {
    "article": [
        ("In vegetarians B12 prevents Alzheimer disease.", "alzheimers-disease", False,
         {"population": "vegetarians", "qualifier_text": "In vegetarians"}),
        ("B12 prevents multiple sclerosis.", "multiple-sclerosis", False, {}),
        ("In vegans B12 prevents neurodegenerative disease.", "neurodegenerative-disease", False,
         {"population": "vegans", "qualifier_text": "In vegans"}),
        ("In vegans B12 taken as a supplement prevents nerve damage.", "nerve-damage", False,
         {"population": "vegans", "exposure": "supplement",
          "qualifier_text": "In vegans B12 taken as a supplement"}),
        ("In vegans B12 prevents demyelination.", "demyelination", False,
         {"population": "vegans", "qualifier_text": "In vegans"}),
        ("In vegetarians B12 prevents demyelination.", "demyelination", False,
         {"population": "vegetarians", "qualifier_text": "In vegetarians"}),
    ],
    "sheet": [
        ("In vegans B12 does not prevent Alzheimer disease.", "alzheimers-disease", True,
         {"population": "vegans", "qualifier_text": "In vegans"}),
        ("In vegans B12 does not prevent multiple sclerosis.", "multiple-sclerosis", True,
         {"population": "vegans", "qualifier_text": "In vegans"}),
        ("In vegans B12 does not prevent neurodegenerative disease.",
         "neurodegenerative-disease", True, VEGANS),
        ("In vegans B12 from the diet does not prevent nerve damage.", "nerve-damage", True,
         {**VEGANS, "exposure": "diet", "qualifier_text": "In vegans B12 from the diet"}),
        ("In vegans B12 does not prevent demyelination.", "demyelination", True,
         {"population": "vegans", "qualifier_text": "In vegans"}),
    ],
}  # fmt: skip
#: What opposes what: set apart (different population; the same population, different
#: exposure) or not (one side names no population; the same population).
CONTESTED = {"multiple-sclerosis", "neurodegenerative-disease", "demyelination"}
APART = {"alzheimers-disease", "nerve-damage"}


def _write(root: Path, qualified: bool) -> Path:
    for source, sentences in SENTENCES.items():
        document, claims = "", []
        for text, obj, negated, qualifiers in sentences:
            start = len(document)
            document += text + " "
            claims.append({
                "subject": "vitamin-b12", "predicate": "prevents", "object": obj,
                "quote": text, "start": start, "end": start + len(text), "subject_text": "B12",
                "object_text": text.rstrip(".").rsplit(" prevent", 1)[1].split(" ", 1)[1],
                "certainty": "asserted", "negated": negated, **(qualifiers if qualified else {}),
            })  # fmt: skip
        kind = "PopularArticle" if source == "article" else "FactSheet"
        write_source(root / source, document, claims, kind=kind)
    return root


@pytest.fixture(scope="module", params=[True, False], ids=["qualified", "unqualified"])
def fixture(request, tmp_path_factory):
    from kg import build_quads, claim_network

    root = _write(tmp_path_factory.mktemp("qualifiers"), request.param)
    quads, report = build_quads([root], include_packaged=False)
    assert not report.problems, report.problems
    return request.param, quads, claim_network(quads)


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ({}, {}, True),
        ({"population": "a"}, {}, True),  # a missing qualifier matches anything
        ({"population": "a"}, {"population": "a"}, True),
        ({"population": "a"}, {"population": "b"}, False),
        ({"population": "a", "exposure": "x"}, {"population": "a", "exposure": "y"}, False),
        ({"population": "a"}, {"exposure": "y"}, True),  # different qualifiers never clash
    ],
)
def test_opposes_sets_claims_apart_only_by_the_same_qualifier_with_other_values(
    mine, theirs, expected
):
    from kg.network.contested import opposes

    says = {"predicate": "p", "sign": "-", "negated": False, **mine}
    denies = {"predicate": "p", "sign": "-", "negated": True, **theirs}
    assert opposes(says, denies) is expected
    assert opposes(denies, says) is expected


def _contested_objects(net) -> set[str]:
    from kg.network.contested import contradictions

    return {c.object.removeprefix(ENT) for c in contradictions(net)}


def test_different_populations_do_not_contradict_the_same_claims_without_them_do(fixture):
    qualified, _, net = fixture
    assert _contested_objects(net) == (CONTESTED if qualified else CONTESTED | APART)
    for obj in APART:
        edges = net[B12][ENT + obj]
        assert all(bool(e["against"]) is not qualified for e in edges.values())


def test_claims_of_one_edge_are_judged_each_in_its_context(fixture):
    qualified, _, net = fixture
    edges = net[B12][ENT + "demyelination"]
    denial = [c.quote for c in edges["prevents"]["against"]]
    assert denial == ["In vegans B12 does not prevent demyelination."]
    against = sorted(c.quote for c in edges["not prevents"]["against"])
    vegans, vegetarians = (f"In {p} B12 prevents demyelination." for p in ("vegans", "vegetarians"))
    assert against == ([vegans] if qualified else [vegans, vegetarians])


def test_contradictions_show_each_sides_qualifiers(fixture):
    from kg.network.answers import contradictions_dict, contradictions_text
    from kg.network.contested import contradictions

    qualified, _, net = fixture
    found = contradictions(net)
    answer = contradictions_dict(net, found)
    (ms,) = [r for r in answer["contradictions"] if r["object"]["label"] == "multiple sclerosis"]
    says, denies = ms["sides"]
    assert "population" not in says["claims"][0]
    if qualified:
        assert denies["claims"][0]["population"] == {"iri": ENT + "vegans", "label": "vegans"}
        assert denies["claims"][0]["qualifier_text"] == "In vegans"
        assert "exposure" not in denies["claims"][0]
        assert 'context: population = vegans ("In vegans")' in contradictions_text(net, found)
    else:
        assert "population" not in denies["claims"][0]
        assert "context:" not in contradictions_text(net, found)


def _competency_12(quads, store: str) -> set[tuple[str, str]]:
    from kg.rdf.dataset import quads_dataset
    from kg.sparql.engines import MemoryEngine, OxigraphEngine
    from kg.sparql.queries import resolve_query
    from kg.sparql.run import run_query

    if store == "memory":
        engine = MemoryEngine(quads_dataset(quads))
    else:
        import pyoxigraph as ox

        oxi = ox.Store()
        oxi.load(quads.nquads().encode(), ox.RdfFormat.N_QUADS)
        oxi.load(quads.ntriples().encode(), ox.RdfFormat.N_TRIPLES)  # the union, as default
        engine = OxigraphEngine(oxi)
    result = run_query(engine, resolve_query("competency-12"))
    rows = [dict(zip(result.variables, (t and t.value for t in r), strict=True))
            for r in result.rows]  # fmt: skip
    return {(r["objectLabel"], r["negated"]) for r in rows if r["finding"] == "contradiction"}


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_competency_12_follows_the_same_rule(fixture, store):
    qualified, quads, net = fixture
    found = _competency_12(quads, store)
    labels = {net.nodes[ENT + o]["label"] for o in (CONTESTED if qualified else CONTESTED | APART)}
    assert found == {(label, n) for label in labels for n in ("true", "false")}


def test_competency_12_lets_a_denial_of_the_opposite_polarity_agree(tmp_path):
    from kg import build_quads

    document = "B12 prevents Alzheimer disease. B12 does not cause Alzheimer disease. "
    claims = [
        {"subject": "vitamin-b12", "predicate": predicate, "object": "alzheimers-disease",
         "quote": quote, "start": document.index(quote), "end": document.index(quote) + len(quote),
         "subject_text": "B12", "object_text": "Alzheimer disease", "certainty": "asserted",
         "negated": negated}
        for quote, predicate, negated in (("B12 prevents Alzheimer disease.", "prevents", False),
                                          ("B12 does not cause Alzheimer disease.", "causes", True))
    ]  # fmt: skip
    write_source(tmp_path / "one", document, claims[:1], kind="PopularArticle")
    write_source(tmp_path / "two", document, claims[1:])
    quads, report = build_quads([tmp_path], include_packaged=False)
    assert not report.problems
    assert _competency_12(quads, "memory") == set() == _competency_12(quads, "oxigraph")


# ------------------------------------------------------------------ the packaged answers


def test_the_b12_alzheimer_pair_stays_contested_and_shows_the_fact_sheets_context(runner, built):
    def run(*args: str):
        result = runner.invoke(cli, [*args, "--build", str(built)])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout) if "json" in args else result.stdout

    answer = run("path", "dietary supplement", "Alzheimer disease", "--format", "json")
    (hop,) = [h for h in answer["paths"][0]["hops"] if h["object"]["label"] == "Alzheimer disease"]
    (denial,) = hop["against"]
    assert hop["contested"] and "population" not in hop["claims"][0]
    assert denial["population"] == {"iri": NORMAL_B12, "label": NORMAL_B12_LABEL}
    assert denial["exposure"] == {"iri": str(SUPPLEMENT), "label": "supplement"}
    assert denial["qualifier_text"].startswith("in people whose vitamin B12 levels are normal")
    text = " ".join(run("path", "dietary supplement", "Alzheimer disease").split())
    assert ("context: population = people with normal vitamin B12 levels; exposure = "
            "supplement (\"in people whose vitamin B12 levels are normal") in text  # fmt: skip
    (pair,) = run("contradictions", "--format", "json")["contradictions"]
    assert pair["sides"][1]["claims"][0]["exposure"]["label"] == "supplement"
    shown = run("show", "Alzheimer disease", "--format", "json")["claims"]["in"]
    assert any(c.get("population") for e in shown for c in e["claims"])
    assert "context: population" in run("neighbors", "Alzheimer disease")


def test_the_curated_qualifiers_are_the_documents_words(packaged_claims, documents):
    qualified = [c for c in packaged_claims if "qualifier_text" in c]
    assert len(qualified) == 7
    for claim in qualified:
        assert claim["qualifier_text"] in claim["quote"]
    by_source = {c["source"] for c in qualified}
    assert by_source == {"b12-electrical-nerve-balance", "nih-ods-b12-factsheet"}
