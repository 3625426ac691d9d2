"""The scale table: every figure of the issue at each corpus size, in one run.

    python bench/scale.py --sizes 10k,100k,1m

For each size it generates a synthetic corpus (bench/generate.py), then measures
`nnkg build` (memory store, in a fresh process: triples/s and peak RSS) and the Oxigraph
store build against the baselines (rdflib and pyoxigraph loading the same Turtle raw),
path and effects latency once loaded, every canned query on both stores, a --focus page,
and `nnkg --help` start-up. Figures, never assertions.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BUILD = """
import json, resource, sys, time
from pathlib import Path
from kg.build import build
started = time.perf_counter()
result = build(Path(sys.argv[1]), [Path(sys.argv[2])])
print(json.dumps({"seconds": time.perf_counter() - started, "triples": result.triples,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _size(text: str) -> int:
    units = {"k": 1_000, "m": 1_000_000}
    return int(float(text[:-1]) * units[text[-1].lower()]) if text[-1].isalpha() else int(text)


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[round(0.95 * (len(ordered) - 1))] * 1000


BUDGET = 60  # seconds one canned query may take before the table says "> 60 s"


def _query_seconds(engine, text: str, run_query) -> float | None:
    """Median of three runs after a warm-up (the warm-up alone past 5 s), or None when the
    warm-up overruns the budget (rdflib's engine is pure Python, so an alarm can stop it)."""
    import signal

    from kg.base.errors import QueryError

    fired = []

    def overrun(*_):
        fired.append(True)
        raise TimeoutError

    signal.signal(signal.SIGALRM, overrun)
    signal.alarm(BUDGET)
    try:
        warm = _time(lambda: run_query(engine, text))
    except (TimeoutError, QueryError):  # the engine may wrap the alarm's exception
        if fired:
            return None
        raise
    finally:
        signal.alarm(0)
    if warm > 5:  # a slow query's one run says enough
        return warm
    return statistics.median(_time(lambda: run_query(engine, text)) for _ in range(3))


def _time(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _raw_disk(build: Path, location: Path) -> float:
    """pyoxigraph bulk-loading the build's TriG and Turtle into an on-disk store: what the
    Oxigraph store holds (named graphs and their merge), without nnkg around it."""
    import pyoxigraph as ox

    def load() -> None:
        store = ox.Store(str(location))
        store.bulk_load(path=str(build / "nnkg.trig"), format=ox.RdfFormat.TRIG)
        store.bulk_load(path=str(build / "nnkg.ttl"), format=ox.RdfFormat.TURTLE)
        store.flush()

    return _time(load)


def _push(build: Path, location: Path) -> str:
    """`nnkg push --replace` of the build to a real Oxigraph server, counts checked."""
    from kg.graph import load_quads
    from kg.sparql.push import push
    from tests.servers import oxigraph_server

    quads = load_quads(build)
    with oxigraph_server(location) as base:
        result = push(quads, f"{base}/query", f"{base}/store", replace=True)
    sent = sum(result.sent.values())  # the named graphs and their merge
    return f"{result.seconds:.1f} s = {sent / result.seconds:,.0f}/s"


def measure(triples: int, work: Path, repeat: int) -> dict[str, str]:
    from generate import generate

    from kg.network.paths import effects, find_paths
    from kg.network.projection import load_network
    from kg.page.render import render_page
    from kg.sparql.queries import canned_queries
    from kg.sparql.run import open_engine, run_query
    from kg.sparql.store import ensure_store

    corpus, out, cache = work / "corpus", work / "build", work / "cache"
    generate(corpus, triples)
    done = subprocess.run([sys.executable, "-c", BUILD, str(out), str(corpus)],
                          capture_output=True, text=True, check=True, cwd=work)  # fmt: skip
    built = json.loads(done.stdout.splitlines()[-1])
    n, seconds = built["triples"], built["seconds"]
    row = {"triples": f"{n:,}", "build (memory)": f"{seconds:.1f} s = {n / seconds:,.0f}/s",
           "peak RSS": f"{built['rss_mb']:,.0f} MB"}  # fmt: skip

    import pyoxigraph as ox
    import rdflib

    ttl = out / "nnkg.ttl"
    raw_rdflib = _time(lambda: rdflib.Graph().parse(ttl, format="turtle"))
    raw_oxigraph = _time(lambda: ox.Store().bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE))
    store = _time(lambda: ensure_store(out, cache_root=cache))
    row["rdflib raw parse"] = f"{n / raw_rdflib:,.0f}/s (build = {raw_rdflib / seconds:.2f}×)"
    row["store (oxigraph)"] = f"{store:.1f} s = {n / store:,.0f}/s"
    row["pyoxigraph raw load"] = f"{n / raw_oxigraph:,.0f}/s (store = {raw_oxigraph / store:.2f}×)"
    disk = _raw_disk(out, work / "raw-store")
    row["same files raw, on disk"] = f"{disk:.1f} s (store = {disk / store:.2f}×)"
    row["push to Oxigraph server"] = _push(out, work / "server")

    first = _time(lambda: load_network(out, cache_root=cache))
    net = load_network(out, cache_root=cache)
    row["network: project / cached"] = (
        f"{first:.1f} s / {_time(lambda: load_network(out, cache_root=cache)) * 1000:.0f} ms"
    )
    rng, nodes = random.Random(1), sorted(net)
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(repeat)]
    find_paths(net, *pairs[0])
    p50, p95 = _ms([_time(lambda a=a, b=b: find_paths(net, a, b)) for a, b in pairs])
    row["path p50/p95"] = f"{p50:.1f} / {p95:.1f} ms"
    p50, p95 = _ms([_time(lambda a=a: effects(net, a)) for a, _ in pairs])
    row["effects p50/p95"] = f"{p50:.1f} / {p95:.1f} ms"
    hub = max(nodes, key=net.degree)
    row["--focus page"] = f"{_time(lambda: render_page(net, focus=hub, hops=1)) * 1000:.0f} ms"

    per_store = {}
    for name in ("memory", "oxigraph"):
        engine = open_engine(name, out, cache_root=cache)
        times = {q.name: _query_seconds(engine, q.text, run_query) for q in canned_queries()}
        per_store[name] = times
        finished = [t for t in times.values() if t is not None]
        slowest = max(times, key=lambda k: float("inf") if times[k] is None else times[k])
        row[f"queries on {name}: p50 (slowest)"] = (
            f"{statistics.median(finished) * 1000:.0f} ms ({slowest} {_shown(times[slowest])})"
        )
    for query in per_store["memory"]:  # each canned query: its median, memory / oxigraph
        row[f"  {query} memory / oxigraph"] = " / ".join(
            _shown(per_store[store][query]) for store in per_store
        )
    return row


def _shown(seconds: float | None) -> str:
    return f"> {BUDGET} s" if seconds is None else f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k", help="comma-separated, e.g. 10k,100k,1m")
    parser.add_argument("--repeat", type=int, default=30, help="path and effects queries")
    args = parser.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",")]
    table: dict[str, dict[str, str]] = {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            table[size] = measure(_size(size), Path(tmp), args.repeat)
    helps = [_time(lambda: subprocess.run([sys.executable, "-m", "kg", "--help"],
                                          capture_output=True)) for _ in range(5)]  # fmt: skip
    keys = list(next(iter(table.values())))
    width = max(map(len, keys))
    print(f"{'':<{width}}  " + "  ".join(f"{s:>30}" for s in sizes))
    for key in keys:
        print(f"{key:<{width}}  " + "  ".join(f"{table[s][key]:>30}" for s in sizes))
    print(f"nnkg --help start-up: {min(helps) * 1000:.0f} ms (best of 5)")


if __name__ == "__main__":
    main()
