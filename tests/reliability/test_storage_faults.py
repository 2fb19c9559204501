"""The index's drive and files under real faults, seen from the command line: permission bits with
root's override dropped, a disk that fills up, a segment file cut short."""

from __future__ import annotations

import os
import random
import string
from pathlib import Path

import pytest

from tests.reliability.conftest import assert_clean, make_corpus, run, stats, total


def snapshot(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())


@pytest.mark.slow
def test_a_read_only_index_is_searched_and_indexing_into_it_exits_1_with_a_reason(base, without_root_override) -> None:
    make_corpus(base / "news", text_files=30, record_files=2)
    index = base / "index"
    assert run(base, "index", str(base / "news"), "--index", str(index)).returncode == 0
    for path in [index, *index.iterdir()]:
        path.chmod(0o555 if path.is_dir() else 0o444)  # a colleague's copy, a shared archive
    before = snapshot(index)
    try:
        found = run(base, "search", "harbour", "--index", str(index), prefix=without_root_override)
        assert found.returncode == 0 and found.stdout.startswith("14 articles"), found.stderr
        shown = run(base, "stats", "--index", str(index), prefix=without_root_override)
        assert shown.returncode == 0 and "articles:  44 from 32 files" in shown.stdout
        refused = run(base, "index", str(base / "news"), "--index", str(index), prefix=without_root_override)
        assert refused.returncode == 1
        assert refused.stderr.strip() == (
            f"searchapp: The index at {index} is read-only (this user has no permission to write to it): it can "
            "be searched, but not changed. To index, use an index folder you can write to (--index DIR).")
        for result in (found, shown, refused):
            assert_clean(result.stdout + result.stderr)
        assert snapshot(index) == before  # nothing written: no settings, no JSON beside the index
    finally:
        for path in [index, *index.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.slow
def test_an_unreadable_folder_is_in_the_problems_and_comes_back_when_readable(base, without_root_override) -> None:
    make_corpus(base / "news", text_files=10, record_files=0)
    locked = base / "news" / "locked"
    make_corpus(locked, text_files=5, record_files=0)
    locked.chmod(0o000)
    index = base / "index"
    try:
        first = run(base, "index", str(base / "news"), "--index", str(index), prefix=without_root_override)
        assert first.returncode == 1 and "indexed 10 articles" in first.stdout
        assert f"skipped {locked}: cannot open this folder (Permission denied): its files are not indexed" in first.stdout
        problems = run(base, "problems", "--index", str(index), prefix=without_root_override)
        assert f"{locked}: cannot open this folder" in problems.stdout
    finally:
        locked.chmod(0o755)
    again = run(base, "index", str(base / "news"), "--index", str(index), prefix=without_root_override)
    assert again.returncode == 0 and "indexed 5 articles" in again.stdout
    assert run(base, "problems", "--index", str(index)).stdout.strip() == "no problems"


@pytest.mark.slow
def test_a_full_disk_stops_with_a_message_keeps_the_last_commit_and_the_next_run_finishes(base, tmpfs) -> None:
    make_corpus(base / "small", text_files=20, record_files=0)
    big = base / "big"
    big.mkdir()
    rng = random.Random(12)
    vocabulary = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 11))) for _ in range(30000)]
    for number in range(60):  # 1 MB of words that do not compress: more than the drive holds, indexed
        words = " ".join(rng.choices(vocabulary, k=2000))
        (big / f"long{number:03d}.txt").write_text(f"Long report {number}\n\nThe harbour strike. {words}",
                                                    encoding="utf-8")
    tmpfs.remount("size=1m")
    index = tmpfs.path / "index"
    assert run(base, "index", str(base / "small"), "--index", str(index)).returncode == 0  # the last commit
    full = run(base, "index", str(big), "--index", str(index))
    assert full.returncode == 1
    assert full.stderr.startswith(f"searchapp: No space left on the disk that holds the index at {index}")
    assert "Free some space and run the same command again to finish." in full.stderr
    assert_clean(full.stdout + full.stderr)
    kept = stats(base, index)
    assert kept["articles"] >= 20 and total(base, index, "report") == kept["articles"]  # searchable, whole
    assert total(base, index, "campaign OR prices OR final OR awards OR phones") == 20
    tmpfs.remount("size=64m")  # space is freed
    finished = run(base, "index", str(big), "--index", str(index))
    assert finished.returncode == 0, finished.stderr
    assert stats(base, index) == {"articles": 80, "files": 80}
    assert total(base, index, "harbour") == 60


@pytest.mark.slow
def test_a_segment_cut_short_is_named_and_indexing_the_folders_again_restores_it(base) -> None:
    expected = make_corpus(base / "news", text_files=200, record_files=20)
    index = base / "index"
    assert run(base, "index", str(base / "news"), "--index", str(index)).returncode == 0
    biggest = max(index.glob("*.seg"), key=lambda path: path.stat().st_size)
    os.truncate(biggest, biggest.stat().st_size // 3)
    for command in (("search", "harbour"), ("stats",), ("problems",), ("export", "harbour")):
        broken = run(base, *command, "--index", str(index))
        assert broken.returncode == 1
        assert broken.stderr.startswith(f"searchapp: The index at {index} is damaged (a file is cut short")
        assert f"searchapp index --index {index} FOLDER" in broken.stderr
        assert_clean(broken.stdout + broken.stderr)
    rebuilt = run(base, "index", str(base / "news"), "--index", str(index))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "The index was damaged (a file is cut short" in rebuilt.stderr and "being rebuilt" in rebuilt.stderr
    assert_clean(rebuilt.stdout + rebuilt.stderr)
    assert stats(base, index) == {"articles": expected, "files": 220}
    assert total(base, index, "harbour") == 140
