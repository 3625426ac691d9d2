"""The page's first view at scale: how long after navigation headless Chromium draws it.

    python bench/page.py                  # a 10,000-node synthetic network
    python bench/page.py --nodes 2000 --repeat 5

Renders the page of a synthetic claim network (bench/synthetic.py: power-law degrees, two
edges per node), opens it from disk in Debian's headless Chromium (Playwright steers it, the
network cut off) at 1440×900 and prints the page's size, the render time, and two times from
navigation (``performance.now()``, the page's marks): vis-network's first ``afterDrawing``
(``nnkg:first-draw``) and the first view laid out and drawn, whole or focused
(``nnkg:first-view``); then, for a page that starts focused, how long "Show the whole graph"
takes to draw everything. Figures, never assertions.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
# performance marks the page sets (kg/page/page.js), each read as ms since navigation
MARKS = {"first_draw": "nnkg:first-draw", "first_view": "nnkg:first-view"}
_READ = """(marks) => Object.fromEntries(Object.entries(marks).map(([key, name]) =>
    [key, (performance.getEntriesByName(name)[0] || {}).startTime ?? null]))"""
_DONE = "() => performance.getEntriesByName('nnkg:first-view').length > 0"
# From a click on "Show the whole graph" (a focused start) to the next frame once it is laid out.
_WHOLE = """async () => {
    const button = document.getElementById('show-whole');
    if (!button) return null;
    const start = performance.now();
    button.click();
    while (!nnkg.state.stable) await new Promise((go) => setTimeout(go, 20));
    await new Promise((go) => requestAnimationFrame(() => requestAnimationFrame(go)));
    return performance.now() - start;
}"""


def render(nodes: int, out: Path) -> dict:
    """Write the page of a ``nodes``-node synthetic network to ``out``; its figures."""
    from synthetic import synthetic_network

    from kg.page.render import render_page

    net = synthetic_network(nodes)
    started = time.perf_counter()
    html = render_page(net)
    took = time.perf_counter() - started
    out.write_text(html, encoding="utf-8")
    return {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "bytes": len(html.encode("utf-8")),
        "render_ms": took * 1000,
    }


def _offline(route) -> None:
    """Let the page itself load; abort anything else it asks for."""
    route.continue_() if route.request.url.startswith("file:") else route.abort()


def first_view(page_file: Path, *, repeat: int = 1, timeout_ms: int = 120_000) -> list[dict]:
    """Open ``page_file`` ``repeat`` times, each in a fresh context; the marks' times (ms
    from navigation) and any page error."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("bench/page.py: Debian's chromium is not installed (make chromium)")
    runs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1440, "height": 900})
            context.route("**/*", _offline)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function(_DONE, timeout=timeout_ms)
            marks = page.evaluate(_READ, MARKS)
            runs.append({**marks, "whole": page.evaluate(_WHOLE), "errors": errors})
            context.close()
        browser.close()
    return runs


def _median(runs: list[dict], key: str) -> str:
    values = [r[key] for r in runs if r[key] is not None]
    return f"{statistics.median(values):,.0f} ms" if values else "never"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "page.html"
        figures = render(args.nodes, page_file)
        runs = first_view(page_file, repeat=args.repeat)
    print(f"nnkg page, {figures['nodes']:,} nodes and {figures['edges']:,} edges "
          f"(synthetic), headless Chromium at 1440×900, median of {args.repeat}")  # fmt: skip
    print(f"  page size                        {figures['bytes']:,} bytes")
    print(f"  render_page                      {figures['render_ms']:,.0f} ms")
    print(f"  navigation → first afterDrawing  {_median(runs, 'first_draw')}")
    print(f"  navigation → first view drawn    {_median(runs, 'first_view')}")
    print(f"  then the whole graph, drawn      {_median(runs, 'whole')}")
    for error in {e for r in runs for e in r["errors"]}:
        print(f"  page error: {error}")


if __name__ == "__main__":
    main()
