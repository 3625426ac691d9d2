"""Stage 1 of ``nnkg ingest``: the document's sentences and tokens, with exact offsets.

syntok splits sentences and tokens and keeps each token's offset. Three things it does not
know are added here. A letter named after its class ("vitamin A.", "type B.", "hepatitis
A.") ends a sentence when a capitalised word follows: syntok reads the letter as a person's
initial and glues the next sentence on. And at line breaks: a heading or a list item is a
sentence of its own (syntok glues a heading to the paragraph under it and a list's "1." to
the line before), and a list's marker ("- ", "* ", "• ", "1.", "a)") is not part of its
item's sentence, so a quote starts at the item's first word.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator

from kg.ingest.model import Sentence, Token

__all__ = ["sentences"]

_BULLETS = frozenset("-*•‣◦▪●·–—+")
_ENUM_CLOSERS = frozenset(".)")
#: What ends a line that is a sentence of its own (the text under it starts afresh).
_FINAL = frozenset(".!?…:;\"'”’)]")
#: Words a wrapped line can end in but a heading cannot: the sentence goes on below.
_CONTINUING = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
     "with", "from", "as", "than", "that", "which", "who", "whose", "is", "are", "was",
     "were", "be", "been", "has", "have", "had", "its", "their", "our", "your", "this",
     "these", "those", "such"}
)  # fmt: skip


def _tokens(
    document: str, workers: int = 1, first: Callable[[], object] | None = None
) -> Iterator[tuple[Token, bool]]:
    """Every token syntok finds, with whether syntok starts a sentence at it.

    This is ``syntok.segmenter.analyze`` with each paragraph tokenized on its own and its
    offset added here: ``analyze`` pads every paragraph with as many spaces as its offset,
    which makes a long document take quadratic time. Paragraphs are independent, so a long
    document's are tokenized over ``workers`` processes (:mod:`kg.ingest.parallel`), this
    one doing ``first()`` before it joins them."""
    from syntok.segmenter import preprocess_with_offsets
    from syntok.tokenizer import Tokenizer

    from kg.ingest.parallel import in_order

    tokenizer = Tokenizer(replace_not_contraction=False)
    paragraphs = preprocess_with_offsets(document)
    found = in_order(
        lambda i: _paragraph(tokenizer, *paragraphs[i]), len(paragraphs), workers, first
    )
    for spans in found:
        for k in range(0, len(spans), 3):
            start, end = spans[k], spans[k + 1]
            yield Token(start, end, document[start:end]), bool(spans[k + 2])


def _paragraph(tokenizer, offset: int, paragraph: str) -> array:
    """The tokens of a paragraph at ``offset``: start, end and whether a sentence starts
    there, three numbers a token (as little as can be to hand between processes)."""
    from syntok.segmenter import segment

    spans = array("q")
    for sentence in segment(tokenizer.tokenize(paragraph)):
        first = 1
        for tok in sentence:
            if tok.value and not tok.value.isspace():  # an empty one ends a text
                start = offset + tok.offset
                spans.extend((start, start + len(tok.value), first))
                first = 0
    return spans


#: Words a capital letter names a member of ("vitamin A", "type B"): that letter and a full
#: stop are no initial.
_LETTER_CLASSES = frozenset({"vitamin", "vitamins", "type", "group", "hepatitis", "grade",
                             "class", "stage", "phase"})  # fmt: skip


def _after_named_letter(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence after "vitamin A." (see the module's doc)."""
    return (
        i >= 3
        and tokens[i].text[:1].isupper()
        and tokens[i - 1].text == "."
        and len(tokens[i - 2].text) == 1
        and tokens[i - 2].text.isupper()
        and tokens[i - 3].text.casefold() in _LETTER_CLASSES
    )


def _line_break(document: str, before: Token, after: Token) -> bool:
    between = document[before.end : after.start]
    return "\n" in between or "\r" in between


def _markers(tokens: list[Token], line_starts: set[int]) -> set[int]:
    """Indexes of the tokens that mark a list item: a bullet, or "1." / "a)" opening a line,
    with more on the line after it."""

    def on_line(j: int) -> bool:
        return j < len(tokens) and j not in line_starts

    found: set[int] = set()
    for i in line_starts:
        text = tokens[i].text
        if text in _BULLETS and on_line(i + 1):
            found.add(i)
        elif (
            ((text.isdigit() and len(text) <= 3) or (len(text) == 1 and text.isalpha()))
            and on_line(i + 2)
            and tokens[i + 1].text in _ENUM_CLOSERS
            and tokens[i + 1].start == tokens[i].end
        ):
            found.update((i, i + 1))
    return found


def _continues(document: str, last: Token, first: Token) -> bool:
    """Whether the line ending in ``last`` goes on in the line starting with ``first``: a
    wrapped line of prose, not a heading or a list item above the next line."""
    if last.text in _FINAL:
        return False
    if last.text == "," or last.text.casefold() in _CONTINUING:
        return True
    return document[first.start].islower()


def sentences(
    document: str, workers: int = 1, first: Callable[[], object] | None = None
) -> list[Sentence]:
    """The sentences of ``document`` in order, each with its tokens; offsets are ``str``
    indices into ``document``, so ``document[s.start:s.end] == s.text``. ``workers``
    processes tokenize a long document's paragraphs (:func:`_tokens`); ``first`` is work
    of the caller's this process does first, while the others begin.

    >>> [s.text for s in sentences("Zinc\\n- It helps healing. It is in meat.")]
    ['Zinc', 'It helps healing.', 'It is in meat.']
    >>> [s.text for s in sentences("Eat vitamin A. It helps the eyes.")]
    ['Eat vitamin A.', 'It helps the eyes.']
    """
    pairs = list(_tokens(document, workers, first))
    tokens = [tok for tok, _ in pairs]
    line_starts = {
        i for i in range(1, len(tokens)) if _line_break(document, tokens[i - 1], tokens[i])
    }
    markers = _markers(tokens, line_starts | {0} if tokens else set())
    groups: list[list[Token]] = []
    current: list[Token] = []
    for i, (tok, starts) in enumerate(pairs):
        breaks = starts or i in markers or _after_named_letter(tokens, i)
        if i in line_starts and not breaks:
            breaks = not _continues(document, tokens[i - 1], tok)
        if breaks and current:
            groups.append(current)
            current = []
        if i not in markers:
            current.append(tok)
    if current:
        groups.append(current)
    return [
        Sentence(g[0].start, g[-1].end, document[g[0].start : g[-1].end], tuple(g))
        for g in groups
        if any(ch.isalnum() for tok in g for ch in tok.text)
    ]
