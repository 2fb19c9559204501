"""The main window's menu bar: File, Edit, View and Help, each action with its shortcut, icon and status tip.

The actions call the window's and the search view's own methods. The few actions the window changes later
are handed back to it: the writes, turned off on a read-only index, and the sorts, kept in step with the
sort box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu

from searchapp.gui.icons import icon
from searchapp.gui.results_header import SORTS

if TYPE_CHECKING:
    from searchapp.gui.main_window import MainWindow


class WindowActions(NamedTuple):
    write: list[QAction]  # turned off on a read-only index
    export_csv: QAction
    sort: dict[str, QAction]  # by sort key


def _action(window: MainWindow, menu: QMenu, text: str, slot, shortcut=None, icon_name: str = "",
            tip: str = "") -> QAction:
    action = QAction(icon(icon_name) if icon_name else QIcon(), text, window)
    if shortcut:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> WindowActions:
    """Fill `window`'s menu bar."""
    view = window.search_view
    menu = window.menuBar().addMenu("&File")
    write = [
        _action(window, menu, "&Add folder…", window.choose_folder, QKeySequence.StandardKey.Open, "folder-add",
                "Index a folder of articles where it is"),
        _action(window, menu, "Add &files…", window.choose_files, None, "article"),
        _action(window, menu, "Load the &sample articles", window.load_sample, None, "sample"),
    ]
    menu.addSeparator()
    export_csv = _action(window, menu, "&Export results as CSV…", lambda: window.choose_export("csv"), "Ctrl+E",
                         "export")
    _action(window, menu, "Export results as &JSON Lines…", lambda: window.choose_export("jsonl"), "Ctrl+Shift+E",
            "export")
    menu.addSeparator()
    _action(window, menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)

    menu = window.menuBar().addMenu("&Edit")
    _action(window, menu, "&Find", view.search_box.focus, ["Ctrl+L", "Ctrl+F"], "search")
    _action(window, menu, "&Clear search", window.clear_search, "Esc", "close")
    _action(window, menu, "Clear all &filters", view.clear_filters, "Ctrl+Shift+X", "filter")

    menu = window.menuBar().addMenu("&View")
    _action(window, menu, "Indexed &folders…", window.show_folders, "Ctrl+Shift+F", "folder")
    _action(window, menu, "&Problems…", window.show_problems, None, "warning")
    _action(window, menu, "&Names…", window.show_names, "Ctrl+Shift+N", "people",
            "Every person and organisation: merge, rename, hide, undo")
    menu.addSeparator()
    _action(window, menu, "&Next result", lambda: view.move_result(1), "Alt+Down", "chevron-down")
    _action(window, menu, "P&revious result", lambda: view.move_result(-1), "Alt+Up", "chevron-up")
    _action(window, menu, "Next &hit", view.viewer.next_hit, QKeySequence.StandardKey.FindNext)
    _action(window, menu, "Previous h&it", view.viewer.previous_hit, QKeySequence.StandardKey.FindPrevious)
    menu.addSeparator()
    sort_menu = menu.addMenu("&Sort results")
    group = QActionGroup(window)
    sort = {}
    for key, label in SORTS:
        action = _action(window, sort_menu, label, lambda k=key: view.set_sort(k))
        action.setCheckable(True)
        group.addAction(action)
        sort[key] = action
    view.sort_box.currentIndexChanged.connect(lambda _i: sort[view.sort()].setChecked(True))
    toggle = _action(window, menu, "Show &filters", lambda: None)
    toggle.setCheckable(True)
    toggle.setChecked(True)
    toggle.toggled.connect(view.facets.setVisible)

    menu = window.menuBar().addMenu("&Help")
    _action(window, menu, "&Query syntax", window.show_syntax, QKeySequence.StandardKey.HelpContents, "help")
    _action(window, menu, "&Keyboard shortcuts", window.show_shortcuts, "Ctrl+/", "keyboard")
    menu.addSeparator()
    _action(window, menu, "&About SearchApp", window.show_about, None, "info")
    return WindowActions(write, export_csv, sort)
