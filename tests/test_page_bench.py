"""bench/page.py, the first-view benchmark, works: at a small size it renders a synthetic
page, opens it in headless Chromium and reads the page's marks (figures only: no timing is
checked here)."""

from __future__ import annotations

import importlib.util

from browser import chromium_path
from conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_page", ROOT / "bench" / "page.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_first_view_benchmark_measures_a_small_page(tmp_path):
    chromium_path()  # fails the test, not skips it, when chromium is missing
    bench = _bench()
    page_file = tmp_path / "page.html"
    figures = bench.render(300, page_file)
    assert figures["nodes"] == 300 and figures["edges"] > 300
    assert figures["bytes"] == page_file.stat().st_size
    [run] = bench.first_view(page_file)
    assert run["errors"] == []
    assert 0 < run["first_draw"] <= run["first_view"]
