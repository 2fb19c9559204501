"""The window under faults: a second launch, commits by another process, a read-only or damaged index;
and the small things seen on screen (a name with '&', counts, plurals, progress, the article's path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication, QKeySequence

from searchapp.core.index import ArticleIndex
from searchapp.core.models import (
    Article,
    Entities,
    FacetCount,
    IndexProgress,
    IndexReport,
    IndexStats,
    StoredArticle,
)
from searchapp.gui.chips import ChipRow
from searchapp.gui.facets import FacetGroup
from searchapp.gui.main_window import MainWindow
from searchapp.gui.progress import ProgressPanel
from searchapp.gui.status import report_message, status_text
from searchapp.gui.viewer import ArticleViewer
from tests.gui.conftest import INDEX_TIMEOUT_MS, index_folder, search_for, write_article


def searchapp_process(*args: str) -> subprocess.Popen[str]:
    """`searchapp ARGS` as a user would start it, in a process of its own (same data folders, offscreen)."""
    return subprocess.Popen([sys.executable, "-m", "searchapp", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ))


def test_a_second_launch_hands_its_folder_to_the_first_window(qtbot, make_window, articles):
    window = make_window()
    assert window.instance.is_listening()
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS,
                          check_params_cb=lambda kind, _report: kind == "add") as finished:
        second = searchapp_process("--index", str(window.index_dir), str(articles))
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "already open" in out and "brought to the front" in out
    assert finished.args[1].indexed == 3  # the folder was queued in the first window, and indexed there
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("3 articles in 1 folder"),
                    timeout=INDEX_TIMEOUT_MS)


def test_the_window_follows_commits_made_by_another_process(qtbot, make_window, articles, tmp_path):
    window = make_window()
    index_folder(qtbot, window, articles)
    search_for(qtbot, window, "lighthouse")
    view = window.search_view
    assert view.model.total == 0
    other = tmp_path / "other"
    write_article(other, "lighthouse", "Lighthouse reopens", "The old lighthouse reopened on Sunday.")
    cli = searchapp_process("index", str(other), "--index", str(window.index_dir), "--quiet")
    _out, err = cli.communicate(timeout=120)
    assert cli.returncode == 0, err
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=INDEX_TIMEOUT_MS)  # the results
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("4 articles in 2 folders"),
                    timeout=INDEX_TIMEOUT_MS)  # the count and the folders


@pytest.fixture
def read_only_index(tmpfs, articles: Path) -> Path:
    """An index on a read-only drive: written to a tmpfs, which is then remounted read-only."""
    with ArticleIndex(tmpfs.path / "index", workers=0) as index:
        index.add([articles])
    tmpfs.remount("ro")
    return tmpfs.path / "index"


def test_a_read_only_index_opens_for_searching(qtbot, make_window, read_only_index, articles):
    before = sorted((p.name, p.stat().st_mtime_ns) for p in read_only_index.iterdir())
    window = make_window(read_only_index)
    assert window.index.read_only
    assert window.windowTitle() == f"{read_only_index} (read-only)"
    qtbot.waitUntil(window.status.read_only_label.isVisible)
    assert "read-only drive" in window.status.read_only_label.toolTip()
    assert not any(action.isEnabled() for action in window.write_actions)
    search_for(qtbot, window, "council")
    assert window.search_view.model.total == 2
    window.add_paths([articles])  # a drop, say: refused with a reason, nothing queued
    assert "Nothing can be added" in window.bar.text_label.text()
    assert not window.tasks.is_busy()
    assert sorted((p.name, p.stat().st_mtime_ns) for p in read_only_index.iterdir()) == before


def test_a_damaged_index_is_rebuilt_when_the_window_opens(qtbot, articles, tmp_path):
    location = tmp_path / "index"
    with ArticleIndex(location, workers=0) as index:
        index.add([articles])
    biggest = max(location.glob("*.seg"), key=lambda path: path.stat().st_size)
    os.truncate(biggest, 1000)  # a segment file cut short
    window = MainWindow(location, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        rescan_on_start=False)
    qtbot.addWidget(window)
    finished: list[tuple[str, object]] = []
    window.indexing_finished.connect(lambda kind, report: finished.append((kind, report)))
    try:
        qtbot.waitUntil(lambda: bool(finished), timeout=INDEX_TIMEOUT_MS)
        assert window.index.rebuilt and "cut short" in window.index.damage
        [(kind, report)] = finished
        assert kind == "rescan" and report.indexed == 3  # the folders are indexed again, by themselves
        search_for(qtbot, window, "council")
        assert window.search_view.model.total == 2
    finally:
        window.shutdown()


def test_a_name_with_an_ampersand_is_shown_as_written(qtbot):
    row = ChipRow()
    qtbot.addWidget(row)
    row.set_chips([("Telegraph & Argus", "Telegraph & Argus", "Show articles mentioning Telegraph & Argus")])
    [chip] = row.chips
    assert QKeySequence.mnemonic(chip.text()).isEmpty()  # no shortcut mark: '&' is drawn, not eaten
    assert chip.text().replace("&&", "&") == "Telegraph & Argus"
    assert chip.accessibleName().endswith("Telegraph & Argus")


def test_counts_in_a_long_expanded_facet_list_are_not_cut(qtbot):
    group = FacetGroup("people", "People")
    qtbot.addWidget(group)
    group.resize(230, 400)
    group.show()
    group.set_counts(tuple(FacetCount(f"Person {n}", 2000 if n == 0 else 1 + n % 50) for n in range(3000)), set())
    group.more.click()
    needed = group.list.fontMetrics().horizontalAdvance("2,000")
    assert group.list.columnWidth(1) > needed


def test_the_article_path_can_be_seen_whole(qtbot):
    viewer = ArticleViewer()
    qtbot.addWidget(viewer)
    viewer.resize(640, 500)
    viewer.show()
    path = "/home/someone/archives/newspapers/the-evening-chronicle/2005/03/14/council-votes-on-the-bridge.html"
    article = Article(path=path, headline="Council votes", body="The council voted.", format="html")
    viewer.show_article(StoredArticle(article, Entities(), folder="/home/someone/archives"), [])
    label = viewer.path_label
    assert label.isEnabled()  # a disabled label shows no tooltip
    assert label.toolTip() == path
    assert "…" in label.text() and label.text().endswith("bridge.html")  # cut in the middle: the name stays
    [copy] = label.actions()
    copy.trigger()
    assert QGuiApplication.clipboard().text() == path


def test_counts_read_as_numbers_of_things():
    one = IndexStats(articles=1, files=1, folders=1, problems=0, size_bytes=0, last_update=None, location="")
    assert status_text(one) == "1 article in 1 folder"
    many = IndexStats(articles=19043, files=22, folders=2, problems=0, size_bytes=0, last_update=None, location="")
    assert status_text(many) == "19,043 articles in 2 folders"
    assert report_message("add", IndexReport(indexed=22, new_articles=19043)) == (
        "Indexed 19,043 new articles from 22 files.")
    assert report_message("add", IndexReport(indexed=1, new_articles=1)) == "Indexed 1 new article from 1 file."


def test_progress_names_its_phase_and_never_sits_full_while_saving(qtbot):
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel.start("Checking folders for changes")
    panel.update_progress(IndexProgress("waiting", current="Another SearchApp process is writing"))
    assert panel.label.text().startswith("Waiting: another SearchApp process") and panel.bar.maximum() == 0
    panel.update_progress(IndexProgress("walking", done=1200, current="/news/2005"))
    assert "looking for files (1,200 files found so far)" in panel.label.text()
    panel.update_progress(IndexProgress("indexing", done=10, total=8270, new=8267, changed=3))
    assert panel.label.text().startswith("Indexing 10 of 8,270 files (8,267 new · 3 changed)")
    panel.update_progress(IndexProgress("indexing", done=8270, total=8270, new=8267, changed=3))
    panel.update_progress(IndexProgress("committing", articles=1000))
    assert panel.label.text() == "Saving 1,000 articles to the index…"
    assert panel.bar.maximum() == 0  # busy, not a full bar with nothing said
    panel.update_progress(IndexProgress("merging", articles=8270))
    assert panel.label.text().startswith("Merging the index (8,270 articles)")


def test_a_query_read_as_words_says_so_under_the_search_box(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    box = window.search_view.search_box
    search_for(qtbot, window, "title:(")
    assert box.error_label.isVisible()
    assert box.error_label.text().startswith("Searched as words: title (a bracket ( is not closed")
    search_for(qtbot, window, "council")
    assert not box.error_label.isVisible()  # a query read as typed has nothing to say
    box.set_text("AND OR NOT")  # a query with nothing to search for: a message, and no results
    qtbot.waitUntil(lambda: "no words to join" in box.error_label.text(), timeout=INDEX_TIMEOUT_MS)
