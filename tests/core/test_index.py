"""The index: add, update, delete, incremental runs, problems, folders, schema version, kill and rerun."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from searchapp.core.errors import SearchAppError
from searchapp.core.index import META_FILE, ArticleIndex
from searchapp.core.search import search
from tests.core.factories import make_txt_folder, write_json_records, write_txt


@pytest.fixture
def index(tmp_path: Path) -> ArticleIndex:
    with ArticleIndex(tmp_path / "index") as idx:
        yield idx


def _bump_mtime(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_add_folder_indexes_every_article(index: ArticleIndex, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 12)
    report = index.add([folder])
    assert (report.indexed, report.updated, report.removed, report.problems) == (12, 0, 0, ())
    assert index.stats().articles == 12
    [info] = index.folders()
    assert info.path == str(folder) and info.articles == 12 and info.last_update is not None


def test_rescan_skips_unchanged_and_picks_up_changes(index: ArticleIndex, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 6)
    index.add([folder])
    assert index.rescan().unchanged == 6

    write_txt(folder, "0001.txt", "Completely new headline", "Zanzibar is the new topic.")
    _bump_mtime(folder / "0001.txt")
    (folder / "0002.txt").unlink()
    write_txt(folder, "extra.txt", "An extra story", "More words here.")
    report = index.rescan()
    assert (report.indexed, report.updated, report.removed, report.unchanged) == (1, 1, 1, 4)
    assert search(index, "zanzibar").total == 1
    assert index.stats().articles == 6


def test_touched_file_with_same_content_is_not_reparsed(index: ArticleIndex, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 3)
    index.add([folder])
    _bump_mtime(folder / "0000.txt")
    report = index.rescan()
    assert (report.indexed, report.updated, report.unchanged) == (0, 0, 3)
    # The new file state was stored: the next run does not even read the file.
    assert index.rescan().unchanged == 3
    assert search(index, "report").total == 3


def test_multi_record_file_gives_one_document_per_record(index: ArticleIndex, tmp_path: Path) -> None:
    records = [{"title": f"Record {n}", "text": f"Body of record {n} about fishing."} for n in range(5)]
    path = write_json_records(tmp_path / "feed" / "items.jsonl", records)
    index.add([path.parent])
    result = search(index, "fishing", page_size=10)
    assert result.total == 5
    assert {hit.path for hit in result.hits} == {f"{path}#{n}" for n in range(5)}
    # Shrinking the file removes the records that are gone.
    write_json_records(path, records[:2])
    _bump_mtime(path)
    index.rescan()
    assert search(index, "fishing").total == 2


def test_bad_files_are_listed_as_problems_and_do_not_stop_the_run(
    index: ArticleIndex, tmp_path: Path
) -> None:
    folder = make_txt_folder(tmp_path / "news", 3)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.json").write_text('{"title": "half', encoding="utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG")  # not an article format: ignored, not a problem
    report = index.add(
        [folder],
    )
    assert report.indexed == 3
    problems = {Path(p.path).name: p.reason for p in index.problems()}
    assert set(problems) == {"empty.txt", "broken.json"}
    assert all(reason for reason in problems.values())
    # Unchanged bad files are not retried; a fixed one leaves the problems list.
    assert index.rescan().unchanged == 5
    write_txt(folder, "empty.txt", "Now it has a headline", "And a body.")
    index.rescan()
    assert {Path(p.path).name for p in index.problems()} == {"broken.json"}


def test_size_limit(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 2)
    write_txt(folder, "big.txt", "Big", "word " * 3000)
    with ArticleIndex(tmp_path / "index", max_file_size=10_000) as index:
        report = index.add([folder])
        assert report.indexed == 2
        [problem] = report.problems
        assert problem.path.endswith("big.txt") and "limit" in problem.reason


def test_remove_folder_and_file(index: ArticleIndex, tmp_path: Path) -> None:
    first = make_txt_folder(tmp_path / "first", 4)
    second = make_txt_folder(tmp_path / "second", 3)
    index.add([first, second])
    assert index.remove(first / "0000.txt") == 1
    assert index.remove(second) == 3
    assert [info.path for info in index.folders()] == [str(first)]
    assert index.stats().articles == 3


def test_missing_folder_is_noticed_not_emptied(index: ArticleIndex, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 3)
    index.add([folder])
    folder.rename(tmp_path / "moved")
    report = index.rescan()
    assert report.removed == 0
    [info] = index.folders()
    assert info.missing and info.articles == 3


def test_adding_a_missing_path_is_a_clear_error(index: ArticleIndex, tmp_path: Path) -> None:
    with pytest.raises(SearchAppError, match="does not exist"):
        index.add([tmp_path / "nowhere"])


def test_cancel_keeps_what_was_committed(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 60)
    with ArticleIndex(tmp_path / "index", commit_every=10, workers=0) as index:
        seen = []
        report = index.add(
            [folder],
            progress=lambda update: seen.append(update.done) if update.phase == "indexing" else None,
            cancelled=lambda: len(seen) > 25,
        )
        assert report.cancelled
        kept = index.stats().articles
        assert 0 < kept < 60
        assert search(index, "report").total == kept
        assert index.rescan().indexed == 60 - kept
        assert index.stats().articles == 60


def test_schema_version_change_rebuilds(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 3)
    location = tmp_path / "index"
    with ArticleIndex(location) as index:
        index.add([folder])
    meta = json.loads((location / META_FILE).read_text())
    meta["schema_version"] = -1
    (location / META_FILE).write_text(json.dumps(meta))
    with ArticleIndex(location) as index:
        assert index.rebuilt and index.is_empty()
        assert [info.path for info in index.folders()] == [str(folder)]  # folders survive, to be rescanned
        assert index.rescan().indexed == 3


def test_refuses_a_folder_that_is_not_an_index(tmp_path: Path) -> None:
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "notes.txt").write_text("mine")
    with pytest.raises(SearchAppError, match="not a SearchApp index"):
        ArticleIndex(tmp_path / "stuff")


def test_pool_path_matches_in_process_path(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 40)
    with ArticleIndex(tmp_path / "a", workers=2) as pooled, ArticleIndex(tmp_path / "b", workers=0) as serial:
        assert pooled.add([folder]).indexed == serial.add([folder]).indexed == 40
        assert {h.path for h in search(pooled, "oil", page_size=50).hits} == {
            h.path for h in search(serial, "oil", page_size=50).hits
        }


KILL_SCRIPT = """
import sys
from searchapp.core.index import ArticleIndex
def main():
    index = ArticleIndex(sys.argv[1], commit_every=100, workers=0)
    index.add([sys.argv[2]], on_commit=lambda report: print("commit", flush=True))
if __name__ == "__main__":
    main()
"""


@pytest.mark.slow
def test_sigkill_mid_run_leaves_a_searchable_index_and_rerun_completes(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 1500)
    location = tmp_path / "index"
    script = tmp_path / "run.py"
    script.write_text(KILL_SCRIPT)
    with subprocess.Popen(
        [sys.executable, str(script), str(location), str(folder)], stdout=subprocess.PIPE, text=True
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "commit"  # at least one batch is on disk
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with ArticleIndex(location) as index:
        kept = index.stats().articles
        assert 100 <= kept < 1500
        assert search(index, "report").total == kept
        report = index.rescan()
        assert report.indexed + report.unchanged == 1500
        assert index.stats().articles == 1500
        assert search(index, "report").total == 1500


def test_cancel_during_the_walk_deletes_nothing(index: ArticleIndex, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 30)
    index.add([folder])
    report = index.rescan(cancelled=lambda: True)
    assert report.cancelled and report.removed == 0
    assert index.stats().articles == 30


def test_an_unreadable_subfolder_is_not_taken_as_deleted(
    index: ArticleIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    make_txt_folder(folder / "sub", 4)
    make_txt_folder(folder / "other", 2)
    index.add([folder])
    real_scandir = os.scandir

    def scandir(path):  # what an unplugged drive or a permission change looks like to the walk
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr("searchapp.core.crawl.os.scandir", scandir)
    assert index.rescan().removed == 0
    assert index.stats().articles == 6


def test_a_file_name_that_is_not_utf8_is_a_problem_not_a_failure(index: ArticleIndex, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 2)
    bad = os.fsencode(str(folder)) + b"/caf\xe9.txt"
    with open(bad, "wb") as handle:
        handle.write(b"Headline\n\nBody text.\n")
    report = index.add([folder])
    assert report.indexed == 2
    [problem] = report.problems
    assert "not valid UTF-8" in problem.reason
    assert len(index.problems()) == 1  # and the problems list could be saved


def test_removing_a_subfolder_keeps_it_out_of_rescans_until_added_again(index: ArticleIndex, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    make_txt_folder(folder / "keep", 3)
    make_txt_folder(folder / "drop", 2)
    index.add([folder])
    assert index.remove(folder / "drop") == 2
    assert index.rescan().indexed == 0
    assert index.stats().articles == 3
    assert index.add([folder / "drop"]).indexed == 2
    assert index.stats().articles == 5
