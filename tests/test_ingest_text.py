"""Stage 1 of nnkg ingest: sentences and tokens with exact offsets (kg.ingest.text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.ingest.text import sentences

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def texts(document: str) -> list[str]:
    return [s.text for s in sentences(document)]


def assert_exact(document: str) -> None:
    previous = 0
    for sentence in sentences(document):
        assert document[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= previous
        previous = sentence.end
        assert sentence.tokens, sentence
        assert sentence.tokens[0].start == sentence.start
        assert sentence.tokens[-1].end == sentence.end
        for token in sentence.tokens:
            assert document[token.start : token.end] == token.text
            assert token.text and not token.text.isspace()


def test_prose_is_split_by_syntok():
    doc = "Zinc helps wounds heal, e.g. small cuts. Dr. Lee agrees! Does it work? Yes."
    assert texts(doc) == [
        "Zinc helps wounds heal, e.g. small cuts.",
        "Dr. Lee agrees!",
        "Does it work?",
        "Yes.",
    ]


def test_a_heading_is_a_sentence_of_its_own():
    doc = "Why magnesium matters\nMagnesium relaxes muscles. It also calms nerves.\n\nSources\n"
    assert texts(doc) == [
        "Why magnesium matters",
        "Magnesium relaxes muscles.",
        "It also calms nerves.",
        "Sources",
    ]


def test_list_items_are_sentences_without_their_markers():
    doc = (
        "Good sources of iron include:\n"
        "- red meat\n"
        "* lentils and beans\n"
        "• spinach\n"
        "1. Iron carries oxygen\n"
        "2) It supports energy.\n"
        "a. fortified cereals\n"
    )
    assert texts(doc) == [
        "Good sources of iron include:",
        "red meat",
        "lentils and beans",
        "spinach",
        "Iron carries oxygen",
        "It supports energy.",
        "fortified cereals",
    ]


def test_a_wrapped_line_of_prose_goes_on():
    doc = "Folate is needed for the\nformation of red blood cells and for\nDNA synthesis."
    assert texts(doc) == [doc]


def test_crlf_tabs_and_non_ascii_keep_offsets():
    doc = "Café au lait\r\n\tVitamin B₁₂ — “cobalamin” — helps 😀 nerves.\r\nÜber-healthy: yes!"
    assert_exact(doc)
    assert texts(doc)[0] == "Café au lait"
    assert texts(doc)[1].startswith("Vitamin B₁₂")


@pytest.mark.parametrize("document", ["", " \n\t\r\n", "***\n---\n", "\u200b"])
def test_no_words_no_sentences(document):
    assert sentences(document) == []


@pytest.mark.parametrize("folder", sorted(p.name for p in SOURCES.iterdir()))
def test_offsets_exact_on_the_packaged_documents(folder):
    document = (SOURCES / folder / "document.txt").read_text(encoding="utf-8")
    assert_exact(document)


_CHARS = "aZé ß.!?,;:-*•1()\n\r\t’'\"😀\u00a0\u2028\x0b\x0c\x1f\x85\u200b\ufeffİ"
_PIECES = st.sampled_from(
    [*_CHARS, "\r\n", "Dr.", "e.g.", "B-12", "can't", "1. ", "- ", "nerve-\nfibre", "\n\n"]
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=60).map("".join)))
def test_offsets_are_exact_for_any_text(document):
    assert_exact(document)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Carrots hold vitamin A. They also hold fibre.",
         ["Carrots hold vitamin A.", "They also hold fibre."]),
        ("It is hepatitis B. Tests confirm it.", ["It is hepatitis B.", "Tests confirm it."]),
        # a person's initial, or a letter with no class word before it, is left to syntok
        ("Dr. B. Jones agreed.", ["Dr. B. Jones agreed."]),
        ("Vitamins A. and C. help.", ["Vitamins A. and C. help."]),
    ],
)  # fmt: skip
def test_a_letter_named_after_its_class_ends_a_sentence(text, expected):
    assert [s.text for s in sentences(text)] == expected
