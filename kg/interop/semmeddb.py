"""SemMedDB CSV in (``nnkg import semmeddb PREDICATION.csv PREDICATION_AUX.csv SENTENCE.csv``):
the predications of SemMedDB's released tables, as :class:`kg.interop.imported.Row` s.

The layout read is that of the semmedVER43 releases (``semmedVER43_2024_R_*.csv``, the
last; the 2022 and 2023 ones are the same): comma-separated, ``"``-quoted, ``\\``-escaped,
**no header row**, columns in the order of :data:`COLUMNS` (the SENTENCE file puts
``SENTENCE`` sixth, unlike the SQL table). A PREDICATION file of 12 columns (before
``FACT_VALUE``, ``MOD_SCALE``, ``MOD_VALUE`` were added) reads too, and a file that does
start with a header row is read by its column names. The tables are told apart by their
width (or header), not by their names or order. Text is UTF-8, else Latin-1.

The document is each PMID's SENTENCE rows (title first, then the abstract, by
``NUMBER``), one space apart, the title on a line of its own, PMIDs apart by a blank line.
``SUBJECT_START_INDEX``/``SUBJECT_END_INDEX`` (and the object's) are character offsets
into the citation as SemRep read it, the same coordinates as ``SENT_START_INDEX``, the end
one past the mention's last character: ``index - SENT_START_INDEX`` is the offset in the
sentence, and the sentence's own place in the document maps it to the document's ``str``
indices. A mention whose text (case aside) is not at its offsets is one problem line.
Without a PREDICATION_AUX file a mention is the concept's name where the sentence holds it.

A CUI becomes the CURIEs ``kg/interop/data/umls.tsv.gz`` lists for it (MONDO and HP xrefs,
so it merges with the terms the graph has) and ``UMLS:<CUI>`` after them; NCBI Gene
ids of the CUI field are kept as ``NCBIGene:`` (a prefix nnkg does not know, so never the
only one). Predicates are :data:`RELATIONS` (``NEG_`` ones negated); semantic types give
the class of a concept the lexicon does not know (:data:`SEMTYPES`).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from kg.interop.imported import GAP, Agent, ImportError_, Problems, Row, Setting, mention

__all__ = ["COLUMNS", "RELATIONS", "SEMTYPES", "UMLS_TABLE", "read_semmeddb", "umls_curies"]

UMLS_TABLE = Path(__file__).resolve().parent / "data" / "umls.tsv.gz"
#: Each table's columns in its released CSV (semmedVER43).
COLUMNS = {
    "PREDICATION": (
        "PREDICATION_ID", "SENTENCE_ID", "PMID", "PREDICATE", "SUBJECT_CUI", "SUBJECT_NAME",
        "SUBJECT_SEMTYPE", "SUBJECT_NOVELTY", "OBJECT_CUI", "OBJECT_NAME", "OBJECT_SEMTYPE",
        "OBJECT_NOVELTY", "FACT_VALUE", "MOD_SCALE", "MOD_VALUE",
    ),
    "PREDICATION_AUX": (
        "PREDICATION_AUX_ID", "PREDICATION_ID", "SUBJECT_TEXT", "SUBJECT_DIST",
        "SUBJECT_MAXDIST", "SUBJECT_START_INDEX", "SUBJECT_END_INDEX", "SUBJECT_SCORE",
        "INDICATOR_TYPE", "PREDICATE_START_INDEX", "PREDICATE_END_INDEX", "OBJECT_TEXT",
        "OBJECT_DIST", "OBJECT_MAXDIST", "OBJECT_START_INDEX", "OBJECT_END_INDEX",
        "OBJECT_SCORE", "CURR_TIMESTAMP",
    ),
    "SENTENCE": (
        "SENTENCE_ID", "PMID", "TYPE", "NUMBER", "SENT_START_INDEX", "SENTENCE",
        "SENT_END_INDEX", "SECTION_HEADER", "NORMALIZED_SECTION_HEADER",
    ),
}  # fmt: skip
_WIDTHS = {15: "PREDICATION", 12: "PREDICATION", 18: "PREDICATION_AUX", 9: "SENTENCE"}
_KEYS = {"PREDICATION_ID": "PREDICATION", "PREDICATION_AUX_ID": "PREDICATION_AUX",
         "SENTENCE_ID": "SENTENCE"}  # fmt: skip
#: SemMedDB predicate -> (nnkg relation, whether subject and object swap). The others
#: (COEXISTS_WITH, INTERACTS_WITH, LOCATION_OF, PROCESS_OF, ADMINISTERED_TO, USES,
#: COMPLICATES, compared_with, …) state nothing an nnkg relation means: a problem line.
RELATIONS = {
    "AFFECTS": ("affects", False),
    "ASSOCIATED_WITH": ("linkedTo", False),
    "AUGMENTS": ("promotes", False),
    "CAUSES": ("causes", False),
    "DISRUPTS": ("disrupts", False),
    "INHIBITS": ("reduces", False),
    "ISA": ("isA", False),
    "MANIFESTATION_OF": ("hasSymptom", True),  # the symptom is the subject in SemMedDB
    "PART_OF": ("partOf", False),
    "PREDISPOSES": ("linkedTo", False),
    "PREVENTS": ("prevents", False),
    "PRODUCES": ("produces", False),
    "STIMULATES": ("promotes", False),
    "TREATS": ("treats", False),
}
_CLASSES = {
    "ChemicalEntity": "aapp antb bacs carb chem chvf chvs elii hops horm inch lipd nnon "
    "nsba orch phsu strd",
    "Nutrient": "vita",
    "GeneOrProtein": "enzy gngm rcpt",
    "Food": "food",
    "Disease": "cgab dsyn mobd neop",
    "Phenotype": "patf sosy",
    "AnatomicalStructure": "anst blor bdsy bpoc bsoj emst ffas tisu",
    "Cell": "cell",
    "CellularComponent": "celc",
    "BiologicalProcess": "biof celf genf moft",
    "PhysiologicalFunction": "menp orgf ortf phsf",
    "PopulationGroup": "aggp podg popg",
}
#: UMLS semantic type (SemMedDB's abbreviation) -> nnkg class, for concepts the lexicon
#: does not know; the lexicon's class wins where it knows a concept's CURIE.
SEMTYPES = {t: cls for cls, types in _CLASSES.items() for t in types.split()}
#: Factuality (FACT_VALUE) that makes a claim hedged; the rest are asserted.
_HEDGED = {"Probable", "Possible", "Doubtful"}
_CUI = re.compile(r"^C\d{7}$")
_ORDER = {"ti": 0, "ab": 1}


@dataclass(frozen=True)
class _Sentence:
    where: str
    pmid: str
    order: tuple[int, int]
    start: int  # SENT_START_INDEX: where the sentence begins in SemRep's citation text
    text: str


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[str, list[str]]]  # ("FILE:LINE", fields)


@cache
def _umls() -> dict[str, tuple[str, ...]]:
    rows = gzip.decompress(UMLS_TABLE.read_bytes()).decode().splitlines()
    return {cui: tuple(curies.split("|")) for cui, curies in
            (r.split("\t") for r in rows if r[:1] == "C")}  # fmt: skip


def umls_curies(cui: str) -> tuple[str, ...]:
    """The CURIEs ``umls.tsv.gz`` maps ``cui`` to (none when it maps it to none)."""
    return _umls().get(cui, ())


def _decode(path: Path) -> str:
    from kg.base.safefile import read_regular

    data = read_regular(path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # the Latin-1 tables of the MySQL dumps
        return data.decode("latin-1")


def _table(path: Path) -> _Table:
    """A SemMedDB table, named by its header row if it has one, else by its width."""
    reader = csv.reader(io.StringIO(_decode(path), newline=""), escapechar="\\")
    lines = [(f"{path.name}:{reader.line_num}", row) for row in reader if row]
    if not lines:
        raise ImportError_(f"{path}: empty")
    first = lines[0][1]
    name = _KEYS.get(first[0].strip().upper())
    if name:
        return _Table(name, tuple(c.strip().upper() for c in first), lines[1:])
    name = _WIDTHS.get(len(first))
    if not name:
        raise ImportError_(
            f"{path}: no SemMedDB table by its header or width ({len(first)} columns; "
            "PREDICATION has 15, PREDICATION_AUX 18, SENTENCE 9)"
        )
    return _Table(name, COLUMNS[name], lines)


def _fields(table: _Table, where: str, row: list[str], problems: Problems) -> dict | None:
    """``row`` by column name, or None (and a problem line) when it has not the width."""
    short = table.columns == COLUMNS["PREDICATION"] and len(row) == 12  # before VER43
    if len(row) != len(table.columns) and not short:
        problems.add(where, "row", f"{len(row)} fields; a {table.name} row has "
                     f"{len(table.columns)}")  # fmt: skip
        return None
    return dict(zip(table.columns, row, strict=False)) | {"where": where}


def _int(row: dict[str, str], key: str) -> int | None:
    value = row.get(key, "").strip()
    return int(value) if value.isdigit() else None


def _sentences(tables: list[_Table], problems: Problems) -> dict[str, _Sentence]:
    found: dict[str, _Sentence] = {}
    for table in tables:
        for where, fields in table.rows:
            if (row := _fields(table, where, fields, problems)) is None:
                continue
            number, start = _int(row, "NUMBER"), _int(row, "SENT_START_INDEX")
            sid = row["SENTENCE_ID"]
            if number is None or start is None:
                problems.add(where, "NUMBER" if number is None else "SENT_START_INDEX",
                             "not a whole number")  # fmt: skip
            elif sid in found:
                problems.add(where, "SENTENCE_ID", f"{sid} again (first at {found[sid].where})")
            else:
                order = (_ORDER.get(row["TYPE"], len(_ORDER)), number)
                found[sid] = _Sentence(where, row["PMID"], order, start, row["SENTENCE"])
    return found


def _document(sentences: list[_Sentence]) -> tuple[str, dict[_Sentence, int]]:
    """The document of these sentences, and where each one starts in it."""
    parts: list[str] = []
    at: dict[_Sentence, int] = {}
    size = 0
    by_pmid: dict[str, list[_Sentence]] = {}
    for sentence in sentences:
        by_pmid.setdefault(sentence.pmid, []).append(sentence)
    for pmid in sorted(by_pmid, key=lambda p: (len(p), p)):
        before = None
        for sentence in sorted(by_pmid[pmid], key=lambda s: s.order):
            gap = GAP if before is None and parts else ""
            if before is not None:
                gap = "\n" if sentence.order[0] != before.order[0] else " "
            parts += [gap, sentence.text]
            at[sentence] = size + len(gap)
            size = at[sentence] + len(sentence.text)
            before = sentence
    return "".join(parts), at


def _agent(row: dict[str, str], side: str, setting: Setting) -> tuple[Agent, str]:
    """One side of a predication as an Agent, and the problem with it ("" when none)."""
    ids = [i for i in row[f"{side}_CUI"].split("|") if i]
    names = row[f"{side}_NAME"].split("|")
    cuis = [i for i in ids if _CUI.match(i)]
    semtype = row[f"{side}_SEMTYPE"]
    label = names[0]  # the CUI's name first, then the gene names (as the ids are listed)
    wanted = SEMTYPES.get(semtype, "")
    mapped = [c for cui in cuis[:1] for c in umls_curies(cui)]
    known = {c: hit[1] for c in mapped if (hit := setting.lookup(c))}
    mapped.sort(key=lambda c: not (wanted and c in known
                                   and setting.ontology.is_a(known[c], wanted)))  # fmt: skip
    curies = (*mapped, *(f"UMLS:{c}" for c in cuis[:1]),
              *(f"NCBIGene:{i}" for i in ids if i.isdigit()))  # fmt: skip
    first_known = bool(mapped) and mapped[0] in known
    cls = "" if first_known else wanted
    problem = ""
    if cuis and not cls and not first_known:
        problem = (f"{label!r} ({cuis[0]}, semantic type {semtype!r}): no nnkg class for "
                   "that semantic type, and no CURIE of the lexicon for the concept")  # fmt: skip
    return Agent(label, curies, cls), problem


def _mention(where, row, aux, sentence: _Sentence, side: str, agent: Agent, problems) -> str:
    """The mention's text as the sentence spells it, or "" (and a problem line)."""
    if aux is None:
        found = mention(sentence.text, agent.label)
        if not found:
            problems.add(where, f"{side}_NAME", f"{agent.label!r} is not named in its "
                         "sentence (and no PREDICATION_AUX row gives its offsets)")  # fmt: skip
        return found
    start, end = _int(aux, f"{side}_START_INDEX"), _int(aux, f"{side}_END_INDEX")
    text = aux.get(f"{side}_TEXT", "")
    found = ""
    if start is not None and end is not None and sentence.start <= start < end:
        found = sentence.text[start - sentence.start : end - sentence.start]
        if len(found) == end - start and found.casefold() == text.casefold():
            return found
    span = f"{aux.get(f'{side}_START_INDEX')}..{aux.get(f'{side}_END_INDEX')}"
    at = f"{aux['where']}, sentence {row['SENTENCE_ID']}"
    problems.add(where, f"{side}_TEXT", f"{text!r} is not at its offsets {span} ({at}; "
                 f"there: {found!r})")  # fmt: skip
    return ""


def _row(where, row, sentences, auxes, setting, problems) -> tuple[Row, _Sentence] | None:
    raw = row["PREDICATE"]
    negated = raw.startswith("NEG_")
    relation, swap = RELATIONS.get(raw.removeprefix("NEG_"), ("", False))
    sentence = sentences.get(row["SENTENCE_ID"])
    aux = auxes.get(row["PREDICATION_ID"]) if auxes is not None else None
    checks = (
        ("PREDICATE", not relation, f"{raw!r} has no nnkg relation (those with one: "
         f"{', '.join(RELATIONS)}, and their NEG_ forms)"),
        ("SENTENCE_ID", sentence is None, f"{row['SENTENCE_ID']} is in no SENTENCE row given"),
        ("PMID", sentence is not None and sentence.pmid != row["PMID"],
         f"{row['PMID']}, and its sentence's is {sentence.pmid if sentence else ''}"),
        ("PREDICATION_ID", auxes is not None and aux is None,
         f"{row['PREDICATION_ID']} has no PREDICATION_AUX row (its mentions' offsets)"),
    )  # fmt: skip
    for name, bad, message in checks:
        if bad:
            problems.add(where, name, message)
            return None
    if sentence is None:  # said by the check above
        return None
    sides = []
    for side in ("SUBJECT", "OBJECT"):
        agent, problem = _agent(row, side, setting)
        if problem:
            problems.add(where, f"{side}_SEMTYPE", problem)
            return None
        text = _mention(where, row, aux, sentence, side, agent, problems)
        if not text:
            return None
        sides.append((agent, text))
    if swap:
        sides.reverse()
    (subject, subject_text), (obj, object_text) = sides
    certainty = "hedged" if row.get("FACT_VALUE") in _HEDGED else "asserted"
    return Row(where, subject, relation, obj, sentence.text, subject_text, object_text,
               certainty, negated), sentence  # fmt: skip


def read_semmeddb(
    paths: list[Path], setting: Setting, problems: Problems
) -> tuple[list[Row], int, str]:
    """The rows of the PREDICATION file(s) among ``paths`` (their mentions checked against
    the PREDICATION_AUX and SENTENCE files), how many were read, and the document."""
    tables: dict[str, list[_Table]] = {name: [] for name in COLUMNS}
    for path in paths:
        table = _table(Path(path))
        tables[table.name].append(table)
    for name in ("PREDICATION", "SENTENCE"):
        if not tables[name]:
            raise ImportError_(f"no SemMedDB {name} file among the files given")
    sentences = _sentences(tables["SENTENCE"], problems)
    auxes = None
    if tables["PREDICATION_AUX"]:
        auxes = {}
        for table in tables["PREDICATION_AUX"]:
            for where, fields in table.rows:
                if (row := _fields(table, where, fields, problems)) is not None:
                    auxes.setdefault(row["PREDICATION_ID"], row)
    read, found = 0, []
    for table in tables["PREDICATION"]:
        for where, fields in table.rows:
            read += 1
            row = _fields(table, where, fields, problems)
            if row is not None and (done := _row(where, row, sentences, auxes, setting, problems)):
                found.append(done)
    pmids = {s.pmid for _, s in found}
    document, at = _document([s for s in sentences.values() if s.pmid in pmids])
    return [replace(r, start=at[s]) for r, s in found], read, document
