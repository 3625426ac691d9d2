"""The page's source text view in real headless Chromium: for a claim, its document (the
build's nnkg:text) with the quote highlighted in its paragraph and the mentions marked,
every other claim of the document one click away, and hostile text kept as text."""

from __future__ import annotations

import pytest
from browser import chromium, open_page
from conftest import tiny_claims, write_source

from kg.rdf.quads import NNKG, lexical

ACTIVE_QUOTE = """() => [...document.querySelectorAll(
    '#source-text .nnkg-mark-quote.nnkg-mark-active')].map((n) => n.textContent).join('')"""
MARKED = """(role) => [...document.querySelectorAll('#source-text .nnkg-mark-' + role)]
    .map((n) => n.textContent).join('')"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def seed_page(browser, built):
    visit = open_page(browser, built / "nnkg.html")
    yield visit
    visit.page.context.close()


def _claims(page) -> list[dict]:
    """Every claim on the page, with its edge's id."""
    return page.evaluate(
        "() => nnkg.edges.get().flatMap((e) => e.claims.map((c) => ({...c, edge: e.id})))"
    )


def _open(page, iri_: str) -> None:
    """Open the source view on a claim through its "source text" button in the table."""
    if page.locator("#claims-table").is_hidden():
        page.click("#open-table")
    page.click(f'#claims tr[data-claim="{iri_}"] button.show-source')
    page.wait_for_selector("#source-view", state="visible")


def test_the_build_carries_every_document_text(quads, documents):
    texts = {
        s.rsplit("/", 1)[-1].rstrip(">"): lexical(o)
        for _, s, p, o in quads.quads
        if p == NNKG + "text>"
    }
    assert texts == documents


def test_the_quote_is_highlighted_and_its_mentions_marked(seed_page, documents):
    page = seed_page.page
    claim = next(c for c in _claims(page) if c["subject_text"] != c["quote"])
    _open(page, claim["iri"])
    document = documents[claim["source"]]
    assert page.text_content("#source-text") == document  # the whole text, as it is
    assert page.evaluate(ACTIVE_QUOTE) == document[claim["start"] : claim["end"]]
    assert page.evaluate(MARKED, "subject") == claim["subject_text"]
    assert page.evaluate(MARKED, "object") == claim["object_text"]
    # the quote lies in its paragraph, marked too
    paragraph = page.evaluate(MARKED, "paragraph")
    assert claim["quote"] in paragraph and "\n\n" not in paragraph
    assert page.evaluate("nnkg.network.getSelectedEdges()") == [claim["edge"]]
    assert seed_page.errors == [] and seed_page.violations() == []


def test_every_other_claim_of_the_document_is_one_click_away(seed_page, documents):
    page = seed_page.page
    claims = _claims(page)
    first = claims[0]
    _open(page, first["iri"])
    mine = [c for c in claims if c["source"] == first["source"]]
    assert page.locator("#source-claims li").count() == len(mine)
    other = next(c for c in mine if (c["start"], c["end"]) != (first["start"], first["end"]))
    page.click(f'#source-claims button[data-claim="{other["iri"]}"]')
    assert page.evaluate(ACTIVE_QUOTE) == documents[other["source"]][other["start"] : other["end"]]
    assert page.evaluate("nnkg.network.getSelectedEdges()") == [other["edge"]]
    assert page.get_attribute("#source-claims li.current button", "data-claim") == other["iri"]
    # a click on a quote in the text moves there too
    third = next(
        c for c in mine if c["end"] <= other["start"] or c["start"] >= other["end"]
    )  # one that does not overlap the current
    page.evaluate(
        """(c) => {
            const view = document.querySelector('#source-text');
            const unit = [...view.textContent].slice(0, c.start).join('').length;
            let offset = 0;  // UTF-16, as the spans' text counts
            for (const span of view.children) {
                if (offset === unit) return span.click();
                offset += span.textContent.length;
            }
        }""",
        third,
    )
    current = page.get_attribute("#source-claims li.current button", "data-claim")
    assert current != other["iri"]
    now = next(c for c in mine if c["iri"] == current)
    assert page.evaluate(ACTIVE_QUOTE) == documents[now["source"]][now["start"] : now["end"]]


def test_a_card_opens_the_source_text(seed_page):
    page = seed_page.page
    page.fill("#search", "myelin")
    page.press("#search", "Enter")
    button = page.locator("#details button.show-source").first
    iri_ = button.get_attribute("data-claim")
    button.click()
    assert page.get_attribute("#source-claims li.current button", "data-claim") == iri_
    page.click("#source-close")
    assert page.locator("#source-view").is_hidden()


HOSTILE = (
    "Vitamin B12 is essential for the synthesis of myelin. "
    '<img src=x onerror="alert(1)"></script><script>alert(2)</script>&amp; '
    "Eggs supply B12.\n"
)


def test_hostile_document_text_stays_text(browser, tmp_path):
    from kg.compile import build_quads
    from kg.network.projection import claim_network
    from kg.page.render import render_page

    claims = tiny_claims()
    claims[1] = {**claims[1], "start": HOSTILE.index("Eggs"), "end": HOSTILE.index("Eggs") + 15}
    folder = write_source(
        tmp_path / "sources" / "hostile-text", HOSTILE, claims, title="<b>bold</b></script>"
    )
    quads, _ = build_quads([folder])
    html = tmp_path / "page.html"
    html.write_text(render_page(claim_network(quads)), encoding="utf-8")
    visit = open_page(browser, html)
    try:
        page = visit.page
        eggs = next(
            c for c in _claims(page) if c["source"] == "hostile-text" and "Eggs" in c["quote"]
        )
        _open(page, eggs["iri"])
        assert page.text_content("#source-text") == HOSTILE
        assert page.evaluate(ACTIVE_QUOTE) == "Eggs supply B12"
        assert page.locator("#source-view img, #source-view script").count() == 0
        assert page.locator("#source-text *:not(span), #source-title *").count() == 0
        assert page.text_content("#source-title").startswith("<b>bold</b></script>")
        assert visit.errors == [] and visit.blocked == [] and visit.violations() == []
    finally:
        visit.page.context.close()


def _page_texts(html: str) -> dict[str, str]:
    import json
    import re

    block = re.search(r'<script id="nnkg-data" type="application/json">(.*?)</script>', html, re.S)
    return {s["id"]: s["text"] for s in json.loads(block.group(1))["meta"]["sources"]}


def test_render_and_the_served_page_carry_the_texts(built, documents, tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    out = tmp_path / "rendered.html"
    result = CliRunner().invoke(cli, ["render", "--build", str(built), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _page_texts(out.read_text(encoding="utf-8")) == documents
    # nnkg serve serves the build's page, nnkg.html
    assert _page_texts((built / "nnkg.html").read_text(encoding="utf-8")) == documents
