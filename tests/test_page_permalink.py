"""Permalinks in real headless Chromium: the URL's hash carries the selection and the filters,
so a copied link opened in a new page shows the same view; back and forward step through
what was selected; a crafted hash is read as data and ignored, never run."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from browser import chromium, open_url, wait_drawn
from click.testing import CliRunner

from kg.cli import cli

ENT = "https://w3id.org/nnkg/entity/"
STATE = """() => ({
    nodes: nnkg.network.getSelectedNodes(),
    edges: nnkg.network.getSelectedEdges(),
    hedged: document.getElementById('show-hedged').checked,
    denied: document.getElementById('show-denied').checked,
    contested: document.getElementById('only-contested').checked,
    unticked: [...document.querySelectorAll('#filters input[data-group]')]
        .filter(i => !i.checked).map(i => i.value),
    hiddenEdges: nnkg.edges.get({filter: e => e.hidden}).length,
    details: document.querySelector('#details h3')?.textContent ?? null,
    scripts: document.scripts.length,
})"""
IS_SELECTED = "(id) => nnkg.network.getSelectedNodes()[0] === id"


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def page_file(built, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("permalink") / "page.html"
    result = CliRunner().invoke(cli, ["render", "--build", str(built), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def visit_at(browser, page_file: Path, hash_: str = ""):
    """The page opened at ``page_file`` + ``hash_``, drawn."""
    base = page_file.resolve().as_uri()
    visit = open_url(browser, base + hash_, through=[base, base + hash_])
    wait_drawn(visit.page)
    return visit


def find(page, name: str) -> None:
    page.fill("#search", name)
    page.press("#search", "Enter")


def test_a_copied_link_reopens_the_same_selection_and_filters(browser, page_file):
    visit = visit_at(browser, page_file)
    page = visit.page
    find(page, "myelin sheath")
    page.uncheck("#show-hedged")
    before = page.evaluate(STATE)
    assert before["nodes"] == [ENT + "myelin"] and not before["hedged"] and before["hiddenEdges"]
    href = page.url
    assert "#" in href and "entity=" + quote(ENT + "myelin", safe="") in href and "hedged=0" in href

    again = open_url(browser, href, through=[href.split("#")[0], href])
    wait_drawn(again.page)
    after = again.page.evaluate(STATE)
    assert after == before
    assert after["details"] == "myelin"
    for v in (visit, again):
        assert v.errors == [] and v.blocked == [] and v.violations() == []
        v.page.context.close()


def test_an_edge_and_a_source_filter_travel_too(browser, page_file):
    visit = visit_at(browser, page_file)
    page = visit.page
    source = page.evaluate("document.querySelector('input[data-group=source]').value")
    page.uncheck(f"input[data-group=source][value='{source}']")
    page.check("#only-contested")
    edge = page.evaluate("nnkg.edges.get({filter: e => e.against.length && !e.hidden})[0].id")
    find(page, "vitamin B12")
    page.click(f"#details .edge-link[data-edge='{edge}']")
    before = page.evaluate(STATE)
    assert before["edges"] == [edge] and before["nodes"] == [] and before["unticked"] == [source]
    again = open_url(browser, page.url, through=[page.url.split("#")[0], page.url])
    wait_drawn(again.page)
    assert again.page.evaluate(STATE) == before
    assert again.errors == [] and visit.errors == []
    for v in (visit, again):
        v.page.context.close()


def test_back_and_forward_restore_the_selection(browser, page_file):
    visit = visit_at(browser, page_file)
    page = visit.page
    find(page, "myelin sheath")
    find(page, "serotonin")
    edge = page.evaluate("document.querySelector('#details .edge-link').dataset.edge")
    page.click(f"#details .edge-link[data-edge='{edge}']")
    selected = "() => [nnkg.network.getSelectedNodes(), nnkg.network.getSelectedEdges()]"
    assert page.evaluate(selected) == [[], [edge]]
    page.go_back()
    page.wait_for_function(IS_SELECTED, arg=ENT + "serotonin")
    assert page.inner_text("#details h3") == "serotonin"
    page.go_back()
    page.wait_for_function(IS_SELECTED, arg=ENT + "myelin")
    page.go_back()  # the page as it opened: nothing selected
    page.wait_for_function("() => nnkg.network.getSelectedNodes().length === 0")
    assert page.evaluate(selected) == [[], []] and "#" not in page.url
    page.go_forward()
    page.wait_for_function(IS_SELECTED, arg=ENT + "myelin")
    assert page.inner_text("#details h3") == "myelin"
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    page.context.close()


HOSTILE = [
    "#entity=%3Cscript%3Ealert(1)%3C%2Fscript%3E&edge=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "#entity=__proto__&edge=constructor&hide-source=__proto__&hide-kind=toString",
    "#hedged=javascript:alert(1)&denied=<b>&contested=yes&whole=%00",
    "#<script>alert(1)</script>",
    "#%E0%A4%A&entity=%ZZ&&&==",
    "#entity=" + quote(ENT + "myelin", safe="") + "&pad=" + "x" * 20_000,  # too long: ignored whole
    "#javascript:alert(document.domain)",
]


@pytest.mark.parametrize("hash_", HOSTILE, ids=range(len(HOSTILE)))
def test_a_crafted_hash_is_ignored_safely(browser, page_file, hash_):
    visit = visit_at(browser, page_file, hash_)
    page = visit.page
    state = page.evaluate(STATE)
    assert state["nodes"] == [] and state["edges"] == [] and state["unticked"] == []
    assert state["hedged"] and state["denied"] and not state["contested"]
    assert state["hiddenEdges"] == 0 and state["scripts"] == 3
    assert page.locator("#details img, #panel script, #graph img").count() == 0
    assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    # the same hash typed into an open page
    page.evaluate("(h) => { location.hash = h; }", "#entity=__proto__&hedged=0")
    page.wait_for_function("() => !document.getElementById('show-hedged').checked")
    page.evaluate("(h) => { location.hash = h; }", hash_)
    page.wait_for_function("() => document.getElementById('show-hedged').checked")
    assert page.evaluate(STATE)["nodes"] == [] and visit.errors == []
    page.context.close()
