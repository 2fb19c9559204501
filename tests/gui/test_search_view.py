"""The search side of the window while searches run: it says a search is running, never shows an older
query's results or counts beside the box's text, and a newer query stops an older one."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from searchapp.gui.main_window import MainWindow
from tests.gui.conftest import INDEX_TIMEOUT_MS, index_folder, search_for


def _pending(view) -> bool:
    """Nothing of an older search on screen, and the header saying a search runs."""
    return (view.model.rowCount() == 0 and view.model.key is None and "Searching" in view.total_label.text()
            and not view.busy.isHidden() and not view.facets.isEnabled() and view.facets_key is None
            and all(not group.values() for group in view.facets.groups.values()))


def test_typing_empties_the_old_results_at_once_and_says_a_search_runs(qtbot, make_window, articles):
    window: MainWindow = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    search_for(qtbot, window, "council")
    assert view.model.total == 2 and view.busy.isHidden() and view.facets.isEnabled()
    hits = window.readers.hits
    search = hits.search
    release = threading.Event()

    def held(query, **kwargs):
        if query == "council bridge":
            release.wait(30)  # the search is slow: the typing pause is long over
        return search(query, **kwargs)

    hits.search = held
    try:
        qtbot.keyClicks(view.search_box.line, " bridge")
        assert _pending(view)  # from the first key, before the typing pause ends
        qtbot.wait(400)  # the search has been asked for and is still running
        assert _pending(view)
        release.set()
        qtbot.waitUntil(lambda: view.model.key is not None, timeout=INDEX_TIMEOUT_MS)
        assert view.model.key.query == "council bridge" and view.model.total == 1 and view.busy.isHidden()
        qtbot.waitUntil(lambda: view.facets_key == view.model.key, timeout=INDEX_TIMEOUT_MS)
        assert view.facets.isEnabled()
    finally:
        release.set()
        hits.search = search


def test_a_slow_older_query_never_replaces_a_newer_one(qtbot, make_window, articles):
    window: MainWindow = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    hits = window.readers.hits
    search = hits.search
    release = threading.Event()
    answered: list[str] = []

    def held(query, **kwargs):
        if query == "storm":
            release.wait(30)
        result = search(query, **kwargs)
        answered.append(query if result is not None else f"skipped {query}")
        return result

    hits.search = held
    try:
        view.search_box.set_text("storm")
        qtbot.wait(200)
        search_for(qtbot, window, "council")
        release.set()
        qtbot.waitUntil(lambda: "skipped storm" in answered, timeout=INDEX_TIMEOUT_MS)
        qtbot.wait(200)
        assert view.model.key.query == "council" and view.model.total == 2
        assert view.facets_key == view.model.key
    finally:
        release.set()
        hits.search = search


def test_the_sidebar_brings_the_first_values_and_every_value_when_asked(qtbot, make_window, articles):
    window: MainWindow = make_window()
    index_folder(qtbot, window, articles)
    view = window.search_view
    view.facet_values = 1  # a large collection's facets, in small
    search_for(qtbot, window, "council")
    outlets = view.facets.groups["outlet"]
    assert len(outlets.values()) == 1 and outlets.cut
    assert outlets.more.isVisible() and outlets.more.text() == "Show all 2"
    qtbot.mouseClick(outlets.more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(outlets.values()) == 2, timeout=INDEX_TIMEOUT_MS)
    assert not outlets.cut and "Gotham Gazette" in {value for value, _count, _on in outlets.values()}
    # the next search brings the first values again; a filter text asks for the rest
    search_for(qtbot, window, "council OR storm")
    assert len(outlets.values()) == 1 and outlets.cut
    outlets.filter_box.setText("gotham")
    qtbot.waitUntil(lambda: [v for v, _c, _on in outlets.values()] == ["Gotham Gazette"], timeout=INDEX_TIMEOUT_MS)
