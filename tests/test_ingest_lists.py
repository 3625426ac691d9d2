"""Coordinated lists in ``nnkg ingest``: how English joins a list's items, what may
interrupt a list, the items no vocabulary knows, and the class of a list's examples
(:mod:`kg.ingest.lists`, :mod:`kg.ingest.spread`). Every sentence here is invented."""

from __future__ import annotations

import pytest

from kg.ingest.mentions import Vocabulary, mentions_of
from kg.ingest.text import sentences


@pytest.fixture(scope="module")
def lists(known, lexicon):
    """The texts of each list of a one-sentence document."""

    def run(document: str) -> list[list[str]]:
        vocabulary = Vocabulary(known.entities, lexicon, proposed=known.proposed)
        found = mentions_of(document, sentences(document), vocabulary)
        return [[m.text for m in group] for groups in found.lists for group in groups]

    return run


def test_the_examples_of_an_item_interrupt_a_list_that_goes_on_after_them(lists, triples):
    document = "Low copper may cause fatigue, ataxia, headaches, including migraine, and anemia."
    assert ["fatigue", "ataxia", "headaches", "anemia"] in lists(document)
    found = triples(document)
    for item in ("fatigue", "ataxia", "headaches", "migraine", "anemia"):
        assert ("Low copper", "causes", item) in found
    assert ("migraine", "isA", "headaches") in found


def test_an_item_is_never_the_class_of_its_siblings_examples(triples):
    found = triples(
        "Low copper may cause fatigue, ataxia, headaches, including migraine, and anemia."
    )
    for sibling in ("fatigue", "ataxia", "anemia"):
        assert ("migraine", "isA", sibling) not in found


def test_the_class_before_examples_alone_is_their_class(triples):
    found = triples("Zinc deficiency brings anemia, and conditions such as ataxia and neuropathy.")
    assert ("ataxia", "isA", "anemia") not in found
    assert ("neuropathy", "isA", "anemia") not in found


def test_a_parenthesis_is_read_past_and_a_list_inside_it_is_its_own(lists):
    found = lists("Fatigue, ataxia (with tremor, anxiety and dizziness) and anemia are common.")
    assert ["Fatigue", "ataxia", "anemia"] in found
    assert ["tremor", "anxiety", "dizziness"] in found


def test_a_list_goes_on_after_a_list_inside_a_phrase_of_its_item(lists, triples):
    document = "Low copper causes weakness in the arms and legs, anemia and fatigue."
    found = lists(document)
    assert ["weakness", "anemia", "fatigue"] in found
    assert ["arms", "legs"] in found
    drafted = triples(document)
    for item in ("weakness", "anemia", "fatigue"):
        assert ("Low copper", "causes", item) in drafted
    assert ["legs", "arms", "back"] in lists("Low iron causes pain in the legs, arms and back.")


def test_along_with_and_as_well_as_join_items(lists):
    assert ["headaches", "fatigue", "anxiety"] in lists(
        "Too much iron brings headaches, along with fatigue and anxiety."
    )
    assert ["anemia", "fatigue"] in lists("Low iron causes anemia as well as fatigue.")


def test_a_clause_opened_by_a_conjunction_and_together_with_is_no_list_item(lists):
    found = lists("Sodium is an electrolyte, and together with potassium it carries the charge.")
    assert not any("potassium" in group for group in found)


def test_an_article_before_an_item_keeps_the_list_whole(triples):
    found = triples("Caffeine may trigger restlessness, insomnia and a racing heart.")
    for item in ("restlessness", "insomnia", "a racing heart"):  # its end quotes the article
        assert ("Caffeine", "causes", item) in found


def test_an_item_no_vocabulary_knows_after_a_verb_is_one_of_the_list(triples):
    found = triples("Caffeine may trigger jitteriness, restlessness and a racing heart.")
    assert ("Caffeine", "causes", "jitteriness") in found


def test_plain_words_before_a_known_item_make_one_item_with_it(lists, triples):
    document = (
        "Selenium deficiency is rare, as selenium is found in eggs, organ meats, nuts and rice."
    )
    assert ["eggs", "organ meats", "nuts", "rice"] in lists(document)
    found = triples(document)
    for item in ("eggs", "organ meats", "nuts", "rice"):
        assert (item, "sourceOf", "selenium") in found


def test_a_grading_word_before_an_item_stays_off_it(lists):
    found = lists("Low magnesium causes cramps, severe fatigue and anxiety.")
    assert ["cramps", "fatigue", "anxiety"] in found


def test_a_repeated_preposition_keeps_the_list(triples):
    found = triples("Zinc is needed for wound healing, for taste and for immune function.")
    for item in ("wound healing", "taste", "immune function"):
        assert ("Zinc", "requiredFor", item) in found


def test_a_repeated_preposition_joins_items_of_any_kind(lists):
    assert ["skin", "digestion", "growth"] in lists(
        "Zinc is needed for healthy skin, for digestion and for growth."
    )


def test_a_list_ends_at_and_other_before_a_class_no_vocabulary_names(triples):
    found = triples("Kale, spinach and other leafy things are rich in lutein.")
    assert {("Kale", "contains", "lutein"), ("spinach", "contains", "lutein")} <= found


def test_an_appositive_inside_a_list_is_read_past_and_related_to_no_item(lists, triples):
    document = "Low iodine can lead to goiter, a swollen thyroid, and to hypothyroidism."
    assert ["goiter", "swollen thyroid", "hypothyroidism"] in lists(document)
    found = triples(document)
    assert {("Low iodine", "causes", "goiter"), ("Low iodine", "causes", "hypothyroidism")} <= found
    assert not any(s == "hypothyroidism" and p == "isA" for s, p, _ in found)


def test_a_parenthesis_after_an_unknown_item_keeps_the_list_whole(lists, triples):
    document = "Kale, rocket (arugula), spinach and celery are packed with nitrate."
    assert ["Kale", "rocket", "spinach", "celery"] in lists(document)
    found = triples(document)
    for item in ("rocket", "celery"):
        assert (item, "contains", "nitrate") in found


def test_other_and_plain_words_end_a_list_as_one_item(lists, triples):
    document = "Kale, spinach and other dark leafy greens are rich in lutein."
    assert ["Kale", "spinach", "other dark leafy greens"] in lists(document)
    assert ("other dark leafy greens", "contains", "lutein") in triples(document)


def test_a_dose_of_a_substance_is_the_substance_but_too_much_is_a_state(triples):
    # the dose's phrase is a mention of caffeine, quoted whole as curators quote it
    found = triples("High doses of caffeine may trigger nervousness, restlessness and anxiety.")
    for item in ("nervousness", "restlessness", "anxiety"):
        assert ("High doses of caffeine", "causes", item) in found
    assert not {t for t in triples("Too much zinc can cause anemia.") if t[0] == "zinc"}


def test_a_bare_plural_appositive_before_a_participle_says_it_of_what_it_renames(triples):
    found = triples(
        "Selenium is built into selenoproteins, enzymes needed for thyroid hormone production."
    )
    assert ("selenoproteins", "requiredFor", "thyroid hormone production") in found
    assert ("enzymes", "requiredFor", "thyroid hormone production") not in found


def test_the_class_an_appositive_gives_is_no_slot_of_the_cue_after_it(triples):
    found = triples(
        "Caffeine, a stimulant found in coffee, tea and cola, blocks adenosine receptors."
    )
    assert not {t for t in found if "stimulant" in (t[0], t[2]) and t[1] != "isA"}
    assert ("Caffeine", "reduces", "adenosine receptors") in found
