"""One incremental indexing pass: crawl, compare with the index, parse in the pool, write in batches.

Used only by ArticleIndex, which owns the writer (and holds the writers' lock around a pass); split
out so that each module keeps one job. A large pass analyses and writes its documents in writer
processes (core/segments.py), each writing a segment of its own; this process assigns stories, deletes
and commits. Commits come sooner at the start of a pass (new articles show up within seconds) and
further apart as it goes on (fewer, larger segments to merge). A pass that fails (a full disk, a damaged
file) leaves the last commit as it was: the writers are abandoned and the partial segments they were
writing are deleted.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from whoosh.index import TOC, clean_files

from searchapp.core.crawl import FoundFile, crawl, under
from searchapp.core.documents import LoadedFile, load_file, refreshed_document
from searchapp.core.errors import DiskFullError
from searchapp.core.lexicon import file_states
from searchapp.core.mergepolicy import live, not_merged, plan
from searchapp.core.merging import merge_groups
from searchapp.core.models import IndexProgress, IndexReport, Problem
from searchapp.core.segments import SegmentWriters, commit_with_segments
from searchapp.core.storage import INDEX_NAME
from searchapp.core.stories import StoryMatcher

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from searchapp.core.index import ArticleIndex

POOL_THRESHOLD = 24  # fewer files than this (and under POOL_BYTES) are parsed and written in this process
POOL_BYTES = 2 * 1024 * 1024  # ... so are fewer bytes: no start-up cost for a handful of small files
BATCH_FILES, BATCH_BYTES = 8, 512 * 1024  # a parsing batch: up to 8 files, or one file over 512 KB
COMMIT_GROWTH = 2  # each commit of a pass waits twice as long (and for twice as many articles) as the last
# At most 3 minutes and 32 x commit_every articles between commits: each commit adds a segment per writer
# process (core/merging.py merges them by tiers of size), so a long run makes a few large segments rather
# than many that every search looks each word up in (`segments` in bench/scale_bench.py).
MAX_COMMIT_SECONDS = 180.0
MAX_COMMIT_GROWTH = 32
DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))

Progress = Callable[[IndexProgress], None]
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
        self.progress = progress or (lambda _progress: None)
        self.cancelled = cancelled or (lambda: False)
        self.on_commit = on_commit
        self.counts = {"indexed": 0, "updated": 0, "unchanged": 0, "removed": 0}
        self.articles = {"new_articles": 0, "updated_articles": 0}
        self.new_problems: list[Problem] = []
        self.writer: Any = None
        self.has_works = True  # the index has the `works` field (read once in _execute)
        self.pending = 0
        self.last_commit = time.monotonic()
        self.was_cancelled = False
        self.plan = IndexProgress("indexing")  # new / changed / removed once the walk is done
        self.stories = StoryMatcher()
        self.story_searcher: Any = None  # what the last commit holds, to find copies in
        self.segment_writers: SegmentWriters | None = None  # writer processes, for a large pass
        self.commits = 0

    def report(self) -> IndexReport:
        return IndexReport(
            problems=tuple(self.new_problems), cancelled=self.was_cancelled, **self.counts, **self.articles
        )

    def execute(self) -> IndexReport:
        try:
            return self._execute()
        except BaseException as error:
            self._abandon()
            if isinstance(error, OSError) and error.errno in DISK_FULL:
                raise DiskFullError(self._disk_full_message()) from None
            raise
        finally:
            if self.story_searcher is not None:
                self.story_searcher.close()
            if self.segment_writers is not None:
                self.segment_writers.close()

    def _execute(self) -> IndexReport:
        index = self.index
        excluded = index._meta.setdefault("excluded", [])
        self.progress(IndexProgress("walking"))
        found = crawl(
            self.roots,
            max_file_size=index.max_file_size,
            cancelled=self.cancelled,
            excluded=excluded,
            on_folder=lambda count, folder: self.progress(IndexProgress("walking", done=count, current=folder)),
        )
        if not found.complete:
            # Cancelled while walking: files not reached yet must not count as deleted.
            self.was_cancelled = True
            return self.report()
        with index._ix.searcher() as searcher:
            states = file_states(searcher)
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
        # Forget problems of files that are gone and the last walk's own (unreadable folders, broken
        # links, loops, files over the size limit) under the roots walked now; then note this walk's.
        for path, entry in list(index._problems.items()):
            walked = entry.get("walk") and any(under(path, root) for root in live_roots)
            if walked or (gone(path) and not os.path.exists(path)):
                del index._problems[path]
        for problem in found.problems:
            self._problem(problem.path, problem.reason, None, walk=True)
        changed = sum(1 for _item, digest in todo if digest)
        self.plan = IndexProgress(
            "indexing", total=len(todo), new=len(todo) - changed, changed=changed, removed=len(deleted)
        )
        self._report_progress(0, "")
        self.writer = index._writer()
        # read once: the index's schema property reads its table of contents from disk at every call
        self.has_works = "works" in self.writer.schema
        if self._in_pool(todo) and index.segment_writers > 0:
            self.segment_writers = SegmentWriters(str(index.location), INDEX_NAME, index.segment_writers)
        self.story_searcher = index._ix.searcher()
        for path in deleted:
            self.counts["removed"] += 1
            self.writer.delete_by_term("file", path)
            self.pending += 1
        done = 0
        for loaded in self._load_all(todo):
            self._write(loaded, states)
            done += 1
            self._report_progress(done, loaded.path)
            if self._commit_due():
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
        return self.report()

    def _report_progress(self, done: int, current: str) -> None:
        plan = self.plan
        self.progress(IndexProgress("indexing", done, plan.total, plan.new, plan.changed, plan.removed,
                                    current=current))

    def _commit_due(self) -> bool:
        """Every commit_every articles or commit_seconds at first, then less and less often."""
        if not self.pending:
            return False
        growth = min(COMMIT_GROWTH ** self.commits, MAX_COMMIT_GROWTH)
        seconds = min(self.index.commit_seconds * growth, max(self.index.commit_seconds, MAX_COMMIT_SECONDS))
        return self.pending >= self.index.commit_every * growth or time.monotonic() - self.last_commit > seconds

    def _in_pool(self, todo: list[tuple[FoundFile, str]]) -> bool:
        """Many files, or a few large ones (a JSON Lines export of thousands of articles)."""
        many = len(todo) >= POOL_THRESHOLD or sum(item.size for item, _digest in todo) >= POOL_BYTES
        return many and self.index.workers > 0

    def _load_all(self, todo: list[tuple[FoundFile, str]]) -> Iterable[LoadedFile]:
        index = self.index
        if not self._in_pool(todo):
            for item, old_digest in todo:
                if self.cancelled():
                    return
                yield load_file(item.path, item.root, old_digest, index.max_file_size)
            return
        batches = [(batch, index.max_file_size) for batch in _batches(todo)]
        # With writer processes, this process has work of its own (stories, sending documents on): it
        # does not parse batches itself while it waits.
        help_out = self.segment_writers is None
        for done in index._get_pool().map_unordered(_load_batch, batches, self.cancelled, help_out=help_out):
            if done.error:  # its parsing process died under it, or a bug: these files are retried next run
                for item, _digest in done.batch[0]:
                    yield LoadedFile(item.path, item.root, 0, 0, problem=f"could not be read ({done.error})")
            else:
                yield from done.value

    def _problem(self, path: str, reason: str, loaded: LoadedFile | None, *, walk: bool = False) -> None:
        entry: dict[str, Any] = {"reason": reason}
        if loaded is not None:
            entry.update(size=loaded.size, mtime_ns=loaded.mtime_ns)
        if walk:
            entry["walk"] = True  # found by the walk: checked again by the next one
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
                self._add(refreshed_document(fields, loaded.size, loaded.mtime_ns, loaded.digest))
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
            self._add(document)
        self.pending += len(loaded.documents) or 1
        self.counts["updated" if was_indexed else "indexed"] += 1
        self.articles["updated_articles" if was_indexed else "new_articles"] += len(loaded.documents)

    def _add(self, document: dict[str, Any]) -> None:
        if not self.has_works:
            document.pop("works", None)  # an index made before the field: its documents go on without it
        if self.segment_writers is not None:
            self.segment_writers.add(document)
        else:
            self.writer.add_document(**document)

    def _commit(self, *, reopen: bool) -> None:
        self.progress(IndexProgress("committing", articles=self.pending))
        writer = self.writer
        if self.segment_writers is not None:
            # a cancelled run commits what it has at once: the merges wait for the next run
            commit_with_segments(writer, self._finish_segments, merge=not self.cancelled(), last=not reopen)
        else:
            writer.commit(mergetype=self._last_merge if not reopen else self._merge)
        self.commits += 1
        self.writer = None
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
            self._report_progress(self.counts["indexed"] + self.counts["updated"], "")
            self.writer = self.index._writer()

    def _last_merge(self, writer: Any, segments: list[Any]) -> list[Any]:
        return self._merge(writer, segments, last=True)

    def _merge(self, writer: Any, segments: list[Any], last: bool = False) -> list[Any]:
        """core/merging.py's policy and merge (in this process), saying first when it will merge; none
        when the run was cancelled (its commit is at once)."""
        if self.cancelled():
            return live(segments)
        kept, groups = plan(segments, last=last)
        self._say_merging(groups)
        merged = merge_groups(self.index._ix, groups, stop=self.cancelled)
        return kept + merged + not_merged(groups, merged)  # cancelled meanwhile: the rest as they are

    def _finish_segments(self, groups: list[list[Any]]) -> list[Any]:
        """The writer processes' segments for this commit, and one for each group of segments merged."""
        assert self.segment_writers is not None
        self._say_merging(groups)
        return self.segment_writers.finish(groups, self.cancelled)

    def _say_merging(self, groups: list[list[Any]]) -> None:
        if groups:
            merging = sum(segment.doc_count() for group in groups for segment in group)
            self.progress(IndexProgress("merging", articles=merging + self.pending))

    def _abandon(self) -> None:
        """After a failure: drop the open writers and the files of the segments they were writing."""
        if self.segment_writers is not None:
            self.segment_writers.cancel()
        writer, self.writer = self.writer, None
        if writer is None:
            return  # failed before writing (or between commits): nothing of this run's is on disk
        try:
            if not writer.is_closed:
                writer.cancel()
        except Exception:  # noqa: BLE001 - the run's own error is the one to report
            log.warning("could not cancel the index writer", exc_info=True)
        try:
            storage = self.index._ix.storage
            toc = TOC.read(storage, INDEX_NAME)
            clean_files(storage, INDEX_NAME, toc.generation, toc.segments)
        except Exception:  # noqa: BLE001 - a later commit cleans up as well
            log.warning("could not remove the unfinished segment files", exc_info=True)

    def _disk_full_message(self) -> str:
        index = self.index
        try:
            with index._ix.searcher() as searcher:
                kept = f"the {searcher.doc_count():,} articles committed before stay searchable"
        except Exception:  # noqa: BLE001 - the message matters more than the count
            kept = "what was committed before stays searchable"
        return (
            f"No space left on the disk that holds the index at {index.location}: indexing stopped, and "
            f"{kept}. Free some space and run the same command again to finish."
        )


def _batches(todo: list[tuple[FoundFile, str]]) -> list[list[tuple[FoundFile, str]]]:
    """Files in parsing batches of up to BATCH_FILES files and about BATCH_BYTES: a large file alone."""
    batches: list[list[tuple[FoundFile, str]]] = []
    batch: list[tuple[FoundFile, str]] = []
    size = 0
    for item in todo:
        if batch and (len(batch) >= BATCH_FILES or size + item[0].size > BATCH_BYTES):
            batches.append(batch)
            batch, size = [], 0
        batch.append(item)
        size += item[0].size
    if batch:
        batches.append(batch)
    return batches


def _load_batch(work: tuple[list[tuple[FoundFile, str]], int]) -> list[LoadedFile]:
    batch, max_file_size = work
    return [load_file(item.path, item.root, digest, max_file_size) for item, digest in batch]
