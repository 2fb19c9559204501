"""Index writes in a process of their own.

Analysing and committing documents is pure-Python work that holds the interpreter lock; done in
the window's process it would stall repaints. `WriterProcess` has the same write methods as
ArticleIndex (add, rescan, remove) and runs them in a child process that owns the Whoosh writer;
progress, commits and the result come back over a pipe, and cancellation goes the other way.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from searchapp.core.index import ArticleIndex, Cancelled, OnCommit, Progress
from searchapp.core.models import IndexProgress, IndexReport
from searchapp.core.service import Requests, ServiceProcess, lower_priority

PROGRESS_INTERVAL_S = 0.05
WRITER_NICENESS = 10


def _serve(requests: Requests, location: str, options: dict[str, Any]) -> None:
    """The child: one index, one write request at a time."""
    # The parsing pool started from here inherits the lower priority.
    lower_priority(WRITER_NICENESS)
    index = ArticleIndex(location, **options)
    last = 0.0
    last_phase = ""

    def progress(update: IndexProgress) -> None:
        nonlocal last, last_phase
        now = time.monotonic()
        finished = update.phase == "indexing" and update.done >= update.total
        if update.phase != last_phase or finished or now - last >= PROGRESS_INTERVAL_S:
            last, last_phase = now, update.phase
            requests.send("progress", update)

    def handle(method: str, args: tuple[Any, ...]) -> Any:
        if method in ("add", "rescan"):
            return getattr(index, method)(
                *args,
                progress=progress,
                cancelled=requests.cancelled,
                on_commit=lambda report: requests.send("commit", report),
            )
        if method == "remove":
            return index.remove(*args)
        raise ValueError(f"unknown write request {method!r}")

    try:
        requests.serve(handle)
    finally:
        index.close()


class WriterProcess(ServiceProcess):
    """The single writer of one index, living in a child process started on first use."""

    name = "searchapp-writer"
    what = "The indexing process"

    def __init__(self, location: str | os.PathLike[str], **index_options: Any) -> None:
        self.location = os.fspath(location)
        self.index_options = index_options
        super().__init__(_serve, (self.location, index_options))

    def _write(
        self,
        method: str,
        args: tuple[Any, ...],
        progress: Progress | None,
        cancelled: Cancelled | None,
        on_commit: OnCommit | None,
    ) -> IndexReport:
        def on_message(kind: str, payload: Any) -> None:
            if kind == "progress" and progress is not None:
                progress(payload)
            elif kind == "commit" and on_commit is not None:
                on_commit(payload)

        return self._call(method, args, on_message, cancelled)

    def add(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> IndexReport:
        return self._write("add", ([os.fspath(p) for p in paths],), progress, cancelled, on_commit)

    def rescan(
        self,
        folders: Sequence[str] | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> IndexReport:
        return self._write("rescan", (list(folders) if folders else None,), progress, cancelled, on_commit)

    def remove(self, path: str | os.PathLike[str]) -> int:
        return self._call("remove", (os.fspath(path),))
