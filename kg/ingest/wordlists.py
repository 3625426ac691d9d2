"""The general English word lists the mention finder reads a text by: function words,
verbs, the class head words of anaphors and noun phrases, and the words too generic to name
a thing. Nothing in them is taken from a particular text."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "ADJECTIVES",
    "ANAPHOR_DETERMINERS",
    "ANAPHOR_HEADS",
    "CLAUSE_ENDS",
    "CLAUSE_NEGATIONS",
    "CLAUSE_OPENERS",
    "COPULAS",
    "DASH",
    "DESCRIBED_BY",
    "EPISODE_HEADS",
    "GENERIC",
    "GRADING",
    "HEAD_ONLY",
    "IRREGULAR_PLURALS",
    "NP_HEADS",
    "PEOPLE",
    "PLAIN_WORDS",
    "PREPOSITIONS",
    "PROCESS_DETERMINERS",
    "PROCESS_HEADS",
    "PROCESS_NOUNS",
    "PROCESS_PREPOSITIONS",
    "PROCESS_VERBS",
    "PRONOUN_PEOPLE",
    "SEVERITY",
    "SHORTFALLS",
    "STOPWORDS",
    "VERBS",
    "VERB_SLOTS",
    "is_verb",
    "verb_use",
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
    **dict.fromkeys(("deficiency", "shortage"), ("DeficiencyState",)),
    "diet": ("Food",),  # only a diet named so before: see HEAD_ONLY
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
#: Anaphor heads whose antecedent must go by that head ("the diet" is the ketogenic diet
#: named before, never any food).
HEAD_ONLY = frozenset({"diet"})
ANAPHOR_DETERMINERS = frozenset({"this", "these", "that", "those", "such", "the"})
#: After "the" + head, words that show a description rather than an anaphor ("the
#: deficiency of ...", "the protein that ...").
DESCRIBED_BY = wordset(
    "of in that which who whose called known named such like as from for with to"
)
#: Words of degree or duration a bare deficiency may carry and still point back ("Severe
#: deficiency may ...", "chronic deficiency"): they say how much, not of what.
SEVERITY = wordset(
    """severe mild moderate marginal serious profound extreme chronic prolonged long term
    lasting persistent untreated subclinical clinical borderline acute significant true real
    actual overt frank"""
)
#: Words that say a nutrient runs short ("become deficient", "fall short"), each with the
#: verbs before it that make them say so.
SHORTFALLS = {
    "deficient": wordset("be become becomes became becoming get gets getting go goes are is"),
    "short": wordset("fall falls fell falling run runs ran running come comes came coming"),
}
#: Plural nouns with no plain -s ("people", "children"): a "they" may point at them.
IRREGULAR_PLURALS = wordset("people children women men feet teeth mice bacteria data")
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
            "withdrawal",  # "caffeine withdrawal", "alcohol withdrawal"
        ),
        "Disease",
    ),
    **dict.fromkeys(
        ("damage", "pain", "inflammation", "weakness", "loss", "decline", "impairment", "symptom"),
        "Phenotype",
    ),
    **dict.fromkeys(
        ("complaint", "upset"),  # "gastrointestinal complaints", "stomach upset"
        "Phenotype",
    ),
    **dict.fromkeys(
        (
            "dysfunction",
            "disturbance",
            "abnormality",
            "severity",
            "lapse",
            "progression",
        ),
        "Phenotype",
    ),
    **dict.fromkeys(("pressure", "rhythm", "response"), "PhysiologicalFunction"),
    "problem": "Condition",
    "vitamin": "Nutrient",
    "acid": "ChemicalEntity",
    **dict.fromkeys(("food", "supplement"), "Food"),
    "cell": "Cell",
    **dict.fromkeys(("function", "health"), "PhysiologicalFunction"),
    **dict.fromkeys(("metabolism", "synthesis", "production"), "BiologicalProcess"),
    **dict.fromkeys(
        sorted(wordset("tablet pill capsule cereal oil juice flour bread extract drink remedy")),
        "Food",
    ),
    "diet": "Food",  # "a ketogenic diet", "a gluten-free diet": the graph's diets are foods
    "receptor": "ChemicalEntity",  # "adenosine receptors": what a drug blocks
    **dict.fromkeys(
        ("drinker", "smoker", "eater", "user", "athlete", "patient", "survivor", "mother"),
        "PopulationGroup",
    ),
}
#: Head words whose phrase names the thing another head names: "zinc supplementation" is
#: (taking) a zinc supplement.
HEAD_NAMES = {"supplementation": "supplement"}
#: Head words of a process or function a body part or substance undergoes or does ("nerve
#: transmission", "brain development", "iron absorption"): the phrase names the process,
#: not the thing its modifier names, so it is proposed only when a mention modifies it.
PROCESS_HEADS: dict[str, str] = {
    **dict.fromkeys(
        sorted(
            wordset(
                """transmission conduction signaling signalling development formation growth
            repair absorption uptake transport contraction relaxation secretion release
            regulation maturation differentiation division replication degradation breakdown
            oxidation methylation utilization utilisation storage excretion reaction"""
            )
        ),
        "BiologicalProcess",
    ),
    **dict.fromkeys(("functioning", "performance", "control", "tone"), "PhysiologicalFunction"),
    # how fast or how readily a function acts, and when a process starts: "conduction
    # velocity", "reaction speed", "nerve excitability", "sleep onset" ("activity" is left
    # out: "glutamate activity" is the substance acting)
    **dict.fromkeys(("velocity", "speed", "excitability"), "PhysiologicalFunction"),
    "onset": "BiologicalProcess",
    "supplementation": "Food",  # taking a supplement: "zinc supplementation", not "oral"
}
#: Heads that name an episode of the condition before them ("migraine attacks", "asthma
#: episodes"): the phrase is a mention of that condition.
EPISODE_HEADS = wordset("attack episode flare bout")
#: Adjectives that grade or judge rather than name: left off a noun phrase, and no mention
#: on their own even where a lexicon lists them (MONDO's "common" for "not rare").
GRADING = wordset(
    """severe mild moderate serious common rare possible certain various other many some
    several most all any new main major minor significant potential overall general normal
    healthy optimal proper adequate sufficient insufficient poor good better best important
    essential crucial vital key early late further more less own same different particular
    specific real true actual whole entire full high low higher lower increased decreased
    reduced long short frequent occasional typical usual primary secondary basic numerous
    great greater large larger small smaller excellent little enough plenty extra
    additional total worse worst poorer slower faster quicker fewer weaker stronger weak
    strong lesser"""
)
#: Adjectives a text says of a thing after "is" ("rich in", "deficient in", "safe"): a
#: lexicon's acronym or synonym spelt so ("RICH", "Rich syndrome") is no mention of them.
ADJECTIVES = GRADING | wordset(
    """rich abundant plentiful scarce deficient safe unsafe harmful beneficial helpful
    protective effective available present absent active free sensitive resistant prone
    likely unlikely able unable aware responsible necessary useful"""
)
#: Words for people that "with" a condition makes a population ("people with diabetes").
PEOPLE = wordset(
    """people person persons patient patients adult adults child children women woman men man
    individual individuals infant infants baby babies adolescent adolescents those anyone"""
)
#: Words after which the next word is a verb ("can harm nerves", "to boost memory", "they
#: eat fish"), never the modifier of a noun.
VERB_SLOTS = wordset(
    """can cannot could may might must shall should will would to not do does did it they
    he she we you i who which"""
)
#: Nouns a text reads as heads or names that are verbs too ("damages the nerves", "can fall
#: asleep", "changes your mood"): which one a word is depends on the words around it.
NOUN_VERBS = wordset(
    """damage harm fall drop swing change shift rise dip spike surge decline lapse effect
    affect release repair control function supplement ache cramp twitch drink upset"""
)
#: Words that start an object or complement: after a word of NOUN_VERBS they make it a verb.
OBJECT_STARTS = wordset(
    """the a an your their its his her our my this these those some many more less much
    any every each no it them you him us me"""
)
#: Complements that make such a word before them a verb ("fall asleep", "falls short").
COMPLEMENTS = wordset("asleep ill short apart")
#: Determiners and prepositions, after which such a word is a noun ("the damage", "to falls").
NOUN_BEFORE = (OBJECT_STARTS - wordset("it them you him us me")) | wordset(
    """of in on at for from with by about into after before during without under over
    between among against through such"""
)
#: Besides those, words after which a word ending in -ed is a verb or participle, not a
#: modifier ("that damaged nerves", "has reduced appetite", "is processed").
CLAUSE_OPENERS = VERB_SLOTS | wordset("that whom is are was were be been being has have had")
#: Verbs frequent in health texts (base forms): a noun phrase does not reach across one.
VERBS = wordset(
    """cause lead prevent reduce increase lower raise improve help support promote protect
    include contain provide need require affect develop treat trigger result contribute
    associate link show suggest indicate find get have make take become remain seem
    experience suffer avoid diagnose worsen impair disrupt boost absorb eat consume lack
    face reverse cure mask call know name play keep maintain regulate enhance decrease
    block inhibit produce say report note observe see ensure occur happen give allow
    enable limit slow stop speed reach hold serve act work add study recommend advise feel
    believe consider appear tend fail surround travel carry deliver send score perform
    ate took made gave found held kept brought led fed drank got became began grew felt did
    shown taken given eaten known seen grown"""
)
#: Verbs a bare infinitive follows ("help lead to"): no noun reading after them.
BARE_INFINITIVE_VERBS = wordset("help helps helped make makes made let lets")
#: Words after a substance's name that make the name a noun ("lead levels", "lead
#: exposure", "lead in water"): measures, exposures and harms of a substance.
SUBSTANCE_AFTER = wordset(
    """level levels exposure exposures poisoning toxicity concentration concentrations
    content intake contamination residue residues in"""
)
#: Words after "to" and a name that make the name a noun ("exposure to lead in ...",
#: "exposure to lead and mercury"), not an infinitive ("to lead a ...").
AFTER_TO_NOUN = wordset(
    "is are was were in and or from at during than may might can could will would should must"
)
#: Verbs that link a person to how they feel ("feel tired", "become confused"): an adjective
#: after one names a symptom.
FEEL_VERBS = wordset(
    """feel feels felt feeling become becomes became becoming get gets got getting seem
    seems seemed look looks looked grow grows grew"""
)
#: Words that may stand between such a verb and its adjectives ("feel very tired and
#: unusually irritable").
FEEL_BETWEEN = wordset(
    """very often more less too so quite extremely unusually easily increasingly rather
    really and or a little bit"""
)
#: The endings of the noun an adjective for a feeling names, by the adjective's ending:
#: "depressed" -> "depression", "disoriented" -> "disorientation", "tired" ->
#: "tiredness", "sleepy" -> "sleepiness", "irritable" -> "irritability", "anxious" ->
#: "anxiety".
FEELING_NOUNS = (
    ("ed", ("ion", "ation")), ("", ("ness",)), ("y", ("iness",)), ("able", ("ability",)),
    ("ous", ("ety",)),
)  # fmt: skip
#: Single words the lexicon names but that a text uses as plain words ("the role of",
#: "in the body"): a class head alone names no particular thing.
GENERIC = frozenset(
    set(ANAPHOR_HEADS)
    | wordset("""deficiency insufficiency acid damage loss decline impairment health
        synthesis production role level form type part body effect result amount risk study
        research time day year way use need system state activity factor agent material
        matter human man woman source product intake diet life""")
)
#: Words too plain to name a thing as a modifier: function, grading and generic words.
PLAIN_WORDS = STOPWORDS | ADJECTIVES | GENERIC
#: Prepositions: the words that open a phrase of their own ("protection against nerve
#: damage"); a noun phrase after one is no subject of its clause ("by contrast").
PREPOSITIONS = wordset(
    """of in on at by for with from to into against about among between through during
    within without after before over under via like than across toward towards"""
)

#: Words that end a relative clause ("people who smoke are ...", "... and those who ...")
#: or a description of people: the main clause's verbs, conjunctions and relative words.
CLAUSE_ENDS = wordset(
    """are is was were am be been have has had may might can could should will would must
    and or but nor so because although while when whereas than who which that tend need
    often also usually"""
)
#: Words for people that stand for "people" in a population's name.
PRONOUN_PEOPLE = wordset("those anyone")
#: Words between "who" and its verb: "those who do not use ...".
CLAUSE_NEGATIONS = wordset("do does did not don't doesn't didn't never")
#: Verbs a relative clause may start with that are also function words ("who are pregnant").
COPULAS = wordset("are is was were have has had")
#: Verbs of a process done to a substance, and the head word of the process's name.
PROCESS_VERBS = {
    **dict.fromkeys(
        ("make", "produce", "build", "form", "synthesize", "synthesise", "create",
         "manufacture", "generate", "turn", "convert"),
        "synthesis",
    ),
    "absorb": "absorption",
    **dict.fromkeys(("release", "secrete"), "release"),
    **dict.fromkeys(("transport", "carry"), "transport"),
    "store": "storage",
    **dict.fromkeys(("metabolize", "metabolise"), "metabolism"),
}  # fmt: skip
#: Nouns of such a process before "of X" ("the synthesis of X"), each its name's head word.
PROCESS_NOUNS = {
    "biosynthesis": "synthesis",
    **dict.fromkeys(("synthesis", "production", "formation", "absorption", "uptake", "release",
                     "secretion", "transport", "metabolism", "breakdown", "storage",
                     "development", "excretion", "migration"), ""),
}  # fmt: skip
PROCESS_PREPOSITIONS = wordset("for in of by at")
PROCESS_DETERMINERS = wordset("the their its new more some enough")


def _inflected(word: str) -> Iterable[str]:
    """Base forms a plain English inflection of ``word`` may have ("causes" -> "cause")."""
    yield word
    for ending, base in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""),
                         ("s", ""), ("d", ""), ("ies", "y"), ("ied", "y")):  # fmt: skip
        if word.endswith(ending) and len(word) > len(ending) + 2:
            yield word[: -len(ending)] + base


def verb_use(raw: str, key: str, before: str | None, after: str | None, mention: bool) -> bool:
    """Whether ``raw`` (a word of NOUN_VERBS as written, folded to ``key``) is a verb between
    the words ``before`` and ``after`` (None at punctuation): after "to" (its base form) or a
    modal or subject pronoun, and before an object, a complement or a ``mention``; never
    after a determiner or preposition ("nerve damage is", "to falls", "mood swings")."""
    if key not in NOUN_VERBS or raw not in (key, f"{key}s", f"{key}es"):
        return False
    if before in ("this", "that") and raw != key:
        return True  # "this changes your mood": a plural noun takes "these"
    if before in NOUN_BEFORE:
        return False
    if before in VERB_SLOTS:
        return before != "to" or raw == key
    return after in OBJECT_STARTS or after in COMPLEMENTS or mention


@lru_cache(maxsize=1 << 14)
def is_verb(key: str) -> bool:
    """Whether a folded word is a verb of :data:`VERBS` inflected; remembered, since every
    step asks it of the same words."""
    return any(base in VERBS for base in _inflected(key))
