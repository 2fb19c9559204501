"""Worker processes fed over pipes: every batch is answered, a worker that dies fails only its own
batches and is replaced, and a run stopped early leaves nothing for the next."""

from __future__ import annotations

import os
import signal

from searchapp.core.pool import ProcessPool


def square_all(batch: list[int]) -> list[int]:
    return [number * number for number in batch]


def die_on_13(batch: list[int]) -> list[int]:
    if 13 in batch:
        os.kill(os.getpid(), signal.SIGKILL)  # a crash in a C library, the out-of-memory killer
    return square_all(batch)


def fail_on_7(batch: list[int]) -> list[int]:
    if 7 in batch:
        raise ValueError("seven")
    return square_all(batch)


BATCHES = [[n, n + 100] for n in range(40)]


def test_every_batch_is_answered_once() -> None:
    pool = ProcessPool(2)
    try:
        done = list(pool.map_unordered(square_all, BATCHES, help_out=False))
    finally:
        pool.close()
    assert sorted(d.batch[0] for d in done) == list(range(40))
    assert all(d.value == square_all(d.batch) and not d.error for d in done)


def test_a_worker_that_dies_fails_only_its_batches_and_is_replaced() -> None:
    pool = ProcessPool(2)
    try:
        done = list(pool.map_unordered(die_on_13, BATCHES, help_out=False))
        failed = [d for d in done if d.error]
        assert [13] == [d.batch[0] for d in failed if 13 in d.batch]
        assert all("stopped while reading it" in d.error for d in failed)
        # Batches go to the worker with fewer pending: the other worker's half is never lost.
        assert len(done) == 40 and 1 <= len(failed) <= 20
        assert all(d.value == square_all(d.batch) for d in done if not d.error)
        again = list(pool.map_unordered(square_all, BATCHES[:10], help_out=False))  # the pool goes on
        assert sorted(d.batch[0] for d in again if not d.error) == list(range(10))
    finally:
        pool.close()


def test_an_error_in_the_function_is_that_batch_s_error() -> None:
    pool = ProcessPool(1)
    try:
        done = {d.batch[0]: d for d in pool.map_unordered(fail_on_7, BATCHES[:10])}
    finally:
        pool.close()
    assert done[7].error == "ValueError: seven" and done[7].value is None
    assert all(not d.error for n, d in done.items() if n != 7)


def test_answers_of_a_run_stopped_early_do_not_reach_the_next_run() -> None:
    pool = ProcessPool(2)
    try:
        first = pool.map_unordered(square_all, BATCHES, help_out=False)
        next(first)
        first.close()  # the caller stopped asking: its other batches are still being answered
        second = list(pool.map_unordered(square_all, [[1000]], help_out=False))
        assert [(d.batch, d.value) for d in second] == [([1000], [1000000])]
    finally:
        pool.close()
