"""INDRA Statement JSON in (``nnkg import indra FILE``): the list of statements that
``indra.statements.stmts_to_json`` writes (its schema is ``indra/resources/
statements_schema.json`` in the INDRA wheel; read against indra 1.23.0), as
:class:`kg.interop.imported.Row` s, one per statement pair and Evidence with a ``text``.

Each Evidence's ``text`` is the quote; its ``epistemics`` say ``negated`` (negation) and
``hypothesis`` (a hedged claim). An agent's ``db_refs`` become CURIEs (:data:`DB_REFS`, in
that order of preference); HGNC and UniProt groundings make a ``GeneOrProtein``. The
statement types and their nnkg relations are :data:`RELATIONS`; another type is one
problem line, never a guess.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.interop.imported import Agent, ImportError_, Problems, Row, mention, read_text

__all__ = ["DB_REFS", "RELATIONS", "read_indra"]

#: INDRA statement type -> nnkg relation. Complex and Association list members, read
#: pairwise (each with each, in order); ``linkedTo`` needs a condition as its object.
RELATIONS = {
    "Activation": "promotes",
    "IncreaseAmount": "promotes",
    "Inhibition": "reduces",
    "DecreaseAmount": "reduces",
    "Complex": "linkedTo",
    "Association": "linkedTo",
}
#: db_refs key -> CURIE prefix, in order of preference (other keys are not kept).
DB_REFS = {
    "HGNC": "HGNC",
    "UP": "UniProtKB",
    "CHEBI": "CHEBI",
    "GO": "GO",
    "MESH": "MESH",
    "MONDO": "MONDO",
    "HP": "HP",
    "UBERON": "UBERON",
    "CL": "CL",
}
_GENES = {"HGNC", "UP"}


def _agent(value) -> tuple[Agent, str] | None:
    """An agent (or an Association's Event's concept) and its raw text."""
    if isinstance(value, dict) and value.get("type") == "Event":
        value = value.get("concept")
    if not isinstance(value, dict) or not isinstance(value.get("db_refs", {}), dict):
        return None
    refs = value.get("db_refs") or {}
    curies = []
    for key, prefix in DB_REFS.items():
        ref = refs.get(key)
        if isinstance(ref, str) and ref:
            local = ref.split(":", 1)[1] if ref.startswith(key + ":") else ref
            curies.append(f"{prefix}:{local}")
    curies += [f"{k}:{v}" for k, v in sorted(refs.items())
               if k not in DB_REFS and k != "TEXT" and isinstance(v, str)]  # fmt: skip
    gene = "GeneOrProtein" if any(refs.get(k) for k in _GENES) else ""
    name = value.get("name") if isinstance(value.get("name"), str) else ""
    text = refs.get("TEXT") if isinstance(refs.get("TEXT"), str) else ""
    return Agent(name, tuple(curies), gene), text


def _pairs(statement: dict) -> list[tuple[object, object]]:
    if statement.get("type") in ("Complex", "Association"):
        members = statement.get("members") or []
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    return [(statement.get("subj"), statement.get("obj"))]


def _evidence(where: str, evidence, pair, relation: str, problems: Problems) -> Row | None:
    if not isinstance(evidence, dict) or not isinstance(evidence.get("text"), str):
        problems.add(where, "text", "no evidence text: nnkg keeps only quoted claims")
        return None
    quote = " ".join(evidence["text"].split())
    epistemics = evidence.get("epistemics") or {}
    raw = ((evidence.get("annotations") or {}).get("agents") or {}).get("raw_text") or []
    subject, obj = pair[0][0], pair[1][0]
    texts = []
    for k, ((agent, own), name) in enumerate(((pair[0], "subject"), (pair[1], "object"))):
        extra = raw[k] if k < len(raw) and isinstance(raw[k], str) else ""
        found = mention(quote, own, extra, agent.label) if quote else ""
        if not found:
            problems.add(where, name, f"{agent.label!r} is not named in the evidence text")
            return None
        texts.append(found)
    return Row(
        where, subject, relation, obj, quote, texts[0], texts[1],
        "hedged" if epistemics.get("hypothesis") else "asserted", bool(epistemics.get("negated")),
    )  # fmt: skip


def read_indra(paths: list[Path], problems: Problems) -> tuple[list[Row], int]:
    """The rows of the INDRA JSON files ``paths``, and how many evidences were read."""
    out, read = [], 0
    for path in paths:
        try:
            statements = json.loads(read_text(path))
        except json.JSONDecodeError as exc:
            raise ImportError_(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from None
        if isinstance(statements, dict):
            statements = [statements]
        if not isinstance(statements, list):
            raise ImportError_(f"{path}: not a list of INDRA statements")
        for i, statement in enumerate(statements):
            where = f"{path.name}[{i}]"
            if not isinstance(statement, dict):
                read += 1
                problems.add(where, "statement", "not a JSON object")
                continue
            kind = statement.get("type")
            evidences = statement.get("evidence") or [None]
            relation = RELATIONS.get(kind) if isinstance(kind, str) else None
            if relation is None:
                read += len(evidences)
                problems.add(where, "type", f"{kind!r} has no nnkg relation "
                             f"(known: {', '.join(RELATIONS)})")  # fmt: skip
                continue
            for a, b in _pairs(statement):
                pair = (_agent(a), _agent(b))
                for j, evidence in enumerate(evidences):
                    read += 1
                    at = f"{where}.evidence[{j}]"
                    if None in pair:
                        problems.add(at, "subj" if pair[0] is None else "obj",
                                     f"{kind} without its agent")  # fmt: skip
                    elif row := _evidence(at, evidence, pair, relation, problems):
                        out.append(row)
    return out, read
