"""Both sides on the page, in real headless Chromium: each edge's card says who says so and
who says otherwise (with the sources' kinds), contested edges stand out, a filter shows only
them, and a crafted build's hostile text on either side stays text."""

from __future__ import annotations

import json

import pytest
from browser import chromium, edge_point, open_page
from click.testing import CliRunner
from test_page_security import InlineCode, assert_inert, hostile, lit

from kg.cli import cli
from kg.rdf.claims import POPULATION_QUALIFIER, SUBJECT_CONTEXT_QUALIFIER

ENT = "https://w3id.org/nnkg/entity/"
MARK = "\u26a0 "
# the affirmed edge of the packaged graph's contested pair, as the page's data finds it
B12_PREVENTS_ALZHEIMER = """() => nnkg.edges.get({filter: e => !e.negated
    && nnkg.nodes.get(e.from).label === 'vitamin B12' && e.relation === 'prevents'
    && nnkg.nodes.get(e.to).label === 'Alzheimer disease'})[0]"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def seed_page(browser, built):
    visit = open_page(browser, built / "nnkg.html")
    yield visit
    visit.page.context.close()


def contested_edges(net) -> set[tuple[str, str, bool]]:
    return {(u, v, d["negated"]) for u, v, d in net.edges(data=True) if d["against"]}


ZOOM_IN = """(e) => {
    const at = nnkg.network.getPositions([e.from, e.to]);
    const position = {x: (at[e.from].x + at[e.to].x) / 2, y: (at[e.from].y + at[e.to].y) / 2};
    nnkg.network.moveTo({position, scale: 1.6, animation: false});
}"""


def hover(page, edge: dict):
    """Hover the edge, its two ends in view (the opposed edges run side by side); its tooltip,
    once shown."""
    page.mouse.move(5, 5)
    page.evaluate(ZOOM_IN, edge)
    point = edge_point(page, edge["id"])
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip


def sides(card) -> list[str]:
    """The text of a card's two parts: who says so, who says otherwise."""
    return card.locator(".side").all_text_contents()


def test_the_data_carries_each_edges_claims_against(built, net):
    data = json.loads(InlineCode((built / "nnkg.html").read_text(encoding="utf-8")).data[0])
    against = {(e["from"], e["to"], e["negated"]): e["against"] for e in data["edges"]}
    for u, v, d in net.edges(data=True):
        assert [c["iri"] for c in against[u, v, d["negated"]]] == [c.iri for c in d["against"]]
    assert {k for k, claims in against.items() if claims} == contested_edges(net)
    assert len(contested_edges(net)) == 2  # the pair below, one edge each way


def test_hovering_the_contested_edge_shows_both_sides(seed_page, net, documents):
    page = seed_page.page
    edge = page.evaluate(B12_PREVENTS_ALZHEIMER)
    data = net.edges[edge["from"], edge["to"], "prevents"]
    (claim,), (denial,) = data["claims"], data["against"]
    assert claim.source == "b12-electrical-nerve-balance" and claim.certainty.term == "Hedged"
    assert denial.source == "nih-ods-b12-factsheet" and denial.negated
    for c in (claim, denial):
        assert documents[c.source][c.start : c.end] == c.quote

    tooltip = hover(page, edge)
    so, otherwise = sides(tooltip)
    assert so.startswith("Who says so:") and claim.quote in so
    assert "characters 2548–2681 hedged PopularArticle" in so
    assert otherwise.startswith("Who says otherwise:says NOT prevents")
    assert denial.quote in otherwise
    assert "characters 1791–1987 asserted FactSheet" in otherwise
    assert claim.quote not in otherwise and denial.quote not in so
    assert f"{MARK}contested" in tooltip.text_content()
    assert sides(page.locator("#details")) == [so, otherwise]  # the card, shown beside too

    # clicking the edge selects it and shows the same card
    page.mouse.click(*edge_point(page, edge["id"]).values())
    assert page.evaluate("nnkg.network.getSelectedEdges()") == [edge["id"]]
    assert sides(page.locator("#details")) == [so, otherwise]
    page.evaluate("nnkg.network.unselectAll()")


def test_the_denial_is_contested_by_the_article(seed_page):
    page = seed_page.page
    denial = page.evaluate(B12_PREVENTS_ALZHEIMER.replace("!e.negated", "e.negated"))
    card = page.evaluate("(id) => nnkg.edges.get(id).title.textContent", denial["id"])
    assert "Who says otherwise:says prevents“Studies have suggested" in card
    assert card.endswith("hedged PopularArticle source text")  # then its button


def test_contested_edges_stand_out(seed_page, net):
    page = seed_page.page
    drawn = page.evaluate(
        "nnkg.edges.get().map(e => [e.from, e.to, e.negated, e.label, e.background || null])"
    )
    contested = contested_edges(net)
    for u, v, negated, label, band in drawn:
        if (u, v, negated) in contested:  # a striped band and a warning sign, not a colour
            assert label.startswith(MARK) and band["enabled"] and band["dashes"]
        else:
            assert not label.startswith(MARK) and band is None
    legend = page.locator("#legend").text_content()
    assert f"contested: another claim says otherwise (striped band, {MARK}before" in legend
    card = page.evaluate("nnkg.edges.get({filter: e => !e.against.length})[0].title.textContent")
    assert "Who says otherwise:No claim in this graph says otherwise." in card


def test_contested_only_filter_leaves_exactly_the_contested_edges(seed_page, net):
    page = seed_page.page
    visible = "nnkg.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to, e.negated])"
    shown_nodes = "nnkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"
    assert page.text_content("label:has(#only-contested)").strip() == "contested only (2)"
    page.check("#only-contested")
    assert {tuple(e) for e in page.evaluate(visible)} == contested_edges(net)
    assert set(page.evaluate(shown_nodes)) == {ENT + "vitamin-b12", ENT + "alzheimers-disease"}
    page.uncheck("#show-denied")  # the filters combine
    assert page.evaluate(visible) == [[ENT + "vitamin-b12", ENT + "alzheimers-disease", False]]
    page.check("#show-denied")
    page.uncheck("#only-contested")
    assert len(page.evaluate(visible)) == net.number_of_edges()
    assert len(page.evaluate(shown_nodes)) == net.number_of_nodes()


def test_path_page_says_its_path_is_contested(browser, built, tmp_path):
    out = tmp_path / "path.html"
    command = ["render", "--build", str(built), "--path", "dietary supplement",
               "Alzheimer disease", "-o", str(out)]  # fmt: skip
    assert CliRunner().invoke(cli, command).exit_code == 0
    visit = open_page(browser, out)
    page = visit.page
    note = "Path dietary supplement → Alzheimer disease: sign -, hedged, contested"
    assert page.inner_text("#path-note") == note
    lit_edges = page.evaluate(
        "nnkg.edges.get({filter: e => e.color.opacity === 1}).map(e => [e.label, e.background])"
    )
    assert [MARK + "prevents", True] in [[label, b and b["enabled"]] for label, b in lit_edges]
    faded = page.evaluate("nnkg.edges.get({filter: e => e.color.opacity < 1 && e.background})")
    assert faded and all(not e["background"]["enabled"] for e in faded)  # no band when faded
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()


def contested_trig() -> str:
    """ent:a —hostile→ ent:b said (hedged) by one source and denied, in a context, by another,
    every text field hostile: labels, relation, quotes, titles, context; the second source of
    a kind the graph does not rank."""
    context = (f"{POPULATION_QUALIFIER} ent:p ; {SUBJECT_CONTEXT_QUALIFIER} nnkg:x ;"
               f" nnkg:qualifierText {lit(hostile('context'))} ;")  # fmt: skip
    claims = [
        ("one", "Hedged", "false", "FactSheet", ""),
        ("two", "Asserted", "true", "Bad", context),
    ]
    graphs = "".join(
        f"""
<https://w3id.org/nnkg/source/{name}> {{
    <https://w3id.org/nnkg/source/{name}> a nnkg:Source ; nnkg:sourceKind nnkg:{kind} ;
        dcterms:title {lit(hostile(f"title {name}"))} .
    claim:{name} a nnkg:Claim ; rdf:subject ent:a ; rdf:predicate nnkg:hostile ;
        rdf:object ent:b ; prov:wasDerivedFrom <https://w3id.org/nnkg/source/{name}> ;
        nnkg:quote {lit(hostile(f"quote {name}"))} ; nnkg:start 0 ; nnkg:end 9 ;
        {qualified} nnkg:certainty nnkg:{certainty} ; nnkg:negated {negated} .
}}"""
        for name, certainty, negated, kind, qualified in claims
    )
    return f"""\
@prefix claim: <https://w3id.org/nnkg/claim/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ent: <{ENT}> .
@prefix nnkg: <https://w3id.org/nnkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<https://w3id.org/nnkg/ontology> {{
    nnkg:hostile a nnkg:Relation ; rdfs:label {lit(hostile("relation"))} ;
        nnkg:polarity nnkg:Increases .
    nnkg:x a nnkg:Exposure ; rdfs:label {lit(hostile("exposure"))} .
}}
<https://w3id.org/nnkg/catalogue> {{
    ent:a a nnkg:Nutrient ; rdfs:label {lit(hostile("label a"))} .
    ent:b a nnkg:Disease ; rdfs:label {lit(hostile("label b"))} .
    ent:p a nnkg:PopulationGroup ; rdfs:label {lit(hostile("population"))} .
}}
{graphs}
"""


def test_hostile_text_on_both_sides_stays_text(browser, tmp_path):
    from kg.base.manifest import write_build

    folder = tmp_path / "crafted"
    folder.mkdir()
    write_build(folder, {"nnkg.trig": contested_trig().encode("utf-8")})
    out = tmp_path / "page.html"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)  # the network cache goes here, not into the checkout
        result = CliRunner().invoke(cli, ["render", "--build", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    visit = open_page(browser, out)
    page = visit.page
    edge = page.evaluate("nnkg.edges.get({filter: e => !e.negated})[0]")
    assert edge["label"] == MARK + hostile("relation")
    so, otherwise = sides(hover(page, edge))
    assert hostile("quote one") in so and f"{hostile('title one')} — characters 0–9" in so
    assert otherwise.startswith(f"Who says otherwise:says NOT {hostile('relation')}")
    assert hostile("quote two") in otherwise and hostile("title two") in otherwise
    named = f"population = {hostile('population')}; exposure = {hostile('exposure')}"
    assert f"context {named}; (“{hostile('context')}”)" in otherwise
    assert otherwise.endswith("asserted Bad source text")  # then its button
    page.check("#only-contested")
    assert page.evaluate("nnkg.edges.get({filter: e => !e.hidden}).length") == 2
    assert_inert(visit, scripts=3)
    visit.page.context.close()


def test_an_edge_says_how_many_sources_state_it(seed_page, net):
    page = seed_page.page
    support = {(u, v, d["predicate"], d["negated"]): d["support"]
               for u, v, d in net.edges(data=True)}  # fmt: skip
    assert 2 in support.values()
    cards = page.evaluate(
        "nnkg.edges.get().map(e => [e.from, e.to, e.predicate, e.negated, e.title.textContent])"
    )
    for *key, card in cards:
        if support[tuple(key)] > 1:
            assert "claims from 2 sources say so:" in card
        else:
            assert "sources say so" not in card
    page.fill("#search", "vitamin B12")
    page.press("#search", "Enter")
    lines = page.locator("#details .edge-link").all_text_contents()
    assert "fish → source of → 2 sources" in lines  # the entity card's line for the edge
    assert sum(line.endswith(" 2 sources") for line in lines) == sum(
        n > 1 for (u, v, *_), n in support.items() if ENT + "vitamin-b12" in (u, v)
    )
    page.evaluate("nnkg.network.unselectAll()")
