"""Stage 2 of nnkg ingest: the noun phrases no vocabulary names (kg.ingest.nounphrases) and
the classes a text says a mention is one of, and the general health nouns the lexicon lacks
(kg.ingest.classnouns), through the public find_mentions. The sentences are written for these
tests; the vocabulary is the packaged catalogue and a few real ontology terms."""

from __future__ import annotations

import pytest
from test_mentions import SEEN, TERMS, catalogue_vocabulary, run, spans, top

from kg.ingest.model import Term
from kg.ingest.nounwords import is_adverb

MORE_TERMS = [
    Term("CHEBI:27732", "caffeine", (), "ChemicalEntity", SEEN),
    Term("UBERON:0000955", "brain", (), "AnatomicalStructure", SEEN),
    Term("UBERON:0000948", "heart", (), "AnatomicalStructure", SEEN),
    Term(
        "GO:0006112",
        "energy reserve metabolic process",
        ("energy metabolism",),
        "BiologicalProcess",
        SEEN,
    ),
    Term("UBERON:0000978", "leg", ("legs",), "AnatomicalStructure", SEEN),
    Term("MESH:D003069", "Coffee", (), "Food", SEEN),
    Term("MESH:D013662", "Tea", (), "Food", SEEN),
    Term("CHEBI:18723", "nicotine", (), "ChemicalEntity", SEEN),
    Term("CHEBI:28838", "lutein", (), "ChemicalEntity", SEEN),
    Term("MESH:D012243", "Rhodopsin", (), "ChemicalEntity", SEEN),
    Term("MESH:D008094", "Lithium", (), "ChemicalEntity", SEEN),
    Term("HP:0012531", "Pain", (), "Phenotype", SEEN),
    Term("MESH:D006197", "Hair", (), "AnatomicalStructure", SEEN),
    Term("MESH:D008568", "Memory", (), "PhysiologicalFunction", SEEN),
    Term("CHEBI:23888", "drug", (), "ChemicalEntity", SEEN),
    Term("HP:0000670", "Carious teeth", ("tooth decay",), "Phenotype", SEEN),
    Term("UBERON:0001555", "digestive tract", ("gut",), "AnatomicalStructure", SEEN),
    Term("MONDO:0005027", "epilepsy", (), "Disease", SEEN),
    Term("HP:0003401", "Paresthesia", ("tingling",), "Phenotype", SEEN),
    Term("HP:0033748", "Hypoesthesia", ("numbness",), "Phenotype", SEEN),
]


@pytest.fixture(scope="module")
def vocabulary():
    return catalogue_vocabulary(TERMS + MORE_TERMS)


def texts(doc: str, vocabulary) -> list[tuple[str, str]]:
    """The top-level mentions of ``doc``: text and type."""
    return [(m.text, m.type) for m in top(run(doc, vocabulary)[0])]


# ---------------------------------------------------------------- noun phrases


@pytest.mark.parametrize(
    ("doc", "phrase", "cls"),
    [
        ("Most people with epilepsy have gut symptoms.", "gut symptoms", "Phenotype"),
        ("Low zinc was associated with more depressive symptoms.", "depressive symptoms",
         "Phenotype"),
        ("Sugary drinks can cause tooth decay.", "Sugary drinks", "Food"),
        ("Some herbal remedies contain lead.", "herbal remedies", "Food"),
    ],
)  # fmt: skip
def test_symptom_drink_and_remedy_head_noun_phrases(vocabulary, doc, phrase, cls):
    assert (phrase, cls) in texts(doc, vocabulary)


@pytest.mark.parametrize(
    ("doc", "phrase"),
    [
        ("The tablets may cause digestive complaints in some users.", "digestive complaints"),
        ("Iron pills often bring on stomach upset.", "stomach upset"),
    ],
)
def test_complaint_and_upset_head_symptom_phrases(vocabulary, doc, phrase):
    assert (phrase, "Phenotype") in texts(doc, vocabulary)


def test_upset_as_a_verb_heads_no_symptom(vocabulary):
    doc = "Strong coffee can upset the stomach, and it upsets some people."
    assert not [t for t, cls in texts(doc, vocabulary) if "upset" in t]


def test_a_verb_in_ed_after_its_subject_is_no_modifier(vocabulary):
    doc = "A daily zinc supplement eased symptoms."
    assert not any(t.endswith("symptoms") for t, _ in texts(doc, vocabulary))


def test_the_symptoms_of_a_condition_are_one_mention_unless_listed(vocabulary):
    doc = "Zinc eased symptoms of anemia."
    assert ("symptoms of anemia", "Phenotype") in texts(doc, vocabulary)
    for doc in (
        "Symptoms of anemia include: fatigue.",  # a list of them follows
        "The signs of anemia are pale skin.",
        "Fatigue is often the first sign of anemia.",  # a predicate noun: Fatigue is one
    ):
        assert not any(t.startswith(("Symptoms", "signs")) for t, _ in texts(doc, vocabulary))


def test_a_class_of_symptoms_its_examples_follow_is_no_mention(vocabulary):
    doc = "A deficiency can cause neurological symptoms such as tingling and numbness."
    found = [t for t, _ in texts(doc, vocabulary)]
    assert "neurological symptoms" not in found
    assert [t for t in found if t in ("tingling", "numbness")] == ["tingling", "numbness"]


def test_drink_after_a_subject_is_a_verb(vocabulary):
    assert ("Children drink", "Food") not in texts("Children drink more tea.", vocabulary)


def test_an_adverb_or_a_vague_noun_ends_a_phrase_s_modifiers(vocabulary):
    doc = "It eased symptoms, particularly burning pain, the way sleeping pills do."
    found = [t for t, _ in texts(doc, vocabulary)]
    assert "burning pain" in found and "sleeping pills" in found
    assert not any(t.startswith(("particularly", "way")) for t in found)
    assert ("highly processed foods", "Food") in texts(
        "Eat fewer highly processed foods.", vocabulary
    )


@pytest.mark.parametrize(
    ("word", "adverb"),
    [("particularly", True), ("mainly", True), ("elderly", False), ("supply", False),
     ("daily", False)],
)  # fmt: skip
def test_an_adverb_in_ly_is_told_from_a_noun_or_adjective(word, adverb):
    assert is_adverb(word) is adverb


@pytest.mark.parametrize(
    ("doc", "phrase", "entity"),
    [
        ("Its signs include thinning hair.", "thinning hair", "hair"),
        ("Sleep loss worsens working memory.", "working memory", "memory"),
        ("Chelating drugs treat lead poisoning.", "Chelating drugs", "drug"),
    ],
)
def test_an_ing_adjective_names_a_kind_of_its_noun(vocabulary, doc, phrase, entity):
    assert (phrase, entity, "lexicon") in spans(doc, vocabulary)


def test_a_function_of_a_body_part_is_one_mention(vocabulary):
    doc = "Low calcium may disturb the rhythm of your heart, and pain in the legs is common."
    found = texts(doc, vocabulary)
    assert ("rhythm of your heart", "PhysiologicalFunction") in found
    assert ("pain in the legs", "Phenotype") not in found  # a state's phrase stays apart


def test_a_function_said_to_fail_with_a_modifier_between_is_a_phenotype(vocabulary):
    doc = "Impaired mitochondrial energy metabolism may cause migraine."
    assert ("Impaired mitochondrial energy metabolism", "Phenotype") in texts(doc, vocabulary)


# ---------------------------------------------------------------- class nouns


@pytest.mark.parametrize(
    ("doc", "noun"),
    [
        ("Caffeine, a stimulant found in coffee, blocks adenosine.", "stimulant"),
        ("Rhodopsin is a light-sensitive pigment, and it fades in light.", "pigment"),
        ("Lutein, a yellow antioxidant compound, is found in kale.", None),  # a known class
        ("Lithium is used at high doses as a mood stabiliser.", "mood stabiliser"),
    ],
)
def test_the_class_a_text_says_a_chemical_is_one_of_is_proposed(vocabulary, doc, noun):
    mentions, proposed = run(doc, vocabulary)
    if noun is None:
        assert not [p for p in proposed if p.label in ("compound", "antioxidant compound")]
        return
    (found,) = [m for m in mentions if m.text == noun]
    assert (found.type, found.how) == ("ChemicalEntity", "suggested")


@pytest.mark.parametrize(
    "doc",
    [
        "Caffeine is a concern for pregnant women.",
        "Coffee is a good source of caffeine.",
        "Lithium, a drug that doctors prescribe, works.",  # the lexicon's drug
    ],
)
def test_no_class_is_proposed_for_a_vague_noun_or_a_known_one(vocabulary, doc):
    assert [m.text for m in run(doc, vocabulary)[0] if m.how == "suggested"] == []


def test_a_class_the_text_gave_names_the_mention_later(vocabulary):
    doc = "Caffeine is a bitter stimulant. The stimulant keeps you awake. The stimulants vary."
    assert [(t, e) for t, e, how in spans(doc, vocabulary) if how == "anaphora"] == [
        ("The stimulant", "caffeine")
    ]


def test_a_name_the_text_says_is_of_a_known_class_is_a_thing_of_it_throughout(vocabulary):
    doc = (
        "Farmed salmon can hold zorbamine. Zorbamine is a drug that blocks adenosine. "
        "Trials of the drug XQ-17 found zorbamine in the blood."
    )
    mentions, proposed = run(doc, vocabulary)
    found = [(m.text, m.entity, m.type) for m in mentions if m.how == "suggested"]
    assert found == [
        ("zorbamine", "zorbamine", "ChemicalEntity"),
        ("Zorbamine", "zorbamine", "ChemicalEntity"),
        ("XQ-17", "xq-17", "ChemicalEntity"),
        ("zorbamine", "zorbamine", "ChemicalEntity"),
    ]
    assert [p.label for p in proposed if p.id in ("zorbamine", "xq-17")] == ["zorbamine", "XQ-17"]


@pytest.mark.parametrize(
    "doc",
    [
        "Hollis is a psychiatrist who studies caffeine.",  # a class of people
        "Lithium is a drug that steadies mood.",  # a name known already
        "Barton is a town in the hills.",  # no class a vocabulary knows
        "The drug did well in the BRAIN trial.",  # no acronym right after the class
    ],
)
def test_no_name_is_typed_without_a_known_chemical_class(vocabulary, doc):
    assert [m.text for m in run(doc, vocabulary)[0] if m.how == "suggested"] == []


# ---------------------------------------------------------------- general health nouns


def test_general_health_nouns_the_lexicon_lacks_are_mentions(vocabulary):
    doc = "Caffeine does not cause addiction, but it increases alertness. IQ fell; an iq did not."
    found = [(m.text, m.type, m.entity) for m in run(doc, vocabulary)[0] if m.how == "suggested"]
    assert found == [
        ("addiction", "Disease", "addiction"),
        ("alertness", "PhysiologicalFunction", "alertness"),
        ("IQ", "PhysiologicalFunction", "intelligence"),
    ]
