"""The query page of ``nnkg serve`` in real headless Chromium, against the real server: a
link holds the query (opened, it runs it; back and forward step through the queries run),
the canned queries are a gallery, IRIs are shown by label and link to the entity on the
graph page, and the answer downloads as CSV (formula cells defused) and as SPARQL JSON;
under the page's own CSP, with no console error and nothing fetched from elsewhere."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from browser import chromium, open_url, wait_drawn
from servers import nnkg_serve

from kg.sparql.guard import MAX_QUERY_CHARS
from kg.sparql.queries import canned_queries

WSV = "https://w3id.org/nnkg/entity/water-soluble-vitamin"
QUERY = (
    'SELECT ?o ?formula ?markup WHERE { ent:vitamin-b12 nnkg:isA ?o . BIND("=1+1" AS ?formula) '
    'BIND("<b>bold</b>" AS ?markup) }'
)
POSTED = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def base(built, tmp_path_factory):
    with nnkg_serve(built, "--workers", "2", cwd=tmp_path_factory.mktemp("serve")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def visit(browser, base: str, hash_: str = ""):
    """The query page at ``hash_``; only the server's three URLs may be fetched."""
    through = (f"{base}/query", f"{base}/sparql", f"{base}/")
    return open_url(browser, f"{base}/query{hash_}", through=through)


def answered(page) -> None:
    """Wait until the answer's table is drawn and its labels are in."""
    page.locator("#answer[data-labelled]").wait_for(timeout=30_000)


def stepped(page, text: str) -> None:
    """After back or forward: wait until the page has taken the step (its query in the box,
    which clears the old answer) and then for the step's answer; the history call itself
    may return before the page's popstate handler ran."""
    page.wait_for_function("t => document.querySelector('#query').value === t", arg=text)
    answered(page)


def hash_query(page) -> str | None:
    found = parse_qs(urlsplit(page.url).fragment).get("query")
    return found[0] if found else None


def downloaded(page, button: str, tmp_path) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def assert_clean(seen) -> None:
    assert seen.errors == [] and seen.violations() == [] and seen.blocked == []


def test_a_link_runs_its_query_labels_iris_links_entities_and_downloads(browser, base, tmp_path):
    seen = visit(browser, base, "#" + urlencode({"query": QUERY}))
    page = seen.page
    answered(page)
    assert page.input_value("#query") == QUERY
    assert page.evaluate("document.getElementById('gallery').open") is False
    assert page.locator("#answer th").all_text_contents() == ["o", "formula", "markup"]
    entity = page.locator("#answer td a.entity")
    assert entity.all_text_contents() == ["water-soluble vitamin"]
    assert page.locator("#answer td .curie").all_text_contents() == ["ent:water-soluble-vitamin"]
    href = urlsplit(entity.get_attribute("href"))
    assert (href.path, parse_qs(href.fragment)) == ("/", {"entity": [WSV]})
    cells = page.locator("#answer td").all_text_contents()
    assert cells[1:] == ["=1+1", "<b>bold</b>"] and page.locator("#answer b").count() == 0

    rows = list(csv.reader(io.StringIO(downloaded(page, "#download-csv", tmp_path).decode())))
    assert rows == [["o", "formula", "markup"], [WSV, "'=1+1", "<b>bold</b>"]]
    direct = httpx.post(f"{base}/sparql", content=QUERY, headers=POSTED)
    assert downloaded(page, "#download-json", tmp_path) == direct.content
    assert_clean(seen)

    entity.click()  # the link opens the graph page with the entity selected
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    wait_drawn(page)
    assert page.evaluate("nnkg.network.getSelectedNodes()") == [WSV]
    assert_clean(seen)
    page.context.close()


def test_the_gallery_runs_examples_and_back_and_forward_step_through_them(browser, base):
    canned = {q.name: q for q in canned_queries()}
    first = next(iter(canned.values()))
    seen = visit(browser, base)
    page = seen.page
    assert page.input_value("#query") == first.text and hash_query(page) is None
    assert page.locator("#question").text_content() == first.question
    assert page.locator("#examples button").count() == len(canned)
    assert page.locator("#answer").text_content() == ""
    for name in ("competency-05", "competency-01"):
        example = page.locator(f'#examples button[data-name="{name}"]')
        assert canned[name].question in example.text_content()
        example.click()
        answered(page)
        assert hash_query(page) == canned[name].text
        assert page.locator("#question").text_content() == canned[name].question
        assert page.locator("#answer tbody tr").count() > 0

    page.go_back()
    stepped(page, canned["competency-05"].text)
    assert hash_query(page) == canned["competency-05"].text
    page.go_forward()
    stepped(page, canned["competency-01"].text)
    assert hash_query(page) == canned["competency-01"].text
    page.go_back()
    page.go_back()
    page.wait_for_function("() => location.hash === ''")
    assert page.input_value("#query") == first.text
    assert page.locator("#answer").text_content() == ""
    assert_clean(seen)
    page.context.close()


def test_a_link_with_a_query_longer_than_the_server_takes_is_not_run(browser, base):
    seen = visit(browser, base, "#" + urlencode({"query": "x" * (MAX_QUERY_CHARS + 1)}))
    page = seen.page
    status = page.locator("#status")
    assert f"longer than the {MAX_QUERY_CHARS:,} characters" in status.text_content()
    assert page.input_value("#query") == next(iter(canned_queries())).text
    assert f"{base}/sparql" not in seen.requests
    assert_clean(seen)
    page.context.close()
