"""The only owner of the Whoosh writer: add, update and remove articles, incrementally and in batches.

Parsing and extraction run in a process pool; this process writes and commits every few hundred
documents, so an interrupted run keeps what it committed and the next run finishes the job. Beside
the Whoosh files, `searchapp.json` holds the schema version and the collection folders and
`problems.json` the files that could not be indexed.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.writing import LockError

from searchapp.core.crawl import DEFAULT_MAX_FILE_SIZE, under
from searchapp.core.documents import stored_article
from searchapp.core.errors import IndexBusyError, IndexDamagedError, IndexReadOnlyError, SearchAppError
from searchapp.core.lexicon import file_states, value_counts
from searchapp.core.models import FolderInfo, IndexProgress, IndexReport, IndexStats, Problem, StoredArticle
from searchapp.core.pool import ProcessPool
from searchapp.core.schema import READABLE_SCHEMA_VERSIONS, SCHEMA, SCHEMA_VERSION
from searchapp.core.storage import (
    INDEX_NAME,
    META_FILE,
    PROBLEMS_FILE,
    RunLock,
    clear_index_files,
    damaged,
    generation,
    is_writable,
    open_whoosh,
    read_json,
    read_only_message,
    write_json,
)
from searchapp.core.update import Cancelled, OnCommit, Progress, UpdateRun, now_iso

log = logging.getLogger(__name__)



def _normalise(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


class ArticleIndex:
    """A Whoosh index of articles in a folder of its own.

    Writes (add, rescan, remove) must come from one thread at a time; searches may run in any
    thread meanwhile and see the last commit.
    """

    def __init__(
        self,
        location: str | os.PathLike[str],
        *,
        max_file_size: int = DEFAULT_MAX_FILE_SIZE,
        workers: int | None = None,
        commit_every: int = 1000,
        commit_seconds: float = 5.0,
        read_only: bool = False,
        segment_writers: int | None = None,
    ) -> None:
        self.location = Path(_normalise(location))
        # A reader in another process than the writer: it never creates, rebuilds or writes anything.
        self.read_only = read_only
        self.max_file_size = max_file_size
        # Writer processes for a large pass (core/segments.py), each analysing and writing a segment of
        # its own; 0 writes in this process.
        self.segment_writers = max(2, min(os.cpu_count() or 2, 4)) if segment_writers is None else segment_writers
        # Parsing processes, 0 parses in-process. With writer processes, one per core: parsing is the
        # longer half of an article's work, and the writers finish their segments once it is done (BBC on
        # 2 cores: 0.83x the time of one, `bench/index_bench.py --compare-workers 1,2`). Without them one
        # core stays with this process, which then analyses and writes every document.
        cores = os.cpu_count() or 2
        default_workers = cores if self.segment_writers > 0 else cores - 1
        self.workers = max(1, min(default_workers, 8)) if workers is None else workers
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.rebuilt = False  # True when an index of another schema version, or a damaged one, was rebuilt
        self.damage = ""  # what was wrong with a damaged index that was rebuilt
        self.read_only_reason = ""  # why an index opened for writing can only be read
        self._write_lock = threading.Lock()
        self._pool: ProcessPool | None = None
        self._meta_path = self.location / META_FILE
        self._problems_path = self.location / PROBLEMS_FILE
        self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> None:
        location = self.location
        if location.exists() and not location.is_dir():
            raise SearchAppError(f"The index location {location} is a file, not a folder.")
        if not self.read_only and location.is_dir() and not is_writable(location):
            self.read_only = True  # a shared archive, a colleague's copy, a read-only drive: search it
            self.read_only_reason = read_only_message(location)
        if self.read_only:
            self._open_read_only()
            return
        location.mkdir(parents=True, exist_ok=True)
        meta = read_json(self._meta_path, None)
        has_index = generation(location) >= 0
        if meta is None and not self._meta_path.exists() and (has_index or any(location.iterdir())):
            raise SearchAppError(
                f"{location} is not empty and is not a SearchApp index; choose an empty folder for the index."
            )
        problem = ""  # why the index must be rebuilt, if it must
        if meta is None:
            meta = {"schema_version": SCHEMA_VERSION, "folders": {}}
            if self._meta_path.exists():
                problem = f"its folder list {META_FILE} cannot be read"
                meta["folders"] = _folders_in_index(location)
            write_json(self._meta_path, meta)
        if has_index and meta.get("schema_version") != SCHEMA_VERSION:
            log.info("index at %s has schema version %s, this version needs %s: rebuilding",
                        location, meta.get("schema_version"), SCHEMA_VERSION)
            self.rebuilt = True
        elif has_index and not problem:
            try:
                self._ix = open_whoosh(location, readonly=False)
            except IndexDamagedError as error:
                problem = error.detail
        elif any(folder.get("last_update") for folder in meta.get("folders", {}).values()):
            problem = "its table of contents is missing"  # folders were indexed, and no Whoosh index is left
        if problem:
            log.info("damaged index at %s (%s): rebuilding", location, problem)
            self.rebuilt = True
            self.damage = problem
        self._meta = meta
        if self.rebuilt:
            self._rebuild()
        elif not has_index:
            self._ix = whoosh_index.create_in(str(location), SCHEMA, indexname=INDEX_NAME)
        self._problems: dict[str, dict[str, Any]] = read_json(self._problems_path, {})
        self._sidecar_stamp = self._stamp()

    def _rebuild(self) -> None:
        """Start the Whoosh index afresh (another schema, or damaged files); the folders stay, to be
        indexed again. Under the writers' lock: never while another process writes."""
        lock = RunLock(self.location)
        lock.acquire(wait=False, what="rebuilding the index")
        try:
            clear_index_files(self.location)
            for folder in self._meta.get("folders", {}).values():
                folder["last_update"] = None
            self._meta["schema_version"] = SCHEMA_VERSION
            write_json(self._meta_path, self._meta)
            write_json(self._problems_path, {})
            self._ix = whoosh_index.create_in(str(self.location), SCHEMA, indexname=INDEX_NAME)
        finally:
            lock.release()

    def _open_read_only(self) -> None:
        meta = read_json(self._meta_path, None)
        indexed_before = meta is not None and any(f.get("last_update") for f in meta.get("folders", {}).values())
        if indexed_before and generation(self.location) < 0:
            raise damaged(self.location, "its table of contents is missing")
        if meta is None or generation(self.location) < 0:
            raise SearchAppError(
                f"There is no SearchApp index at {self.location} yet; `searchapp index FOLDER` makes one."
            )
        if meta.get("schema_version") not in READABLE_SCHEMA_VERSIONS:
            raise SearchAppError(
                f"The index at {self.location} was made by another version of SearchApp and must be rebuilt by "
                "this one; it is opened read-only here, so index its folders where you can write, or open it "
                "where it can be written."
            )
        self._meta = meta
        self._ix = open_whoosh(self.location, readonly=True)
        self._problems = read_json(self._problems_path, {})
        self._sidecar_stamp = self._stamp()

    @property
    def whoosh(self) -> whoosh_index.Index:
        return self._ix

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> ArticleIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------

    def version(self) -> tuple[int, ...]:
        """Changes with every commit and every change to the folder and problem lists, by any process."""
        return (generation(self.location), *self._stamp())

    def is_empty(self) -> bool:
        return self._ix.doc_count() == 0

    def article(self, path: str) -> StoredArticle | None:
        with self._ix.searcher() as searcher:
            stored = searcher.document(path=path)
        return stored_article(stored) if stored else None

    def problems(self) -> list[Problem]:
        self._sync_sidecars()
        return [Problem(path, entry["reason"]) for path, entry in sorted(self._problems.items())]

    def folders(self) -> list[FolderInfo]:
        self._sync_sidecars()
        with self._ix.searcher() as searcher:
            counts = value_counts(searcher, "folder")
        infos = []
        for path, entry in sorted(self._meta["folders"].items()):
            last = entry.get("last_update")
            infos.append(
                FolderInfo(
                    path=path,
                    articles=counts.get(path, 0),
                    last_update=datetime.fromisoformat(last) if last else None,
                    missing=not os.path.exists(path),
                )
            )
        return infos

    def stats(self) -> IndexStats:
        self._sync_sidecars()
        with self._ix.searcher() as searcher:
            articles = searcher.doc_count()
            files = len(file_states(searcher))
        size = sum(entry.stat().st_size for entry in self.location.iterdir() if entry.is_file())
        updates = [
            entry["last_update"] for entry in self._meta["folders"].values() if entry.get("last_update")
        ]
        return IndexStats(
            articles=articles,
            files=files,
            folders=len(self._meta["folders"]),
            problems=len(self._problems),
            size_bytes=size,
            last_update=datetime.fromisoformat(max(updates)) if updates else None,
            location=str(self.location),
        )

    # -- writing -------------------------------------------------------------------------------

    def add(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
        wait: bool = True,
    ) -> IndexReport:
        """Index folders and files where they are; folders join the collection and are rescanned later.

        While another process writes to the index this waits for it (saying so through `progress`),
        or with `wait=False` raises IndexBusyError at once."""
        self._check_writable()
        roots = [_normalise(path) for path in paths]
        for root in roots:
            if not os.path.exists(root):
                raise SearchAppError(f"{root} does not exist.")
        with self._exclusive(wait, progress, cancelled, "indexing") as turn:
            if not turn:
                return IndexReport(cancelled=True)
            for root in roots:
                if not any(under(root, known) for known in self._meta["folders"] if known != root):
                    self._meta["folders"].setdefault(root, {"added": now_iso(), "last_update": None})
            # A newly added folder that contains known folders absorbs them.
            for known in list(self._meta["folders"]):
                if any(known != root and under(known, root) for root in roots):
                    del self._meta["folders"][known]
            # Adding again what was removed from inside a folder brings it back.
            excluded = self._meta.get("excluded", [])
            self._meta["excluded"] = [item for item in excluded if not any(under(item, root) for root in roots)]
            return UpdateRun(self, roots, progress, cancelled, on_commit).execute()

    def rescan(
        self,
        folders: Sequence[str] | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
        wait: bool = True,
    ) -> IndexReport:
        """Bring the index up to date with the collection folders (all of them by default)."""
        with self._exclusive(wait, progress, cancelled, "checking folders for changes") as turn:
            if not turn:
                return IndexReport(cancelled=True)
            roots = [_normalise(folder) for folder in folders] if folders else list(self._meta["folders"])
            return UpdateRun(self, roots, progress, cancelled, on_commit).execute()

    def remove(self, path: str | os.PathLike[str], *, wait: bool = True) -> int:
        """Remove a folder (and forget it) or a single file from the index; returns documents removed.

        Something inside a collection folder is remembered as excluded, so re-scans leave it out
        until it is added again."""
        target = _normalise(path)
        with self._exclusive(wait, None, None, "removing a folder"):
            with self._writer() as writer:
                with self._ix.searcher() as searcher:
                    doomed = [file for file in file_states(searcher) if under(file, target)]
                removed = sum(writer.delete_by_term("file", file) for file in doomed)
            self._problems = {p: e for p, e in self._problems.items() if not under(p, target)}
            self._meta["folders"] = {f: e for f, e in self._meta["folders"].items() if not under(f, target)}
            excluded = [item for item in self._meta.get("excluded", []) if not under(item, target)]
            if any(under(target, folder) for folder in self._meta["folders"]):
                excluded.append(target)  # inside a collection folder: keep it out of later re-scans
            self._meta["excluded"] = excluded
            self._save_sidecars()
        return removed

    @contextmanager
    def _exclusive(
        self, wait: bool, progress: Progress | None, cancelled: Cancelled | None, what: str
    ) -> Iterator[bool]:
        """This process's turn to write: the writers' lock, taken or waited for (False: cancelled
        while waiting); then the folder list as the last writer left it."""
        self._check_writable()
        with self._write_lock:
            lock = RunLock(self.location)

            def waiting(message: str) -> None:
                if progress is not None:
                    progress(IndexProgress("waiting", current=message))

            if not lock.acquire(wait=wait, what=what, on_wait=waiting, cancelled=cancelled):
                yield False
                return
            try:
                self._sync_sidecars()
                yield True
            finally:
                lock.release()

    def _check_writable(self) -> None:
        if self.read_only:
            raise IndexReadOnlyError(self.read_only_reason or f"The index at {self.location} was opened for reading only.")

    def _writer(self) -> Any:
        self._check_writable()
        try:
            return self._ix.writer(limitmb=128)
        except LockError as error:
            raise IndexBusyError(
                f"Another SearchApp process is writing to the index at {self.location}; try again when it is done."
            ) from error

    def _save_sidecars(self) -> None:
        write_json(self._meta_path, self._meta)
        write_json(self._problems_path, self._problems)
        self._sidecar_stamp = self._stamp()

    def _stamp(self) -> tuple[int, int]:
        def mtime(path: Path) -> int:
            try:
                return path.stat().st_mtime_ns
            except OSError:
                return 0

        return mtime(self._meta_path), mtime(self._problems_path)

    def _sync_sidecars(self) -> None:
        """Re-read folders and problems when another process (the writer) has changed them."""
        stamp = self._stamp()
        if stamp != self._sidecar_stamp:
            self._meta = read_json(self._meta_path, self._meta)
            self._problems = read_json(self._problems_path, {})
            self._sidecar_stamp = stamp

    def _get_pool(self) -> ProcessPool:
        if self._pool is None:
            self._pool = ProcessPool(self.workers)
        return self._pool


def _folders_in_index(location: Path) -> dict[str, dict[str, Any]]:
    """The collection folders named in an index whose folder list was lost (none if it cannot be read)."""
    try:
        with open_whoosh(location, readonly=True).searcher() as searcher:
            folders = value_counts(searcher, "folder")
    except SearchAppError:
        return {}
    return {folder: {"added": now_iso(), "last_update": None} for folder in folders}
