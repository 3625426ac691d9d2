"""Stage 3 of ``nnkg ingest`` (kg.ingest.relations): constructions of health writing that
relate two named things without the cue words the older tests cover — a participle without
its copula, a quantity before a group, an object left out, an aside, a belief reported —
on sentences written for these tests."""

from __future__ import annotations

import pytest
from test_relations import mentions_in

from kg.base.files import ontology_dir
from kg.curation.ontology import load_ontology
from kg.ingest.model import Sentence
from kg.ingest.relations import find_relations
from kg.ingest.toplevel import top_level

ONTOLOGY = load_ontology(ontology_dir())
TYPES = {
    "ALA": "ChemicalEntity",
    "nausea and vomiting": "Phenotype",
    "nausea": "Phenotype",
    "vomiting": "Phenotype",
    "painful neuropathy": "Disease",
    "neuropathy": "Disease",
    "people with diabetes": "PopulationGroup",
    "diabetes": "Disease",
    "Young children": "PopulationGroup",
    "iodine deficiency": "DeficiencyState",
    "Nitrous oxide": "ChemicalEntity",
    "vitamin B12": "Nutrient",
    "Bananas": "Food",
    "magnesium": "Nutrient",
    "potassium": "Nutrient",
    "potatoes": "Food",
    "beans": "Food",
    "myelin": "CellularComponent",
    "nerve fibres": "AnatomicalStructure",
    "macula": "AnatomicalStructure",
    "retina": "AnatomicalStructure",
    "noradrenaline": "ChemicalEntity",
    "chemical messenger": "ChemicalEntity",
    "alertness": "PhysiologicalFunction",
    "gut": "AnatomicalStructure",
    "glutamate": "Nutrient",
    "fuel": "ChemicalEntity",
    "Sweet cherries": "Food",
    "melatonin": "ChemicalEntity",
    "gluten ataxia": "Phenotype",
    "peripheral neuropathy": "Disease",
    "numbness": "Phenotype",
    "tingling": "Phenotype",
    "selenoproteins": "ChemicalEntity",
    "enzymes": "ChemicalEntity",
    "people with low calcium": "PopulationGroup",
    "low calcium": "DeficiencyState",
    "memory lapses": "Phenotype",
    "gums": "AnatomicalStructure",
    "people with scurvy": "PopulationGroup",
    "scurvy": "DeficiencyState",
    "irritable": "Phenotype",
    "Biotin": "Nutrient",
    "myelin synthesis": "BiologicalProcess",
    "energy production": "BiologicalProcess",
    "folate": "Nutrient",
    "copper": "Nutrient",
    "vitamin E": "Nutrient",
    "healthy nerve function": "PhysiologicalFunction",
    "low mood": "Phenotype",
    "diet": "Food",
    "constipation": "Phenotype",
    "cholesterol": "ChemicalEntity",
    "homocysteine": "ChemicalEntity",
    "vitamin B6": "Nutrient",
    "make serotonin": "BiologicalProcess",
    "dehydration": "Phenotype",
    "body weight": "Phenotype",
    "headaches": "Phenotype",
    "Iron deficiency": "DeficiencyState",
    "fatigue": "Phenotype",
    "carrots": "Food",
    "eyes": "AnatomicalStructure",
    "deficiency": "DeficiencyState",
    "depression": "Disease",
    "Patients on metformin": "PopulationGroup",
    "metformin": "ChemicalEntity",
    "vitamin B12 deficiency": "DeficiencyState",
    "Alcohol": "ChemicalEntity",
    "Lutein": "ChemicalEntity",
    "macular degeneration": "Disease",
    "nerves": "AnatomicalStructure",
    "Pernicious anemia": "Disease",
    "absorption of vitamin B12": "BiologicalProcess",
    "people": "PopulationGroup",
    "high-protein diet": "Food",
    "MSG": "ChemicalEntity",
    "Curcumin": "ChemicalEntity",
    "turmeric": "Food",
    "Omega-3 fats": "Nutrient",
    "oily fish": "Food",
    "people with more vitamin D": "PopulationGroup",
    "vitamin D": "Nutrient",
    "dementia": "Disease",
    "Wernicke encephalopathy": "Disease",
    "brain disorder": "Disease",
    "confusion": "Phenotype",
    "Pellagra": "DeficiencyState",
    "dermatitis": "Phenotype",
    "Scurvy": "DeficiencyState",
    "people who smoke": "PopulationGroup",
    "Vitamin B6 deficiency": "DeficiencyState",
    "people with kidney failure": "PopulationGroup",
    "a daily supplement": "Food",
    "iodine": "Nutrient",
    "vitamin B12 tablets": "Food",
    "nerve damage": "Phenotype",
    "Piperine": "ChemicalEntity",
    "alkaloid": "ChemicalEntity",
    "black pepper": "Food",
    "curcumin absorption": "BiologicalProcess",
    "Sailors": "PopulationGroup",
    "Vitamin K": "Nutrient",
    "significant association": "PhysiologicalFunction",
    "Caffeine": "ChemicalEntity",
    "attention": "PhysiologicalFunction",
    "Sleep loss": "Phenotype",
    "memory": "PhysiologicalFunction",
    "Zinc": "Nutrient",
    "Fatigue": "Phenotype",
    "iron supplements": "Food",
    "A lack of biotin": "DeficiencyState",
    "make nails brittle": "Phenotype",
    "dry skin": "Phenotype",
}


def triples(
    text: str, *names: str, lists: tuple[tuple[str, ...], ...] = ()
) -> set[tuple[str, str, str, bool]]:
    """The relations of ``text`` between a mention of each name (first occurrence), the
    names of each of ``lists`` a coordinated list."""
    mentions = sorted(mentions_in(text, list(names), types=TYPES))
    groups = [[m for m in mentions if m.text in listed] for listed in lists]
    found = find_relations(Sentence(0, len(text), text), mentions, ONTOLOGY, groups)
    return {(c.subject.text, c.predicate, c.object.text, c.negated) for c in found}


# ---------------------------------------------------------------- the mentions a relation joins


def test_a_name_that_coordinates_two_mentions_stands_for_both():
    text = "ALA commonly caused nausea and vomiting."
    names = ["ALA", "nausea and vomiting", "nausea", "vomiting"]
    top, lists = top_level(Sentence(0, len(text), text), mentions_in(text, names, types=TYPES))
    assert [m.text for m in top] == ["ALA", "nausea", "vomiting"]
    assert [[m.text for m in group] for group in lists] == [["nausea", "vomiting"]]
    assert triples(text, *names) == {
        ("ALA", "causes", "nausea", False),
        ("ALA", "causes", "vomiting", False),
    }


def test_a_noun_of_statistical_relation_is_the_cues_not_a_mention():
    text = "Vitamin K intake showed no significant association with dementia."
    names = ["Vitamin K", "significant association", "dementia"]
    top, _ = top_level(Sentence(0, len(text), text), mentions_in(text, names, types=TYPES))
    assert [m.text for m in top] == ["Vitamin K", "dementia"]
    assert triples(text, *names) == {("Vitamin K", "linkedTo", "dementia", True)}


# ---------------------------------------------------------------- cue words


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # relief given for a condition treats it
        ("ALA may offer short-term relief in painful neuropathy.", ["ALA", "painful neuropathy"],
         {("ALA", "treats", "painful neuropathy", False)}),
        # a condition that affects a share of a group, or hits it, puts it at risk
        ("Neuropathy affects up to half of people with diabetes.",
         ["neuropathy", "people with diabetes"],
         {("people with diabetes", "atRiskOf", "Neuropathy", False)}),
        ("Young children are hit hardest by iodine deficiency.",
         ["Young children", "iodine deficiency"],
         {("Young children", "atRiskOf", "iodine deficiency", False)}),
        ("Nitrous oxide inactivates vitamin B12.", ["Nitrous oxide", "vitamin B12"],
         {("Nitrous oxide", "reduces", "vitamin B12", False)}),
        # what a food brings is had from it
        ("Bananas bring magnesium and potassium.", ["Bananas", "magnesium", "potassium"],
         {("Bananas", "sourceOf", "magnesium", False),
          ("Bananas", "sourceOf", "potassium", False)}),
        # the whole named after the part's kind
        ("Vitamin B12 repairs myelin, the fatty coating around nerve fibres.",
         ["myelin", "nerve fibres"], {("myelin", "partOf", "nerve fibres", False)}),
        ("Lutein collects in the macula, the small spot at the centre of your retina.",
         ["macula", "retina"], {("macula", "partOf", "retina", False)}),
        # a participle without its copula, after the appositive it is said of
        ("It makes noradrenaline, a chemical messenger involved in alertness.",
         ["noradrenaline", "chemical messenger", "alertness"],
         {("noradrenaline", "isA", "chemical messenger", False),
          ("noradrenaline", "promotes", "alertness", False)}),
        # "uses X in" says where X is, no purpose
        ("The gut uses glutamate in food as fuel.", ["gut", "glutamate", "fuel"], set()),
        # a comparison with another food is no source
        ("Sweet cherries contain much less melatonin.", ["Sweet cherries", "melatonin"], set()),
        # a bare plural appositive that a relative clause describes
        ("Selenium builds selenoproteins, enzymes that protect cells.",
         ["selenoproteins", "enzymes"], {("selenoproteins", "isA", "enzymes", False)}),
        ("Lutein may protect the eyes against macular degeneration.",
         ["Lutein", "eyes", "macular degeneration"],
         {("Lutein", "prevents", "macular degeneration", False)}),
        ("Alcohol is toxic to nerves.", ["Alcohol", "nerves"],
         {("Alcohol", "damages", "nerves", False)}),
        # a process prevented is disrupted
        ("Pernicious anemia prevents the absorption of vitamin B12.",
         ["Pernicious anemia", "absorption of vitamin B12"],
         {("Pernicious anemia", "disrupts", "absorption of vitamin B12", False)}),
        # what people got after an exposure, the exposure caused; or did not
        ("Some people developed headaches after a high-protein diet.",
         ["people", "headaches", "high-protein diet"],
         {("high-protein diet", "causes", "headaches", False)}),
        ("People sensitive to it did not get more headaches after MSG than after a placebo.",
         ["headaches", "MSG"], {("MSG", "causes", "headaches", True)}),
        # what a food holds, named in an appositive or a participle's aside
        ("Curcumin, the active compound in turmeric, calms inflammation.",
         ["Curcumin", "turmeric"], {("turmeric", "contains", "Curcumin", False)}),
        ("Omega-3 fats, found in oily fish, may help the brain.", ["Omega-3 fats", "oily fish"],
         {("oily fish", "sourceOf", "Omega-3 fats", False)}),
        # an adverb on the participle, a set noun before the signs
        ("Wernicke encephalopathy, an acute brain disorder classically defined by a triad of "
         "confusion.", ["Wernicke encephalopathy", "brain disorder", "confusion"],
         {("Wernicke encephalopathy", "isA", "brain disorder", False),
          ("Wernicke encephalopathy", "hasSymptom", "confusion", False)}),
        ("Pellagra is typically characterised by dermatitis.", ["Pellagra", "dermatitis"],
         {("Pellagra", "hasSymptom", "dermatitis", False)}),
        # where a condition turns up, or can occur though rare, is whom it threatens
        ("Today scurvy turns up mainly in people who smoke.", ["Scurvy", "people who smoke"],
         {("people who smoke", "atRiskOf", "scurvy", False)}),
        ("Vitamin B6 deficiency is rare but can occur in people with kidney failure.",
         ["Vitamin B6 deficiency", "people with kidney failure"],
         {("people with kidney failure", "atRiskOf", "Vitamin B6 deficiency", False)}),
        # a participle that only tells which indefinite thing is meant states nothing
        ("Doctors advise a daily supplement containing iodine.",
         ["a daily supplement", "iodine"], set()),
        # a measure of the object after the cue words is the object's ("performance on
        # tests of"), and no subject of "improved ... on" ("did not improve scores on")
        ("Caffeine improved performance on tests of attention.", ["Caffeine", "attention"],
         {("Caffeine", "promotes", "attention", False)}),
        ("Sleep loss worsens performance on tests of memory.", ["Sleep loss", "memory"],
         {("Sleep loss", "disrupts", "memory", False)}),
        ("Zinc did not improve scores in memory.", ["Zinc", "memory"],
         {("Zinc", "promotes", "memory", True)}),
        ("Fatigue improved with iron supplements.", ["Fatigue", "iron supplements"],
         {("iron supplements", "treats", "Fatigue", False)}),
        # a sign named by the verb that brings it about follows its modal: caused; a verb
        # between the modal and the object is no such sign
        ("A lack of biotin can make nails brittle.", ["A lack of biotin", "make nails brittle"],
         {("A lack of biotin", "causes", "make nails brittle", False)}),
        ("A lack of biotin can hide dry skin.", ["A lack of biotin", "dry skin"], set()),
        # a group of people runs a risk; what it had does the rest
        ("People with more vitamin D had a lower risk of dementia.",
         ["people with more vitamin D", "vitamin D", "dementia"], set()),
    ],
)  # fmt: skip
def test_cue_words_of_health_writing(text, names, expected):
    assert triples(text, *names, lists=(("magnesium", "potassium"),)) == expected


def test_a_dash_glosses_a_condition_by_its_signs_on_its_own_line():
    text = "gluten ataxia\n- peripheral neuropathy – numbness or tingling"
    names = ["gluten ataxia", "peripheral neuropathy", "numbness", "tingling"]
    lists = (("gluten ataxia", "peripheral neuropathy"), ("numbness", "tingling"))
    # the line's relation is of its own item, not of the other lines' items of its list
    assert triples(text, *names, lists=lists) == {
        ("peripheral neuropathy", "hasSymptom", "numbness", False),
        ("peripheral neuropathy", "hasSymptom", "tingling", False),
    }


# ---------------------------------------------------------------- subjects and objects


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a quantifier alone as a second verb's subject picks out some of the first's, and
        # an adjective the group feels may come before the sign
        ("Many people with low calcium feel drained, and some report memory lapses.",
         ["people with low calcium", "low calcium", "memory lapses"],
         {("low calcium", "hasSymptom", "memory lapses", False)}),
        ("Long before the gums bleed, people with scurvy often feel exhausted and irritable, "
         "and many describe low mood.",
         ["gums", "people with scurvy", "scurvy", "irritable", "low mood"],
         {("scurvy", "hasSymptom", "irritable", False),
          ("scurvy", "hasSymptom", "low mood", False)}),
        # the object a comparison leaves out is the earlier clause's
        ("Bananas are the famous source of potassium, but potatoes and beans contain even "
         "more per serving.",
         ["Bananas", "potassium", "potatoes", "beans"],
         {("Bananas", "sourceOf", "potassium", False),
          ("potatoes", "sourceOf", "potassium", False),
          ("beans", "sourceOf", "potassium", False)}),
        # a relative clause the template opens with is said of the mention before it
        ("Bananas are a source of vitamin B6, which the body uses to make serotonin.",
         ["Bananas", "vitamin B6", "make serotonin"],
         {("Bananas", "sourceOf", "vitamin B6", False),
          ("vitamin B6", "requiredFor", "make serotonin", False)}),
        # a participle's aside, closed by a comma, stands between subject and verb
        ("Even mild dehydration, losing 2% of your body weight as fluid, can cause headaches.",
         ["dehydration", "body weight", "headaches"],
         {("dehydration", "causes", "headaches", False)}),
        ("Iron deficiency, however, can cause fatigue.", ["Iron deficiency", "fatigue"],
         {("Iron deficiency", "causes", "fatigue", False)}),
        # the object of a clause of time with a pronoun subject is no subject of the verb
        # after it; the noun before the clause is
        ("Taking vitamin B12 tablets while you keep using nitrous oxide does not prevent "
         "nerve damage.", ["vitamin B12 tablets", "Nitrous oxide", "nerve damage"],
         {("vitamin B12 tablets", "prevents", "nerve damage", True)}),
        # the head of an appositive's phrase renames the mention before it; the food it is
        # from holds it
        ("Piperine, an alkaloid from black pepper, increases curcumin absorption.",
         ["Piperine", "alkaloid", "black pepper", "curcumin absorption"],
         {("Piperine", "isA", "alkaloid", False),
          ("black pepper", "contains", "Piperine", False),
          ("Piperine", "promotes", "curcumin absorption", False)}),
        # what a group named by its intake went on to have, the intake caused
        ("Patients on metformin developed vitamin B12 deficiency.",
         ["Patients on metformin", "metformin", "vitamin B12 deficiency", "vitamin B12"],
         {("metformin", "causes", "vitamin B12 deficiency", False),
          ("vitamin B12 deficiency", "deficiencyOf", "vitamin B12", False)}),
    ],
)  # fmt: skip
def test_subjects_and_objects_farther_away(text, names, expected):
    assert triples(text, *names, lists=(("potatoes", "beans"), ("irritable", "low mood"))) == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a participle after "and" whose noun goes on to a verb is an adjective...
        ("The diet caused constipation, and raised cholesterol was seen in one child.",
         ["diet", "constipation", "cholesterol"], {("diet", "causes", "constipation", False)}),
        # ...but a second verb where no verb follows its object
        ("The diet lowered homocysteine and raised cholesterol.",
         ["diet", "homocysteine", "cholesterol"],
         {("diet", "reduces", "homocysteine", False), ("diet", "promotes", "cholesterol", False)}),
        # what a group developed once is an event, no standing risk
        ("Sailors once developed scurvy on long voyages.", ["Sailors", "Scurvy"], set()),
        # a gerund of undoing makes its object no subject
        ("Whether correcting a deficiency improves depression is not known.",
         ["deficiency", "depression"], set()),
        # a belief reported of lay people is no claim of the text; an expert's word is
        ("You've probably heard that carrots are good for your eyes, but kale is better.",
         ["carrots", "eyes"], set()),
        ("Experts say that carrots are good for your eyes.", ["carrots", "eyes"],
         {("carrots", "promotes", "eyes", False)}),
    ],
)  # fmt: skip
def test_words_that_state_no_relation(text, names, expected):
    assert triples(text, *names) == expected


@pytest.mark.parametrize(
    ("text", "names", "lists", "expected"),
    [
        # what a thing does to the agents of a process it does to the process; the agents,
        # picked out by the participle, promote nothing themselves
        ("Biotin activates enzymes involved in myelin synthesis.",
         ["Biotin", "enzymes", "myelin synthesis"], (),
         {("Biotin", "promotes", "myelin synthesis", False)}),
        ("Biotin blocks enzymes needed for energy production.",
         ["Biotin", "enzymes", "energy production"], (),
         {("Biotin", "disrupts", "energy production", False),
          ("Biotin", "reduces", "enzymes", False)}),
        # a list's need stated after it, in a relative clause of its own
        ("It takes folate, copper and vitamin E, all of which are needed for healthy nerve"
         " function.",
         ["folate", "copper", "vitamin E", "healthy nerve function"],
         (("folate", "copper", "vitamin E"),),
         {(n, "requiredFor", "healthy nerve function", False)
          for n in ("folate", "copper", "vitamin E")}),
    ],
)  # fmt: skip
def test_relations_through_an_intermediate(text, names, lists, expected):
    assert triples(text, *names, lists=lists) == expected


# ---------------------------------------------------------------- a trial's adverse events


@pytest.mark.parametrize(
    ("text", "names", "lists", "expected"),
    [
        # more frequent with what a group took than with placebo: it causes them
        ("Adverse events were mild; nausea and vomiting were more frequent with ALA than "
         "with placebo.", ["nausea", "vomiting", "ALA"], (("nausea", "vomiting"),),
         {("ALA", "causes", "nausea", False), ("ALA", "causes", "vomiting", False)}),
        # the most common of its adverse events, a list
        ("Adverse events of curcumin were mild; the most common were constipation and "
         "headaches.", ["Curcumin", "constipation", "headaches"], (("constipation", "headaches"),),
         {("curcumin", "causes", "constipation", False),
          ("curcumin", "causes", "headaches", False)}),
        # well tolerated, the most common complaint named after the semicolon
        ("Zinc was generally well tolerated; nausea was the most common adverse effect.",
         ["Zinc", "nausea"], (), {("Zinc", "causes", "nausea", False)}),
        # what a thing's side effects include it causes; side effects said to be rare name none
        ("Side effects of zinc include nausea and headaches.", ["Zinc", "nausea", "headaches"],
         (("nausea", "headaches"),),
         {("zinc", "causes", "nausea", False), ("zinc", "causes", "headaches", False)}),
        ("Side effects of zinc were rare.", ["Zinc"], (), set()),
        # more often in one arm than in the other
        ("Headaches occurred more often in the caffeine group than in the other group.",
         ["headaches", "Caffeine"], (), {("caffeine", "causes", "Headaches", False)}),
        # counts in both arms side by side say neither
        ("Mild nausea was reported by four participants taking zinc and one taking placebo.",
         ["nausea", "Zinc"], (), set()),
    ],
)  # fmt: skip
def test_a_trials_adverse_events_are_caused_by_what_its_group_took(text, names, lists, expected):
    assert triples(text, *names, lists=lists) == expected
