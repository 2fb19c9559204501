"""Writer processes that analyse documents and write Whoosh segments of their own, so that every core
does the expensive part of indexing, and the merges as well.

Whoosh's own multiprocessing writer (`MpWriter` with `multisegment=True`) has the same shape; this one
keeps the parts SearchApp needs in the parent, where they must stay sequential: the run's one writer
holds the index's lock, assigns stories, deletes, chooses the merges and commits the table of contents.
Documents (stories assigned) go to the writer processes in batches over plain pipes (spawn-safe, as in
pool.py); at each commit every writer finishes its segment, one of them merging into it the segments the
merge policy chose, and the parent commits those segments with its own changes. Nothing a writer wrote
is visible before that commit, and a run that fails leaves the last commit as it was (its files are
removed like any unfinished segment's).
"""

from __future__ import annotations

import logging
import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from searchapp.core import whoosh_fixes  # noqa: F401 - the writer processes index and write with the fixes too
from searchapp.core.children import prepare_child, stop_children
from searchapp.core.errors import SearchAppError
from searchapp.core.logs import current_log_file
from searchapp.core.mergepolicy import live, not_merged, plan
from searchapp.core.merging import merge_groups

log = logging.getLogger(__name__)

BATCH = 64  # documents sent to a writer at a time


def _serve(conn: Connection, location: str, indexname: str, limitmb: int, log_file: str | None) -> None:
    """A writer process: ("add", documents) without an answer; ("finish", groups of segments to merge)
    answered with ("segments", (its own segment if it wrote one, the merged segments of the first groups))
    or ("oserror", (errno, text)) / ("error", text) for the first failure since the last commit; a merge
    stops when any message arrives meanwhile (the parent's ("stop", None), which is then ignored), and
    the groups not merged are left as they were. ("cancel", None) drops the segment being written; None
    stops."""
    prepare_child(log_file)
    index = FileStorage(location).open_index(indexname)
    writer: Any = None
    failure: tuple[str, Any] | None = None

    def drop() -> None:
        nonlocal writer
        if writer is not None:
            try:
                writer._close_segment()  # not cancel(): that removes the temporary folder others use too
            except Exception:  # noqa: BLE001 - its files go with the next commit's clean-up
                pass
        writer = None

    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message is None:
            return
        kind, payload = message
        if kind == "stop":
            continue  # came after the merges it was to stop had ended
        if kind == "cancel":
            drop()
            failure = None
            continue
        answer: tuple[str, Any] | None = failure
        if failure is None:
            try:
                if writer is None and kind == "add":
                    writer = SegmentWriter(index, _lk=False, limitmb=limitmb)
                if kind == "add":
                    for document in payload:
                        writer.add_document(**document)
                else:
                    finished = [writer._finalize_segment()] if writer is not None and writer._added else []
                    if not finished:
                        drop()
                    writer = None
                    # each group of committed segments merged into one (their deleted documents left out)
                    answer = ("segments", (finished, merge_groups(index, payload, limitmb, stop=conn.poll)))
            except OSError as error:
                answer = failure = ("oserror", (error.errno, str(error)))
            except Exception:  # noqa: BLE001 - reported to the parent at the commit
                log.exception("an index writer process failed")
                answer = failure = ("error", traceback.format_exc(limit=3))
        if kind == "finish":
            if failure is not None:
                drop()
            failure = None
            conn.send(answer)


class _Writer:
    def __init__(self, context: Any, location: str, indexname: str, limitmb: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child, location, indexname, limitmb, current_log_file()),
            name="searchapp-segment-writer", daemon=True,
        )
        self.process.start()
        child.close()
        self.written = 0  # documents sent since the last commit


# Postings a writer process keeps in memory (whoosh's estimate, about what they take) before it saves them
# to a sorted run file; past it, each posting is pickled, read back and merged in Python. With 64, a
# quarter of the writers' time at 20,000 articles went to those runs (segments of up to 4,000 articles);
# with 256, about a quarter at 100,000. A writer's segment holds at most half of a commit's articles (commits
# are at most MAX_COMMIT_GROWTH x commit_every articles apart: core/update.py), 16,000 by
# default, which mostly fits in this: the limit, not the collection's size, bounds a writer's memory, and
# the largest process of a 100,000-article run stays the run's own or the writer making its largest merge.
WRITER_LIMIT_MB = 768


class SegmentWriters:
    """`count` writer processes for one indexing run (started on first use)."""

    def __init__(self, location: str, indexname: str, count: int, limitmb: int = WRITER_LIMIT_MB) -> None:
        self._location, self._indexname, self._limitmb = location, indexname, limitmb
        self.count = max(1, count)
        self._context = multiprocessing.get_context("spawn")  # the window's process has threads: no fork
        self._writers: list[_Writer] = []
        self._batch: list[dict[str, Any]] = []

    def add(self, document: dict[str, Any]) -> None:
        self._batch.append(document)
        if len(self._batch) >= BATCH:
            self._send()

    def _send(self) -> None:
        if not self._batch:
            return
        if not self._writers:
            self._writers = [_Writer(self._context, self._location, self._indexname, self._limitmb)
                             for _ in range(self.count)]
        writer = min(self._writers, key=lambda w: w.written)
        writer.written += len(self._batch)
        try:
            writer.conn.send(("add", self._batch))
        except OSError as error:
            raise SearchAppError(f"An index writer process stopped unexpectedly ({error}).") from None
        self._batch = []

    def pending(self) -> int:
        return sum(writer.written for writer in self._writers) + len(self._batch)

    def finish(self, merges: Sequence[Sequence[Any]], cancelled: Callable[[], bool] | None = None) -> list[Any]:
        """Every writer's finished segment, and (from the first writer) one segment for each group of
        committed segments in `merges`, for the commit; when `cancelled()` turns true meanwhile, the
        merges stop and the groups not merged are in the list as they were."""
        self._send()
        if merges and not self._writers:
            self._writers = [_Writer(self._context, self._location, self._indexname, self._limitmb)]
        asked = [writer for position, writer in enumerate(self._writers) if writer.written or (merges and position == 0)]
        for position, writer in enumerate(asked):
            writer.conn.send(("finish", list(merges) if position == 0 else []))
        segments, failure = [], None
        for position, writer in enumerate(asked):
            writer.written = 0
            try:
                if position == 0 and merges:
                    _wait(writer.conn, cancelled)
                kind, payload = writer.conn.recv()
            except (EOFError, OSError):
                code = writer.process.exitcode
                failure = failure or SearchAppError(f"An index writer process stopped unexpectedly (exit code {code}).")
                continue
            if kind == "segments":
                own, merged = payload
                segments += own + merged
                if position == 0:  # the groups it did not merge (stopped) are committed as they are
                    segments += not_merged(merges, merged)
            elif kind == "oserror" and failure is None:
                failure = OSError(payload[0], payload[1])
            elif failure is None:
                failure = SearchAppError(f"An index writer process failed: {payload}")
        if failure is not None:
            raise failure
        return segments

    def cancel(self) -> None:
        """Drop what the writers wrote since the last commit (after a failure)."""
        self._batch = []
        for writer in self._writers:
            writer.written = 0
            try:
                writer.conn.send(("cancel", None))
            except OSError:
                pass

    def close(self, timeout: float = 10.0) -> None:
        stop_children([(writer.process, writer.conn) for writer in self._writers], timeout)
        for writer in self._writers:
            writer.conn.close()
        self._writers = []


def _wait(conn: Connection, cancelled: Callable[[], bool] | None) -> None:
    """Wait for a writer's answer; when `cancelled()` turns true meanwhile, ask it to stop merging."""
    asked = False
    while True:
        if not asked and cancelled is not None and cancelled():
            conn.send(("stop", None))
            asked = True
        if conn.poll(0.1):
            return


def commit_with_segments(writer: Any, finish: Callable[[list[Any]], list[Any]], merge: bool = True,
                         last: bool = False) -> None:
    """Commit the run's writer (its deletions, and any document it wrote itself) together with the
    segments `finish(groups of segments to merge)` returns: the writer processes' work since the last
    commit, and the merged segments (none without `merge`; the policy's at a run's `last` commit)."""
    try:
        if merge:
            kept, merged = plan(writer.segments, last=last)
        else:
            kept, merged = live(writer.segments), []
        final = kept + finish(merged)
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(final)
    except BaseException:
        try:
            writer._close_segment()
        except Exception:  # noqa: BLE001 - the first failure is the one to report
            pass
        writer._cleanup_on_error()  # the lock released, the temporary files gone
        raise
    writer._finish()
