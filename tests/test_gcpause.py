"""The cycle collector's pause around allocation-heavy work (kg/base/gcpause.py): ingest's
stages, the lexicon's and the network's unpickling."""

from __future__ import annotations

import gc

import pytest

from kg.base.gcpause import paused_gc


def test_the_collector_is_off_inside_and_back_on_after_even_on_an_error():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("stage failed")
    assert gc.isenabled()


def test_a_collector_turned_off_outside_stays_off():
    gc.disable()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_drafting_pauses_the_collector_and_gives_it_back(monkeypatch):
    import kg.ingest.text
    from kg.ingest.draft import draft_claims
    from kg.ingest.known import Known

    seen = []
    split = kg.ingest.text.sentences

    def sentences(document, *args, **kwargs):
        seen.append(gc.isenabled())
        return split(document, *args, **kwargs)

    monkeypatch.setattr(kg.ingest.text, "sentences", sentences)
    draft_claims("Zinc supports immune function.", Known({}, {}, {}))
    assert seen == [False]
    assert gc.isenabled()
