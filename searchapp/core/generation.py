"""The searcher generation of an index, and what is kept with it until the next commit.

A search takes the current generation once and uses only it: asking again could replace the searcher
(after a commit) and close it under the search that is using it. A generation keeps the facet values
(read only when a search needs facets or name filters), the name book (rebuilt when the user's
corrections change) and the rankings of recent searches.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from typing import Any

from whoosh import query as wq

from searchapp.core.entities import NameBook
from searchapp.core.facets import CountedValues, _FacetCache, build_book, names_stamp
from searchapp.core.index import ArticleIndex
from searchapp.core.schema import TEXT_ANALYZER

NAME_TEXT_FIELDS = ("speaker_text", "person_text", "org_text")  # `speaker:`, `person:`, `org:`
_DAY_US = 86_400_000_000
_UNDATED = 2**63


class Generation:
    """One searcher of an index and what is kept with it: the facet values (read only when a search
    needs facets or name filters), the name book and the rankings of recent searches."""

    __slots__ = ("searcher", "facets", "previous_facets", "rankings", "_book", "_book_stamp", "_counted",
                 "_expansions", "_days")

    def __init__(self, searcher: Any, previous_facets: _FacetCache | None) -> None:
        self.searcher = searcher
        self.facets: _FacetCache | None = None
        self.previous_facets = previous_facets  # the last generation's, whose segments can be reused
        self.rankings: dict[tuple[Any, ...], Any] = {}  # search._Ranked each
        self._book: NameBook | None = None
        self._book_stamp: tuple[Any, ...] | None = None
        self._counted: CountedValues | None = None
        self._expansions: dict[tuple[str, ...], str] | None = None
        self._days: list[int] | None = None

    def facet_cache(self) -> _FacetCache:
        if self.facets is None:
            self.facets = _FacetCache(self.searcher, previous=self.previous_facets)
            self.previous_facets = None
        return self.facets

    def book(self, location: Any) -> NameBook:
        """The name book, rebuilt when the user's corrections (or the collection's aliases) change."""
        stamp = names_stamp(location)
        if self._book is None or stamp != self._book_stamp:
            self._book = build_book(self.searcher, location)
            self._book_stamp = stamp
            self._counted = None
            self._expansions = None
            self.rankings.clear()  # name filters select other documents now
        return self._book

    def counted(self, location: Any) -> CountedValues:
        book = self.book(location)
        if self._counted is None:
            cache = self.facet_cache()
            split_docs: dict[int, str] = {}
            for path in book.split_paths():
                docnum = self.searcher.document_number(path=path)
                if docnum is not None:
                    split_docs[docnum] = path
            self._counted = CountedValues(cache, book, split_docs)
        return self._counted

    def days(self) -> list[int]:
        """Each document's day of publication as a date ordinal, 0 when undated (the `published` column)."""
        if self._days is None:
            values = self.searcher.reader().column_reader("published", translate=False)
            # whoosh keeps microseconds since 0001-01-01 (ordinal 1); an undated document has the maximum
            self._days = [0 if value is None or value >= _UNDATED else value // _DAY_US + 1 for value in values]
        return self._days

    def expansions(self, location: Any) -> dict[tuple[str, ...], str]:
        """Each analysed form of a name known by several forms -> that name (for `org:tories`)."""
        book = self.book(location)
        if self._expansions is None:
            self._expansions = {}
            for info in book.entities():
                if info.aliases and not info.hidden:
                    for form in book.forms(info.name):
                        words = analysed(form)
                        if words:
                            self._expansions.setdefault(words, info.name)
        return self._expansions


class Searchers:
    """One current generation (searcher) per index, shared by the searches of a process.

    A search takes the current generation once and uses only it: asking again could replace the
    searcher (after a commit) and close it under the search that is using it."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._current: weakref.WeakKeyDictionary[ArticleIndex, Generation] = weakref.WeakKeyDictionary()

    def current(self, index: ArticleIndex) -> Generation:
        generation = self._current.get(index)
        if generation is None:
            generation = self._current[index] = Generation(index.whoosh.searcher(), None)
        elif not generation.searcher.up_to_date():
            # A new searcher, not searcher.refresh(): refresh reuses segment readers and misses
            # deletions committed to a segment it already had.
            generation.searcher.close()
            generation = self._current[index] = Generation(
                index.whoosh.searcher(), generation.facets or generation.previous_facets
            )
        return generation


SEARCHERS = Searchers()


def analysed(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in TEXT_ANALYZER(text))


def expand_names(query: wq.Query, expansions: Mapping[tuple[str, ...], str], book: NameBook) -> wq.Query:
    """`org:tories` as `org:tories OR org:"conservative party" OR ...`: a name field searched for one
    form of a name known by several also finds the others. Words typed without a field are left as
    they are ("met" is a verb more often than the Metropolitan Police)."""
    if not expansions:
        return query

    def words_of(leaf: wq.Query) -> tuple[str, ...] | None:
        if isinstance(leaf, wq.Term) and isinstance(leaf.text, str):
            return (leaf.text,)
        if isinstance(leaf, wq.Phrase):
            return tuple(leaf.words)
        return None

    def visit(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Or) and len({getattr(c, "fieldname", None) for c in node.children()}) > 1 and len(
            {words_of(c) for c in node.children()}
        ) == 1:
            return node  # one word over the default fields: typed without a field
        if getattr(node, "fieldname", None) in NAME_TEXT_FIELDS:
            words = words_of(node)
            name = expansions.get(words) if words else None
            if name is None:
                return node
            forms = {analysed(form) for form in book.forms(name)} - {words, ()}
            others = [
                wq.Term(node.fieldname, form[0]) if len(form) == 1 else wq.Phrase(node.fieldname, list(form))
                for form in sorted(forms)
            ]
            return wq.Or([node, *others]) if others else node
        return node.apply(visit) if not node.is_leaf() else node

    return visit(query)
