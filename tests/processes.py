"""Real ``python -m kg`` processes for the kill tests: start one, SIGKILL it at a moment seen
on the file system, and find the processes it started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generated_sources(folder: Path, triples: int) -> Path:
    """A synthetic corpus of about ``triples`` triples (bench/generate.py) in ``folder``."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    generate(folder, triples)
    return folder


def start_nnkg(*args: str, cwd: Path) -> subprocess.Popen:
    """``python -m kg ARGS`` in ``cwd``, its output thrown away (nothing can block on it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def run_nnkg(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def _state(pid: int) -> str:
    """The process state letter from /proc (R, S, T for stopped, Z …), "" once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def kill_when(process: subprocess.Popen, moment: Callable[[], bool], timeout: float = 120) -> None:
    """SIGKILL ``process`` in a state where ``moment()`` holds. The condition is polled, then
    checked again with the process stopped (SIGSTOP), so it is killed in the very state that
    was seen; when it moved on in between, it goes on (SIGCONT) and polling resumes. Fails if
    the process ends first or the moment never comes."""
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, "the process ended before the moment to kill it"
        assert time.monotonic() < deadline, "the moment to kill never came"
        if not moment():
            continue
        process.send_signal(signal.SIGSTOP)
        while _state(process.pid) not in ("T", ""):
            time.sleep(0.001)
        if moment():
            process.send_signal(signal.SIGKILL)
            process.wait(30)
            return
        process.send_signal(signal.SIGCONT)


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:  # it ended while we looked
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    return _state(pid) not in ("", "Z", "X")


def survivors(pids: set[int], grace: float) -> set[int]:
    """Those of ``pids`` still running after ``grace`` seconds."""
    deadline = time.monotonic() + grace
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)
    return {pid for pid in pids if alive(pid)}
