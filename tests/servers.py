"""Start and stop real servers on free localhost ports for the endpoint, push and review
tests: nnkg's own servers as subprocesses, the Oxigraph server of the ``oxigraph``
package, and Debian's Virtuoso (``virtuoso-opensource``, which ``make test`` installs)."""

from __future__ import annotations

import re
import select
import shutil
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


def sparql_select(endpoint: str, text: str) -> list[dict]:
    """SPARQL JSON bindings from a store's query endpoint, asked without nnkg: what the
    push tests check nnkg's counts against."""
    response = httpx.post(
        endpoint, data={"query": text}, headers={"Accept": "application/sparql-results+json"}
    )
    response.raise_for_status()
    return response.json()["results"]["bindings"]


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


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = {db}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 1000000
"""


def _isql(port: int, statements: str) -> None:
    """Run SQL on the Virtuoso at ``port`` as dba (the password of a new database)."""
    done = subprocess.run(
        ["isql-vt", f"127.0.0.1:{port}", "dba", "dba", f"exec={statements}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        pytest.fail(f"isql-vt failed: {done.stdout} {done.stderr}")


@contextmanager
def virtuoso_server(location: Path, user: str, password: str):
    """A real Virtuoso on free 127.0.0.1 ports (SQL and HTTP), its database and ini in
    ``location``; yields its base URL once ``user`` (made here, with the SPARQL_UPDATE role)
    can write through the Graph Store endpoint /sparql-graph-crud-auth, which wants HTTP
    Digest. Stopped afterwards."""
    missing = [tool for tool in ("virtuoso-t", "isql-vt") if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"Virtuoso is missing ({', '.join(missing)} not on PATH): `make test` installs it "
            "(apt-get install virtuoso-opensource)"
        )
    location.mkdir(parents=True, exist_ok=True)
    sql, http = free_port(), free_port()
    ini = location / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(db=location, sql=sql, http=http), encoding="utf-8")
    process = subprocess.Popen(
        ["virtuoso-t", "+configfile", str(ini), "+foreground"],
        cwd=location,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http}"

    def failed(what: str) -> None:
        log = location / "virtuoso.log"
        tail = log.read_text(errors="replace").splitlines()[-5:] if log.is_file() else []
        pytest.fail(f"Virtuoso {what} at {base}: {' | '.join(tail)}")

    def wait(until, what: str) -> None:
        deadline = time.monotonic() + 60
        while not until():
            if time.monotonic() > deadline or process.poll() is not None:
                failed(what)
            time.sleep(0.1)

    def answers() -> bool:
        try:
            return httpx.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=2).is_success
        except httpx.TransportError:
            return False

    def writable() -> bool:
        probe = f"{base}/sparql-graph-crud-auth"
        auth = httpx.DigestAuth(user, password)
        params = {"graph": "urn:x-test:probe"}
        return httpx.delete(probe, params=params, auth=auth, timeout=5).status_code != 401

    try:
        wait(answers, "did not start")
        grant = f'GRANT SPARQL_UPDATE TO "{user}";'
        _isql(sql, f"DB.DBA.USER_CREATE('{user}', '{password}'); {grant}")
        wait(writable, f"does not let {user} write")
        yield base
    finally:
        _stop(process)
