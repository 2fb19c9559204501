"""Background work for the window: one serial writer thread for the index, a small pool for reads.

The writer (`IndexTasks`) is the only code that asks for add/rescan/remove, one task at a time, in the
order they were asked for (Whoosh allows one writer; Anki's task manager does the same). The writes
themselves run in core's WriterProcess, a child process, so analysing and committing documents never
holds this process's interpreter lock; the thread here mostly waits on its pipe.
Reads (searches, article loads, folder lists) run on `Reader`'s pool of threads, which mostly wait for
core's reader processes (`IndexReaders`) to answer; results come back to the GUI thread through a signal,
so no worker ever touches a widget.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from searchapp.config import settings
from searchapp.core.errors import SearchAppError
from searchapp.core.index import ArticleIndex
from searchapp.core.models import IndexProgress
from searchapp.core.reader import IndexReaders
from searchapp.core.writer import WriterProcess

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.1  # at most ten progress updates a second reach the GUI thread


@dataclass(frozen=True)
class Task:
    """One unit of index work: `run(index, progress, cancelled, on_commit)` in the writer thread."""

    kind: str  # "open", "add", "rescan", "remove"
    description: str  # what the status bar says, e.g. "Indexing 3 folders"
    run: Callable[..., Any]


class IndexTasks(QObject):
    """The single writer: a thread that runs index tasks one after another, reporting through signals."""

    opened = Signal(object, object, bool)  # ArticleIndex, IndexReaders, is_empty
    started = Signal(str, str)  # kind, description
    progress = Signal(object)  # IndexProgress
    committed = Signal(object)  # IndexReport so far
    finished = Signal(str, object)  # kind, result (IndexReport, or documents removed)
    failed = Signal(str, str)  # kind, message a user can read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index: ArticleIndex | None = None  # opened (created, rebuilt) here
        self.writer: WriterProcess | None = None  # a child process writes
        self.readers: IndexReaders | None = None  # two child processes search
        self._queue: queue.Queue[Task | None] = queue.Queue()
        self._cancel = threading.Event()
        self._busy = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index-writer", daemon=True)
        self._thread.start()

    # -- asking for work (GUI thread) -------------------------------------------------------------
    def open(self, location: Path) -> None:
        def run(_index, *_):
            index = ArticleIndex(location, max_file_size=settings.load().max_file_size)
            self.index = index
            if not index.read_only:  # a read-only index is searched, and nothing writes to it
                self.writer = WriterProcess(location, max_file_size=index.max_file_size)
            self.readers = IndexReaders(index.location)
            self.readers.start()  # warm before the first search
            self.opened.emit(index, self.readers, index.is_empty())
            return index

        self._queue.put(Task("open", "Opening the index", run))

    def add(self, paths: Sequence[Path | str], description: str = "") -> None:
        paths = [str(p) for p in paths]
        text = description or (f"Indexing {Path(paths[0]).name}" if len(paths) == 1 else f"Indexing {len(paths)} items")
        self._queue.put(
            Task("add", text, lambda idx, p, c, oc: self.writer.add(paths, progress=p, cancelled=c, on_commit=oc))
        )

    def rescan(self, folders: Sequence[str] | None = None) -> None:
        folders = list(folders) if folders is not None else None
        text = "Checking folders for changes" if folders is None else f"Re-scanning {Path(folders[0]).name}"
        self._queue.put(
            Task("rescan", text, lambda idx, p, c, oc: self.writer.rescan(folders, progress=p, cancelled=c, on_commit=oc))
        )

    def remove(self, path: str) -> None:
        self._queue.put(Task("remove", f"Removing {Path(path).name}", lambda idx, *_: self.writer.remove(path)))

    def call(self, description: str, fn: Callable[[ArticleIndex], Any]) -> None:
        """Any other write-side work (e.g. copying the sample in place before indexing it)."""
        self._queue.put(Task("call", description, lambda idx, *_: fn(idx)))

    def cancel(self) -> None:
        """Stop the running task at its next check and drop the queued ones."""
        self._cancel.set()
        try:
            while True:
                self._queue.get_nowait()
        except queue.Empty:
            pass

    def is_busy(self) -> bool:
        return self._busy.is_set() or not self._queue.empty()

    def shutdown(self, timeout: float = 120.0) -> None:
        """Cancel whatever runs and wait (bounded) for the writer to stop, so commits stay whole."""
        self.cancel()
        if self.readers is not None:
            self.readers.close()  # reads hold nothing that needs finishing
        self._queue.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("index writer still busy after %.0f s at shutdown", timeout)
        if self.writer is not None:
            self.writer.close()

    # -- the writer thread ------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            self._cancel.clear()
            self._busy.set()
            try:
                self._run_task(task)
            finally:
                self._busy.clear()

    def _run_task(self, task: Task) -> None:
        if task.kind != "open" and self.index is None:
            return  # the index failed to open; that was reported already
        if task.kind in ("add", "rescan", "remove") and self.writer is None:
            self.failed.emit(task.kind, self.index.read_only_reason)
            return
        self.started.emit(task.kind, task.description)
        last = 0.0
        last_phase = ""

        def progress(update: IndexProgress) -> None:
            nonlocal last, last_phase
            now = time.monotonic()
            finished = update.phase == "indexing" and update.done >= update.total
            if update.phase != last_phase or finished or now - last >= PROGRESS_INTERVAL_S:
                last, last_phase = now, update.phase
                self.progress.emit(update)

        try:
            result = task.run(self.index, progress, self._cancel.is_set, self.committed.emit)
        except SearchAppError as error:
            self.failed.emit(task.kind, str(error))
        except Exception as error:  # noqa: BLE001 - reported to the user, the writer must survive
            log.exception("index task %r failed", task.description)
            self.failed.emit(task.kind, f"{task.description} failed: {error}")
        else:
            self.finished.emit(task.kind, result)


class Reader(QObject):
    """Runs read-only work (searches, article loads) on a small thread pool; results return as signals."""

    _done = Signal(object, object, object)  # callbacks, result, error

    def __init__(self, parent: QObject | None = None, workers: int = 4) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="reader")
        self._closed = False
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[[], Any],
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Call fn() off the GUI thread, then on_result(value) or on_error(exception) on the GUI thread."""
        if self._closed:
            return
        future = self._pool.submit(fn)
        future.add_done_callback(lambda f: self._finished(f, (on_result, on_error)))

    def _finished(self, future: Future, callbacks) -> None:
        if self._closed or future.cancelled():
            return
        error = future.exception()
        try:
            self._done.emit(callbacks, None if error else future.result(), error)
        except RuntimeError:  # the window went away while the work ran
            pass

    @Slot(object, object, object)
    def _deliver(self, callbacks, result, error) -> None:
        if self._closed:
            return
        on_result, on_error = callbacks
        if error is None:
            on_result(result)
        elif on_error is not None:
            on_error(error)
        else:
            raise error

    def shutdown(self, wait: bool = True) -> None:
        """Drop queued work and deliver nothing more; `wait` for the running work to end."""
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)
