"""Start and stop real servers on free localhost ports for the endpoint, push and review
tests: nnkg's own servers as subprocesses, and the Oxigraph server of the ``oxigraph``
package."""

from __future__ import annotations

import re
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

OXIGRAPH = Path(sys.executable).parent / "oxigraph"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def _drain(stream) -> None:
    """Keep reading a child's pipe so the child never blocks on a full one."""
    threading.Thread(target=stream.read, daemon=True).start()


@contextmanager
def nnkg_process(args: list[str], ready: str, what: str, cwd: Path | None = None):
    """``nnkg ARGS`` as a subprocess that announces itself on stderr; yields the match of
    ``ready`` (a regular expression) on its first line, and stops it afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=cwd,
    )
    try:
        started, _, _ = select.select([process.stderr], [], [], 60)
        line = process.stderr.readline() if started else ""
        found = re.search(ready, line)
        if not found:
            pytest.fail(f"{what} did not start: {line}")
        _drain(process.stderr)
        yield found
    finally:
        _stop(process)


@contextmanager
def nnkg_serve(build: Path, *options: str, cwd: Path):
    """``nnkg serve --port 0`` on ``build``; yields the base URL once queries can run."""
    args = ["serve", "--port", "0", "--build", str(build), *options]
    with nnkg_process(args, r"(http://\S+)/sparql", "nnkg serve", cwd) as found:
        yield found.group(1)


@contextmanager
def oxigraph_server(location: Path):
    """A real Oxigraph server on a free port; yields its base URL once it answers."""
    if not OXIGRAPH.is_file():
        pytest.fail(
            f"the Oxigraph server binary is missing ({OXIGRAPH}): install the test extras "
            "(pip install -e '.[dev]', which brings oxigraph==0.5.13)"
        )
    base = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", base[7:]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail(f"the Oxigraph server did not start at {base}")
                time.sleep(0.05)
        yield base
    finally:
        _stop(process)
