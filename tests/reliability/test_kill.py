"""SIGKILL at any moment: no process outlives the one killed, nothing is printed that a user should
not see, and the next run finishes the job to the exact count."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from tests.core.factories import write_json_records
from tests.reliability.conftest import (
    RECORDS_PER_FILE,
    alive,
    assert_clean,
    descendants,
    linux_only,
    make_corpus,
    run,
    start,
    stats,
    total,
    wait_until,
)

KILLS = 10


def kill_and_check(process, when: float, seed: int) -> str:
    """Kill `process` after `when` seconds (unless it finished); every process it started must end
    by itself. Returns what it printed."""
    deadline = time.monotonic() + when
    family: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        family |= descendants(process.pid)
        time.sleep(0.02)
    if process.poll() is None:
        family |= descendants(process.pid)
        os.kill(process.pid, signal.SIGKILL)
    # communicate() returns once every process holding its pipes has gone: a surviving worker hangs it.
    out, err = process.communicate(timeout=60)
    assert wait_until(lambda: not any(alive(pid) for pid in family), timeout=30), (
        f"seed {seed}: processes outlived the killed indexer: {sorted(p for p in family if alive(p))}")
    assert_clean(out + err)
    return out + err


def churn(folder: Path, rng: random.Random, round_number: int) -> None:
    """Work for the next run: some articles rewritten, some wire files deleted, some added."""
    texts = sorted((folder / "texts").glob("*.txt"))
    for path in rng.sample(texts, 150):
        path.write_text(f"Rewritten in round {round_number}\n\nA new version of {path.stem}.\n", encoding="utf-8")
    wires = sorted((folder / "wires").glob("*.jsonl"))
    for path in rng.sample(wires, 20):
        path.unlink()
    for number in range(20):
        records = [{"title": f"Late wire {round_number}-{number}-{r}", "text": "The harbour strike went on."}
                   for r in range(RECORDS_PER_FILE)]
        write_json_records(folder / "wires" / f"late{round_number:02d}-{number:02d}.jsonl", records)


@pytest.mark.slow
def test_sigkill_at_ten_random_moments_then_a_rerun_completes_to_the_exact_count(base) -> None:
    linux_only()
    make_corpus(base / "news", text_files=700, record_files=140)
    index = base / "index"
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    codes: list[tuple[float, int | None]] = []
    latest = 4.5  # kills are drawn before this; a run that ends first brings it down to that run's length
    while sum(code == -signal.SIGKILL for _when, code in codes) < KILLS:
        assert len(codes) < 3 * KILLS, f"seed {seed}: the runs ended before they could be killed: {codes}"
        if codes:
            churn(base / "news", rng, len(codes))
        started = time.monotonic()
        process = start(base, "index", str(base / "news"), "--index", str(index))
        when = rng.uniform(0.3, latest)
        kill_and_check(process, when, seed)
        codes.append((round(when, 1), process.returncode))
        if process.returncode != -signal.SIGKILL:  # done before the kill: this machine indexes faster
            latest = max(0.6, min(latest, time.monotonic() - started))
        elif any(index.glob("_articles_*.toc")):
            counts = stats(base, index)  # whatever was committed is whole and searchable
            assert total(base, index) == counts["articles"], f"seed {seed}"
    final = run(base, "index", str(base / "news"), "--index", str(index))
    assert final.returncode == 0, final.stderr
    assert_clean(final.stdout + final.stderr)
    wires = len(list((base / "news" / "wires").glob("*.jsonl")))
    expected = 700 + wires * RECORDS_PER_FILE
    assert stats(base, index) == {"articles": expected, "files": 700 + wires}, f"seed {seed}: {codes}"
    assert total(base, index) == expected
    assert total(base, index, "harbour") == wires * RECORDS_PER_FILE  # every wire says harbour; no text does
    rewritten = sum("Rewritten" in p.read_text(encoding="utf-8") for p in (base / "news" / "texts").glob("*.txt"))
    assert total(base, index, "rewritten") == rewritten  # changed files hold their latest text, once


@pytest.mark.slow
def test_killing_the_window_stops_its_writer_and_parsers(base) -> None:
    linux_only()
    expected = make_corpus(base / "news", text_files=1500, record_files=0)
    index = base / "index"
    window = start(base, "--index", str(index), str(base / "news"))
    # Wait for the writer and its parsing workers to be at work.
    assert wait_until(lambda: len(descendants(window.pid)) >= 4, timeout=120), descendants(window.pid)
    time.sleep(1.0)
    kill_and_check(window, 0, seed=0)
    final = run(base, "index", str(base / "news"), "--index", str(index))
    assert final.returncode == 0, final.stderr
    assert stats(base, index)["articles"] == expected
