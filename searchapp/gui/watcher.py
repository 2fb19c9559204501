"""Watches the indexed folders (after changes settle, asks for a re-scan of the folder that changed)
and the index itself (commits made by another process: the command line, another user's window)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from searchapp.core.crawl import under
from searchapp.core.reader import IndexReaders
from searchapp.gui.tasks import Reader

log = logging.getLogger(__name__)

SETTLE_MS = 1500  # wait for a burst of changes (a copy of many files) to end before re-scanning
MAX_DIRECTORIES = 4000  # stay well inside the system's inotify watch limit


def directory_tree(folders: Iterable[str], limit: int = MAX_DIRECTORIES) -> list[str]:
    """The folders and their subfolders (not hidden ones, no symlinks), at most `limit` of them."""
    found: list[str] = []
    for root in folders:
        if not os.path.isdir(root):
            continue
        for current, subdirs, _files in os.walk(root):
            subdirs[:] = [d for d in subdirs if not d.startswith(".") and not os.path.islink(os.path.join(current, d))]
            found.append(current)
            if len(found) >= limit:
                log.warning("watching only the first %d folders for changes", limit)
                return found
    return found


class FolderWatcher(QObject):
    """Emits `changed(folders)` a moment after files change under any watched collection folder."""

    changed = Signal(list)

    def __init__(self, reader: Reader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._directory_changed)
        self._roots: list[str] = []
        self._dirty: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self._flush)
        self._generation = 0

    def watch(self, folders: list[str]) -> None:
        """Watch exactly these collection folders (and their subfolders); the walk runs off the GUI thread."""
        self._roots = sorted(folders, key=len, reverse=True)
        self._generation += 1
        generation = self._generation
        self._reader.run(lambda: directory_tree(folders), lambda tree: self._set_paths(generation, tree))

    def watched(self) -> list[str]:
        return self._watcher.directories()

    def _set_paths(self, generation: int, tree: list[str]) -> None:
        if generation != self._generation:
            return
        current = set(self._watcher.directories())
        wanted = set(tree)
        if current - wanted:
            self._watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self._watcher.addPaths(sorted(wanted - current))

    def _directory_changed(self, path: str) -> None:
        root = next((r for r in self._roots if under(path, r)), None)
        if root is None:
            return
        self._dirty.add(root)
        self._timer.start()

    def _flush(self) -> None:
        folders, self._dirty = sorted(self._dirty), set()
        if folders:
            log.info("files changed under %s", ", ".join(folders))
            self.changed.emit(folders)
            self.watch(self._roots)  # new subfolders get watched too


class IndexWatcher(QObject):
    """Emits `changed()` when the index has a new commit or folder list, by any process (this
    window's own commits are refreshed for already; one more refresh costs little, and telling them
    apart would race with another process's commit): it asks a reader process for the index's
    version every few seconds (no disk work in this thread; works on network drives, where file
    system notifications do not)."""

    changed = Signal()

    def __init__(self, reader: Reader, parent: QObject | None = None, interval_ms: int = 2000) -> None:
        super().__init__(parent)
        self._reader = reader
        self._readers: IndexReaders | None = None
        self._version: object = None
        self._asking = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._poll)

    def start(self, readers: IndexReaders) -> None:
        self._readers = readers
        self._timer.start()
        self._poll()

    def stop(self) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        readers = self._readers
        if readers is None or self._asking:
            return
        self._asking = True
        self._reader.run(readers.counts.version, self._seen, self._failed)

    def _failed(self, _error: BaseException) -> None:
        self._asking = False  # the status line reports read failures; try again next time

    def _seen(self, version: object) -> None:
        self._asking = False
        before, self._version = self._version, version
        if before is not None and version != before:
            log.info("the index was changed by another process")
            self.changed.emit()
