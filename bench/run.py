"""Benchmarks: figures for docs/scale.md, never assertions (performance lives here, not in tests).

    python bench/run.py            # the bundled seed
    python bench/run.py --repeat 50

Prints one table: build rate, projection time, path and effects latency (p50/p95),
`nnkg --help` start-up, peak RSS.
"""

from __future__ import annotations

import argparse
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PATH_QUERIES = [
    ("vitamin B12", "nerve signal conduction"),
    ("vitamin B12", "serotonin"),
    ("vitamin B12 deficiency", "paralysis"),
    ("vitamin B12", "nerve damage"),
]


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _timed(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from kg.build import build
    from kg.graph import load_quads
    from kg.network.paths import effects, find_paths
    from kg.network.projection import claim_network, load_network
    from kg.network.resolve import EntityResolver

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        builds = _timed(lambda: build(Path(tmp)), 5)
        result = build(Path(tmp))
        best = min(builds)
        rate = f"{result.triples / best:,.0f} triples/s"
        took = f"{result.triples} triples in {best * 1000:.0f} ms = {rate} (best of 5)"
        rows.append(("nnkg build (packaged sources)", took))
        loads = _timed(lambda: claim_network(load_quads(Path(tmp))), 5)
        rows.append(("load build + project to networkx", f"{min(loads) * 1000:.0f} ms"))
        cache = Path(tmp) / "cache"
        load_network(Path(tmp), cache_root=cache)
        cached = _timed(lambda: load_network(Path(tmp), cache_root=cache), 5)
        rows.append(("the same from .nnkg-cache", f"{min(cached) * 1000:.1f} ms"))
        net = claim_network(load_quads(Path(tmp)))

    resolver = EntityResolver(net)
    pairs = [(resolver.resolve(a), resolver.resolve(b)) for a, b in PATH_QUERIES]
    path_samples = _timed(lambda: [find_paths(net, a, b) for a, b in pairs], args.repeat)
    p50, p95 = _ms([s / len(pairs) for s in path_samples])
    rows.append(("nnkg path, once loaded", f"p50 {p50:.2f} ms, p95 {p95:.2f} ms"))
    b12 = resolver.resolve("vitamin B12")
    p50, p95 = _ms(_timed(lambda: effects(net, b12), args.repeat))
    rows.append(("nnkg effects 'vitamin B12'", f"p50 {p50:.2f} ms, p95 {p95:.2f} ms"))

    from kg.page.render import render_page

    renders = _timed(lambda: render_page(net), 5)
    size = len(render_page(net).encode("utf-8"))
    rows.append(("render the seed page", f"{min(renders) * 1000:.0f} ms, {size:,} bytes"))
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import synthetic_network

    big = synthetic_network(5000)
    big_renders = _timed(lambda: render_page(big), 3)
    big_size = len(render_page(big).encode("utf-8"))
    rows.append((f"render a {big.number_of_nodes():,}-node synthetic page",
                 f"{min(big_renders) * 1000:.0f} ms, {big_size:,} bytes"))  # fmt: skip
    dense = synthetic_network(5000, edges_per_node=15)
    ends = sorted(dense)
    rng = random.Random(1)
    pairs = [(rng.choice(ends), rng.choice(ends)) for _ in range(20)]
    find_paths(dense, *pairs[0])  # the first query indexes the network
    samples = [_timed(lambda a=a, b=b: find_paths(dense, a, b), 1)[0] for a, b in pairs]
    p50, p95 = _ms(samples)
    rows.append((f"nnkg path, {dense.number_of_edges():,}-edge synthetic network",
                 f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"))  # fmt: skip
    focus = next(iter(sorted(big, key=big.degree, reverse=True)))
    focus_renders = _timed(lambda: render_page(big, focus=focus, hops=1), 3)
    rows.append(("render --focus on its biggest hub", f"{min(focus_renders) * 1000:.0f} ms"))

    helps = _timed(
        lambda: subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True),
        5,
    )
    rows.append(("nnkg --help start-up", f"{min(helps) * 1000:.0f} ms (best of 5)"))
    rows.append(("peak RSS", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"))

    python = f"{platform.python_implementation()} {platform.python_version()}"
    machine = f"{platform.machine()}, {python}"
    print(f"nnkg benchmarks on {machine}, {_cpus()} CPUs")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0))


if __name__ == "__main__":
    main()
