"""Stage 4 of ``nnkg ingest`` (kg.ingest.certainty): hedges and negation with their scope,
on sentences written for these tests."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.base.model import Certainty
from kg.ingest.certainty import CONTEXT, _context, assess
from kg.ingest.cues import load_cues
from kg.ingest.model import Mention, Sentence
from kg.ingest.regexwords import required_words, words_of

HEDGED, ASSERTED = Certainty.HEDGED, Certainty.ASSERTED


def judge(text: str, subject: str, cue: str, obj: str, offset: int = 0):
    """``assess`` for the relation ``subject`` –``cue``→ ``obj`` (the first occurrence of
    each, the cue looked for after the subject)."""
    s = text.index(subject)
    c = text.index(cue, s + len(subject))
    o = text.index(obj, c + len(cue))

    def mention(at: int, words: str) -> Mention:
        return Mention(offset + at, offset + at + len(words), words, "e", "Entity", True, "test")

    sentence = Sentence(offset, offset + len(text), text)
    return assess(
        sentence, mention(s, subject), mention(o, obj), (offset + c, offset + c + len(cue))
    )


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj", "certainty"),
    [
        ("Zinc supports the immune system.", "Zinc", "supports", "immune system", ASSERTED),
        ("Zinc may support the immune system.", "Zinc", "support", "immune system", HEDGED),
        ("Iron deficiency might cause fatigue.", "Iron deficiency", "cause", "fatigue", HEDGED),
        ("Iron deficiency can cause fatigue.", "Iron deficiency", "cause", "fatigue", HEDGED),
        ("Iron deficiency could cause fatigue.", "Iron deficiency", "cause", "fatigue", HEDGED),
        (
            "Research suggests that omega-3 fats protect neurons.",
            "omega-3 fats",
            "protect",
            "neurons",
            HEDGED,
        ),
        (
            "Several trials indicate that folate lowers homocysteine.",
            "folate",
            "lowers",
            "homocysteine",
            HEDGED,
        ),
        ("Magnesium appears to ease migraine.", "Magnesium", "ease", "migraine", HEDGED),
        ("Magnesium is likely to ease migraine.", "Magnesium", "ease", "migraine", HEDGED),
        ("Magnesium possibly eases migraine.", "Magnesium", "eases", "migraine", HEDGED),
        ("Magnesium potentially eases migraine.", "Magnesium", "eases", "migraine", HEDGED),
        ("Perhaps magnesium eases migraine.", "magnesium", "eases", "migraine", HEDGED),
        ("Low zinc is linked to depression.", "Low zinc", "linked to", "depression", HEDGED),
        (
            "Low iron is associated with poor memory.",
            "Low iron",
            "associated with",
            "poor memory",
            HEDGED,
        ),
        (
            "Vitamin E slows memory loss, but the evidence is limited.",
            "Vitamin E",
            "slows",
            "memory loss",
            HEDGED,
        ),
        (
            "Vitamin E slows memory loss, although more research is needed.",
            "Vitamin E",
            "slows",
            "memory loss",
            HEDGED,
        ),
        (
            "Whether vitamin E slows memory loss is not yet established.",
            "vitamin E",
            "slows",
            "memory loss",
            HEDGED,
        ),
        (
            "There is limited evidence that zinc shortens colds.",
            "zinc",
            "shortens",
            "colds",
            HEDGED,
        ),
        (
            "Vegans are more likely to develop anemia.",
            "Vegans",
            "develop",
            "anemia",
            ASSERTED,
        ),
        (
            "Older adults are the most likely to develop anemia.",
            "Older adults",
            "develop",
            "anemia",
            ASSERTED,
        ),
        (
            "Zinc is found in oysters, which may also contain copper.",
            "Zinc",
            "found in",
            "oysters",
            ASSERTED,
        ),
        (
            "Iron is not only found in meat but also in beans.",
            "Iron",
            "found in",
            "meat",
            ASSERTED,
        ),
    ],
)
def test_certainty(text, subject, cue, obj, certainty):
    assert judge(text, subject, cue, obj)[0] is certainty


def test_a_hedge_stops_at_a_terminator():
    text = "Iron deficiency causes fatigue, but zinc may help."
    assert judge(text, "Iron deficiency", "causes", "fatigue")[0] is ASSERTED
    assert judge(text, "Iron deficiency", "causes", "fatigue")[2] == ""


def test_a_hedge_far_ahead_reaches_the_cue_in_its_clause():
    text = "Some early studies in older adults suggest that a diet rich in nuts protects memory."
    certainty, negated, words = judge(text, "a diet rich in nuts", "protects", "memory")
    assert (certainty, negated) == (HEDGED, False)
    assert words == "HEDGE: early studies, suggest"


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj"),
    [
        ("Leafy greens do not provide vitamin D.", "Leafy greens", "provide", "vitamin D"),
        ("Leafy greens don't provide vitamin D.", "Leafy greens", "provide", "vitamin D"),
        ("Leafy greens don’t provide vitamin D.", "Leafy greens", "provide", "vitamin D"),
        ("Leafy greens cannot provide vitamin D.", "Leafy greens", "provide", "vitamin D"),
        ("Leafy greens never provide vitamin D.", "Leafy greens", "provide", "vitamin D"),
        (
            "Zinc supplements have not been shown to prevent dementia.",
            "Zinc supplements",
            "prevent",
            "dementia",
        ),
        (
            "Vitamin C does not directly cause kidney stones.",
            "Vitamin C",
            "cause",
            "kidney stones",
        ),
        ("Low zinc is not linked to depression.", "Low zinc", "linked to", "depression"),
        ("Sugar is not a cause of hyperactivity.", "Sugar", "cause of", "hyperactivity"),
        (
            "There is no evidence that vitamin E treats neuropathy.",
            "vitamin E",
            "treats",
            "neuropathy",
        ),
        ("Neither vitamin C nor vitamin E prevents dementia.", "vitamin E", "prevents", "dementia"),
        (
            "Fish oil failed to improve memory in the trial.",
            "Fish oil",
            "improve",
            "memory",
        ),
        (
            "Folate has no effect on memory in healthy adults.",
            "Folate",
            "effect on",
            "memory",
        ),
        (
            "Zinc does not shorten colds or prevent pneumonia.",
            "Zinc",
            "prevent",
            "pneumonia",
        ),
    ],
)
def test_negation_that_governs_the_relation(text, subject, cue, obj):
    assert judge(text, subject, cue, obj)[1] is True


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj"),
    [
        (
            "People who do not eat meat are at risk of anemia.",
            "People who do not eat meat",
            "at risk of",
            "anemia",
        ),
        ("People who do not eat meat are at risk of anemia.", "People", "at risk of", "anemia"),
        (
            "Vitamin B12 is not only a vitamin; it is essential for nerves.",
            "it",
            "essential for",
            "nerves",
        ),
        (
            "Vegans, who do not eat dairy, can get calcium from tofu.",
            "calcium",
            "from",
            "tofu",
        ),
        (
            "Iron deficiency causes fatigue, but it does not cause fever.",
            "Iron deficiency",
            "causes",
            "fatigue",
        ),
        ("Non-dairy milks often contain calcium.", "Non-dairy milks", "contain", "calcium"),
        (
            "Zinc is not just a mineral: it supports the immune system.",
            "it",
            "supports",
            "immune system",
        ),
    ],
)
def test_negation_elsewhere_does_not_deny(text, subject, cue, obj):
    assert judge(text, subject, cue, obj)[1] is False


def test_a_hedged_denial_is_both():
    certainty, negated, words = judge(
        "Iron may not cause constipation.", "Iron", "cause", "constipation"
    )
    assert (certainty, negated, words) == (HEDGED, True, "HEDGE: may; NEGATED: not")


def test_the_rules_file_has_the_context_shape():
    data = yaml.safe_load(CONTEXT.read_text(encoding="utf-8"))
    assert {r["category"] for r in data["rules"]} == {"HEDGE", "NEGATED"}
    assert {r["direction"] for r in data["rules"]} <= {"FORWARD", "BACKWARD", "BIDIRECTIONAL"}
    assert all(isinstance(r["literal"], str) for r in data["rules"] + data["terminators"])
    assert all(isinstance(w, str) for w in data["chain"])


@settings(max_examples=50, deadline=None)
@given(offset=st.integers(0, 10_000), lead=st.sampled_from(["", "Indeed, ", "In short "]))
def test_offsets_of_the_sentence_do_not_matter(offset, lead):
    text = lead + "Zinc supplements have not been shown to prevent dementia."
    assert judge(text, "Zinc supplements", "prevent", "dementia", offset) == (
        ASSERTED,
        True,
        "NEGATED: not",
    )


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj", "certainty"),
    [
        # Many trials finding something is a finding, not a tentative one.
        (
            "Several trials found that folate lowers homocysteine.",
            "folate",
            "lowers",
            "homocysteine",
            ASSERTED,
        ),
        (
            "In observational studies, folate lowers homocysteine.",
            "folate",
            "lowers",
            "homocysteine",
            HEDGED,
        ),
        ("Researchers believe zinc protects neurons.", "zinc", "protects", "neurons", HEDGED),
        ("Zinc is a possible cause of anemia.", "Zinc", "cause of", "anemia", HEDGED),
        ("Zinc protects neurons, but it's unclear how.", "Zinc", "protects", "neurons", HEDGED),
        (
            "Zinc protects neurons, although studies disagree.",
            "Zinc",
            "protects",
            "neurons",
            HEDGED,
        ),
        (
            "There is not enough evidence that zinc eases fatigue.",
            "zinc",
            "eases",
            "fatigue",
            HEDGED,
        ),
        (
            "Fatigue fell with zinc, a difference that might be due to chance.",
            "Fatigue",
            "fell with",
            "zinc",
            HEDGED,
        ),
        ("Zinc reportedly eases fatigue.", "Zinc", "eases", "fatigue", HEDGED),
        ("Zinc at no more than 40 mg eases fatigue.", "Zinc", "eases", "fatigue", ASSERTED),
    ],
)
def test_more_hedges(text, subject, cue, obj, certainty):
    assert judge(text, subject, cue, obj)[0] is certainty


def test_not_always_qualifies_rather_than_denies():
    certainty, negated, words = judge(
        "Iron deficiency does not always cause anemia.", "Iron deficiency", "cause", "anemia"
    )
    assert (certainty, negated, words) == (HEDGED, False, "HEDGE: not always")


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj"),
    [
        ("Iron lowers fatigue without causing anemia.", "Iron", "causing", "anemia"),
        (
            "Low iron may be a marker of poor health rather than a cause of anemia.",
            "Low iron",
            "cause of",
            "anemia",
        ),
        (
            "Studies found no link between low zinc and anemia.",
            "low zinc",
            "and",
            "anemia",
        ),
        ("Zinc did not improve memory.", "Zinc", "improve", "memory"),
        (
            "Zinc has no clear association with anemia.",
            "Zinc",
            "association with",
            "anemia",
        ),
    ],
)
def test_more_negations_that_govern_the_relation(text, subject, cue, obj):
    assert judge(text, subject, cue, obj)[1] is True


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj"),
    [
        ("Without iron, zinc protects neurons.", "zinc", "protects", "neurons"),
        ("Zinc, not copper, protects neurons.", "Zinc", "protects", "neurons"),
    ],
)
def test_more_negations_elsewhere_do_not_deny(text, subject, cue, obj):
    assert judge(text, subject, cue, obj)[1] is False


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj", "certainty"),
    [
        # The design or stage of a study that cannot show cause.
        (
            "In this observational study, zinc lowered homocysteine.",
            "zinc",
            "lowered",
            "homocysteine",
            HEDGED,
        ),
        (
            "Preliminary results show that zinc lowers homocysteine.",
            "zinc",
            "lowers",
            "homocysteine",
            HEDGED,
        ),
        ("Zinc lowered homocysteine in a mouse model.", "Zinc", "lowered", "homocysteine", HEDGED),
        ("In vitro, zinc protects neurons.", "zinc", "protects", "neurons", HEDGED),
        # Short of significance: qualified, across the clause that says so.
        ("Zinc showed a trend toward lower homocysteine.", "Zinc", "lower", "homocysteine", HEDGED),
        (
            "Zinc lowered homocysteine, but the change did not reach statistical significance.",
            "Zinc",
            "lowered",
            "homocysteine",
            HEDGED,
        ),
        # A forecast is an association.
        ("Low zinc predicted dementia.", "Low zinc", "predicted", "dementia", HEDGED),
        ("Zinc lowered homocysteine significantly.", "Zinc", "lowered", "homocysteine", ASSERTED),
    ],
)
def test_study_hedges(text, subject, cue, obj, certainty):
    assert judge(text, subject, cue, obj)[0] is certainty


@pytest.mark.parametrize(
    ("text", "subject", "cue", "obj", "negated"),
    [
        # "no" reaches the noun past the words that size it.
        ("Zinc had no significant effect on memory.", "Zinc", "effect on", "memory", True),
        ("Zinc made little difference to memory.", "Zinc", "difference to", "memory", True),
        (
            "Large trials have not shown that zinc prevents dementia.",
            "zinc",
            "prevents",
            "dementia",
            True,
        ),
        (
            "Zinc, which had no significant side effects, lowered homocysteine.",
            "Zinc",
            "lowered",
            "homocysteine",
            False,
        ),
        # a finding denied after the noun phrase that states it; not a verb farther back
        ("Its effect on memory was not demonstrated.", "Its", "effect on", "memory", True),
        ("A link between zinc and anemia has not been found.", "zinc", "and", "anemia", True),
        (
            "Zinc lowered homocysteine, and this benefit was not seen with copper.",
            "Zinc",
            "lowered",
            "homocysteine",
            False,
        ),
    ],
)
def test_null_results_are_denials(text, subject, cue, obj, negated):
    assert judge(text, subject, cue, obj)[1] is negated


# ---------------------------------------------------------------- speed without change


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        # A space and ``\b`` bound words as ``\s+`` and the word bounds do.
        (r"\bhint(?:s|ed)? (?:at|that)\b", [{"hint", "hints", "hinted"}, {"at", "that"}]),
        (r"\bcan ?not\b", [{"can", "cannot"}]),
        (r"\b(?:some )?(?:experts|doctors) think", [{"some", "experts", "doctors"}]),
        # After ``\b`` a mark goes on from the word before it; before ``\b``, to the next.
        (r"\b’s\b", []),
        (r"\bwell-\b", []),
        (r"n[’']t\b", []),
    ],
)
def test_the_words_a_bounded_pattern_needs(pattern, needs):
    assert required_words(pattern) == tuple(map(frozenset, needs))


def test_the_pieces_of_a_word_count_as_words():
    assert {"re-suggested", "re", "suggested", "'suggests'", "suggests"} <= words_of(
        "It was re-suggested; 'suggests' too."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Research 'suggests' that omega-3 fats protect neurons.",
        "Research re-suggests that omega-3 fats protect neurons.",
    ],
)
def test_a_hedge_bounded_by_a_mark_inside_a_word_still_counts(text):
    assert judge(text, "omega-3 fats", "protect", "neurons")[0] is HEDGED


def _rule_patterns() -> list[re.Pattern[str]]:
    context = _context()
    sieves = (context.modifiers, context.pseudo, context.terminators)
    return [p for sieve in sieves for p in sieve.patterns]


_TWINS = str.maketrans({"s": "ſ", "i": "ı", "k": "K"})


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(["", " ", "-", "'", "’", "re-", "«", "("]),
    st.sampled_from(_rule_patterns()).flatmap(lambda p: st.from_regex(p)),
    st.sampled_from(["", " ", "-", "'s", "’", "-like", "."]),
    st.booleans(),
)
def test_the_rules_passed_over_are_those_that_cannot_match(before, match, after, twins):
    # A rule whose needed words a sentence lacks is never searched: that must never hide a
    # rule that matches, whatever the case, the marks around it or the letters that fold
    # onto ASCII ("ſ" matches "s" ignoring case).
    text = before + (match.translate(_TWINS) if twins else match) + after
    words = words_of(text)
    context = _context()
    for sieve in (context.modifiers, context.pseudo, context.terminators):
        tried = {i for i, _ in sieve.finditer(text, words)}
        assert all(i in tried for i, p in enumerate(sieve.patterns) if p.search(text))


_SIEVE_WORDS = sorted(
    {w for sieve in (_context().modifiers, load_cues().anchors) for w in sieve.index}
)


@given(st.lists(st.sampled_from([*_SIEVE_WORDS, "zinc", "nerve"]), max_size=8))
def test_a_sieve_offers_the_patterns_whose_needed_words_a_text_has_in_order(words):
    context = _context()
    for sieve in (context.modifiers, context.pseudo, context.terminators, load_cues().anchors):
        met = {i for word in words for i in sieve.index.get(word, ())}
        expected = [i for i, needs in enumerate(sieve.needs) if needs <= met]
        assert list(sieve.candidates(words)) == expected
