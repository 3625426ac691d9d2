"""Stage 3 of ``nnkg ingest`` (kg.ingest.relations): the constructions that reach across a
clause — a second verb sharing the first's subject, a longer construction deciding its
ends — and a few cues, on sentences written for these tests."""

from __future__ import annotations

import pytest
from test_relations import mentions_in

from kg.base.files import ontology_dir
from kg.curation.ontology import load_ontology
from kg.ingest.model import Mention, Sentence
from kg.ingest.relations import find_relations

ONTOLOGY = load_ontology(ontology_dir())
TYPES = {
    "sleep deprivation": "Condition",
    "creatine": "ChemicalEntity",
    "attention": "PhysiologicalFunction",
    "caffeine": "ChemicalEntity",
    "sleep onset": "PhysiologicalFunction",
    "deep sleep": "PhysiologicalFunction",
    "lithium": "ChemicalEntity",
    "mood": "PhysiologicalFunction",
    "bipolar disorder": "Disease",
    "vitamin D": "Nutrient",
    "bone health": "PhysiologicalFunction",
    "dementia": "Disease",
    "iron": "Nutrient",
    "zinc": "Nutrient",
    "anemia": "Disease",
    "fatigue": "Phenotype",
    "memory": "PhysiologicalFunction",
    "garlic": "Food",
    "lead": "ChemicalEntity",
    "hospital admissions": "Phenotype",
    "depression": "Disease",
    "folate": "Nutrient",
    "vitamin E": "Nutrient",
    "curcumin": "ChemicalEntity",
    "cytokines": "ChemicalEntity",
    "serotonin": "ChemicalEntity",
    "brain-derived neurotrophic factor": "ChemicalEntity",
    "omega-3 fats": "Nutrient",
    "triglycerides": "ChemicalEntity",
    "inflammation": "Phenotype",
    "animal studies": "ChemicalEntity",
    "fluoride": "ChemicalEntity",
    "hippocampus": "AnatomicalStructure",
    "thyroid function": "PhysiologicalFunction",
    "blood": "AnatomicalStructure",
    "bleeding": "Phenotype",
    "alcohol": "ChemicalEntity",
    "toxin": "ChemicalEntity",
    "liver": "AnatomicalStructure",
    "cancer": "Disease",
    "wounds": "Phenotype",
    "immune system": "AnatomicalStructure",
    "growth": "PhysiologicalFunction",
    "brain": "AnatomicalStructure",
    "kidneys": "AnatomicalStructure",
}


def triples(text: str, *names: str, listed: int = 0) -> set[tuple[str, str, str, bool]]:
    """The relations of ``text`` between a mention of each name (first occurrence), the
    first ``listed`` of them a coordinated list."""
    mentions = mentions_in(text, list(names), types=TYPES)
    groups = [mentions[:listed]] if listed else []
    found = find_relations(Sentence(0, len(text), text), sorted(mentions), ONTOLOGY, groups)
    return {(c.subject.text, c.predicate, c.object.text, c.negated) for c in found}


# ---------------------------------------------------------------- a second verb of the clause


@pytest.mark.parametrize(
    ("text", "names", "expected", "absent"),
    [
        # the nearest mention before "and" heads a noun phrase ("creatine levels"): the
        # second verb is still the clause subject's
        ("Sleep deprivation lowers brain creatine levels and worsens attention.",
         ("sleep deprivation", "creatine", "attention"),
         ("Sleep deprivation", "disrupts", "attention", False), "creatine"),
        ("Caffeine can delay sleep onset and reduce deep sleep.",
         ("caffeine", "sleep onset", "deep sleep"),
         ("Caffeine", "disrupts", "deep sleep", False), "sleep onset"),
        # auxiliaries after the conjunction, and a predicate noun
        ("Lithium is used as a mood stabiliser and is an established treatment for bipolar "
         "disorder.", ("lithium", "mood", "bipolar disorder"),
         ("Lithium", "treats", "bipolar disorder", False), "mood"),
        # "but" ends no clause's subject: the second verb is denied on its own
        ("Vitamin D supports bone health but does not prevent dementia.",
         ("vitamin D", "bone health", "dementia"),
         ("Vitamin D", "prevents", "dementia", True), "bone health"),
    ],
)  # fmt: skip
def test_a_second_verb_shares_the_first_verb_s_subject(text, names, expected, absent):
    found = triples(text, *names)
    assert expected in found
    assert not any(s == absent for s, *_ in found)
    assert not any(s == expected[0] and p == expected[1] and n != expected[3]
                   for s, p, _, n in found)  # fmt: skip


def test_a_list_of_subjects_is_no_second_verb():
    found = triples("Iron and zinc prevent anemia.", "iron", "zinc", "anemia", listed=2)
    assert found == {("Iron", "prevents", "anemia", False), ("zinc", "prevents", "anemia", False)}


def test_a_pronoun_after_the_conjunction_is_the_second_verb_s_own_subject():
    found = triples("Iron prevents anemia, and it also reduces fatigue.", "iron", "anemia",
                    "fatigue")  # fmt: skip
    assert ("Iron", "treats", "fatigue", False) not in found


@pytest.mark.parametrize(
    ("text", "names", "expected", "absent"),
    [
        # a verb after a bare comma, in a series an "and" closes: the series' subject
        ("In mice, curcumin lowered cytokines, raised brain levels of serotonin, and increased "
         "brain-derived neurotrophic factor.",
         ("curcumin", "cytokines", "serotonin", "brain-derived neurotrophic factor"),
         ("curcumin", "promotes", "serotonin", False), "cytokines"),
        # a modal reaches over the series, and the verb that closes it may have its own
        ("Omega-3 fats can lower triglycerides, reduce inflammation and may improve mood.",
         ("omega-3 fats", "triglycerides", "inflammation", "mood"),
         ("Omega-3 fats", "treats", "inflammation", False), "triglycerides"),
        # words of the earlier verb phrase before the comma, and a predicate noun first
        ("Zinc helps wounds heal, supports the immune system, and aids growth.",
         ("zinc", "wounds", "immune system", "growth"),
         ("Zinc", "promotes", "immune system", False), "wounds"),
        ("Alcohol is a toxin, damages the liver, and raises the risk of cancer.",
         ("alcohol", "toxin", "liver", "cancer"),
         ("Alcohol", "damages", "liver", False), "toxin"),
    ],
)  # fmt: skip
def test_a_verb_in_a_series_shares_the_first_verb_s_subject(text, names, expected, absent):
    found = triples(text, *names)
    assert expected in found
    assert not any(s == absent for s, *_ in found)


def test_a_verb_after_a_bare_comma_ends_no_series_without_a_conjunction():
    found = triples("Curcumin lowered cytokines, raised brain levels of serotonin.",
                    "curcumin", "cytokines", "serotonin")  # fmt: skip
    assert ("curcumin", "promotes", "serotonin", False) not in found


def test_a_second_verb_in_a_complement_clause_takes_that_clause_s_subject():
    found = triples(
        "Animal studies have suggested that fluoride can damage the hippocampus and may "
        "interfere with thyroid function.",
        *("animal studies", "fluoride", "hippocampus", "thyroid function"),
    )
    assert ("fluoride", "disrupts", "thyroid function", False) in found
    assert not any(s in ("Animal studies", "hippocampus") for s, *_ in found)


def test_a_clause_whose_verb_comes_before_its_first_mention_gives_no_second_verb_a_subject():
    found = triples("Ginkgo can thin the blood and may increase the risk of bleeding.",
                    "blood", "bleeding")  # fmt: skip
    assert found == set()
    found = triples("Lead can damage the brain and kidneys and can cause anemia.",
                    "brain", "kidneys", "anemia", listed=2)  # fmt: skip
    assert found == set()


def test_a_longer_construction_decides_the_object():
    found = triples(
        "Higher lithium levels were associated with fewer hospital admissions for depression.",
        *("lithium", "hospital admissions", "depression"),
    )
    assert found == {("lithium", "prevents", "depression", False)}


# ---------------------------------------------------------------- cues


def test_what_is_cleared_from_the_body_is_reduced():
    found = triples("There is no evidence that garlic removes lead from the body.", "garlic",
                    "lead")  # fmt: skip
    assert found == {("garlic", "reduces", "lead", True)}
    assert triples("Garlic flushes lead out of your system.", "garlic", "lead") == {
        ("Garlic", "reduces", "lead", False)
    }
    # removed from a food, no body: no claim of the cue
    assert triples("Washing removes lead from vegetables.", "lead") == set()


def test_an_association_shown_or_not():
    assert triples(
        "Folate intake showed no significant association with dementia.", "folate", "dementia"
    ) == {("Folate", "linkedTo", "dementia", True)}
    assert triples(
        "Vitamin E status had a strong association with depression.", "vitamin E", "depression"
    ) == {("Vitamin E", "linkedTo", "depression", False)}


def test_a_group_named_by_what_it_took_gives_its_outcome_to_the_intake():
    text = "People who ate the most fish had 30% fewer strokes."
    mentions = [
        Mention(0, 28, "People who ate the most fish", "g", "PopulationGroup", True, "test"),
        Mention(24, 28, "fish", "fish", "Food", True, "test"),
        Mention(42, 49, "strokes", "stroke", "Phenotype", True, "test"),
    ]
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY)
    assert {(c.subject.text, c.predicate, c.object.text) for c in found} == {
        ("fish", "reduces", "strokes")
    }


def _group_outcome(text: str, group: str, spans: list[tuple[str, str, str]]) -> set:
    """The triples drafted where ``group`` opens ``text`` and ``spans`` name its mentions."""
    mentions = [Mention(0, len(group), group, "g", "PopulationGroup", True, "test")]
    for said, entity, kind in spans:
        at = text.index(said)
        mentions.append(Mention(at, at + len(said), said, entity, kind, True, "test"))
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY)
    return {(c.subject.text, c.predicate, c.object.text) for c in found}


def test_an_intake_graded_by_a_plain_word_or_followed_by_an_adverb_is_still_the_intake():
    assert _group_outcome(
        "Women who drank green tea had 20% less anxiety.",
        "Women who drank green tea",
        [("tea", "tea", "Food"), ("anxiety", "anxiety", "Phenotype")],
    ) == {("tea", "reduces", "anxiety")}
    assert _group_outcome(
        "People who eat fish regularly had fewer strokes.",
        "People who eat fish regularly",
        [("fish", "fish", "Food"), ("strokes", "stroke", "Phenotype")],
    ) == {("fish", "reduces", "strokes")}


def test_a_high_x_meal_a_group_ate_gives_its_outcome_to_x():
    assert _group_outcome(
        "Older adults who ate a high-nitrate breakfast had more blood flow.",
        "Older adults who ate a high-nitrate breakfast",
        [
            ("nitrate", "nitrate", "ChemicalEntity"),
            ("breakfast", "breakfast", "Food"),
            ("blood flow", "blood-flow", "PhysiologicalFunction"),
        ],
    ) == {("nitrate", "promotes", "blood flow")}


def test_a_mention_after_the_group_is_no_intake():
    assert (
        _group_outcome(
            "Two children on the diet developed kidney stones.",
            "Two children on the diet",
            [
                ("kidney", "kidney", "AnatomicalStructure"),
                ("kidney stones", "kidney-stones", "Phenotype"),
            ],
        )
        == set()
    )
