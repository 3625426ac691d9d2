"""Curation checks through the CLI: each bad input is one located line, exit 1, nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import TINY_DOC, tiny_claims, write_source
from test_hostile import BOMB

from kg.base.errors import LINE_LIMIT, VALUE_LIMIT
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


def _text(name: str, old: bytes, new: bytes):
    def apply(src: Path) -> None:
        path = src / name
        path.write_bytes(path.read_bytes().replace(old, new, 1))

    return apply


def _raw(name: str, data: bytes):
    def apply(src: Path) -> None:
        (src / name).write_bytes(data)

    return apply


def _becomes(name: str, kind: str):
    """Replace ``name`` with something that is not a regular file."""

    def apply(src: Path) -> None:
        path = src / name
        path.unlink(missing_ok=True)
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
        elif kind == "loop":
            path.symlink_to(name)
        elif kind == "dangling":
            path.symlink_to("gone.txt")
        elif kind.startswith("/dev/"):
            path.symlink_to(kind)
        else:  # a misspelt name
            (src / kind).write_text("[]\n")

    return apply


def _renamed(name: str, new: str):
    return lambda src: (src / name).rename(src / new)


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
        "end, exposure, negated, object, object_text, population, predicate, qualifier_text, "
        "quote, start, subject, subject_text)",
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
    "alias-bomb": (
        _text("claims.yaml", b"subject: vitamin-b12", b"subject: " + BOMB.encode()),
        "claims.yaml:1: aliases (*name) expand to too many values: 100,000 values is the limit "
        "for one curator YAML file (raise it with NNKG_YAML_MAX_ALIAS_VALUES=<values>)",
    ),
    "alias-loop": (
        _text("claims.yaml", b"- subject: vitamin-b12", b"- &claim\n  subject: [*claim]"),
        "claims.yaml:2: alias '*claim' refers to a value that contains it",
    ),
    "deep-nesting": (
        _text("claims.yaml", b"subject: vitamin-b12", b"subject: " + b"[" * 500 + b"]" * 500),
        "claims.yaml:1: nested too deep: 64 levels is the limit for one curator YAML file "
        "(raise it with NNKG_YAML_MAX_DEPTH=<levels>)",
    ),
    "key-twice-inside-a-value": (
        _text("claims.yaml", b"subject: vitamin-b12", b"subject: {a: 1, a: 2}"),
        "claims.yaml:1: subject: malformed value: key 'a' given twice",
    ),
    "whole-number-too-long": (
        _text("claims.yaml", b"start: 0", b"start: " + b"9" * 5000),
        "claims.yaml:5: start: malformed value: Exceeds the limit (4300 digits)",
    ),
    "claims-not-utf8": (
        _text("claims.yaml", b"requiredFor", b"requir\xffedFor"),
        "claims.yaml:2: column 20: byte 0xff (byte 42 of the file) is not UTF-8; "
        "save the file as UTF-8",
    ),
    "source-not-utf8": (
        _text("source.yaml", b"A tiny", b"A t\xc3(iny"),
        "source.yaml:2: column 11: byte 0xc3 (byte 24 of the file) is not UTF-8",
    ),
    "document-not-utf8": (
        _text("document.txt", b"Eggs", b"\xe2\x82Eggs"),
        "document.txt:1: column 55: byte 0xe2 (byte 54 of the file) is not UTF-8",
    ),
    "claims-in-utf16": (
        lambda src: (src / "claims.yaml").write_bytes(
            (src / "claims.yaml").read_text(encoding="utf-8").encode("utf-16")
        ),
        "claims.yaml:1: is UTF-16 text (it starts with a byte-order mark); save it as UTF-8",
    ),
    "nul-in-claims": (
        _text("claims.yaml", b"requiredFor", b"requi\x00redFor"),
        "claims.yaml:2: malformed YAML: column 19: U+0000 is not allowed in YAML",
    ),
    "claims-is-a-fifo": (
        _becomes("claims.yaml", "fifo"),
        "claims.yaml: is a FIFO (named pipe), not a regular file",
    ),
    "document-is-a-fifo": (
        _becomes("document.txt", "fifo"),
        "document.txt: is a FIFO (named pipe), not a regular file",
    ),
    "claims-link-to-dev-zero": (
        _becomes("claims.yaml", "/dev/zero"),
        "claims.yaml: is a character device, not a regular file",
    ),
    "document-link-to-dev-urandom": (
        _becomes("document.txt", "/dev/urandom"),
        "document.txt: is a character device, not a regular file",
    ),
    "claims-link-loop": (_becomes("claims.yaml", "loop"), "claims.yaml: is a symbolic link loop"),
    "claims-dangling-link": (
        _becomes("claims.yaml", "dangling"),
        "claims.yaml: is a link to nothing",
    ),
    "claims-is-a-folder": (
        _becomes("claims.yaml", "folder"),
        "claims.yaml: is a folder, not a regular file",
    ),
    "source-yml": (
        _renamed("source.yaml", "source.yml"),
        "tiny-test/source.yml: nnkg reads source.yaml, not source.yml: rename it",
    ),
    "source-capitalised": (
        _renamed("source.yaml", "Source.yaml"),
        "tiny-test/Source.yaml: nnkg reads source.yaml, not Source.yaml: rename it",
    ),
    "source-is-a-folder": (
        _becomes("source.yaml", "folder"),
        "tiny-test/source.yaml: is a folder, not a regular file",
    ),
    "source-is-a-fifo": (
        _becomes("source.yaml", "fifo"),
        "tiny-test/source.yaml: is a FIFO (named pipe), not a regular file",
    ),
    "source-dangling-link": (
        _becomes("source.yaml", "dangling"),
        "tiny-test/source.yaml: is a link to nothing",
    ),
    "no-source-yaml": (
        _becomes("source.yaml", "missing"),
        "tiny-test/source.yaml: missing (a source folder holds source.yaml, document.txt and "
        "claims.yaml)",
    ),
    "entities-yml": (
        _becomes("entities.yaml", "entities.yml"),
        "tiny-test/entities.yml: nnkg reads entities.yaml, not entities.yml: rename it",
    ),
    "entities-is-a-fifo": (
        _becomes("entities.yaml", "fifo"),
        "tiny-test/entities.yaml: is a FIFO (named pipe), not a regular file",
    ),
    "entities-is-a-folder": (
        _becomes("entities.yaml", "folder"),
        "tiny-test/entities.yaml: is a folder, not a regular file",
    ),
    "missing-document": (
        _no_document,
        "tiny-test/document.txt: missing (a source folder holds source.yaml, document.txt and "
        "claims.yaml)",
    ),
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
    assert result.stdout == "ok: 102 claims in 2 source(s), 53 entities; SHACL conforms\n"
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


def _lines(result, code: int = 1) -> list[str]:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.stderr.splitlines()


def test_200k_bad_items_print_21_lines(runner, tiny_source):
    (tiny_source / "claims.yaml").write_text("- {}\n" * 200_000)
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert len(lines) == 21
    assert all("claims.yaml:1: " in line or "claims.yaml:2: " in line for line in lines[:20])
    assert lines[-1] == (
        f"error: {tiny_source / 'claims.yaml'}: and 80 more problems; checking stopped after "
        "100, more may follow (20 are shown per file; raise it with NNKG_MAX_PROBLEMS=<count>)"
    )


def test_a_few_more_problems_are_counted_exactly(runner, tiny_source, monkeypatch):
    claims = _claims(tiny_source)
    for claim in claims:
        del claim["certainty"]
    _save(tiny_source, claims * 3)  # 6 items, one problem each (duplicates come after)
    monkeypatch.setenv("NNKG_MAX_PROBLEMS", "4")
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert [line.split(": ")[-2:] for line in lines[:4]] == [["certainty", "missing"]] * 4
    assert lines[4] == (
        f"error: {tiny_source / 'claims.yaml'}: and 2 more problems (4 are shown per file; "
        "raise it with NNKG_MAX_PROBLEMS=<count>)"
    )


@pytest.mark.parametrize(
    ("variable", "text", "expected"),
    [
        ("NNKG_YAML_MAX_DEPTH", "[" * 100 + "]" * 100, "subject: must be text, not [[[...]]]"),
        (
            "NNKG_YAML_MAX_ALIAS_VALUES",
            BOMB,
            "subject: must be text, not [['lol', 'lol', 'lol', 'lol', ...], [[...], [...], ",
        ),
    ],
)
def test_a_yaml_limit_can_be_raised(runner, tiny_source, monkeypatch, variable, text, expected):
    _text("claims.yaml", b"subject: vitamin-b12", f"subject: {text}".encode())(tiny_source)
    monkeypatch.setenv(variable, "1000000000")
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert len(lines) == 1 and expected in lines[0]


def test_too_many_values(runner, tiny_source, monkeypatch):
    (tiny_source / "claims.yaml").write_text("- [" + "a, " * 3000 + "]\n")
    monkeypatch.setenv("NNKG_YAML_MAX_VALUES", "2000")  # the packaged files have fewer
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert lines == [
        f"error: {tiny_source / 'claims.yaml'}:1: too many values: 2,000 values is the limit "
        "for one curator YAML file (raise it with NNKG_YAML_MAX_VALUES=<values>)"
    ]


def test_a_file_over_the_size_limit(runner, tiny_source, monkeypatch):
    claims = _claims(tiny_source)
    claims[0]["certainty_note"] = "long " * 30_000
    _save(tiny_source, claims)
    monkeypatch.setenv("NNKG_MAX_FILE_MB", "0.1")  # the packaged files are smaller
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert lines == [
        f"error: {tiny_source / 'claims.yaml'}: larger than the 0.1 MB limit for an input "
        "file (raise it with NNKG_MAX_FILE_MB=<megabytes>)"
    ]


def test_a_limit_setting_that_is_no_number(runner, tiny_source, monkeypatch):
    monkeypatch.setenv("NNKG_YAML_MAX_DEPTH", "deep")
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert lines == ["error: NNKG_YAML_MAX_DEPTH='deep' is not a whole number"]


def test_echoed_values_and_lines_are_capped(runner, tiny_source):
    claims = _claims(tiny_source)
    claims[0]["subject"] = ["x" * 1000] * 1000
    claims[0]["k" * 5000] = 1
    _save(tiny_source, claims)
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert len(lines) == 2
    assert all(len(line) <= len("error: ") + LINE_LIMIT for line in lines)
    assert not any(
        "x" * (VALUE_LIMIT + 1) in line or "k" * (VALUE_LIMIT + 1) in line for line in lines
    )
    assert "claims.yaml:1: subject: must be text, not ['xxx" in lines[0]
    assert ": unknown field (expected one of: " in lines[1]


def _source_folders(root: Path, *names: str) -> list[Path]:
    return [write_source(root / name, TINY_DOC, tiny_claims()) for name in names]


def test_a_folder_of_sources_skips_nothing(runner, tmp_path):
    root = tmp_path / "mine"
    _source_folders(root, "first-source", "second-source")
    (root / "drafts").mkdir()
    (root / "stale").symlink_to(tmp_path / "moved-away")
    (root / ".git").mkdir()  # hidden folders and plain files are no sources, and fine
    (root / "README.md").write_text("my sources\n")
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(root)]))
    assert lines == [
        f"error: {root / 'drafts' / 'source.yaml'}: missing (a source folder holds source.yaml, "
        "document.txt and claims.yaml)",
        f"error: {root / 'stale'}: is a link to nothing",
    ]
    shutil.rmtree(root / "drafts")
    (root / "stale").unlink()
    result = runner.invoke(cli, ["validate", "--sources", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok: 106 claims in 4 source(s)")


def test_a_sources_folder_without_sources_is_an_error(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tmp_path / "empty")]))
    assert lines == [
        f"error: {tmp_path / 'empty'}: holds no source folder (a source folder holds "
        "source.yaml, document.txt and claims.yaml)"
    ]


def test_claims_without_source_yaml_make_a_broken_source(runner, tiny_source):
    (tiny_source / "source.yaml").unlink()
    lines = _lines(runner.invoke(cli, ["build", "--sources", str(tiny_source), "--out", "x"]))
    assert lines == [
        f"error: {tiny_source / 'source.yaml'}: missing (a source folder holds source.yaml, "
        "document.txt and claims.yaml)"
    ]


def test_sources_naming_a_file_is_misuse(runner, tiny_source):
    result = runner.invoke(cli, ["validate", "--sources", str(tiny_source / "claims.yaml")])
    assert result.exit_code == 2
    assert "is a file" in result.stderr


def test_find_source_dirs_returns_folders_and_problems(tmp_path):
    from kg.curation.corpus import find_source_dirs

    good, other = _source_folders(tmp_path / "root", "good-one", "other-one")
    (other / "source.yaml").rename(other / "sources.yaml")
    folders, problems = find_source_dirs([tmp_path / "root", good, tmp_path / "nowhere"])
    assert folders == [good.resolve()]
    assert [(Path(p.file).name, p.message) for p in problems] == [
        ("sources.yaml", "nnkg reads source.yaml, not sources.yaml: rename it"),
        ("nowhere", "no such source folder"),
    ]


def test_a_depth_limit_raised_past_python_is_still_one_line(runner, tiny_source, monkeypatch):
    _text("claims.yaml", b"subject: vitamin-b12", b"subject: " + b"[" * 900 + b"]" * 900)(
        tiny_source
    )
    monkeypatch.setenv("NNKG_YAML_MAX_DEPTH", "1000000000")
    lines = _lines(runner.invoke(cli, ["validate", "--sources", str(tiny_source)]))
    assert lines == [
        f"error: {tiny_source / 'claims.yaml'}:1: subject: nested deeper than Python can read; "
        "lower NNKG_YAML_MAX_DEPTH"
    ]
