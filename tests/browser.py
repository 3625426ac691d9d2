"""A real headless Chromium (Debian's package) driven by Playwright, with the network cut off.

Every request is recorded; one not let through or answered by the test is aborted and
recorded as blocked, so a page that tries to fetch anything fails its test. Pages keep their
own Content Security Policy in force (Playwright's ``evaluate`` is not subject to it), so
every test also checks that the policy lets the page work, and each violation it reports is
recorded.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

# Runs before the page's own scripts, in every document of the context.
_WATCH_CSP = """
window.nnkgViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.nnkgViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim()));
"""
# A function, not an expression: the page's CSP forbids eval, which string predicates need.
_DRAWN = "() => window.nnkg !== undefined && nnkg.state.stable"


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run 'make test' (it installs it)")
    return path


@contextmanager
def chromium():
    """One headless Chromium for a test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Visit:
    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, dialogs

    def violations(self) -> list[str]:
        """The CSP violations the current document has reported (directive, URI, sample)."""
        return self.page.evaluate("window.nnkgViolations")


def open_url(
    browser,
    url: str,
    *,
    through: Iterable[str] | None = None,
    answer: Callable[[object], bool] | None = None,
) -> Visit:
    """Load ``url`` in a fresh context. ``answer(route)`` may fulfil a request itself (and
    say True); requests to ``through`` (default: just ``url``) go where they point; every
    other request is aborted and recorded as blocked."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(_WATCH_CSP)
    page = context.new_page()
    visit = Visit(page)
    allowed = {url} if through is None else set(through)

    def route(r):
        visit.requests.append(r.request.url)
        if answer and answer(r):
            return
        if r.request.url in allowed:
            r.continue_()
        else:
            visit.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and visit.errors.append(m.text))
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("dialog", lambda d: (visit.errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url)
    return visit


def wait_drawn(page) -> None:
    """Wait until the graph page has drawn (and laid out) its network."""
    page.wait_for_function(_DRAWN, timeout=60_000)


def open_page(browser, html: Path) -> Visit:
    """Load the graph page ``html`` offline; wait until the network is drawn."""
    visit = open_url(browser, html.resolve().as_uri())
    wait_drawn(visit.page)
    return visit


def edge_point(page, edge_id: str) -> dict:
    """A point on screen where the edge, and only it, is under the mouse."""
    point = page.evaluate(
        """(id) => {
            const net = nnkg.network;
            const box = document.getElementById('graph').getBoundingClientRect();
            const alone = (dom) => {
                for (let dx = -8; dx <= 8; dx += 2) for (let dy = -8; dy <= 8; dy += 2) {
                    const p = {x: dom.x + dx, y: dom.y + dy};
                    const e = net.getEdgeAt(p);
                    if (net.getNodeAt(p) !== undefined) return false;
                    if (e !== undefined && e !== id) return false;
                }
                return net.getEdgeAt(dom) === id;
            };
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
                const dom = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(t));
                if (alone(dom)) return {x: box.left + dom.x, y: box.top + dom.y};
            }
            return null;
        }""",
        edge_id,
    )
    assert point, f"edge {edge_id} is hidden under others everywhere"
    return point


def node_point(page, node_id: str) -> dict:
    """The centre of the node on screen."""
    return page.evaluate(
        """(id) => {
            const dom = nnkg.network.canvasToDOM(nnkg.network.getPositions([id])[id]);
            const box = document.getElementById('graph').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        node_id,
    )
