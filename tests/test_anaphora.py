"""Stage 2 of nnkg ingest, its anaphora and alias steps (kg.ingest.anaphora, kg.ingest.aliases),
through the public find_mentions: pronouns, class anaphors, bare deficiencies and the names a
text gives an entity. The sentences are written for these tests; the vocabulary is the packaged
catalogue and a small lexicon of real ontology terms (tests/test_mentions.py's, and a few more)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_mentions import SEEN, TERMS, catalogue_vocabulary, spans

from kg.ingest.mentions import Vocabulary, find_mentions
from kg.ingest.model import Term
from kg.ingest.text import sentences

MORE_TERMS = [
    Term("FOODON:00004886", "pumpkin seed", (), "Food", SEEN),
    Term("MESH:D012639", "Seeds", ("seed",), "Food", SEEN),
    Term("FOODON:03411224", "oyster", (), "Food", SEEN),
    Term("MESH:D008274", "Magnesium", ("magnesium",), "Nutrient", SEEN),
    Term("HP:0001250", "Seizure", ("seizures",), "Phenotype", SEEN),
    Term("MESH:D009525", "Niacin", (), "Nutrient", SEEN),
    Term("CHEBI:176839", "vitamin B3", (), "Nutrient", SEEN),
    Term("CHEBI:26948", "vitamin B1", (), "Nutrient", SEEN),
    Term("MESH:D013831", "Thiamine", (), "Nutrient", SEEN),
]


@pytest.fixture(scope="module")
def vocabulary():
    return catalogue_vocabulary(TERMS + MORE_TERMS)


def anaphors(doc: str, vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """The anaphors of ``doc``: text and the entity each points at, in order."""
    return [(t, e) for t, e, how in spans(doc, vocabulary) if how == "anaphora"]


# ---------------------------------------------------------------- pronouns


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            "Vegans often lack vitamin B12. They should eat fortified foods.",
            [("They", "vegans")],
        ),
        (
            "Meat, fish and eggs contain vitamin B12. They are animal-based foods.",
            [("They", "egg"), ("They", "fish"), ("They", "meat")],
        ),
        (
            "Vegans often lack vitamin B12, and their levels fall with age.",
            [("their", "vegans")],
        ),
        ("Vitamin B12 deficiency is common. They should eat fish.", []),  # no plural
        ("Vegans lack vitamin B12, like vegetarians. They should eat fish.", []),  # a rival
        (  # in the sentence its subject opens, "they" goes on with that subject
            "Vegans avoid meat and eggs, so they should take vitamin B12.",
            [("they", "vegans")],
        ),
    ],
)
def test_they_points_at_a_plural_subject_only(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


@pytest.mark.parametrize(
    "doc",
    [
        "Meat and fish contain vitamin B12. It is also found in cereals.",
        "Dairy products contain vitamin B12. It is also found in cereals.",
        "Vegans often lack vitamin B12. It is found in cereals.",
    ],
)
def test_it_never_points_at_a_plural_a_list_or_people(vocabulary, doc):
    assert anaphors(doc, vocabulary) == []


def test_it_may_point_back_across_a_sentence_that_still_names_its_topic(vocabulary):
    doc = (
        "Vitamin B12 is stored in the liver. Good sources of vitamin B12 include meat and "
        "fish. It is also added to cereals."
    )
    assert anaphors(doc, vocabulary) == [("It", "vitamin-b12")]


@pytest.mark.parametrize(
    "doc",
    [
        "Vitamin B12 is stored in the liver. Good sources include meat. It is added to cereals.",
        "Vitamin B12 is stored in the liver.\n\nGood sources of vitamin B12 include meat. "
        "It is added to cereals.",
    ],
)
def test_a_topic_is_not_taken_across_a_sentence_without_it_nor_a_paragraph(vocabulary, doc):
    assert anaphors(doc, vocabulary) == []


def test_a_pronoun_after_an_anaphor_points_at_what_the_anaphor_does(vocabulary):
    doc = "Vitamin B12 matters. This vitamin is found in meat. It is also added to cereals."
    assert anaphors(doc, vocabulary) == [("This vitamin", "vitamin-b12"), ("It", "vitamin-b12")]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Vitamin B12 matters. It is needed to make myelin.", [("It", "vitamin-b12")]),
        ("Vitamin B12 matters. It is recommended to check levels.", []),
    ],
)
def test_it_before_a_participle_and_to_points_at_something(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


# ---------------------------------------------------------------- class anaphors


def test_a_plural_anaphor_with_no_list_takes_all_that_fit_in_its_sentence(vocabulary):
    doc = "Oysters hold more zinc than pumpkin seeds. These foods are easy to find."
    assert anaphors(doc, vocabulary) == [
        ("These foods", "oyster"),
        ("These foods", "pumpkin-seed"),  # the whole name, not the "seeds" inside it
    ]


def test_a_deficiency_of_an_anaphor_is_the_deficiency_it_points_at(vocabulary):
    doc = "Vitamin B12 keeps nerves healthy. A deficiency of this vitamin can cause numbness."
    mentions, _ = find_mentions(doc, sentences(doc), vocabulary)
    got = [(m.text, m.entity) for m in mentions if m.entity == "vitamin-b12-deficiency"]
    assert got == [("deficiency of this vitamin", "vitamin-b12-deficiency")]


# ---------------------------------------------------------------- bare deficiencies


def test_a_deficiency_with_words_of_degree_is_the_one_named_before(vocabulary):
    doc = (
        "A magnesium deficiency can cause fatigue. Severe deficiency may lead to seizures. "
        "Chronic deficiency can also cause numbness."
    )
    mentions, proposed = find_mentions(doc, sentences(doc), vocabulary)
    deficient = [(m.text, m.entity) for m in mentions if m.type == "DeficiencyState"]
    assert deficient == [
        ("magnesium deficiency", "magnesium-deficiency"),
        ("deficiency", "magnesium-deficiency"),
        ("deficiency", "magnesium-deficiency"),
    ]
    assert "chronic-deficiency" not in [p.id for p in proposed]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Vitamin B12 matters. Mild deficiency in older women is common.", ["deficiency"]),
        ("Vitamin B12 matters. Deficiency in zinc is common.", []),  # says which
    ],
)
def test_a_deficiency_in_people_says_who_not_which(vocabulary, doc, expected):
    got = [t for t, e in anaphors(doc, vocabulary) if e == "vitamin-b12-deficiency"]
    assert got == expected


# ---------------------------------------------------------------- names the text gives


@pytest.mark.parametrize(
    ("doc", "alias", "entity"),
    [
        ("Vitamin B3, better known as niacin, supports nerves.", "niacin", "vitamin-b3"),
        ("Vitamin B1 is also called thiamine.", "Thiamine", "vitamin-b1"),
        (
            "Dopamine, which is commonly called the reward chemical, lifts mood.",
            "reward chemical",
            "dopamine",
        ),
        (
            "Vitamin B12 — sometimes called the nerve vitamin — helps.",
            "nerve vitamin",
            "vitamin-b12",
        ),
        ("Homocysteine (or Hcy-2) rises with age.", "Hcy-2", "homocysteine"),
    ],
)
def test_the_names_a_text_gives_an_entity(vocabulary, doc, alias, entity):
    got = spans(doc, vocabulary)
    assert (alias.casefold(), entity) in [(t.casefold(), e) for t, e, how in got if how == "alias"]


def test_a_second_name_after_or(vocabulary):
    doc = "Vitamin B1, also known as thiamine or aneurin, protects nerves. Aneurin is cheap."
    got = [(t, e) for t, e, how in spans(doc, vocabulary) if how == "alias"]
    assert got == [("thiamine", "vitamin-b1"), ("aneurin", "vitamin-b1"), ("Aneurin", "vitamin-b1")]


@pytest.mark.parametrize(
    "doc",
    [
        "Magnesium is known as an essential mineral.",  # a kind, not a name
        "Vitamin B12 (dementia) is named oddly.",  # another kind of thing
    ],
)
def test_no_alias_for_a_kind_or_for_a_thing_of_another_kind(vocabulary, doc):
    assert [how for _, _, how in spans(doc, vocabulary) if how == "alias"] == []


# ---------------------------------------------------------------- doses


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Is too much zinc harmful? High doses can cause anemia.", [("High doses", "zinc")]),
        (
            "Zinc pills help. Very large doses can cause anemia: they harm nerves.",
            [("Very large doses", "zinc"), ("they", "zinc")],
        ),
        ("Vitamin C helps, but megadoses do not improve memory.", [("megadoses", "vitamin-c")]),
        ("Zinc helps. High doses of iron cause anemia.", []),  # a dose of something named
        ("Zinc helps. The dose matters.", []),  # no large dose
        # no nutrient named: no dose, but "it" is the condition the sentence before is about
        ("Anemia is common. High doses can cause it.", [("it", "anemia")]),
    ],
)
def test_a_large_dose_of_nothing_named_is_one_of_the_nutrient_last_named(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


@pytest.mark.parametrize(
    ("gap", "expected"),
    [(" ", [("High doses", "niacin")]), ("\n\n", [])],  # no dose of another paragraph
)
def test_a_bare_dose_repeats_the_dose_said_further_back(vocabulary, gap, expected):
    doc = (
        "Long-term intake of high doses of niacin can cause anemia. The harm builds slowly."
        f" Doctors check the blood every year.{gap}High doses may also cause seizures."
    )
    assert anaphors(doc, vocabulary) == expected


# ---------------------------------------------------------------- object pronouns


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Nuts are a source of selenium. Fish and eggs also provide it.", [("it", "selenium")]),
        ("Tofu is a source of zinc. Fish adds useful amounts of it as well.", [("it", "zinc")]),
        ("Zinc and iron matter. Fish provides it.", []),  # two nutrients: no safe antecedent
        # no nutrient: "it" is the condition the sentence before opens with
        ("Anemia is common. Doctors treat it.", [("it", "anemia")]),
        ("Zinc and anemia are linked. Doctors treat it.", []),  # another thing named
        ("Nuts are a source of selenium. Fish provides it to the body.", []),  # no clause end
        ("Nuts are a source of selenium. Vegans should take it.", []),  # no food gives it
        # the foods "it" is found in: the one nutrient named before it in this sentence
        ("Nuts are rich in selenium, and you can find it in eggs.", [("it", "selenium")]),
        # a chemical no nutrient too
        (
            "Tofu holds alpha-lipoic acid, and you can find it in fish.",
            [("it", "alpha-lipoic-acid")],
        ),
        ("Zinc and iron matter, and you can find it in fish.", []),  # two nutrients
        ("Selenium matters. You can find it in fish.", []),  # named in another sentence
        ("Selenium helps, and the brain uses it in many ways.", []),  # no food after
    ],
)
def test_an_object_it_is_the_one_nutrient_named_before(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


# ---------------------------------------------------------------- shortfalls


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Zinc matters. Vegans are the most likely to fall short.", "zinc"),
        ("Zinc matters. Vegans are more likely to become deficient.", "zinc"),
        ("Zinc matters. Older adults often run short of vitamin B12.", "vitamin-b12"),
    ],
)
def test_falling_short_is_a_deficiency_of_the_nutrient(vocabulary, doc, expected):
    (shortfall,) = [(t, e) for t, e in anaphors(doc, vocabulary)]
    assert shortfall[0].split()[-1] in ("short", "deficient")
    assert shortfall[1].startswith(expected) and shortfall[1].endswith("deficiency")


@pytest.mark.parametrize(
    "doc", ["Vegans fall short of their goals.", "Zinc helps. The list is short.", "Zinc is short."]
)
def test_no_shortfall_without_a_nutrient_or_its_verb(vocabulary, doc):
    assert [t for t, _ in anaphors(doc, vocabulary) if t.endswith("short")] == []


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Zinc matters. When your level drops, you feel tired.", [("your level drops", "zinc")]),
        ("Zinc matters. As your stores fall, taste fades.", [("your stores fall", "zinc")]),
        ("Zinc matters. When the light drops, you feel tired.", []),  # no level
        ("When your level drops, you feel tired.", []),  # no nutrient named before
    ],
)
def test_a_level_that_falls_is_a_deficiency_of_the_nutrient(vocabulary, doc, expected):
    found = [(t, e) for t, e in anaphors(doc, vocabulary) if t.split()[-1] != "Zinc"]
    assert [(t, e.removesuffix("-deficiency")) for t, e in found] == expected
    assert all(e.endswith("deficiency") for _, e in found)


# ---------------------------------------------------------------- clauses, labels, heads


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Iron is absorbed better when it is taken with vitamin C.", [("it", "iron")]),
        ("Zinc is added to cereals because it protects nerves.", [("it", "zinc")]),
        ("Zinc matters, although it is important to eat fish.", []),  # pleonastic
        ("Meat and fish contain zinc, because it is cheap.", []),  # "it" is no list
        # a clause that "that" opens: "there is no evidence that it ..."
        (
            "Zinc is sold widely, but there is no evidence that it protects nerves.",
            [("it", "zinc")],
        ),
        # a mention a hyphen binds into a modifier is no subject to point at
        ("Zinc-rich diets were tested, and it helped.", []),
    ],
)
def test_a_pronoun_opening_a_subordinate_clause_points_at_the_subject(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Zinc matters. It is thought to protect nerves.", [("It", "zinc")]),
        ("Zinc matters. It is known to protect nerves.", [("It", "zinc")]),
        ("Zinc matters. It is thought that iron helps.", []),
    ],
)
def test_it_before_an_irregular_participle_and_to_points_at_something(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Myth: vegans lack zinc. They should eat fish.", [("They", "vegans")]),
        ("The whole point of it all: vegans lack zinc. They should eat fish.", []),
    ],
)
def test_a_short_label_before_a_colon_does_not_hide_the_subject(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            "Zinc deficiency is common. The shortage harms nerves.",
            [("The shortage", "zinc-deficiency")],
        ),
        ("Zinc deficiency is common. The shortage of nurses is worse.", []),
        ("A ketogenic diet helps. The diet was well tolerated.", [("The diet", "ketogenic-diet")]),
        ("Fish and tofu are good foods. The diet matters.", []),  # no diet named before
        (
            "A ketogenic diet was tried. Zinc helps. Iron helps. Fish helps. The diet was stopped.",
            [("The diet", "ketogenic-diet")],
        ),  # a diet named far back, but by its head
        ("Zinc pills help. Large amounts can cause anemia.", [("Large amounts", "zinc")]),
        ("Zinc helps. Amounts vary.", []),  # no word of size
        ("Zinc helps. Small amounts of iron help too.", []),  # an amount of something named
    ],
)
def test_a_shortage_a_diet_and_an_amount_point_back(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["label", "suggested"])),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_the_names_inside_a_longer_name_are_dropped_as_their_definition_says(drawn):
    # _unheld is one sweep; it must keep exactly the spans no other known name's span holds
    from kg.ingest.anaphora import _unheld
    from kg.ingest.vocabulary import Name

    spans = [(s, s + n, Name("Food", True, how, ())) for s, n, how in drawn]

    def holds(outer, inner) -> bool:
        return (outer[2].how != "suggested" and outer[0] <= inner[0] and inner[1] <= outer[1]
                and outer[:2] != inner[:2])  # fmt: skip

    assert _unheld(spans) == [r for r in spans if not any(holds(o, r) for o in spans)]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # a group of people opens the sentence: "it" points at the nearest clause's subject
        (
            "Vegans say that zinc calms them, but trials have not shown that it protects nerves.",
            [("it", "zinc")],
        ),
        ("Vegans often eat seeds, and it shows.", []),
    ],
)
def test_it_past_a_group_of_people_points_at_a_clause_subject(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


# ---------------------------------------------------------------- openings, questions, uses


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (  # a contraction: "They're" is "they are"
            "Vegans often lack vitamin B12. They're advised to eat fortified foods.",
            [("They", "vegans")],
        ),
        (  # a prepositional phrase before the subject holds no subject
            "In vegans with anemia, vitamin B12 deficiency is common. It responds to injections.",
            [("It", "vitamin-b12-deficiency")],
        ),
        (  # a subordinate clause the pronoun's own sentence opens with holds its antecedent
            "If zinc runs low, it is taken from the bones.",
            [("it", "zinc")],
        ),
        (  # a question's auxiliary before its subject
            "Vitamin B12 is stored in the liver. How does it reach the nerves?",
            [("it", "vitamin-b12")],
        ),
        (  # words that only say how much before the subject
            "Even mild anemia can cause fatigue. Studies suggest that it may impair memory.",
            [("it", "anemia")],
        ),
        (  # an object "it" before a clause that "if" opens
            "Anemia is a common condition. You may develop it if you eat little iron.",
            [("it", "anemia")],
        ),
        (  # an opening phrase with no comma, and an auxiliary after the pronoun
            "Magnesium is a mineral. In the gut it is absorbed slowly.",
            [("it", "magnesium")],
        ),
        (  # no auxiliary after it: an object of the phrase, no subject
            "Magnesium is a mineral. In milk with it added, calcium rises.",
            [],
        ),
    ],
)
def test_pronouns_past_openings_contractions_and_questions(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected


def test_a_true_deficiency_is_a_bare_deficiency(vocabulary):
    doc = "Zinc is needed for taste. A true deficiency dulls it."
    assert ("deficiency", "zinc-deficiency") in anaphors(doc, vocabulary)


def test_the_head_of_a_recent_name_points_back_at_it(vocabulary):
    doc = "Vitamin B12 deficiency causes nerve damage. Treatment\n\nThe damage is treated early."
    assert ("The damage", "nerve-damage") in anaphors(doc, vocabulary)
    assert anaphors("The damage to the nerves is slow. The damage of age.", vocabulary) == []


def test_heavy_use_is_the_use_of_the_substance_named_last_no_nutrient(vocabulary):
    doc = (
        "Alpha-lipoic acid is sold as a supplement. It binds zinc. Zinc is a mineral.\n\n"
        "Heavy or frequent use may cause nausea. Supplement use is common."
    )
    assert ("Heavy or frequent use", "alpha-lipoic-acid") in anaphors(doc, vocabulary)
    assert not [t for t, _ in anaphors(doc, vocabulary) if t.endswith("use") and t[0] == "S"]


def test_high_exposure_is_the_exposure_to_the_substance_named_last(vocabulary):
    doc = "Alpha-lipoic acid is sold as a supplement. In adults, very high exposure causes nausea."
    assert ("very high exposure", "alpha-lipoic-acid") in anaphors(doc, vocabulary)


def test_they_points_at_a_dose_by_its_plural_head(vocabulary):
    doc = "High doses of niacin cause flushing, and they may harm the liver."
    assert anaphors(doc, vocabulary) == [("they", "niacin")]


def test_a_bare_deficiency_stays_apart_from_a_disease_its_sentence_names():
    # MONDO's scurvy has "ascorbic acid deficiency" for a synonym: the text tells them apart
    scurvy = Term("MONDO:0009412", "scurvy", ("ascorbic acid deficiency",), "DeficiencyState", SEEN)
    vocabulary = catalogue_vocabulary([*TERMS, *MORE_TERMS, scurvy])
    doc = "Vitamin C is needed for collagen. A true deficiency leads to scurvy."
    found = {t: e for t, e, _ in spans(doc, vocabulary)}
    assert found["scurvy"] == "scurvy"
    assert found["deficiency"] not in ("scurvy", "ascorbic-acid")


def test_a_participle_that_modifies_a_longer_name_is_no_antecedent():
    terms = [
        Term("MESH:D006470", "Hemorrhage", ("bleeding",), "Disease", SEEN),
        Term("HP:0000225", "Gingival bleeding", ("bleeding gums",), "Phenotype", SEEN),
        Term("MONDO:0009412", "scurvy", (), "DeficiencyState", SEEN),
    ]
    vocabulary = catalogue_vocabulary([*TERMS, *terms])
    doc = "Before the bleeding gums appear, people with scurvy tire. Sailors got the disease."
    assert anaphors(doc, vocabulary) == [("the disease", "scurvy")]


# ---------------------------------------------------------------- needed, caught and named class

NEED_TERMS = [
    Term(
        "GO:0042421",
        "norepinephrine biosynthetic process",
        ("make noradrenaline",),
        "BiologicalProcess",
        SEEN,
    ),
    Term("MESH:D004247", "DNA", (), "ChemicalEntity", SEEN),
    Term("CHEBI:17295", "phenylalanine", (), "Nutrient", SEEN),
    Term("CHEBI:33709", "amino acid", ("amino acids",), "ChemicalEntity", SEEN),
    Term("HP:0001250", "Seizure", ("seizures",), "Phenotype", SEEN),
]


@pytest.fixture(scope="module")
def need_vocabulary():
    return catalogue_vocabulary(TERMS + MORE_TERMS + NEED_TERMS)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # what is needed for a named process is a substance: the one this sentence names
        (
            "The brain holds vitamin C, and nerve cells need it to make noradrenaline.",
            [("it", "vitamin-c")],
        ),
        # else the subject of the sentence before, a substance
        (
            "Vitamin C is a nutrient. Nerve cells use it to make noradrenaline.",
            [("it", "vitamin-c")],
        ),
        # a purpose that is no process: the cells would be read as made by it
        ("The brain holds vitamin C, and nerve cells need it to make red blood cells.", []),
        # two substances: no safe antecedent
        ("Zinc and iron matter, and nerve cells need it to make noradrenaline.", []),
    ],
)
def test_an_object_it_needed_for_a_process_is_a_substance(need_vocabulary, doc, expected):
    assert anaphors(doc, need_vocabulary) == expected


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # the condition named most in this sentence and the two before
        (
            "Anemia is common in vegans. Seizures are rare, but anemia often goes unseen,"
            " and women are more likely to get it.",
            [("it", "anemia")],
        ),
        # two conditions named as often: no safe antecedent
        ("Seizures can follow anemia, and women are more likely to get it.", []),
    ],
)
def test_an_object_it_among_conditions_is_the_one_most_named(need_vocabulary, doc, expected):
    assert anaphors(doc, need_vocabulary) == expected


def test_a_demonstrative_with_a_two_word_class_head_is_the_thing_named_before(need_vocabulary):
    doc = "Fish holds phenylalanine, and this amino acid builds up in the blood."
    assert anaphors(doc, need_vocabulary) == [("this amino acid", "phenylalanine")]


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        # a sentence that opens with no mention: the subject of the clause it reports
        (
            "Most trials found that zinc did not help, and there is no evidence that it"
            " prevents dementia.",
            [("it", "zinc")],
        ),
        # a pronoun after a phrase that opens a clause past its break
        (
            "Zinc helps the brain, and in children it can prevent anemia.",
            [("it", "zinc")],
        ),
        (
            "Vitamin C is useful. Very large doses can cause nausea, and in some people they"
            " can lead to anemia.",
            [("Very large doses", "vitamin-c"), ("they", "vitamin-c")],
        ),
    ],
)
def test_a_pronoun_in_a_reported_or_fronted_clause(vocabulary, doc, expected):
    assert anaphors(doc, vocabulary) == expected
