"""`nnkg ingest` as its contract says: a draft folder from a new article, bad input one
line and exit 1, misuse exit 2, nothing overwritten unasked, the same bytes twice, and what
the graph already has reused, never proposed again."""

from __future__ import annotations

import re

import pytest
import yaml

from kg.cli import cli
from kg.cli.options import KINDS
from kg.cli.options import SLUG as CLI_SLUG

ARTICLE = """Magnesium and the nervous system

Magnesium is required for nerve signal conduction. Low magnesium may cause muscle weakness.
Good sources of magnesium include nuts, seeds, and leafy greens.
Visit www.example.com to buy our magnesium formula!
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "Magnesium Article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _ingest(runner, *args):
    return runner.invoke(cli, ["ingest", *map(str, args)])


def test_a_new_article_becomes_a_valid_draft_source(runner, article, tmp_path):
    out = tmp_path / "drafts"
    result = _ingest(runner, article, "--out", out)
    assert result.exit_code == 0, result.output
    folder = out / "magnesium-article"  # the id from the file name, as a slug
    assert result.stdout.strip() == str(folder)
    assert (folder / "document.txt").read_bytes() == article.read_bytes()
    source = yaml.safe_load((folder / "source.yaml").read_text())
    assert source["title"] == "Magnesium and the nervous system"
    assert source["kind"] == "PopularArticle" and "nnkg ingest" in source["note"]
    candidates = yaml.safe_load((folder / "candidates.yaml").read_text())
    assert candidates, "the article states claims"
    for item in candidates:
        assert ARTICLE[item["start"] : item["end"]] == item["quote"]
        assert item["subject_text"] in item["quote"] and item["object_text"] in item["quote"]
        assert "Visit" not in item["quote"]  # the promotional line is never a claim
    assert [item["n"] for item in candidates] == list(range(1, len(candidates) + 1))
    checked = runner.invoke(cli, ["validate", "--sources", str(out)])
    assert checked.exit_code == 0, checked.output
    assert "await review" in checked.stderr


def test_accepting_every_candidate_gives_a_source_that_builds(runner, article, tmp_path):
    out = tmp_path / "drafts"
    assert _ingest(runner, article, "--out", out, "--id", "magnesium").exit_code == 0
    accepted = runner.invoke(cli, ["accept", str(out / "magnesium"), "--all"])
    assert accepted.exit_code == 0, accepted.output
    built = runner.invoke(cli, ["build", "--out", str(tmp_path / "b"), "--sources", str(out)])
    assert built.exit_code == 0, built.output


def test_the_same_input_gives_the_same_bytes(runner, article, tmp_path):
    made = []
    for name in ("one", "two"):
        assert _ingest(runner, article, "--out", tmp_path / name, "--id", "m").exit_code == 0
        folder = tmp_path / name / "m"
        made.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert made[0] == made[1]


def test_an_existing_folder_needs_force(runner, article, tmp_path):
    out = tmp_path / "drafts"
    assert _ingest(runner, article, "--out", out).exit_code == 0
    again = _ingest(runner, article, "--out", out)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert _ingest(runner, article, "--out", out, "--force").exit_code == 0


def test_a_document_the_graph_has_is_refused(runner, tmp_path):
    from kg.base.files import packaged_sources_dir

    document = packaged_sources_dir() / "b12-electrical-nerve-balance" / "document.txt"
    result = _ingest(runner, document, "--out", tmp_path / "drafts", "--id", "again")
    assert result.exit_code == 1
    assert "already the source" in result.stderr and "b12-electrical-nerve-balance" in result.stderr
    assert not (tmp_path / "drafts" / "again").exists()


def test_two_articles_in_one_folder_never_propose_an_entity_twice(runner, article, tmp_path):
    out = tmp_path / "drafts"
    second = tmp_path / "second.txt"
    second.write_text(ARTICLE.replace("Visit", "Please visit"), encoding="utf-8")
    assert _ingest(runner, article, "--out", out, "--id", "first").exit_code == 0
    assert _ingest(runner, second, "--out", out, "--id", "second").exit_code == 0
    ids = [
        {e["id"] for e in yaml.safe_load((out / name / "candidate-entities.yaml").read_text())}
        for name in ("first", "second")
    ]
    assert ids[0] and not ids[0] & ids[1]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"text\x00more", "NUL byte"),
        (b"caf\xe9 au lait", "not UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(runner, tmp_path, content, says):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = _ingest(runner, path, "--out", tmp_path / "drafts")
    assert result.exit_code == 1
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_folder_is_not_a_document(runner, tmp_path):
    result = _ingest(runner, tmp_path, "--out", tmp_path / "drafts")
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1


def test_misuse_is_exit_2(runner, article, tmp_path):
    assert _ingest(runner, article, "--id", "Not A Slug").exit_code == 2
    assert _ingest(runner, article, "--kind", "Blog").exit_code == 2


def test_the_packaged_sources_are_never_the_output(runner, article):
    from kg.base.files import packaged_sources_dir

    result = _ingest(runner, article, "--out", packaged_sources_dir())
    assert result.exit_code == 1 and "packaged sources" in result.stderr


def test_no_claims_is_exit_0_with_an_empty_list(runner, tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("A note\n\nNothing here names two things at once.\n", encoding="utf-8")
    result = _ingest(runner, path, "--out", tmp_path / "drafts")
    assert result.exit_code == 0, result.output
    assert "no candidate claims" in result.stderr
    assert yaml.safe_load((tmp_path / "drafts" / "plain" / "candidates.yaml").read_text()) == []


def test_the_cli_spells_the_kinds_and_slug_rule_of_the_library():
    from kg.base.model import SOURCE_KINDS
    from kg.curation.catalogue import SLUG

    assert set(KINDS) == set(SOURCE_KINDS)
    assert re.compile(CLI_SLUG).pattern == SLUG.pattern
