"""How names are folded (kg/ingest/names.py): case, dashes, apostrophes and plurals, the
same for the lexicon's names and for the text, so "potatoes" meets "potato"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.names import american, fold, singular, variants

#: Regular English nouns, singular and plural, of each ending the rule tells apart.
PAIRS = [
    ("potato", "potatoes"), ("tomato", "tomatoes"), ("hero", "heroes"), ("echo", "echoes"),
    ("toe", "toes"), ("shoe", "shoes"), ("avocado", "avocados"), ("berry", "berries"),
    ("deficiency", "deficiencies"), ("calorie", "calories"), ("cookie", "cookies"),
    ("pie", "pies"), ("leaf", "leaves"), ("half", "halves"), ("knife", "knives"),
    ("olive", "olives"), ("nerve", "nerves"), ("valve", "valves"), ("peach", "peaches"),
    ("church", "churches"), ("rash", "rashes"), ("box", "boxes"), ("glass", "glasses"),
    ("process", "processes"), ("headache", "headaches"), ("size", "sizes"),
    ("virus", "viruses"), ("bus", "buses"), ("sinus", "sinuses"), ("cause", "causes"),
    ("abuse", "abuses"), ("use", "uses"), ("disease", "diseases"), ("dose", "doses"),
    ("cheese", "cheeses"), ("gas", "gases"), ("lens", "lenses"), ("analysis", "analyses"),
    ("sardine", "sardines"), ("lentil", "lentils"), ("egg", "eggs"), ("day", "days"),
    ("vitamin", "vitamins"), ("cell", "cells"), ("wolf", "wolves"), ("loaf", "loaves"),
]  # fmt: skip
#: Words that end in s and are singular: folding leaves them as they are.
SINGULAR = [
    "diabetes", "herpes", "series", "species", "analysis", "mumps", "lens", "gas",
    "sclerosis", "virus", "numbness", "rickets", "measles", "news", "pancreas", "molasses",
]  # fmt: skip


@pytest.mark.parametrize(("one", "many"), PAIRS)
def test_a_nouns_singular_and_plural_fold_alike(one, many):
    assert fold(many) == fold(one) == one
    assert fold(f"Dietary {many.title()}") == f"dietary {one}"


@pytest.mark.parametrize("word", SINGULAR)
def test_a_word_singular_in_s_is_left_as_it_is(word):
    assert fold(word) == word


def test_plurals_without_an_s_are_left_to_the_word_lists():
    assert [fold(w) for w in ("feet", "women", "children")] == ["feet", "women", "children"]


def test_fold_makes_case_dashes_and_apostrophes_one():
    assert fold("  Vitamin B-12 ") == "vitamin b12"
    assert fold("Alzheimer’s Diseases") == "alzheimer's disease"
    assert fold("nerve-cells") == fold("nerve cell") == fold("Nerve  Cells")


def test_a_name_ending_in_its_number_folds_its_plural_alike():
    assert fold("omega-3s") == fold("Omega-3") == "omega3"
    assert fold("omega-6s and omega-3s") == "omega6 and omega3"
    assert fold("H2S") == "h2s"  # a formula of one letter is no plural
    assert fold("the 1990s") == "the 1990s"  # nor a decade


@given(st.sampled_from(PAIRS), st.sampled_from(["", "raw ", "the "]))
def test_singular_and_plural_fold_alike_in_a_phrase(pair, before):
    one, many = pair
    assert fold(before + many) == fold(before + one)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.from_regex(r"[a-z]{1,12}(s|es|ies|oes|ses|ves)?", fullmatch=True))
def test_singular_is_idempotent_on_words(word):
    assert singular(singular(word)) == singular(word)


@pytest.mark.parametrize(
    ("british", "us"),
    [("dietary fibre", "dietary fiber"), ("flavour enhancer", "flavor enhancer"),
     ("anaemia", "anemia"), ("oestrogen", "estrogen"), ("coeliac disease", "celiac disease"),
     ("mood stabiliser", "mood stabilizer"), ("grey matter", "gray matter")],
)  # fmt: skip
def test_a_british_spelling_has_its_american_form(british, us):
    assert american(british) == us


@pytest.mark.parametrize("word", ["four", "your", "hour", "toe", "more", "there", "exercise"])
def test_words_not_spelt_apart_stay_as_they_are(word):
    assert american(word) == word


def test_a_number_after_a_word_is_tried_joined_and_apart():
    assert variants(fold("glycogen synthase kinase-3")) == ["glycogen synthase kinase 3"]
    assert variants(fold("omega 3")) == ["omega3"]
    assert variants(fold("vitamin B12")) == []


#: Text made of what the shortcuts of fold, american and variants look for (runs of
#: letters ending in s, numbers, dashes, the British spellings' letters) and anything else.
_PIECES = [
    "ies", "oes", "ses", "ves", "s", "omega-3s", "b-12", "vitamin", " ", "-", "–", "/", "’",
    "our", "bre", "tre", "iser", "isation", "ised", "ising", "ae", "aet", "oe", "sulph", "grey",
    "mould", "3", "kinase3", "omega 3",
]  # fmt: skip
_SPELLINGS = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.text(alphabet="abcdeimorstuvz0123 -’'É", max_size=4),
        st.characters(codec="utf-8"),
    ),
    max_size=10,
).map("".join)


@settings(max_examples=1000)
@given(_SPELLINGS)
def test_fold_american_and_variants_read_every_word_as_their_rules_say(text):
    """The rules applied to every word and span, as the shortcuts (searched first, the rest
    skipped when nothing is there to change) must give."""
    import re

    from kg.ingest import names

    def american_everywhere(key: str) -> str:
        spelt = " ".join(names._BRITISH_WORDS.get(w, w) for w in key.split(" "))
        for pattern, repl in names._BRITISH:
            spelt = pattern.sub(repl, spelt)
        return spelt

    def fold_everywhere(name: str) -> str:
        folded = names._LETTER_DIGIT.sub("", name.translate(names._APOSTROPHES).casefold())
        folded = names._NUMBERED_PLURAL.sub(r"\1", names._DASHES.sub(" ", folded).strip())
        return re.sub(r"[a-z]+", lambda m: singular(m.group()), folded)

    key = fold_everywhere(text)
    assert fold(text) == key
    assert american(key) == american_everywhere(key)
    numbers = [names._JOINED_NUMBER.sub(r"\1 \2", key), names._SPACED_NUMBER.sub(r"\1\2", key)]
    numbers.append(names._LOCANT_PRIME.sub("", key))
    expected = [v for v in dict.fromkeys([american_everywhere(key), *numbers]) if v != key]
    assert variants(key) == expected
