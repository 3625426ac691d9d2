"""A long document drafted over several processes (:mod:`kg.ingest.parallel`): the same
draft as one process makes, the items in order, and a worker's error raised as the serial
path raises it, with no pool left behind."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from kg.ingest import parallel
from kg.ingest.draft import draft_claims
from kg.ingest.known import load_known
from kg.ingest.text import sentences

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork on this platform"
)


@pytest.fixture
def two_cpus(monkeypatch):
    """Two workers, however many CPUs the machine running the tests has."""
    monkeypatch.setattr(parallel, "cpus", lambda: 2)


def test_a_document_drafted_over_processes_is_the_one_drafted_in_one(
    documents, tmp_path, two_cpus, monkeypatch
):
    from kg.ingest.lexicon import Lexicon

    document = "\n\n".join(documents.values())
    known, lexicon = load_known(tmp_path), Lexicon.load()
    serial = draft_claims(document, known, lexicon, min_parallel=len(document) + 1)
    handed = []
    start = parallel.Forks.start
    monkeypatch.setattr(parallel.Forks, "start", lambda f, w: handed.append(w) or start(f, w))
    spread = draft_claims(document, known, lexicon, min_parallel=1)
    assert handed  # some runs were drafted in a worker
    assert spread.candidates and spread.entities
    assert spread == serial
    assert sentences(document, workers=3) == sentences(document)


def test_a_short_document_stays_in_one_process(two_cpus):
    assert parallel.workers_for("Zinc supports immune function.") == 1
    assert parallel.workers_for("x" * parallel.MIN_CHARS) > 1
    assert parallel.workers_for("Zinc.", min_chars=1) > 1


def test_items_come_back_in_order_from_at_most_one_process_each():
    found = parallel.in_order(lambda i: (i, os.getpid()), 7, workers=3)
    assert [i for i, _ in found] == list(range(7))
    assert parallel.in_order(lambda i: i, 2, workers=8) == [0, 1]
    assert parallel.in_order(lambda i: i, 0, workers=2) == []


def test_items_are_shared_in_turns_and_a_process_busy_first_takes_fewer():
    """This process does its own work first; the worker takes the items meanwhile."""
    import time

    parent = os.getpid()

    def work(i: int) -> tuple[int, bool]:
        time.sleep(0.01)
        return i, os.getpid() == parent

    count = 2 * 2 * parallel.TURNS  # two items a turn
    found = parallel.in_order(work, count, workers=2, first=lambda: time.sleep(0.5))
    assert [i for i, _ in found] == list(range(count))
    here = [i for i, mine in found if mine]
    assert len(here) < count / 2  # the worker took the more
    assert all(i % 2 == 0 and i + 1 in here for i in here[::2])  # whole turns
    assert parallel._work is None and parallel._next is None  # the pool let go


@pytest.mark.parametrize("failing", [1, 5], ids=["in this process", "in a worker"])
def test_a_workers_error_is_raised_as_the_serial_path_raises_it(failing):
    def work(i: int) -> int:
        if i == failing:
            raise ValueError(f"item {i} is bad")
        return i

    with pytest.raises(ValueError, match=f"item {failing} is bad"):
        parallel.in_order(work, 6, workers=2)
    assert parallel._work is None  # the pool is closed and its work let go


def test_the_first_error_in_item_order_is_raised_wherever_the_items_were_worked():
    """Items 3 and 40 fail: the serial path raises item 3's error, and so does this."""

    def work(i: int) -> int:
        if i in (3, 40):
            raise ValueError(f"item {i} is bad")
        return i

    for _ in range(5):  # whichever process takes which turn
        with pytest.raises(ValueError, match="item 3 is bad"):
            parallel.in_order(work, 64, workers=2)


def test_an_error_of_the_work_done_first_ends_the_pool():
    def first() -> None:
        raise RuntimeError("first failed")

    with pytest.raises(RuntimeError, match="first failed"):
        parallel.in_order(lambda i: i, 10, workers=2, first=first)
    assert parallel._work is None


def test_a_chunk_whose_worker_dies_is_worked_here():
    parent = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != parent:
            os._exit(1)  # the worker is lost, as to the OOM killer
        return i * i

    assert parallel.in_order(work, 4, workers=2) == [0, 1, 4, 9]
    assert parallel.in_order(work, 100, workers=2) == [i * i for i in range(100)]


def test_work_handed_on_as_a_stage_goes_comes_back_in_order_and_its_error_here():
    parent = os.getpid()
    with parallel.Forks(workers=3) as forks:
        state = ["first"]
        forks.start(lambda: (list(state), os.getpid() != parent))
        state.append("second")  # the worker forked before has the state of its moment
        forks.start(lambda: (list(state), os.getpid() != parent))
        assert forks.results() == [(["first"], True), (["first", "second"], True)]
        forks.start(lambda: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            forks.results()


def test_no_more_workers_run_at_once_than_asked():
    import time

    with parallel.Forks(workers=2) as forks:
        assert forks.idle()
        forks.start(lambda: time.sleep(0.5) or "slow")
        assert not forks.idle()
        # done, and its result received: on a busy machine a fork of a big process and its
        # half-second sleep may take longer than any fixed wait
        deadline = time.monotonic() + 60
        while not forks.idle() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert forks.idle()
        forks.start(lambda: "next")
        assert forks.results() == ["slow", "next"]


def test_workers_left_running_by_an_error_are_ended():
    import time

    started = time.perf_counter()
    with pytest.raises(RuntimeError), parallel.Forks(workers=2) as forks:
        forks.start(lambda: time.sleep(60))
        raise RuntimeError("the mention stage failed")
    assert time.perf_counter() - started < 30
