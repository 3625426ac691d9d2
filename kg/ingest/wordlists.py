"""The general English word lists the mention finder reads a text by: function words,
verbs, the class head words of anaphors and noun phrases, and the words too generic to name
a thing. Nothing in them is taken from a particular text."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "ANAPHOR_DETERMINERS",
    "ANAPHOR_HEADS",
    "DASH",
    "GENERIC",
    "NP_HEADS",
    "STOPWORDS",
    "VERBS",
    "is_verb",
    "wordset",
]


def wordset(words: str) -> frozenset[str]:
    """A word list written as text, one space between words."""
    return frozenset(words.split())


DASH = "-‐‑‒–—"

STOPWORDS = wordset(
    """a about above after again against all almost also although always am among an and
    another any are as at be because been before being below between both but by can
    cannot could did do does doing done down during each either else even ever every few
    for from further had has have having he her here hers herself him himself his how
    however i if in into is it its itself just least less many may me might more most much
    must my myself neither no nor not now of off often on once one only or other others
    otherwise our ours ourselves out over own per perhaps quite rather same several shall
    she should since so some such than that the their theirs them themselves then there
    these they this those though through thus to too toward towards under until up upon us
    usually very via was we well were what whatever when where whether which while who
    whom whose why will with within without would yet you your yours yourself yourselves
    's"""
)
#: Heads of the anaphors health texts use, each with the classes an antecedent may have, in
#: order of preference ("this vitamin" is a nutrient before it is any chemical).
ANAPHOR_HEADS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("vitamin", "nutrient", "mineral", "micronutrient", "element"),
        ("Nutrient", "ChemicalEntity"),
    ),
    **dict.fromkeys(
        (
            "compound",
            "substance",
            "chemical",
            "molecule",
            "antioxidant",
            "hormone",
            "neurotransmitter",
            "metabolite",
            "amino acid",
            "fatty acid",
        ),
        ("ChemicalEntity",),
    ),
    "condition": ("Condition",),
    "problem": ("Condition",),
    **dict.fromkeys(("disease", "disorder", "illness", "syndrome"), ("Disease", "Condition")),
    "deficiency": ("DeficiencyState",),
    "symptom": ("Phenotype",),
    "sign": ("Phenotype",),
    "food": ("Food",),
    "supplement": ("Food",),
    "process": ("BiologicalProcess",),
    "function": ("PhysiologicalFunction", "BiologicalProcess"),
    "cell": ("Cell",),
    **dict.fromkeys(("structure", "tissue", "organ"), ("AnatomicalStructure",)),
    **dict.fromkeys(
        ("group", "individual", "people", "person", "patient", "population"),
        ("PopulationGroup",),
    ),
}
ANAPHOR_DETERMINERS = frozenset({"this", "these", "that", "those", "such", "the"})
#: After "the" + head, words that show a description rather than an anaphor ("the
#: deficiency of ...", "the protein that ...").
_DESCRIBED_BY = wordset(
    "of in that which who whose called known named such like as from for with to"
)
#: Class head words of a noun phrase that names a thing of that class ("folate deficiency",
#: "autoimmune disease"); such a phrase no vocabulary knows is proposed with suggestions.
NP_HEADS: dict[str, str] = {
    **dict.fromkeys(("deficiency", "insufficiency"), "DeficiencyState"),
    **dict.fromkeys(
        (
            "disease",
            "disorder",
            "syndrome",
            "illness",
            "anemia",
            "anaemia",
            "neuropathy",
            "cancer",
            "infection",
        ),
        "Disease",
    ),
    **dict.fromkeys(
        ("damage", "pain", "inflammation", "weakness", "loss", "decline", "impairment"),
        "Phenotype",
    ),
    "vitamin": "Nutrient",
    "acid": "ChemicalEntity",
    **dict.fromkeys(("food", "supplement"), "Food"),
    "cell": "Cell",
    **dict.fromkeys(("function", "health"), "PhysiologicalFunction"),
    **dict.fromkeys(("metabolism", "synthesis", "production"), "BiologicalProcess"),
}
#: Verbs frequent in health texts (base forms): a noun phrase does not reach across one.
VERBS = wordset(
    """cause lead prevent reduce increase lower raise improve help support promote protect
    include contain provide need require affect develop treat trigger result contribute
    associate link show suggest indicate find get have make take become remain seem
    experience suffer avoid diagnose worsen impair disrupt boost absorb eat consume lack
    face reverse cure mask call know name play keep maintain regulate enhance decrease
    block inhibit produce say report note observe see ensure occur happen give allow
    enable limit slow stop speed reach"""
)
#: Single words the lexicon names but that a text uses as plain words ("the role of",
#: "in the body"): a class head alone names no particular thing.
GENERIC = frozenset(
    set(ANAPHOR_HEADS)
    | wordset("""deficiency insufficiency acid damage loss decline impairment health metabolism
        synthesis production role level form type part body effect result amount risk study
        research time day year way use need system state activity factor agent material
        matter human man woman source product intake diet life""")
)


def _inflected(word: str) -> Iterable[str]:
    """Base forms a plain English inflection of ``word`` may have ("causes" -> "cause")."""
    yield word
    for ending, base in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
                         ("s", ""), ("d", ""), ("ies", "y"), ("ied", "y")):  # fmt: skip
        if word.endswith(ending) and len(word) > len(ending) + 2:
            yield word[: -len(ending)] + base


def is_verb(key: str) -> bool:
    return any(base in VERBS for base in _inflected(key))
