"""The arguments of a relation cue that no vocabulary names (kg.ingest.arguments): the noun
phrase standing in an empty slot, bounded as English bounds it, typed by its head word or by
the one class the predicate's domain or range names, and proposed as a new entity with the
lexicon's suggestions; pronouns, numbers, vague words, clauses and long phrases never are.
The sentences are invented for these tests."""

from __future__ import annotations

import re

import pytest
from drafting import accept_all_and_validate, drafted

from kg.base.files import ontology_dir
from kg.base.model import Certainty
from kg.curation.ontology import load_ontology
from kg.ingest.arguments import (
    PENDING,
    argument_phrases,
    ground_arguments,
    is_argument,
    modified,
    typed,
)
from kg.ingest.model import Candidate, Mention, Sentence
from kg.ingest.relations import find_relations
from kg.ingest.vocabulary import Vocabulary

ONTOLOGY = load_ontology(ontology_dir())

#: The mentions the tests' sentences hold, each with its class.
TYPES = {
    "copper": "Nutrient",
    "low copper": "DeficiencyState",
    "zinc": "Nutrient",
    "iron": "Nutrient",
    "manganese": "Nutrient",
    "anemia": "Disease",
    "older adults": "PopulationGroup",
    "sea vegetables": "Food",
}


def mentions_in(text: str, names: list[str]) -> list[Mention]:
    found = []
    for name in names:
        i = re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE).start()
        entity = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
        mention = text[i : i + len(name)]
        found.append(Mention(i, i + len(name), mention, entity, TYPES[name], True, "test"))
    return found


def phrases(text: str, names: list[str] = ()) -> list[str]:
    sentence = Sentence(0, len(text), text)
    return [m.text for m in argument_phrases(sentence, mentions_in(text, list(names)))]


def relations(text: str, names: list[str]) -> set[tuple[str, str, str, str]]:
    found = find_relations(Sentence(0, len(text), text), mentions_in(text, names), ONTOLOGY)
    return {(c.subject.text, c.predicate, c.object.text, c.object.type) for c in found}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # determiners and grading words left off; a preposition, a comma, a verb end it
        (
            "Copper is linked to more frequent relapses in winter.",
            ["copper"],
            ["relapses", "winter"],
        ),
        # an "of"-phrase stays whole
        ("Low copper can lead to loss of balance, sadly.", ["low copper"], ["loss of balance"]),
        ("Low copper causes problems with walking.", ["low copper"], ["problems with walking"]),
        # a relative pronoun and a participle end it
        ("Copper affects nerve repair which matters.", ["copper"], ["nerve repair"]),
        ("Zinc reduced cold sores compared with before.", ["zinc"], ["cold sores"]),
        # an abbreviation used as a name is one, a capitalised word inside a sentence is not
        ("Zinc was tied to IQ at Harvard.", ["zinc"], ["IQ"]),
    ],
)
def test_the_noun_phrases_outside_the_mentions(text, names, expected):
    assert phrases(text, names) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It may help them and us.",  # pronouns
        "Zinc lowers it by 25 percent in 12 weeks.",  # numbers and counts
        "Zinc does things to the body and people.",  # vague words
        'Labels carry the warning "a source of zinc".',  # what is said names no thing
        "Zinc can prevent such harmful effects.",  # a determiner that points back
        "Zinc reduces the frequency of attacks.",  # a measure: what it measures is the thing
        "Zinc worsens performance.",  # a performance: its test would name what it is of
        "Zinc is needed to achieve proper growth.",  # an infinitive, no noun
        "Low zinc can leave you feeling depressed.",  # an adjective ends no noun phrase
        "Zinc may cause long lasting painful itchy scalp rashes.",  # longer than the bound
    ],
)
def test_no_noun_phrase_of_its_own(text):
    assert phrases(text, ["zinc"] if "inc" in text else []) == []


def test_a_phrase_a_mention_modifies_or_that_ends_in_one_is_none():
    assert phrases("Zinc scores and the rate of zinc loss.", ["zinc"]) == []
    assert phrases("Its signs include thinning iron stores.", ["iron"]) == []


def test_a_phrase_is_a_provisional_mention_typed_by_its_head():
    text = "Zinc was linked to depressive symptoms."
    (found,) = argument_phrases(Sentence(0, len(text), text), mentions_in(text, ["zinc"]))
    assert is_argument(found) and found.entity == PENDING + "depressive symptom"
    assert found.type == "Phenotype"  # "symptom" names the class


def test_a_phrase_takes_the_one_class_its_slot_names():
    bare = Mention(0, 8, "relapses", PENDING + "relapse", "", False, "suggested")
    assert typed(bare, "Condition", (), ONTOLOGY).type == "Condition"
    assert typed(bare, "Entity", (), ONTOLOGY) is None  # abstract: no class to give
    assert typed(bare, "Condition", ("Phenotype", "Disease"), ONTOLOGY) is None  # two
    food = Mention(0, 8, "relapses", PENDING + "relapse", "", False, "suggested")
    assert typed(food, "Food", (), ONTOLOGY).type == "Food"
    # a process needs a process noun: "alertness" is one, "immunoassays" is not
    alert = Mention(0, 9, "alertness", PENDING + "alertness", "", False, "suggested")
    assay = Mention(0, 12, "immunoassays", PENDING + "immunoassay", "", False, "suggested")
    assert typed(alert, "BiologicalProcess", (), ONTOLOGY).type == "BiologicalProcess"
    assert typed(assay, "BiologicalProcess", (), ONTOLOGY) is None
    # a head word's class must fit the slot
    symptoms = Mention(0, 8, "symptoms", PENDING + "x", "Phenotype", False, "suggested")
    assert typed(symptoms, "Food", (), ONTOLOGY) is None


def test_a_cue_with_an_empty_slot_takes_the_noun_phrase_there():
    found = relations("Low copper has been linked to more frequent relapses.", ["low copper"])
    assert found == {("Low copper", "linkedTo", "relapses", "Condition")}
    found = relations("Low copper may lead to loss of balance.", ["low copper"])
    assert found == {("Low copper", "causes", "loss of balance", "Phenotype")}


def test_a_subject_no_vocabulary_names():
    found = relations("Sea vegetables, by contrast, are a good source of iron.", ["iron"])
    assert found == {("Sea vegetables", "sourceOf", "iron", "Nutrient")}  # not "contrast"
    found = relations("Seaweed flakes are a good source of iron.", ["iron"])
    assert found == {("Seaweed flakes", "sourceOf", "iron", "Nutrient")}


def test_no_subject_inside_a_prepositional_phrase():
    found = relations("Zinc in older adults is linked to frailty.", ["zinc", "older adults"])
    assert found == {("Zinc", "linkedTo", "frailty", "Condition")}
    assert relations("By contrast, seaweed is a good source of iron.", ["iron"]) == set()


def test_the_mentions_keep_a_cue_that_found_its_arguments():
    text = "Low copper can cause anemia and tiredness at night."
    assert relations(text, ["low copper", "anemia"]) == {
        ("Low copper", "causes", "anemia", "Disease")
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Copper is a part of daily life.", ["copper"]),  # "is a" needs the mentions' types
        ("Copper of ancient coins.", ["copper"]),  # a phrase cue ("X of Y") too
        ("Low copper can make hair brittle.", ["low copper"]),  # an adjective
    ],
)
def test_no_relation_to_a_phrase_where_the_cue_does_not_state_one(text, names):
    assert relations(text, names) == set()


def test_a_phrase_is_named_by_its_id_a_clause_by_the_noun_phrase_it_states():
    text = "Zinc can damage the liver."
    zinc = Mention(0, 4, "Zinc", "zinc", "Nutrient", True, "test")
    clause = Mention(9, 25, "damage the liver", PENDING + "liver damage", "Phenotype", False, "x")
    candidate = Candidate(zinc, "causes", clause, 0, len(text), Certainty.HEDGED, False, "x")
    vocabulary = Vocabulary({}, None, ontology=ONTOLOGY)
    (found,), (entity,) = ground_arguments([candidate], [], vocabulary, text)
    assert (entity.label, entity.type) == ("liver damage", "Phenotype")
    assert found.object.entity == entity.id and found.object.text == "damage the liver"


ARTICLE = """Manganese and the brain

Manganese is a trace mineral found in nuts and whole grains.
Too much manganese has been linked to shaky handwriting in older adults.
"""


def test_an_ingested_phrase_is_a_proposed_entity_that_accept_and_validate_take(runner, tmp_path):
    folder, candidates, entities = drafted(runner, tmp_path, "manganese", ARTICLE)
    shaky = next(e for e in entities if e["label"] == "shaky handwriting")
    assert shaky["type"] == "Condition" and shaky["status"] == "candidate"
    assert shaky.get("suggestions"), "a phrase no vocabulary names gets suggestions"
    assert not shaky.get("xrefs"), "never silently grounded"
    assert any(c["object"] == shaky["id"] for c in candidates)
    accept_all_and_validate(runner, folder)


def test_a_count_opens_a_phrase_and_an_ase_word_names_an_enzyme():
    """ "five lipases" is the lipases; an "-ase" head names an enzyme, save the words that
    only end so ("release", "disease")."""
    found = phrases_typed("Zinc is a cofactor for five lipases, enzymes of the gut.")
    assert ("lipases", "GeneOrProtein") in found
    assert ("sudden release", "BiologicalProcess") in phrases_typed("Zinc causes a sudden release.")


def phrases_typed(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in argument_phrases(Sentence(0, len(text), text), [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zinc boosts blood flow.", ("blood flow", "PhysiologicalFunction")),
        ("Zinc eases gut symptoms quickly.", ("gut symptoms", "Phenotype")),
        ("Zinc raises blood levels.", None),  # a measure: the part itself is the end
        ("Zinc reaches the blood, fast.", None),  # no noun after it
        ("Zinc reaches blood cells.", None),  # a mention follows: the vocabulary's compound
    ],
)
def test_the_compound_a_body_part_modifies(text, expected):
    sentence = Sentence(0, len(text), text)
    i = text.index("blood") if "blood" in text else text.index("gut")
    name = "blood" if "blood" in text else "gut"
    part = Mention(i, i + len(name), name, name, "AnatomicalStructure", True, "test")
    others = (
        [Mention(i + 6, i + 11, "cells", "cell", "Cell", True, "test")] if "cells" in text else []
    )
    found = modified(part, sentence, [part, *others], ONTOLOGY)
    assert (None if found is None else (found.text, found.type)) == expected
    assert found is None or (is_argument(found) and found.start == part.start)
