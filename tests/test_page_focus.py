"""A graph too large to read whole, in real headless Chromium: it starts focused on its most
connected entity with only that view in the DataSets, shows the whole graph on demand, and
going back (the note's button, or the browser's back) builds the focused view again."""

from __future__ import annotations

import sys

import pytest
from browser import chromium, open_url, wait_drawn
from conftest import ROOT

SCREEN = {"width": 1440, "height": 900}
# The view as drawn: what the DataSets hold, what is shown, where, and whether labels touch.
VIEW = """() => {
    const net = nnkg.network, pane = document.getElementById('graph').getBoundingClientRect();
    const ids = nnkg.nodes.getIds({filter: n => !n.hidden}).sort();
    const boxes = ids.map(id => net.getBoundingBox(id));
    let touching = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.right <= b.left || b.right <= a.left
            || a.bottom <= b.top || b.bottom <= a.top;
        if (!apart) touching++;
    }
    const inView = boxes.filter(b => {
        const p = net.canvasToDOM({x: b.left, y: b.top});
        const q = net.canvasToDOM({x: b.right, y: b.bottom});
        return p.x >= 0 && p.y >= 0 && q.x <= pane.width && q.y <= pane.height;
    }).length;
    const at = net.getPositions(ids);
    return {nodes: nnkg.nodes.length, edges: nnkg.edges.length, ids, inView, touching,
            places: ids.map(id => [Math.round(at[id].x), Math.round(at[id].y)]),
            focused: nnkg.state.focus !== null,
            note: document.querySelector('#notices .note:last-child').id,
            hash: location.hash};
}"""
SETTLED = "(focused) => nnkg.state.stable && (nnkg.state.focus !== null) === focused"


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def _page_of(size: int, folder):
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import synthetic_network

    from kg.page.render import render_page

    net = synthetic_network(size)
    page_file = folder / f"big-{size}.html"
    page_file.write_text(render_page(net), encoding="utf-8")
    return net, page_file


def _settled(page, focused: bool) -> dict:
    page.wait_for_function(SETTLED, arg=focused, timeout=60_000)
    return page.evaluate(VIEW)


# a graph past the focus size whose whole view physics lays out, and one render.py places
@pytest.mark.parametrize("size", [200, 1600])
def test_back_from_the_whole_graph_rebuilds_the_focused_view(browser, tmp_path, size):
    from kg.page.render import FOCUS_SIZE, LARGE_GRAPH

    net, page_file = _page_of(size, tmp_path)
    assert (size > LARGE_GRAPH) == (size == 1600)
    visit = open_url(browser, page_file.resolve().as_uri())
    page = visit.page
    page.set_viewport_size(SCREEN)
    page.reload()
    wait_drawn(page)
    focused = _settled(page, True)
    hub = max(net, key=lambda n: (net.degree(n), n))
    expected = 1 + min(FOCUS_SIZE, len(set(net.to_undirected()[hub])))
    assert focused["nodes"] == len(focused["ids"]) == focused["inView"] == expected
    assert focused["touching"] == 0 and focused["note"] == "focus-note" and focused["hash"] == ""
    shown = set(focused["ids"])
    assert focused["edges"] == sum(1 for u, v in net.edges() if u in shown and v in shown)

    page.click("#show-whole")
    whole = _settled(page, False)
    assert [whole["nodes"], whole["edges"]] == [size, net.number_of_edges()]
    assert whole["note"] == "whole-note" and whole["hash"] == "#whole=1"

    page.click("#show-focus")  # the note's button back
    again = _settled(page, True)
    assert again == focused
    page.click("#show-whole")
    assert _settled(page, False)["places"] == whole["places"]  # the whole view as it was
    page.go_back()  # the browser's back
    assert _settled(page, True) == focused
    page.go_forward()
    assert _settled(page, False)["nodes"] == size
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    visit.page.context.close()
