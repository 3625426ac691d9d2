"""``import nnkg`` from a notebook: names as people write them, unknown names refused with
the closest matches, answers equal to the CLI's JSON, rich HTML that is escaped and offline,
and DataFrames (tests/test_cli.py checks that the import stays light)."""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser

import pytest

import kg
import nnkg
from kg.cli import cli

ENT = "https://w3id.org/nnkg/entity/"
B12 = ENT + "vitamin-b12"


@pytest.fixture(scope="module")
def g(built):
    return nnkg.open(built)


def cli_json(runner, built, *args: str) -> dict:
    result = runner.invoke(cli, [*args, "--format", "json", "--build", str(built)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


class Markup(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML fragment."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}


def assert_offline(markup: Markup, links_allowed: bool = False) -> None:
    """Nothing loads from outside: no src, srcset, poster, stylesheet or script URL (and in
    a fragment, no link at all)."""
    for tag, attrs in markup.tags:
        for name, value in attrs.items():
            loads = name in ("src", "srcset", "poster", "data") or (
                name == "href" and (tag != "a" or not links_allowed)
            )
            if loads and value:
                assert not value.lower().startswith(("http:", "https:", "//", "ftp:")), (
                    tag,
                    name,
                    value,
                )


def test_dir_shows_the_public_names():
    assert dir(nnkg) == sorted(kg.__all__)
    assert {"open", "Graph", "UnknownEntityError", "find_paths", "run_query"} <= set(dir(nnkg))
    assert nnkg.open is kg.open and nnkg.find_paths is kg.find_paths
    assert issubclass(nnkg.UnknownEntityError, nnkg.NnkgError)
    with pytest.raises(AttributeError, match="no_such_name"):
        nnkg.no_such_name  # noqa: B018


@pytest.mark.parametrize(
    "name", ["vitamin B12", "cobalamin", "  Vitamin  b-12 ", "CHEBI:176843", "ent:vitamin-b12", B12]
)
def test_labels_synonyms_curies_and_iris_name_one_entity(g, name):
    assert g.show(name).iri == B12
    answer = g.path(name, "serotonin", max_hops=3)
    assert answer.to_dict()["from"]["iri"] == B12 and len(answer) >= 1


def test_a_path_from_labels_is_the_cli_s_json(runner, built, g):
    answer = g.path("vitamin B12", "nerve signal conduction", max_hops=3, limit=3)
    assert answer.to_dict() == cli_json(
        runner, built, "path", "vitamin B12", "nerve signal conduction", "--max-hops", "3",
        "--limit", "3",
    )  # fmt: skip
    assert str(answer).startswith("vitamin B12 -> nerve signal conduction:")


def test_path_options_are_the_cli_s_flags(runner, built, g):
    answer = g.path("vitamin B12", "Alzheimer disease", uncontested=True, asserted_only=True)
    args = ("path", "vitamin B12", "Alzheimer disease", "--uncontested", "--asserted-only")
    assert answer.to_dict() == cli_json(runner, built, *args)


def test_effects_show_and_query_are_the_cli_s_json(runner, built, g):
    fx = g.effects("vitamin B12 deficiency", max_hops=2)
    assert fx.to_dict() == cli_json(runner, built, "effects", "vitamin B12 deficiency",
                                    "--max-hops", "2")  # fmt: skip
    up = g.effects("nerve damage", causes=True)
    assert up.to_dict() == cli_json(runner, built, "effects", "nerve damage", "--causes")
    assert g.show("cobalamin").to_dict() == cli_json(runner, built, "show", "cobalamin")
    assert g.query("competency-01").to_dict() == cli_json(runner, built, "query", "competency-01")


@pytest.mark.parametrize(
    "ask",
    [
        lambda g: g.path("vitamin B12", "serotnin"),
        lambda g: g.path("vitamn B12", "serotonin"),
        lambda g: g.effects("serotnin"),
        lambda g: g.show("serotnin"),
        lambda g: g.render(focus="serotnin"),
        lambda g: g.render(path=("vitamin B12", "serotnin")),
    ],
)
def test_an_unknown_name_raises_with_the_closest_matches(g, ask):
    with pytest.raises(nnkg.UnknownEntityError, match="did you mean") as caught:
        ask(g)
    assert caught.value.matches and caught.value.matches[0] in str(caught.value)
    assert caught.value.matches[0] in ("serotonin", "vitamin B12")


def test_a_name_like_nothing_still_raises_never_an_empty_answer(g):
    with pytest.raises(nnkg.UnknownEntityError, match="no similar name") as caught:
        g.path("vitamin B12", "qqqqqqqqqqqq")
    assert caught.value.matches == []
    assert isinstance(caught.value, kg.NnkgError)


def test_a_folder_without_a_build_is_refused(tmp_path):
    with pytest.raises(kg.NnkgError, match="no build here"):
        nnkg.open(tmp_path)


def test_no_path_is_an_answer_that_says_so(g):
    answer = g.path("serotonin", "vitamin B12")
    assert len(answer) == 0 and answer.to_dict()["paths"] == []
    assert "No path from serotonin to vitamin B12" in answer._repr_html_()
    assert answer.to_dataframe().empty


def test_bad_options_are_refused(g):
    with pytest.raises(ValueError, match="max_hops"):
        g.path("vitamin B12", "serotonin", max_hops=40)
    with pytest.raises(ValueError, match="path must be two names"):
        g.render(path="vitamin B12")
    with pytest.raises(kg.NnkgError, match="unknown source kind"):
        g.path("vitamin B12", "serotonin", min_reliability="Gossip")


def test_a_path_shows_its_hops_with_quotes_and_who_says_otherwise(g):
    answer = g.path("vitamin B12", "Alzheimer disease", max_hops=1)
    data = answer.to_dict()
    hop = data["paths"][0]["hops"][0]
    assert hop["contested"] and hop["against"]
    markup = Markup(answer._repr_html_())
    text = " ".join(markup.text)
    assert_offline(markup)
    assert "script" not in markup.names() and {"ol", "q"} <= markup.names()
    for claim in (*hop["claims"], *hop["against"]):
        assert claim["quote"] in text
    assert "who says otherwise" in text


def test_the_entity_card_lists_its_claims(g):
    entity = g.show("myelin")
    markup = Markup(entity._repr_html_())
    assert_offline(markup)
    text = " ".join(markup.text)
    edges = entity.to_dict()["claims"]
    quotes = [c["quote"] for way in ("out", "in") for e in edges[way] for c in e["claims"]]
    assert quotes and all(q in text for q in quotes)
    assert "claims about it" in text and "claims pointing to it" in text


def test_the_entity_card_says_how_many_sources_state_an_edge(g):
    entity = g.show("vitamin B12")
    text = " ".join(Markup(entity._repr_html_()).text)
    shared = [e for e in entity.to_dict()["claims"]["in"] if e["support"] > 1]
    assert shared and "asserted, 2 sources" in text.lower()


def test_sparql_results_are_a_table(g):
    result = g.query("competency-01")
    markup = Markup(result._repr_html_())
    assert_offline(markup)
    rows = [t for t, _ in markup.tags if t == "tr"]
    assert len(rows) == len(result) + 1
    assert "ent:methylation" in markup.text
    assert g.query("ASK { ent:vitamin-b12 a nnkg:Nutrient }").to_dict()["boolean"] is True


def test_graph_answers_convert_as_triples(g):
    result = g.query("CONSTRUCT { ent:myelin ?p ?o } WHERE { ent:myelin ?p ?o }")
    assert result.columns == ("subject", "predicate", "object") and len(result) > 0
    data = result.to_dict()
    assert data["head"]["vars"] == ["subject", "predicate", "object"]
    assert {b["subject"]["value"] for b in data["results"]["bindings"]} == {ENT + "myelin"}
    assert "ent:myelin" in str(result)  # Turtle, as nnkg query prints it


def test_queries_are_checked_as_on_the_command_line(g):
    with pytest.raises(kg.NnkgError, match=r"refused|SERVICE"):
        g.query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    with pytest.raises(kg.NnkgError, match=r"unknown canned query .competency-1.; did you mean"):
        g.query("competency-1")


def test_the_page_is_inline_and_offline(g, tmp_path):
    page = g.render(path=("vitamin B12", "serotonin"))
    assert page.to_dict()["path"][1] == {"iri": ENT + "serotonin", "label": "serotonin"}
    frame = Markup(page._repr_html_())
    ((tag, attrs),) = frame.tags
    assert tag == "iframe" and attrs["srcdoc"] == page.html and "allow-scripts" in attrs["sandbox"]
    assert_offline(frame)
    assert_offline(Markup(page.html), links_allowed=True)
    saved = page.save(tmp_path / "page.html")
    assert saved.read_text(encoding="utf-8") == str(page)
    focus = g.render(focus="myelin", hops=1)
    assert focus.to_dict()["focus"]["label"] == "myelin" and focus.to_dict()["hops"] == 1


def test_hostile_text_is_escaped():
    from kg.api.html import edge_html

    bad = "</b><script>alert(1)</script><img src=https://evil.example/x>"
    claim = {"quote": bad, "source": bad, "source_kind": bad, "start": 0, "end": 1,
             "certainty": bad, "negated": False, "qualifier_text": bad}  # fmt: skip
    ref = {"iri": '"><script>', "label": bad}
    edge = {"subject": ref, "object": ref, "predicate": ref, "sign": bad, "certainty": bad,
            "contested": True, "claims": [claim], "against": [claim]}  # fmt: skip
    markup = Markup(edge_html(edge))
    assert not {"script", "img"} & markup.names()
    assert bad in "".join(markup.text)


def test_answers_become_dataframes(g):
    pytest.importorskip("pandas")  # in the dev extra: CI runs this
    answer = g.path("vitamin B12", "serotonin", max_hops=3, limit=1)
    frame = answer.to_dataframe()
    assert list(frame.columns) == list(answer.columns)
    assert list(frame["object"]) == ["methylation", "neurotransmitter synthesis", "serotonin"]
    fx = g.effects("vitamin B12 deficiency", max_hops=1).to_dataframe()
    assert "myelin synthesis" in set(fx["entity"])
    shown = g.show("myelin").to_dataframe()
    assert set(shown["direction"]) == {"in", "out"}
    table = g.query("competency-01").to_dataframe()
    assert list(table.columns) == list(g.query("competency-01").columns)
    assert table["claims"].dtype.kind == "i"  # xsd:integer cells are numbers
    assert g.query("ASK { ?s ?p ?o }").to_dataframe()["_askResult"].tolist() == [True]


def test_without_pandas_the_error_names_the_extra(g, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install .nnkg\[pandas\].") as caught:
        g.show("myelin").to_dataframe()
    assert isinstance(caught.value, kg.NnkgError)
    assert g.show("myelin").to_dict()["label"] == "myelin"  # plain data needs nothing


def test_the_inline_page_draws_in_a_browser_offline(g, tmp_path):
    """In Chromium with the network cut off, as a notebook shows it: the page inside its
    sandboxed iframe draws the graph, fetches nothing and reports no error."""
    from browser import chromium, open_url

    from kg.page.render import subgraph_around

    notebook = tmp_path / "notebook.html"
    page = g.render(focus="myelin", hops=1)
    notebook.write_text(f"<!doctype html><title>cell</title>{page._repr_html_()}", "utf-8")
    with chromium() as browser:
        visit = open_url(browser, notebook.as_uri())
        frame = visit.page.wait_for_selector("iframe").content_frame()
        frame.wait_for_function("() => window.nnkg !== undefined && nnkg.state.stable",
                                timeout=60_000)  # fmt: skip
        shown = frame.evaluate("() => nnkg.network.body.data.nodes.length")
        assert shown == len(subgraph_around(g.network, ENT + "myelin", 1)) > 1
        assert visit.blocked == [] and visit.errors == []
