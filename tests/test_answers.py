"""A yes/no question's relation drafted from the bare denial after it (kg.ingest.answers), on
question-and-answer pairs written for these tests."""

from __future__ import annotations

import pytest
from test_relations import mentions_in

from kg.base.files import ontology_dir
from kg.base.model import Certainty
from kg.curation.ontology import load_ontology
from kg.ingest.answers import answered, denial
from kg.ingest.model import Sentence

ONTOLOGY = load_ontology(ontology_dir())
TYPES = {
    "MSG": "ChemicalEntity",
    "headaches": "Phenotype",
    "coffee": "Food",
    "anxiety": "Disease",
    "iodine deficiency": "DeficiencyState",
    "iodine": "Nutrient",
    "goiter": "Disease",
}


def pair(question: str, answer: str, *names: str) -> list:
    """``answered`` for ``question`` and the ``answer`` on the next line, the names in the
    question its mentions."""
    first = Sentence(0, len(question), question)
    at = len(question) + 1
    second = Sentence(at, at + len(answer), answer)
    mentions = mentions_in(question, list(names), types=TYPES)
    return answered(first, second, sorted(mentions), ONTOLOGY)


def read(found: list) -> set[tuple[str, str, str, bool, Certainty]]:
    return {(c.subject.text, c.predicate, c.object.text, c.negated, c.certainty) for c in found}


HEDGED, ASSERTED = Certainty.HEDGED, Certainty.ASSERTED


@pytest.mark.parametrize(
    ("answer", "certainty"),
    [
        ("No.", ASSERTED),
        ("No, it does not.", ASSERTED),
        ("Not really.", ASSERTED),
        ("Probably not.", HEDGED),
        ("Probably not for most people.", HEDGED),
        ("Unlikely.", HEDGED),
        ("A: Most likely not, according to trials.", HEDGED),
        # an adverb of certainty makes the denial no less firm
        ("Definitely not.", ASSERTED),
        ("Sadly, no.", ASSERTED),
    ],
)
def test_a_bare_denial_denies_the_question_as_firmly_as_it_says(answer, certainty):
    found = pair("Does MSG cause headaches?", answer, "MSG", "headaches")
    assert read(found) == {("MSG", "causes", "headaches", True, certainty)}


def test_the_quote_runs_from_the_question_to_the_denial():
    question, answer = "Can coffee cause anxiety?", "No, not in healthy adults."
    (found,) = pair(question, answer, "coffee", "anxiety")
    document = f"{question}\n{answer}"
    assert document[found.start : found.end] == "Can coffee cause anxiety?\nNo"
    assert "answer: No" in found.cue
    # the question's "can" asks; only the answer's own words hedge
    assert found.certainty == ASSERTED


@pytest.mark.parametrize(
    "answer",
    [
        "Yes.",  # an affirmation points to the statements after it, which claim themselves
        "It can be.",
        "No single food causes them.",  # a claim of its own, no bare answer
        "No one knows for sure.",
        "Nobody has tested that in a trial with enough people to say either way.",
        "There is not enough evidence yet.",
    ],
)
def test_anything_but_a_bare_denial_drafts_nothing(answer):
    assert pair("Does MSG cause headaches?", answer, "MSG", "headaches") == []


def test_only_a_yes_no_question_is_answered_by_a_denial():
    assert pair("Why would MSG cause headaches?", "No.", "MSG", "headaches") == []
    # a negative question's "No" is ambiguous
    assert pair("Doesn't MSG cause headaches?", "No.", "MSG", "headaches") == []
    assert pair("Does MSG cause headaches?", "", "MSG", "headaches") == []


def test_a_name_s_own_relation_is_no_part_of_the_question():
    # "iodine deficiency" names a deficiency of iodine wherever it stands; that is not denied
    found = pair(
        "Does iodine deficiency cause goiter?", "No.", "iodine deficiency", "iodine", "goiter"
    )
    assert read(found) == {("iodine deficiency", "causes", "goiter", True, ASSERTED)}


def test_denial_finds_the_words_of_the_answer_only():
    assert denial(Sentence(5, 20, "A: Probably not")) == (8, 20)
    assert denial(Sentence(0, 17, "Nothing suggests.")) is None
