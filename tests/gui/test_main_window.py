"""The window end to end: drop, type, filter, read, cancel, problems, first run, export."""

from __future__ import annotations

import csv
import json
import multiprocessing
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from searchapp.core.errors import SearchAppError
from searchapp.gui.main_window import MainWindow
from tests.gui.conftest import (
    INDEX_TIMEOUT_MS,
    index_folder,
    load_every_page,
    search_for,
    wait_for_facets,
    write_article,
    write_reports,
)

REPO = Path(__file__).resolve().parents[2]


def drop_urls(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = window.rect().center()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(where, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def test_dropping_a_folder_indexes_it_and_results_appear(qtbot, make_window, articles):
    window = make_window()
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS) as finished:
        drop_urls(window, [articles])
    assert finished.args[0] == "add" and finished.args[1].indexed == 3
    view = window.search_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=INDEX_TIMEOUT_MS)
    assert window.stack.currentWidget() is view
    assert "3" in view.total_label.text()


def test_typing_shows_highlighted_results(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    search_for(qtbot, window, "council")
    assert view.model.total == 2
    hits = [view.model.hit(row) for row in range(view.model.rowCount())]
    assert all('<b class="hit">' in hit.headline_html + hit.snippet_html for hit in hits)
    view.results.viewport().grab()  # the delegate paints marked-up rows without errors
    # Rows read as results, not as editable text, to the view and to assistive technology.
    first = view.model.index(0, 0)
    assert not view.model.flags(first) & Qt.ItemFlag.ItemIsEditable
    assert view.model.flags(first) & Qt.ItemFlag.ItemIsSelectable
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) or first.data(Qt.ItemDataRole.DisplayRole)


def test_query_error_shows_inline(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    box = window.search_view.search_box
    qtbot.keyClicks(box.line, "date:20x")
    qtbot.waitUntil(lambda: box.error_label.isVisible())
    assert "date" in box.error_label.text()
    box.line.clear()
    qtbot.keyClicks(box.line, "council")
    qtbot.waitUntil(lambda: not box.error_label.isVisible())


def test_clicking_a_facet_filters_and_updates_counts(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    search_for(qtbot, window, "council")
    assert view.model.total == 2
    outlets = view.facets.groups["outlet"]
    assert dict((v, c) for v, c, _ in outlets.values()) == {"Daily Planet": 1, "Gotham Gazette": 1}
    item = outlets.item_for("Gotham Gazette")
    with qtbot.waitSignal(view.results_shown, timeout=INDEX_TIMEOUT_MS):
        item.setCheckState(0, Qt.CheckState.Checked)
    wait_for_facets(qtbot, view)
    assert view.model.total == 1
    assert view.model.hit(0).outlet == "Gotham Gazette"
    assert [(v, s) for v, _, s in outlets.values() if s] == [("Gotham Gazette", True)]
    years = dict((v, c) for v, c, _ in view.facets.groups["year"].values())
    assert years == {"2006": 1}
    assert [chip.text() for chip in view.chips.chips] == ["Outlets: Gotham Gazette"]
    with qtbot.waitSignal(view.results_shown, timeout=INDEX_TIMEOUT_MS):
        qtbot.mouseClick(view.chips.chips[0], Qt.MouseButton.LeftButton)
    assert view.model.total == 2 and not view.chips.isVisible()


def test_viewer_next_and_previous_hit_move_the_counter(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    viewer = view.viewer
    search_for(qtbot, window, "bridge")
    qtbot.waitUntil(lambda: viewer.path.endswith("vote.json"), timeout=INDEX_TIMEOUT_MS)
    assert viewer.hit_count() == 1
    search_for(qtbot, window, "council")
    row = view.model.row_of(viewer.path)
    assert row >= 0
    qtbot.waitUntil(lambda: viewer.hit_count() == 3, timeout=INDEX_TIMEOUT_MS)
    assert viewer.hit_label.text() == "hit 1 of 3"
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.hit_label.text() == "hit 2 of 3"
    selections = viewer.body.extraSelections()
    cursor = selections[0].cursor
    assert cursor.selectedText().lower() == "council"
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(viewer.previous_button, Qt.MouseButton.LeftButton)
    assert viewer.hit_label.text() == "hit 3 of 3"  # wraps around


def test_next_result_moves_to_the_following_article(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    search_for(qtbot, window, "council")
    first = view.model.hit(0).path
    qtbot.waitUntil(lambda: view.viewer.path == first, timeout=INDEX_TIMEOUT_MS)
    with qtbot.waitSignal(view.article_shown, timeout=INDEX_TIMEOUT_MS) as shown:
        view.move_result(1)
    assert shown.args[0] == view.model.hit(1).path


def test_cancel_stops_indexing_and_leaves_a_searchable_index(qtbot, make_window, tmp_path):
    folder = tmp_path / "many"
    for number in range(600):
        write_article(folder, f"a{number:04d}", f"Report number {number}", f"The harbour report {number}.\n\nMore.")
    window = make_window()
    window.tasks.progress.connect(lambda *_: window.progress.cancel_button.isEnabled()
                                  and qtbot.mouseClick(window.progress.cancel_button, Qt.MouseButton.LeftButton))
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS) as finished:
        window.add_paths([folder])
    report = finished.args[1]
    assert report.cancelled
    assert report.indexed < 600
    search_for(qtbot, window, "harbour")
    assert window.search_view.model.total == report.indexed
    assert not window.search_view.search_box.error_label.isVisible()


def test_a_bad_file_shows_up_in_problems(qtbot, make_window, articles):
    (articles / "broken.json").write_text("{this is not json", encoding="utf-8")
    window = make_window()
    report = index_folder(qtbot, window, articles)
    assert [Path(p.path).name for p in report.problems] == ["broken.json"]
    qtbot.waitUntil(window.problems_button.isVisible)
    qtbot.mouseClick(window.problems_button, Qt.MouseButton.LeftButton)
    dialog = window.problems_dialog
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1)
    item = dialog.tree.topLevelItem(0)
    assert item.text(0).endswith("broken.json") and item.text(1)


def test_first_run_offers_the_sample_and_it_loads(qtbot, make_window):
    window = make_window()
    welcome = window.welcome
    assert window.stack.currentWidget() is welcome and welcome.sample_button.isEnabled()
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS,
                          check_params_cb=lambda kind, _r: kind == "add") as finished:
        qtbot.mouseClick(welcome.sample_button, Qt.MouseButton.LeftButton)
    assert finished.args[1].indexed >= 40
    view = window.search_view
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view and view.model.rowCount() > 0,
                    timeout=INDEX_TIMEOUT_MS)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_writes_the_filtered_rows(qtbot, make_window, articles, tmp_path, fmt):
    window = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    search_for(qtbot, window, "council")
    with qtbot.waitSignal(view.results_shown, timeout=INDEX_TIMEOUT_MS):
        view.set_filter("outlet", "Daily Planet", True)
    target = tmp_path / f"out.{fmt}"
    with qtbot.waitSignal(window.export_finished, timeout=INDEX_TIMEOUT_MS) as done:
        window.export_to(target, fmt)
    assert done.args[1] == 1
    text = target.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines())) if fmt == "csv" else [json.loads(x) for x in text.splitlines()]
    assert [row["headline"] for row in rows] == ["Council votes on the harbour bridge"]
    assert rows[0]["outlet"] == "Daily Planet"


def test_settings_remember_sort_query_and_splitter(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    search_for(qtbot, window, "council")
    window.search_view.set_sort("newest")
    window.close()
    again = make_window(window.index_dir)
    assert again.search_view.sort() == "newest"
    assert again.search_view.search_box.text() == "council"


@pytest.mark.slow
def test_self_test_exits_zero(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "searchapp", "--self-test"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=280)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_a_file_added_to_a_watched_folder_is_indexed_by_itself(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    search_for(qtbot, window, "lighthouse")
    assert window.search_view.model.total == 0
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS,
                          check_params_cb=lambda kind, report: kind == "rescan" and report.indexed == 1):
        write_article(articles, "lighthouse", "Lighthouse reopens", "The old lighthouse reopened on Sunday.")
    view = window.search_view
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=INDEX_TIMEOUT_MS)  # results refresh on their own


def test_removing_a_folder_from_the_folders_view_empties_its_results(qtbot, make_window, articles, monkeypatch):
    window = make_window()
    asked = []
    monkeypatch.setattr(window.messages, "confirm", lambda *args: asked.append(args) or True)
    index_folder(qtbot, window, articles)
    search_for(qtbot, window, "council")
    assert window.search_view.model.total == 2
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS,
                          check_params_cb=lambda kind, removed: kind == "remove" and removed == 3):
        window.remove_folder(str(articles))
    qtbot.waitUntil(lambda: window.index.is_empty(), timeout=INDEX_TIMEOUT_MS)
    assert asked and "files stay where they are" in asked[0][1]
    assert articles.exists() and len(list(articles.iterdir())) == 3  # the files themselves are untouched


def test_a_refresh_after_scrolling_does_not_repeat_rows(qtbot, make_window, tmp_path):
    folder = tmp_path / "many"
    write_reports(folder, range(130))
    window = make_window()
    index_folder(qtbot, window, folder)
    search_for(qtbot, window, "harbour")
    model = window.search_view.model
    load_every_page(qtbot, model)
    assert model.loaded() == 130
    write_reports(folder, range(130, 180))  # a commit brings 50 more hits while 130 are on screen
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS):
        window.tasks.rescan([str(folder)])
    qtbot.waitUntil(lambda: model.total == 180, timeout=INDEX_TIMEOUT_MS)
    load_every_page(qtbot, model)
    paths = [model.hit(row).path for row in range(model.loaded())]
    assert len(paths) == len(set(paths)) == 180


def test_f3_and_shift_f3_move_between_hits(qtbot, make_window, articles):
    window = make_window()
    index_folder(qtbot, window, articles)
    viewer = window.search_view.viewer
    search_for(qtbot, window, "council")
    qtbot.waitUntil(lambda: viewer.hit_count() == 3 and viewer.path.endswith("vote.json"), timeout=INDEX_TIMEOUT_MS)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert viewer.hit_label.text() == "hit 1 of 3"
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert viewer.hit_label.text() == "hit 2 of 3"
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.hit_label.text() == "hit 1 of 3"


def test_a_failed_search_is_reported_and_the_next_one_works(qtbot, make_window, articles, monkeypatch):
    window = make_window()
    index_folder(qtbot, window, articles)
    hits = window.readers.hits
    search = hits.search
    failures = iter([SearchAppError("The search process stopped unexpectedly (exit code -9).")])

    def fail_once(query, **kwargs):
        if query == "council":  # not a refresh still on its way from the indexing
            for error in failures:
                raise error
        return search(query, **kwargs)

    monkeypatch.setattr(hits, "search", fail_once)
    view = window.search_view
    view.search_box.set_text("council", search=True)
    qtbot.waitUntil(lambda: window.bar.isVisible() and "search failed" in window.bar.text_label.text(),
                    timeout=INDEX_TIMEOUT_MS)
    search_for(qtbot, window, "bridge")
    assert view.model.total == 1


def test_closing_while_searches_wait_leaves_no_process_behind(qtbot, make_window, articles, monkeypatch):
    window = make_window()
    index_folder(qtbot, window, articles)
    hits = window.readers.hits
    search = hits.search
    started = threading.Event()

    def slow(*args, **kwargs):
        started.set()
        time.sleep(0.5)  # still running when the window closes
        return search(*args, **kwargs)

    monkeypatch.setattr(hits, "search", slow)
    window.search_view.search_box.set_text("council", search=True)
    assert started.wait(10)
    window.show_problems()  # a status read queued on the other reader too
    window.shutdown()
    names = [child.name for child in multiprocessing.active_children()]
    assert not [name for name in names if name.startswith("searchapp-")], names


def test_a_refresh_keeps_the_reader_where_they_were_in_a_long_list(qtbot, make_window, tmp_path):
    folder = tmp_path / "many"
    write_reports(folder, range(260))
    window = make_window()
    index_folder(qtbot, window, folder)
    search_for(qtbot, window, "harbour")
    view = window.search_view
    model = view.model
    load_every_page(qtbot, model)
    with qtbot.waitSignal(view.article_shown, timeout=INDEX_TIMEOUT_MS):
        view.results.setCurrentIndex(model.index(240, 0))  # far past the first pages
    reading = model.hit(240).path
    bar = view.results.verticalScrollBar()
    scrolled = bar.value()
    assert scrolled > 0
    write_reports(folder, range(260, 265))  # a commit brings more hits while the reader is down the list
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS):
        window.tasks.rescan([str(folder)])
    qtbot.waitUntil(lambda: model.total == 265, timeout=INDEX_TIMEOUT_MS)
    assert view.viewer.path == reading
    assert model.hit(view.results.currentIndex().row()).path == reading
    assert bar.value() == scrolled


def test_opening_the_index_is_not_reported_as_indexing(qtbot, tmp_path):
    # Anything waiting for "indexing finished" right after the window opens (the self-test, a drop)
    # must not take the end of opening the index for it.
    window = MainWindow(tmp_path / "index", QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        rescan_on_start=False)
    qtbot.addWidget(window)
    seen: list[str] = []
    window.indexing_finished.connect(lambda kind, _report: seen.append(kind))
    qtbot.waitUntil(lambda: window.index is not None, timeout=INDEX_TIMEOUT_MS)
    qtbot.wait(300)  # the open task's own end arrives just after the index does
    window.shutdown()
    assert seen == []


def test_filtering_by_a_person_marks_them_in_the_article(qtbot, make_window, tmp_path):
    folder = tmp_path / "quotes"
    write_article(folder, "plan", "Harbour plan approved",
                  'The harbour plan passed on Monday.\n\n"It is a good day for the city," said Mayor Jane Porter.\n\n'
                  "Porter thanked the council for its support.")
    window = make_window()
    index_folder(qtbot, window, folder)
    view = window.search_view
    search_for(qtbot, window, "harbour")
    people = [value for value, _count, _selected in view.facets.groups["people"].values()]
    assert people == ["Jane Porter"]

    def marked() -> list[str]:
        body = view.viewer.body.toPlainText()
        return [body[start:end] for start, end in view.viewer._hits]

    qtbot.waitUntil(lambda: marked() == ["harbour"], timeout=INDEX_TIMEOUT_MS)
    view.set_filter("people", "Jane Porter", True)
    # The query's term, the full name and the later surname are all marked.
    qtbot.waitUntil(lambda: marked() == ["harbour", "Jane Porter", "Porter"], timeout=INDEX_TIMEOUT_MS)


def test_a_status_read_before_indexing_does_not_bring_the_welcome_page_back(qtbot, make_window, articles,
                                                                             monkeypatch):
    window = make_window()
    counts = window.readers.counts
    status = counts.status
    stale_done = threading.Event()

    def read_then_wait():
        found = status()  # the empty index...
        if not stale_done.is_set():
            time.sleep(1.0)  # ...answered only after the indexing below has finished
            stale_done.set()
        return found

    monkeypatch.setattr(counts, "status", read_then_wait)
    window._update_status()
    index_folder(qtbot, window, articles)
    qtbot.waitUntil(stale_done.is_set, timeout=INDEX_TIMEOUT_MS)
    # The stale answer reaches the window first, then the fresh one; reading the status takes 150-250 ms
    # on a loaded machine, so wait for the fresh answer rather than a fixed time.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("3 articles"), timeout=INDEX_TIMEOUT_MS)
    assert window.stack.currentWidget() is window.search_view
