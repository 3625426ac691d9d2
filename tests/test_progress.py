"""Progress bars: shown on a terminal, never in a pipe, a log or a test runner."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios


def _build(tmp_path, stderr):
    return subprocess.run(
        [sys.executable, "-m", "kg", "build", "--out", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        cwd=tmp_path,
        check=True,
    )


def test_a_terminal_sees_the_build_step_by_step(tmp_path):
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    try:
        _build(tmp_path, follower)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    text = shown.decode("utf-8", "replace")
    assert "nnkg build" in text and "0/6" in text
    for step in ("curating", "converting to RDF", "writing nnkg.ttl", "SHACL"):
        assert step in text, step
    assert "built 2036 triples" in text


def test_a_pipe_sees_only_the_summary(tmp_path):
    done = _build(tmp_path, subprocess.PIPE)
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith("built 2036 triples")
