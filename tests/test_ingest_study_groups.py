"""Study results said of a group named by what it took (kg/ingest/data/cues.yaml, the
``group-*`` cues): the group's words are no mention, and what it took is the subject.
The sentences are invented for these tests; drafted through the whole pipeline."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from kg.ingest.draft import draft_claims
from kg.ingest.folder import candidate_items
from kg.ingest.known import load_known
from kg.ingest.lexicon import Lexicon


@pytest.fixture(scope="module")
def draft():
    """Drafts of a text against the packaged graph only, as (subject, predicate, object,
    negated) tuples."""
    lexicon = Lexicon.load()
    with tempfile.TemporaryDirectory() as empty:
        known = load_known(Path(empty))

    def run(text: str) -> set[tuple[str, str, str, bool]]:
        items = candidate_items(text, draft_claims(text, known, lexicon).candidates)
        return {(c["subject"], c["predicate"], c["object"], c["negated"]) for c in items}

    return run


def test_a_group_more_likely_to_report_links_what_it_took(draft):
    found = draft("Teenagers who drink energy drinks regularly are more likely to report insomnia.")
    assert ("energy-drinks", "linkedTo", "insomnia", False) in found


def test_a_group_in_the_present_tense_less_likely_to_develop(draft):
    found = draft("People who regularly eat oily fish are less likely to develop dementia.")
    assert ("fish", "prevents", "dementia", False) in found


def test_no_participant_of_a_group_developing_a_condition_denies_it(draft):
    found = draft("No participant taking saffron developed mania.")
    assert ("saffron", "causes", "mania", True) in found


def test_a_group_developing_a_condition_states_the_cause(draft):
    found = draft("Several patients taking saffron developed mania.")
    assert ("saffron", "causes", "mania", False) in found


def test_a_group_more_likely_to_be_of_a_class_states_nothing(draft):
    assert not draft("People who eat oily fish are more likely to be vegetarians.")
