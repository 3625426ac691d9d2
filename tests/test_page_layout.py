"""The page read as a new reader would, at 1440×900 in real headless Chromium: every label
legible and none over another at the first view, the details of what is clicked at the top of
the sidebar, an entity's card listing its claims, filters that leave no orphans, and a graph
too large to read whole starting at its most connected entity."""

from __future__ import annotations

import sys

import pytest
from browser import chromium, edge_point, node_point, open_url, wait_drawn
from conftest import ROOT

from kg.base.model import Certainty

ENT = "https://w3id.org/nnkg/entity/"
B12 = ENT + "vitamin-b12"
SCREEN = {"width": 1440, "height": 900}

# Every visible node's label box (canvas units: vis-network's label size, set on the bottom
# of the node's bounding box, network.getBoundingBox, where the label is drawn) and the size
# on screen of every label drawn (node and edge fonts × the zoom).
MEASURE = """() => {
    const net = nnkg.network, scale = net.getScale();
    const pane = document.getElementById('graph').getBoundingClientRect();
    const ids = nnkg.nodes.getIds({filter: n => !n.hidden});
    const labels = ids.map(id => {
        const node = net.body.nodes[id], box = net.getBoundingBox(id), size = node.labelModule.size;
        return {id, px: node.labelModule.fontOptions.size * scale, whole: box, l: size.left,
                r: size.left + size.width, t: box.bottom - size.height, b: box.bottom};
    });
    const edgePx = nnkg.edges.getIds({filter: e => !e.hidden})
        .map(id => net.body.edges[id].labelModule.fontOptions.size * scale);
    const touch = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    const pairs = [], wholes = [];
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) {
        if (touch(labels[i], labels[j])) pairs.push([labels[i].id, labels[j].id]);
        const [a, b] = [labels[i].whole, labels[j].whole]
            .map(w => ({l: w.left, r: w.right, t: w.top, b: w.bottom}));
        if (touch(a, b)) wholes.push([labels[i].id, labels[j].id]);
    }
    const inView = labels.filter(x => {
        const p = net.canvasToDOM({x: x.whole.left, y: x.whole.top});
        const q = net.canvasToDOM({x: x.whole.right, y: x.whole.bottom});
        return p.x >= 0 && p.y >= 0 && q.x <= pane.width && q.y <= pane.height;
    }).length;
    return {shown: labels.length, inView, nodePx: Math.min(...labels.map(x => x.px)),
            edgePx: Math.min(...edgePx), overlaps: pairs, boxOverlaps: wholes.length};
}"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def open_screen(browser, html):
    """The page in a 1440×900 window, drawn and laid out."""
    visit = open_url(browser, html.resolve().as_uri())
    visit.page.set_viewport_size(SCREEN)
    visit.page.reload()
    wait_drawn(visit.page)
    return visit


@pytest.fixture(scope="module")
def screen(browser, built):
    visit = open_screen(browser, built / "nnkg.html")
    yield visit
    visit.page.context.close()


def test_whole_graph_is_readable_at_a_glance(screen, net):
    page = screen.page
    measured = page.evaluate(MEASURE)
    print("\nwhole graph at 1440x900:", {k: v for k, v in measured.items() if k != "overlaps"})
    assert measured["shown"] == measured["inView"] == net.number_of_nodes()  # whole, in view
    assert measured["nodePx"] >= 11 and measured["edgePx"] >= 11
    assert measured["overlaps"] == [] and measured["boxOverlaps"] == 0
    assert page.locator("#focus-note").count() == 0
    assert screen.errors == [] and screen.blocked == [] and screen.violations() == []


def test_the_layout_is_the_same_every_time(screen):
    page = screen.page
    first = page.evaluate("[nnkg.network.getPositions(), nnkg.network.getScale()]")
    page.reload()
    wait_drawn(page)
    assert page.evaluate("[nnkg.network.getPositions(), nnkg.network.getScale()]") == first


def in_viewport(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 40 <= SCREEN["height"]


def test_details_appear_at_the_top_of_the_sidebar_on_a_click(screen):
    page = screen.page
    page.evaluate("document.getElementById('panel').scrollTop = 10_000")
    page.mouse.click(*node_point(page, B12).values())
    assert page.locator("#details h3").first.inner_text() == "vitamin B12"
    assert in_viewport(page, "#details h3")
    page.evaluate("document.getElementById('panel').scrollTop = 10_000")
    page.evaluate("nnkg.network.unselectAll()")
    edge = page.evaluate("nnkg.edges.get({filter: e => e.relation === 'part of'})[0]")
    ends = page.evaluate("(e) => [e.from, e.to].map(id => nnkg.nodes.get(id).label)", edge)
    page.mouse.move(5, 5)
    page.mouse.click(*edge_point(page, edge["id"]).values())
    assert page.evaluate("nnkg.network.getSelectedEdges()") == [edge["id"]]
    assert page.locator("#details h3").inner_text() == f"{ends[0]} → part of → {ends[1]}"
    assert in_viewport(page, "#details h3")
    page.mouse.click(5, SCREEN["height"] - 5)  # nothing: the selection goes


def test_filters_fold_away(screen):
    page = screen.page
    assert page.locator("#show-hedged").is_visible()
    page.click("#filters > summary")
    assert not page.locator("#show-hedged").is_visible()
    page.click("#filters > summary")
    assert page.locator("#show-hedged").is_visible()


def test_entity_card_lists_its_claims_in_and_out_by_relation(screen, net):
    page = screen.page
    page.evaluate("nnkg.network.unselectAll()")
    page.mouse.click(*node_point(page, B12).values())
    card = page.locator("#details")
    out, into = net.out_edges(B12, data=True), net.in_edges(B12, data=True)
    claims = sum(len(d["claims"]) for *_, d in [*out, *into])
    assert card.locator(".claim:not(.against)").count() == claims == 47
    n_out = sum(len(d["claims"]) for *_, d in out)
    assert card.locator("section.out h4").inner_text() == f"Claims about it ({n_out})"
    assert card.locator("section.in h4").inner_text() == f"Claims pointing to it ({claims - n_out})"
    groups = card.locator("section.out h5").all_text_contents()
    assert [g.rsplit(" (", 1)[0] for g in groups] == sorted({d["label"] for *_, d in out})
    against = sum(len(d["against"]) for *_, d in [*out, *into])
    assert card.locator(".claim.against").count() == against > 0
    text = card.inner_text()
    for *_, d in [*out, *into]:
        for c in d["claims"]:
            assert c.quote in text
    contested = card.locator(".edge-claims", has=page.locator(".claim.against")).first
    assert "Who says otherwise:" in contested.inner_text()
    assert "FactSheet" in contested.inner_text() and "PopularArticle" in contested.inner_text()
    assert card.locator(".tag.denied").count() == sum(
        len(d["claims"]) for *_, d in [*out, *into] if d["negated"]
    )
    # a relation in the card opens its edge's card
    card.locator(".edge-link", has_text="NOT prevents → Alzheimer disease").click()
    assert page.locator("#details h3").inner_text() == (
        "vitamin B12 → NOT prevents → Alzheimer disease"
    )
    assert page.locator("#details a, #details script").count() == 0
    page.evaluate("nnkg.network.unselectAll()")


def test_hiding_claims_hides_the_entities_they_leave_alone(screen, net):
    page = screen.page
    hidden = "nnkg.nodes.get({filter: n => n.hidden}).map(n => n.id)"
    page.uncheck("#show-hedged")
    kept = {x for u, v, d in net.edges(data=True) if d["certainty"] is not Certainty.HEDGED
            for x in (u, v)}  # fmt: skip
    linked = {x for e in net.edges() for x in e}
    orphans = linked - kept
    assert orphans and set(page.evaluate(hidden)) == orphans
    claims = sum(len(d["claims"]) for *_, d in net.edges(data=True)
                 if d["certainty"] is Certainty.HEDGED)  # fmt: skip
    status = page.inner_text("#filter-status")
    assert f"{len(orphans)} entities left with no visible claim" in status
    assert status.startswith(f"Hidden: {claims} claims (")
    measured = page.evaluate(MEASURE)
    assert measured["shown"] == net.number_of_nodes() - len(orphans)
    page.uncheck('input[data-group="class"][value="Food"]')  # kinds of entity orphan too
    foods = {n for n in net if net.nodes[n]["types"][0] == "Food"}
    assert set(page.evaluate(hidden)) >= orphans | foods
    assert f"{len(foods)} entities of the kinds unticked" in page.inner_text("#filter-status")
    page.check('input[data-group="class"][value="Food"]')
    page.check("#show-hedged")
    assert page.evaluate(hidden) == []
    assert page.inner_text("#filter-status") == "Nothing is hidden by the filters."


def test_a_graph_too_large_to_read_whole_starts_at_its_hub(browser, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import synthetic_network

    from kg.page.render import FOCUS_PAST, FOCUS_SIZE, render_page

    big = synthetic_network(FOCUS_PAST + 50)
    hub = max(big, key=lambda n: (big.degree(n), n))
    page_file = tmp_path / "big.html"
    page_file.write_text(render_page(big), encoding="utf-8")
    visit = open_screen(browser, page_file)
    page = visit.page
    note = page.inner_text("#focus-note")
    label = big.nodes[hub]["label"]
    assert note.startswith(f"{FOCUS_PAST + 50} entities are too many to read at once: this view "
                           f"starts at {label}, the most connected")  # fmt: skip
    measured = page.evaluate(MEASURE)
    print("\nfocused start:", {k: v for k, v in measured.items() if k != "overlaps"})
    near = set(big.to_undirected()[hub])
    assert measured["shown"] == measured["inView"] == min(1 + FOCUS_SIZE, 1 + len(near))
    assert measured["nodePx"] >= 11 and measured["overlaps"] == [] and measured["boxOverlaps"] == 0
    page.click("#show-whole")
    assert page.evaluate("nnkg.nodes.get({filter: n => n.hidden}).length") == 0
    assert page.locator("#focus-note").count() == 0
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()
