"""Traps that notice a query reaching out: a TCP listener on 127.0.0.1 that records every
connection, and a canary file whose every opening the kernel reports (inotify), whichever
process or language opens it."""

from __future__ import annotations

import ctypes
import os
import socket
import struct
import threading
import time
from pathlib import Path

_IN_OPEN, _IN_ACCESS, _IN_NONBLOCK = 0x20, 0x1, 0o4000


class Listener:
    """A TCP server on 127.0.0.1 that accepts, records and drops every connection."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._sock.close()


class Canary:
    """A file outside every build; :meth:`opened` tells whether anything opened or read it
    since the last call."""

    def __init__(self, path: Path) -> None:
        path.write_text("<urn:canary:s> <urn:canary:p> <urn:canary:o> .\n", encoding="utf-8")
        self.path = path
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._fd = self._libc.inotify_init1(_IN_NONBLOCK)
        if self._fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1 failed")
        if self._libc.inotify_add_watch(self._fd, bytes(path), _IN_OPEN | _IN_ACCESS) < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch failed on {path}")

    def opened(self) -> bool:
        time.sleep(0.05)  # events of a child process arrive asynchronously
        seen = False
        while True:
            try:
                data = os.read(self._fd, 4096)
            except BlockingIOError:
                return seen
            offset = 0
            while offset < len(data):
                _, mask, _, length = struct.unpack_from("iIII", data, offset)
                seen = seen or bool(mask & (_IN_OPEN | _IN_ACCESS))
                offset += 16 + length

    @property
    def uri(self) -> str:
        """The file's IRI, with an empty fragment: a SERVICE call appends ``?query=…`` to
        it, which the fragment swallows, so an unguarded rdflib opens exactly this file."""
        return self.path.resolve().as_uri() + "#"

    def close(self) -> None:
        os.close(self._fd)
