"""Study results said of a group named by what it took (kg/ingest/data/cues.yaml, the
``group-*`` cues): the group's words are no mention, and what it took is the subject.
The sentences are invented for these tests; drafted through the whole pipeline."""

from __future__ import annotations

import pytest

from kg.ingest.draft import draft_claims
from kg.ingest.folder import candidate_items


@pytest.fixture(scope="module")
def draft(known, lexicon):
    """Drafts of a text against the packaged graph only, as (subject, predicate, object,
    negated) tuples."""

    def run(text: str) -> set[tuple[str, str, str, bool]]:
        items = candidate_items(text, draft_claims(text, known, lexicon).candidates)
        return {(c["subject"], c["predicate"], c["object"], c["negated"]) for c in items}

    return run


@pytest.mark.parametrize(
    "text, claim",
    [
        pytest.param(
            "Teenagers who drink energy drinks regularly are more likely to report insomnia.",
            ("energy-drinks", "linkedTo", "insomnia", False),
            id="more likely to report: linked to what it took",
        ),
        pytest.param(
            "People who regularly eat oily fish are less likely to develop dementia.",
            ("fish", "prevents", "dementia", False),
            id="present tense, less likely to develop",
        ),
        pytest.param(
            "No participant taking saffron developed mania.",
            ("saffron", "causes", "mania", True),
            id="no participant developed: denied",
        ),
        pytest.param(
            "Several patients taking saffron developed mania.",
            ("saffron", "causes", "mania", False),
            id="a group developed: the cause",
        ),
    ],
)
def test_what_a_group_took_is_the_subject_of_its_result(draft, text, claim):
    assert claim in draft(text)


def test_a_group_more_likely_to_be_of_a_class_states_nothing(draft):
    assert not draft("People who eat oily fish are more likely to be vegetarians.")
