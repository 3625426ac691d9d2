"""The interactive page in real headless Chromium: offline, complete, explorable, safe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from browser import chromium, edge_point, node_point, open_page, wait_drawn
from conftest import ROOT, TINY_DOC, tiny_claims, write_source

from kg.cli import cli

ENT = "https://w3id.org/nnkg/entity/"
# Centre the view on an edge, zoomed in, its two ends in view.
ZOOM_IN = """(e) => {
    const at = nnkg.network.getPositions([e.from, e.to]);
    const position = {x: (at[e.from].x + at[e.to].x) / 2, y: (at[e.from].y + at[e.to].y) / 2};
    nnkg.network.moveTo({position, scale: 2, animation: false});
}"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def seed_page(browser, built):
    visit = open_page(browser, built / "nnkg.html")
    yield visit
    visit.page.context.close()


def test_loads_with_every_request_blocked_and_no_errors(seed_page, built):
    assert seed_page.requests == [(built / "nnkg.html").resolve().as_uri()]
    assert seed_page.blocked == []
    assert seed_page.errors == []
    assert seed_page.violations() == []  # the page works under its own CSP


def test_datasets_hold_the_whole_graph(seed_page, net):
    counts = seed_page.page.evaluate("[nnkg.nodes.length, nnkg.edges.length]")
    assert counts == [net.number_of_nodes(), net.number_of_edges()]
    ids = set(seed_page.page.evaluate("nnkg.nodes.getIds()"))
    assert ids == set(net.nodes)


def test_hovering_a_hedged_edge_shows_its_quote(seed_page, seed_document):
    page = seed_page.page
    edge = page.evaluate(
        """() => nnkg.edges.get({filter: e => e.certainty === 'Hedged'
            && e.relation === 'has symptom' && nnkg.nodes.get(e.to).label === 'paralysis'})[0]"""
    )
    quote = edge["claims"][0]["quote"]
    assert seed_document[edge["claims"][0]["start"] : edge["claims"][0]["end"]] == quote
    page.mouse.move(5, 5)
    point = edge_point(page, edge["id"])
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text = tooltip.inner_text()
    assert quote in text
    assert "characters 1745–1858" in text and "hedged" in text
    assert quote in page.locator("#details").inner_text()


def test_hedged_filter_hides_hedged_edges(seed_page):
    page = seed_page.page
    hidden = "nnkg.edges.get({filter: e => e.hidden}).map(e => e.certainty)"
    page.uncheck("#show-hedged")
    assert set(page.evaluate(hidden)) == {"Hedged"}
    assert len(page.evaluate(hidden)) == page.evaluate(
        "nnkg.edges.get({filter: e => e.certainty === 'Hedged'}).length"
    )
    page.check("#show-hedged")
    assert page.evaluate(hidden) == []


def test_class_and_source_filters(seed_page):
    page = seed_page.page
    page.uncheck('input[data-group="class"][value="Food"]')
    hidden = page.evaluate("nnkg.nodes.get({filter: n => n.hidden}).map(n => n.cls)")
    assert hidden and set(hidden) == {"Food"}
    page.check('input[data-group="class"][value="Food"]')
    visible = "nnkg.edges.get({filter: e => !e.hidden})"
    page.uncheck('input[data-group="source"][value="b12-electrical-nerve-balance"]')
    sources = page.evaluate(f"{visible}.map(e => e.claims.map(c => c.source))")
    assert sources and all("nih-ods-b12-factsheet" in s for s in sources)
    page.uncheck('input[data-group="source"][value="nih-ods-b12-factsheet"]')
    assert page.evaluate(f"{visible}.length") == 0
    page.check('input[data-group="source"][value="b12-electrical-nerve-balance"]')
    page.check('input[data-group="source"][value="nih-ods-b12-factsheet"]')
    assert page.evaluate("nnkg.edges.get({filter: e => e.hidden}).length") == 0


@pytest.mark.parametrize("name", ["myelin sheath", "MYELIN"])
def test_search_selects_and_centres_by_label_or_synonym(seed_page, name):
    page = seed_page.page
    page.fill("#search", name)
    page.press("#search", "Enter")
    assert page.evaluate("nnkg.network.getSelectedNodes()") == [ENT + "myelin"]
    assert page.inner_text("#search-status") == "Found myelin."
    centre = page.evaluate("nnkg.network.getViewPosition()")
    position = page.evaluate(f"nnkg.network.getPositions(['{ENT}myelin'])['{ENT}myelin']")
    assert abs(centre["x"] - position["x"]) < 1 and abs(centre["y"] - position["y"]) < 1


def test_clicking_a_node_highlights_its_neighbourhood(seed_page, net):
    page = seed_page.page
    page.evaluate("nnkg.network.fit()")
    point = node_point(page, ENT + "myelin")
    page.mouse.click(point["x"], point["y"])
    opacity = dict(page.evaluate("nnkg.nodes.get().map(n => [n.id, n.opacity])"))
    near = {ENT + "myelin", *net.successors(ENT + "myelin"), *net.predecessors(ENT + "myelin")}
    assert {n for n, o in opacity.items() if o == 1} == near
    assert "standard IDs GO:0043209" in page.inner_text("#details")
    link = page.locator("#details a", has_text="GO:0043209")
    assert link.get_attribute("href") == "http://purl.obolibrary.org/obo/GO_0043209"
    assert seed_page.blocked == []  # hovering and clicking fetched nothing


def render(runner, built, tmp_path, *args) -> Path:
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["render", *args, "-o", str(out), "--build", str(built)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{out}\n"
    return out


def test_focus_page_holds_just_the_neighbourhood(browser, runner, built, tmp_path, net):
    page_file = render(runner, built, tmp_path, "--focus", "myelin", "--hops", "1")
    visit = open_page(browser, page_file)
    near = {ENT + "myelin", *net.successors(ENT + "myelin"), *net.predecessors(ENT + "myelin")}
    assert set(visit.page.evaluate("nnkg.nodes.getIds()")) == near
    expected_edges = sum(1 for u, v in net.edges() if u in near and v in near)
    assert visit.page.evaluate("nnkg.edges.length") == expected_edges
    assert visit.page.inner_text("#title") == "nnkg: myelin and its neighbourhood (1 hops)"
    assert visit.errors == [] and visit.blocked == []
    visit.page.context.close()


def test_path_page_highlights_the_chain(browser, runner, built, tmp_path):
    page_file = render(runner, built, tmp_path, "--path", "B12", "serotonin")
    visit = open_page(browser, page_file)
    chain = {
        ENT + s for s in ("vitamin-b12", "methylation", "neurotransmitter-synthesis", "serotonin")
    }
    opacity = dict(visit.page.evaluate("nnkg.nodes.get().map(n => [n.id, n.opacity])"))
    assert {n for n, o in opacity.items() if o == 1} == chain
    lit = visit.page.evaluate(
        "nnkg.edges.get({filter: e => e.color.opacity === 1}).map(e => e.relation)"
    )
    assert sorted(lit) == ["produces", "promotes", "required for"]
    note = visit.page.inner_text("#path-note")
    assert note == "Path vitamin B12 → serotonin: sign +, asserted"
    visit.page.context.close()


def test_source_text_is_shown_as_text_never_run(browser, runner, tmp_path):
    hostile = (
        'Eggs "prevent" paralysis <script>window.pwned = 1</script>'
        '<img src=x onerror="window.pwned=2">.'
    )
    doc = TINY_DOC + hostile + "\n"
    claims = tiny_claims()
    start = doc.index(hostile)
    claims[1].update(predicate="prevents", object="paralysis", quote=hostile, start=start,
                     end=start + len(hostile), object_text="paralysis")  # fmt: skip
    source = write_source(tmp_path / "src" / "hostile-page", doc, claims)
    out = tmp_path / "build"
    assert runner.invoke(cli, ["build", "--out", str(out), "--sources", str(source)]).exit_code == 0
    html = (out / "nnkg.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "<img src=x" not in html

    visit = open_page(browser, out / "nnkg.html")
    page = visit.page
    edge = page.evaluate(
        "nnkg.edges.get({filter: e => e.claims.some(c => c.source === 'hostile-page')})[0]"
    )
    page.evaluate(ZOOM_IN, edge)  # a short edge: closer, so a point of it is clear of others
    point = edge_point(page, edge["id"])
    page.mouse.move(point["x"], point["y"])
    page.locator("div.vis-tooltip").wait_for(state="visible", timeout=5_000)
    assert hostile in page.locator("div.vis-tooltip").inner_text()
    assert page.evaluate("window.pwned") is None
    assert page.locator("#details script, #details img, div.vis-tooltip img").count() == 0
    assert visit.errors == [] and visit.blocked == []
    visit.page.context.close()


def test_large_graph_stays_usable(browser, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import synthetic_network

    from kg.page.render import FOCUS_SIZE, LARGE_GRAPH, render_page

    big = synthetic_network(5000)
    assert big.number_of_nodes() > LARGE_GRAPH
    page_file = tmp_path / "big.html"
    page_file.write_text(render_page(big), encoding="utf-8")
    visit = open_page(browser, page_file)
    page = visit.page
    # it starts focused, so only that view is in the DataSets; the whole graph comes on demand
    assert page.evaluate("[nnkg.nodes.length, nnkg.state.focus.size]") == [FOCUS_SIZE + 1] * 2
    page.click("#show-whole")
    assert page.evaluate("[nnkg.nodes.length, nnkg.edges.length]") == [5000, big.number_of_edges()]
    assert page.evaluate("nnkg.network.physics.options.enabled") is False
    assert "nnkg render --focus ENTITY" in page.inner_text("#large-note")
    assert visit.errors == [] and visit.blocked == []
    visit.page.context.close()


def _shot(page, name: str, tmp_path) -> bytes:
    target = Path(os.environ.get("NNKG_SCREENSHOT_DIR", tmp_path)) / name
    page.screenshot(path=str(target))
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    return data


def test_screenshots_of_an_entity_the_source_text_and_the_table(browser, built, tmp_path):
    """`make docs` refreshes docs/'s pictures of the page's views: an entity's card with
    its claims, a claim's source text with its quote marked, the claims table."""
    visit = open_page(browser, built / "nnkg.html")
    page = visit.page
    page.fill("#search", "vitamin B12")
    page.press("#search", "Enter")
    assert page.inner_text("#details h3") == "vitamin B12"
    _shot(page, "nnkg-entity.png", tmp_path)
    page.locator("#details button.show-source").first.click()
    page.wait_for_selector("#source-view", state="visible")
    assert page.locator("#source-text .nnkg-mark-quote.nnkg-mark-active").count() > 0
    _shot(page, "nnkg-source.png", tmp_path)
    page.click("#source-close")
    page.click("#open-table")
    assert page.locator("#claims tbody tr").count() > 50
    _shot(page, "nnkg-table.png", tmp_path)
    assert visit.errors == [] and visit.blocked == []
    page.context.close()


def test_screenshot_of_a_path_page(browser, runner, built, tmp_path):
    out = tmp_path / "path.html"
    done = runner.invoke(cli, ["render", "--path", "vitamin B12", "serotonin", "-o", str(out),
                               "--build", str(built)])  # fmt: skip
    assert done.exit_code == 0, done.output
    visit = open_page(browser, out)
    assert visit.page.locator("#path-hops > li").count() == 3
    _shot(visit.page, "nnkg-path.png", tmp_path)
    assert visit.errors == [] and visit.blocked == []
    visit.page.context.close()


def test_screenshot_of_the_seed_graph(seed_page, tmp_path):
    """`make docs` sets NNKG_SCREENSHOT_DIR=docs to refresh the README's picture."""
    page = seed_page.page
    page.reload()
    wait_drawn(page)
    _shot(page, "nnkg-page.png", tmp_path)
