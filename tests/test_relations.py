"""Stage 3 of ``nnkg ingest`` (kg.ingest.relations) and stage 5 (kg.ingest.promotion), on
sentences written for these tests, plus a measurement against the packaged sources' curated
claims with gold mentions (so the relation stage is measured apart from the mention finder).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.base.files import ontology_dir, packaged_sources_dir
from kg.base.model import Certainty
from kg.curation.ontology import load_ontology
from kg.ingest.cues import load_cues
from kg.ingest.draft import draft_claims, is_question
from kg.ingest.known import load_known
from kg.ingest.model import Candidate, Mention, Sentence
from kg.ingest.promotion import is_promotional
from kg.ingest.relations import CUES, find_relations
from kg.ingest.text import sentences

ONTOLOGY = load_ontology(ontology_dir())

#: Words of the test sentences and the nnkg class each one names.
TYPES = {
    "iron": "Nutrient",
    "it": "Nutrient",
    "zinc": "Nutrient",
    "copper": "Nutrient",
    "magnesium": "Nutrient",
    "folate": "Nutrient",
    "vitamin E": "Nutrient",
    "vitamin D": "Nutrient",
    "vitamin C": "Nutrient",
    "vitamin B6": "Nutrient",
    "thiamine": "Nutrient",
    "omega-3 fatty acids": "Nutrient",
    "homocysteine": "ChemicalEntity",
    "minerals": "ChemicalEntity",
    "polyunsaturated fat": "ChemicalEntity",
    "oysters": "Food",
    "beef": "Food",
    "pumpkin seeds": "Food",
    "nuts": "Food",
    "seeds": "Food",
    "leafy greens": "Food",
    "supplements": "Food",
    "spinach": "Food",
    "vegans": "PopulationGroup",
    "people": "PopulationGroup",
    "older adults": "PopulationGroup",
    "iron deficiency": "DeficiencyState",
    "iodine deficiency": "DeficiencyState",
    "iodine": "Nutrient",
    "vitamin B1": "Nutrient",
    "iron supplements": "Food",
    "a lack": "DeficiencyState",
    "deficiency": "DeficiencyState",
    "anemia": "Disease",
    "migraine": "Disease",
    "dementia": "Disease",
    "neuropathy": "Disease",
    "fatigue": "Phenotype",
    "headaches": "Phenotype",
    "pale skin": "Phenotype",
    "numbness": "Phenotype",
    "tingling": "Phenotype",
    "poor concentration": "Phenotype",
    "memory": "PhysiologicalFunction",
    "immune system": "AnatomicalStructure",
    "brain": "AnatomicalStructure",
    "neurons": "Cell",
    "glial cells": "Cell",
    "nerve cells": "Cell",
    "synthesis of serotonin": "BiologicalProcess",
    "oxygen transport": "BiologicalProcess",
    "breakfast cereals": "Food",
    "flour": "Food",
    "folic acid": "Nutrient",
    "blood": "AnatomicalStructure",
    "hippocampus": "AnatomicalStructure",
    "cognitive decline": "Condition",
    "oxidative damage": "Phenotype",
    "nerve damage": "Phenotype",
    "run short": "DeficiencyState",
    "placebo": "ChemicalEntity",
    "alcohol": "ChemicalEntity",
    "caffeine": "ChemicalEntity",
    "coffee": "Food",
    "tea": "Food",
    "sleep": "PhysiologicalFunction",
    "without enough zinc": "DeficiencyState",
    "people with anemia": "PopulationGroup",
    "beriberi": "Disease",
    "nutritional disease": "Disease",
    "coeliac disease": "Disease",
    "gluten-free diet": "Food",
    "neurological symptoms": "Phenotype",
    "psychiatric features": "Phenotype",
    "ataxia": "Phenotype",
    "cholesterol": "ChemicalEntity",
    "appetite": "PhysiologicalFunction",
    "depression": "Disease",
    "stroke": "Disease",
    "diseases": "Disease",
    "retina": "AnatomicalStructure",
    "eye": "AnatomicalStructure",
    "low zinc": "DeficiencyState",
    "hypogeusia": "Phenotype",
    "cofactor": "ChemicalEntity",
    "vitamin": "Nutrient",
    "B vitamins": "Nutrient",
    "probiotics": "Food",
    "dietary supplements": "Food",
    "resveratrol": "ChemicalEntity",
    "polyphenol": "ChemicalEntity",
    "red grapes": "Food",
}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def mentions_in(
    text: str, names: list[str], offset: int = 0, types: dict[str, str] = TYPES
) -> list[Mention]:
    """A mention of each name (first occurrence, case-insensitive), typed from ``types``."""
    found = []
    for name in names:
        i = text.casefold().index(name.casefold())
        found.append(
            Mention(
                offset + i,
                offset + i + len(name),
                text[i : i + len(name)],
                slug(name),
                types[name],
                True,
                "test",
            )
        )
    return found


def list_groups(mentions: list[Mention], document: str) -> list[list[Mention]]:
    """A minimal stand-in for the mention stage's lists: mentions joined only by commas,
    "and" or "or"."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions):
        between = document[groups[-1][-1].end : m.start] if groups else ""
        if between.strip() and re.fullmatch(r"\s*(?:,\s*)?(?:(?:and|or|nor)\s+)?", between):
            groups[-1].append(m)
        else:
            groups.append([m])
    return [g for g in groups if len(g) > 1]


def relations(text: str, *names: str) -> list[Candidate]:
    sentence = Sentence(0, len(text), text)
    mentions = mentions_in(text, list(names))
    return find_relations(sentence, mentions, ONTOLOGY, list_groups(mentions, text))


def triples(text: str, *names: str) -> set[tuple[str, str, str, bool]]:
    return {
        (c.subject.text, c.predicate, c.object.text, c.negated) for c in relations(text, *names)
    }


# ---------------------------------------------------------------- the cue lexicon


def test_every_cue_names_a_predicate_of_the_ontology():
    cues = yaml.safe_load(CUES.read_text(encoding="utf-8"))["cues"]
    used = {r["predicate"] for cue in cues for r in cue["readings"]}
    assert used <= set(ONTOLOGY.relations)
    for cue in cues:
        for reading in cue["readings"]:
            for cls in (*reading.get("subject_is", ()), *reading.get("object_is", ())):
                assert cls in ONTOLOGY.superclasses, (cue["id"], cls)
    assert len({cue["id"] for cue in cues}) == len(cues)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a food holds a chemical that is no nutrient: contains, not sourceOf
        ("Caffeine is found in coffee and tea.", ["caffeine", "coffee", "tea"],
         {("coffee", "contains", "Caffeine", False), ("tea", "contains", "Caffeine", False)}),
        ("Coffee contains caffeine.", ["coffee", "caffeine"],
         {("Coffee", "contains", "caffeine", False)}),
        ("Zinc is found in oysters.", ["zinc", "oysters"],
         {("oysters", "sourceOf", "Zinc", False)}),
        # a structure or cell is damaged; a process is disrupted
        ("Alcohol can damage nerve cells.", ["alcohol", "nerve cells"],
         {("Alcohol", "damages", "nerve cells", False)}),
        ("The brain is harmed by alcohol.", ["brain", "alcohol"],
         {("alcohol", "damages", "brain", False)}),
        ("Alcohol disrupts sleep.", ["alcohol", "sleep"],
         {("Alcohol", "disrupts", "sleep", False)}),
    ],
)  # fmt: skip
def test_a_chemical_in_a_food_and_harm_to_a_structure(text, names, expected):
    assert triples(text, *names) == expected


def test_added_predicates_have_polarity_and_a_match():
    for name, sign in (("treats", "-"), ("reduces", "-"), ("damages", "-"), ("contains", "+")):
        relation = ONTOLOGY.relations[name]
        assert relation.sign == sign
        assert not relation.structural


# ---------------------------------------------------------------- readings and direction


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Iron deficiency can cause fatigue.",
            ["iron deficiency", "fatigue"],
            {("Iron deficiency", "causes", "fatigue", False)},
        ),
        (
            "Fatigue is often caused by iron deficiency.",
            ["fatigue", "iron deficiency"],
            {("iron deficiency", "causes", "Fatigue", False)},
        ),
        (
            "Vitamin B6 is needed for the synthesis of serotonin.",
            ["vitamin B6", "synthesis of serotonin"],
            {("Vitamin B6", "requiredFor", "synthesis of serotonin", False)},
        ),
        (
            "Omega-3 fatty acids are a type of polyunsaturated fat.",
            ["omega-3 fatty acids", "polyunsaturated fat"],
            {("Omega-3 fatty acids", "isA", "polyunsaturated fat", False)},
        ),
        (
            "Folate lowers homocysteine levels.",
            ["folate", "homocysteine"],
            {("Folate", "reduces", "homocysteine", False)},
        ),
        (
            "In older people, vitamin E may ease neuropathy.",
            ["vitamin E", "neuropathy"],
            {("vitamin E", "treats", "neuropathy", False)},
        ),
        (
            "The hippocampus is largely responsible for memory.",
            ["hippocampus", "memory"],
            {("hippocampus", "enables", "memory", False)},
        ),
        (
            "Anemia is common among older adults.",
            ["anemia", "older adults"],
            {("older adults", "atRiskOf", "Anemia", False)},
        ),
        (
            "Iron is essential for oxygen transport.",
            ["iron", "oxygen transport"],
            {("Iron", "requiredFor", "oxygen transport", False)},
        ),
    ],
)
def test_cues_in_active_and_passive_voice(text, names, expected):
    assert triples(text, *names) == expected


def test_passive_found_in_turns_the_direction():
    assert triples(
        "Vitamin E is found naturally in nuts and seeds.", "vitamin E", "nuts", "seeds"
    ) == {
        ("nuts", "sourceOf", "Vitamin E", False),
        ("seeds", "sourceOf", "Vitamin E", False),
    }


def test_a_reading_the_types_do_not_allow_is_never_forced():
    # "causes" needs a condition as its object; a nutrient is none.
    assert relations("Spinach causes iron.", "spinach", "iron") == []
    # "found in" is sourceOf (food, nutrient) or partOf (anatomy): neither fits a person.
    assert relations("Zinc is found in older adults.", "zinc", "older adults") == []


def test_the_next_reading_is_tried_when_the_first_does_not_fit():
    # "contributes to" a condition is causes; to a process it is promotes.
    assert triples("Iron deficiency contributes to fatigue.", "iron deficiency", "fatigue") == {
        ("Iron deficiency", "causes", "fatigue", False)
    }
    assert triples("Iron contributes to oxygen transport.", "iron", "oxygen transport") == {
        ("Iron", "promotes", "oxygen transport", False)
    }


def test_the_verb_nearest_the_object_wins():
    found = relations("Magnesium may help reduce the risk of migraine.", "magnesium", "migraine")
    assert [(c.predicate, c.cue.split(":")[0]) for c in found] == [("prevents", "risk-down")]


# ---------------------------------------------------------------- lists


def test_sources_include_a_list_gives_one_claim_per_item():
    text = "Good sources of zinc include oysters, beef, and pumpkin seeds."
    assert triples(text, "zinc", "oysters", "beef", "pumpkin seeds") == {
        ("oysters", "sourceOf", "zinc", False),
        ("beef", "sourceOf", "zinc", False),
        ("pumpkin seeds", "sourceOf", "zinc", False),
    }


def test_symptoms_of_a_condition_include_each_item():
    text = "Symptoms of iron deficiency include fatigue, pale skin and headaches."
    found = triples(text, "iron deficiency", "fatigue", "pale skin", "headaches")
    assert {o for _, p, o, _ in found if p == "hasSymptom"} == {"fatigue", "pale skin", "headaches"}


def test_examples_of_a_class_share_its_relation_and_are_kinds_of_it():
    text = "Minerals such as zinc and copper support the immune system."
    found = triples(text, "minerals", "zinc", "copper", "immune system")
    assert found == {
        ("zinc", "isA", "Minerals", False),
        ("copper", "isA", "Minerals", False),
        ("Minerals", "promotes", "immune system", False),
        ("zinc", "promotes", "immune system", False),
        ("copper", "promotes", "immune system", False),
    }


def test_items_of_one_list_are_not_related_to_each_other():
    text = "Oysters, beef and pumpkin seeds contain zinc."
    found = triples(text, "oysters", "beef", "pumpkin seeds", "zinc")
    assert {(s, o) for s, _, o, _ in found} == {
        ("Oysters", "zinc"),
        ("beef", "zinc"),
        ("pumpkin seeds", "zinc"),
    }


def test_composed_of_reverses_part_of_over_a_list():
    text = "The brain is composed of neurons and glial cells."
    assert triples(text, "brain", "neurons", "glial cells") == {
        ("neurons", "partOf", "brain", False),
        ("glial cells", "partOf", "brain", False),
    }


# ---------------------------------------------------------------- subjects of clauses


def test_a_participle_takes_the_subject_of_its_clause():
    text = "A lack of thiamine can damage nerve cells, leading to numbness and tingling."
    found = triples(text, "a lack", "thiamine", "nerve cells", "numbness", "tingling")
    assert ("A lack", "causes", "numbness", False) in found
    assert ("A lack", "causes", "tingling", False) in found
    assert ("A lack", "deficiencyOf", "thiamine", False) in found
    assert not any(s == "nerve cells" for s, *_ in found)


def test_a_coordinated_verb_takes_the_subject_of_its_clause():
    text = "Zinc supplements have not been shown to prevent dementia or to improve memory."
    mentions = [
        Mention(0, 16, "Zinc supplements", "zinc", "Nutrient", True, "test"),
        *mentions_in(text, ["dementia", "memory"]),
    ]
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY)
    assert {(c.subject.text, c.predicate, c.object.text, c.negated) for c in found} == {
        ("Zinc supplements", "prevents", "dementia", True),
        ("Zinc supplements", "promotes", "memory", True),
    }


def test_the_head_of_a_phrase_is_the_subject():
    text = "A deficiency in iron can impair oxygen transport."
    mentions = [
        Mention(0, 12, "A deficiency", "iron-deficiency", "DeficiencyState", True, "test"),
        *mentions_in(text, ["iron", "oxygen transport"]),
    ]
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY)
    assert {(c.subject.text, c.predicate, c.object.text) for c in found} == {
        ("A deficiency", "deficiencyOf", "iron"),
        ("A deficiency", "disrupts", "oxygen transport"),
    }


def test_a_relative_clause_leaves_the_subject_before_it():
    text = "Vegans who do not take supplements are at risk of deficiency."
    assert triples(text, "vegans", "supplements", "deficiency") == {
        ("Vegans", "atRiskOf", "deficiency", False)
    }


# ---------------------------------------------------------------- certainty, negation, cue


def test_candidates_carry_certainty_negation_and_the_words_that_fired():
    (found,) = relations(
        "Studies suggest that magnesium may lower the risk of migraine.", "magnesium", "migraine"
    )
    assert found.certainty is Certainty.HEDGED and not found.negated
    assert found.cue == "risk-down: lower the risk of [HEDGE: suggest, may]"
    (denied,) = relations("Leafy greens do not provide vitamin D.", "leafy greens", "vitamin D")
    assert denied.negated and denied.certainty is Certainty.ASSERTED
    assert denied.cue == "supplies: provide [NEGATED: not]"


def test_a_negated_word_elsewhere_does_not_deny_the_relation():
    text = "People who do not eat spinach are at risk of anemia."
    assert triples(text, "people", "anemia") == {("People", "atRiskOf", "anemia", False)}


def test_neither_nor_denies_both():
    text = "Neither vitamin C nor vitamin E prevents dementia."
    assert triples(text, "vitamin C", "vitamin E", "dementia") == {
        ("vitamin C", "prevents", "dementia", True),
        ("vitamin E", "prevents", "dementia", True),
    }


def test_a_class_and_its_examples_are_not_hedged_by_the_clause():
    text = "Magnesium may lower the risk of neuropathy such as anemia."
    found = {c.predicate: c.certainty for c in relations(text, "magnesium", "neuropathy", "anemia")}
    assert found == {"prevents": Certainty.HEDGED, "isA": Certainty.ASSERTED}


def test_quote_is_the_sentence_without_surrounding_space():
    document = "Intro.  Iron deficiency causes fatigue. \n"
    sentence = Sentence(6, len(document), document[6:])
    mentions = mentions_in(document[6:], ["iron deficiency", "fatigue"], offset=6)
    (found,) = find_relations(sentence, mentions, ONTOLOGY)
    assert document[found.start : found.end] == "Iron deficiency causes fatigue."


@settings(max_examples=60, deadline=None)
@given(
    prefix=st.text(alphabet=" .,;abcxyz\n", max_size=12),
    order=st.permutations(["iron deficiency", "fatigue", "headaches"]),
)
def test_offsets_hold_and_output_is_deterministic(prefix, order):
    body = "Iron deficiency often leads to fatigue and headaches."
    document = prefix + body
    sentence = Sentence(len(prefix), len(document), body)
    mentions = mentions_in(body, list(order), offset=len(prefix))
    groups = list_groups(mentions, document)
    first = find_relations(sentence, mentions, ONTOLOGY, groups)
    assert first == find_relations(sentence, list(reversed(mentions)), ONTOLOGY, groups)
    assert {(c.predicate, c.object.text) for c in first} == {
        ("causes", "fatigue"),
        ("causes", "headaches"),
    }
    for c in first:
        assert document[c.start : c.end] == body
        for m in (c.subject, c.object):
            assert document[m.start : m.end] == m.text


def test_fewer_than_two_mentions_give_nothing():
    text = "Iron deficiency is common."
    assert relations(text, "iron deficiency") == []


# ---------------------------------------------------------------- promotion


@pytest.mark.parametrize(
    "text",
    [
        "Read the full guide at https://example.org/guide.",
        "Find it on www.example.com today.",
        "For better sleep, visit CalmNights and see what works for you.",
        "NeuroMax™ supports healthy nerves.",
        "Our formula combines zinc and magnesium.",
        "Use code SLEEP20 at checkout.",
        "Order now and get free shipping.",
        "Click here to learn more.",
        "Learn more at our website.",
        "Buy our gummies in three flavours.",
        "Try ZincPlus today!",
    ],
)
def test_promotional_lines_are_recognised(text):
    assert is_promotional(Sentence(0, len(text), text))


@pytest.mark.parametrize(
    "text",
    [
        "Zinc supports the immune system.",
        "If numbness lasts, see a doctor.",
        "In order to absorb iron, the body needs stomach acid.",
        "Our bodies cannot make omega-3 fatty acids.",
        "Some people visit the coast in summer.",
    ],
)
def test_plain_health_statements_are_not_promotional(text):
    assert not is_promotional(Sentence(0, len(text), text))


#: Words and marks of pitches and of plain text, in several cases, to build sentences from.
_PITCH_WORDS = """visit VISIT Visit the our own formula buy Buy now https:// www. shop.com/ a@b.co ™
    (tm) use promo code Try Get ZincPlus Calm today click here link below learn more at zinc
    iron - ’s ' , ."""


@given(
    st.lists(st.sampled_from([*_PITCH_WORDS.split(), "10 % off", "\n"]), max_size=8),
    st.sampled_from(["", " ", "  "]),
)
def test_the_pitch_sieve_agrees_with_searching_every_pitch(pieces, glue):
    """Each pitch is searched only where its words occur: never a different answer."""
    from kg.ingest import promotion

    text = glue.join(pieces)
    every = (*promotion._PITCHES, *promotion._NAMED_PITCHES)
    assert is_promotional(Sentence(0, len(text), text)) == any(p.search(text) for p in every)


# ---------------------------------------------------------------- measurement


def _types() -> dict[str, str]:
    files = [ontology_dir() / "entities.yaml", *packaged_sources_dir().glob("*/entities.yaml")]
    return {
        e["id"]: e["type"]
        for f in files
        for e in yaml.safe_load(f.read_text(encoding="utf-8")) or []
    }


def measure(source: Path, types: dict[str, str]) -> dict[str, float]:
    """Precision and recall of (subject, object, direction, negated) and certainty agreement
    of the relation stage on one curated source, with the curated claims' own words as the
    mentions (gold mentions), the issue's matching rule (the candidate's quote overlaps the
    gold quote) and the stand-in list finder. A measurement, not a target."""
    document = (source / "document.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((source / "claims.yaml").read_text(encoding="utf-8"))
    mentions = {
        Mention(i, i + len(c[f"{r}_text"]), c[f"{r}_text"], c[r], types[c[r]], True, "gold")
        for c in gold
        for r in ("subject", "object")
        for i in [c["start"] + c["quote"].index(c[f"{r}_text"])]
    }
    candidates: list[Candidate] = []
    for sentence in sentences(document):
        if is_promotional(sentence):
            continue
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        groups = list_groups(inside, document)
        candidates += find_relations(sentence, inside, ONTOLOGY, groups)

    def matches(c: Candidate, g: dict) -> bool:
        return (
            c.start < g["end"]
            and g["start"] < c.end
            and (c.subject.entity, c.object.entity, c.negated)
            == (g["subject"], g["object"], g["negated"])
        )

    right = [c for c in candidates if any(matches(c, g) for g in gold)]
    found = [g for g in gold if any(matches(c, g) for c in candidates)]
    agree = [
        g
        for g in found
        if any(matches(c, g) and c.certainty.value == g["certainty"] for c in candidates)
    ]
    return {
        "candidates": len(candidates),
        "gold": len(gold),
        "precision": len(right) / max(len(candidates), 1),
        "recall": len(found) / len(gold),
        "certainty": len(agree) / max(len(found), 1),
    }


@pytest.mark.parametrize("source", sorted(p.name for p in packaged_sources_dir().iterdir()))
def test_measure_on_the_packaged_sources(source, capsys):
    figures = measure(packaged_sources_dir() / source, _types())
    with capsys.disabled():
        shown = " ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
        )
        print(f"\n{source}: {shown}")
    assert figures["candidates"] > 0
    assert all(0 <= figures[k] <= 1 for k in ("precision", "recall", "certainty"))


def test_a_subject_pronoun_before_the_cue_is_the_cues_own_subject():
    # "it" is not a mention here, so the earlier mentions must not take its relation.
    text = "The body needs it to make homocysteine and minerals, and it is required for memory."
    assert relations(text, "homocysteine", "minerals", "memory") == []


def test_foods_that_stand_for_their_class_get_no_kind_of_their_own():
    found = triples("Magnesium is found in leafy greens such as spinach.", "magnesium",
                    "leafy greens", "spinach")  # fmt: skip
    assert ("spinach", "sourceOf", "Magnesium", False) in found
    assert not {t for t in found if t[1] == "isA"}


def test_conditions_named_as_examples_keep_their_kind():
    found = triples("Magnesium may reduce the risk of headaches such as migraine.", "magnesium",
                    "headaches", "migraine")  # fmt: skip
    assert ("migraine", "isA", "headaches", False) in found


def test_a_pronoun_after_a_list_opens_a_clause_of_its_own():
    # The stand-in list stage joins "homocysteine, minerals, and it"; a pronoun is never
    # an item of a list, so only "it" is required for memory.
    text = "Zinc helps make homocysteine, minerals, and it is required for memory."
    found = triples(text, "homocysteine", "minerals", "it", "memory")
    assert found == {("it", "requiredFor", "memory", False)}


def test_a_comma_and_a_conjunction_after_a_series_open_a_clause_of_their_own():
    # The stand-in list stage joins "zinc, iron and folate, and vitamin C" and "blood, and
    # zinc"; a series has one conjunction, so only vitamin C is needed for memory, and
    # only zinc (not blood) protects neurons.
    text = "Beef is a source of zinc, iron and folate, and vitamin C is needed for memory."
    found = triples(text, "beef", "zinc", "iron", "folate", "vitamin C", "memory")
    assert {t for t in found if t[1] == "requiredFor"} == {
        ("vitamin C", "requiredFor", "memory", False)
    }
    text = "Iron is carried in the blood, and zinc protects neurons."
    found = triples(text, "iron", "blood", "zinc", "neurons")
    assert {t for t in found if t[2] == "neurons"} == {("zinc", "promotes", "neurons", False)}


def test_the_object_of_a_relative_clause_is_not_the_subject_of_the_main_verb():
    text = "People who avoid beef are at risk of iron deficiency."
    found = triples(text, "people", "beef", "iron deficiency")
    assert ("People", "atRiskOf", "iron deficiency", False) in found
    assert not {t for t in found if t[0] == "beef"}


def test_adjacent_phrases_of_a_class_cue_ignore_the_head_before_them():
    text = "Supplements of zinc and other minerals are sold widely."
    found = triples(text, "supplements", "zinc", "minerals")
    assert ("zinc", "isA", "minerals", False) in found
    assert not {t for t in found if t[0] == "Supplements"}


def test_too_much_of_a_substance_is_not_the_substance():
    # Neither the nutrient nor the source after "from" is what causes the symptom.
    text = "Too much zinc from supplements can cause headaches."
    assert relations(text, "zinc", "supplements", "headaches") == []
    assert triples("Zinc can cause headaches.", "zinc", "headaches") == {
        ("Zinc", "causes", "headaches", False)
    }


def test_reducing_how_often_a_condition_occurs_prevents_it():
    text = "Magnesium may reduce the frequency of migraine."
    assert triples(text, "magnesium", "migraine") == {("Magnesium", "prevents", "migraine", False)}


def test_a_class_cue_takes_the_phrase_just_before_it_even_in_a_relative_clause():
    text = "Zinc supports the immune system, which needs minerals such as iron and copper."
    found = triples(text, "zinc", "immune system", "minerals", "iron", "copper")
    assert ("iron", "isA", "minerals", False) in found
    assert not {t for t in found if t[1] == "isA" and t[2] != "minerals"}


# ---------------------------------------------------------------- general constructions


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # What is added to a food is had from it; in a relative clause, of the subject.
        (
            "Folate is added to breakfast cereals.",
            ["folate", "breakfast cereals"],
            {("breakfast cereals", "sourceOf", "Folate", False)},
        ),
        (
            "Folic acid is a form of folate that is added to breakfast cereals.",
            ["folic acid", "folate", "breakfast cereals"],
            {
                ("Folic acid", "isA", "folate", False),
                ("breakfast cereals", "sourceOf", "Folic acid", False),
            },
        ),
        (
            "Manufacturers add iron to flour.",
            ["iron", "flour"],
            {("flour", "sourceOf", "iron", False)},
        ),
        (
            "Zinc can be obtained from oysters.",
            ["zinc", "oysters"],
            {("oysters", "sourceOf", "Zinc", False)},
        ),
        (
            "Folate occurs naturally in spinach.",
            ["folate", "spinach"],
            {("spinach", "sourceOf", "Folate", False)},
        ),
        (
            "Foods rich in magnesium include nuts and seeds.",
            ["magnesium", "nuts", "seeds"],
            {("nuts", "sourceOf", "magnesium", False), ("seeds", "sourceOf", "magnesium", False)},
        ),
        # A purpose clause: what the body needs a nutrient for.
        (
            "Iron is a mineral that the body needs for oxygen transport.",
            ["iron", "oxygen transport"],
            {("Iron", "requiredFor", "oxygen transport", False)},
        ),
        (
            "Zinc holds great importance for memory.",
            ["zinc", "memory"],
            {("Zinc", "requiredFor", "memory", False)},
        ),
        # Risk groups, in both directions.
        (
            "Older adults have a higher risk of dementia.",
            ["older adults", "dementia"],
            {("Older adults", "atRiskOf", "dementia", False)},
        ),
        (
            "Anemia is more common in older adults.",
            ["anemia", "older adults"],
            {("older adults", "atRiskOf", "Anemia", False)},
        ),
        (
            "Iron deficiency affects many older adults.",
            ["iron deficiency", "older adults"],
            {("older adults", "atRiskOf", "Iron deficiency", False)},
        ),
        ("Vegans are less likely to develop anemia.", ["vegans", "anemia"], set()),
        # Associations that say which way.
        (
            "Magnesium has been linked to lower rates of migraine.",
            ["magnesium", "migraine"],
            {("Magnesium", "prevents", "migraine", False)},
        ),
        (
            "Folate has been associated with better memory.",
            ["folate", "memory"],
            {("Folate", "promotes", "memory", False)},
        ),
        (
            "Iron deficiency is common in vegans and has been linked to fatigue.",
            ["iron deficiency", "vegans", "fatigue"],
            {
                ("vegans", "atRiskOf", "Iron deficiency", False),
                ("Iron deficiency", "linkedTo", "fatigue", False),
            },
        ),
        # Courses slowed, outcomes under a treatment, what follows from a substance.
        (
            "Vitamin E may slow cognitive decline.",
            ["vitamin E", "cognitive decline"],
            {("Vitamin E", "prevents", "cognitive decline", False)},
        ),
        ("Fatigue fell with iron.", ["fatigue", "iron"], {("iron", "reduces", "Fatigue", False)}),
        (
            "Headaches improved after magnesium.",
            ["headaches", "magnesium"],
            {("magnesium", "treats", "Headaches", False)},
        ),
        (
            "Neuropathy, a known side effect of vitamin B6, is rare.",
            ["neuropathy", "vitamin B6"],
            {("vitamin B6", "causes", "Neuropathy", False)},
        ),
        (
            "Iron may be a marker of poor health rather than a cause of dementia.",
            ["iron", "dementia"],
            {("Iron", "causes", "dementia", True)},
        ),
        # A condition told by its signs; a structure named as a region of a whole.
        (
            "Anemia, a condition marked by fatigue and pale skin, is common.",
            ["anemia", "fatigue", "pale skin"],
            {
                ("Anemia", "hasSymptom", "fatigue", False),
                ("Anemia", "hasSymptom", "pale skin", False),
            },
        ),
        (
            "Zinc reaches the hippocampus, the brain region that handles memory.",
            ["hippocampus", "brain"],
            {("hippocampus", "partOf", "brain", False)},
        ),
        # A diet low in a nutrient lacks it; a building block blocks nothing.
        ("A diet low in iron can cause fatigue.", ["iron", "fatigue"], set()),
        ("Zinc is a building block of neurons.", ["zinc", "neurons"], set()),
    ],
)
def test_general_constructions(text, names, expected):
    assert triples(text, *names) == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # The verb after "help" states the relation, and a structure is not regulated.
        ("Zinc helps regulate the immune system.", ["zinc", "immune system"], set()),
        (
            "Magnesium helps regulate memory.",
            ["magnesium", "memory"],
            {("Magnesium", "regulates", "memory", False)},
        ),
        (
            "Zinc helps the immune system.",
            ["zinc", "immune system"],
            {("Zinc", "promotes", "immune system", False)},
        ),
        (
            "Magnesium helps with migraine.",
            ["magnesium", "migraine"],
            {("Magnesium", "treats", "migraine", False)},
        ),
        (
            "Vitamin C helps your body absorb iron.",
            ["vitamin C", "iron"],
            {("Vitamin C", "promotes", "iron", False)},
        ),
        # A level: the substance is the object, not the blood it is measured in.
        (
            "Iron deficiency raises blood levels of homocysteine.",
            ["iron deficiency", "blood", "homocysteine"],
            {("Iron deficiency", "promotes", "homocysteine", False)},
        ),
        (
            "Folate lowers blood levels of homocysteine.",
            ["folate", "blood", "homocysteine"],
            {("Folate", "reduces", "homocysteine", False)},
        ),
        # "The body needs to make" it: the nutrient makes nothing.
        (
            "Folate is a vitamin that the body needs to make homocysteine.",
            ["folate", "homocysteine"],
            set(),
        ),
    ],
)
def test_the_verb_after_help_and_the_substance_of_a_level(text, names, expected):
    assert triples(text, *names) == expected


# ---------------------------------------------------------------- speed without change

#: Words of the cue lexicon, marks and slots, from which texts that cues match are made.
_CUE_WORDS = sorted(load_cues().anchors.index)
_PIECES = st.one_of(
    st.sampled_from(_CUE_WORDS),
    st.sampled_from(_CUE_WORDS).map(str.upper),
    st.sampled_from(_CUE_WORDS).map(lambda w: w.replace("i", "ı").replace("s", "ſ")),
    st.sampled_from(["«0»", "«1»", "«2»", '"', "’s", "/", "-", "e.g.", "(", ";"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, st.sampled_from([" ", "", ", ", "\n"])), max_size=14))
def test_the_patterns_passed_over_are_those_that_cannot_match(pieces):
    # A pattern whose anchor's words a text lacks is never searched: that must never hide
    # a pattern that matches, whatever the case ("ſ" matches "s" ignoring case) or marks.
    text = "".join(piece + glue for piece, glue in pieces)
    lexicon = load_cues()
    tried = {id(pattern) for _, pattern in lexicon.tried(text)}
    assert all(id(p) in tried for _, p in lexicon.patterns if p.search(text))


def test_a_cue_pattern_is_compiled_when_first_tried_and_every_one_compiles():
    lexicon = load_cues.__wrapped__()  # a lexicon of its own, nothing tried yet
    assert not any("regex" in vars(p) for _, p in lexicon.patterns)
    text = "«0» causes «1»."
    for _, pattern in lexicon.tried(text):
        found = [(m.span(1), m.groupdict()) for m in pattern.finditer(text)]
        assert found == [(m.span(1), m.groupdict()) for m in pattern.regex.finditer(text)]
    compiled = [p for _, p in lexicon.patterns if "regex" in vars(p)]
    assert 0 < len(compiled) < len(lexicon.patterns)
    assert all(p.regex.flags & re.IGNORECASE for _, p in lexicon.patterns)


@pytest.mark.parametrize(
    "text",
    ['Iron deficiency "causes" fatigue.', "Iron deficiency/causes fatigue."],
)
def test_cue_words_inside_a_word_of_marks_still_count(text):
    assert triples(text, "iron deficiency", "fatigue") == {
        ("Iron deficiency", "causes", "fatigue", False)
    }


def test_a_cue_whose_mentions_are_out_of_reach_relates_nothing():
    # More words stand between the mentions and the cue than a gap takes (the speed of
    # such sentences, once seconds each, is measured by bench/extraction.py --speed).
    text = (
        "Iron deficiency in the developing brain, uncorrected, characteristically causes,"
        " in the end, fatigue."
    )
    assert triples(text, "iron deficiency", "fatigue") == set()


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # What is protected from a harm is not itself promoted; the harm is prevented.
        (
            "Zinc helps protect neurons from oxidative damage.",
            ["zinc", "neurons", "oxidative damage"],
            {("Zinc", "prevents", "oxidative damage", False)},
        ),
        ("Zinc protects the brain.", ["zinc", "brain"], {("Zinc", "promotes", "brain", False)}),
        (
            "Vitamin E keeps your nerve cells healthy.",
            ["vitamin E", "nerve cells"],
            {("Vitamin E", "promotes", "nerve cells", False)},
        ),
        # A condition told by how it shows.
        (
            "Iron deficiency often shows up as fatigue and headaches.",
            ["iron deficiency", "fatigue", "headaches"],
            {
                ("Iron deficiency", "hasSymptom", "fatigue", False),
                ("Iron deficiency", "hasSymptom", "headaches", False),
            },
        ),
        # A condition that follows another comes of it; "followed by" only lists.
        (
            "Anemia usually follows iron deficiency.",
            ["anemia", "iron deficiency"],
            {("iron deficiency", "causes", "Anemia", False)},
        ),
        ("Fatigue, followed by headaches, is common.", ["fatigue", "headaches"], set()),
        # Trial outcomes, with numbers between.
        (
            "Headaches fell by 2.9 a month with magnesium.",
            ["headaches", "magnesium"],
            {("magnesium", "reduces", "Headaches", False)},
        ),
        (
            "Participants receiving magnesium had lower fatigue than those given placebo.",
            ["magnesium", "fatigue"],
            {("magnesium", "reduces", "fatigue", False)},
        ),
        (
            "Older adults taking zinc had a lower risk of dementia.",
            ["older adults", "zinc", "dementia"],
            {("zinc", "prevents", "dementia", False)},
        ),
        (
            "Children given iron scored better on memory tests.",
            ["iron", "memory"],
            {("iron", "promotes", "memory", False)},
        ),
        # Null results, denied by their own "no" or "not".
        (
            "Magnesium had no effect on migraine.",
            ["magnesium", "migraine"],
            {("Magnesium", "reduces", "migraine", True)},
        ),
        (
            "Zinc had no significant effect on memory.",
            ["zinc", "memory"],
            {("Zinc", "affects", "memory", True)},
        ),
        (
            "Iron made no difference to the rate of dementia.",
            ["iron", "dementia"],
            {("Iron", "reduces", "dementia", True)},
        ),
        (
            "There was no significant difference between magnesium and placebo in headaches.",
            ["magnesium", "headaches"],
            {("magnesium", "reduces", "headaches", True)},
        ),
        (
            "Headaches did not differ between the magnesium and placebo groups.",
            ["headaches", "magnesium"],
            {("magnesium", "reduces", "Headaches", True)},
        ),
        # Associations with less of a condition, forecasts, and lower odds.
        (
            "Zinc was associated with a 30% lower risk of dementia.",
            ["zinc", "dementia"],
            {("Zinc", "prevents", "dementia", False)},
        ),
        (
            "Folate was inversely associated with dementia.",
            ["folate", "dementia"],
            {("Folate", "prevents", "dementia", False)},
        ),
        (
            "Homocysteine predicted cognitive decline.",
            ["homocysteine", "cognitive decline"],
            {("Homocysteine", "linkedTo", "cognitive decline", False)},
        ),
        (
            "People with the most zinc were 27 percent less likely to develop dementia.",
            ["people", "zinc", "dementia"],
            {("zinc", "prevents", "dementia", False)},
        ),
        ("Vegans were less likely to develop dementia.", ["vegans", "dementia"], set()),
        # Foods all rich in a nutrient, a kind of a class, a treatment with an adverb, a
        # condition reported in a group.
        (
            "Nuts and seeds are all rich in magnesium.",
            ["nuts", "seeds", "magnesium"],
            {("Nuts", "sourceOf", "magnesium", False), ("seeds", "sourceOf", "magnesium", False)},
        ),
        (
            "We ate spinach, a kind of leafy greens.",
            ["spinach", "leafy greens"],
            {("spinach", "isA", "leafy greens", False)},
        ),
        (
            "Anemia is treated early with iron.",
            ["anemia", "iron"],
            {("iron", "treats", "Anemia", False)},
        ),
        (
            "Neuropathy has been reported in older adults.",
            ["neuropathy", "older adults"],
            {("older adults", "atRiskOf", "Neuropathy", False)},
        ),
    ],
)
def test_study_and_popular_constructions(text, names, expected):
    assert triples(text, *names) == expected


def test_an_association_with_lower_odds_is_hedged():
    (found,) = relations(
        "Zinc was associated with a 30% lower risk of dementia.", "zinc", "dementia"
    )
    assert found.certainty is Certainty.HEDGED


def test_a_deficiency_names_its_nutrient():
    found = triples("Iodine deficiency causes fatigue.", "iodine deficiency", "iodine", "fatigue")
    assert ("Iodine deficiency", "deficiencyOf", "Iodine", False) in found
    assert ("Iodine deficiency", "causes", "fatigue", False) in found
    # A nutrient inside a mention that is no deficiency state is no deficiency of it.
    found = triples("Iron supplements cause nausea.", "iron supplements", "iron")
    assert not {t for t in found if t[1] == "deficiencyOf"}


def test_a_question_drafts_nothing_and_a_name_is_drafted_once(tmp_path):
    document = (
        "Can iron prevent anemia?\n"
        "Iodine deficiency can cause fatigue. Iodine deficiency is common in older adults."
    )
    assert is_question(Sentence(0, 24, document[:24]))
    assert not is_question(Sentence(25, 61, document[25:61]))
    drafted = draft_claims(document, load_known(tmp_path)).candidates
    assert all(c.start > 24 for c in drafted)
    named = [c for c in drafted if c.predicate == "deficiencyOf"]
    assert [(c.subject.text, c.object.text, c.start) for c in named] == [
        ("Iodine deficiency", "Iodine", 25)
    ]


def test_what_a_condition_is_known_for_are_its_signs():
    found = triples("Iron deficiency is known for three signs: fatigue, headaches and pale skin.",
                    "iron deficiency", "fatigue", "headaches", "pale skin")  # fmt: skip
    assert {o for _, p, o, _ in found if p == "hasSymptom"} == {"fatigue", "headaches", "pale skin"}


def test_a_parenthesis_after_a_mention_is_read_past_but_no_other_bracket():
    text = "Thiamine (vitamin B1) is required for memory."
    found = triples(text, "thiamine", "vitamin B1", "memory")
    assert ("Thiamine", "requiredFor", "memory", False) in found
    assert ("vitamin B1", "requiredFor", "memory", False) not in found
    assert triples("Thiamine [see above] is required for memory.", "thiamine", "memory") == set()
    assert triples("Thiamine is (we think) required for memory.", "thiamine", "memory") == set()


def test_bulleted_lines_after_a_colon_are_the_items_of_its_list(tmp_path):
    document = (
        "Sources of iron include:\n- beef, oysters and spinach\n- nuts\n\n"
        "Iron deficiency can cause fatigue.\n- Zinc is found in oysters."
    )
    drafted = draft_claims(document, load_known(tmp_path)).candidates
    sources = {c.subject.text for c in drafted if c.predicate == "sourceOf"}
    assert {"beef", "oysters", "spinach", "nuts"} <= sources
    lead = document.index("Sources")
    assert all(c.start == lead for c in drafted if c.object.text == "iron")
    # A bullet after a line without a colon is a sentence of its own.
    zinc = [c for c in drafted if c.object.text == "Zinc"]
    assert zinc and all(c.start > document.index("- Zinc") for c in zinc)


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # Risk groups: "the most likely to" a deficiency named by a verb; a food is no risk.
        (
            "Older adults are the most likely to run short.",
            ["older adults", "run short"],
            {("Older adults", "atRiskOf", "run short", False)},
        ),
        ("Vegans are more likely to eat spinach.", ["vegans", "spinach"], set()),
        (
            "Anemia is more likely in older adults.",
            ["anemia", "older adults"],
            {("older adults", "atRiskOf", "Anemia", False)},
        ),
        (
            "Iron deficiency puts you at risk of anemia.",
            ["iron deficiency", "anemia"],
            {("Iron deficiency", "causes", "anemia", False)},
        ),
        # What a food adds is a share of a nutrient it supplies.
        (
            "Beef and oysters add useful amounts of zinc.",
            ["beef", "oysters", "zinc"],
            {("Beef", "sourceOf", "zinc", False), ("oysters", "sourceOf", "zinc", False)},
        ),
        (
            "Breakfast cereals fortified with folic acid are common.",
            ["breakfast cereals", "folic acid"],
            {("Breakfast cereals", "sourceOf", "folic acid", False)},
        ),
        (
            "Zinc found in oysters is well absorbed.",
            ["zinc", "oysters"],
            {("oysters", "sourceOf", "Zinc", False)},
        ),
        # "found in" after anything but its noun is a finding, not a place.
        ("A study found in older adults that anemia was rare.", ["older adults", "anemia"], set()),
        # Associations: a decline, a slower course, a contrast that denies the second end.
        (
            "Zinc intake was not associated with decline in memory.",
            ["zinc", "memory"],
            {("Zinc", "disrupts", "memory", True)},
        ),
        (
            "Zinc was associated with slower cognitive decline but not with a lower risk of"
            " dementia.",
            ["zinc", "cognitive decline", "dementia"],
            {
                ("Zinc", "prevents", "cognitive decline", False),
                ("Zinc", "prevents", "dementia", True),
            },
        ),
        (
            "Iron was linked to fatigue but not to headaches.",
            ["iron", "fatigue", "headaches"],
            {("Iron", "linkedTo", "fatigue", False), ("Iron", "linkedTo", "headaches", True)},
        ),
        (
            "Studies link iron deficiency to headaches.",
            ["iron deficiency", "headaches"],
            {("iron deficiency", "linkedTo", "headaches", False)},
        ),
        # A trial arm that is a mention itself ("placebo") still leaves the outcome in reach,
        # and is no end of the relation: it is the comparison the cue's words make.
        (
            "There was no difference between magnesium and placebo in headaches.",
            ["magnesium", "placebo", "headaches"],
            {("magnesium", "reduces", "headaches", True)},
        ),
        # Causes told by a participle or a reason; a food named as a reason causes nothing.
        (
            "Neuropathy caused by vitamin B6 is rare.",
            ["neuropathy", "vitamin B6"],
            {("vitamin B6", "causes", "Neuropathy", False)},
        ),
        (
            "Anemia due to iron deficiency is common.",
            ["anemia", "iron deficiency"],
            {("iron deficiency", "causes", "Anemia", False)},
        ),
        (
            "Fatigue resulting from anemia is common.",
            ["fatigue", "anemia"],
            {("anemia", "causes", "Fatigue", False)},
        ),
        (
            "Vegans take supplements because of iron deficiency.",
            ["vegans", "supplements", "iron deficiency"],
            set(),
        ),
        (
            "Vitamin E can make neuropathy worse.",
            ["vitamin E", "neuropathy"],
            {("Vitamin E", "causes", "neuropathy", False)},
        ),
        (
            "Iron deficiency is responsible for fatigue.",
            ["iron deficiency", "fatigue"],
            {("Iron deficiency", "causes", "fatigue", False)},
        ),
        # Signs: a sign that signals its condition, a hallmark; a nerve signals no condition.
        (
            "Numbness may signal nerve damage.",
            ["numbness", "nerve damage"],
            {("nerve damage", "hasSymptom", "Numbness", False)},
        ),
        ("Neurons signal the brain.", ["neurons", "brain"], set()),
        (
            "Fatigue is a hallmark of anemia.",
            ["fatigue", "anemia"],
            {("anemia", "hasSymptom", "Fatigue", False)},
        ),
        (
            "Numbness is a common complaint in people with anemia.",
            ["numbness", "people with anemia", "anemia"],
            {("anemia", "hasSymptom", "Numbness", False)},
        ),
        (
            "Fatigue is a common problem in older adults.",
            ["fatigue", "older adults"],
            {("older adults", "atRiskOf", "Fatigue", False)},
        ),
        (
            "Iron deficiency remains a common cause of anemia.",
            ["iron deficiency", "anemia"],
            {("Iron deficiency", "causes", "anemia", False)},
        ),
        (
            "Anemia is accompanied by fatigue.",
            ["anemia", "fatigue"],
            {("Anemia", "hasSymptom", "fatigue", False)},
        ),
        # What a process depends on it requires.
        (
            "Oxygen transport depends on iron.",
            ["oxygen transport", "iron"],
            {("iron", "requiredFor", "Oxygen transport", False)},
        ),
        # "The role of X in Y", "the effects of X on Y" name a topic (a title, a study's
        # aim), not a claim.
        ("This study examined the role of zinc in memory.", ["zinc", "memory"], set()),
        ("This trial tested the effects of zinc on memory.", ["zinc", "memory"], set()),
        (
            "Memory is affected by sleep.",
            ["memory", "sleep"],
            {("sleep", "affects", "Memory", False)},
        ),
        # Treatment: responding to, prescribed for, eased by; a group is not treated.
        ("Anemia responds to iron.", ["anemia", "iron"], {("iron", "treats", "Anemia", False)}),
        (
            "Iron is prescribed for anemia.",
            ["iron", "anemia"],
            {("Iron", "treats", "anemia", False)},
        ),
        ("Iron is recommended for older adults.", ["iron", "older adults"], set()),
        (
            "Headaches are eased by magnesium.",
            ["headaches", "magnesium"],
            {("magnesium", "treats", "Headaches", False)},
        ),
        # Harms kept away or fought off are prevented; a store drained is reduced.
        (
            "Vitamin E may help keep dementia at bay.",
            ["vitamin E", "dementia"],
            {("Vitamin E", "prevents", "dementia", False)},
        ),
        (
            "Zinc fights oxidative damage.",
            ["zinc", "oxidative damage"],
            {("Zinc", "prevents", "oxidative damage", False)},
        ),
        (
            "Alcohol depletes thiamine.",
            ["alcohol", "thiamine"],
            {("Alcohol", "reduces", "thiamine", False)},
        ),
        (
            "Zinc helps repair nerve cells.",
            ["zinc", "nerve cells"],
            {("Zinc", "promotes", "nerve cells", False)},
        ),
        # A condition that progresses to another; a function dulled; a null or milder result.
        (
            "Iron deficiency can progress to anemia.",
            ["iron deficiency", "anemia"],
            {("Iron deficiency", "causes", "anemia", False)},
        ),
        (
            "Iron deficiency can dull memory.",
            ["iron deficiency", "memory"],
            {("Iron deficiency", "disrupts", "memory", False)},
        ),
        (
            "Older adults taking zinc showed no improvement in memory.",
            ["older adults", "zinc", "memory"],
            {("zinc", "affects", "memory", True)},
        ),
        (
            "Magnesium was linked to fewer headaches.",
            ["magnesium", "headaches"],
            {("Magnesium", "prevents", "headaches", False)},
        ),
        # A lack put first impairs what follows; a group put first does not.
        (
            "Without enough zinc, memory is impaired.",
            ["without enough zinc", "zinc", "memory"],
            {
                ("Without enough zinc", "deficiencyOf", "zinc", False),
                ("Without enough zinc", "disrupts", "memory", False),
            },
        ),
        ("In older adults, memory is impaired.", ["older adults", "memory"], set()),
        # A cohort's group named by having more of a nutrient.
        (
            "Adults with more zinc in their blood scored better on memory tests.",
            ["zinc", "blood", "memory"],
            {("zinc", "promotes", "memory", False)},
        ),
    ],
)
def test_constructions_health_articles_use(text, names, expected):
    assert triples(text, *names) == expected


# ---------------------------------------------------------------- genres: myths, reviews


@pytest.mark.parametrize(
    "text",
    ["Myth: Iron deficiency causes headaches.", "MYTH #2 – Iron deficiency causes headaches."],
)
def test_a_myth_label_states_no_claim(text):
    assert triples(text, "iron deficiency", "headaches") == set()


def test_the_fact_after_a_myth_is_a_claim_and_its_denial_negated():
    found = triples(
        "Fact: Iron deficiency does not cause headaches.", "iron deficiency", "headaches"
    )
    assert found == {("Iron deficiency", "causes", "headaches", True)}
    found = triples(
        "Mythology aside: iron deficiency causes headaches.", "iron deficiency", "headaches"
    )
    assert ("iron deficiency", "causes", "headaches", False) in found


def test_signs_named_as_examples_are_signs_not_kinds():
    text = "Early signs of iron deficiency, such as fatigue and headaches, are easy to miss."
    found = triples(text, "iron deficiency", "fatigue", "headaches")
    assert found >= {
        ("iron deficiency", "hasSymptom", "fatigue", False),
        ("iron deficiency", "hasSymptom", "headaches", False),
    }
    assert not {t for t in found if t[1] == "isA"}


def test_a_condition_renamed_by_a_mention_has_the_signs_that_mark_it():
    text = "Beriberi, a nutritional disease characterised by numbness and tingling, is rare."
    found = triples(text, "beriberi", "nutritional disease", "numbness", "tingling")
    assert found >= {
        ("Beriberi", "isA", "nutritional disease", False),
        ("Beriberi", "hasSymptom", "numbness", False),
        ("Beriberi", "hasSymptom", "tingling", False),
    }
    found = triples("Beriberi, a nutritional disease of sailors, is rare.",
                    "beriberi", "nutritional disease")  # fmt: skip
    assert found == {("Beriberi", "isA", "nutritional disease", False)}


def test_a_passive_source_with_an_adverb():
    found = triples("Magnesium is supplied mainly by nuts and leafy greens.",
                    "magnesium", "nuts", "leafy greens")  # fmt: skip
    assert found == {
        ("nuts", "sourceOf", "Magnesium", False),
        ("leafy greens", "sourceOf", "Magnesium", False),
    }


def test_a_participle_compound_names_its_cause():
    found = triples(
        "Alcohol-induced neuropathy is common in heavy drinkers.", "alcohol", "neuropathy"
    )
    assert found == {("Alcohol", "causes", "neuropathy", False)}
    found = triples("Alcohol-related neuropathy is common.", "alcohol", "neuropathy")
    assert not {t for t in found if t[1] == "causes"}


@pytest.mark.parametrize(
    ("text", "treatment", "condition"),
    [
        (
            "The only treatment for coeliac disease is a gluten-free diet.",
            "gluten-free diet",
            "coeliac disease",
        ),
        ("The main treatment for beriberi is thiamine.", "thiamine", "beriberi"),
        (
            "The only treatment for coeliac disease is a strict, lifelong gluten-free diet.",
            "gluten-free diet",
            "coeliac disease",
        ),
        ("Doctors agree thiamine is the treatment of choice for beriberi.", "thiamine", "beriberi"),
    ],
)
def test_the_treatment_named_for_a_condition_treats_it(text, treatment, condition):
    found = triples(text, treatment, condition)
    assert (treatment, "treats", condition, False) in found
    assert not {t for t in found if t[1] == "isA"}


def test_the_treatment_of_a_condition_is_no_kind_of_it():
    found = triples("The treatment for anemia is a gluten-free diet.", "anemia", "gluten-free diet")
    assert ("anemia", "isA", "gluten-free diet", False) not in found


@pytest.mark.parametrize(
    "text",
    [
        "People with raised cholesterol often have depression.",
        "Depression with reduced appetite is common.",
        "Depression leads to an increased cholesterol level.",
    ],
)
def test_a_participle_before_its_noun_is_no_verb(text):
    names = [n for n in ("people", "depression", "cholesterol", "appetite") if n in text.lower()]
    found = triples(text, *names)
    assert not {t for t in found if t[1] in ("promotes", "disrupts", "reduces")}


def test_a_participle_after_its_subject_is_a_verb():
    found = triples("Iron raised cholesterol in the trial.", "iron", "cholesterol")
    assert ("Iron", "promotes", "cholesterol", False) in found


def test_an_increased_risk_after_a_verb_is_still_caused():
    found = triples(
        "Iron deficiency causes an increased risk of stroke.", "iron deficiency", "stroke"
    )
    assert ("Iron deficiency", "causes", "stroke", False) in found


@pytest.mark.parametrize("cls", ["neurological symptoms", "psychiatric features"])
def test_signs_named_by_a_class_mention_are_signs_not_kinds(cls):
    text = f"The {cls} of coeliac disease, such as ataxia and fatigue, are common."
    found = triples(text, cls, "coeliac disease", "ataxia", "fatigue")
    assert found >= {
        ("coeliac disease", "hasSymptom", "ataxia", False),
        ("coeliac disease", "hasSymptom", "fatigue", False),
    }
    assert not {t for t in found if t[1] == "isA"}


def test_a_class_mention_of_what_is_no_condition_gives_no_sign():
    text = "Diseases of the brain, such as dementia, are common."
    found = triples(text, "diseases", "brain", "dementia")
    assert not {t for t in found if t[1] == "hasSymptom"}


# ---------------------------------------------------------------- constructions of round 14


def test_each_item_of_a_list_takes_the_first_reading_its_types_fit():
    # a symptom (Phenotype) and a disease in one list: the disease is caused, not a symptom
    text = "Beriberi is known for fatigue, dementia and headaches."
    assert triples(text, "beriberi", "fatigue", "dementia", "headaches") == {
        ("Beriberi", "hasSymptom", "fatigue", False),
        ("Beriberi", "causes", "dementia", False),
        ("Beriberi", "hasSymptom", "headaches", False),
    }
    # a process is not affected the way a condition is not lowered
    assert triples(
        "Vitamin D had no effect on memory or depression.", "vitamin D", "memory", "depression"
    ) == {
        ("Vitamin D", "affects", "memory", True),
        ("Vitamin D", "reduces", "depression", True),
    }


def test_a_possessor_before_the_object_is_no_object():
    assert triples("Caffeine changes people's sleep.", "caffeine", "people", "sleep") == {
        ("Caffeine", "affects", "sleep", False)
    }


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a sign that is a disease of its own is caused by the condition it signals
        (
            "Dementia is a late sign of iron deficiency.",
            ["dementia", "iron deficiency"],
            {("iron deficiency", "causes", "Dementia", False)},
        ),
        # a source of a chemical that is no nutrient contains it
        (
            "Coffee is a major source of caffeine.",
            ["coffee", "caffeine"],
            {("Coffee", "contains", "caffeine", False)},
        ),
        (
            "Headaches were the commonest adverse events of caffeine.",
            ["headaches", "caffeine"],
            {("caffeine", "causes", "Headaches", False)},
        ),
        (
            "Problems that coeliac disease may cause include ataxia, numbness and headaches.",
            ["coeliac disease", "ataxia", "numbness", "headaches"],
            {
                ("coeliac disease", "causes", "ataxia", False),
                ("coeliac disease", "causes", "numbness", False),
                ("coeliac disease", "causes", "headaches", False),
            },
        ),
        (
            "Fatigue fell by a third in the iron supplements group.",
            ["fatigue", "iron supplements"],
            {("iron supplements", "reduces", "Fatigue", False)},
        ),
        (
            "Coffee can give you headaches.",
            ["coffee", "headaches"],
            {("Coffee", "causes", "headaches", False)},
        ),
        (
            "Tea won't give you better memory.",
            ["tea", "memory"],
            {("Tea", "promotes", "memory", True)},
        ),
        # an appositive that names the whole by the part's kind
        (
            "The retina, the thin layer at the back of the eye, holds rods.",
            ["retina", "eye"],
            {("retina", "partOf", "eye", False)},
        ),
        # an appositive that gives a name says no kind
        (
            "Doctors see low zinc, a condition called hypogeusia, in older people.",
            ["low zinc", "hypogeusia"],
            set(),
        ),
        # what people notice while a condition lasts is its sign
        (
            "When iron deficiency sets in, you may notice fatigue and pale skin.",
            ["iron deficiency", "fatigue", "pale skin"],
            {
                ("iron deficiency", "hasSymptom", "fatigue", False),
                ("iron deficiency", "hasSymptom", "pale skin", False),
            },
        ),
        (
            "If you take iron supplements, you may notice fatigue.",
            ["iron supplements", "fatigue"],
            set(),
        ),
        # a role named by a mention of its own
        (
            "Thiamine is best known as a cofactor in oxygen transport.",
            ["thiamine", "cofactor", "oxygen transport"],
            {("Thiamine", "promotes", "oxygen transport", False)},
        ),
        # "X, the Y" that goes on describing Y names X's kind; one that opens a clause not
        (
            "Folate, the vitamin found in leafy greens, matters.",
            ["folate", "vitamin", "leafy greens"],
            {("Folate", "isA", "vitamin", False), ("leafy greens", "sourceOf", "Folate", False)},
        ),
        ("In the brain, the neurons use iron.", ["brain", "neurons"], set()),
        ("Iron, zinc, the B vitamins and copper matter.", ["iron", "zinc", "B vitamins"], set()),
        # "in" a structure says where, not what for
        (
            "Thiamine is the main cofactor in the brain.",
            ["thiamine", "cofactor", "brain"],
            {("Thiamine", "isA", "cofactor", False)},
        ),
        ("The retina gives you sharp memory.", ["retina", "memory"], set()),
        # people made to act are not made: no relation to them
        ("Caffeine made older adults restless.", ["caffeine", "older adults"], set()),
    ],
)
def test_constructions_that_state_a_relation(text, names, expected):
    assert triples(text, *names) == expected


def test_a_list_a_cause_may_bring_on_is_hedged():
    text = "Problems that coeliac disease may cause include ataxia and numbness."
    found = relations(text, "coeliac disease", "ataxia", "numbness")
    assert {c.certainty for c in found} == {Certainty.HEDGED}


def test_more_frequent_attacks_are_a_higher_risk():
    found = relations(
        "Caffeine did not increase the frequency of migraine.", "caffeine", "migraine"
    )
    assert [(c.predicate, c.negated, c.cue.split(":")[0]) for c in found] == [
        ("causes", True, "risk-up")
    ]


def test_a_later_reading_that_admits_anything_takes_no_left_out_item():
    # "reduces" admits any two entities: a list joined across a clause ("migraine, and
    # people") does not make people reduced
    text = "Magnesium may reduce migraine, and people agree."
    assert triples(text, "magnesium", "migraine", "people") == {
        ("Magnesium", "treats", "migraine", False)
    }


def test_a_colon_and_bullets_after_any_cue_words_open_its_object_list(tmp_path):
    document = (
        "Symptoms of iron deficiency include:\n- fatigue and headaches\n- numbness\n\n"
        "The groups at highest risk of iron deficiency are:\n- vegans\n- older adults\n"
    )
    drafted = draft_claims(document, load_known(tmp_path)).candidates
    found = {(c.subject.text, c.predicate, c.object.text) for c in drafted}
    symptoms = {("iron deficiency", "hasSymptom", s) for s in ("fatigue", "headaches", "numbness")}
    at_risk = {(g, "atRiskOf", "iron deficiency") for g in ("vegans", "older adults")}
    assert symptoms | at_risk <= found


def test_is_a_joins_only_a_member_and_a_class_of_one_kind():
    assert triples("Beef is one of the best iron sources.", "beef", "iron") == set()
    assert ("Zinc", "isA", "minerals", False) in triples(
        "Zinc is one of the minerals the brain needs.", "zinc", "minerals", "brain"
    )


def test_what_a_thing_brings_of_a_condition_it_causes():
    assert ("Alcohol", "causes", "headaches", False) in triples(
        "Alcohol brings headaches.", "alcohol", "headaches"
    )


def test_by_inhibiting_after_an_object_is_the_clause_subjects_means():
    found = triples(
        "Zinc may slow dementia by inhibiting homocysteine.", "zinc", "dementia", "homocysteine"
    )
    assert ("Zinc", "reduces", "homocysteine", False) in found
    assert not any(s == "dementia" for s, *_ in found)
    # Opening the clause, the means belongs to a subject named after it.
    opening = triples(
        "So by blocking homocysteine, zinc protects the brain.", "homocysteine", "zinc", "brain"
    )
    assert not any(p == "reduces" for _, p, *_ in opening)


def test_a_level_left_unchanged_is_denied():
    assert ("Zinc", "reduces", "cholesterol", True) in triples(
        "Zinc did not change levels of the stress hormone cholesterol.", "zinc", "cholesterol"
    )


def test_a_role_it_acts_as_is_a_class_unless_it_is_for_something():
    assert ("Zinc", "isA", "cofactor", False) in triples(
        "Zinc acts as a cofactor.", "zinc", "cofactor"
    )
    found = triples("Zinc serves as a cofactor in memory.", "zinc", "cofactor", "memory")
    assert not any(p == "isA" for _, p, *_ in found)


def test_a_bare_plural_class_after_are():
    assert ("Probiotics", "isA", "dietary supplements", False) in triples(
        "Probiotics are dietary supplements.", "probiotics", "dietary supplements"
    )


def test_all_of_which_makes_the_list_before_it_the_subject():
    found = triples(
        "It needs zinc, copper and iron, all of which are needed for memory.",
        *("zinc", "copper", "iron", "memory"),
    )
    assert {(n, "requiredFor", "memory", False) for n in ("zinc", "copper", "iron")} <= found


def test_foods_that_contain_it_listed():
    found = triples(
        "Foods that may contain caffeine include coffee and tea.", "caffeine", "coffee", "tea"
    )
    assert {
        ("coffee", "contains", "caffeine", False),
        ("tea", "contains", "caffeine", False),
    } <= found


def test_fewer_events_of_a_condition_is_a_lower_risk_of_it():
    found = triples(
        "Higher zinc levels were associated with fewer hospital admissions for depression.",
        *("zinc", "depression"),
    )
    assert ("zinc", "prevents", "depression", False) in found
    assert not any(p == "prevents" and o != "depression" for _, p, o, _ in found)


def test_a_group_with_more_of_it_tends_to_score_better():
    assert ("zinc", "promotes", "memory", False) in triples(
        "Older adults with more zinc in their blood tend to score better on tests of memory.",
        *("older adults", "zinc", "blood", "memory"),
    )


def test_an_appositive_class_mention_of_a_food_is_held_by_it():
    found = triples(
        "Resveratrol, the best-known polyphenol of red grapes, is sold widely.",
        *("resveratrol", "polyphenol", "red grapes"),
    )
    assert ("red grapes", "contains", "Resveratrol", False) in found
    assert ("Resveratrol", "isA", "polyphenol", False) in found
    # a class mention in a structure holds nothing: the types say so
    assert not any(
        p in {"contains", "sourceOf"}
        for _, p, *_ in triples(
            "Zinc, a cofactor in the brain, matters.", "zinc", "cofactor", "brain"
        )
    )


def test_foods_that_contain_the_most_of_what_was_named_before():
    assert {("beef", "sourceOf", "Iron", False), ("oysters", "sourceOf", "Iron", False)} <= triples(
        "Iron is stored in the body, and beef and oysters contain the most.",
        *("iron", "beef", "oysters"),
    )


def test_a_comma_ends_the_object_before_a_later_verbs_levels():
    found = triples(
        "Zinc lowered homocysteine, raised blood levels of cholesterol, and protected neurons.",
        *("zinc", "homocysteine", "blood", "cholesterol", "neurons"),
    )
    assert ("Zinc", "reduces", "homocysteine", False) in found


@pytest.mark.parametrize(
    "text",
    ["Alcohol has been linked to delays in memory.", "Alcohol is tied to problems with sleep."],
)
def test_a_link_to_delays_or_problems_in_a_function_impairs_it(text):
    obj = "memory" if "memory" in text else "sleep"
    assert ("Alcohol", "disrupts", obj, False) in triples(text, "alcohol", obj)


def test_a_structure_a_region_noun_names_involved_in_a_function_enables_it():
    assert ("hippocampus", "enables", "memory", False) in triples(
        "The hippocampus, a brain region involved in memory, shrinks with age.",
        *("hippocampus", "brain", "memory"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Coffee does not cause headaches in the way that alcohol does.",
        "Coffee can cause headaches, just as alcohol can.",
    ],
)
def test_a_comparison_after_the_object_says_the_relation_of_what_is_compared(text):
    found = triples(text, "coffee", "headaches", "alcohol")
    assert ("alcohol", "causes", "headaches", False) in found


def test_a_comparison_without_an_auxiliary_names_no_subject():
    found = triples("Coffee causes headaches as alcohol.", "coffee", "headaches", "alcohol")
    assert not any(s == "alcohol" for s, *_ in found)


def test_a_noun_no_mention_names_placed_in_the_mentions_is_the_subject():
    # "Phytates in X and Y reduce Z": the phytates reduce it, not the foods they are in.
    text = "Phytates in nuts and seeds can impair oxygen transport."
    found = triples(text, "nuts", "seeds", "oxygen transport")
    assert not {t for t in found if t[2] == "oxygen transport"}
    assert triples(
        "Nuts and seeds can impair oxygen transport.", "nuts", "seeds", "oxygen transport"
    ) == {
        ("Nuts", "disrupts", "oxygen transport", False),
        ("seeds", "disrupts", "oxygen transport", False),
    }


def test_a_verb_after_a_comma_and_conjunction_ends_the_list_before_it():
    # "raised A and B, and increased C, which ...": the clause is C's alone.
    text = (
        "Magnesium raised zinc and iron, and increased copper, which can impair oxygen transport."
    )
    mentions = mentions_in(text, ["magnesium", "zinc", "iron", "copper", "oxygen transport"])
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY, [mentions[1:4]])
    triples_found = {(c.subject.text, c.predicate, c.object.text) for c in found}
    assert ("copper", "disrupts", "oxygen transport") in triples_found
    assert ("Magnesium", "promotes", "zinc") in triples_found
    assert not {t for t in triples_found if t[2] == "oxygen transport" and t[0] != "copper"}
