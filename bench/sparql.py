"""SPARQL benchmarks: figures for docs/scale.md, never assertions.

    python bench/sparql.py              # the packaged sources
    python bench/sparql.py --repeat 50 --seconds 10

Prints p50 per canned query on the memory and the Oxigraph store, the endpoint's requests
per second with 20 concurrent clients, and the time of a push to a real Oxigraph server.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLIENTS = 20


def _p50_ms(fn, repeat: int) -> float:
    fn()  # warm: parse caches, first-use imports
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def _per_query(build: Path, cache: Path, repeat: int) -> list[str]:
    from kg.sparql.queries import canned_queries
    from kg.sparql.run import open_engine, run_query

    memory = open_engine("memory", build)
    oxigraph = open_engine("oxigraph", build, cache_root=cache)
    lines = [f"  {'query':<15}{'rows':>6}{'memory p50':>14}{'oxigraph p50':>16}"]
    for query in canned_queries():
        rows = len(run_query(memory, query.text))
        on_memory = _p50_ms(lambda q=query: run_query(memory, q.text), repeat)
        on_oxigraph = _p50_ms(lambda q=query: run_query(oxigraph, q.text), repeat)
        lines.append(f"  {query.name:<15}{rows:>6}{on_memory:>11.2f} ms{on_oxigraph:>13.2f} ms")
    return lines


def _requests_per_second(base: str, text: str, seconds: float) -> tuple[float, int]:
    import httpx

    done, errors = [], []
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        # each client from its own loopback address: the endpoint shares workers by address
        transport = httpx.HTTPTransport(local_address=f"127.0.1.{i + 1}")
        with httpx.Client(timeout=30, transport=transport) as http:
            while time.monotonic() < stop:
                response = http.post(f"{base}/sparql", data={"query": text})
                (done if response.status_code == 200 else errors).append(1)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(done) / (time.monotonic() - started), len(errors)


def _endpoint(build: Path, tmp: Path, seconds: float) -> list[str]:
    from kg.sparql.queries import resolve_query
    from tests.servers import nnkg_serve

    lines = []
    for store in ("memory", "oxigraph"):
        with nnkg_serve(build, "--store", store, cwd=tmp) as base:
            for name in ("competency-04", "competency-10"):
                rate, errors = _requests_per_second(base, resolve_query(name), seconds)
                lines.append(
                    f"  endpoint, {store} store, {name}: {rate:,.0f} requests/s "
                    f"({CLIENTS} clients, 2 workers, {errors} errors)"
                )
    return lines


def _push(build: Path, tmp: Path, repeat: int) -> str:
    from kg.graph import load_quads
    from kg.sparql.push import push
    from tests.servers import oxigraph_server

    quads = load_quads(build)
    with oxigraph_server(tmp / "oxigraph") as base:
        results = [
            push(quads, f"{base}/query", f"{base}/store", replace=True) for _ in range(repeat)
        ]
    seconds = statistics.median(r.seconds for r in results)
    return (
        f"  push to Oxigraph server (--replace)  {results[0].triples} triples in "
        f"{len(results[0].sent) - 1} named graphs + their merge, checked: "
        f"{seconds * 1000:.0f} ms (median of {repeat})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()

    from kg.build import build

    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        result = build(tmp / "build")
        print(
            f"nnkg SPARQL benchmarks on {platform.machine()}, CPython "
            f"{platform.python_version()}, {os.cpu_count()} CPUs"
        )
        print(
            f"graph: the packaged sources, {result.sources} sources, {result.claims} claims, "
            f"{result.triples} triples"
        )
        for line in _per_query(tmp / "build", tmp / "cache", args.repeat):
            print(line)
        for line in _endpoint(tmp / "build", tmp, args.seconds):
            print(line)
        print(_push(tmp / "build", tmp, 5))


if __name__ == "__main__":
    main()
