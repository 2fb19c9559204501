"""Searches in a process of their own.

A search, its facet counts and its highlights are pure-Python work that holds the interpreter lock
for milliseconds at a time; run in the window's process, even on a worker thread, they make every
repaint wait its turn. `ReaderProcess` answers read requests (search, article, status, export...: the
methods of core/backend.py's SearchBackend) from a child process that opens the collection's backend
(a Whoosh index read-only) and keeps its searcher, name book and facet values warm between requests. `IndexReaders` pairs two of them so a slow request never queues a fast one:
`hits` answers result pages and articles, `counts` answers facet counts and status, so a slow
count over every match never delays the next page of hits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from searchapp.core import names
from searchapp.core.backend import Spans, open_backend
from searchapp.core.coverage import Coverage
from searchapp.core.entities import Change
from searchapp.core.models import FolderInfo, IndexStats, Problem, SearchResult, StoredArticle
from searchapp.core.profile import Profile
from searchapp.core.service import Requests, ServiceProcess, lower_priority
from searchapp.core.storage import reading

# On a busy machine the window's own process comes first, then the hits a user waits for, then counts,
# exports and (at 10, see writer.py) indexing.
HITS_NICENESS = 2
COUNTS_NICENESS = 5


READS = frozenset({"search", "article", "copies", "status", "version", "export", "names", "changes", "correct",
                   "undo", "remove_change", "coverage", "profile"})  # SearchBackend's methods


def _serve(requests: Requests, location: str, niceness: int) -> None:
    """The child: the collection's backend (core/backend.py), opened on the first request (an error then
    is that request's); each request calls its method of the same name. A search is told when the parent
    asks it to stop (a newer search was typed)."""
    lower_priority(niceness)
    backend = open_backend(location)

    def handle(method: str, args: tuple[Any, ...]) -> Any:
        if method not in READS:
            raise ValueError(f"unknown read request {method!r}")
        with reading(Path(location)):  # a damaged file met while searching: a message, not a traceback
            if method == "search":
                query, options = args
                return backend.search(query, cancelled=requests.cancelled, **options)
            return getattr(backend, method)(*args)

    requests.serve(handle)


class ReaderProcess(ServiceProcess):
    """Read-only requests to one index, answered by a child process, one at a time."""

    name = "searchapp-reader"
    what = "The search process"
    daemon = True  # it starts no processes, and must never outlive the app

    def __init__(self, location: str | os.PathLike[str], niceness: int = COUNTS_NICENESS) -> None:
        self.location = os.fspath(location)
        super().__init__(_serve, (self.location, niceness))

    def search(self, query: str, *, skip: Callable[[], bool] | None = None, **options: Any) -> SearchResult | None:
        """core.search.search(index, query, **options), run in the child; None if `skip()` is true
        when the request's turn comes (see ServiceProcess._call). Once `skip()` turns true while the
        child searches, the child is asked to stop: the call then raises SearchCancelled."""
        return self._call("search", (query, options), skip=skip, cancelled=skip)

    def article(
        self, path: str, terms: Collection[str] = (), names: Collection[str] = (), quote: str = ""
    ) -> tuple[StoredArticle | None, Spans]:
        return self._call("article", (path, tuple(terms), tuple(names), quote))

    def copies(self, path: str) -> list[tuple[str, str, str, Any]]:
        """The other articles of the story of the article at `path` (see core.viewing.copies)."""
        return self._call("copies", (path,))

    def status(self) -> tuple[IndexStats, list[FolderInfo], list[Problem]]:
        return self._call("status", ())

    def version(self) -> tuple[int, ...]:
        """Changes with every commit and every change to the folder list (ArticleIndex.version)."""
        return self._call("version", ())

    def export(
        self,
        query: str,
        filters: Mapping[str, Collection[str]] | None,
        sort: str,
        path: str | os.PathLike[str],
        fmt: str,
    ) -> int:
        filters = {field: list(values) for field, values in (filters or {}).items()}
        return self._call("export", (query, filters, sort, os.fspath(path), fmt))


    def names(self, kind: str | None = None) -> list[names.NameRow]:
        return self._call("names", (kind,))

    def changes(self) -> tuple[Change, ...]:
        return self._call("changes", ())

    def correct(self, op: str, which: Collection[str], **fields: str) -> Change:
        """Record a correction (merge, rename, retype, hide, split); see core.names.correct."""
        return self._call("correct", (op, list(which), fields))

    def undo(self) -> Change | None:
        return self._call("undo", ())

    def remove_change(self, position: int) -> Change:
        return self._call("remove_change", (position,))


    def coverage(self, which: Collection[str], **options: Any) -> Coverage:
        """core.coverage.coverage(index, which, **options), in the child."""
        return self._call("coverage", (list(which), options))

    def profile(self, name: str, **options: Any) -> Profile:
        return self._call("profile", (name, options))


class IndexReaders:
    """Two readers of one index: `hits` for result pages and articles, `counts` for facets and status."""

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.location = os.fspath(location)
        self.hits = ReaderProcess(self.location, HITS_NICENESS)
        self.counts = ReaderProcess(self.location, COUNTS_NICENESS)

    def start(self) -> None:
        self.hits.start()
        self.counts.start()

    def close(self, timeout: float = 1.0) -> None:
        """Readers hold nothing that needs finishing: a lane still busy after `timeout` is stopped."""
        self.hits._closed = self.counts._closed = True  # neither lane restarts while the other closes
        self.hits.close(timeout)
        self.counts.close(timeout)
