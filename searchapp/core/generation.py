"""The searcher generation of an index, and what is kept with it until the next commit.

A search takes the current generation once and uses only it: asking again could replace the searcher
(after a commit) and close it under the search that is using it. A generation keeps the facet values
(each document's decoded when a search first needs it), the name book (rebuilt when the user's
corrections change) and the rankings of recent searches.
"""

from __future__ import annotations

import threading
import weakref
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from whoosh import query as wq

from searchapp.core.columns import RawValues
from searchapp.core.entities import NameBook
from searchapp.core.entities.cache import cached
from searchapp.core.facets import CountedValues
from searchapp.core.index import ArticleIndex
from searchapp.core.matching import column_numbers
from searchapp.core.namebook import build_book, counts_key, names_stamp
from searchapp.core.schema import TEXT_ANALYZER

NAME_TEXT_FIELDS = ("speaker_text", "person_text", "org_text")  # `speaker:`, `person:`, `org:`
# Each name text field's exact twin: the raw names as the articles wrote them, one term each.
EXACT_NAME_FIELDS = {"speaker_text": "speakers", "person_text": "people", "org_text": "orgs"}
_DAY_US = 86_400_000_000
_UNDATED = 2**63


class Generation:
    """One searcher of an index and what is kept with it: the facet values (each document's read when
    first needed), the name book and the rankings of recent searches."""

    __slots__ = ("searcher", "rankings", "bounded", "lengths", "_raw", "_book", "_book_stamp", "_counted", "_expansions", "_days",
                 "_stories", "_live")

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.rankings: dict[tuple[Any, ...], Any] = {}  # search._Ranked each
        # search.py: each recent query with its patterns replaced by the words they match, and the notice
        self.bounded: dict[str, tuple[Any, str]] = {}
        self.lengths: dict[Any, list[int]] = {}  # core/ranking.py: each segment's field lengths
        self._raw: RawValues | None = None
        self._book: NameBook | None = None
        self._book_stamp: tuple[Any, ...] | None = None
        self._counted: CountedValues | None = None
        self._expansions: dict[tuple[str, ...], str] | None = None
        self._days: array[int] | None = None
        self._stories: list[tuple[str, ...]] | None = None
        self._live: frozenset[int] | None = None

    def raw_values(self) -> RawValues:
        if self._raw is None:
            self._raw = RawValues(self.searcher)
        return self._raw

    def live(self) -> frozenset[int]:
        """Every live (not deleted) document number."""
        if self._live is None:
            reader = self.searcher.reader()
            everything = range(reader.doc_count_all())
            if reader.has_deletions():
                deleted = reader.is_deleted
                self._live = frozenset(docnum for docnum in everything if not deleted(docnum))
            else:
                self._live = frozenset(everything)
        return self._live

    def book(self, location: Any) -> NameBook:
        """The name book, rebuilt when the user's corrections (or the collection's aliases) change."""
        stamp = names_stamp(location)
        if self._book is None or stamp != self._book_stamp:
            self._book = build_book(self.searcher, location)
            self._book_stamp = stamp
            self._counted = None
            self._expansions = None
            self.rankings.clear()  # name filters select other documents now
            self.bounded.clear()  # a name's forms may be others
        return self._book

    def counted(self, location: Any) -> CountedValues:
        book = self.book(location)
        if self._counted is None:
            split_docs: dict[int, str] = {}
            for path in book.split_paths():
                docnum = self.searcher.document_number(path=path)
                if docnum is not None:
                    split_docs[docnum] = path
            key = counts_key(self.searcher, location, self._book_stamp)
            if self._days is None:  # the dates do not depend on the names: the key without them
                self._days = cached("days", ("days", *key[1:3]), self.days, lambda value: isinstance(value, array))
            self._counted = CountedValues(self.searcher, self.raw_values(), book, split_docs, self.days(), self.stories,
                                          self.live, key)
        return self._counted

    def _column(self, field: str) -> Iterator[Any]:
        """A column's value for every document (each segment's; a segment without it gives defaults)."""
        for leaf, _offset in self.searcher.reader().leaf_readers():
            if leaf.doc_count_all():  # an index with no segment yet has one empty reader, with no columns
                yield from leaf.column_reader(field, translate=False)

    def stories(self) -> list[tuple[str, ...]]:
        """Each document's story, a tuple of one (none for a document without one)."""
        if self._stories is None:
            self._stories = [(value.decode("utf-8"),) if value else () for value in self._column("story")]
        return self._stories

    def _numbers(self, field: str) -> list[int]:
        """A numeric column's values for every document, each segment's read in one piece."""
        return column_numbers(self.searcher, field)

    def published(self) -> list[int | None]:
        """Each document's `published` column value (microseconds), None when undated."""
        return [None if value >= _UNDATED else value for value in self._numbers("published")]

    def days(self) -> array[int]:
        """Each document's day of publication as a date ordinal, 0 when undated (the `published` column):
        an array, which a fresh process reads from the cache folder at once (a list of 100,000 took 20 ms)."""
        if self._days is None:
            # whoosh keeps microseconds since 0001-01-01 (ordinal 1); an undated document has the maximum
            self._days = array("i", (0 if value >= _UNDATED else value // _DAY_US + 1
                                     for value in self._numbers("published")))
        return self._days

    def expansions(self, location: Any) -> dict[tuple[str, ...], str]:
        """Each analysed form of a name known by several forms -> that name (for `org:tories`)."""
        book = self.book(location)
        if self._expansions is None:

            def build() -> dict[tuple[str, ...], str]:
                found: dict[tuple[str, ...], str] = {}
                for name in book.names_with_aliases():
                    for form in book.forms(name):
                        words = analysed(form)
                        if words:
                            found.setdefault(words, name)
                return found

            # Analysing every form of every name took most of a second at 100,000 articles: kept between
            # processes under what they depend on (the segments, the corrections, the aliases files).
            key = ("expansions", *counts_key(self.searcher, location, self._book_stamp)[1:])
            self._expansions = cached("expansions", key, build, lambda value: isinstance(value, dict))
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
            generation = self._current[index] = Generation(index.whoosh.searcher())
        elif not generation.searcher.up_to_date():
            # A new searcher, not searcher.refresh(): refresh reuses segment readers and misses
            # deletions committed to a segment it already had.
            generation.searcher.close()
            generation = self._current[index] = Generation(index.whoosh.searcher())
        return generation


SEARCHERS = Searchers()


def analysed(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in TEXT_ANALYZER(text))


def expand_names(query: wq.Query, expansions: Callable[[], Mapping[tuple[str, ...], str]], book: NameBook) -> wq.Query:
    """`org:tories` as `org:tories OR org:conservative OR orgs:"Conservative Party" OR ...`: a name field
    searched for one form of a name known by several also finds the others: its one-word forms in the
    same field, and every raw name counting for it in the exact-name field (a phrase of each longer form
    had whoosh match positions in Python: `org:opec` took half a second at 100,000 articles). Words
    typed without a field are left as they are ("met" is a verb more often than the Metropolitan
    Police). `expansions` is asked for only when the query searches a name field."""
    if not any(getattr(leaf, "fieldname", None) in NAME_TEXT_FIELDS for leaf in query.leaves()):
        return query
    known: list[Mapping[tuple[str, ...], str]] = []

    def forms_of() -> Mapping[tuple[str, ...], str]:
        if not known:
            known.append(expansions())
        return known[0]

    def words_of(leaf: wq.Query) -> tuple[str, ...] | None:
        if isinstance(leaf, wq.Term) and isinstance(leaf.text, str):
            return (leaf.text,)
        if isinstance(leaf, wq.Phrase):
            return tuple(leaf.words)
        return None

    def visit(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Or):
            # Words typed without a field are searched over several fields at once; whoosh's parser puts
            # those of `trade OR tariff` in one flat Or, so they are told apart by their words.
            fields_of: dict[tuple[str, ...] | None, set[str | None]] = {}
            for child in node.children():
                fields_of.setdefault(words_of(child), set()).add(getattr(child, "fieldname", None))
            typed = {words for words, fields in fields_of.items() if words is not None and len(fields) > 1}
            if typed:
                return node.apply(lambda child: child if words_of(child) in typed else visit(child))
        if getattr(node, "fieldname", None) in NAME_TEXT_FIELDS:
            words = words_of(node)
            name = forms_of().get(words) if words else None
            if name is None:
                return node
            forms = {analysed(form) for form in book.forms(name)} - {words, ()}
            others: list[wq.Query] = [wq.Term(node.fieldname, form[0]) for form in sorted(forms) if len(form) == 1]
            exact = EXACT_NAME_FIELDS[node.fieldname]
            others += [wq.Term(exact, raw) for raw in sorted(book.raw_forms(name))]
            return wq.Or([node, *others]) if others else node
        return node.apply(visit) if not node.is_leaf() else node

    return visit(query)
