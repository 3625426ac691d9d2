"""kg.ingest.itemyaml writes each item as PyYAML's pure emitter does, byte for byte."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ingest.folder import CLAIM_KEYS, dump_items
from kg.ingest.itemyaml import DUMP_OPTIONS, item_yaml


def _pyyaml(item: dict) -> str:
    """PyYAML's pure emitter (never libyaml's), as the curator files were always written."""
    return yaml.dump([item], Dumper=yaml.SafeDumper, **DUMP_OPTIONS)


#: Pieces text is made of: what decides a scalar's style in YAML (indicators, quotes,
#: spaces, line breaks, control and non-printable characters, words that read as other
#: types, a long quote), and any character at all.
_SPECIAL = [
    " ", "  ", "\n", "\n\n", "\t", "\r", "\r\n", "\x00", "\x07", "\x1b", "\x7f", "\x85",
    "\xa0", "\u2028", "\u2029", "\ufeff", "\ufffe", "\U0010ffff", "😀", "é", "µ", "—", "’",
    "'", '"', "''", "#", " #", ": ", ":", "-", "- ", "?", "? ", "---", "...", ",", "[",
    "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "~", "<<", "=", "true", "False",
    "yes", "No", "on", "null", "Null", "0", "-1", "+12", "0x1F", "0o17", "1_000", "1.5",
    ".5", "1e3", "6.02e+23", ".inf", "-.Inf", ".nan", "2024-01-31",
    "2001-12-14t21:59:43.10-05:00", "12:30:00", "vitamin B12", "B12", "iron", "x",
]  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_SPECIAL),
    st.just("a long quote " * 12),  # longer than a simple key may be
    st.text(max_size=4),
    st.characters(),
)
_TEXT = st.lists(_PIECES, max_size=8).map("".join)
_SCALARS = st.one_of(
    _TEXT,
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(),
    st.sampled_from([0.5, 1e17, 1e-05, -0.0, 12345678.9]),
)
_KEYS = st.one_of(st.sampled_from([*CLAIM_KEYS, "n", "cue", "synonyms", "xrefs"]), _TEXT)
_FLAT = st.dictionaries(_KEYS, _SCALARS, max_size=4)
_VALUES = st.one_of(
    _SCALARS,
    st.lists(_SCALARS, max_size=3),
    st.lists(_FLAT, max_size=3),
    _FLAT,
    st.lists(st.lists(_SCALARS, max_size=2), max_size=2),
)
_ITEMS = st.dictionaries(_KEYS, _VALUES, max_size=8)
#: Text and items of the curator files' own shapes, without what only double quotes hold,
#: so most are written by kg.ingest.itemyaml itself rather than left to PyYAML.
_PRINTABLE = st.characters(
    exclude_categories=("Cc", "Cs", "Cn", "Zl", "Zp"), exclude_characters="\ufeff"
)
_PLAIN_PIECES = st.one_of(
    _PIECES.filter(lambda p: all(c == "\n" or c.isprintable() for c in p)),
    st.text(_PRINTABLE, max_size=4),
    _PRINTABLE,
)
_PLAIN_TEXT = st.lists(_PLAIN_PIECES, max_size=8).map("".join)
_PLAIN_SCALARS = st.one_of(_PLAIN_TEXT, st.integers(), st.booleans(), st.none(), st.floats())
_PLAIN_KEYS = st.one_of(st.sampled_from(CLAIM_KEYS), _PLAIN_TEXT.filter(bool))
_PLAIN_VALUES = st.one_of(
    _PLAIN_SCALARS,
    st.lists(_PLAIN_SCALARS, max_size=3),
    st.lists(st.dictionaries(_PLAIN_KEYS, _PLAIN_SCALARS, min_size=1, max_size=3), max_size=3),
)
_PLAIN_ITEMS = st.dictionaries(_PLAIN_KEYS, _PLAIN_VALUES, min_size=1, max_size=8)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_ITEMS, _PLAIN_ITEMS))
def test_items_are_written_as_pyyaml_writes_them(item):
    assert item_yaml(item) == _pyyaml(item)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_TEXT, _PLAIN_TEXT))
def test_candidate_records_are_written_as_pyyaml_writes_them(quote):
    """A candidate's shape, its quote and mention texts anything."""
    item = {"subject": "vitamin-b12", "predicate": "required_for", "object": "myelin",
            "quote": quote, "start": 0, "end": len(quote), "subject_text": quote[:3],
            "object_text": quote[-3:], "certainty": "asserted", "negated": False,
            "status": "candidate", "n": 1, "cue": "for"}  # fmt: skip
    assert item_yaml(item) == _pyyaml(item)


def test_a_list_or_mapping_met_twice_is_left_to_pyyaml():
    """PyYAML writes a list met twice in one item as an anchor and an alias."""
    shared = ["a", "b"]
    item = {"synonyms": shared, "also": shared}
    assert item_yaml(item) == _pyyaml(item)
    assert "&id001" in item_yaml(item)


def test_multiline_quotes_keep_their_breaks():
    """A quote over lines is single-quoted, each break doubled and the next line indented
    under the key, so it reads back as it was."""
    quote = "Vitamin B12 is\nessential for myelin's\n\nsynthesis."
    text = item_yaml({"quote": quote, "n": 1})
    assert (
        text
        == "- quote: 'Vitamin B12 is\n\n    essential for myelin''s\n\n\n    synthesis.'\n  n: 1\n"
    )
    assert yaml.safe_load(text) == [{"quote": quote, "n": 1}]


def test_packaged_drafts_are_written_as_pyyaml_writes_them(documents, tmp_path):
    """The candidates and entities drafted from every packaged document."""
    from kg.ingest.draft import draft_claims
    from kg.ingest.folder import candidate_items, entity_items
    from kg.ingest.known import load_known

    known = load_known(tmp_path)
    for document in documents.values():
        draft = draft_claims(document, known)
        items = candidate_items(document, draft.candidates) + entity_items(draft.entities)
        assert items
        expected = "".join("\n" + _pyyaml(item) for item in items).encode()
        assert dump_items(items) == expected
