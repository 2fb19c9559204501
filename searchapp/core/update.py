"""One incremental indexing pass: crawl, compare with the index, parse in the pool, write in batches.

Used only by ArticleIndex, which owns the writer; split out so that each module keeps one job.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from datetime import datetime
from typing import TYPE_CHECKING, Any

from searchapp.core.crawl import FoundFile, crawl, under
from searchapp.core.documents import LoadedFile, load_file, refreshed_document
from searchapp.core.models import IndexReport, Problem
from searchapp.core.stories import StoryMatcher

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from searchapp.core.index import ArticleIndex

POOL_THRESHOLD = 24  # fewer files than this are parsed in this process: no pool start-up cost


Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
OnCommit = Callable[[IndexReport], None]


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


class UpdateRun:
    """One incremental pass over some roots: crawl, compare, parse in the pool, write in batches."""

    def __init__(
        self,
        index: ArticleIndex,
        roots: list[str],
        progress: Progress | None,
        cancelled: Cancelled | None,
        on_commit: OnCommit | None,
    ) -> None:
        self.index = index
        self.roots = roots
        self.progress = progress or (lambda done, total, current: None)
        self.cancelled = cancelled or (lambda: False)
        self.on_commit = on_commit
        self.counts = {"indexed": 0, "updated": 0, "unchanged": 0, "removed": 0}
        self.new_problems: list[Problem] = []
        self.writer: Any = None
        self.pending = 0
        self.last_commit = time.monotonic()
        self.was_cancelled = False
        self.stories = StoryMatcher()
        self.story_searcher: Any = None  # what the last commit holds, to find copies in

    def report(self) -> IndexReport:
        return IndexReport(problems=tuple(self.new_problems), cancelled=self.was_cancelled, **self.counts)

    def execute(self) -> IndexReport:
        index = self.index
        excluded = index._meta.setdefault("excluded", [])
        found = crawl(
            self.roots, max_file_size=index.max_file_size, cancelled=self.cancelled, excluded=excluded
        )
        if not found.complete:
            # Cancelled while walking: files not reached yet must not count as deleted.
            self.was_cancelled = True
            return self.report()
        with index._ix.searcher() as searcher:
            states = index._file_states(searcher)
        present = {item.path for item in found.files}
        live_roots = [root for root in self.roots if root not in found.missing_roots]

        def gone(path: str) -> bool:
            """Indexed, under a walked root, not found, and not in a folder that could not be read."""
            return (
                path not in present
                and any(under(path, root) for root in live_roots)
                and not any(under(path, folder) for folder in found.unreadable)
            )

        deleted = [path for path in states if gone(path)]
        todo: list[tuple[FoundFile, str]] = []
        for item in found.files:
            state = states.get(item.path)
            problem = index._problems.get(item.path)
            if state and state[0] == item.size and state[1] == item.mtime_ns:
                self.counts["unchanged"] += 1
            elif problem and problem.get("size") == item.size and problem.get("mtime_ns") == item.mtime_ns:
                self.counts["unchanged"] += 1
            else:
                todo.append((item, state[2] if state else ""))
        # Forget problems of files that are gone, then note this walk's own (too large, bad names).
        for path in list(index._problems):
            if gone(path) and not os.path.exists(path):
                del index._problems[path]
        for problem in found.problems:
            self._problem(problem.path, problem.reason, None)
        total = len(todo)
        self.progress(0, total, "")
        self.writer = index._writer()
        self.story_searcher = index._ix.searcher()
        try:
            for path in deleted:
                self.counts["removed"] += 1
                self.writer.delete_by_term("file", path)
                self.pending += 1
            done = 0
            for loaded in self._load_all(todo):
                self._write(loaded, states)
                done += 1
                self.progress(done, total, loaded.path)
                if self.pending >= index.commit_every or (
                    self.pending and time.monotonic() - self.last_commit > index.commit_seconds
                ):
                    self._commit(reopen=True)
                if self.cancelled():
                    self.was_cancelled = True
                    break
            self.was_cancelled = self.was_cancelled or self.cancelled()  # also when stopped before any file
            if not self.was_cancelled:
                now = now_iso()
                for root in self.roots:
                    if root in index._meta["folders"] and root not in found.missing_roots:
                        index._meta["folders"][root]["last_update"] = now
            self._commit(reopen=False)
        except BaseException:
            try:
                self.writer.cancel()
            except Exception:  # the run's own error matters more than a failed clean-up
                log.exception("could not cancel the index writer")
            raise
        finally:
            self.story_searcher.close()
        return self.report()

    def _load_all(self, todo: list[tuple[FoundFile, str]]) -> Iterable[LoadedFile]:
        index = self.index
        if len(todo) < POOL_THRESHOLD or index.workers == 0:
            for item, old_digest in todo:
                if self.cancelled():
                    return
                yield load_file(item.path, item.root, old_digest, index.max_file_size)
            return
        pool = index._get_pool()
        chunk = 8
        batches = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        in_flight: set[Future[list[LoadedFile]]] = set()
        # Far enough ahead that the pool keeps parsing while this process commits (a commit takes
        # seconds; a batch takes milliseconds). 64 batches are a few megabytes of parsed text.
        window = index.workers * 64
        position = 0
        try:
            while position < len(batches) or in_flight:
                while position < len(batches) and len(in_flight) < window and not self.cancelled():
                    batch = batches[position]
                    in_flight.add(pool.submit(_load_batch, batch, index.max_file_size))
                    position += 1
                if not in_flight:
                    return
                finished = {future for future in in_flight if future.done()}
                if not finished and position < len(batches) and not self.cancelled():
                    # Nothing parsed is ready: parse the next batch here rather than wait idle.
                    position += 1
                    yield from _load_batch(batches[position - 1], index.max_file_size)
                    continue
                if not finished:
                    finished, _pending = wait(in_flight, return_when=FIRST_COMPLETED)
                in_flight -= finished
                for future in finished:
                    yield from future.result()
        finally:
            for future in in_flight:
                future.cancel()

    def _problem(self, path: str, reason: str, loaded: LoadedFile | None) -> None:
        entry = {"reason": reason}
        if loaded is not None:
            entry.update(size=loaded.size, mtime_ns=loaded.mtime_ns)
        self.index._problems[path] = entry
        self.new_problems.append(Problem(path, reason))

    def _write(self, loaded: LoadedFile, states: dict[str, tuple[int, int, str]]) -> None:
        writer = self.writer
        was_indexed = loaded.path in states
        if loaded.same_content:
            with self.index._ix.searcher() as searcher:
                stored = [searcher.stored_fields(n) for n in searcher.document_numbers(file=loaded.path)]
            writer.delete_by_term("file", loaded.path)
            for fields in stored:
                writer.add_document(**refreshed_document(fields, loaded.size, loaded.mtime_ns, loaded.digest))
            self.counts["unchanged"] += 1
            self.pending += len(stored)
            return
        if was_indexed:
            writer.delete_by_term("file", loaded.path)
        if loaded.problem:
            self._problem(loaded.path, loaded.problem, loaded)
            if was_indexed:
                self.counts["removed"] += 1
            return
        self.index._problems.pop(loaded.path, None)
        for document in loaded.documents:
            self.stories.assign(document, self.story_searcher)
            writer.add_document(**document)
        self.pending += len(loaded.documents) or 1
        self.counts["updated" if was_indexed else "indexed"] += 1

    def _commit(self, *, reopen: bool) -> None:
        self.writer.commit()
        # A new searcher, not refresh(): whoosh's refresh fails on a reader of an empty index.
        self.story_searcher.close()
        self.story_searcher = self.index._ix.searcher()
        self.stories.committed()
        self.index._save_sidecars()
        self.pending = 0
        self.last_commit = time.monotonic()
        if self.on_commit:
            self.on_commit(self.report())
        if reopen:
            self.writer = self.index._writer()


def _load_batch(batch: list[tuple[FoundFile, str]], max_file_size: int) -> list[LoadedFile]:
    return [load_file(item.path, item.root, digest, max_file_size) for item, digest in batch]
