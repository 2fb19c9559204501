"""Reads in a child process: the same answers as in-process, errors of the same kind, a read-only index."""

from __future__ import annotations

import csv
import os
import signal
import threading
from pathlib import Path

import pytest

from searchapp.core.errors import QueryError, SearchAppError
from searchapp.core.index import ArticleIndex
from searchapp.core.reader import IndexReaders, ReaderProcess
from searchapp.core.search import search
from searchapp.core.viewing import highlight_spans
from tests.core.factories import make_txt_folder


@pytest.fixture
def indexed(tmp_path: Path) -> Path:
    location = tmp_path / "index"
    with ArticleIndex(location, workers=0) as index:
        index.add([make_txt_folder(tmp_path / "news", 30)])
    return location


@pytest.fixture
def reader(indexed: Path):
    process = ReaderProcess(indexed)
    yield process
    process.close()


def test_search_in_the_child_matches_search_here(reader: ReaderProcess, indexed: Path) -> None:
    with ArticleIndex(indexed) as index:
        here = search(index, "report", page_size=7)
    there = reader.search("report", page_size=7)
    assert there.total == here.total > 7
    assert [hit.path for hit in there.hits] == [hit.path for hit in here.hits]
    assert there.facets == here.facets and there.terms == here.terms
    assert reader.search("report", page_size=7, with_facets=False).facets == {}


def test_article_comes_with_the_spans_of_the_terms(reader: ReaderProcess) -> None:
    result = reader.search("officials watching", page_size=1)
    stored, spans = reader.article(result.hits[0].path, result.terms)
    assert stored is not None and stored.article.path == result.hits[0].path
    assert spans and spans == highlight_spans(stored.article.body, result.terms)
    assert reader.article("/no/such/file.txt", result.terms) == (None, [])


def test_status_and_export(reader: ReaderProcess, tmp_path: Path) -> None:
    stats, folders, problems = reader.status()
    assert stats.articles == 30 and [f.articles for f in folders] == [30] and problems == []
    out = tmp_path / "out.csv"
    assert reader.export("report", {}, "newest", out, "csv") == reader.search("report").total
    with out.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == reader.search("report").total
    assert not out.with_name("out.csv.part").exists()


def test_a_failed_export_leaves_no_file_and_says_why(reader: ReaderProcess, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "out.csv"
    with pytest.raises(SearchAppError, match="Could not write"):
        reader.export("report", {}, "relevance", target, "csv")
    assert not target.parent.exists()


def test_a_request_skipped_when_its_turn_comes_is_not_sent(reader: ReaderProcess) -> None:
    assert reader.search("report", skip=lambda: True) is None
    assert reader._process is None  # not even started for it
    assert reader.search("report", skip=lambda: False).total > 0


def test_errors_keep_their_kind_and_the_child_survives(reader: ReaderProcess) -> None:
    with pytest.raises(QueryError):
        reader.search("date:2020-99")
    assert reader.search("report").total > 0


def test_a_dead_child_is_reported_then_replaced(reader: ReaderProcess) -> None:
    reader.start()
    os.kill(reader._process.pid, signal.SIGKILL)
    reader._process.join(5)
    # Between requests a dead child is simply started again.
    assert reader.search("report").total > 0


def test_a_child_dying_during_a_request_fails_that_request_only(reader: ReaderProcess) -> None:
    reader.start()
    pid = reader._process.pid
    os.kill(pid, signal.SIGSTOP)  # it cannot answer...
    threading.Timer(0.3, os.kill, (pid, signal.SIGKILL)).start()  # ...and then it is gone
    with pytest.raises(SearchAppError, match="stopped unexpectedly"):
        reader.search("report")
    assert reader.search("report").total > 0


def test_after_close_no_call_starts_a_child_again(reader: ReaderProcess) -> None:
    assert reader.search("report").total > 0
    reader.close()
    with pytest.raises(SearchAppError, match="shut down"):
        reader.search("report")
    assert reader._process is None


def test_the_child_sees_new_commits(indexed: Path, tmp_path: Path) -> None:
    readers = IndexReaders(indexed)
    try:
        before = readers.hits.search("report").total
        with ArticleIndex(indexed, workers=0) as index:
            index.add([make_txt_folder(tmp_path / "more", 5)])
        assert readers.hits.search("report").total == before + 5
        assert readers.counts.status()[0].articles == 35
    finally:
        readers.close()


def test_read_only_index_never_writes(indexed: Path, tmp_path: Path) -> None:
    meta = indexed / "searchapp.json"
    stamp = meta.stat().st_mtime_ns
    with ArticleIndex(indexed, read_only=True) as index:
        assert index.stats().articles == 30
        with pytest.raises(SearchAppError, match="reading only"):
            index.add([tmp_path / "news"])
        with pytest.raises(SearchAppError, match="reading only"):
            index.remove(tmp_path / "news")
    assert meta.stat().st_mtime_ns == stamp
    with pytest.raises(SearchAppError, match="no SearchApp index"):
        ArticleIndex(tmp_path / "nothing-here", read_only=True)
    assert not (tmp_path / "nothing-here").exists()


def test_a_filtered_person_named_by_surname_alone_is_marked(tmp_path: Path) -> None:
    folder = tmp_path / "short"
    folder.mkdir()
    (folder / "speech.txt").write_text(
        "Harbour speech\n\nPresident Obama visited the harbour on Monday.\n\n\"We will rebuild it,\" Obama said.\n",
        encoding="utf-8",
    )
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([folder])
    reader = ReaderProcess(tmp_path / "index")
    try:
        path = str(folder / "speech.txt")
        stored, spans = reader.article(path, (), ("Barack Obama",))
        assert "Obama" in stored.entities.people  # this article knows him by surname only
        assert [stored.article.body[start:end] for start, end in spans] == ["Obama", "Obama"]
    finally:
        reader.close()


def test_a_search_asked_to_stop_while_it_runs_stops(reader: ReaderProcess) -> None:
    from searchapp.core.errors import SearchCancelled

    asked = iter([False])  # not stale when its turn comes; stale from then on (a newer search was typed)
    with pytest.raises(SearchCancelled):
        reader.search("", skip=lambda: next(asked, True))
    assert reader.search("report").total == 30  # the child goes on answering
