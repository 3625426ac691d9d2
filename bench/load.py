"""Load on the endpoint: figures for docs/scale.md and the hardening note, never assertions.

    python bench/load.py                       # 2,000 queries from 50 clients, both stores
    python bench/load.py --queries 500 --clients 20 --stores memory

For each store, ``nnkg serve`` runs on a free port (2 workers) and 50 concurrent clients,
each from its own loopback address (127.0.1.x), send the canned queries round-robin. It
prints the answers by HTTP status, the latency percentiles and the throughput; then, with
one client address holding slow queries on as many connections as there are workers, how
long another client's quick query waits.
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "ASK { ?s ?p ?o }"


def _client(address: str | None):
    import httpx

    transport = httpx.HTTPTransport(local_address=address) if address else None
    return httpx.Client(timeout=120, transport=transport)


def _load(base: str, texts: list[str], total: int, clients: int) -> dict:
    statuses: Counter = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def work(address: str) -> None:
        with _client(address) as http:
            for i in counter:
                started = time.perf_counter()
                try:
                    status = http.post(f"{base}/sparql", data={"query": texts[i % len(texts)]})
                    status = status.status_code
                except Exception as exc:  # a refused or dropped connection counts too
                    status = type(exc).__name__
                with lock:
                    statuses[status] += 1
                    latencies.append(time.perf_counter() - started)

    threads = [
        threading.Thread(target=work, args=(f"127.0.1.{1 + i % 250}",)) for i in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    latencies.sort()
    return {
        "statuses": dict(statuses),
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95)] * 1000,
        "max": latencies[-1] * 1000,
        "rate": total / seconds,
    }


def _starved(base: str, workers: int) -> tuple[float, str]:
    """Seconds a quick query from 127.0.0.2 takes while 127.0.0.3 holds ``workers`` slow ones."""
    slow = []

    def hog() -> None:
        with _client("127.0.0.3") as http:
            slow.append(http.post(f"{base}/sparql", data={"query": RUNAWAY}).status_code)

    hogs = [threading.Thread(target=hog) for _ in range(workers)]
    for thread in hogs:
        thread.start()
    time.sleep(0.5)  # let the slow queries reach the workers
    with _client("127.0.0.2") as http:
        started = time.perf_counter()
        status = http.post(f"{base}/sparql", data={"query": QUICK}).status_code
        waited = time.perf_counter() - started
    for thread in hogs:
        thread.join()
    return waited, f"quick query {status}, slow ones {sorted(slow)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--stores", default="memory,oxigraph")
    parser.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    parser.add_argument("--serve-option", action="append", default=[], help="passed to serve")
    args = parser.parse_args()

    from servers import nnkg_serve

    from kg.build import build
    from kg.sparql.queries import canned_queries

    texts = [q.text for q in canned_queries()]
    print(
        f"nnkg endpoint load on {platform.machine()}, CPython {platform.python_version()}, "
        f"{os.cpu_count()} CPUs: {args.queries} queries from {args.clients} clients, "
        "canned queries round-robin, 2 workers"
    )
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        build(tmp / "build")
        for store in args.stores.split(","):
            options = ("--store", store, "--timeout", f"{args.timeout:g}", *args.serve_option)
            with nnkg_serve(tmp / "build", *options, cwd=tmp) as base:
                figures = _load(base, texts, args.queries, args.clients)
                print(
                    f"  {store:<9} answers {figures['statuses']}  p50 {figures['p50']:.0f} ms  "
                    f"p95 {figures['p95']:.0f} ms  max {figures['max']:.0f} ms  "
                    f"{figures['rate']:.0f} queries/s"
                )
                waited, detail = _starved(base, 2)
                print(
                    f"  {store:<9} a quick query beside 2 slow ones from another client: "
                    f"{waited:.2f} s ({detail})"
                )


if __name__ == "__main__":
    main()
