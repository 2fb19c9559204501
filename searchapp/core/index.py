"""The only owner of the Whoosh writer: add, update and remove articles, incrementally and in batches.

Parsing and extraction run in a process pool; this process writes and commits every few hundred
documents, so an interrupted run keeps what it committed and the next run finishes the job. Beside
the Whoosh files, `searchapp.json` holds the schema version and the collection folders and
`problems.json` the files that could not be indexed.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query import Every
from whoosh.sorting import Count, FieldFacet
from whoosh.writing import LockError

from searchapp.core.crawl import DEFAULT_MAX_FILE_SIZE, FoundFile, crawl
from searchapp.core.documents import (
    LoadedFile,
    load_file,
    refreshed_document,
    split_filestate,
    stored_article,
)
from searchapp.core.errors import IndexBusyError, SearchAppError
from searchapp.core.models import FolderInfo, IndexReport, IndexStats, Problem, StoredArticle
from searchapp.core.schema import SCHEMA, SCHEMA_VERSION

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
OnCommit = Callable[[IndexReport], None]

META_FILE = "searchapp.json"
PROBLEMS_FILE = "problems.json"
INDEX_NAME = "articles"
POOL_THRESHOLD = 24  # fewer files than this are parsed in this process: no pool start-up cost


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _write_json(path: Path, data: Any) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def _read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable %s: %s", path, error)
        return default


def _normalise(path: str | os.PathLike[str]) -> str:
    return os.path.abspath(os.path.expanduser(os.fspath(path)))


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


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
    ) -> None:
        self.location = Path(_normalise(location))
        self.max_file_size = max_file_size
        self.workers = workers or max(1, min(os.cpu_count() or 1, 8))
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.rebuilt = False  # True when an index of another schema version was found and rebuilt
        self._write_lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._meta_path = self.location / META_FILE
        self._problems_path = self.location / PROBLEMS_FILE
        self._open()

    # -- opening -------------------------------------------------------------------------------

    def _open(self) -> None:
        location = self.location
        if location.exists() and not location.is_dir():
            raise SearchAppError(f"The index location {location} is a file, not a folder.")
        location.mkdir(parents=True, exist_ok=True)
        meta = _read_json(self._meta_path, None)
        has_index = whoosh_index.exists_in(str(location), indexname=INDEX_NAME)
        if meta is None and (has_index or any(location.iterdir())):
            raise SearchAppError(
                f"{location} is not empty and is not a SearchApp index; choose an empty folder for the index."
            )
        if meta is None:
            meta = {"schema_version": SCHEMA_VERSION, "folders": {}}
        if has_index and meta.get("schema_version") != SCHEMA_VERSION:
            log.warning(
                "index at %s has schema version %s, this version needs %s: rebuilding",
                location,
                meta.get("schema_version"),
                SCHEMA_VERSION,
            )
            self.rebuilt = True
            for entry in location.iterdir():
                if entry.name != META_FILE:
                    shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
            has_index = False
            for folder in meta.get("folders", {}).values():
                folder["last_update"] = None
            meta["schema_version"] = SCHEMA_VERSION
        self._meta = meta
        _write_json(self._meta_path, meta)
        if has_index:
            self._ix = whoosh_index.open_dir(str(location), indexname=INDEX_NAME)
        else:
            self._ix = whoosh_index.create_in(str(location), SCHEMA, indexname=INDEX_NAME)
        self._problems: dict[str, dict[str, Any]] = _read_json(self._problems_path, {})
        self._sidecar_stamp = self._stamp()

    @property
    def whoosh(self) -> whoosh_index.Index:
        return self._ix

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ArticleIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------

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
            counts = _value_counts(searcher, "folder")
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
            files = len(self._file_states(searcher))
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

    def _file_states(self, searcher: Any) -> dict[str, tuple[int, int, str]]:
        """Indexed files and their (size, mtime_ns, hash), read from the lexicon, not the documents."""
        reader = searcher.reader()
        deletions = reader.has_deletions()
        states: dict[str, tuple[int, int, str]] = {}
        for term in reader.lexicon("filestate"):
            if deletions and not reader.postings("filestate", term).is_active():
                continue
            path, size, mtime_ns, digest = split_filestate(term.decode("utf-8"))
            states[path] = (size, mtime_ns, digest)
        return states

    # -- writing -------------------------------------------------------------------------------

    def add(
        self,
        paths: Sequence[str | os.PathLike[str]],
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> IndexReport:
        """Index folders and files where they are; folders join the collection and are rescanned later."""
        self._sync_sidecars()
        roots = [_normalise(path) for path in paths]
        for root in roots:
            if not os.path.exists(root):
                raise SearchAppError(f"{root} does not exist.")
        for root in roots:
            if not any(_under(root, known) for known in self._meta["folders"] if known != root):
                self._meta["folders"].setdefault(root, {"added": _now(), "last_update": None})
        # A newly added folder that contains known folders absorbs them.
        for known in list(self._meta["folders"]):
            if any(known != root and _under(known, root) for root in roots):
                del self._meta["folders"][known]
        return self._update(roots, progress, cancelled, on_commit)

    def rescan(
        self,
        folders: Sequence[str] | None = None,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        on_commit: OnCommit | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the collection folders (all of them by default)."""
        self._sync_sidecars()
        roots = [_normalise(folder) for folder in folders] if folders else list(self._meta["folders"])
        return self._update(roots, progress, cancelled, on_commit)

    def remove(self, path: str | os.PathLike[str]) -> int:
        """Remove a folder (and forget it) or a single file from the index; returns documents removed."""
        self._sync_sidecars()
        target = _normalise(path)
        with self._write_lock, self._writer() as writer:
            with self._ix.searcher() as searcher:
                doomed = [file for file in self._file_states(searcher) if _under(file, target)]
            removed = sum(writer.delete_by_term("file", file) for file in doomed)
        self._problems = {p: e for p, e in self._problems.items() if not _under(p, target)}
        self._meta["folders"] = {f: e for f, e in self._meta["folders"].items() if not _under(f, target)}
        self._save_sidecars()
        return removed

    def _writer(self) -> Any:
        try:
            return self._ix.writer(limitmb=128)
        except LockError as error:
            raise IndexBusyError(
                f"Another SearchApp process is writing to the index at {self.location}; try again when it is done."
            ) from error

    def _save_sidecars(self) -> None:
        _write_json(self._meta_path, self._meta)
        _write_json(self._problems_path, self._problems)
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
            self._meta = _read_json(self._meta_path, self._meta)
            self._problems = _read_json(self._problems_path, {})
            self._sidecar_stamp = stamp

    def _update(
        self,
        roots: list[str],
        progress: Progress | None,
        cancelled: Cancelled | None,
        on_commit: OnCommit | None,
    ) -> IndexReport:
        with self._write_lock:
            run = _UpdateRun(self, roots, progress, cancelled, on_commit)
            return run.execute()

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the GUI process has threads, and a forked child would inherit their locks
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool


class _UpdateRun:
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

    def report(self) -> IndexReport:
        return IndexReport(problems=tuple(self.new_problems), cancelled=self.was_cancelled, **self.counts)

    def execute(self) -> IndexReport:
        index = self.index
        found = crawl(self.roots, max_file_size=index.max_file_size, cancelled=self.cancelled)
        with index._ix.searcher() as searcher:
            states = index._file_states(searcher)
        present = {item.path for item in found.files}
        live_roots = [root for root in self.roots if root not in found.missing_roots]
        deleted = [
            path for path in states if any(_under(path, root) for root in live_roots) and path not in present
        ]
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
        for problem in found.problems:
            self._problem(problem.path, problem.reason, None)
        # Forget problems of files that are gone.
        for path in list(index._problems):
            if any(_under(path, root) for root in live_roots) and path not in present:
                if not os.path.exists(path):
                    del index._problems[path]
        total = len(todo)
        self.progress(0, total, "")
        self.writer = index._writer()
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
                now = _now()
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
        return self.report()

    def _load_all(self, todo: list[tuple[FoundFile, str]]) -> Iterable[LoadedFile]:
        index = self.index
        if len(todo) < POOL_THRESHOLD or index.workers == 1:
            for item, old_digest in todo:
                if self.cancelled():
                    return
                yield load_file(item.path, item.root, old_digest, index.max_file_size)
            return
        pool = index._get_pool()
        chunk = 8
        batches = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        in_flight: set[Future[list[LoadedFile]]] = set()
        window = index.workers * 4
        position = 0
        try:
            while position < len(batches) or in_flight:
                while position < len(batches) and len(in_flight) < window and not self.cancelled():
                    batch = batches[position]
                    in_flight.add(pool.submit(_load_batch, batch, index.max_file_size))
                    position += 1
                if not in_flight:
                    return
                finished, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
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
            writer.add_document(**document)
        self.pending += len(loaded.documents) or 1
        self.counts["updated" if was_indexed else "indexed"] += 1

    def _commit(self, *, reopen: bool) -> None:
        self.writer.commit()
        self.index._save_sidecars()
        self.pending = 0
        self.last_commit = time.monotonic()
        if self.on_commit:
            self.on_commit(self.report())
        if reopen:
            self.writer = self.index._writer()


def _value_counts(searcher: Any, fieldname: str) -> dict[str, int]:
    """Live documents per value of an ID field."""
    results = searcher.search(Every(), groupedby=FieldFacet(fieldname), maptype=Count, limit=1)
    return {str(key): count for key, count in results.groups(fieldname).items() if key is not None}


def _load_batch(batch: list[tuple[FoundFile, str]], max_file_size: int) -> list[LoadedFile]:
    return [load_file(item.path, item.root, digest, max_file_size) for item, digest in batch]
