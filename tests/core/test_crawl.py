"""Everything the walk does not index is a problem with its reason: broken links, link loops, a
folder reached twice, a file that vanishes mid-run; and a problem goes once its cause is gone."""

from __future__ import annotations

import os
from pathlib import Path

from searchapp.core.crawl import crawl
from searchapp.core.documents import VANISHED, load_file
from searchapp.core.index import ArticleIndex
from tests.core.factories import make_txt_folder, write_txt


def reasons(index: ArticleIndex) -> dict[str, str]:
    return {problem.path: problem.reason for problem in index.problems()}


def test_broken_links_and_loops_are_problems_with_reasons(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 3)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder)  # a loop
    (folder / "again").symlink_to(folder / "sub")  # the same folder by a second name
    (folder / "picture.png").symlink_to(tmp_path / "nowhere.png")  # not an article either way
    found = crawl([str(folder)])
    assert len(found.files) == 3
    by_path = {Path(problem.path).name: problem.reason for problem in found.problems}
    assert by_path["gone.txt"].startswith(f"broken link: it points to {tmp_path / 'nowhere.txt'}")
    assert "a loop" in by_path["back"]
    assert by_path["sub"] == f"already indexed as {folder / 'again'}, a link to this folder: not indexed twice"
    assert "picture.png" not in by_path


def test_a_problem_found_by_the_walk_goes_when_its_cause_does(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 2)
    link = folder / "late.txt"
    link.symlink_to(tmp_path / "late.txt")
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        report = index.add([folder])
        assert report.indexed == 2 and [Path(p.path).name for p in report.problems] == ["late.txt"]
        assert "broken link" in reasons(index)[str(link)]
        (tmp_path / "late.txt").write_text("Late news\n\nThe file arrived after all.\n", encoding="utf-8")
        report = index.rescan()
        assert report.indexed == 1 and report.problems == ()
        assert reasons(index) == {}


def test_a_file_that_vanishes_mid_run_is_a_problem_that_says_so(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 5)
    doomed = folder / "0004.txt"

    def delete_once_walked(update) -> None:
        if update.phase == "indexing" and update.done == 0 and doomed.exists():
            doomed.unlink()  # found by the walk, gone before it is read

    with ArticleIndex(tmp_path / "index", workers=0) as index:
        report = index.add([folder], progress=delete_once_walked)
        assert report.indexed == 4
        assert [(Path(p.path).name, p.reason) for p in report.problems] == [("0004.txt", VANISHED)]
        # Next run it is simply gone: no problem, nothing removed.
        report = index.rescan()
        assert (report.problems, report.removed, reasons(index)) == ((), 0, {})


def test_load_file_says_when_a_file_is_gone(tmp_path: Path) -> None:
    loaded = load_file(str(tmp_path / "missing.txt"), str(tmp_path), "", 1_000_000)
    assert loaded.problem == VANISHED and not loaded.documents


def test_progress_names_each_phase_with_what_the_walk_found(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 30)
    with ArticleIndex(tmp_path / "index", workers=0, commit_every=10) as index:
        index.add([folder])
        for name in ("0000.txt", "0001.txt"):
            os.utime(folder / name, ns=(0, 10**9))
            (folder / name).write_text("Changed\n\nA different story now.\n", encoding="utf-8")
        (folder / "0002.txt").unlink()
        for number in range(3):
            write_txt(folder, f"new{number}.txt", f"New story {number}", "Fresh news.")
        updates = []
        index.rescan(progress=updates.append)
    phases = [update.phase for update in updates]
    assert phases[0] == "walking" and phases[-1] == "committing"
    indexing = [update for update in updates if update.phase == "indexing"]
    assert (indexing[-1].new, indexing[-1].changed, indexing[-1].removed) == (3, 2, 1)
    assert indexing[-1].done == indexing[-1].total == 5
    assert phases.index("committing") > phases.index("indexing")
