"""The query page of ``nnkg serve`` (``/query``): a form that runs SPARQL at ``/sparql``.

The canned examples and the page's settings (the server's query length limit, the prefixes
that make CURIEs, whether there is a graph page to link entities to) reach the page as JSON
data blocks the browser never runs, escaped so that no value can end them; the page shows
every result with ``textContent``. Its only code is one inline script (``export.js``, the
CSV and download code nnkg's pages share, then the template's own) and its stylesheet, and
:attr:`QueryPage.csp`, the value of the ``Content-Security-Policy`` header to serve it
with, lets exactly those run (by hash) and the page talk to its own origin only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LABELS_AT_MOST", "QueryPage", "query_page"]

TEMPLATE = Path(__file__).parent / "query.html"
SHARED_SCRIPT = Path(__file__).parent / "export.js"
#: The most IRIs of one answer whose labels the page asks for (in one follow-up query, in
#: the order they first appear); the others are shown by CURIE.
LABELS_AT_MOST = 500
# The template's code elements carry no attributes (the data blocks do, and hold no "<"),
# so in the rendered page these are exactly the inline scripts and styles.
_CODE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True)
class QueryPage:
    """The page's HTML and the Content-Security-Policy header value that must go with it."""

    html: str
    csp: str


def _settings(graph_page: bool) -> dict:
    """What the page's script needs to know of this server and of nnkg's vocabulary."""
    from kg.base.vocab import CURIE_PREFIXES, ENT_IRI, prefix_iris
    from kg.sparql.guard import MAX_QUERY_CHARS

    return {
        "maxQueryChars": MAX_QUERY_CHARS,
        "labelsAtMost": LABELS_AT_MOST,
        "prefixes": {**prefix_iris(), **CURIE_PREFIXES},
        "entity": ENT_IRI,
        "graphPage": graph_page,
    }


def query_page(examples: list[dict], *, graph_page: bool = False) -> QueryPage:
    """The query page offering ``examples`` (each with name, question and text); with
    ``graph_page``, entities in answers link to the graph page at ``/``.

    >>> page = query_page([{"name": "q", "question": "</script>?", "text": "ASK {}"}])
    >>> "</script>?" in page.html
    False
    >>> "script-src 'sha256-" in page.csp and "connect-src 'self'" in page.csp
    True
    """
    from jinja2.utils import htmlsafe_json_dumps
    from markupsafe import Markup

    from kg.page.render import content_security_policy, escaping_template

    template = escaping_template(TEMPLATE.read_text(encoding="utf-8"))
    html = template.render(
        examples=htmlsafe_json_dumps(examples),
        settings=htmlsafe_json_dumps(_settings(graph_page)),
        export_js=Markup(SHARED_SCRIPT.read_text(encoding="utf-8")),
    )
    code = _CODE.findall(html)
    csp = content_security_policy(
        scripts=[text for tag, text in code if tag == "script"],
        styles=[text for tag, text in code if tag == "style"],
        extra=("connect-src 'self'", "frame-ancestors 'none'"),
    )
    return QueryPage(html, csp)
