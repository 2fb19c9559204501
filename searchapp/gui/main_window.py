"""The main window: drop target, status bar, dialogs, and the traffic between the index writer and views."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.index import ArticleIndex
from searchapp.core.models import IndexReport
from searchapp.core.reader import IndexReaders
from searchapp.core.wording import counted
from searchapp.gui import export as export_module
from searchapp.gui.coverage import CoverageWindow
from searchapp.gui.coverage_requests import CoverageFilter
from searchapp.gui.dialogs import AboutDialog, ShortcutsDialog, SyntaxDialog
from searchapp.gui.folders import FoldersDialog
from searchapp.gui.icons import app_icon
from searchapp.gui.instance import InstanceServer
from searchapp.gui.menus import build_menus
from searchapp.gui.messages import MessageBar, Messages
from searchapp.gui.names_manager import NamesDialog
from searchapp.gui.problems import ProblemsDialog
from searchapp.gui.progress import ProgressPanel
from searchapp.gui.sample import install_sample
from searchapp.gui.search_view import SearchView
from searchapp.gui.settings import open_settings, restore_window, save_window, string_list
from searchapp.gui.status import StatusBar, report_message
from searchapp.gui.tasks import IndexTasks, Reader
from searchapp.gui.watcher import FolderWatcher, IndexWatcher
from searchapp.gui.welcome import Welcome

log = logging.getLogger(__name__)

REFRESH_MS = 1000  # while indexing, the results follow the commits at most once a second


class MainWindow(QMainWindow):
    """SearchApp's window over one index folder."""

    index_opened = Signal()
    indexing_finished = Signal(str, object)  # "add"/"rescan"/"remove", IndexReport or removed count (None: failed)
    export_finished = Signal(str, int)  # path, rows

    def __init__(self, index_dir: Path, settings: QSettings | None = None, *, rescan_on_start: bool = True,
                 instance: InstanceServer | None = None) -> None:
        super().__init__()
        self.index_dir = Path(index_dir)
        self.index: ArticleIndex | None = None
        self.readers: IndexReaders | None = None
        self.settings = settings or open_settings()
        self._rescan_on_start = rescan_on_start
        self._closed = False
        self._status_generation = 0  # the status shown is the one asked for last
        self.setWindowTitle("SearchApp")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setAccessibleName("SearchApp")

        self.reader = Reader(self)
        self.tasks = IndexTasks(self)
        self.bar = MessageBar()
        self.messages = Messages(self, self.bar)
        self.search_view = SearchView(self.reader, self.messages, string_list(self.settings, "history"))
        self.search_view.search_box.syntax_help_requested.connect(self.show_syntax)
        self.welcome = Welcome()
        self.welcome.add_folder_requested.connect(self.choose_folder)
        self.welcome.sample_requested.connect(self.load_sample)
        self.welcome.set_busy("Opening the index…")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.search_view)
        # Polish the hidden search view now, not when the first commit shows it during indexing.
        self.search_view.ensurePolished()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self.tasks.cancel)
        self.status = StatusBar(self.statusBar(), self.progress, self.show_problems)
        self.problems_button = self.status.problems_button
        self.folders_dialog: FoldersDialog | None = None
        self.problems_dialog: ProblemsDialog | None = None
        self.names_dialog: NamesDialog | None = None
        self.coverage_window: CoverageWindow | None = None
        self.search_view.names.manager_requested.connect(self.show_names)
        self.search_view.names.coverage_requested.connect(self.show_coverage)
        self.search_view.coverage_requested.connect(self.show_coverage)
        self.search_view.names.changed.connect(lambda *_: self._refresh_names())
        # Later launches on this index come here instead of opening a second window.
        self.instance = instance or InstanceServer(self.index_dir)
        self.instance.setParent(self)
        self.instance.launched.connect(self.receive_launch)

        self.watcher = FolderWatcher(self.reader, self)
        self.watcher.changed.connect(self.tasks.rescan)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.search_view.refresh)
        self._refresh_timer.timeout.connect(self._update_status)  # the count moves with each commit
        self.index_watcher = IndexWatcher(self.reader, self)
        self.index_watcher.changed.connect(self._schedule_refresh)

        self.tasks.opened.connect(self._opened)
        self.tasks.started.connect(self._task_started)
        self.tasks.progress.connect(self.progress.update_progress)
        self.tasks.committed.connect(self._committed)
        self.tasks.finished.connect(self._task_finished)
        self.tasks.failed.connect(self._task_failed)

        self.write_actions, self.export_csv_action, self.sort_actions = build_menus(self)
        restore_window(self, self.settings)
        self.tasks.open(self.index_dir)

    # -- getting articles in ---------------------------------------------------------------------
    def add_paths(self, paths: list[Path | str]) -> None:
        """Index folders or files where they are (dropped, chosen, or from the sample)."""
        if paths and self.index is not None and self.index.read_only:
            self.messages.warning(f"Nothing can be added: {self.index.read_only_reason}")
        elif paths:
            self.tasks.add(paths)

    def receive_launch(self, paths: list[Path]) -> None:
        """SearchApp was started again on this index: come to the front, and index what it was given."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.add_paths(list(paths))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles", str(Path.home()))
        if folder:
            self.add_paths([folder])

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Add articles", str(Path.home()), "Articles (*.txt *.html *.htm *.json *.jsonl *.md);;All files (*)"
        )
        self.add_paths(files)

    def load_sample(self) -> None:
        """Copy the bundled Wikinews sample into the data folder and index it there."""
        self.tasks.call("Copying the sample articles", lambda _index: self.tasks.add([install_sample()],
                                                                                     "Indexing the sample articles"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # -- the writer's news -----------------------------------------------------------------------
    def _opened(self, index: ArticleIndex, readers: IndexReaders, empty: bool) -> None:
        self.index = index
        self.readers = readers
        self.search_view.set_readers(readers)
        if self.names_dialog is not None:
            self.names_dialog.set_readers(readers)
        self.welcome.set_busy("")
        self.stack.setCurrentWidget(self.welcome if empty else self.search_view)
        if index.read_only:
            self._show_read_only(index.read_only_reason)
        elif index.rebuilt and index.damage:
            self.messages.warning(f"The index was damaged ({index.damage}); it has been rebuilt, and your "
                                  "folders are being indexed again.")
            self.tasks.rescan()
        elif index.rebuilt:
            self.messages.info("This version of SearchApp indexes differently: your folders are being re-indexed.")
            self.tasks.rescan()
        elif self._rescan_on_start and not empty:
            self.tasks.rescan()  # pick up what changed while the app was closed
        self._update_status()
        self.index_watcher.start(readers)
        self.index_opened.emit()

    def _show_read_only(self, reason: str) -> None:
        """Searching only: say so in the title, the status bar and the message bar; offer no writes."""
        self.setWindowTitle(f"{self.index_dir} (read-only)")  # Qt adds "— SearchApp"
        self.status.show_read_only(reason)
        self.messages.info(reason)
        self.welcome.set_busy("This index is read-only: nothing can be added to it.")
        for action in self.write_actions:
            action.setEnabled(False)
        self.setAcceptDrops(False)
        self.search_view.names.read_only = True  # names cannot be corrected either (entities.json)

    def _task_started(self, kind: str, description: str) -> None:
        if kind in ("add", "rescan", "remove"):
            self.progress.start(description)
            if self.stack.currentWidget() is self.welcome:
                self.welcome.set_busy(f"{description}…")

    def _committed(self, report: IndexReport) -> None:
        if self.stack.currentWidget() is self.welcome and (report.indexed or report.updated):
            self.stack.setCurrentWidget(self.search_view)
        self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        """Results and counts follow new commits (this window's or another process's), at most once a second."""
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _task_finished(self, kind: str, result) -> None:
        if kind == "call":
            return
        self.progress.finish()
        self.welcome.set_busy("")
        if kind in ("add", "rescan"):
            self._report(kind, result)
        elif kind == "remove":
            self.messages.info(f"Removed {counted(result, 'article')} from the index.")
        if kind != "open":  # opening reports through _opened; this signal is about indexing
            self._refresh_timer.stop()
            self.search_view.refresh()
            self._update_status()
            self._refresh_names()
            self.indexing_finished.emit(kind, result)

    def _report(self, kind: str, report: IndexReport) -> None:
        changed = report.indexed + report.updated + report.removed
        if self.index is not None and self.stack.currentWidget() is self.welcome and changed:
            self.stack.setCurrentWidget(self.search_view)
        text = report_message(kind, report)
        if text:
            self.messages.info(text, action=("Show problems", self.show_problems) if report.problems else None)

    def _task_failed(self, kind: str, message: str) -> None:
        self.progress.finish()
        self.welcome.set_busy("" if kind != "open" else "The index could not be opened.")
        self.messages.error(message)
        if kind != "open":
            self.indexing_finished.emit(kind, None)

    def _update_status(self) -> None:
        readers = self.readers
        if readers is None:
            return
        self._status_generation += 1
        generation = self._status_generation
        self.reader.run(readers.counts.status, lambda found: self._show_status(generation, *found),
                        lambda error: self.messages.warning(f"The index status could not be read: {error}"))

    def _show_status(self, generation: int, stats, folders, problems) -> None:
        if self._closed or generation != self._status_generation:
            return  # an older reading (from before the last commit, say) must not undo a newer one
        self.status.show_status(stats, problems)
        if self.folders_dialog is not None:
            self.folders_dialog.set_folders(folders)
        if self.problems_dialog is not None:
            self.problems_dialog.set_problems(problems)
        if self.index is not None and not self.index.read_only:
            self.watcher.watch([f.path for f in folders if not f.missing])
        if stats.articles == 0 and not self.tasks.is_busy():
            self.stack.setCurrentWidget(self.welcome)
        elif stats.articles and self.stack.currentWidget() is self.welcome:
            self.stack.setCurrentWidget(self.search_view)  # another process indexed into this index

    # -- views and dialogs -----------------------------------------------------------------------
    def show_folders(self) -> None:
        if self.folders_dialog is None:
            self.folders_dialog = FoldersDialog(self)
            self.folders_dialog.add_requested.connect(self.choose_folder)
            self.folders_dialog.rescan_requested.connect(self.tasks.rescan)
            self.folders_dialog.remove_requested.connect(self.remove_folder)
        self.folders_dialog.show()
        self.folders_dialog.raise_()
        self._update_status()

    def remove_folder(self, folder: str) -> None:
        if self.messages.confirm("Remove from index", f"Remove {folder} from the index?\n\n"
                                 "The files stay where they are; only the index forgets them.", "Remove"):
            self.tasks.remove(folder)

    def show_problems(self) -> None:
        if self.problems_dialog is None:
            self.problems_dialog = ProblemsDialog(self)
        self.problems_dialog.show()
        self.problems_dialog.raise_()
        self._update_status()

    def show_names(self) -> None:
        """View > Names…: the Names manager (one, kept open beside the window)."""
        if self.names_dialog is None:
            self.names_dialog = NamesDialog(self.reader, self.search_view.names, self)
            self.names_dialog.set_readers(self.readers)
        else:
            self.names_dialog.refresh()
        self.names_dialog.show()
        self.names_dialog.raise_()
        self.names_dialog.activateWindow()

    def show_coverage(self, name: str, kind: str = "") -> None:
        """The Coverage window of `name` (one window, kept beside this one)."""
        window = self.coverage_window
        if window is None:
            window = self.coverage_window = CoverageWindow(self.reader, self.messages, self)
            window.filter_requested.connect(self._show_coverage_articles)
            window.quote_requested.connect(self._show_quote)
            window.search_button.clicked.connect(lambda: window.add_search(self.search_view.current_search()))
        window.set_readers(self.readers)
        window.show_name(name, kind)
        window.show()
        window.raise_()
        window.activateWindow()

    def _show_quote(self, path: str, quote: str) -> None:
        self.search_view.open_article(path, quote=quote)
        self.raise_()
        self.activateWindow()

    def _show_coverage_articles(self, wanted: CoverageFilter) -> None:
        self.search_view.show_coverage_filter(wanted)
        self.raise_()
        self.activateWindow()

    def _refresh_names(self) -> None:
        if self.names_dialog is not None and self.names_dialog.isVisible():
            self.names_dialog.refresh()
        if self.coverage_window is not None and self.coverage_window.isVisible():
            self.coverage_window.reload()

    def show_syntax(self) -> None:
        SyntaxDialog(self).open()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).open()

    def show_about(self) -> None:
        AboutDialog(self.index_dir, self).open()

    def clear_search(self) -> None:
        self.search_view.search_box.clear()
        self.search_view.search_box.focus()

    # -- export ------------------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        path = export_module.ask_export_path(self, fmt, str(self.settings.value("export_dir", str(Path.home()))))
        if path is not None:
            self.settings.setValue("export_dir", str(path.parent))
            self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: str) -> None:
        """Write every article of the current result set (query, filters, sort) to `path`."""
        if self.index is None:
            return
        key = self.search_view.key()
        self.statusBar().showMessage(f"Exporting to {path.name}…")
        export_module.export_results(
            self.reader, self.index.location, key.search_text, key.filter_map(), key.sort, path, fmt,
            lambda rows: self._exported(path, rows),
            lambda error: self.messages.error(f"The export to {path} failed: {error}"),
        )

    def _exported(self, path: Path, rows: int) -> None:
        self.messages.info(f"Exported {counted(rows, 'article')} to {path}.")
        self.export_finished.emit(str(path), rows)

    # -- settings and shutdown --------------------------------------------------------------------
    def save_settings(self) -> None:
        save_window(self, self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save settings, stop the writer (its last commit stays whole) and the readers."""
        if self._closed:
            return
        self._closed = True
        self.save_settings()
        self._refresh_timer.stop()
        self.index_watcher.stop()
        self.instance.close()
        self.reader.shutdown(wait=False)  # nothing new starts; queued reads are dropped
        export_module.stop_exports()
        self.tasks.shutdown()  # the writer finishes its commit; the readers stop
        self.reader.shutdown(wait=True)  # reads still running fail fast now that their processes are gone
        if self.index is not None:
            self.index.close()
