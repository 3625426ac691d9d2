"""Chemical names in ``nnkg ingest`` mentions: a locant glued to a name ("25-hydroxyvitamin
D"), a locant's prime ("pyridoxal 5'-phosphate"), and a substance's name that is a verb
written as the verb ("this leads to"). Every sentence here is invented."""

from __future__ import annotations

import pytest

from kg.ingest.mentions import Vocabulary, find_mentions
from kg.ingest.names import variants
from kg.ingest.text import sentences


@pytest.fixture(scope="module")
def mentions(known, lexicon):
    """The (text, entity) of each mention of a document."""

    def run(document: str) -> list[tuple[str, str]]:
        vocabulary = Vocabulary(known.entities, lexicon, proposed=known.proposed)
        found, _ = find_mentions(document, sentences(document), vocabulary)
        return [(m.text, m.entity) for m in found]

    return run


def test_a_locants_prime_is_a_variant_spelling_without_it():
    assert "pyridoxal 5 phosphate" in variants("pyridoxal 5' phosphate")
    assert "adenosine 3 5 cyclic" in variants("adenosine 3′ 5′ cyclic")


def test_a_name_with_a_primed_locant_is_found_as_the_vocabulary_spells_it(mentions):
    texts = [text for text, _ in mentions("The liver turns it into pyridoxal 5'-phosphate.")]
    assert "pyridoxal 5'-phosphate" in texts


def test_a_locant_glued_to_a_substances_name_is_part_of_its_mention(mentions, triples):
    found = mentions("Levels of 25-hydroxyvitamin D and 1,25-dihydroxyvitamin D were low.")
    texts = [text for text, _ in found]
    assert "25-hydroxyvitamin D" in texts and "1,25-dihydroxyvitamin D" in texts
    assert "hydroxyvitamin D" not in texts
    drafted = triples("Vitamin D3 raised serum 25-hydroxyvitamin D in every participant.")
    assert ("Vitamin D3", "promotes", "25-hydroxyvitamin D") in drafted


def test_a_number_before_a_name_apart_or_not_a_locant_stays_out(mentions):
    texts = [text for text, _ in mentions("Take 2 zinc tablets for 12-week periods; 5-HTP too.")]
    assert "zinc" in texts and "5-HTP" in texts
    assert not any(text.startswith(("2 ", "12-")) for text in texts)


def test_a_substances_name_in_a_verbs_s_form_is_the_verb(mentions):
    document = "Over years this leads to ataxia. Lead is toxic, and it leads to nerve damage."
    leads = [text for text, entity in mentions(document) if text.casefold().startswith("lead")]
    assert leads == ["Lead"]
