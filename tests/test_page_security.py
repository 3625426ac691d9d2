"""No script in any page: hostile text in every field, in real Chromium, on the full, --focus
and --path pages and on the query page; and the Content Security Policy behind them.

A crafted ``nnkg.trig`` (curation would never let it through) carries the same payloads in
every text field: labels, synonyms, definitions, quotes, source titles and notes, relation
labels; source ids and cross-references are IRIs, so they carry ``javascript:`` and the like.
A page passes when each shows up verbatim as text, no dialog opens, nothing sets
``window.pwned``, nothing is fetched, no link leads anywhere but http(s), and the browser
reports no CSP violation.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from browser import chromium, edge_point, node_point, open_page, open_url
from click.testing import CliRunner
from conftest import ROOT
from jinja2.utils import htmlsafe_json_dumps
from servers import nnkg_serve

from kg.cli import cli
from kg.page.query import query_page

PAYLOADS = (
    "</title><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(2)>",
    "</script><script>window.pwned=1</script>",
    "<svg onload=alert(1)>",
    "<!--<script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "javascript:alert(1)",
    "\u2028",
    "\u0000",
)


def hostile(field: str) -> str:
    """What the crafted build says in ``field``: the field's name, then every payload."""
    return f"{field}: " + " ".join(PAYLOADS)


ENT = "https://w3id.org/nnkg/entity/"
SRC = "https://w3id.org/nnkg/source/"
BAD_LINKS = (
    "javascript:alert(1)",
    "JavaScript:alert(document.domain)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
)
GOOD_LINK = "https://example.org/ok"
# Source ids are the local names of src: IRIs: no spaces or angle brackets, but a scheme
# or character references that would turn into markup if anything decoded them twice.
UNTITLED = ("javascript:alert(1)", "&lt;img&Tab;src=x&Tab;onerror=alert(1)&gt;")
TITLED = "titled"
LABEL = {slug: hostile(f"label {slug}") for slug in "abcd"}
# ent:a's neighbours (one hop) are b and d: these fields are on every page
EVERYWHERE = [
    *(LABEL[s] for s in "abd"),
    hostile("synonym 1"),
    hostile("synonym 2"),
    hostile("definition"),
    hostile("relation"),
    f"→ NOT {hostile('relation')} →",
    hostile("quote 1"),
    hostile("quote 3"),
    *(f"{name} — characters 0–9" for name in (UNTITLED[0], hostile("title"))),
    *BAD_LINKS,
]
BEYOND_FOCUS = [LABEL["c"], hostile("quote 2"), f"{UNTITLED[1]} — characters 0–9"]


def lit(text: str) -> str:
    """A Turtle string: JSON's escapes (\\", \\\\, \\uXXXX) are Turtle's too."""
    return json.dumps(text)


def crafted_trig() -> str:
    """a -> b -> c (hedged, then asserted) and a -NOT-> d, each claim from a source of its
    own; b, c and d of classes the page has no style for (abstract, foreign, a literal)."""
    links = ", ".join(f"<{iri}>" for iri in BAD_LINKS)
    claims = [  # source id, its title, subject, object, certainty, negated
        (UNTITLED[0], "", "a", "b", "Hedged", "false"),
        (UNTITLED[1], "", "b", "c", "Asserted", "false"),
        (TITLED, hostile("title"), "a", "d", "Asserted", "true"),
    ]
    graphs = []
    for n, (name, title, s, o, certainty, negated) in enumerate(claims, 1):
        src = f"<{SRC}{name}>"
        titled = f" ; dcterms:title {lit(title)}" if title else ""
        graphs.append(f"""
{src} {{
    {src} a nnkg:Source ; nnkg:sourceKind nnkg:FactSheet{titled} ;
        dcterms:description {lit(hostile(f"note {n}"))} .
    claim:c{n} a nnkg:Claim ; rdf:subject ent:{s} ; rdf:predicate nnkg:hostile ;
        rdf:object ent:{o} ; prov:wasDerivedFrom {src} ;
        nnkg:quote {lit(hostile(f"quote {n}"))} ; nnkg:start 0 ; nnkg:end 9 ;
        nnkg:certainty nnkg:{certainty} ; nnkg:negated {negated} .
}}""")
    return f"""\
@prefix claim: <https://w3id.org/nnkg/claim/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ent: <{ENT}> .
@prefix nnkg: <https://w3id.org/nnkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

<https://w3id.org/nnkg/ontology> {{
    nnkg:hostile a nnkg:Relation ; rdfs:label {lit(hostile("relation"))} ;
        nnkg:polarity nnkg:Increases .
}}
<https://w3id.org/nnkg/catalogue> {{
    ent:a a nnkg:Nutrient ; rdfs:label {lit(LABEL["a"])} ;
        skos:altLabel {lit(hostile("synonym 1"))}, {lit(hostile("synonym 2"))} ;
        skos:definition {lit(hostile("definition"))} ;
        skos:exactMatch {links} ; skos:closeMatch <{GOOD_LINK}> .
    ent:b a nnkg:Entity ; rdfs:label {lit(LABEL["b"])} .
    ent:c a <http://example.org/kinds#Widget> ; rdfs:label {lit(LABEL["c"])} .
    ent:d a "</script>kind" ; rdfs:label {lit(LABEL["d"])} .
}}
{"".join(graphs)}
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """A build folder holding the crafted nnkg.trig and a manifest that matches it: the
    manifest tells interrupted builds from whole ones, so a forger can write one too."""
    from kg.base.manifest import write_build

    folder = tmp_path_factory.mktemp("crafted")
    write_build(folder, {"nnkg.trig": crafted_trig().encode("utf-8")})
    return folder


PAGES = {
    "full": [],
    "focus": ["--focus", "ent:a", "--hops", "1"],
    "path": ["--path", "ent:a", "ent:c"],
}
TITLES = {
    "full": "nnkg: what health texts claim about nutrients and nerves",
    "focus": f"nnkg: {LABEL['a']} and its neighbourhood (1 hops)",
    "path": "nnkg: what health texts claim about nutrients and nerves",
}


@pytest.fixture(scope="module")
def pages(crafted, tmp_path_factory) -> dict[str, Path]:
    """The full, --focus and --path pages of the crafted build, made by ``nnkg render``."""
    out = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(out)  # the network cache goes here, not into the checkout
        for name, args in PAGES.items():
            command = ["render", "--build", str(crafted), *args, "-o", f"{name}.html"]
            result = CliRunner().invoke(cli, command)
            assert result.exit_code == 0, result.output
            assert result.stdout == f"{name}.html\n"
    return {name: out / f"{name}.html" for name in PAGES}


class InlineCode(HTMLParser):
    """What a page would run: its CSP meta, its inline scripts (not data blocks), its styles."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.policy: str | None = None
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.data: list[str] = []
        self._into: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "content-security-policy":
            self.policy = attrs["content"]
        elif tag in ("script", "style"):
            json_block = attrs.get("type") == "application/json"
            self._into = (
                self.styles if tag == "style" else self.data if json_block else self.scripts
            )
            self._into.append("")

    def handle_data(self, data) -> None:
        if self._into is not None:
            self._into[-1] += data

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self._into = None


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


def sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def assert_policy_runs_exactly(policy: str, code: InlineCode) -> dict[str, list[str]]:
    """``policy`` lets run the page's inline scripts and styles, by hash, and nothing else."""
    rules = directives(policy)
    assert sorted(rules["script-src"]) == sorted(map(sha256, code.scripts))
    assert sorted(rules["style-src"]) == sorted(map(sha256, code.styles))
    assert rules["default-src"] == ["'none'"]
    assert rules["base-uri"] == ["'none'"] and rules["form-action"] == ["'none'"]
    assert rules["require-trusted-types-for"] == ["'script'"]
    assert rules["trusted-types"] == ["'none'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    return rules


def assert_inert(visit, scripts: int) -> None:
    """Nothing ran, opened, fetched or was refused, no markup was made of text (the page
    holds just its own ``scripts`` script elements), and no link leads off the web."""
    page = visit.page
    assert visit.errors == []  # console errors, uncaught exceptions and dialogs
    assert visit.violations() == []
    assert visit.blocked == []
    assert page.evaluate("window.pwned") is None
    assert page.locator("img, svg, iframe, frame, object, embed").count() == 0
    assert page.locator("script").count() == scripts
    protocols = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
    assert set(protocols) <= {"http:", "https:"}


# What injected code would do first: add a script of its own.
INJECT_SCRIPT = """() => {
    const script = document.createElement('script');
    script.append('window.pwned = 1');
    document.body.append(script);
}"""


def cards(page) -> str:
    """The text of every tooltip card, as the page built them from its data."""
    return page.evaluate(
        "[...nnkg.nodes.get(), ...nnkg.edges.get()].map(x => x.title.textContent).join('\\n')"
    )


@pytest.mark.parametrize("kind", PAGES)
def test_hostile_text_is_shown_as_text_never_run(browser, pages, kind):
    html = pages[kind].read_text(encoding="utf-8")
    code = InlineCode(html)
    assert len(code.data) == 1 and len(code.scripts) == 2  # vis-network and page.js
    assert "<img" not in html and "<svg" not in html and "</title><script>" not in html
    assert "{{ 7*7 }} {% raw %}" in code.data[0]  # no template engine read the data

    visit = open_page(browser, pages[kind])
    page = visit.page
    assert page.locator("title").text_content() == TITLES[kind]
    assert page.locator("#title").text_content() == TITLES[kind]
    shown = cards(page)
    for text in EVERYWHERE + (BEYOND_FOCUS if kind != "focus" else []):
        assert text in shown
    if kind == "focus":
        assert not any(text in shown for text in BEYOND_FOCUS)
    if kind == "path":
        note = f"Path {LABEL['a']} → {LABEL['c']}: sign +, hedged"
        assert page.locator("#path-note").text_content() == note
    sources = page.locator("#source-filters").text_content()
    assert all(f"{name} (FactSheet)" in sources for name in (*UNTITLED, hostile("title")))

    page.evaluate("nnkg.network.fit()")
    point = node_point(page, ENT + "a")
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert LABEL["a"] in tooltip.text_content() and hostile("definition") in tooltip.text_content()
    page.mouse.click(point["x"], point["y"])
    details = page.locator("#details")
    assert all(link in details.text_content() for link in BAD_LINKS)  # as text
    assert details.locator("a").evaluate_all("links => links.map(a => a.href)") == [GOOD_LINK]

    edge = page.evaluate("nnkg.edges.get({filter: e => e.from.endsWith('/a') && !e.negated})[0]")
    page.mouse.move(5, 5)
    point = edge_point(page, edge["id"])
    page.mouse.move(point["x"], point["y"])
    page.locator("div.vis-tooltip").wait_for(state="visible", timeout=5_000)
    text = page.locator("div.vis-tooltip").text_content()
    assert hostile("quote 1") in text and hostile("relation") in text
    assert f"{UNTITLED[0]} — characters 0–9" in text
    assert_inert(visit, scripts=3)
    visit.page.context.close()


def test_only_web_iris_become_links_in_the_data_and_in_the_page(browser, pages, tmp_path):
    html = pages["full"].read_text(encoding="utf-8")
    block = InlineCode(html).data[0]
    data = json.loads(block)
    xrefs = next(n["xrefs"] for n in data["nodes"] if n["id"] == ENT + "a")
    assert {x["curie"]: x["href"] for x in xrefs} == {
        **dict.fromkeys(BAD_LINKS),
        GOOD_LINK: GOOD_LINK,
    }
    # page.js checks again: were the data to offer a javascript: link, it would stay text
    for x in xrefs:
        x["href"] = x["curie"]
    forged = tmp_path / "forged.html"
    forged.write_text(html.replace(block, htmlsafe_json_dumps(data)), encoding="utf-8")
    visit = open_page(browser, forged)
    page = visit.page
    page.evaluate("nnkg.network.fit()")
    point = node_point(page, ENT + "a")
    page.mouse.click(point["x"], point["y"])
    details = page.locator("#details")
    assert all(link in details.text_content() for link in BAD_LINKS)
    assert details.locator("a").evaluate_all("links => links.map(a => a.href)") == [GOOD_LINK]
    assert_inert(visit, scripts=3)
    visit.page.context.close()


def test_search_echoes_hostile_input_as_text(browser, pages):
    visit = open_page(browser, pages["full"])
    page = visit.page
    page.fill("#search", hostile("synonym 2").upper())
    page.press("#search", "Enter")
    assert page.locator("#search-status").text_content() == f"Found {LABEL['a']}."
    page.fill("#search", "no such </p><script>window.pwned=1</script>")
    page.press("#search", "Enter")
    status = page.locator("#search-status").text_content()
    assert status == "No entity is called “no such </p><script>window.pwned=1</script>”."
    assert_inert(visit, scripts=3)
    visit.page.context.close()


def test_any_class_renders_neutral_after_the_known_ones(browser, pages):
    visit = open_page(browser, pages["full"])
    page = visit.page
    rows = page.locator("#legend .legend-row").all_text_contents()
    assert rows[:4] == ["Nutrient", "Entity", "Widget", 'Script>kind"']
    neutral = page.evaluate("nnkg.nodes.get(['b', 'c', 'd'].map(s => '" + ENT + "' + s))")
    assert {(n["color"], n["shape"]) for n in neutral} == {("#bbbbbb", "dot")}
    swatch = page.locator("#legend .legend-row", has_text="Widget").locator(".swatch")
    assert swatch.evaluate("s => getComputedStyle(s).backgroundColor") == "rgb(187, 187, 187)"
    page.uncheck('input[data-group="class"][value="Entity"]')
    hidden = page.evaluate("nnkg.nodes.get({filter: n => n.hidden}).map(n => n.id)")
    assert hidden == [ENT + "b", ENT + "c"]  # c's one edge goes with b: no orphan left
    assert_inert(visit, scripts=3)
    visit.page.context.close()


def test_every_entity_class_of_the_ontology_renders_in_legend_order():
    from kg.network.projection import claim_network
    from kg.page.render import CLASS_STYLES, render_page
    from kg.rdf.quads import NNKG, RDF_TYPE, RDFS, Quads, parse_quads

    ontology = Quads.of(parse_quads(ROOT / "ontology" / "nnkg.ttl", "ttl", graph="<urn:o>"))
    classes, grew = {NNKG + "Entity>"}, True
    while grew:  # nnkg:Entity and everything under it, abstract classes included
        below = {s for s, p, o in ontology.triples if p == RDFS + "subClassOf>" and o in classes}
        grew = not below <= classes
        classes |= below
    entities = [("<urn:o>", f"<{ENT}e{i}>", RDF_TYPE, c) for i, c in enumerate(sorted(classes))]
    net = claim_network(Quads.of(entities))
    html = render_page(net)
    assert html == render_page(net)
    names = [c["name"] for c in json.loads(InlineCode(html).data[0])["meta"]["classes"]]
    assert sorted(names) == sorted(c.removeprefix(NNKG).removesuffix(">") for c in classes)
    known = [n for n in CLASS_STYLES if n in names]
    assert names == known + sorted(set(names) - set(known))
    assert names[len(known) :] == ["Condition", "Entity"]


def test_graph_page_policy_runs_exactly_its_inline_code(built):
    html = (built / "nnkg.html").read_text(encoding="utf-8")
    code = InlineCode(html)
    assert len(code.scripts) == 2 and len(code.styles) == 1 and len(code.data) == 1
    rules = assert_policy_runs_exactly(code.policy, code)
    assert set(rules) == {
        "default-src", "script-src", "style-src", "base-uri", "form-action",
        "require-trusted-types-for", "trusted-types",
    }  # fmt: skip


def test_graph_page_works_with_its_policy_in_force_and_refuses_the_rest(browser, built):
    visit = open_page(browser, built / "nnkg.html")
    page = visit.page
    assert visit.violations() == [] and visit.errors == []
    painted = page.evaluate(
        """() => {
            const canvas = document.querySelector('#graph canvas');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
            return pixels.data.filter((v, i) => i % 4 === 3 && v > 0).length;
        }"""
    )
    assert painted > 10_000  # the network is drawn, not just laid out
    page.evaluate(INJECT_SCRIPT)
    page.evaluate("() => { new Image().src = 'https://example.org/beacon.png'; }")
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None
    refused = {v.split()[0] for v in visit.violations()}
    assert refused == {"require-trusted-types-for", "img-src"}
    assert visit.blocked == []  # the policy stopped the image before any request
    visit.page.context.close()


def test_policy_stops_markup_that_escaping_would_have_missed(browser, built, tmp_path):
    """Were a payload ever written into the page as markup, the CSP still would not run it."""
    html = (built / "nnkg.html").read_text(encoding="utf-8")
    broken = tmp_path / "broken.html"
    broken.write_text(
        html.replace(
            "<body>", '<body><script>window.pwned=1</script><img src=x onerror="window.pwned=2">', 1
        ),
        encoding="utf-8",
    )
    visit = open_page(browser, broken)
    assert visit.page.evaluate("window.pwned") is None
    refused = {v.split()[0] for v in visit.violations()}
    assert "script-src-elem" in refused and "img-src" in refused
    assert visit.blocked == []
    visit.page.context.close()


EXAMPLES = [
    {"name": hostile("name"), "question": hostile("question"), "text": hostile("query")},
    {"name": "second", "question": "?", "text": "ASK {}"},
]
RESULT = {
    "head": {"vars": ["s", hostile("var")]},
    "results": {
        "bindings": [
            {
                "s": {"type": "uri", "value": "javascript:alert(1)"},
                hostile("var"): {"type": "literal", "value": hostile("value")},
            }
        ]
    },
}


def test_query_page_policy_runs_exactly_its_inline_code():
    page = query_page(EXAMPLES)
    code = InlineCode(page.html)
    assert code.policy is None  # it travels as the HTTP header
    assert len(code.scripts) == 1 and len(code.styles) == 1
    rules = assert_policy_runs_exactly(page.csp, code)
    assert rules["connect-src"] == ["'self'"] and rules["frame-ancestors"] == ["'none'"]
    assert json.loads(code.data[0]) == EXAMPLES
    assert query_page(EXAMPLES) == page


def test_query_page_shows_hostile_examples_and_results_as_text(browser):
    served = query_page(EXAMPLES)
    posted = []

    def answer(route) -> bool:
        url = route.request.url
        if url == "http://nnkg.test/query":
            route.fulfill(
                status=200,
                content_type="text/html; charset=utf-8",
                headers={"Content-Security-Policy": served.csp},
                body=served.html,
            )
        elif url == "http://nnkg.test/sparql" and route.request.method == "POST":
            posted.append(route.request.post_data)
            route.fulfill(content_type="application/sparql-results+json", body=json.dumps(RESULT))
        else:
            return False
        return True

    visit = open_url(browser, "http://nnkg.test/query", through=(), answer=answer)
    page = visit.page
    assert page.locator("#examples .name").all_text_contents() == [hostile("name"), "second"]
    assert page.locator("#question").text_content() == hostile("question")
    assert page.input_value("#query") == hostile("query")
    page.click("#run")
    page.locator("#answer[data-labelled]").wait_for(timeout=10_000)
    assert posted[0] == hostile("query") and len(posted) == 2  # the query, then its labels
    assert page.locator("#answer th").all_text_contents() == ["s", hostile("var")]
    assert page.locator("#answer td").all_text_contents() == [
        "javascript:alert(1)",
        hostile("value"),
    ]
    assert page.locator("#status").text_content().startswith("1 row(s)")
    assert page.locator("#answer a").count() == 0
    assert_inert(visit, scripts=3)
    page.evaluate(INJECT_SCRIPT)  # the header's policy is in force
    assert page.evaluate("window.pwned") is None
    assert [v.split()[0] for v in visit.violations()] == ["require-trusted-types-for"]
    visit.page.context.close()


TEXTS = "rdfs:label|skos:altLabel|skos:definition|dcterms:title|dcterms:description|nnkg:quote"


def test_nnkg_serve_sends_the_query_page_with_its_policy(browser, crafted, tmp_path):
    from kg.sparql.queries import canned_queries

    examples = [{"name": q.name, "question": q.question, "text": q.text} for q in canned_queries()]
    expected = query_page(examples)
    with nnkg_serve(crafted, "--workers", "1", cwd=tmp_path) as base:
        response = httpx.get(f"{base}/query")
        assert response.text == expected.html
        assert response.headers["content-security-policy"] == expected.csp
        visit = open_url(browser, f"{base}/query", through=(f"{base}/query", f"{base}/sparql"))
        page = visit.page
        page.fill("#query", f"SELECT ?s ?text WHERE {{ ?s {TEXTS} ?text }} ORDER BY ?text")
        page.click("#run")
        page.locator("#answer[data-labelled]").wait_for(timeout=30_000)
        cells = page.locator("#answer td").all_text_contents()
        texts = sorted(cells[1::2])
        every = [*LABEL.values(), *(hostile(f) for f in ("synonym 1", "synonym 2", "definition"))]
        every += [hostile(f) for f in ("relation", "title", "note 1", "note 2", "note 3")]
        every += [hostile(f"quote {n}") for n in (1, 2, 3)]
        assert texts == sorted(every)
        assert f"src:{UNTITLED[0]}" in cells[::2]  # unlabelled: by CURIE, the IRI its title
        assert page.locator(f'#answer td[title="{SRC + UNTITLED[0]}"]').count() > 0
        assert page.locator("#answer a").count() == 0  # no graph page to link to
        assert_inert(visit, scripts=3)
        visit.page.context.close()
