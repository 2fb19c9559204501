"""Index writes in a process of their own.

Analysing and committing documents is pure-Python work that holds the interpreter lock; done in
the window's process it would stall repaints. `WriterProcess` has the same write methods as
ArticleIndex (add, rescan, remove) and runs them in a child process that owns the Whoosh writer;
progress, commits and the result come back over a pipe, and cancellation goes the other way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
import traceback
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from searchapp.core.errors import SearchAppError
from searchapp.core.index import ArticleIndex, Cancelled, OnCommit, Progress
from searchapp.core.models import IndexReport

log = logging.getLogger(__name__)

PROGRESS_INTERVAL_S = 0.05
POLL_S = 0.05
WRITER_NICENESS = 10


def _serve(conn: Connection, cancel: Any, location: str, options: dict[str, Any]) -> None:
    """The child's loop: one request at a time until the pipe closes or None arrives."""
    if hasattr(os, "nice"):
        # Background work: the window's process (and the user's other programs) come first. The
        # parsing pool started from here inherits the lower priority.
        os.nice(WRITER_NICENESS)
    index = ArticleIndex(location, **options)
    last = 0.0

    def progress(done: int, total: int, current: str) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL_S or done >= total:
            last = now
            conn.send(("progress", (done, total, current)))

    try:
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return  # the parent went away
            if request is None:
                return
            method, args = request
            try:
                if method in ("add", "rescan"):
                    result = getattr(index, method)(
                        *args,
                        progress=progress,
                        cancelled=cancel.is_set,
                        on_commit=lambda report: conn.send(("commit", report)),
                    )
                else:
                    result = getattr(index, method)(*args)
            except SearchAppError as error:
                conn.send(("error", (str(error), "")))
            except Exception as error:
                conn.send(("error", (f"{type(error).__name__}: {error}", traceback.format_exc())))
            else:
                conn.send(("result", result))
    finally:
        index.close()


class WriterProcess:
    """The single writer of one index, living in a child process started on first use."""

    def __init__(self, location: str | os.PathLike[str], **index_options: Any) -> None:
        self.location = os.fspath(location)
        self.index_options = index_options
        self._context = multiprocessing.get_context("spawn")
        self._cancel = self._context.Event()
        self._process: Any = None
        self._conn: Connection | None = None

    def _ensure_started(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        parent, child = self._context.Pipe()
        # Not a daemon: the child starts its own pool of parsing processes.
        self._process = self._context.Process(
            target=_serve,
            args=(child, self._cancel, self.location, self.index_options),
            name="searchapp-writer",
        )
        self._process.start()
        child.close()
        self._conn = parent
        return parent

    def _call(
        self,
        method: str,
        args: tuple[Any, ...],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> Any:
        conn = self._ensure_started()
        self._cancel.clear()
        conn.send((method, args))
        while True:
            if cancelled is not None and cancelled():
                self._cancel.set()
            try:
                ready = conn.poll(POLL_S)
                message = conn.recv() if ready else None
            except (EOFError, OSError):
                message = None
                ready = True
            if message is None:
                if ready or not self._process.is_alive():
                    code = self._process.exitcode
                    self._discard()
                    raise SearchAppError(
                        f"The indexing process stopped unexpectedly (exit code {code}); "
                        "what it had committed is kept, and the next run finishes the job."
                    )
                continue
            kind, payload = message
            if kind == "progress" and progress is not None:
                progress(*payload)
            elif kind == "commit" and on_commit is not None:
                on_commit(payload)
            elif kind == "result":
                return payload
            elif kind == "error":
                text, details = payload
                if details:
                    log.error("indexing failed in the writer process:\n%s", details)
                raise SearchAppError(text)

    def add(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> IndexReport:
        return self._call("add", ([os.fspath(p) for p in paths],), progress, cancelled, on_commit)

    def rescan(
        self,
        folders: Sequence[str] | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> IndexReport:
        return self._call("rescan", (list(folders) if folders else None,), progress, cancelled, on_commit)

    def remove(self, path: str | os.PathLike[str]) -> int:
        return self._call("remove", (os.fspath(path),))

    def _discard(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._process = None

    def close(self, timeout: float = 10.0) -> None:
        """Ask the child to finish (a running task should be cancelled first) and wait for it."""
        if self._process is None:
            return
        self._cancel.set()
        try:
            if self._conn is not None:
                self._conn.send(None)
        except OSError:
            pass
        self._process.join(timeout)
        if self._process.is_alive():
            log.warning("writer process still busy after %.0f s; stopping it", timeout)
            self._process.terminate()
            self._process.join(5)
        self._discard()
