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
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.query import Every
from whoosh.sorting import Count, FieldFacet
from whoosh.writing import LockError

from searchapp.core.crawl import DEFAULT_MAX_FILE_SIZE, under
from searchapp.core.documents import (
    split_filestate,
    stored_article,
)
from searchapp.core.entities.aliases import ALIASES_FILE
from searchapp.core.entities.corrections import CORRECTIONS_FILE
from searchapp.core.errors import IndexBusyError, SearchAppError
from searchapp.core.models import FolderInfo, IndexReport, IndexStats, Problem, StoredArticle
from searchapp.core.schema import SCHEMA, SCHEMA_VERSION
from searchapp.core.update import Cancelled, OnCommit, Progress, UpdateRun, now_iso

log = logging.getLogger(__name__)

META_FILE = "searchapp.json"
PROBLEMS_FILE = "problems.json"
INDEX_NAME = "articles"
# The user's own files beside the index outlive a rebuild: name corrections and the collection's aliases.
KEPT_ON_REBUILD = frozenset({META_FILE, CORRECTIONS_FILE, CORRECTIONS_FILE + ".lock", ALIASES_FILE})


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
    ) -> None:
        self.location = Path(_normalise(location))
        # A reader in another process than the writer: it never creates, rebuilds or writes anything.
        self.read_only = read_only
        self.max_file_size = max_file_size
        # Parsing processes: one core stays with this process, which analyses and writes every
        # document (more parsers than the other cores only slow the writer). 0 parses in-process.
        self.workers = max(1, min((os.cpu_count() or 2) - 1, 8)) if workers is None else workers
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
        if self.read_only:
            self._open_read_only()
            return
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
                if entry.name not in KEPT_ON_REBUILD:
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

    def _open_read_only(self) -> None:
        meta = _read_json(self._meta_path, None)
        if meta is None or not whoosh_index.exists_in(str(self.location), indexname=INDEX_NAME):
            raise SearchAppError(f"There is no SearchApp index at {self.location}.")
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise SearchAppError(f"The index at {self.location} needs rebuilding by this version of SearchApp.")
        self._meta = meta
        self._ix = whoosh_index.open_dir(str(self.location), indexname=INDEX_NAME)
        self._problems = _read_json(self._problems_path, {})
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
        self._check_writable()
        self._sync_sidecars()
        roots = [_normalise(path) for path in paths]
        for root in roots:
            if not os.path.exists(root):
                raise SearchAppError(f"{root} does not exist.")
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
        """Remove a folder (and forget it) or a single file from the index; returns documents removed.

        Something inside a collection folder is remembered as excluded, so re-scans leave it out
        until it is added again."""
        self._sync_sidecars()
        target = _normalise(path)
        with self._write_lock, self._writer() as writer:
            with self._ix.searcher() as searcher:
                doomed = [file for file in self._file_states(searcher) if under(file, target)]
            removed = sum(writer.delete_by_term("file", file) for file in doomed)
        self._problems = {p: e for p, e in self._problems.items() if not under(p, target)}
        self._meta["folders"] = {f: e for f, e in self._meta["folders"].items() if not under(f, target)}
        excluded = [item for item in self._meta.get("excluded", []) if not under(item, target)]
        if any(under(target, folder) for folder in self._meta["folders"]):
            excluded.append(target)  # inside a collection folder: keep it out of later re-scans
        self._meta["excluded"] = excluded
        self._save_sidecars()
        return removed

    def _check_writable(self) -> None:
        if self.read_only:
            raise SearchAppError(f"The index at {self.location} was opened for reading only.")

    def _writer(self) -> Any:
        self._check_writable()
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
        self._check_writable()
        with self._write_lock:
            run = UpdateRun(self, roots, progress, cancelled, on_commit)
            return run.execute()

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the GUI process has threads, and a forked child would inherit their locks
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool


def _value_counts(searcher: Any, fieldname: str) -> dict[str, int]:
    """Live documents per value of an ID field."""
    results = searcher.search(Every(), groupedby=FieldFacet(fieldname), maptype=Count, limit=1)
    return {str(key): count for key, count in results.groups(fieldname).items() if key is not None}
