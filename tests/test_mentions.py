"""Stage 2 of nnkg ingest: mentions of entities (kg.ingest.mentions).

The sentences are written for these tests; the vocabulary is the packaged catalogue and a
small lexicon of real ontology terms behind the Lexicon interface."""

from __future__ import annotations

import difflib
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.base.files import ontology_dir
from kg.curation.catalogue import SLUG, load_catalogue
from kg.curation.ontology import load_ontology
from kg.ingest.matching import held
from kg.ingest.mentions import HOWS, Vocabulary, find_mentions, list_groups, mentions_of
from kg.ingest.model import Mention, Suggestion, Term
from kg.ingest.names import fold
from kg.ingest.text import sentences
from kg.ingest.vocabulary import extend_reach

SEEN = "test lexicon"


class FakeLexicon:
    """The interface of kg.ingest.lexicon.Lexicon over a handful of terms."""

    def __init__(self, terms: list[Term]) -> None:
        names: dict[str, list[Term]] = {}
        for term in terms:
            for name in (term.label, *term.synonyms):
                found = names.setdefault(fold(name), [])
                if term not in found:
                    found.append(term)
        self.names = {key: tuple(found) for key, found in names.items()}
        self.max_words = max(key.count(" ") + 1 for key in self.names)
        self.reach: dict[str, int] = {}
        for key in self.names:
            extend_reach(self.reach, key)
        self.asked: list[str] = []

    def exact(self, name: str) -> tuple[Term, ...]:
        return self.names.get(fold(name), ())

    def suggest(self, name: str, k: int = 5) -> tuple[Suggestion, ...]:
        self.asked.append(name)
        scored = sorted(
            (
                (round(difflib.SequenceMatcher(None, fold(name), key).ratio(), 4), t.curie, t)
                for key, terms in self.names.items()
                for t in terms
            ),
            key=lambda x: (-x[0], x[1]),
        )
        return tuple(Suggestion(t.curie, t.label, score) for score, _, t in scored[:k])


TERMS = [
    Term("CHEBI:27363", "zinc atom", ("zinc", "Zn"), "Nutrient", SEEN),
    Term("MESH:D015032", "Zinc", (), "Nutrient", SEEN),
    Term("CHEBI:18248", "iron atom", ("iron", "Fe"), "Nutrient", SEEN),
    Term("CHEBI:49575", "diindium trioxide", ("In",), "ChemicalEntity", SEEN),
    Term("CHEBI:30776", "alpha-lipoic acid", ("ALA", "lipoic acid"), "ChemicalEntity", SEEN),
    Term("CHEBI:18405", "pyridoxal", ("vitamin B6",), "Nutrient", SEEN),
    Term("CHEBI:33290", "food", (), "ChemicalEntity", SEEN),
    Term("CHEBI:25016", "lead atom", ("lead",), "ChemicalEntity", SEEN),
    Term("CHEBI:176843", "vitamin B12", ("cobalamin",), "Nutrient", SEEN),
    Term("FOODON:03411222", "fish", (), "Food", SEEN),
    Term("FOODON:00001057", "tofu", (), "Food", SEEN),
    Term("FOODON:03301185", "lentil", ("lentils",), "Food", SEEN),
    Term("HP:0001903", "Anemia", (), "Phenotype", SEEN),
    Term("MONDO:0002280", "anemia", ("anaemia",), "Disease", SEEN),
    Term("MESH:D000740", "Anemia", (), "Disease", SEEN),
    Term("CHEBI:29108", "calcium(2+)", ("calcium",), "Nutrient", SEEN),
    Term("CHEBI:33234", "vitamin E", ("tocopherol",), "Nutrient", SEEN),
    Term("HP:0012378", "Fatigue", ("tiredness",), "Phenotype", SEEN),
    Term("MONDO:0005098", "stroke disorder", ("stroke",), "Disease", SEEN),
    Term("CHEBI:16811", "methionine", (), "Nutrient", SEEN),
    Term("MONDO:0001627", "dementia", (), "Disease", SEEN),
    Term("CHEBI:27568", "selenium atom", ("selenium", "Selen", "selenio"), "Nutrient", SEEN),
    Term("MESH:D012643", "Selenium", ("Selenium-80", "Se(IV)"), "Nutrient", SEEN),
    Term(
        "CHEBI:29073",
        "ascorbic acid",
        (
            "C6H8O6",
            "L-threo-hex-2-enono-1,4-lactone",
            "2,3-didehydro-L-threo-hexono-1,4-lactone",
            "vitamin C",
            "ácido ascórbico",
        ),
        "Nutrient",
        SEEN,
    ),
]


@pytest.fixture(scope="module")
def ontology():
    return load_ontology(ontology_dir())


@pytest.fixture(scope="module")
def catalogue(ontology):
    entities, problems = load_catalogue(ontology_dir() / "entities.yaml", ontology)
    assert not problems
    return entities


@pytest.fixture
def lexicon():
    return FakeLexicon(TERMS)


@pytest.fixture
def vocabulary(catalogue, lexicon, ontology):
    return Vocabulary(catalogue, lexicon, ontology=ontology)


def catalogue_vocabulary(terms) -> Vocabulary:
    """The packaged catalogue over a fake lexicon of ``terms``, as other test modules use it."""
    ontology = load_ontology(ontology_dir())
    entities, problems = load_catalogue(ontology_dir() / "entities.yaml", ontology)
    assert not problems
    return Vocabulary(entities, FakeLexicon(terms), ontology=ontology)


def run(document: str, vocabulary: Vocabulary):
    found = sentences(document)
    mentions, proposed = find_mentions(document, found, vocabulary)
    for m in mentions:
        assert document[m.start : m.end] == m.text
        assert m.how in HOWS
    return mentions, proposed


def top(mentions: list[Mention]) -> list[Mention]:
    """The mentions no longer mention holds."""
    return [
        m
        for m in mentions
        if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
                   for o in mentions)
    ]  # fmt: skip


def spans(document: str, vocabulary: Vocabulary) -> list[tuple[str, str, str]]:
    """The top-level mentions of ``document``: text, entity and how."""
    return [(m.text, m.entity, m.how) for m in top(run(document, vocabulary)[0])]


# ---------------------------------------------------------------- dictionary matching


def test_names_match_folded(vocabulary):
    doc = "Vitamins B-12 and VITAMIN b12 reach nerve-cells; Alzheimer’s disease is not Alzheimers."
    assert spans(doc, vocabulary) == [
        ("Vitamins B-12", "vitamin-b12", "label"),
        ("VITAMIN b12", "vitamin-b12", "label"),
        ("nerve-cells", "neuron", "synonym"),
        ("Alzheimer’s disease", "alzheimers-disease", "synonym"),
        ("Alzheimers", "alzheimers-disease", "synonym"),
    ]


def test_longest_name_wins_and_never_inside_a_word(vocabulary):
    doc = "Myelinated fibres need vitamin B12 deficiency treated; B12’s role is known."
    assert spans(doc, vocabulary) == [
        ("vitamin B12 deficiency", "vitamin-b12-deficiency", "label"),
        ("B12", "vitamin-b12", "synonym"),
    ]


def test_the_names_inside_a_longer_name_are_mentions_too(vocabulary):
    doc = "Vitamin B12 deficiency harms the formation of myelin; vitamin B12 is B12."
    got = [(m.text, m.entity) for m in run(doc, vocabulary)[0]]
    assert got == [
        ("Vitamin B12", "vitamin-b12"),
        ("Vitamin B12 deficiency", "vitamin-b12-deficiency"),
        ("formation of myelin", "myelin-synthesis"),
        ("myelin", "myelin"),
        ("vitamin B12", "vitamin-b12"),  # not again "B12" inside: the same entity
        ("B12", "vitamin-b12"),
    ]


def test_no_name_starts_after_a_bound_prefix(vocabulary):
    assert spans("Anti-anemia diets and non-fish meals exist.", vocabulary) == []


def test_an_x_based_name_is_also_written_without_based(vocabulary):
    doc = "Animal foods and plant-based foods differ; plant foods have fibre."
    assert spans(doc, vocabulary) == [
        ("Animal foods", "animal-based-food", "synonym"),
        ("plant-based foods", "plant-based-food", "label"),
        ("plant foods", "plant-based-food", "synonym"),
    ]


def test_a_name_of_the_graph_wins_over_the_lexicon(vocabulary):
    mentions, proposed = run("Cobalamin keeps nerves healthy.", vocabulary)
    assert (mentions[0].entity, mentions[0].known, mentions[0].how) == (
        "vitamin-b12",
        True,
        "synonym",
    )
    assert proposed == []


def test_function_words_verbs_and_class_words_are_no_mentions(vocabulary):
    # "In" is indium's symbol, "lead" a metal, "food" a ChEBI role: none is meant here.
    assert spans("In short, food choices lead to health.", vocabulary) == []


def test_a_substance_named_like_a_verb_is_a_mention_where_the_words_make_it_a_noun(vocabulary):
    doc = (
        "Poor sleep can lead to fatigue. Exposure to lead is harmful. Foods may contain "
        "lead. Lead levels rose. Lead damages nerves, and it can lead people to tiredness. "
        "Zinc, lead and iron were measured. Iron cuts the amount of lead the gut absorbs."
    )
    leads = [(m.text, m.start) for m in run(doc, vocabulary)[0] if m.text.casefold() == "lead"]
    nouns = [doc.index("to lead") + 3, doc.index("contain lead") + 8]
    nouns += [doc.index(t) for t in ("Lead levels", "Lead damages", "lead and", "lead the gut")]
    assert leads == [(doc[n : n + 4], n) for n in nouns]


def test_without_such_words_a_verbs_name_stays_no_mention(vocabulary):
    doc = "These changes lead to tiredness. They lead busy lives, and want to lead a good life."
    assert not any(entity == "lead" for _, entity, _ in spans(doc, vocabulary))


def _with(*terms: Term) -> FakeLexicon:
    return FakeLexicon([*TERMS, *terms])


def test_a_name_in_ed_before_another_word_is_its_modifier(catalogue, ontology):
    aged = Term("MESH:D000368", "Aged", (), "PopulationGroup", SEEN)
    vocabulary = Vocabulary(catalogue, _with(aged), ontology=ontology)
    doc = "Tofu, aged cheese and fish. People aged 65 differ. The aged need care."
    got = [(m.text, m.start) for m in run(doc, vocabulary)[0] if m.text.casefold() == "aged"]
    assert got == [("aged", doc.rindex("aged"))]


def test_a_british_spelling_finds_the_american_name(catalogue, ontology):
    fiber = Term("MESH:D004043", "Dietary Fiber", (), "Food", SEEN)
    enhancer = Term("MESH:D005421", "Flavor Enhancer", (), "Food", SEEN)
    vocabulary = Vocabulary(catalogue, _with(fiber, enhancer), ontology=ontology)
    got = spans("Dietary fibre and a flavour enhancer.", vocabulary)
    assert [(text, how) for text, _, how in got] == [
        ("Dietary fibre", "lexicon"),
        ("flavour enhancer", "lexicon"),
    ]


def test_a_number_joined_by_a_dash_finds_the_name_spelt_apart(catalogue, ontology):
    gsk = Term("MESH:D038362", "Glycogen Synthase Kinase 3", ("GSK-3",), "ChemicalEntity", SEEN)
    vocabulary = Vocabulary(catalogue, _with(gsk), ontology=ontology)
    got = spans("Lithium inhibits glycogen synthase kinase-3 in neurons.", vocabulary)
    assert ("glycogen synthase kinase-3", "lexicon") in [(text, how) for text, _, how in got]


def test_an_adjective_after_a_verb_of_feeling_mentions_its_nouns_condition(catalogue, ontology):
    confusion = Term("HP:0001289", "Confusion", (), "Phenotype", SEEN)
    vocabulary = Vocabulary(catalogue, _with(confusion), ontology=ontology)
    doc = "They may feel weak and very confused. A confused reader and confused results."
    got = [(m.text, m.entity, m.start) for m in run(doc, vocabulary)[0] if m.text == "confused"]
    assert got == [("confused", "confusion", doc.index("confused"))]


def test_a_list_of_feelings_keeps_its_verb_out(catalogue, ontology):
    confusion = Term("HP:0001289", "Confusion", (), "Phenotype", SEEN)
    vocabulary = Vocabulary(catalogue, _with(confusion), ontology=ontology)
    got = spans("People with scurvy may feel tired, weak or confused.", vocabulary)
    assert [text for text, _, _ in got][-2:] == ["tired", "confused"]


def test_an_acronym_matches_in_its_own_case(vocabulary):
    got = spans("ALA is an antioxidant; an ala of the nose is not.", vocabulary)
    assert got == [("ALA", "alpha-lipoic-acid", "lexicon")]


# ---------------------------------------------------------------- proposals


def test_a_lexicon_term_becomes_one_proposed_entity(vocabulary):
    doc = "Zinc supports the body. Oysters are rich in zinc, and Zn is also in nuts."
    mentions, proposed = run(doc, vocabulary)
    assert [(m.text, m.entity, m.known, m.how) for m in mentions] == [
        ("Zinc", "zinc", False, "lexicon"),
        ("zinc", "zinc", False, "lexicon"),
        ("Zn", "zinc", False, "lexicon"),
    ]
    (zinc,) = proposed
    assert (zinc.id, zinc.label, zinc.type) == ("zinc", "zinc", "Nutrient")
    assert SLUG.match(zinc.id)
    assert zinc.xrefs == (
        ("CHEBI:27363", "close", SEEN),
        ("MESH:D015032", "exact", SEEN),
    )
    assert "zinc atom" in zinc.synonyms and "Zn" in zinc.synonyms
    assert zinc.suggestions == ()


def test_names_one_ontology_labels_apart_stay_two_entities(catalogue, ontology):
    # MONDO lists "thiamine deficiency" as a synonym of beriberi; MeSH has a heading for
    # each, so a claim between them ("thiamine deficiency causes beriberi") is no self-loop.
    terms = [
        Term("MONDO:0006676", "beriberi", ("thiamine deficiency",), "DeficiencyState", SEEN),
        Term("MESH:D001602", "Beriberi", (), "DeficiencyState", SEEN),
        Term("MESH:D013832", "Thiamine Deficiency", (), "DeficiencyState", SEEN),
    ]
    vocabulary = Vocabulary(catalogue, FakeLexicon(terms), ontology=ontology)
    mentions, proposed = run("Thiamine deficiency causes beriberi.", vocabulary)
    assert [(m.text, m.entity) for m in mentions] == [
        ("Thiamine deficiency", "thiamine-deficiency"),
        ("beriberi", "beriberi"),
    ]
    assert [(p.id, p.synonyms, p.xrefs) for p in proposed] == [
        (
            "thiamine-deficiency",
            (),  # not "beriberi": a name names one entity
            (("MESH:D013832", "exact", SEEN), ("MONDO:0006676", "close", SEEN)),
        ),
        ("beriberi", (), (("MESH:D001602", "exact", SEEN), ("MONDO:0006676", "exact", SEEN))),
    ]
    mentions, proposed = run("Beriberi follows a thiamine deficiency.", vocabulary)
    assert [m.entity for m in mentions] == ["beriberi", "thiamine-deficiency"]
    assert [p.synonyms for p in proposed] == [(), ()]


def test_a_proposal_lists_only_english_looking_names_of_its_exact_terms(vocabulary):
    doc = "Selenium and ascorbic acid are antioxidants."
    _, proposed = run(doc, vocabulary)
    synonyms = {p.id: p.synonyms for p in proposed}
    # "Selen" and "selenio" are names of the close term only; an isotope and a formula
    # say nothing to a reader of health texts
    assert synonyms["selenium"] == ("selenium atom",)
    assert synonyms["ascorbic-acid"] == ("vitamin C",)


def test_an_anaphor_is_never_a_name_of_its_antecedent(vocabulary):
    doc = "Selenium protects cells. This mineral is found in nuts, and it helps the thyroid."
    mentions, proposed = run(doc, vocabulary)
    assert [(m.text, m.entity) for m in mentions] == [
        ("Selenium", "selenium"),
        ("This mineral", "selenium"),
        ("it", "selenium"),
    ]
    (selenium,) = proposed
    assert selenium.synonyms == ("selenium atom",)


def test_the_kind_most_label_terms_give_is_the_types_kind(catalogue, ontology):
    terms = [
        Term("FOODON:00000001", "quince", (), "Food", SEEN),
        Term("MESH:D000001", "Quinces", (), "Food", SEEN),
        *(
            Term(f"CHEBI:{n}", f"quince {n}", ("quince",), "ChemicalEntity", SEEN)
            for n in (1, 2, 3)
        ),
    ]
    vocabulary = Vocabulary(catalogue, FakeLexicon(terms), ontology=ontology)
    (quince,) = run("Quince is tart.", vocabulary)[1]
    assert quince.type == "Food"
    assert [c for c, _, _ in quince.xrefs] == ["FOODON:00000001", "MESH:D000001"]


def test_of_one_kind_the_class_more_relations_admit_is_the_type(vocabulary):
    # MONDO and MeSH call anemia a disease, HP a phenotype: a phenotype is all a disease is
    # to a relation, and a sign of something too ("anemia is a sign of B12 deficiency").
    (anemia,) = run("Anemia makes people tired.", vocabulary)[1]
    assert anemia.type == "Phenotype"
    assert anemia.xrefs == (  # the disease terms are of the same kind, so close matches
        ("HP:0001903", "exact", SEEN),
        ("MESH:D000740", "close", SEEN),
        ("MONDO:0002280", "close", SEEN),
    )


def test_a_proposal_never_reuses_a_name_or_an_id_of_the_graph(catalogue, lexicon, ontology):
    terms = [Term("CHEBI:1", "myelin basic thing", ("nerve",), "ChemicalEntity", SEEN)]
    entities = dict(catalogue)
    vocabulary = Vocabulary(entities, FakeLexicon(terms), ontology=ontology)
    (thing,) = run("The myelin basic thing is odd.", vocabulary)[1]
    assert "nerve" not in thing.synonyms
    clash = Term("CHEBI:2", "Myelin", ("myelin x",), "ChemicalEntity", SEEN)
    vocabulary = Vocabulary(entities, FakeLexicon([clash]), ontology=ontology)
    (x,) = run("The myelin x is odd.", vocabulary)[1]
    assert x.id == "myelin-x" and x.label == "myelin x"


def test_a_noun_phrase_with_a_class_head_is_proposed_with_suggestions(vocabulary, lexicon):
    doc = "Severe copper deficiency harms nerves. Copper deficiency is rare."
    mentions, proposed = run(doc, vocabulary)
    assert [(m.text, m.entity, m.how, m.type) for m in mentions][0::2] == [
        ("copper deficiency", "copper-deficiency", "suggested", "DeficiencyState"),
        ("Copper deficiency", "copper-deficiency", "suggested", "DeficiencyState"),
    ]
    (copper,) = proposed
    assert copper.xrefs == () and copper.suggestions
    assert lexicon.asked == ["copper deficiency"]


def test_only_the_proposals_kept_ask_the_lexicon_for_suggestions(vocabulary, lexicon):
    doc = "Copper deficiency and cobalt deficiency harm nerves. Cobalt deficiency is rare."
    found = mentions_of(doc, sentences(doc), vocabulary)
    assert lexicon.asked == []  # nothing asked while finding the mentions
    cobalt = next(m.entity for m in found.mentions if m.text == "cobalt deficiency")
    kept = found.entities(keep={cobalt})
    assert lexicon.asked == ["cobalt deficiency"]
    everything = run(doc, vocabulary)[1]
    assert [e.suggestions for e in kept] == [
        e.suggestions if e.id == cobalt else () for e in everything
    ]
    assert [replace(e, suggestions=()) for e in kept] == [
        replace(e, suggestions=()) for e in everything
    ]


def test_the_lists_found_with_the_mentions_are_each_sentences_list_groups(vocabulary):
    doc = "Meat, fish and eggs hold zinc. Iron and vitamin B12 help. Zinc is a mineral."
    found = sentences(doc)
    mentioned = mentions_of(doc, found, vocabulary)
    assert len(mentioned.lists) == len(found)
    assert mentioned.lists == [list_groups(mentioned.mentions, s) for s in found]
    assert [len(lists) for lists in mentioned.lists] == [1, 1, 0]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 12)), max_size=12))
def test_held_spans_are_those_another_span_holds(pairs):
    spans = [(start, start + length) for start, length in pairs]
    assert held(spans) == {
        s for s in spans if any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)
    }


def test_a_noun_phrase_absorbs_the_mention_it_starts_with(vocabulary):
    doc = "Calcium deficiency and zinc supplements are common."
    got = spans(doc, vocabulary)
    assert got == [
        ("Calcium deficiency", "calcium-deficiency", "suggested"),
        ("zinc supplements", "zinc-supplements", "suggested"),
    ]


@pytest.mark.parametrize(
    ("doc", "phrase", "cls"),
    [
        ("Zinc did not reduce anemia severity.", "anemia severity", "Phenotype"),
        ("Some report memory lapses.", "memory lapses", "Phenotype"),
        ("Zinc slowed disability progression.", "disability progression", "Phenotype"),
        ("Potassium lowers arterial pressure.", "arterial pressure", "PhysiologicalFunction"),
        ("Zinc steadies the cardiac rhythm.", "cardiac rhythm", "PhysiologicalFunction"),
        ("Zinc dampens the stress response.", "stress response", "PhysiologicalFunction"),
    ],
)
def test_severity_lapses_and_bodily_measures_are_class_heads(vocabulary, doc, phrase, cls):
    mentions, _ = run(doc, vocabulary)
    assert (phrase, "suggested", cls) in [(m.text, m.how, m.type) for m in mentions]


@pytest.mark.parametrize(
    "doc", ["Severity varies.", "Neurological symptoms such as numbness follow."]
)
def test_a_bare_head_or_a_class_of_symptoms_names_nothing(vocabulary, doc):
    assert [m for m in run(doc, vocabulary)[0] if m.how == "suggested"] == []


def test_too_little_of_a_nutrient_is_its_deficiency(vocabulary):
    doc = (
        "Too little vitamin B12 harms nerves. Low cobalamin levels are common, and a lack "
        "of zinc slows healing. Without enough iron, people tire."
    )
    assert spans(doc, vocabulary) == [
        ("Too little vitamin B12", "vitamin-b12-deficiency", "synonym"),
        ("nerves", "nerve", "label"),
        ("Low cobalamin levels", "vitamin-b12-deficiency", "synonym"),
        ("lack of zinc", "zinc-deficiency", "suggested"),
        ("Without enough iron", "iron-deficiency", "suggested"),
    ]
    assert [p.label for p in run(doc, vocabulary)[1] if p.type == "DeficiencyState"] == [
        "zinc deficiency",
        "iron deficiency",
    ]
    # "lack of zinc" describes the deficiency, it is no name of it
    assert all(not p.synonyms for p in run(doc, vocabulary)[1] if p.type == "DeficiencyState")


def test_a_bare_deficiency_is_that_of_the_nutrient_last_named(vocabulary):
    doc = (
        "Vegans may lack zinc and vitamin B12. Deficiency harms nerves. Signs of deficiency "
        "vary, and a vitamin deficiency or a deficiency of iron is another matter."
    )
    assert [(m.text, m.entity, m.how) for m in top(run(doc, vocabulary)[0])] == [
        ("Vegans", "vegans", "label"),
        ("zinc", "zinc", "lexicon"),
        ("vitamin B12", "vitamin-b12", "label"),
        ("Deficiency", "vitamin-b12-deficiency", "anaphora"),
        ("nerves", "nerve", "label"),
        ("deficiency", "vitamin-b12-deficiency", "anaphora"),
        ("deficiency of iron", "iron-deficiency", "suggested"),
    ]


def test_low_of_a_chemical_that_is_no_nutrient_is_no_deficiency(vocabulary):
    assert spans("Low homocysteine is good.", vocabulary) == [
        ("homocysteine", "homocysteine", "label")
    ]


def test_a_thing_named_after_its_class_is_proposed(vocabulary):
    doc = "A lack of thiamine causes a disease called beriberi."
    mentions, proposed = run(doc, vocabulary)
    assert ("beriberi", "suggested", "Disease") in [(m.text, m.how, m.type) for m in mentions]
    assert [p.id for p in proposed] == ["beriberi"]


def test_entities_a_sibling_draft_proposed_are_reused(catalogue, lexicon, ontology):
    record = {
        "id": "selenium",
        "label": "selenium",
        "synonyms": ["Se"],
        "type": "Nutrient",
        "xrefs": [{"curie": "CHEBI:27568", "match": "exact", "seen_in": SEEN}],
        "status": "candidate",
    }
    vocabulary = Vocabulary(catalogue, lexicon, proposed={"selenium": record}, ontology=ontology)
    mentions, proposed = run("Selenium and Se protect cells.", vocabulary)
    assert [(m.entity, m.known, m.how) for m in mentions] == [
        ("selenium", False, "label"),
        ("selenium", False, "synonym"),
    ]
    assert [(p.id, p.xrefs) for p in proposed] == [("selenium", (("CHEBI:27568", "exact", SEEN),))]


# ---------------------------------------------------------------- names the text gives


def test_also_known_as_makes_an_alias_for_the_rest_of_the_text(vocabulary):
    doc = (
        "Vitamin E, also known as alpha-tocotrienol mix, protects cells. "
        "Alpha-tocotrienol mix is sold widely."
    )
    mentions, proposed = run(doc, vocabulary)
    assert [(m.text, m.entity, m.how) for m in mentions] == [
        ("Vitamin E", "vitamin-e", "lexicon"),
        ("alpha-tocotrienol mix", "vitamin-e", "alias"),
        ("Alpha-tocotrienol mix", "vitamin-e", "alias"),
    ]
    assert "alpha-tocotrienol mix" in proposed[0].synonyms


def test_an_alias_of_a_known_entity_keeps_the_known_id(vocabulary):
    doc = "Dopamine, also called the reward chemical, lifts mood. The reward chemical fades."
    assert spans(doc, vocabulary) == [
        ("Dopamine", "dopamine", "label"),
        ("reward chemical", "dopamine", "alias"),
        ("mood", "mood", "label"),
        ("reward chemical", "dopamine", "alias"),
    ]


def test_an_abbreviation_in_parentheses(vocabulary):
    doc = "Homocysteine (Hcy) rises with age. High Hcy harms vessels, but HCY is no match."
    got = spans(doc, vocabulary)
    assert got == [
        ("Homocysteine", "homocysteine", "label"),
        ("Hcy", "homocysteine", "abbreviation"),
        ("Hcy", "homocysteine", "abbreviation"),
    ]


def test_a_parenthesis_that_abbreviates_nothing_is_no_alias(vocabulary):
    got = spans("Homocysteine (XQ) and myelin (10 mg) differ.", vocabulary)
    assert [how for _, _, how in got] == ["label", "label"]


def test_two_names_of_one_term_give_one_proposal(vocabulary):
    doc = "Tocopherol (vitamin E) protects fats. Zn and zinc are one."
    mentions, proposed = run(doc, vocabulary)
    assert [(m.text, m.entity) for m in mentions] == [
        ("Tocopherol", "tocopherol"),
        ("vitamin E", "tocopherol"),
        ("Zn", "zinc-atom"),  # a symbol is labelled by its term's label
        ("zinc", "zinc-atom"),
    ]
    assert [p.id for p in proposed] == ["tocopherol", "zinc-atom"]
    assert "vitamin E" in proposed[0].synonyms


def test_a_name_in_parentheses_becomes_a_name_of_a_known_entity(catalogue, ontology):
    cyano = Term("CHEBI:17439", "cyanocobalamin", (), "Nutrient", SEEN)
    vocabulary = Vocabulary(catalogue, FakeLexicon([cyano]), ontology=ontology)
    doc = "Vitamin B12 (cyanocobalamin) is made by bacteria. Cyanocobalamin is stable."
    mentions, proposed = run(doc, vocabulary)
    assert [(m.text, m.entity, m.known, m.how) for m in mentions] == [
        ("Vitamin B12", "vitamin-b12", True, "label"),
        ("cyanocobalamin", "vitamin-b12", True, "alias"),
        ("Cyanocobalamin", "vitamin-b12", True, "alias"),
    ]
    assert proposed == []


def test_or_between_commas_is_an_alias_but_not_in_a_list(vocabulary):
    doc = "Pyridoxal, or pyridoxine form, helps. Eat meat, fish, or soy chunks, daily."
    got = spans(doc, vocabulary)
    assert ("pyridoxine form", "pyridoxal", "alias") in got
    # "soy chunks" is no other name of fish: an item of the list, a food of its own
    assert [(e, how) for text, e, how in got if text == "soy chunks"] == [
        ("soy-chunks", "suggested")
    ]


# ---------------------------------------------------------------- anaphora


def test_this_vitamin_points_at_the_last_nutrient(vocabulary):
    doc = "Vitamin B12 is a water-soluble vitamin. This essential vitamin protects myelin."
    got = spans(doc, vocabulary)
    assert ("This essential vitamin", "vitamin-b12", "anaphora") in got


def test_class_anaphors_point_at_the_most_recent_compatible_mention(vocabulary):
    doc = (
        "Myelin loss follows demyelination. This condition is treatable. "
        "Vitamin B12 deficiency is common in vegans; the deficiency is easy to miss. "
        "Multiple sclerosis brings numbness and tingling. These symptoms fade. "
        "This disorder is lifelong."
    )
    got = [(t, e) for t, e, how in spans(doc, vocabulary) if how == "anaphora"]
    assert got == [
        ("This condition", "demyelination"),
        ("the deficiency", "vitamin-b12-deficiency"),
        ("These symptoms", "numbness"),
        ("These symptoms", "tingling"),
        ("This disorder", "multiple-sclerosis"),  # a disease before any other condition
    ]


def test_a_plural_anaphor_points_at_the_whole_list(vocabulary):
    doc = "Meat, fish, dairy products, and eggs contain B12. These foods are animal-based."
    got = [(t, e) for t, e, how in spans(doc, vocabulary) if how == "anaphora"]
    assert got == [("These foods", e) for e in ("dairy-product", "egg", "fish", "meat")]


def test_an_anaphor_may_go_by_the_head_of_an_earlier_name(vocabulary):
    doc = (
        "The methylation process needs B12 and serves mood. This process slows with age. "
        "Nerve health matters; this health is fragile."
    )
    got = [(t, e) for t, e, how in spans(doc, vocabulary) if how == "anaphora"]
    assert got == [("This process", "methylation"), ("this health", "nerve-health")]


def test_a_head_naming_a_class_entity_points_at_its_members(vocabulary):
    doc = "Serotonin and dopamine carry signals. These neurotransmitters shape mood."
    mentions, _ = run(doc, vocabulary)
    got = [(m.text, m.entity, m.how) for m in mentions if "These" in m.text]
    assert got == [
        ("These neurotransmitters", "dopamine", "anaphora"),
        ("These neurotransmitters", "serotonin", "anaphora"),
    ]
    assert ("neurotransmitters", "neurotransmitter") in [(m.text, m.entity) for m in mentions]


def test_the_with_a_description_is_no_anaphor(vocabulary):
    doc = "Multiple sclerosis is feared. The disease of old age is not always MS."
    assert [how for _, _, how in spans(doc, vocabulary)] == ["label", "synonym"]


def test_no_antecedent_no_anaphor(vocabulary):
    assert spans("This vitamin is popular.", vocabulary) == []


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Vitamin B12 is stored in the liver. It is needed for myelin.", ["vitamin-b12"]),
        ("Dementia worsens slowly, and it is common in old age.", ["dementia"]),
        ("In short, cobalamin is a vitamin; it keeps nerves healthy.", ["vitamin-b12"]),
        ("Vitamin B12 matters. Its absence harms nerves.", ["vitamin-b12"]),
        ("Vitamin B12 matters. It is vital for vegans to take it.", []),
        ("Vitamin B12 matters. It’s wise to check levels.", []),
        ("Vitamin B12 matters. When it comes to nerves, act.", []),
        ("Vegans eat plants. It is easy.", []),
        ("Low levels are common. It is a problem.", []),
    ],
)
def test_it_is_resolved_only_when_safe(vocabulary, doc, expected):
    got = [e for t, e, how in spans(doc, vocabulary) if how == "anaphora"]
    assert got == expected


# ---------------------------------------------------------------- lists


def groups_of(doc: str, vocabulary: Vocabulary, ontology) -> list[list[str]]:
    (sentence,) = sentences(doc)
    mentions, _ = find_mentions(doc, [sentence], vocabulary)
    return [[m.text for m in g] for g in list_groups(mentions, sentence, ontology)]


def test_a_coordinated_list_is_one_group(vocabulary, ontology):
    doc = "Sources include meat, fish, dairy products, and eggs, as well as tofu."
    assert groups_of(doc, vocabulary, ontology) == [
        ["meat", "fish", "dairy products", "eggs", "tofu"]
    ]


def test_lists_end_at_other_words_and_at_a_change_of_kind(vocabulary, ontology):
    doc = "In dementia, vitamin B12 and zinc matter; numbness or tingling follow in nerves."
    assert groups_of(doc, vocabulary, ontology) == [
        ["vitamin B12", "zinc"],
        ["numbness", "tingling"],
    ]


def test_a_joined_list_ends_where_another_conjunction_adds_another_kind(vocabulary, ontology):
    doc = "Zinc is in meat and fish, and anemia is rare without it."
    assert groups_of(doc, vocabulary, ontology) == [["meat", "fish"]]
    doc = "Sources are meat and fish, and tofu."  # one kind: still one list
    assert groups_of(doc, vocabulary, ontology) == [["meat", "fish", "tofu"]]


def test_bare_commas_make_no_list(vocabulary, ontology):
    assert groups_of("Meat, fish, eggs.", vocabulary, ontology) == []


def test_an_anaphor_pointing_at_a_list_is_one_group(vocabulary, ontology):
    doc = "Meat and fish help. These foods contain zinc."
    found = sentences(doc)
    mentions, _ = find_mentions(doc, found, vocabulary)
    groups = list_groups(mentions, found[1], ontology)
    assert [[(m.text, m.entity) for m in g] for g in groups] == [
        [("These foods", "fish"), ("These foods", "meat")]
    ]


# ---------------------------------------------------------------- noun phrases

#: Real lexicon terms for the noun-phrase rules, kept apart so the tests above see TERMS only.
PHRASE_TERMS = [
    Term("MESH:D000069956", "Chocolate", (), "Food", SEEN),
    Term("FOODON:00003816", "vegetable", ("vegetables",), "Food", SEEN),
    Term("HP:0002076", "Migraine", ("migraine",), "Phenotype", SEEN),
    Term("MONDO:0015404", "rapidly involuting congenital hemangioma", ("rich",), "Disease", SEEN),
    Term("MONDO:0021137", "not rare", ("common",), "Disease", SEEN),
    Term("UBERON:0000955", "brain", ("the brain",), "AnatomicalStructure", SEEN),
    Term("HP:0100507", "folate deficiency", (), "Phenotype", SEEN),
    Term("CHEBI:67011", "folates", ("folate",), "Nutrient", SEEN),
]


@pytest.fixture
def phrases(catalogue, ontology):
    return Vocabulary(catalogue, FakeLexicon(TERMS + PHRASE_TERMS), ontology=ontology)


def test_a_mention_covers_the_naming_modifiers_of_its_noun_phrase(phrases):
    doc = "Dark chocolate and leafy green vegetables are foods. Eat fortified tofu."
    mentions, proposed = run(doc, phrases)
    assert [(m.text, m.entity) for m in top(mentions)] == [
        ("Dark chocolate", "chocolate"),
        ("leafy green vegetables", "vegetable"),
        ("fortified tofu", "tofu"),
    ]
    # the phrase is a kind of its head's entity, never one of its names
    assert all("dark" not in fold(name) for p in proposed for name in (p.label, *p.synonyms))


def test_modifiers_stop_at_verbs_grading_words_and_capitals(phrases):
    doc = (
        "Zinc can harm nerves. It damaged nerves, which surround vegetables. Severe anemia "
        "follows. Eating fish helps, and Tokyo tofu sells."
    )
    texts = [m.text for m in top(run(doc, phrases)[0]) if m.how != "anaphora"]
    assert texts == ["Zinc", "nerves", "nerves", "vegetables", "anemia", "fish", "tofu"]


def test_an_episode_of_a_condition_is_a_mention_of_it(phrases):
    doc = "Magnesium may reduce migraine attacks."
    assert spans(doc, phrases)[-1] == ("migraine attacks", "migraine", "lexicon")


def test_a_process_of_a_mentioned_thing_is_proposed_not_the_thing(phrases, lexicon):
    doc = "Zinc helps nerve transmission, and rapid growth follows."
    mentions, proposed = run(doc, phrases)
    assert [(m.text, m.entity, m.type, m.how) for m in top(mentions)][1:] == [
        ("nerve transmission", "nerve-transmission", "BiologicalProcess", "suggested")
    ]
    (process,) = [p for p in proposed if p.id == "nerve-transmission"]
    assert process.xrefs == () and process.suggestions


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("Zinc may slow nerve excitability.", "nerve excitability"),
        ("Zinc may change nerve signal speed.", "nerve signal speed"),
    ],
)
def test_how_fast_or_readily_a_function_acts_is_a_process_of_the_mention(phrases, doc, expected):
    mentions, _ = run(doc, phrases)
    assert [m.text for m in top(mentions)][1:] == [expected]


def test_a_compound_with_a_product_head_is_a_proposed_food(phrases):
    doc = "Studies suggest that zinc supplements and zinc tablets help."
    mentions, _ = run(doc, phrases)
    assert [(m.text, m.type, m.how) for m in top(mentions)] == [
        ("zinc supplements", "Food", "suggested"),
        ("zinc tablets", "Food", "suggested"),
    ]


#: Real lexicon terms for the compound rules: a body part, a condition, a food, a process.
COMPOUND_TERMS = [
    Term("MESH:D009120", "Muscle Cramp", ("cramps",), "Phenotype", SEEN),
    Term("HP:0002018", "Nausea", ("nausea",), "Phenotype", SEEN),
    Term("HP:0002076", "Migraine", ("migraine",), "Phenotype", SEEN),
    Term("UBERON:0000945", "stomach", (), "AnatomicalStructure", SEEN),
    Term("UBERON:0002107", "liver", (), "AnatomicalStructure", SEEN),
    Term("MESH:D009132", "Muscles", ("muscle",), "AnatomicalStructure", SEEN),
    Term("FOODON:00001041", "beef food product", ("beef",), "Food", SEEN),
    Term("MESH:D012890", "Sleep", ("sleep",), "PhysiologicalFunction", SEEN),
    Term("MESH:D008568", "Memory", ("memory",), "PhysiologicalFunction", SEEN),
    Term("MESH:D008274", "Magnesium", ("magnesium",), "Nutrient", SEEN),
]


@pytest.fixture
def compounds(catalogue, ontology):
    return Vocabulary(catalogue, FakeLexicon(TERMS + COMPOUND_TERMS), ontology=ontology)


def test_a_comparative_is_no_naming_modifier(compounds):
    doc = "Zinc led to poorer sleep, fewer cramps and slower memory decline."
    texts = [m.text for m in top(run(doc, compounds)[0])]
    assert texts == ["Zinc", "sleep", "cramps", "memory decline"]


def test_a_body_part_before_a_condition_makes_a_kind_of_the_condition(compounds):
    doc = "Magnesium eases stomach cramps and migraine-associated nausea."
    assert spans(doc, compounds)[1:] == [
        ("stomach cramps", "cramps", "lexicon"),
        ("migraine-associated nausea", "nausea", "lexicon"),
    ]
    inner = [m.text for m in run(doc, compounds)[0] if m.text in ("stomach", "migraine")]
    assert inner == ["stomach", "migraine"]  # the mentions inside stay


def test_a_food_before_a_condition_makes_a_kind_of_the_condition(compounds):
    doc = "Beef nausea is rare. After beef, nausea is rare."
    assert [t for t in spans(doc, compounds) if t[2] != "anaphora"] == [
        ("Beef nausea", "nausea", "lexicon"),
        ("beef", "beef", "lexicon"),
        ("nausea", "nausea", "lexicon"),
    ]


def test_a_function_said_to_fail_is_a_proposed_phenotype(compounds):
    doc = "Zinc may cause poor sleep and impaired memory, but poorer sleep is common."
    found = [(m.text, m.type, m.how) for m in top(run(doc, compounds)[0])][1:]
    assert found == [
        ("poor sleep", "Phenotype", "suggested"),
        ("impaired memory", "Phenotype", "suggested"),
        ("sleep", "PhysiologicalFunction", "lexicon"),
    ]
    assert [m for m in run("Poor people eat tofu.", compounds)[0] if m.how == "suggested"] == []


def test_an_animal_food_before_an_organ_is_a_food(compounds):
    doc = "Beef liver is rich in zinc, and the liver stores it."
    found = [(m.text, m.type, m.how) for m in top(run(doc, compounds)[0])]
    assert found[0] == ("Beef liver", "Food", "suggested")
    assert ("liver", "AnatomicalStructure", "lexicon") in found


def test_a_process_head_after_a_mention_names_a_function(compounds):
    doc = "Magnesium supports muscle control, muscle tone and enzyme reactions."
    assert [(m.text, m.how) for m in top(run(doc, compounds)[0])][1:3] == [
        ("muscle control", "suggested"),
        ("muscle tone", "suggested"),
    ]


def test_supplementation_of_a_nutrient_is_a_proposed_supplement_of_it(compounds):
    doc = "Magnesium supplementation reduced cramps, as did plain supplementation."
    mentions, proposed = run(doc, compounds)
    assert [(m.text, m.entity, m.type) for m in top(mentions)] == [
        ("Magnesium supplementation", "magnesium-supplement", "Food"),
        ("cramps", "cramps", "Phenotype"),
        ("supplementation", "dietary-supplement", "Food"),
    ]
    (supplement,) = [p for p in proposed if p.id == "magnesium-supplement"]
    assert supplement.label == "magnesium supplement"


def test_people_with_a_condition_are_a_population(phrases):
    doc = "Adults with anemia and heavy drinkers tire."
    assert [(m.text, m.entity, m.type, m.how) for m in top(run(doc, phrases)[0])] == [
        ("Adults with anemia", "adults-with-anemia", "PopulationGroup", "suggested"),
        ("heavy drinkers", "heavy-drinkers", "PopulationGroup", "suggested"),
    ]


def test_a_bare_adjective_or_an_article_of_the_lexicon_is_no_part_of_a_mention(phrases):
    doc = "Liver is rich in zinc, and anemia is common in the brain."
    mentions, proposed = run(doc, phrases)
    assert [m.text for m in top(mentions)] == ["zinc", "anemia", "brain"]
    assert "the-brain" not in {p.id for p in proposed}


def test_too_much_of_a_nutrient_is_its_excess(phrases):
    doc = "Too much zinc causes anemia. Excess iron harms nerves."
    assert [(m.text, m.entity, m.type) for m in top(run(doc, phrases)[0])][0::2] == [
        ("Too much zinc", "zinc-excess", "Condition"),
        ("Excess iron", "iron-excess", "Condition"),
    ]


def test_a_diet_low_in_a_nutrient_is_its_deficiency(phrases):
    assert spans("A diet very low in zinc harms nerves.", phrases)[0] == (
        "A diet very low in zinc",
        "zinc-deficiency",
        "suggested",
    )


def test_a_lexicon_name_is_read_as_the_class_of_its_head(phrases):
    doc = "A lack of folate causes anemia. Folate deficiency is common."
    mentions, proposed = run(doc, phrases)
    states = [(m.text, m.entity, m.type) for m in mentions if m.type == "DeficiencyState"]
    assert states == [
        ("lack of folate", "folate-deficiency", "DeficiencyState"),
        ("Folate deficiency", "folate-deficiency", "DeficiencyState"),
    ]
    (state,) = [p for p in proposed if p.id == "folate-deficiency"]
    assert state.xrefs == (("HP:0100507", "close", SEEN),)  # a phenotype term, not the state


@pytest.mark.parametrize(
    "doc, item",
    [
        ("Zinc is found in fish, lentils, asparagus and tofu.", "asparagus"),
        ("Good sources include asparagus, fish, lentils and tofu.", "asparagus"),
        ("Seaweed, fish, lentils, and tofu are sources of zinc.", "Seaweed"),
        ("Zinc is found in fish, lentils and wild rice.", "wild rice"),
    ],
)
def test_an_unknown_item_of_a_list_is_a_mention_of_its_siblings_class(phrases, ontology, doc, item):
    mentions, proposed = run(doc, phrases)
    (m,) = [m for m in mentions if m.text == item]
    assert (m.type, m.how) == ("Food", "suggested")
    assert any(item in group for group in groups_of(doc, phrases, ontology))
    assert next(p for p in proposed if p.id == m.entity).suggestions


@pytest.mark.parametrize(
    "doc",
    [
        "Today, fish and tofu help.",  # two items: no list to complete
        "Today, fish, lentils and tofu help.",  # a word that opens the sentence
        "It helps fish, tofu, and protection against stroke.",  # the head of a longer phrase
        "Zinc is in fish, tofu and other foods.",  # a function word: no plain item
    ],
)
def test_words_that_are_no_list_item_stay_no_mention(phrases, doc):
    known = {"zinc", "fish", "tofu", "lentils", "stroke", "nerves"}
    assert {m.text.casefold() for m in top(run(doc, phrases)[0])} <= known


#: Real lexicon terms for the process and class rules.
PROCESS_TERMS = [
    Term("MESH:D004247", "DNA", (), "ChemicalEntity", SEEN),
    Term("CHEBI:15355", "acetylcholine", (), "ChemicalEntity", SEEN),
    Term("CHEBI:33569", "noradrenaline", (), "ChemicalEntity", SEEN),
    Term("CHEBI:26739", "sphingolipid", ("sphingolipids",), "ChemicalEntity", SEEN),
    Term("GO:0071897", "DNA biosynthetic process", ("DNA synthesis",), "BiologicalProcess", SEEN),
    Term("UBERON:0000955", "brain", (), "AnatomicalStructure", SEEN),
    Term("CHEBI:22586", "antioxidant", (), "ChemicalEntity", SEEN),
    Term("CHEBI:46662", "mineral", (), "ChemicalEntity", SEEN),
    Term("FOODON:00003816", "vegetable", ("vegetables",), "Food", SEEN),
]


@pytest.fixture
def processes(catalogue, ontology):
    return Vocabulary(catalogue, FakeLexicon(TERMS + PROCESS_TERMS), ontology=ontology)


@pytest.mark.parametrize(
    "doc, text, entity, how",
    [
        ("Folate is needed to make DNA.", "make DNA", "dna-synthesis", "lexicon"),
        ("Zinc is vital for making DNA.", "making DNA", "dna-synthesis", "lexicon"),
        (
            "Choline is used to make acetylcholine.",
            "make acetylcholine",
            "acetylcholine-synthesis",
            "suggested",
        ),
        (
            "Nerve cells need zinc to turn dopamine into noradrenaline.",
            "turn dopamine into noradrenaline",
            "noradrenaline-synthesis",
            "suggested",
        ),
        ("Zinc is needed to absorb iron.", "absorb iron", "iron-absorption", "suggested"),
        (
            "Zinc affects the synthesis of sphingolipids.",
            "synthesis of sphingolipids",
            "sphingolipid-synthesis",
            "suggested",
        ),
        (
            "Zinc supports the development of the brain.",
            "development of the brain",
            "brain-development",
            "suggested",
        ),
        (
            "Lead can disturb the migration of nerve cells.",
            "migration of nerve cells",
            "neuron-migration",
            "suggested",
        ),
    ],
)
def test_a_process_done_to_a_substance_is_a_mention_of_the_process(
    processes, doc, text, entity, how
):
    mentions, proposed = run(doc, processes)
    (m,) = [m for m in mentions if m.text == text]
    assert (m.entity, m.type, m.how) == (entity, "BiologicalProcess", how)
    assert m.entity in {p.id for p in proposed}


@pytest.mark.parametrize(
    "doc",
    [
        "Zinc helps build strong nerves.",  # no chemical: the verb stays a verb
        "The liver makes DNA.",  # a statement that something makes it, no purpose
        "Zinc is needed for the synthesis.",  # of nothing named
    ],
)
def test_no_process_without_a_purpose_verb_and_a_substance(processes, doc):
    assert all(m.type != "BiologicalProcess" for m in run(doc, processes)[0])


#: Body parts for the quality and difficulty rules.
BODY_TERMS = [
    Term("UBERON:0002107", "liver", (), "AnatomicalStructure", SEEN),
    Term("UBERON:0001705", "nail", ("nails",), "AnatomicalStructure", SEEN),
    Term("UBERON:0002097", "skin", (), "AnatomicalStructure", SEEN),
    Term("UBERON:0001088", "urine", (), "AnatomicalStructure", SEEN),
]


@pytest.fixture
def bodies(catalogue, ontology):
    return Vocabulary(catalogue, FakeLexicon(TERMS + BODY_TERMS), ontology=ontology)


@pytest.mark.parametrize(
    "doc, found",
    [
        (
            "Low calcium can make nails brittle and skin dry.",
            [("make nails brittle", "brittle-nails"), ("skin dry", "dry-skin")],
        ),
        (
            "Zinc turned the urine bright yellow.",
            [("turned the urine bright yellow", "yellow-urine")],
        ),
        (
            "It may turn your skin a little orange.",
            [("turn your skin a little orange", "orange-skin")],
        ),
        (
            "Some report trouble concentrating.",
            [("trouble concentrating", "trouble-concentrating")],
        ),
        (
            "It may cause difficulty passing urine.",
            [("difficulty passing urine", "difficulty-passing-urine")],
        ),
    ],
)
def test_a_quality_or_a_difficulty_a_verb_phrase_names_is_a_phenotype(bodies, doc, found):
    mentions, proposed = run(doc, bodies)
    assert [(m.text, m.entity) for m in top(mentions) if m.type == "Phenotype"] == found
    assert all(m.entity in {p.id for p in proposed} for m in top(mentions)
               if m.type == "Phenotype" and not m.known)  # fmt: skip


@pytest.mark.parametrize(
    "doc",
    [
        "It makes the skin cells grow.",  # no quality after the body part
        "Zinc makes the liver work harder.",  # a verb the body part does
        "She had trouble during pregnancy.",  # no gerund after the difficulty
    ],
)
def test_no_phenotype_without_a_quality_or_a_gerund(bodies, doc):
    assert all(m.type != "Phenotype" for m in run(doc, bodies)[0])


def test_a_chemical_class_word_after_a_or_an_names_the_class(processes):
    doc = "Zinc is an essential mineral. Vitamin E is an antioxidant. The mineral matters."
    found = [(m.text, m.entity) for m in top(run(doc, processes)[0]) if m.how != "anaphora"]
    assert found == [
        ("Zinc", "zinc"),
        ("mineral", "mineral"),
        ("Vitamin E", "vitamin-e"),
        ("antioxidant", "antioxidant"),
    ]


@pytest.mark.parametrize(
    "doc, text, label",
    [
        (
            "Vegans and people who avoid dairy products are at risk.",
            "people who avoid dairy products",
            "people who avoid dairy products",
        ),
        (
            "Vegans and those who do not eat fish are at risk.",
            "those who do not eat fish",
            "people who do not eat fish",
        ),
        ("It turns up in those who drink heavily.", "those who drink heavily",
         "people who drink heavily"),
        (
            "Anemia is common in people with very restricted diets, and in vegans.",
            "people with very restricted diets",
            "people with very restricted diets",
        ),
        ("Women who are pregnant need zinc.", "Women who are pregnant", "women who are pregnant"),
    ],
)  # fmt: skip
def test_people_a_relative_clause_or_a_diet_sets_apart_are_a_population(phrases, doc, text, label):
    mentions, proposed = run(doc, phrases)
    (m,) = [m for m in top(mentions) if m.type == "PopulationGroup" and m.how == "suggested"]
    assert m.text == text
    assert next(p for p in proposed if p.id == m.entity).label == label


@pytest.mark.parametrize(
    "doc, items",
    [
        ("Zinc is added to fortified foods and to supplements.",
         ["fortified foods", "supplements"]),
        ("It is common in fish and in tofu.", ["fish", "tofu"]),
        ("It is required for myelin and for normal nerve function.", ["myelin", "nerve function"]),
    ],
)  # fmt: skip
def test_a_list_may_repeat_the_preposition_before_its_items(vocabulary, ontology, doc, items):
    assert items in groups_of(doc, vocabulary, ontology)


def test_a_repeated_preposition_joins_only_the_same_preposition(vocabulary, ontology):
    assert groups_of("Zinc is found in fish and for tofu.", vocabulary, ontology) == []


@pytest.fixture
def falls(catalogue, ontology):
    """The phrase vocabulary with a condition that is also a verb."""
    terms = [*TERMS, *PHRASE_TERMS, Term("HP:0002527", "Falls", ("fall",), "Phenotype", SEEN)]
    return Vocabulary(catalogue, FakeLexicon(terms), ontology=ontology)


@pytest.mark.parametrize(
    "doc, texts",
    [
        ("Excess zinc damages the brain.", ["Excess zinc", "brain"]),
        ("Folate deficiency slowly damages your brain.", ["Folate deficiency", "brain"]),
        ("Iron deficiency damages nerves.", ["Iron deficiency", "nerves"]),
        ("This damages the brain.", ["brain"]),
        ("After fish they fall asleep later.", ["fish"]),
        ("Some can fall asleep after tofu.", ["tofu"]),
        ("Tofu helps people fall asleep.", ["Tofu"]),
    ],
)  # fmt: skip
def test_a_noun_that_is_also_a_verb_is_a_verb_before_its_object(falls, doc, texts):
    assert [m.text for m in top(run(doc, falls)[0])] == texts


@pytest.mark.parametrize(
    "doc, texts",
    [
        ("Brain damage is lasting.", ["Brain damage"]),
        ("Nerve damage and falls follow iron deficiency.",
         ["Nerve damage", "falls", "iron deficiency"]),
        ("Falls in older adults are common.", ["Falls"]),
        ("Zinc deficiency leads to falls.", ["Zinc deficiency", "falls"]),
    ],
)  # fmt: skip
def test_the_same_word_is_a_noun_after_a_determiner_or_before_a_verb(falls, doc, texts):
    assert [m.text for m in top(run(doc, falls)[0])] == texts


@pytest.mark.parametrize(
    "doc, texts",
    [
        ("When blood calcium falls too low, nerves misfire.", ["calcium falls too low", "nerves"]),
        ("If zinc levels drop below normal, taste fades.", ["zinc levels drop below normal"]),
        ("Zinc is too low in tofu.", ["Zinc", "tofu"]),  # an amount, no state
    ],
)  # fmt: skip
def test_a_nutrient_said_to_fall_too_low_is_its_deficiency(falls, doc, texts):
    mentions = top(run(doc, falls)[0])
    assert [m.text for m in mentions] == texts
    assert all(m.entity.endswith("-deficiency") for m in mentions if " " in m.text)


# ---------------------------------------------------------------- the whole document


def test_same_input_same_output(vocabulary):
    doc = "Zinc (Zn) and iron help. This mineral matters; copper deficiency is rare."
    assert run(doc, vocabulary) == run(doc, vocabulary)


def test_no_lexicon_still_finds_the_graphs_names(catalogue, ontology):
    vocabulary = Vocabulary(catalogue, ontology=ontology)
    assert spans("Zinc and myelin.", vocabulary) == [("myelin", "myelin", "label")]


# ---------------------------------------------------------------- the packaged sources


def curated_spans(source) -> set[tuple[int, int, str]]:
    """Every span of a curated claim's quote that names its subject or object."""
    found = set()
    for claim in source.claims:
        for text, entity in (
            (claim.subject_text, claim.subject),
            (claim.object_text, claim.object),
        ):
            at = claim.start + claim.quote.find(text)
            found.add((at, at + len(text), entity))
    return found


def coverage(source, vocabulary: Vocabulary) -> tuple[int, int]:
    """How many curated mention spans a mention of the same entity overlaps, of all."""
    mentions, _ = run(source.document, vocabulary)
    gold = curated_spans(source)
    hit = sum(
        any(m.entity == e and m.start < end and start < m.end for m in mentions)
        for start, end, e in gold
    )
    return hit, len(gold)


@pytest.fixture(scope="module")
def corpus():
    from kg.curation.corpus import curate

    report = curate()
    assert not report.problems
    return report.corpus


@pytest.mark.parametrize("source_id", ["b12-electrical-nerve-balance", "nih-ods-b12-factsheet"])
def test_mentions_cover_most_curated_spans(corpus, ontology, source_id, capsys):
    from kg.ingest.lexicon import Lexicon

    source = next(s for s in corpus.sources if s.id == source_id)
    vocabulary = Vocabulary(corpus.entities, Lexicon.load(), ontology=ontology)
    hit, total = coverage(source, vocabulary)
    with capsys.disabled():
        print(f"\n{source_id}: mentions cover {hit}/{total} curated spans ({hit / total:.2f})")
    assert hit / total >= 0.75  # a floor that catches a regression, not a target


# ---------------------------------------------------------------- hyphens, diets, states after


def test_a_grading_word_hyphenated_to_a_modifier_stays_in_the_phrase(phrases):
    doc = "Skip high-dose zinc pills, since a low-iron diet is worse than a high zinc diet."
    texts = [m.text for m in top(run(doc, phrases)[0])]
    assert texts == ["high-dose zinc pills", "low-iron diet", "zinc diet"]


def test_a_named_diet_is_a_proposed_food_but_a_graded_owned_or_rich_one_is_not(phrases):
    doc = "A ketogenic diet helps, but a healthy diet, your diet and a zinc-rich diet matter."
    mentions, proposed = run(doc, phrases)
    assert [(m.text, m.type, m.how) for m in top(mentions)] == [
        ("ketogenic diet", "Food", "suggested"),
        ("zinc", "Nutrient", "lexicon"),  # a diet rich in zinc is about zinc
    ]
    assert [p.label for p in proposed if "diet" in p.label] == ["ketogenic diet"]


def test_a_nutrient_with_an_excess_head_after_it_is_its_excess(phrases):
    doc = "Zinc excess harms nerves, and iron toxicity follows. Zinc, in excess, harms nerves."
    states = [(m.text, m.entity, m.type) for m in top(run(doc, phrases)[0])
              if m.type == "Condition"]  # fmt: skip
    assert states == [
        ("Zinc excess", "zinc-excess", "Condition"),
        ("iron toxicity", "iron-toxicity", "Condition"),
    ]


def test_a_receptor_head_names_a_chemical_but_a_bare_one_nothing(phrases):
    found = [(m.text, m.type) for m in top(run("Zinc blocks iron receptors.", phrases)[0])
             if m.how == "suggested"]  # fmt: skip
    assert found == [("iron receptors", "ChemicalEntity")]
    assert [m for m in run("Receptors matter.", phrases)[0] if m.how == "suggested"] == []


def test_the_taking_of_a_food_is_a_mention_of_the_food(phrases):
    doc = "Fish consumption helps, but tofu drinking is odd and drinking is not."
    found = [(m.text, m.entity) for m in top(run(doc, phrases)[0])]
    assert found[:2] == [("Fish consumption", "fish"), ("tofu drinking", "tofu")]


def test_withdrawal_from_a_chemical_is_a_proposed_disease(phrases):
    doc = "Zinc withdrawal is rare. Withdrawal is hard."
    found = [(m.text, m.type) for m in top(run(doc, phrases)[0]) if m.how == "suggested"]
    assert found == [("Zinc withdrawal", "Disease")]


# ---------------------------------------------------------------- organs eaten as food

ORGAN_TERMS = [
    Term("UBERON:0002107", "liver", (), "AnatomicalStructure", SEEN),
    Term("MESH:D008099", "Liver", (), "AnatomicalStructure", SEEN),
    Term("FOODON:02010045", "animal liver", ("liver",), "Food", SEEN),
    Term("FOODON:03411222", "fish", (), "Food", SEEN),
    Term("FOODON:00001274", "egg food product", ("eggs",), "Food", SEEN),
    Term("CHEBI:67011", "folates", ("folate",), "Nutrient", SEEN),
]


@pytest.fixture
def organs(catalogue, ontology):
    return Vocabulary(catalogue, FakeLexicon(ORGAN_TERMS), ontology=ontology)


@pytest.mark.parametrize(
    "doc",
    [
        "Liver is also rich in folate.",  # a bare subject before its verb
        "You will find folate in liver, eggs and fish.",  # in a list of foods
        "Fish and liver supply folate.",
    ],
)
def test_a_bare_organ_name_beside_foods_or_opening_a_sentence_is_the_food(organs, doc):
    mentions, proposed = run(doc, organs)
    (liver,) = [m for m in mentions if m.text.casefold() == "liver"]
    assert (liver.entity, liver.type) == ("animal-liver", "Food")
    food = next(p for p in proposed if p.id == "animal-liver")
    assert food.label == "animal liver"  # as FoodOn labels it: the organ is "liver"
    assert food.xrefs == (("FOODON:02010045", "close", SEEN),)


@pytest.mark.parametrize(
    "doc",
    [
        "The liver stores folate.",  # one body's organ
        "Too much may damage your liver, and fish is safer.",
        "Livers store folate.",  # a plural is a count of organs, not the food
        "Liver disease is common.",
    ],
)
def test_an_organ_with_a_determiner_or_in_a_compound_stays_the_organ(organs, doc):
    mentions, _ = run(doc, organs)
    assert {m.type for m in mentions if m.text.casefold() in ("liver", "livers")} == {
        "AnatomicalStructure"
    }


def test_the_food_and_the_organ_of_one_text_are_two_entities(organs):
    doc = "Liver is rich in folate. Too much folate never harms the liver."
    mentions, proposed = run(doc, organs)
    assert [(m.text, m.entity) for m in mentions if "iver" in m.text] == [
        ("Liver", "animal-liver"),
        ("liver", "liver"),
    ]
    labels = {p.id: (p.label, p.synonyms) for p in proposed}
    assert labels["animal-liver"][0] == "animal liver" and labels["liver"][0] == "liver"
    assert "liver" not in {s.casefold() for s in labels["animal-liver"][1]}
