"""``draft_claims`` on any arrangement of the words health texts are made of: it never
raises, and every candidate it drafts points at its own words (its mentions are the text at
their offsets, inside its quote's span). Lists, anaphora, aliases and cues all read commas,
conjunctions and parentheses, so those are what the sentences are built from."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.draft import draft_claims

_WORDS = st.sampled_from([
    "And", "and", "or", "but", "so", "sorry", "if", "Yet", "also", "not", "no", "never",
    "It", "This vitamin", "this condition", "they", "which", "that", "such as", "including",
    "vitamin B12", "cobalamin", "B12", "iron", "zinc", "folate", "numbness", "tingling",
    "anemia", "fatigue", "myelin", "nerve damage", "meat", "fish", "eggs", "dairy products",
    "vegans", "people with diabetes", "deficiency", "too little", "low levels of",
    "causes", "can cause", "may lead to", "is required for", "prevents", "reduces the risk of",
    "is a", "is found in", "sources of", "include", "linked to", "has not been shown to",
    "helps", "supports", "is known as", "also known as", "(", ")", "(B12)", ";", ":", "-",
    "e.g.", "etc.", "’s", "'s", "“", "”", "?", "!", "1", "50%", "μg",
])  # fmt: skip
_GLUE = st.sampled_from([" ", ", ", " ", ", ", ". ", "\n", "\n- ", ",", " — "])
#: Sentences open with a conjunction as often as not in popular writing ("And so, ...").
_OPENERS = st.sampled_from(["", "And ", "But ", "Or ", "So ", "Yet, ", "- "])
_SENTENCES = st.lists(
    st.tuples(_OPENERS, st.lists(st.tuples(_WORDS, _GLUE), min_size=1, max_size=8)),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def drafting(known):
    from kg.base.files import ontology_dir
    from kg.curation.ontology import load_ontology
    from kg.ingest.lexicon import Lexicon

    lexicon, ontology = Lexicon.load(), load_ontology(ontology_dir())
    return lambda document: draft_claims(document, known, lexicon, ontology)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_SENTENCES)
def test_any_arrangement_of_words_drafts_without_error(drafting, sentences):
    document = "".join(
        opener + "".join(word + glue for word, glue in pieces).rstrip(" ,") + ". "
        for opener, pieces in sentences
    )
    draft = drafting(document)
    for c in draft.candidates:
        assert 0 <= c.start < c.end <= len(document)
        for mention in (c.subject, c.object):
            assert c.start <= mention.start < mention.end <= c.end
            assert document[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("opening", ["And sorry, ", "And so, ", "And if you are vegan, ", "Or, "])
def test_a_sentence_opening_with_a_conjunction_and_a_comma(drafting, opening):
    document = f"Title\n\n{opening}vitamin B12 deficiency can cause numbness and tingling."
    drafted = {(c.subject.text, c.predicate, c.object.text) for c in drafting(document).candidates}
    assert ("vitamin B12 deficiency", "causes", "numbness") in drafted
