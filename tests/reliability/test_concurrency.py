"""Two processes at once: searches from another process during indexing never fail and never see
half a commit; a second indexer waits for the first (or with --no-wait leaves at once)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from tests.reliability.conftest import (
    RECORDS_PER_FILE,
    assert_clean,
    make_corpus,
    run,
    searchapp_env,
    start,
    stats,
    wait_until,
)

READER = """
import json, sys, time
from searchapp.core.errors import SearchAppError
from searchapp.core.index import ArticleIndex
from searchapp.core.search import search

location, stop_file = sys.argv[1], sys.argv[2]
import os
while not os.path.exists(stop_file):
    try:
        with ArticleIndex(location, read_only=True) as index:
            found = search(index, "harbour", page_size=3)
            counts = index.stats()
        print(json.dumps({"harbour": found.total, "articles": counts.articles, "files": counts.files}), flush=True)
    except SearchAppError as error:  # before the first commit there is no index yet
        print(json.dumps({"message": str(error)}), flush=True)
    except Exception as error:  # anything else is a failure of the test's subject
        print(json.dumps({"failure": f"{type(error).__name__}: {error}"}), flush=True)
    time.sleep(0.05)
"""


@pytest.mark.slow
def test_searches_from_another_process_during_indexing_never_fail_or_see_half_a_commit(base) -> None:
    make_corpus(base / "news", text_files=0, record_files=300)  # 2,100 wire articles, 7 to a file
    index = base / "index"
    script = base / "reader.py"
    script.write_text(READER, encoding="utf-8")
    stop = base / "stop"
    reader = subprocess.Popen([sys.executable, str(script), str(index), str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=searchapp_env(base))
    try:
        indexer = start(base, "index", str(base / "news"), "--index", str(index))
        during = []
        while indexer.poll() is None:  # the CLI reads too, as a script would
            during.append(run(base, "search", "harbour", "--index", str(index), "--json", "--limit", "1"))
        out, err = indexer.communicate(timeout=240)
        assert indexer.returncode == 0, err
        assert_clean(out + err)
    finally:
        stop.touch()
        seen_out, seen_err = reader.communicate(timeout=60)
    readings = [json.loads(line) for line in seen_out.splitlines()]
    assert not [r for r in readings if "failure" in r], readings
    assert_clean(seen_err)
    counts = [r for r in readings if "articles" in r]
    assert len(counts) >= 5, readings  # the reader did read while the index grew
    for reading in counts:
        # Every file's seven articles go into one commit: a reader never sees part of a file,
        assert reading["articles"] == reading["files"] * RECORDS_PER_FILE, reading
        assert reading["harbour"] % RECORDS_PER_FILE == 0, reading
    assert [r["articles"] for r in counts] == sorted(r["articles"] for r in counts)  # and never goes back
    assert counts[-1]["articles"] == 2100
    for search in during:
        assert search.returncode in (0, 1), search.stderr  # 1: no index yet, said in one line
        assert_clean(search.stdout + search.stderr)
        if search.returncode == 0:
            assert json.loads(search.stdout)["total"] % RECORDS_PER_FILE == 0


@pytest.mark.slow
def test_a_second_indexer_waits_for_the_first_and_no_wait_leaves_at_once(base) -> None:
    make_corpus(base / "first", text_files=1200, record_files=0)
    make_corpus(base / "second", text_files=0, record_files=40)
    index = base / "index"
    lock = index / "searchapp.lock"
    first = start(base, "index", str(base / "first"), "--index", str(index))
    assert wait_until(lambda: lock.exists() and "process" in lock.read_text(), timeout=120)
    holder = lock.read_text()
    started = time.monotonic()
    hurried = run(base, "index", str(base / "second"), "--index", str(index), "--no-wait")
    assert hurried.returncode == 1 and time.monotonic() - started < 30  # at once, not after the first
    assert hurried.stderr.startswith("searchapp: Another SearchApp process") and holder in hurried.stderr
    assert_clean(hurried.stdout + hurried.stderr)
    patient = start(base, "index", str(base / "second"), "--index", str(index))
    out, err = patient.communicate(timeout=240)
    assert patient.returncode == 0, err
    assert "waiting for it to finish" in err and first.poll() is not None  # it waited for the first to end
    assert_clean(out + err)
    first_out, first_err = first.communicate(timeout=240)
    assert first.returncode == 0, first_err
    assert_clean(first_out + first_err)
    assert stats(base, index) == {"articles": 1200 + 40 * RECORDS_PER_FILE, "files": 1240}
