"""The query page of ``nnkg serve`` (``/query``): a form that runs SPARQL at ``/sparql``.

The canned examples reach the page as a JSON data block the browser never runs, escaped so
that no example can end it; the page shows every result with ``textContent``. Its only code
is the template's own inline script and stylesheet, and :attr:`QueryPage.csp`, the value of
the ``Content-Security-Policy`` header to serve it with, lets exactly those run (by hash)
and the page talk to its own origin only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["QueryPage", "query_page"]

TEMPLATE = Path(__file__).parent / "query.html"
# The template's code elements carry no attributes (the data block does, and holds no "<"),
# so in the rendered page these are exactly the inline scripts and styles.
_CODE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True)
class QueryPage:
    """The page's HTML and the Content-Security-Policy header value that must go with it."""

    html: str
    csp: str


def query_page(examples: list[dict]) -> QueryPage:
    """The query page offering ``examples`` (each with name, question and text).

    >>> page = query_page([{"name": "q", "question": "</script>?", "text": "ASK {}"}])
    >>> "</script>?" in page.html
    False
    >>> "script-src 'sha256-" in page.csp and "connect-src 'self'" in page.csp
    True
    """
    from jinja2.utils import htmlsafe_json_dumps

    from kg.page.render import content_security_policy, escaping_template

    template = escaping_template(TEMPLATE.read_text(encoding="utf-8"))
    html = template.render(examples=htmlsafe_json_dumps(examples))
    code = _CODE.findall(html)
    csp = content_security_policy(
        scripts=[text for tag, text in code if tag == "script"],
        styles=[text for tag, text in code if tag == "style"],
        extra=("connect-src 'self'", "frame-ancestors 'none'"),
    )
    return QueryPage(html, csp)
