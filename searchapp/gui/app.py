"""Start the window: logging to a rotating file, error hooks, the application object, the index."""

from __future__ import annotations

import argparse
import gc
import logging
import logging.handlers
import sys
from pathlib import Path

from searchapp.config import paths, settings

log = logging.getLogger(__name__)

LOG_FILE = "searchapp.log"
# Indexing and searching run in child processes, but the threads that wait for them still unpickle their
# answers; the GUI thread re-takes the GIL for every Python callback of a repaint. A short switch interval
# bounds each of those waits (CPython's default is 5 ms).
GIL_SWITCH_INTERVAL_S = 0.0005


def setup_logging() -> Path:
    """Log INFO and above to a rotating file in the platformdirs log folder; returns the file."""
    folder = paths.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    log_file = folder / LOG_FILE
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return log_file


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="searchapp", description="SearchApp, desktop search for news archives")
    parser.add_argument("--index", type=Path, help="the index folder to open (default: in the user data folder)")
    parser.add_argument("paths", nargs="*", type=Path, help="folders or files to index on start")
    known, _qt_args = parser.parse_known_args(argv)  # Qt's own options (-platform, -style…) pass through
    return known


def create_application(argv: list[str]):
    """The QApplication, with names used by QSettings, the desktop file and the about box."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from searchapp.gui.icons import app_icon

    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "searchapp", *argv])
    QCoreApplication.setOrganizationName(paths.APP_AUTHOR)
    QCoreApplication.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setDesktopFileName("searchapp")
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def freeze_startup_objects() -> None:
    """Move everything start-up created (modules, Qt wrappers, the window) out of the garbage
    collector's sight: they live as long as the app, and without this every full collection walks
    them again, a pause of tens of milliseconds in the GUI thread."""
    gc.collect()
    gc.freeze()


def run_gui(argv: list[str]) -> int:
    """Open the window on the index (``--index DIR`` overrides the default) and run until it closes."""
    args = parse_args(argv)
    log_file = setup_logging()
    log.info("SearchApp starting; log file %s", log_file)
    app = create_application([a for a in argv if a not in {"--index", str(args.index)}])

    from searchapp.gui.main_window import MainWindow
    from searchapp.gui.messages import install_exception_hooks

    window = MainWindow(args.index or settings.load().index_path())
    install_exception_hooks(window.messages)
    window.show()
    freeze_startup_objects()
    if args.paths:
        window.add_paths([p.resolve() for p in args.paths])
    code = app.exec()
    window.shutdown()
    return code
