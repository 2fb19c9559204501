"""Window settings (geometry, splitters, sort, last query, history) in an INI file in the config folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from searchapp.config import paths
from searchapp.gui.search_box import HISTORY_SIZE

if TYPE_CHECKING:
    from searchapp.gui.main_window import MainWindow


def open_settings() -> QSettings:
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def string_list(settings: QSettings, key: str) -> list[str]:
    """A list saved with setValue; QSettings hands back a str for one item and None for none."""
    value = settings.value(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def restore_window(window: MainWindow, settings: QSettings) -> None:
    """Geometry, splitter, sort and last query as the window was closed."""
    if not window.restoreGeometry(settings.value("geometry", b"")):
        window.resize(1280, 800)
    window.restoreState(settings.value("window_state", b""))
    view = window.search_view
    splitter_state = settings.value("splitter")
    if splitter_state:
        view.splitter.restoreState(splitter_state)
    view.set_sort(str(settings.value("sort", "relevance")))
    window.sort_actions[view.sort()].setChecked(True)
    view.search_box.set_text(str(settings.value("last_query", "")), search=False)


def save_window(window: MainWindow, settings: QSettings) -> None:
    view = window.search_view
    settings.setValue("geometry", window.saveGeometry())
    settings.setValue("window_state", window.saveState())
    settings.setValue("splitter", view.splitter.saveState())
    settings.setValue("sort", view.sort())
    settings.setValue("last_query", view.search_box.text())
    settings.setValue("history", view.search_box.history()[:HISTORY_SIZE])
    settings.sync()
