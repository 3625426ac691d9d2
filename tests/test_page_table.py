"""The page's claims table in real headless Chromium: every claim, sortable, filterable,
synchronized with the graph, exported as CSV and Turtle in the page, paged when large."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from browser import chromium, open_page

ROW_IRIS = "() => [...document.querySelectorAll('#claims tbody tr')].map((tr) => tr.dataset.claim)"
COLUMN = """(key) => {
    const heads = [...document.querySelectorAll('#claims thead th')];
    const at = heads.findIndex((th) => th.dataset.key === key);
    const rows = [...document.querySelectorAll('#claims tbody tr')];
    return rows.map((tr) => tr.children[at].textContent);
}"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def seed_page(browser, built):
    visit = open_page(browser, built / "nnkg.html")
    visit.page.click("#open-table")
    yield visit
    visit.page.context.close()


def _claims(page) -> dict[str, dict]:
    """Every claim on the page by IRI, with its edge."""
    found = page.evaluate(
        "() => nnkg.edges.get().flatMap((e) => e.claims.map((c) => ({...c, edge: e.id,"
        " negated: e.negated, relation: e.relation, contested: e.against.length > 0})))"
    )
    return {c["iri"]: c for c in found}


def _reset(page) -> None:
    page.fill("#table-search", "")
    for name in ("source", "relation", "certainty", "negated", "contested"):
        page.select_option(f"#table-{name}", "")


def test_the_table_has_every_claim(seed_page, net):
    page = seed_page.page
    every = {c.iri for *_, d in net.edges(data=True) for c in d["claims"]}
    rows = page.evaluate(ROW_IRIS)
    assert len(rows) == len(every) and set(rows) == every  # all rows, no pages, at this size
    assert page.locator("#table-pager").is_hidden()


def test_it_sorts_by_a_column_both_ways(seed_page):
    page = seed_page.page
    _reset(page)
    page.click('#claims th[data-key="subject"] button')
    subjects = page.evaluate(COLUMN, "subject")
    assert len(set(subjects)) > 1
    assert subjects == page.evaluate("(xs) => [...xs].sort((a, b) => a.localeCompare(b))", subjects)
    page.click('#claims th[data-key="subject"] button')
    assert page.evaluate(COLUMN, "subject") == subjects[::-1]
    assert page.get_attribute('#claims th[data-key="subject"]', "aria-sort") == "descending"
    page.click('#claims th[data-key="start"] button')
    starts = [int(x.split("–")[0]) for x in page.evaluate(COLUMN, "start")]
    assert starts == sorted(starts)


def test_it_filters_by_each_field(seed_page, documents):
    page = seed_page.page
    claims = _claims(page)
    _reset(page)
    source = sorted(documents)[0]
    page.select_option("#table-source", source)
    rows = page.evaluate(ROW_IRIS)
    assert rows and set(rows) == {i for i, c in claims.items() if c["source"] == source}
    page.select_option("#table-certainty", "Hedged")
    rows = page.evaluate(ROW_IRIS)
    assert rows and set(rows) == {
        i for i, c in claims.items() if c["source"] == source and c["certainty"] == "Hedged"
    }
    _reset(page)
    page.select_option("#table-negated", "yes")
    assert set(page.evaluate(ROW_IRIS)) == {i for i, c in claims.items() if c["negated"]}
    _reset(page)
    page.select_option("#table-contested", "yes")
    contested = {i for i, c in claims.items() if c["contested"]}
    assert contested and set(page.evaluate(ROW_IRIS)) == contested
    _reset(page)
    page.select_option("#table-relation", "has symptom")
    assert set(page.evaluate(ROW_IRIS)) == {
        i for i, c in claims.items() if c["relation"] == "has symptom"
    }
    _reset(page)
    page.fill("#table-search", "MYELIN")
    rows = page.evaluate(ROW_IRIS)
    assert rows and all(
        "myelin" in page.text_content(f'#claims tr[data-claim="{i}"]').lower() for i in rows
    )
    assert page.get_attribute("#table-status", "data-count") == str(len(rows))
    _reset(page)


def test_selecting_a_row_lights_its_edge_and_an_edge_marks_its_rows(seed_page):
    page = seed_page.page
    _reset(page)
    iri = page.evaluate(ROW_IRIS)[5]
    edge = _claims(page)[iri]["edge"]
    page.click(f'#claims tr[data-claim="{iri}"] td.quote')
    assert page.evaluate("nnkg.network.getSelectedEdges()") == [edge]
    opacity = page.evaluate(
        "(id) => nnkg.edges.get().map((e) => [e.id === id, e.color.opacity])", edge
    )
    assert all(o == 1 for lit, o in opacity if lit) and all(o < 1 for lit, o in opacity if not lit)
    assert page.get_attribute("#claims tr.picked", "data-claim") == iri
    assert seed_page.errors == [] and seed_page.violations() == []


def _export(page, button: str, tmp_path) -> str:
    with page.expect_download() as info:
        page.click(button)
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_text(encoding="utf-8")


def test_csv_export_holds_the_selected_rows(seed_page, tmp_path):
    page = seed_page.page
    _reset(page)
    page.select_option("#table-certainty", "Hedged")
    page.click('#claims th[data-key="object"] button')
    rows = page.evaluate(ROW_IRIS)
    claims = _claims(page)
    records = list(csv.DictReader(io.StringIO(_export(page, "#export-csv", tmp_path))))
    assert [r["claim"] for r in records] == rows  # the selection, in the table's order
    for r in records:
        claim = claims[r["claim"]]
        assert (r["quote"], int(r["start"]), int(r["end"])) == (
            claim["quote"], claim["start"], claim["end"],
        )  # fmt: skip
        assert r["certainty"] == "Hedged" and r["source"] == claim["source"]
    _reset(page)


def test_a_cell_a_spreadsheet_would_run_is_exported_inert(seed_page):
    # A quote or label that opens like a formula ("=HYPERLINK(...)", "-1+1", "@SUM") is
    # written with a leading apostrophe: shown by a spreadsheet, never run.
    hostile = {"claim": {"iri": "x", "quote": "=HYPERLINK(\"http://x\")", "source": "s",
                         "start": 0, "end": 1},
               "edge": {"from": "a", "to": "b", "predicate": "p", "relation": "r"},
               "subject": "-1+1", "object": "@SUM(A1)", "negated": False,
               "certainty": "Asserted", "contested": False, "source": "plain"}  # fmt: skip
    text = seed_page.page.evaluate("(row) => nnkg.table.csv([row])", hostile)
    record = next(csv.DictReader(io.StringIO(text)))
    assert record["quote"] == '\'=HYPERLINK("http://x")'
    assert (record["subject_label"], record["object_label"]) == ("'-1+1", "'@SUM(A1)")
    assert record["source_title"] == "plain"


def test_turtle_export_parses_and_holds_the_selected_claims(seed_page, built, tmp_path):
    import pyoxigraph
    import rdflib

    page = seed_page.page
    _reset(page)
    page.fill("#table-search", "myelin")
    rows = set(page.evaluate(ROW_IRIS))
    text = _export(page, "#export-ttl", tmp_path)
    graph = rdflib.Graph().parse(data=text, format="turtle")
    claim = rdflib.URIRef("https://w3id.org/nnkg/ontology#Claim")
    assert {str(s) for s in graph.subjects(rdflib.RDF.type, claim)} == rows
    store = pyoxigraph.Store()
    store.load(text.encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    # every triple exported is the build's, as the build writes it
    build = rdflib.Dataset(default_union=True)
    build.parse(built / "nnkg.trig", format="trig")
    assert all(t in build for t in graph)
    _reset(page)


def test_past_a_few_thousand_claims_it_pages(browser, net, tmp_path):
    from kg.page.render import render_page

    many = net.copy()
    *_, data = next(iter(many.edges(keys=True, data=True)))
    base = data["claims"][0]
    data["claims"] = [dataclasses.replace(base, iri=f"{base.iri}-{i}") for i in range(2500)]
    html = tmp_path / "many.html"
    html.write_text(render_page(many), encoding="utf-8")
    visit = open_page(browser, html)
    try:
        page = visit.page
        page.click("#open-table")
        total = page.evaluate("nnkg.edges.get().reduce((n, e) => n + e.claims.length, 0)")
        assert page.locator("#claims tbody tr").count() == 500
        assert page.is_visible("#table-pager")
        seen = set(page.evaluate(ROW_IRIS))
        while page.is_enabled("#table-next"):
            page.click("#table-next")
            seen |= set(page.evaluate(ROW_IRIS))
        assert len(seen) == total
        assert visit.errors == []
    finally:
        visit.page.context.close()
