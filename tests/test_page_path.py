"""The --path page in real headless Chromium: the view zoomed to the path's entities, its hops
listed in order with their quotes and who says otherwise, and buttons that step through
them, selecting each hop's edge."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, open_page
from click.testing import CliRunner

from kg.cli import cli

ENT = "https://w3id.org/nnkg/entity/"
B12_TO_SEROTONIN = [
    ("vitamin B12", "promotes", "methylation"),
    ("methylation", "required for", "neurotransmitter synthesis"),
    ("neurotransmitter synthesis", "produces", "serotonin"),
]
# Each path node's box on screen, within the graph pane, and the share of the pane the
# path's boxes take; the zoom now and the zoom that fits the whole graph.
VIEW = """() => {
    const net = nnkg.network, pane = document.getElementById('graph').getBoundingClientRect();
    const ids = nnkg.nodes.getIds({filter: n => n.opacity === 1});
    const boxes = ids.map(id => {
        const b = net.getBoundingBox(id);
        const p = net.canvasToDOM({x: b.left, y: b.top});
        const q = net.canvasToDOM({x: b.right, y: b.bottom});
        return {l: p.x, t: p.y, r: q.x, b: q.y};
    });
    const inside = boxes.every(b =>
        b.l >= 0 && b.t >= 0 && b.r <= pane.width && b.b <= pane.height);
    const w = Math.max(...boxes.map(b => b.r)) - Math.min(...boxes.map(b => b.l));
    const h = Math.max(...boxes.map(b => b.b)) - Math.min(...boxes.map(b => b.t));
    const scale = net.getScale();
    net.fit({animation: false});
    const whole = net.getScale();
    return {ids, inside, share: Math.max(w / pane.width, h / pane.height), scale, whole};
}"""
SELECTED = "() => [nnkg.network.getSelectedNodes(), nnkg.network.getSelectedEdges()]"
HOP_EDGES = "[...document.querySelectorAll('#path-hops > li')].map(li => li.dataset.edge)"


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def path_page(browser, built: Path, tmp_path: Path, a: str, b: str):
    out = tmp_path / "path.html"
    command = ["render", "--build", str(built), "--path", a, b, "-o", str(out)]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 0, result.output
    return open_page(browser, out)


def test_the_view_fits_the_path(browser, built, tmp_path):
    visit = path_page(browser, built, tmp_path, "vitamin B12", "serotonin")
    view = visit.page.evaluate(VIEW)
    assert len(view["ids"]) == 4 and view["inside"]  # every path entity, label and all, in view
    assert view["scale"] > view["whole"]  # zoomed in on the path, not the whole graph
    assert view["share"] > 0.5 or view["scale"] == pytest.approx(1.5, abs=0.01)
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()


def test_the_hops_are_listed_in_order_and_stepping_selects_each(browser, built, tmp_path):
    visit = path_page(browser, built, tmp_path, "vitamin B12", "serotonin")
    page = visit.page
    hops = page.locator("#path-hops > li.hop")
    assert hops.count() == 3
    edges = page.evaluate(HOP_EDGES)
    for i, (edge_id, (a, relation, b)) in enumerate(zip(edges, B12_TO_SEROTONIN, strict=True)):
        edge = page.evaluate("(id) => nnkg.edges.get(id)", edge_id)
        labels = page.evaluate("(e) => [e.from, e.to].map(id => nnkg.nodes.get(id).label)", edge)
        assert (labels[0], edge["relation"], labels[1]) == (a, relation, b)
        text = hops.nth(i).text_content()
        assert f"{a} → {relation} → {b}" in text
        assert all(claim["quote"] in text for claim in edge["claims"])
        assert "No claim in this graph says otherwise." in text
    for i, edge_id in enumerate(edges):  # Next steps through the hops, in order
        page.click("#path-next")
        assert page.evaluate(SELECTED) == [[], [edge_id]]
        assert page.inner_text("#path-step") == f"hop {i + 1} of 3"
        assert page.locator("#path-hops > li.current").get_attribute("data-edge") == edge_id
        assert B12_TO_SEROTONIN[i][2] in page.inner_text("#details h3")
    page.click("#path-previous")
    assert page.evaluate(SELECTED) == [[], [edges[1]]]
    page.click("#path-hops > li:nth-child(1) > .edge-link")  # a hop's own button
    assert page.evaluate(SELECTED) == [[], [edges[0]]]
    assert page.inner_text("#path-step") == "hop 1 of 3"
    assert visit.page.evaluate(VIEW)["inside"]  # stepping kept the path in view
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()


def test_a_contested_hop_says_who_says_otherwise(browser, built, tmp_path):
    visit = path_page(browser, built, tmp_path, "dietary supplement", "Alzheimer disease")
    page = visit.page
    hops = page.locator("#path-hops > li.hop")
    assert hops.count() == 2
    last = page.evaluate("(ids) => nnkg.edges.get(ids.at(-1))", page.evaluate(HOP_EDGES))
    assert last["relation"] == "prevents" and last["against"]
    text = hops.nth(1).text_content()
    assert "\u26a0 prevents" in text and "Who says otherwise:" in text
    against = hops.nth(1).locator(".against .claim.against")
    assert against.count() == len(last["against"])
    for claim in last["against"]:
        assert claim["quote"] in text and claim["says"] in text
    assert "contested" in page.inner_text("#path")
    page.locator("#path-next").focus()
    page.keyboard.press("ArrowRight")  # the arrow keys step too
    assert page.evaluate(SELECTED)[1] == page.evaluate(HOP_EDGES)[:1]
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()


def test_a_page_with_no_path_lists_none(browser, built, tmp_path):
    visit = path_page(browser, built, tmp_path, "serotonin", "vitamin B12")
    page = visit.page
    assert page.locator("#path").count() == 0
    assert page.inner_text("#path-note").startswith("No path from")
    assert visit.errors == []
    visit.page.context.close()
