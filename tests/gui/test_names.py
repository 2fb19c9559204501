"""Correcting names in the window: a right-click merge from the sidebar, the Names manager, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from searchapp.gui.names import MergeDialog, NameDialog
from tests.gui.conftest import INDEX_TIMEOUT_MS, index_folder, wait_for_facets, write_article


@pytest.fixture
def blairs(tmp_path: Path) -> Path:
    """Tony Blair in full, a Mr Blair alone, and Cherie Blair: "Blair" stays apart until merged."""
    folder = tmp_path / "blairs"
    write_article(folder, "one", "Blair on schools", '"We will build more schools," Tony Blair said on Monday.')
    write_article(folder, "two", "Blair in Brussels", 'Mr Blair said: "Europe matters to Britain."')
    write_article(folder, "three", "Cherie Blair opens a library",
                  '"Reading changes lives," Cherie Blair said at the opening.')
    return folder


def people_counts(view) -> dict[str, int]:
    return {value: count for value, count, _selected in view.facets.groups["people"].values()}


def trigger(menu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text().startswith(text))
    action.trigger()


def open_menu_on_facet(view, field: str, value: str):
    group = view.facets.groups[field]
    item = group.item_for(value)
    group.list.customContextMenuRequested.emit(group.list.visualItemRect(item).center())
    return view.names.menu


def test_right_click_merge_in_the_sidebar_moves_the_counts_and_undo_restores_them(qtbot, make_window, blairs):
    window = make_window()
    view = window.search_view
    index_folder(qtbot, window, blairs)
    wait_for_facets(qtbot, view)
    qtbot.waitUntil(lambda: people_counts(view).get("Blair") == 1, timeout=INDEX_TIMEOUT_MS)
    assert people_counts(view)["Tony Blair"] == 1

    menu = open_menu_on_facet(view, "people", "Blair")
    assert [a.text() for a in menu.actions() if not a.isSeparator()][:4] == [
        "Coverage…", "Merge into…", "Rename…", "Not a person: an organisation"]
    trigger(menu, "Merge into…")
    dialog = view.names.dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=INDEX_TIMEOUT_MS)
    assert dialog.choose("Tony Blair")
    dialog.accept()
    qtbot.waitUntil(lambda: "Blair" not in people_counts(view) and people_counts(view).get("Tony Blair") == 2,
                    timeout=INDEX_TIMEOUT_MS)
    assert window.bar.text_label.text() == "Merged Blair into Tony Blair."

    window.bar._action.click()  # "Undo" in the message bar
    qtbot.waitUntil(lambda: people_counts(view).get("Blair") == 1, timeout=INDEX_TIMEOUT_MS)
    assert window.bar.text_label.text().startswith("Undone: Merged Blair")


def test_a_filter_follows_a_rename(qtbot, make_window, blairs):
    window = make_window()
    view = window.search_view
    index_folder(qtbot, window, blairs)
    view.set_filter("people", "Cherie Blair", True)
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=INDEX_TIMEOUT_MS)
    trigger(open_menu_on_facet(view, "people", "Cherie Blair"), "Rename…")
    dialog = view.names.dialog
    assert isinstance(dialog, NameDialog) and not dialog.ok.isEnabled()
    dialog.line.setText("Cherie Booth")
    dialog.ok.click()
    qtbot.waitUntil(lambda: view.filters.get("people") == {"Cherie Booth"} and view.model.total == 1,
                    timeout=INDEX_TIMEOUT_MS)
    assert view.chips.chips[0].text() == "People: Cherie Booth"
    qtbot.waitUntil(lambda: view.viewer.path != "" and "Cherie Booth" in [c.text() for c in view.viewer.speakers.chips],
                    timeout=INDEX_TIMEOUT_MS)


def test_the_names_manager_lists_hides_and_undoes(qtbot, make_window, blairs):
    window = make_window()
    index_folder(qtbot, window, blairs)
    window.show_names()
    dialog = window.names_dialog
    qtbot.waitUntil(lambda: dialog.model.total() >= 3, timeout=INDEX_TIMEOUT_MS)
    names = {row.name: row for row in dialog.model.rows}
    assert names["Tony Blair"].type == "person" and names["Tony Blair"].quoted == 1
    dialog.filter_box.setText("cherie")
    assert [row.name for row in dialog.model.rows] == ["Cherie Blair"]
    dialog.filter_box.clear()

    assert dialog.select("Blair")
    qtbot.mouseClick(dialog.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.history.count() == 1, timeout=INDEX_TIMEOUT_MS)
    assert "Blair" not in {row.name for row in dialog.model.rows}  # hidden names are not listed with the rest
    assert dialog.history.item(0).text().startswith("1. Hid Blair")
    dialog.show_box.setCurrentIndex(dialog.show_box.findData("hidden"))
    assert [row.name for row in dialog.model.rows] == ["Blair"]
    qtbot.waitUntil(lambda: "Blair" not in people_counts(window.search_view), timeout=INDEX_TIMEOUT_MS)

    assert dialog.select("Blair") and dialog.hide_button.text() == "&Show again"
    qtbot.mouseClick(dialog.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.history.count() == 0, timeout=INDEX_TIMEOUT_MS)
    qtbot.waitUntil(lambda: people_counts(window.search_view).get("Blair") == 1, timeout=INDEX_TIMEOUT_MS)


def test_a_name_the_collection_took_for_a_work_comes_back_with_show_again(qtbot, make_window, tmp_path):
    folder = tmp_path / "films"
    write_article(folder, "one", "Awards night", "The drama Rosa Finch won three awards on Sunday night.")
    write_article(folder, "two", "Box office", "Cinemas showed the drama Rosa Finch to full houses this week.")
    write_article(folder, "three", "Premiere", "Rosa Finch opened in London, and Tony Blair said he liked it.")
    window = make_window()
    index_folder(qtbot, window, folder)
    assert "Rosa Finch" not in people_counts(window.search_view)  # a film in two of its three articles
    window.show_names()
    dialog = window.names_dialog
    dialog.show_box.setCurrentIndex(dialog.show_box.findData("hidden"))
    qtbot.waitUntil(lambda: [row.name for row in dialog.model.rows] == ["Rosa Finch"], timeout=INDEX_TIMEOUT_MS)
    assert dialog.select("Rosa Finch") and dialog.hide_button.text() == "&Show again"
    qtbot.mouseClick(dialog.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.history.count() == 1, timeout=INDEX_TIMEOUT_MS)
    assert dialog.history.item(0).text().startswith("1. Showed Rosa Finch again")
    qtbot.waitUntil(lambda: people_counts(window.search_view).get("Rosa Finch") == 1, timeout=INDEX_TIMEOUT_MS)
