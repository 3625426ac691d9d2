"""A real headless Chromium (Debian's package) driven by Playwright, with the network cut off.

Every request except the page's own file:// URL is aborted and recorded, so a page that
tries to fetch anything fails its test.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("Debian's chromium is not installed: run 'make test' (it installs it)")
    return path


@dataclass
class Visit:
    page: object
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_page(browser, html: Path) -> Visit:
    """Load ``html`` offline; wait until the network is drawn (and laid out)."""
    # bypass_csp lets the test evaluate JavaScript; requests are still cut off by the route.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    page = context.new_page()
    visit = Visit(page)
    url = html.resolve().as_uri()

    def route(r):
        visit.requests.append(r.request.url)
        if r.request.url == url:
            r.continue_()
        else:
            visit.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and visit.errors.append(m.text))
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("dialog", lambda d: (visit.errors.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url)
    page.wait_for_function("window.nnkg !== undefined && nnkg.state.stable", timeout=60_000)
    return visit
