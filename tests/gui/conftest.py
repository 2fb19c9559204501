"""Fixtures for window tests: small article folders and a window on a throwaway index."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings

from searchapp.gui.main_window import MainWindow

INDEX_TIMEOUT_MS = 120_000


def write_article(folder: Path, name: str, headline: str, text: str, *, outlet: str = "Daily Planet",
                  date: str = "2005-03-14") -> Path:
    """One JSON article the records parser reads: title, text, outlet, date."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"title": headline, "text": text, "outlet": outlet, "date": date}), encoding="utf-8")
    return path


def write_reports(folder: Path, numbers: range) -> Path:
    """Numbered articles that all match "harbour", for long result lists."""
    for number in numbers:
        write_article(folder, f"a{number:03d}", f"Harbour report {number}", f"The harbour, part {number}.")
    return folder


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """Three articles about a council vote from two outlets and two years."""
    folder = tmp_path / "articles"
    write_article(folder, "vote", "Council votes on the harbour bridge",
                  "The city council voted on Tuesday.\n\nCouncillors said the council would meet again.\n\n"
                  "A council spokesman declined to comment.\n\nThe vote on the bridge was close.")
    write_article(folder, "budget", "Budget row splits the council",
                  "The council budget was cut by a third.\n\nUnions protested outside.",
                  outlet="Gotham Gazette", date="2006-07-01")
    write_article(folder, "weather", "Storm closes schools",
                  "Heavy rain closed schools across the region.\n\nForecasters expect more rain.")
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., MainWindow]]:
    """Open MainWindow on an index in tmp_path (or `index_dir`); waits until the index is open."""
    windows: list[MainWindow] = []

    def make(index_dir: Path | None = None) -> MainWindow:
        settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
        window = MainWindow(index_dir or tmp_path / "index", settings, rescan_on_start=False)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        qtbot.waitUntil(lambda: window.index is not None, timeout=INDEX_TIMEOUT_MS)
        return window

    yield make
    for window in windows:
        window.shutdown()


def index_folder(qtbot, window: MainWindow, folder: Path):
    """Add `folder` through the window's task queue and wait for the report."""
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS) as blocker:
        window.add_paths([folder])
    return blocker.args[1]


def search_for(qtbot, window: MainWindow, text: str) -> None:
    """Type `text` into the search box and wait until its results are on screen."""
    view = window.search_view
    view.search_box.line.clear()
    with qtbot.waitSignal(view.results_shown, timeout=INDEX_TIMEOUT_MS):
        qtbot.keyClicks(view.search_box.line, text)
    qtbot.waitUntil(lambda: view.model.key is not None and view.model.key.query == text, timeout=INDEX_TIMEOUT_MS)
    wait_for_facets(qtbot, view)


def wait_for_facets(qtbot, view) -> None:
    """Until the sidebar counts belong to the search whose results are shown (they come right after)."""
    qtbot.waitUntil(lambda: view.facets_key is not None and view.facets_key == view.model.key,
                    timeout=INDEX_TIMEOUT_MS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Qt's offscreen platform warns that it cannot pass window size hints on, raise a window or grab the
    # keyboard for a popup menu; nothing to fix on our side.
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"))


def pytest_configure(config: pytest.Config) -> None:
    # A screenshot run under Xvfb draws on the real X display; every other run stays offscreen.
    if os.environ.get("DISPLAY") and config.option.markexpr.strip() == "screenshot":
        os.environ["QT_QPA_PLATFORM"] = "xcb"


def load_every_page(qtbot, model) -> None:
    """Fetch pages of results, as scrolling to the bottom does, until every hit is loaded."""
    while model.canFetchMore(QModelIndex()):
        before = model.loaded()
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda before=before: model.loaded() > before, timeout=INDEX_TIMEOUT_MS)
