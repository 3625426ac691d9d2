"""The SPARQL commands of the ``nnkg`` command line (query, serve, push)."""

from __future__ import annotations

#: Click commands that kg/cli.py adds to the ``nnkg`` group.
COMMANDS: list = []
