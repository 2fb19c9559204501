"""The search and index boundary: everything the window and the command line ask of a collection.

`SearchBackend` is what the reader processes serve (core/reader.py answers each read request by calling
the method of the same name) and `IndexBackend` what the writer process serves (core/writer.py). Today
one implementation of each works on a local Whoosh index: `WhooshBackend` (the functions of search.py,
coverage.py, profile.py, names.py and export.py over an ArticleIndex opened for reading) and
`ArticleIndex` itself. A server backend (OpenSearch or Elasticsearch: docs/SCALING.md) would be one
class with these methods and one more branch in `open_backend`; nothing above this boundary (the
reader and writer processes, the window, the command line) would change.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Protocol

from searchapp.core import names as names_module
from searchapp.core.coverage import Coverage, coverage
from searchapp.core.entities import Change
from searchapp.core.export import export_to_file
from searchapp.core.index import ArticleIndex, Cancelled, OnCommit, Progress
from searchapp.core.models import FolderInfo, IndexReport, IndexStats, Problem, SearchResult, StoredArticle
from searchapp.core.profile import Profile, profile
from searchapp.core.search import search
from searchapp.core.viewing import article, copies, highlight_spans, name_spans, quote_span

Spans = list[tuple[int, int]]
Filters = Mapping[str, Collection[str]] | None


class SearchBackend(Protocol):
    """Reading a collection: searches with facet counts and highlights, articles, names, coverage."""

    def search(self, query: str, *, filters: Filters = None, sort: str = "relevance", page: int = 1,
               page_size: int = 20, with_facets: bool = True, dedupe: bool = False,
               cancelled: Callable[[], bool] | None = None) -> SearchResult: ...

    def article(self, path: str, terms: Collection[str] = (), names: Collection[str] = (),
                quote: str = "") -> tuple[StoredArticle | None, Spans]: ...

    def copies(self, path: str) -> list[tuple[str, str, str, Any]]: ...

    def status(self) -> tuple[IndexStats, list[FolderInfo], list[Problem]]: ...

    def version(self) -> tuple[int, ...]: ...

    def export(self, query: str, filters: Filters, sort: str, path: str, fmt: str) -> int: ...

    def names(self, kind: str | None = None) -> list[names_module.NameRow]: ...

    def changes(self) -> tuple[Change, ...]: ...

    def correct(self, op: str, which: Sequence[str], fields: Mapping[str, str]) -> Change: ...

    def undo(self) -> Change | None: ...

    def remove_change(self, position: int) -> Change: ...

    def coverage(self, which: Sequence[str], options: Mapping[str, Any]) -> Coverage: ...

    def profile(self, name: str, options: Mapping[str, Any]) -> Profile: ...


class IndexBackend(Protocol):
    """Writing a collection: folders and files added, rescanned and removed (ArticleIndex is one)."""

    def add(self, paths: Sequence[str | os.PathLike[str]], *, progress: Progress | None = None,
            cancelled: Cancelled | None = None, on_commit: OnCommit | None = None,
            wait: bool = True) -> IndexReport: ...

    def rescan(self, folders: Sequence[str] | None = None, *, progress: Progress | None = None,
               cancelled: Cancelled | None = None, on_commit: OnCommit | None = None,
               wait: bool = True) -> IndexReport: ...

    def remove(self, path: str | os.PathLike[str], *, wait: bool = True) -> int: ...

    def close(self) -> None: ...


class WhooshBackend:
    """SearchBackend over a local Whoosh index, opened read-only on first use (an error then is the
    first request's)."""

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.location = os.fspath(location)
        self._index: ArticleIndex | None = None

    @property
    def index(self) -> ArticleIndex:
        if self._index is None:
            self._index = ArticleIndex(self.location, read_only=True)
        return self._index

    def search(self, query: str, **options: Any) -> SearchResult:
        return search(self.index, query, **options)

    def article(self, path: str, terms: Collection[str] = (), names: Collection[str] = (),
                quote: str = "") -> tuple[StoredArticle | None, Spans]:
        """The stored article (its names as they count) and the character spans to mark in its body: the
        query's terms, every form this article uses of the people and organisations the search is
        filtered by ("Tories" for the Conservative Party; "Obama" alone for Barack Obama), and `quote`
        (a quotation from a profile: then it is the only mark, so the article opens at it)."""
        stored, marks = article(self.index, path, names)
        if stored is None:
            return None, []
        body = stored.article.body
        if quote:
            span = quote_span(body, quote)
            return stored, [span] if span else []
        spans = highlight_spans(body, terms)
        if marks:
            forms = [form for form, _person in marks]
            people = {form for form, person in marks if person}
            spans = sorted(set(spans) | set(name_spans(body, forms, people)))
        return stored, spans

    def copies(self, path: str) -> list[tuple[str, str, str, Any]]:
        return copies(self.index, path)

    def status(self) -> tuple[IndexStats, list[FolderInfo], list[Problem]]:
        index = self.index
        return index.stats(), index.folders(), index.problems()

    def version(self) -> tuple[int, ...]:
        return self.index.version()

    def export(self, query: str, filters: Filters, sort: str, path: str, fmt: str) -> int:
        return export_to_file(self.index, query, filters, sort, path, fmt)

    # The names of the collection and the user's corrections to them (a small file beside the index,
    # written here so that the reader's warm name book checks the names first).
    def names(self, kind: str | None = None) -> list[names_module.NameRow]:
        return names_module.list_names(self.index, kind)

    def changes(self) -> tuple[Change, ...]:
        return names_module.changes(self.index)

    def correct(self, op: str, which: Sequence[str], fields: Mapping[str, str]) -> Change:
        return names_module.correct(self.index, op, which, **fields)

    def undo(self) -> Change | None:
        return names_module.undo(self.index)

    def remove_change(self, position: int) -> Change:
        return names_module.remove_change(self.index, position)

    def coverage(self, which: Sequence[str], options: Mapping[str, Any]) -> Coverage:
        return coverage(self.index, which, **options)

    def profile(self, name: str, options: Mapping[str, Any]) -> Profile:
        return profile(self.index, name, **options)


def open_backend(location: str | os.PathLike[str]) -> SearchBackend:
    """The backend for a collection: today always a local Whoosh index at `location` (a server's URL
    would choose a server backend here)."""
    return WhooshBackend(location)
