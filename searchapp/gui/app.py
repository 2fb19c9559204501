"""Start the window: logging to a rotating file, error hooks, the application object, the index."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

from searchapp.config import paths, settings
from searchapp.core import logs
from searchapp.core.wording import counted

log = logging.getLogger(__name__)

# Indexing and searching run in child processes, but the threads that wait for them still unpickle their
# answers; the GUI thread re-takes the GIL for every Python callback of a repaint. A short switch interval
# bounds each of those waits (CPython's default is 5 ms).
GIL_SWITCH_INTERVAL_S = 0.0005


def setup_logging() -> Path | None:
    """Log INFO and above to a rotating file in the platformdirs log folder; returns the file."""
    return logs.setup_logging(paths.log_dir(), terminal=False)


def display_problem(environ: Mapping[str, str] | None = None) -> str:
    """Why no window can be shown here ('' when one can): on Linux and the BSDs, Qt aborts the whole
    process (a core dump) when it finds no display, so look before Qt does."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return ""
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform and platform not in ("xcb", "wayland", "wayland-egl"):
        return ""  # offscreen, vnc, eglfs…: Qt needs no display server
    wayland, x11 = env.get("WAYLAND_DISPLAY", ""), env.get("DISPLAY", "")
    if platform.startswith("wayland") or (not platform and wayland):
        if wayland and _wayland_socket(wayland, env):
            return ""
        if platform.startswith("wayland"):
            return f"cannot reach the Wayland display '{wayland}'"
    if not x11:
        return ("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                "in a terminal, use a command instead: searchapp --help")
    if not _x11_reachable(x11):
        return f"cannot connect to the X display '{x11}'; in a terminal, use a command instead: searchapp --help"
    return ""


def _wayland_socket(name: str, env: Mapping[str, str]) -> bool:
    path = name if os.path.isabs(name) else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return os.path.exists(path)


def _x11_reachable(display: str) -> bool:
    """A quick connect to the X server's socket (local or TCP); a display that refuses us makes Qt abort."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return True  # a form we do not know: let Qt try
    try:
        if host in ("", "unix") or host.startswith("/"):
            with socket.socket(socket.AF_UNIX) as connection:
                connection.settimeout(1)
                try:
                    connection.connect(f"/tmp/.X11-unix/X{number}")
                except OSError:
                    connection.connect(f"\0/tmp/.X11-unix/X{number}")  # Linux's abstract socket
            return True
        with socket.create_connection((host, 6000 + int(number)), timeout=1):
            return True
    except OSError:
        return False


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
    """Open the window on the index (``--index DIR`` overrides the default) and run until it closes;
    when a window is already open on that index, hand it the paths instead."""
    args = parse_args(argv)
    problem = display_problem()
    if problem:
        print(f"searchapp: {problem}", file=sys.stderr)
        return 1
    log_file = setup_logging()
    log.info("SearchApp starting; log file %s", log_file)
    app = create_application([a for a in argv if a not in {"--index", str(args.index)}])

    from searchapp.gui.instance import InstanceServer, hand_over
    from searchapp.gui.main_window import MainWindow
    from searchapp.gui.messages import install_exception_hooks

    index_dir = Path(args.index or settings.load().index_path())
    paths_given = [p.resolve() for p in args.paths]
    instance = None if hand_over(index_dir, paths_given) else InstanceServer(index_dir)
    if instance is None or (instance.other_window and hand_over(index_dir, paths_given)):
        given = f" and given {counted(len(paths_given), 'item')} to index" if paths_given else ""
        print(f"SearchApp is already open on the index at {index_dir}: its window was brought to the front{given}.")
        return 0
    window = MainWindow(index_dir, instance=instance)
    install_exception_hooks(window.messages)
    window.show()
    freeze_startup_objects()
    if paths_given:
        window.add_paths(paths_given)
    code = app.exec()
    window.shutdown()
    return code
