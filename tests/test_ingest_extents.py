"""A claim's ends quote the whole noun phrase their mentions head (kg.ingest.extents): the
pre-modifiers with the article or possessive that opens them, an "of"-phrase that belongs to
the head; never a determiner alone, a verb, a cue's words, a comma of a list, a
conjunction or the claim's other end; the entity stays the head's. The sentences are
invented for these tests."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from drafting import accept_all_and_validate, drafted

from kg.base.model import Certainty
from kg.ingest.arguments import PENDING
from kg.ingest.extents import widened
from kg.ingest.model import Candidate, Mention, Sentence

#: Text before the sentence, so offsets are the document's, not the sentence's.
LEAD = "A heading.\n"


def mention(text: str, name: str, how: str = "label") -> Mention:
    """The mention of ``name`` in the sentence ``text`` (after :data:`LEAD`)."""
    i = len(LEAD) + re.search(rf"\b{re.escape(name)}\b", text).start()
    entity = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return Mention(i, i + len(name), name, entity, "Entity", True, how)


def ends(text: str, subject: str, obj: str, names: list[str] = (), cue: str = "x: y"):
    """The subject and object of one candidate between ``subject`` and ``obj`` once
    widened; ``names`` are the sentence's other mentions."""
    sentence = Sentence(len(LEAD), len(LEAD) + len(text), text)
    s, o = mention(text, subject), mention(text, obj)
    others = [mention(text, n) for n in names]
    start, end = sentence.start, sentence.end
    candidate = Candidate(s, "causes", o, start, end, Certainty.ASSERTED, False, cue)
    (found,) = widened([candidate], sentence, [s, o, *others])
    document = LEAD + text
    for m, before in ((found.subject, s), (found.object, o)):
        assert document[m.start : m.end] == m.text and m.entity == before.entity
    return found.subject.text, found.object.text


@pytest.mark.parametrize(
    ("text", "subject", "obj", "names", "expected"),
    [
        # an adjective, a compound, a noun modifier; a quantifier stays out
        (
            "High-dose niacin lowers some blood fats.",
            "niacin",
            "fats",
            ["blood"],
            ("High-dose niacin", "blood fats"),
        ),
        ("Niacin is needed for healthy skin.", "Niacin", "skin", [], ("Niacin", "healthy skin")),
        # an intensifier before an adjective; an "of"-phrase with the article before it
        (
            "Very low calcium may disturb the rhythm of your heart.",
            "low calcium",
            "rhythm",
            ["heart"],
            ("Very low calcium", "the rhythm of your heart"),
        ),
        # the noun of an "of"-phrase may be a mention of several words
        (
            "Niacin is needed for the normal function of the nervous system.",
            "Niacin",
            "function",
            ["nervous system"],
            ("Niacin", "the normal function of the nervous system"),
        ),
        # a determiner licenses the words between it and its head
        (
            "Copper supports the steady growth of nerves.",
            "Copper",
            "growth",
            ["nerves"],
            ("Copper", "the steady growth of nerves"),
        ),
        # a participle after a verb is a modifier
        ("Zinc may prevent blurred vision.", "Zinc", "vision", [], ("Zinc", "blurred vision")),
        # an article alone: the draft names "the brain" and, by its entity, "brain"
        ("Zinc protects the brain.", "Zinc", "brain", [], ("Zinc", "the brain")),
    ],
)
def test_an_end_spans_the_noun_phrase_its_mention_heads(text, subject, obj, names, expected):
    assert ends(text, subject, obj, names) == expected


@pytest.mark.parametrize(
    ("text", "subject", "obj", "cue"),
    [
        ("Zinc, iron and folate ease pain.", "folate", "pain", "x: ease"),  # a list
        ("Low selenium levels harm memory.", "selenium", "memory", "x: harm"),  # no head
        ("Zinc blunted pain.", "Zinc", "pain", "x: blunted"),  # the cue's own words
        ("Zinc rose and iron fell.", "Zinc", "iron", "x: rose"),  # a verb, a conjunction
        ("Among the women drinking coffee, pain fell.", "coffee", "pain", "x: fell"),
        ("Your body turns zinc into pain.", "zinc", "pain", "x: into"),  # a verb in -s
    ],
)
def test_an_end_stays_where_no_phrase_reaches_further(text, subject, obj, cue):
    assert ends(text, subject, obj, cue=cue) == (subject, obj)


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # after an article, and after the cue's verb, which takes a noun: a modifier
        ("Zinc protects the developing brain.", "x: protects", "the developing brain"),
        ("Zinc may protect working memory.", "x: protect", "working memory"),
        # opening the sentence, with its noun the subject
        ("Drinking alcohol can impair memory.", "x: impair", "Drinking alcohol"),
        # after a preposition or a verb that is no cue's, a verb of its own
        ("Zinc is linked to improving memory.", "x: linked to", "memory"),
        ("Zinc helps by sharpening memory.", "x: helps", "memory"),
    ],
)
def test_an_ing_word_modifies_the_head_only_after_an_article_or_the_cues_verb(text, cue, expected):
    subject = "alcohol" if "alcohol" in text else "Zinc"
    found = ends(text, subject, "memory" if "memory" in text else "brain", cue=cue)
    assert expected in found


def test_a_participle_after_a_noun_is_its_verb():
    assert ends("Caffeine blunted sleep.", "Caffeine", "sleep", cue="x: y") == (
        "Caffeine",
        "sleep",
    )


def test_no_phrase_takes_the_claims_other_end():
    # the "of"-phrase holds the object: the subject is the head with its article only
    assert ends("Copper speeds the repair of nerves.", "repair", "nerves") == (
        "the repair",
        "nerves",
    )


def test_an_anaphor_is_left_as_written():
    text = "Sadly this vitamin protects nerves."
    sentence = Sentence(len(LEAD), len(LEAD) + len(text), text)
    s, o = mention(text, "this vitamin", "anaphora"), mention(text, "nerves")
    candidate = Candidate(
        s, "causes", o, sentence.start, sentence.end, Certainty.ASSERTED, False, "x"
    )
    (found,) = widened([candidate], sentence, [s, o])
    assert found == candidate


ARTICLE = """Niacin and the skin

Niacin is needed for healthy skin.
"""


def test_a_widened_end_is_what_accept_and_validate_take(runner, tmp_path):
    folder, candidates, _ = drafted(runner, tmp_path, "niacin", ARTICLE)
    skin = next(c for c in candidates if c["object_text"] == "healthy skin")
    assert skin["subject_text"] == "Niacin" and skin["object"] == "skin"
    accept_all_and_validate(runner, folder)


def test_what_may_damage_a_structure_causes_its_damage_quoted_as_the_clause():
    text = "It can also damage the nerves."
    sentence = Sentence(len(LEAD), len(LEAD) + len(text), text)
    s, o = mention(text, "It", "anaphora"), mention(text, "nerves")
    cue = "disrupts: damage [HEDGE: can]"
    candidate = Candidate(
        s, "damages", o, sentence.start, sentence.end, Certainty.HEDGED, False, cue
    )
    (found,) = widened([candidate], sentence, [s, o])
    assert found.predicate == "causes" and found.certainty == Certainty.HEDGED
    assert (found.object.text, found.object.type) == ("damage the nerves", "Phenotype")
    assert found.object.entity == PENDING + "nerve damage"
    assert (LEAD + text)[found.object.start : found.object.end] == "damage the nerves"
    # a process disrupted, or a structure harmed in other words, keeps its relation and
    # its entity; only the article joins its words
    disrupted = replace(candidate, predicate="disrupts")
    (kept,) = widened([disrupted], sentence, [s, o])
    assert (kept.predicate, kept.object.entity, kept.object.text) == (
        "disrupts",
        "nerves",
        "the nerves",
    )
    for other in ("It can also harm the nerves.", "It damages the nerves."):
        o = mention(other, "nerves")
        sentence = Sentence(len(LEAD), len(LEAD) + len(other), other)
        words = "harm" if "harm" in other else "damages"
        said = replace(candidate, object=o, cue=f"disrupts: {words}")
        (kept,) = widened([said], sentence, [s, o])  # the damage done: damages
        assert (kept.predicate, kept.object.entity, kept.object.text) == (
            "damages",
            "nerves",
            "the nerves",
        )


CLAUSES = """Vitamin B12 and the nerves

Vitamin B12 deficiency is common in older adults. It can also damage the nerves.
Alcohol can damage the liver.
"""


def test_a_damage_clause_reuses_the_graphs_phenotype_or_proposes_one(runner, tmp_path):
    folder, candidates, entities = drafted(runner, tmp_path, "b12", CLAUSES)
    clauses = {c["object_text"]: c for c in candidates if c["predicate"] == "causes"}
    assert clauses["damage the nerves"]["object"] == "nerve-damage"  # the graph has it
    liver = next(e for e in entities if e["id"] == clauses["damage the liver"]["object"])
    assert (liver["label"], liver["type"]) == ("liver damage", "Phenotype")
    assert not any(c["predicate"] == "damages" for c in candidates)
    accept_all_and_validate(runner, folder)


RAISED = """Folate and homocysteine

Folate deficiency raises blood levels of homocysteine.
Vitamin D3 raised serum levels of calcidiol.
"""


def test_what_raises_a_level_causes_the_raised_state_a_vocabulary_names(runner, tmp_path):
    folder, candidates, _ = drafted(runner, tmp_path, "folate", RAISED)
    raised = {(c["subject"], c["predicate"], c["object"]): c for c in candidates}
    # the graph names elevated homocysteine: the text relates that condition
    state = raised[("folate-deficiency", "causes", "elevated-homocysteine")]
    assert state["object_text"] == "raises blood levels of homocysteine"
    assert not any(c["object"] == "homocysteine" for c in candidates)
    # no condition is named for a high calcidiol level: more calcidiol is promoted
    assert raised[("vitamin-d3", "promotes", "calcidiol")]["object_text"] == "calcidiol"
    accept_all_and_validate(runner, folder)


@pytest.mark.parametrize(
    ("text", "obj", "cue", "expected"),
    [
        # what is released or absorbed is no more of the thing: the process is promoted
        (
            "It helps nerve cells release their chemical messengers.",
            "chemical messengers",
            "causative: helps nerve cells release",
            ("release their chemical messengers", "chemical messenger release"),
        ),
        (
            "It helps the body absorb iron.",
            "iron",
            "helps: helps the body absorb",
            ("absorb iron", "iron absorption"),
        ),
        # what is made is promoted itself
        (
            "It makes the liver produce ketones.",
            "ketones",
            "causative: makes the liver produce",
            None,
        ),
    ],
)
def test_a_process_a_verb_does_to_the_object_is_what_is_promoted(text, obj, cue, expected):
    sentence = Sentence(len(LEAD), len(LEAD) + len(text), text)
    s, o = mention(text, "It", "anaphora"), mention(text, obj)
    candidate = Candidate(
        s, "promotes", o, sentence.start, sentence.end, Certainty.ASSERTED, False, cue
    )
    (found,) = widened([candidate], sentence, [s, o])
    if expected is None:
        assert found == candidate
    else:
        assert found.predicate == "promotes" and found.object.type == "BiologicalProcess"
        assert (found.object.text, found.object.entity) == (expected[0], PENDING + expected[1])


def test_a_population_before_a_mention_is_no_modifier_of_it():
    text = "In older adults zinc eases pain."
    assert ends(text, "zinc", "pain", ["older adults"], cue="x: eases") == ("zinc", "pain")


def test_a_demonstrative_opens_the_phrase_and_the_cues_verb_ends_it():
    """Curators quote "this amino acid": a demonstrative says which one the text means; a
    cue's verb right after the head ends the phrase even where no verb list knows it."""
    text = "This amino acid damages the brain."
    assert ends(text, "amino acid", "brain", cue="x: damages") == ("This amino acid", "the brain")
    # "that" opens a clause as often as a phrase: it stays out
    text = "Studies show that zinc damages the brain."
    assert ends(text, "zinc", "brain", cue="x: damages") == ("zinc", "the brain")


def test_an_adjective_an_article_opens_before_a_comma_is_one_of_a_list():
    text = "The only treatment is a strict, lifelong diet for coeliac disease."
    assert ends(text, "diet", "coeliac disease") == ("a strict, lifelong diet", "coeliac disease")
