"""nnkg review's saving, through the library: the rules of nnkg accept and the curation's
checks, which the served page's saves and the static page's files both follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from reviews import DOCUMENT, SENTENCES, make_draft, read

from kg.cli import cli
from kg.ingest.folder import dump_items
from kg.ingest.review import ReviewError
from kg.ingest.reviewsave import save_review


def posted(folder: Path, **statuses) -> dict:
    items = read(folder, "candidates.yaml")
    for item in items:
        del item["cue"]
        item["status"] = statuses.get(f"n{item['n']}", item["status"])
    return {"candidates": items, "xrefs": {}}


def test_saving_keeps_curated_claims_and_a_rejection_undoes_an_accept(tmp_path, runner):
    folder = make_draft(tmp_path)
    assert runner.invoke(cli, ["accept", str(folder), "--claim", "2"]).exit_code == 0
    curated = {"subject": "zinc", "predicate": "promotes", "object": "cognition",
               "quote": SENTENCES[4], "start": DOCUMENT.index(SENTENCES[4]),
               "end": DOCUMENT.index(SENTENCES[4]) + len(SENTENCES[4]), "subject_text": "Zinc",
               "object_text": "cognition", "certainty": "hedged", "negated": False}  # fmt: skip
    claims = [*read(folder, "claims.yaml"), curated]
    (folder / "claims.yaml").write_bytes(dump_items(claims))
    result = save_review(folder, posted(folder, n1="accepted", n2="rejected"))
    assert (result.accepted, result.rejected, result.left) == (1, 1, 3)
    saved = read(folder, "claims.yaml")
    assert [c["predicate"] for c in saved] == ["promotes", "requiredFor"]  # curated one kept
    assert runner.invoke(cli, ["validate", "--sources", str(folder.parent)]).exit_code == 0


def test_a_claim_accepted_before_keeps_what_the_curator_added(tmp_path, runner):
    folder = make_draft(tmp_path)
    assert runner.invoke(cli, ["accept", str(folder), "--claim", "2"]).exit_code == 0
    claims = read(folder, "claims.yaml")
    claims[0]["certainty_note"] = "the source states it as settled"
    (folder / "claims.yaml").write_bytes(dump_items(claims))
    save_review(folder, posted(folder, n1="rejected"))  # n2 stays accepted
    saved = read(folder, "claims.yaml")
    assert [c.get("certainty_note") for c in saved] == ["the source states it as settled"]
    assert runner.invoke(cli, ["validate", "--sources", str(folder.parent)]).exit_code == 0


def test_saving_refuses_what_validate_would(tmp_path):
    folder = make_draft(tmp_path)
    review = posted(folder, n1="accepted")
    review["candidates"][0]["predicate"] = "sourceOf"  # zinc is no Food
    review["candidates"][0]["object_text"] = "nowhere"
    with pytest.raises(ReviewError) as caught:
        save_review(folder, review)
    text = "\n".join(caught.value.problems)
    assert "object_text: 'nowhere' does not occur in the quote (candidate 1)" in text
    assert "the domain of sourceOf is Food (candidate 1)" in text
    assert read(folder, "claims.yaml") == []
    bad_xref = {"zinc": [{"curie": 1, "match": "exact"}]}
    for broken in ({"candidates": "x", "xrefs": {}}, {"candidates": [{"n": 1}], "xrefs": {}},
                   {"candidates": [], "xrefs": bad_xref}):  # fmt: skip
        with pytest.raises(ReviewError):
            save_review(folder, broken)


def test_the_context_a_review_gives_a_claim_is_saved_and_checked(tmp_path, runner):
    folder = make_draft(tmp_path)
    review = posted(folder, n5="accepted")  # "Zinc may support cognition."
    context = {"certainty_note": "a hedge, but the source cites no study",
               "population": "vegetarians", "qualifier_text": "Zinc"}  # fmt: skip
    review["candidates"][4].update(context)
    save_review(folder, review)
    [claim] = read(folder, "claims.yaml")
    assert {k: claim[k] for k in context} == context
    assert list(claim)[-3:] == ["certainty_note", "population", "qualifier_text"]
    assert {k: read(folder, "candidates.yaml")[4][k] for k in context} == context
    assert runner.invoke(cli, ["validate", "--sources", str(folder.parent)]).exit_code == 0

    for wrong, problem in (
        ({"population": "zinc"}, "population: 'zinc' is a Nutrient, not a PopulationGroup"),
        ({"qualifier_text": "in vegans"}, "'in vegans' does not occur in the quote"),
        ({"exposure": "smoked"}, "exposure: unknown exposure 'smoked'"),
    ):  # fmt: skip
        review = posted(folder)
        review["candidates"][4].update({**context, **wrong})
        with pytest.raises(ReviewError) as caught:
            save_review(folder, review)
        assert problem in "\n".join(caught.value.problems)
    for broken in ({"certainty_note": 3}, {"flavour": "sweet"}):
        review = posted(folder)
        review["candidates"][4].update(broken)
        with pytest.raises(ReviewError, match="claim 5 of the review"):
            save_review(folder, review)


def new_entity(**fields) -> dict:
    return {"id": "oysters", "label": "oysters", "type": "Food", "synonyms": [], "xrefs": [],
            **fields}  # fmt: skip


@pytest.mark.parametrize(
    ("entity", "problem"),
    [
        (new_entity(type="Meal"), "unknown class 'Meal'"),
        (new_entity(type="Entity"), "is too general for an entity"),
        (new_entity(id="Oysters!"), "is not a lower-case slug"),
        (new_entity(label="numbness"), "'numbness' already names entity 'numbness'"),
        (new_entity(xrefs=[{"curie": "FOODON:99999999", "match": "exact"}]),
         "is no term of the lexicon"),
        (new_entity(id="zinc"), "has the id of an entity there is already"),
        (new_entity(id="numbness"), "has the id of an entity there is already"),
        (new_entity(synonyms="oyster"), "synonyms must be a list of names"),
    ],
)  # fmt: skip
def test_a_new_entity_passes_the_curation_checks_even_unused(tmp_path, entity, problem):
    folder = make_draft(tmp_path)
    before = (folder / "candidate-entities.yaml").read_bytes()
    with pytest.raises(ReviewError) as caught:
        save_review(folder, {**posted(folder), "entities": [entity]})
    assert problem in "\n".join(caught.value.problems)
    assert (folder / "candidate-entities.yaml").read_bytes() == before


def test_a_new_entity_joins_the_proposals_and_a_chosen_id_records_its_release(tmp_path, runner):
    folder = make_draft(tmp_path)
    chosen = {"zinc-deficiency": [{"curie": "HP:0000001", "match": "exact"}]}
    review = {**posted(folder, n2="accepted"), "entities": [new_entity(synonyms=["oyster"])],
              "xrefs": chosen}  # fmt: skip
    save_review(folder, review)
    proposals = read(folder, "candidate-entities.yaml")
    assert proposals[-1] == {"id": "oysters", "label": "oysters", "synonyms": ["oyster"],
                             "type": "Food", "status": "candidate"}  # fmt: skip
    assert [e["id"] for e in read(folder, "entities.yaml")] == ["zinc-deficiency"]  # unused
    assert read(folder, "entities.yaml")[0]["xrefs"] == [
        {"curie": "HP:0000001", "match": "exact", "seen_in": "release B"}]  # fmt: skip
    again = read(folder, "candidate-entities.yaml")
    save_review(folder, {**review, "candidates": posted(folder)["candidates"]})  # the same again
    assert read(folder, "candidate-entities.yaml") == again
    wrong = {"zinc-deficiency": [{"curie": "HP:0000002", "match": "exact"}]}
    with pytest.raises(ReviewError, match="'HP:0000002' is not one of its suggestions"):
        save_review(folder, {**review, "xrefs": wrong})
    assert runner.invoke(cli, ["validate", "--sources", str(folder.parent)]).exit_code == 0


def test_a_folder_that_is_no_draft_is_refused(tmp_path, runner):
    result = runner.invoke(cli, ["review", str(tmp_path)])
    assert result.exit_code == 1
    assert "candidates.yaml: no such file" in result.stderr
    assert runner.invoke(cli, ["review", str(tmp_path), "--port", "9"]).exit_code == 2
