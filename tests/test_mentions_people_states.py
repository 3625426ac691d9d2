"""Stage 2 of nnkg ingest: population groups a phrase sets apart (kg.ingest.populations),
a nutrient's high level as its excess (kg.ingest.states), a symptom named with another
word for "less" than the lexicon's (kg.ingest.nounphrases) and an object "it" that points
back at a condition (kg.ingest.pronouns). The sentences are written for these tests; the
vocabulary is the packaged catalogue and a few real ontology terms."""

from __future__ import annotations

import pytest
from test_mentions import SEEN, TERMS, catalogue_vocabulary, run, top

from kg.ingest.mentions import Vocabulary
from kg.ingest.model import Term

MORE_TERMS = [
    Term("MESH:D008345", "Manganese", ("manganese",), "Nutrient", SEEN),
    Term("UBERON:0000955", "brain", (), "AnatomicalStructure", SEEN),
    Term("MONDO:0005154", "liver disease", (), "Disease", SEEN),
    Term("MONDO:0005015", "diabetes mellitus", ("diabetes",), "Disease", SEEN),
    Term("MONDO:0004975", "alcohol use disorder", (), "Disease", SEEN),
    Term("MONDO:0005351", "anorexia nervosa", (), "Disease", SEEN),
    Term("HP:0001252", "Hypotonia", ("Low muscle tone",), "Phenotype", SEEN),
    Term("HP:0001250", "Seizure", ("seizures",), "Phenotype", SEEN),
    Term("MONDO:0007743", "attention deficit hyperactivity disorder", ("ADHD",), "Disease", SEEN),
    Term("FOODON:03301116", "sugar", (), "Food", SEEN),
]


@pytest.fixture(scope="module")
def vocabulary():
    return catalogue_vocabulary(TERMS + MORE_TERMS)


def texts(doc: str, vocabulary: Vocabulary, cls: str) -> list[str]:
    return [m.text for m in top(run(doc, vocabulary)[0]) if m.type == cls]


@pytest.mark.parametrize(
    "doc, text",
    [
        ("Patients with chronic liver disease are at risk.",
         "Patients with chronic liver disease"),
        ("It is seen in patients on long-term lithium therapy.",
         "patients on long-term lithium therapy"),
        ("It was reported in infants receiving long-term parenteral nutrition.",
         "infants receiving long-term parenteral nutrition"),
        ("It is common in people fed intravenously without added zinc.",
         "people fed intravenously without added zinc"),
        ("Older adults eating fish did well.", "Older adults eating fish"),
        ("Young children in low-income countries are hit hardest.",
         "Young children in low-income countries"),
        ("It can happen in people with diabetes who take insulin.",
         "people with diabetes who take insulin"),
        # "had" and "been" go on the clause's auxiliary, no main clause's verb
        ("People who have had a stroke are at risk.", "People who have had a stroke"),
        ("Adults who have been diagnosed with diabetes can check it.",
         "Adults who have been diagnosed with diabetes"),
    ],
)  # fmt: skip
def test_phrases_that_set_people_apart_name_a_population(vocabulary, doc, text):
    assert text in texts(doc, vocabulary, "PopulationGroup")


@pytest.mark.parametrize(
    ("doc", "text", "longer"),
    [
        # the clause ends where the main clause's own verb begins
        ("Those who took fish oil performed better on tests.", "Those who took fish oil",
         "performed"),
        ("Children given iron scored higher on tests.", "Children given iron", "scored"),
        # a gerund after a verb is that verb's ("started taking X")
        ("Women who started taking folic acid had fewer defects.",
         "Women who started taking folic acid", "had"),
    ],
)  # fmt: skip
def test_a_group_ends_before_the_verb_of_its_sentence(vocabulary, doc, text, longer):
    found = texts(doc, vocabulary, "PopulationGroup")
    assert text in found
    assert not any(longer in t for t in found)


def test_a_clause_cut_at_six_words_ends_on_no_function_word(vocabulary):
    doc = "Children exposed to higher levels of fluoride before birth scored lower."
    found = texts(doc, vocabulary, "PopulationGroup")
    assert "Children exposed to higher levels of fluoride" in found
    assert not any(t.endswith("before") for t in found)


def test_a_population_stays_whole_before_a_comma_of_a_list_of_groups(vocabulary):
    doc = (
        "People with alcohol use disorder, people with anorexia nervosa and people with "
        "liver disease, a common condition, are at risk."
    )
    assert texts(doc, vocabulary, "PopulationGroup") == [
        "People with alcohol use disorder",
        "people with anorexia nervosa",
        "people with liver disease",
    ]


def test_a_group_a_comma_soon_ends_outside_a_list_is_no_population(vocabulary):
    assert texts("In people with diabetes, zinc is low.", vocabulary, "PopulationGroup") == []


def test_an_ing_word_that_is_no_participle_sets_no_one_apart(vocabulary):
    doc = "Zinc matters for people, including older adults."
    assert "people" not in " ".join(texts(doc, vocabulary, "PopulationGroup"))


@pytest.mark.parametrize(
    "doc, text",
    [
        ("High manganese levels harm the brain.", "High manganese levels"),
        ("Elevated levels of manganese harm the brain.", "Elevated levels of manganese"),
        ("Patients are at risk of manganese accumulation.", "manganese accumulation"),
        ("Elevated brain manganese was reported.", "Elevated brain manganese"),  # in a part
        ("High blood levels of manganese harm it.", "High blood levels of manganese"),
    ],
)
def test_a_high_level_of_a_nutrient_is_its_excess(vocabulary, doc, text):
    mentions, _ = run(doc, vocabulary)
    (m,) = [m for m in mentions if m.text == text]
    assert m.entity == "manganese-excess" or m.entity.startswith("manganese-")
    assert m.type == "Condition"


def test_a_low_level_measured_in_a_fluid_is_the_deficiency(vocabulary):
    doc = "People with low blood levels of manganese did worse."
    mentions, _ = run(doc, vocabulary)
    (m,) = [m for m in mentions if m.text == "low blood levels of manganese"]
    assert (m.entity, m.type) == ("manganese-deficiency", "DeficiencyState")


def test_high_alone_or_a_high_dose_is_no_excess(vocabulary):
    for doc in ("High manganese intake is rare.", "High doses of manganese are rare."):
        assert not any(m.type == "Condition" for m in run(doc, vocabulary)[0])


def test_a_symptom_with_another_word_for_less_is_the_lexicons(vocabulary):
    mentions, proposed = run("It causes seizures and weak muscle tone.", vocabulary)
    (m,) = [m for m in mentions if m.text == "weak muscle tone"]
    assert m.type == "Phenotype"
    (p,) = [p for p in proposed if p.id == m.entity]
    assert [(curie, match) for curie, match, _ in p.xrefs] == [("HP:0001252", "close")]


def test_a_low_function_is_a_phenotype_but_not_in_a_title(vocabulary):
    assert "low mood" in texts("Many people describe low mood.", vocabulary, "Phenotype")
    assert texts("Pills Ease Low Mood In Trial", vocabulary, "Phenotype") == []


def test_an_object_it_points_at_the_condition_the_sentence_before_is_about(vocabulary):
    doc = "ADHD is a common disorder. Sugar is not shown to cause it, and diet does not treat it."
    its = [m for m in run(doc, vocabulary)[0] if m.text == "it"]
    assert [m.entity for m in its] == ["attention-deficit-hyperactivity-disorder"] * 2


def test_an_object_it_after_a_condition_of_its_own_sentence_is_left(vocabulary):
    doc = "ADHD is a common disorder. Seizures are rarer, and sugar does not cause it."
    assert not [m for m in run(doc, vocabulary)[0] if m.text == "it"]


def test_a_large_dose_of_nothing_named_is_one_of_the_substance_where_no_nutrient_is(vocabulary):
    doc = "High doses of lead are rare. Moderate amounts do not cause anemia."
    (m,) = [m for m in run(doc, vocabulary)[0] if m.text == "Moderate amounts"]
    assert m.entity == "lead" and m.how == "anaphora"


def test_a_phrase_that_opens_with_its_adjective_takes_no_naming_modifier(vocabulary):
    mentions, proposed = run("Many describe low mood.", vocabulary)
    assert "low mood" in [m.text for m in top(mentions)]
    assert "describe low mood" not in [p.label for p in proposed]


def test_a_dose_of_a_substance_is_a_mention_of_it_by_the_whole_phrase(vocabulary):
    mentions, _ = run("High doses of manganese can harm the brain.", vocabulary)
    (m,) = [m for m in mentions if m.text == "High doses of manganese"]
    assert (m.entity, m.type) == ("manganese", "Nutrient")
