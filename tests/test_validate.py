"""Curation checks through the CLI: each bad input is one located line, exit 1, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.cli import cli


def _claims(src: Path) -> list[dict]:
    return yaml.safe_load((src / "claims.yaml").read_text(encoding="utf-8"))


def _save(src: Path, claims) -> None:
    (src / "claims.yaml").write_text(yaml.safe_dump(claims, sort_keys=False), encoding="utf-8")


def _edit(**changes):
    def apply(src: Path) -> None:
        claims = _claims(src)
        claims[0].update(changes)
        _save(src, claims)

    return apply


def _drop(key):
    def apply(src: Path) -> None:
        claims = _claims(src)
        del claims[0][key]
        _save(src, claims)

    return apply


def _duplicate(src: Path) -> None:
    claims = _claims(src)
    _save(src, [*claims, dict(claims[0])])


def _malformed(src: Path) -> None:
    (src / "claims.yaml").write_text("- subject: vitamin-b12\n  quote: [unclosed\n")


def _not_a_list(src: Path) -> None:
    (src / "claims.yaml").write_text("subject: vitamin-b12\n")


def _changed_document(src: Path) -> None:
    doc = src / "document.txt"
    doc.write_bytes(doc.read_bytes().replace(b"essential", b"ESSENTIAL"))


def _bad_kind(src: Path) -> None:
    meta = src / "source.yaml"
    meta.write_text(meta.read_text().replace("kind: FactSheet", "kind: Blog"))


def _no_document(src: Path) -> None:
    (src / "document.txt").unlink()


# (mutation, line of the error in claims.yaml or other file, expected text of the one line)
CASES = {
    "quote-not-at-offsets": (
        _edit(start=1, end=53),
        "claims.yaml:4: quote: is not document.txt[1:53]; the quote occurs at start: 0, end: 52",
    ),
    "quote-not-in-document": (
        _edit(quote="Vitamin B12 is vital for the synthesis of myelin"),
        "claims.yaml:4: quote: is not document.txt[0:52]; "
        "the quote does not occur anywhere in the document",
    ),
    "subject-mention-not-in-quote": (
        _edit(subject_text="Cobalamin"),
        "claims.yaml:7: subject_text: 'Cobalamin' does not occur in the quote",
    ),
    "object-mention-not-in-quote": (
        _edit(object_text="nerve conduction"),
        "claims.yaml:8: object_text: 'nerve conduction' does not occur in the quote",
    ),
    "unknown-entity": (
        _edit(subject="vitamn-b12"),
        "claims.yaml:1: subject: unknown entity 'vitamn-b12'; "
        "did you mean: vitamin-b12, vitamin-b12-deficiency?",
    ),
    "unknown-predicate": (
        _edit(predicate="requiresFor"),
        "claims.yaml:2: predicate: unknown predicate 'requiresFor'; did you mean: requiredFor?",
    ),
    "domain-violation": (
        _edit(predicate="sourceOf", object="vitamin-b12", subject="myelin"),
        "claims.yaml:1: subject: 'myelin' is a CellularComponent, "
        "but the domain of sourceOf is Food",
    ),
    "range-violation": (
        _edit(predicate="hasSymptom", subject="demyelination", object="myelin-synthesis"),
        "claims.yaml:3: object: 'myelin-synthesis' is a BiologicalProcess, "
        "but the range of hasSymptom is Phenotype",
    ),
    "duplicate-claim": (
        _duplicate,
        "claims.yaml:24: quote: duplicate of the claim at line 1",
    ),
    "malformed-yaml": (
        _malformed,
        "claims.yaml:3: malformed YAML: ",  # the parser's own words follow
    ),
    "not-a-list": (_not_a_list, "claims.yaml:1: expected a list of items"),
    "missing-field": (_drop("certainty"), "claims.yaml:1: certainty: missing"),
    "wrong-type": (_edit(start="zero"), "claims.yaml:5: start: must be a whole number, not 'zero'"),
    "boolean-offset": (_edit(end=True), "claims.yaml:6: end: must be a whole number, not True"),
    "bad-certainty": (
        _edit(certainty="certain"),
        "claims.yaml:9: certainty: must be asserted or hedged, not 'certain'",
    ),
    "unknown-field": (
        _edit(confidence="high"),
        "claims.yaml:11: confidence: unknown field (expected one of: certainty, certainty_note, "
        "end, negated, object, object_text, predicate, quote, start, subject, subject_text)",
    ),
    "changed-document": (
        _changed_document,
        "source.yaml:4: sha256: document.txt has changed (its sha256 is ",
    ),
    "bad-source-kind": (
        _bad_kind,
        "source.yaml:3: kind: unknown source kind 'Blog' (one of PopularArticle, FactSheet, "
        "Review, PrimaryStudy, Textbook)",
    ),
    "missing-document": (_no_document, "document.txt: document.txt is missing"),
}


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_located_line_and_nothing_is_written(
    runner, tmp_path, tiny_source, command, case
):
    out = tmp_path / "out"
    ok = runner.invoke(cli, ["build", "--out", str(out), "--sources", str(tiny_source)])
    assert ok.exit_code == 0, ok.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    mutate, expected = CASES[case]
    mutate(tiny_source)
    args = [command, "--sources", str(tiny_source)]
    if command == "build":
        args += ["--out", str(out)]
    result = runner.invoke(cli, args)

    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: ")
    assert str(tiny_source.name) in lines[0]
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_several_problems_give_one_line_each(runner, tiny_source):
    claims = _claims(tiny_source)
    claims[0]["subject"] = "nobody"
    claims[1]["quote"] = "Eggs supply B12."
    _save(tiny_source, claims)
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert "claims.yaml:1: subject: unknown entity 'nobody'" in lines[0]
    assert "claims.yaml:14: quote: is not document.txt" in lines[1]


def test_missing_sources_folder(runner, tmp_path):
    result = runner.invoke(cli, ["validate", "--sources", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nowhere'}: no such source folder\n"


def test_validate_clean_seed(runner):
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "ok: 102 claims in 2 source(s), 52 entities; SHACL conforms\n"
    assert result.stderr == ""


def test_hedge_cue_in_asserted_claim_warns_but_passes(runner, tiny_source, tmp_path):
    doc = "Vitamin B12 may be essential for the synthesis of myelin.\n"
    (tiny_source / "document.txt").write_text(doc)
    meta = tiny_source / "source.yaml"
    import hashlib

    sha = hashlib.sha256(doc.encode()).hexdigest()
    meta.write_text("\n".join(
        f"sha256: {sha}" if line.startswith("sha256:") else line
        for line in meta.read_text().splitlines()
    ) + "\n")  # fmt: skip
    quote = doc.strip().rstrip(".")
    claims = _claims(tiny_source)[:1]
    claims[0].update(quote=quote, end=len(quote))
    _save(tiny_source, claims)
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr
    assert "certainty: asserted, but the quote says 'may'" in result.stderr

    claims[0]["certainty_note"] = "test: the curator has a reason"
    _save(tiny_source, claims)
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source)])
    assert result.exit_code == 0 and result.stderr == ""
