"""Writes in a child process: same results as ArticleIndex, progress and commits over the pipe, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.core.errors import SearchAppError
from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from searchapp.core.writer import WriterProcess
from tests.core.factories import make_txt_folder


@pytest.fixture
def writer(tmp_path: Path):
    process = WriterProcess(tmp_path / "index", commit_every=20, workers=0)
    yield process
    process.close()


def test_writes_in_the_child_are_seen_by_a_reader_here(writer: WriterProcess, tmp_path: Path) -> None:
    reader = ArticleIndex(tmp_path / "index")
    folder = make_txt_folder(tmp_path / "news", 50)
    progress: list[tuple[int, int]] = []
    commits = []
    report = writer.add(
        [folder],
        progress=lambda update: progress.append((update.done, update.total)) if update.phase == "indexing" else None,
        on_commit=commits.append,
    )
    assert report.indexed == 50 and not report.cancelled
    assert progress[-1] == (50, 50) and len(commits) >= 2
    assert search(reader, "report").total == 50
    assert [info.path for info in reader.folders()] == [str(folder)]  # the folder list written by the child
    assert writer.rescan().unchanged == 50
    assert writer.remove(folder) == 50
    assert reader.is_empty() and reader.folders() == []
    reader.close()


def test_cancel_reaches_the_child(writer: WriterProcess, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 400)
    seen: list[int] = []
    report = writer.add(
        [folder],
        progress=lambda update: seen.append(update.done) if update.phase == "indexing" else None,
        cancelled=lambda: bool(seen) and seen[-1] > 30,
    )
    assert report.cancelled and report.indexed < 400
    assert writer.rescan().indexed == 400 - report.indexed


def test_errors_come_back_as_messages(writer: WriterProcess, tmp_path: Path) -> None:
    with pytest.raises(SearchAppError, match="does not exist"):
        writer.add([tmp_path / "nowhere"])
    # The child survives a failed request.
    assert writer.add([make_txt_folder(tmp_path / "news", 2)]).indexed == 2


def test_a_callback_that_raises_does_not_leave_its_answer_for_the_next_call(writer: WriterProcess, tmp_path: Path) -> None:
    def boom(_report) -> None:
        raise RuntimeError("callback failed")

    with pytest.raises(RuntimeError, match="callback failed"):
        writer.add([make_txt_folder(tmp_path / "news", 60)], on_commit=boom)
    # The next call gets its own answer (a fresh child), not the rest of the failed one.
    assert writer.remove(tmp_path / "nothing-indexed-here") == 0
    report = writer.rescan()
    assert report.indexed + report.unchanged == 60
