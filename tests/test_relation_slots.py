"""Which mentions fill a relation cue's slots (kg.ingest.slots, through
kg.ingest.relations.find_relations): the subject behind an appositive, a predicate noun, an
aside or a relative clause; the chemical a process phrase ends in; a list's items tried
each; and the two items of one list that a construction makes its two ends."""

from __future__ import annotations

import re

import pytest

from kg.base.files import ontology_dir
from kg.curation.ontology import load_ontology
from kg.ingest.model import Mention, Sentence
from kg.ingest.relations import find_relations

ONTOLOGY = load_ontology(ontology_dir())

#: Words of the test sentences and the nnkg class each one names.
TYPES = {
    "vitamin B12": "Nutrient",
    "iron": "Nutrient",
    "zinc": "Nutrient",
    "folate": "Nutrient",
    "folic acid": "Nutrient",
    "magnesium": "Nutrient",
    "choline": "Nutrient",
    "iodine": "Nutrient",
    "very large doses": "Nutrient",
    "potassium supplements": "Food",
    "beef": "Food",
    "spinach": "Food",
    "nutrient": "ChemicalEntity",
    "mineral": "ChemicalEntity",
    "neurotransmitter": "ChemicalEntity",
    "acetylcholine": "ChemicalEntity",
    "sphingolipids": "ChemicalEntity",
    "selenoproteins": "ChemicalEntity",
    "enzymes": "ChemicalEntity",
    "oxidative stress": "Phenotype",
    "cells": "Cell",
    "lipids": "ChemicalEntity",
    "thyroid hormones": "ChemicalEntity",
    "make acetylcholine": "BiologicalProcess",
    "synthesis of sphingolipids": "BiologicalProcess",
    "make thyroid hormones": "BiologicalProcess",
    "control metabolism": "BiologicalProcess",
    "synthesis of serotonin": "BiologicalProcess",
    "oxygen transport": "BiologicalProcess",
    "nerve transmission": "BiologicalProcess",
    "memory": "PhysiologicalFunction",
    "muscle contraction": "PhysiologicalFunction",
    "brain development": "PhysiologicalFunction",
    "heart": "AnatomicalStructure",
    "immune system": "AnatomicalStructure",
    "hand": "AnatomicalStructure",
    "stomach": "AnatomicalStructure",
    "vegans": "PopulationGroup",
    "older adults": "PopulationGroup",
    "infections": "Disease",
    "deficiency": "DeficiencyState",
    "iron deficiency": "DeficiencyState",
    "anemia": "Disease",
    "fatigue": "Phenotype",
    "numbness": "Phenotype",
    "nausea": "Phenotype",
    "cramps": "Phenotype",
    "muscle cramps": "Phenotype",
    "diarrhea": "Phenotype",
    "development of the hippocampus": "BiologicalProcess",
    "hippocampus": "AnatomicalStructure",
    "brain": "AnatomicalStructure",
    "learning": "PhysiologicalFunction",
    "muscle weakness": "Phenotype",
    "irregular heartbeat": "Phenotype",
    "people with pellagra": "PopulationGroup",
    "pellagra": "DeficiencyState",
    "tired": "Phenotype",
    "liver": "AnatomicalStructure",
    "bile": "ChemicalEntity",
    "thyroid": "AnatomicalStructure",
    "body": "AnatomicalStructure",
    "energy metabolism": "BiologicalProcess",
    "tannins": "ChemicalEntity",
    "keto plan": "Food",
    "fat": "ChemicalEntity",
    "diet": "Food",
    "constipation": "Phenotype",
    "cholesterol": "ChemicalEntity",
    "vitamin D": "Nutrient",
    "calcium": "Nutrient",
    "gluten": "ChemicalEntity",
    "gut": "AnatomicalStructure",
    "muscles": "AnatomicalStructure",
    "blood": "AnatomicalStructure",
    "nitric oxide": "ChemicalEntity",
    "depression": "Disease",
    "coeliac disease": "Disease",
    "immune system disorder": "Disease",
}


def mentions_in(text: str, names: list[str]) -> list[Mention]:
    """A mention of each name (its first occurrence as whole words, case-insensitive),
    typed from TYPES."""
    found = []
    for name in names:
        i = re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE).start()
        entity = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
        found.append(
            Mention(i, i + len(name), text[i : i + len(name)], entity, TYPES[name], True, "test")
        )
    return found


def triples(
    text: str, names: list[str], lists: list[list[str]] = ()
) -> set[tuple[str, str, str, bool]]:
    """The relations found in ``text`` between the mentions of ``names``; ``lists`` are
    the coordinated lists the mention stage would hand over (by name)."""
    mentions = mentions_in(text, names)
    by_name = dict(zip(names, mentions, strict=True))
    groups = [[by_name[n] for n in group] for group in lists]
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY, groups)
    return {(c.subject.text, c.predicate, c.object.text, c.negated) for c in found}


@pytest.mark.parametrize(
    ("text", "names", "expected", "not_expected"),
    [
        # A predicate noun with a relative clause: the clause says it of the subject.
        (
            "Vitamin B12 is a nutrient that plays a role in memory.",
            ["vitamin B12", "nutrient", "memory"],
            ("Vitamin B12", "promotes", "memory", False),
            ("nutrient", "promotes", "memory", False),
        ),
        (
            "Folic acid is a form of folate that is needed for the synthesis of serotonin.",
            ["folic acid", "folate", "synthesis of serotonin"],
            ("Folic acid", "requiredFor", "synthesis of serotonin", False),
            ("folate", "requiredFor", "synthesis of serotonin", False),
        ),
        # An appositive, with a relative clause or closed by a comma.
        (
            "Iron, a mineral that is essential for oxygen transport, is found in beef.",
            ["iron", "mineral", "oxygen transport", "beef"],
            ("Iron", "requiredFor", "oxygen transport", False),
            ("mineral", "requiredFor", "oxygen transport", False),
        ),
        (
            "Iron deficiency, a cause of anemia, can lead to fatigue.",
            ["iron deficiency", "anemia", "fatigue"],
            ("Iron deficiency", "causes", "fatigue", False),
            ("anemia", "causes", "fatigue", False),
        ),
        # A comma-closed aside: a relative clause, a prepositional phrase.
        (
            "Iron, which is found in beef and spinach, can cause nausea.",
            ["iron", "beef", "spinach", "nausea"],
            ("Iron", "causes", "nausea", False),
            ("spinach", "causes", "nausea", False),
        ),
        (
            "Potassium supplements, on the other hand, do not prevent muscle cramps.",
            ["potassium supplements", "hand", "muscle cramps"],
            ("Potassium supplements", "prevents", "muscle cramps", True),
            ("hand", "prevents", "muscle cramps", True),
        ),
        # A relative clause's second verb has the mention the clause describes.
        (
            "Thyroid hormones, which control metabolism and are essential for brain development.",
            ["thyroid hormones", "control metabolism", "brain development"],
            ("Thyroid hormones", "requiredFor", "brain development", False),
            ("control metabolism", "requiredFor", "brain development", False),
        ),
        # The subject of a clause comes after a phrase or a subordinate clause it opens with.
        (
            "In older adults, zinc supports the immune system and prevents infections.",
            ["older adults", "zinc", "immune system", "infections"],
            ("zinc", "prevents", "infections", False),
            ("older adults", "prevents", "infections", False),
        ),
        (
            "When iron stores run low, iron deficiency develops, leading to fatigue.",
            ["iron", "iron deficiency", "fatigue"],
            ("iron deficiency", "causes", "fatigue", False),
            ("iron", "causes", "fatigue", False),
        ),
        # A phrase a sentence opens with is not what an appositive after it renames.
        (
            "In vegans, a deficiency that goes unnoticed can cause numbness.",
            ["vegans", "deficiency", "numbness"],
            ("deficiency", "causes", "numbness", False),
            ("vegans", "causes", "numbness", False),
        ),
        # A bare plural appositive, told from a list by its relative clause.
        (
            "The body uses them to build selenoproteins, enzymes that protect cells from "
            "oxidative stress.",
            ["selenoproteins", "enzymes", "cells", "oxidative stress"],
            ("selenoproteins", "prevents", "oxidative stress", False),
            ("enzymes", "prevents", "oxidative stress", False),
        ),
        (
            "In older adults, infections that go unnoticed can cause fatigue.",
            ["older adults", "infections", "fatigue"],
            ("infections", "causes", "fatigue", False),
            ("older adults", "causes", "fatigue", False),
        ),
    ],
)
def test_the_subject_behind_the_nearest_mention(text, names, expected, not_expected):
    found = triples(text, names)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    ("text", "names", "expected", "not_expected"),
    [
        (
            "Choline is needed to make acetylcholine, a neurotransmitter.",
            ["choline", "make acetylcholine", "acetylcholine", "neurotransmitter"],
            ("acetylcholine", "isA", "neurotransmitter", False),
            ("make acetylcholine", "isA", "neurotransmitter", False),
        ),
        (
            "Vitamin K is involved in the synthesis of sphingolipids, a class of lipids.",
            ["synthesis of sphingolipids", "sphingolipids", "lipids"],
            ("sphingolipids", "isA", "lipids", False),
            ("synthesis of sphingolipids", "isA", "lipids", False),
        ),
        (
            "Choline helps make acetylcholine, a neurotransmitter that plays a part in memory.",
            ["choline", "make acetylcholine", "acetylcholine", "neurotransmitter", "memory"],
            ("acetylcholine", "promotes", "memory", False),
            ("neurotransmitter", "promotes", "memory", False),
        ),
        (
            "Iodine is used to make thyroid hormones, which are essential for brain development.",
            ["iodine", "make thyroid hormones", "thyroid hormones", "brain development"],
            ("thyroid hormones", "requiredFor", "brain development", False),
            ("make thyroid hormones", "requiredFor", "brain development", False),
        ),
    ],
)
def test_what_follows_a_process_describes_its_chemical(text, names, expected, not_expected):
    found = triples(text, names)
    assert expected in found
    assert not_expected not in found


def test_what_follows_a_process_describes_the_structure_it_ends_in():
    text = (
        "Choline is needed for the development of the hippocampus, "
        "the brain region that handles learning."
    )
    names = ["choline", "development of the hippocampus", "hippocampus", "brain", "learning"]
    found = triples(text, names)
    assert ("hippocampus", "enables", "learning", False) in found
    assert ("hippocampus", "partOf", "brain", False) in found
    assert ("brain", "enables", "learning", False) not in found


@pytest.mark.parametrize(
    "text",
    [
        "You may notice muscle weakness, and a shortfall can lead to an irregular heartbeat.",
        "Iron causes muscle weakness, so the lack can lead to an irregular heartbeat.",
    ],
)
def test_a_comma_and_a_new_noun_phrase_start_another_subject(text):
    found = triples(
        text, ["muscle weakness", "irregular heartbeat", *(["iron"] * ("Iron" in text))]
    )
    assert ("muscle weakness", "causes", "irregular heartbeat", False) not in found


def test_a_conjunction_without_a_new_noun_phrase_keeps_the_subject():
    text = "Iron deficiency causes fatigue, and can lead to an irregular heartbeat."
    found = triples(text, ["iron deficiency", "fatigue", "irregular heartbeat"])
    assert ("Iron deficiency", "causes", "irregular heartbeat", False) in found


def test_a_group_named_by_its_condition_gives_the_condition_its_signs():
    text = "Early on, people with pellagra may feel tired."
    found = triples(text, ["people with pellagra", "pellagra", "tired"])
    assert found == {("pellagra", "hasSymptom", "tired", False)}
    assert triples("Older adults often feel tired.", ["older adults", "tired"]) == set()


def test_a_process_keeps_its_own_relations():
    found = triples(
        "Choline is needed to make acetylcholine.",
        ["choline", "make acetylcholine", "acetylcholine"],
    )
    assert ("Choline", "requiredFor", "make acetylcholine", False) in found


def test_a_list_is_tried_item_by_item():
    text = "Magnesium helps regulate the heart and muscle contraction."
    found = triples(
        text, ["magnesium", "heart", "muscle contraction"], [["heart", "muscle contraction"]]
    )
    assert found == {("Magnesium", "regulates", "muscle contraction", False)}


def test_a_list_ends_at_a_pronoun():
    text = (
        "Magnesium helps regulate nerve transmission and muscle contraction, and it eases cramps."
    )
    names = ["magnesium", "nerve transmission", "muscle contraction", "cramps"]
    mentions = mentions_in(text, names)
    it = Mention(
        text.index(" it ") + 1, text.index(" it ") + 3, "it", "magnesium", "Nutrient", True, "test"
    )
    group = [mentions[1], mentions[2], it]
    found = find_relations(Sentence(0, len(text), text), [*mentions, it], ONTOLOGY, [group])
    pairs = {(c.subject.text, c.predicate, c.object.text) for c in found}
    assert ("Magnesium", "regulates", "nerve transmission") in pairs
    assert ("Magnesium", "regulates", "muscle contraction") in pairs


def test_the_two_items_of_one_list_are_the_ends_of_between():
    text = "Studies found a link between zinc and anemia."
    found = triples(text, ["zinc", "anemia"], [["zinc", "anemia"]])
    assert found == {("zinc", "linkedTo", "anemia", False)}


def test_the_head_noun_after_a_modifier_fills_the_object():
    text = "Very large doses can cause stomach cramps and diarrhea."
    found = triples(
        text, ["very large doses", "stomach", "cramps", "diarrhea"], [["cramps", "diarrhea"]]
    )
    assert found == {
        ("Very large doses", "causes", "cramps", False),
        ("Very large doses", "causes", "diarrhea", False),
    }


@pytest.mark.parametrize(
    "text",
    [
        "In trials of iron, a daily walk reduced fatigue.",
        "Results: In older adults given iron, a daily walk reduced fatigue.",
    ],
)
def test_a_mention_in_an_opening_phrase_is_no_subject_past_its_comma(text):
    found = triples(text, ["iron", "fatigue", *(["older adults"] * ("adults" in text))])
    assert not {t for t in found if t[0] == "iron" and t[2] == "fatigue"}


def test_an_appositive_after_an_opening_phrase_renames_nothing():
    found = triples("In studies of iron, a mineral given daily reduced fatigue.",
                    ["iron", "mineral", "fatigue"])  # fmt: skip
    assert ("iron", "isA", "mineral", False) not in found
    assert triples("Iron, a mineral, reduces fatigue.", ["iron", "mineral", "fatigue"]) >= {
        ("Iron", "isA", "mineral", False)
    }
    found = triples("In older adults, iron reduces fatigue.", ["older adults", "iron", "fatigue"])
    assert {t for t in found if t[0] == "iron" and t[2] == "fatigue"}


def test_an_infinitive_after_and_shares_the_first_verbs_subject():
    text = "Zinc is thought to protect cells and to reduce oxidative stress."
    found = triples(text, ["zinc", "cells", "oxidative stress"])
    assert {t for t in found if t[0] == "Zinc" and t[2] == "oxidative stress"}
    assert not {t for t in found if t[0] == "cells"}


def test_a_pronoun_subject_that_is_no_mention_gives_the_next_verb_none():
    text = "Zinc reaches the brain, where it protects cells and reduces oxidative stress."
    found = triples(text, ["zinc", "brain", "cells", "oxidative stress"])
    assert not {t for t in found if t[0] == "cells"}
    found = triples("Zinc protects cells and reduces oxidative stress.",
                    ["zinc", "cells", "oxidative stress"])  # fmt: skip
    assert {t for t in found if t[0] == "Zinc" and t[2] == "oxidative stress"}


@pytest.mark.parametrize(
    ("text", "names", "expected", "not_expected"),
    [
        (
            "Vitamin D makes the liver produce more bile.",
            ["vitamin D", "liver", "bile"],
            ("Vitamin D", "promotes", "bile", False),
            ("Vitamin D", "promotes", "liver", False),
        ),
        (
            "Iodine helps the thyroid make thyroid hormones.",
            ["iodine", "thyroid", "thyroid hormones"],
            ("Iodine", "promotes", "thyroid hormones", False),
            ("Iodine", "promotes", "thyroid", False),
        ),
        (
            "Magnesium allows the body to use energy metabolism.",
            ["magnesium", "body", "energy metabolism"],
            ("Magnesium", "promotes", "energy metabolism", False),
            ("Magnesium", "enables", "body", False),
        ),
    ],
)
def test_the_one_a_causative_verb_makes_act_is_no_object(text, names, expected, not_expected):
    found = triples(text, names)
    assert expected in found
    assert not_expected not in found


def test_a_causative_verb_with_an_adjective_makes_no_claim():
    assert not triples("Tannins make it harder to absorb iron.", ["tannins", "iron"])


def test_an_appositive_names_the_head_after_a_compound_modifier():
    text = "The keto plan, a high-fat, very-low-carbohydrate diet, is strict."
    found = triples(text, ["keto plan", "fat", "diet"])
    assert ("keto plan", "isA", "diet", False) in found
    assert ("keto plan", "isA", "fat", False) not in found


def test_a_conjunction_after_the_first_noun_joins_two_nouns():
    text = "Constipation and raised cholesterol are common."
    assert not triples(text, ["constipation", "cholesterol"])


def test_a_conjunction_after_an_object_still_starts_a_verb():
    text = "Vitamin D lowered calcium and raised cholesterol."
    found = triples(text, ["vitamin D", "calcium", "cholesterol"])
    assert ("Vitamin D", "promotes", "cholesterol", False) in found
    assert ("calcium", "promotes", "cholesterol", False) not in found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Eating gluten makes the immune system attack the gut.",
            ["gluten", "immune system", "gut"],
        ),
        ("Calcium allows the muscles to contract.", ["calcium", "muscles"]),
        ("Calcium lets the muscles relax.", ["calcium", "muscles"]),
    ],
)
def test_the_one_made_to_act_is_no_object_of_the_causative_verb(text, names):
    found = triples(text, names)
    assert not {t for t in found if t[2] == names[1]}


def test_make_with_a_purpose_keeps_its_object():
    text = "Iodine makes thyroid hormones to control metabolism."
    found = triples(text, ["iodine", "thyroid hormones", "control metabolism"])
    assert ("Iodine", "promotes", "thyroid hormones", False) in found


@pytest.mark.parametrize(
    "masked",
    [
        "«0» causes «1», which can lead to «2» and is linked to «3».",
        "«0» (vitamin B7), a «1» found in «2», is needed for «3» and helps prevent «4»'s «5».",
        "In «0» with «1», low «2» levels were associated with a higher risk of «3».",
        "«0»-induced «1» is caused by «2»; «3» such as «4» and «5» reduce «6».",
    ],
)
def test_a_cue_pattern_opening_with_a_slot_finds_what_its_source_finds(masked):
    """A pattern that opens with a slot is compiled to skip from « to «
    (:meth:`kg.ingest.cues.CuePattern.regex`): the same matches, groups and all, as the
    template's own look-ahead finds at every character."""
    from kg.ingest.cues import CuePattern, load_cues

    patterns = [p for _, p in load_cues().patterns]
    assert any(p.source.startswith(CuePattern.SLOT_FIRST) for p in patterns)
    for pattern in patterns:
        source = re.compile(pattern.source, re.IGNORECASE)
        found = [(m.regs[1:], m.groupdict()) for m in pattern.finditer(masked)]
        assert found == [(m.regs[1:], m.groupdict()) for m in source.finditer(masked)]


@pytest.mark.parametrize(
    ("text", "names", "expected", "not_expected"),
    [
        # The second verb of a "that" clause has the clause's subject, or what it renames.
        (
            "Older adults take zinc, a mineral that supports the immune system and prevents "
            "infections.",
            ["older adults", "zinc", "mineral", "immune system", "infections"],
            ("zinc", "prevents", "infections", False),
            ("Older adults", "prevents", "infections", False),
        ),
        # An abbreviation no mention names is read past, as a mention one is.
        (
            "Iron (Fe), a mineral that is essential for oxygen transport, is found in beef.",
            ["iron", "mineral", "oxygen transport", "beef"],
            ("Iron", "requiredFor", "oxygen transport", False),
            ("mineral", "requiredFor", "oxygen transport", False),
        ),
        # A class noun before a name: the name heads the subject.
        (
            "In beef, the mineral iron binds zinc and prevents anemia.",
            ["beef", "mineral", "iron", "zinc", "anemia"],
            ("iron", "prevents", "anemia", False),
            ("mineral", "prevents", "anemia", False),
        ),
        # An appositive after a group named by its condition renames the condition.
        (
            "People with pellagra, a rare condition that blocks energy metabolism, are tired.",
            ["people with pellagra", "pellagra", "energy metabolism", "tired"],
            ("pellagra", "disrupts", "energy metabolism", False),
            ("People with pellagra", "disrupts", "energy metabolism", False),
        ),
    ],
)
def test_the_subject_of_a_relative_clause_or_a_compound(text, names, expected, not_expected):
    found = triples(text, names)
    assert expected in found
    assert not_expected not in found


def test_a_verb_a_conjunction_joins_has_the_subject_of_its_own_clause():
    """A template that opens with "and" takes the subject after the comma and conjunction
    that open the clause, not a preposition's object nor the sentence's first mention."""
    text = (
        "Iron is stored in the liver, and in older adults zinc builds up and is linked to anemia."
    )
    found = triples(text, ["iron", "liver", "older adults", "zinc", "anemia"])
    assert ("zinc", "linkedTo", "anemia", False) in found
    assert not {t for t in found if t[2] == "anemia" and t[0] in ("Iron", "older adults")}


def test_a_body_part_before_a_noun_modifies_it():
    """The object is the compound a body part's name modifies, a provisional mention typed
    by its head ("symptoms") or as the part's function ("flow")."""
    found = triples("A gluten-free diet improves gut symptoms.", ["diet", "gut"])
    assert ("diet", "treats", "gut symptoms", False) in found
    assert not {t for t in found if t[2] == "gut"}
    flow = triples("Nitric oxide boosts blood flow.", ["nitric oxide", "blood"])
    assert flow == {("Nitric oxide", "promotes", "blood flow", False)}


def test_a_noun_no_mention_names_before_its_appositive_is_the_subject():
    """ "five carboxylases, enzymes needed for Y": the enzymes rename the carboxylases, which
    no mention names, so the noun phrase is the subject, not the class."""
    text = "Zinc is a cofactor for five carboxylases, enzymes needed for energy metabolism."
    found = triples(text, ["zinc", "enzymes", "energy metabolism"])
    assert ("carboxylases", "requiredFor", "energy metabolism", False) in found
    assert ("enzymes", "requiredFor", "energy metabolism", False) not in found


def test_a_relative_clause_after_a_prepositions_object_describes_the_noun_before():
    """ "the pressure inside «skull», which causes Y": the pressure causes Y, and no mention
    names it; after a measure ("the amount of «iron», which") the mention is described."""
    text = "Zinc raises the pressure inside the body, which causes nausea."
    assert not {t for t in triples(text, ["zinc", "body", "nausea"]) if t[2] == "nausea"}
    found = triples(
        "Zinc lowers the amount of iron, which causes nausea.", ["zinc", "iron", "nausea"]
    )
    assert ("iron", "causes", "nausea", False) in found


def test_a_participle_or_prepositional_phrase_after_the_subject_is_read_past():
    """ "doses of «zinc» taken with «food» may cause Y": the preposition's object is no
    subject; the mention the phrase belongs to is."""
    text = "High doses of zinc taken with beef may cause nausea."
    found = triples(text, ["zinc", "beef", "nausea"])
    assert ("zinc", "causes", "nausea", False) in found
    assert ("beef", "causes", "nausea", False) not in found


def test_a_mention_inside_a_closed_relative_clause_is_no_subject():
    """ "a diet rich in fibre, which feeds «the gut», is linked to Y": the subject is the
    noun before the clause, which no mention names."""
    text = "A diet rich in fibre, which feeds the gut, is linked to less depression."
    assert not triples(text, ["gut", "depression"])


def test_a_gloss_after_the_subject_is_read_past_to_its_predicate_noun_or_appositive():
    """ "A (vitamin B9) is a B that ...", "A (vitamin B9), a B found in C, ...": the
    parenthesis glosses A, and what the clause says is A's, not the class's nor C's."""
    text = "Folate (vitamin B9) is a nutrient that plays a role in memory."
    found = triples(text, ["folate", "nutrient", "memory"])
    assert ("Folate", "promotes", "memory", False) in found
    assert ("nutrient", "promotes", "memory", False) not in found
    text = "Folate (vitamin B9), a nutrient found in spinach, prevents depression."
    found = triples(text, ["folate", "nutrient", "spinach", "depression"])
    assert ("Folate", "prevents", "depression", False) in found
    assert not {t for t in found if t[2] == "depression" and t[0] != "Folate"}


def test_a_mention_that_modifies_a_class_noun_before_its_relative_clause_is_no_subject():
    """ "A is an «immune system» disorder that causes Y": the disorder, which renames A,
    causes Y; the mention only modifies it."""
    text = "Coeliac disease is an immune system disorder that causes anemia."
    found = triples(text, ["coeliac disease", "immune system", "anemia"])
    assert ("Coeliac disease", "causes", "anemia", False) in found
    assert ("immune system", "causes", "anemia", False) not in found


def test_a_relative_clause_on_an_appositive_closed_by_a_comma_says_nothing_of_the_verb():
    """ "A, a «B» that damages «Z», causes Y": the verb after the appositive is A's, not
    the class noun's nor its relative clause's object."""
    text = "Coeliac disease, an immune system disorder that damages the gut, causes anemia."
    found = triples(text, ["coeliac disease", "immune system disorder", "gut", "anemia"])
    assert ("Coeliac disease", "causes", "anemia", False) in found
    assert not {t for t in found if t[2] == "anemia" and t[0] != "Coeliac disease"}
