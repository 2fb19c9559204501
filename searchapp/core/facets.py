"""Facet values of every document, for counts and name filters (core/filters.py), with names under the
names they count as.

Each document's facet values are written once, at index time, into one column (`facets`, see
`core/columns.py`): the people and organisations it mentions and those it quotes (each with the type the
article gives it), its outlet, format and folder. `RawValues` (there too) reads them per document, only
for the documents a search needs (all of them only for a search that matches all), so a fresh process
needs no warm-up pass over the postings. `CountedValues` puts the names through a `NameBook` (aliases, the
collection's rules, the user's corrections) at query time: those are what facets count and name filters
select, so a count and the filter behind it always agree, and a correction applies without re-indexing.
"""

from __future__ import annotations

import logging
import pickle
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from datetime import date
from heapq import nlargest
from itertools import chain, repeat
from typing import Any, NamedTuple

from whoosh import query as wq

from searchapp.core.columns import RAW_FIELDS, RawValues, read_record
from searchapp.core.entities import NameBook
from searchapp.core.entities.cache import cached, kept
from searchapp.core.errors import SearchCancelled
from searchapp.core.matching import matching_documents
from searchapp.core.models import FacetCount

log = logging.getLogger(__name__)

FACET_FIELDS = ("speakers", "people", "orgs", "outlet", "year", "month", "format", "folder")
NAME_FIELDS = ("speakers", "people", "orgs")  # values go through the name book
# Values of each facet the window's searches bring first (all of them when the user asks): ordering
# every name of a large collection for every search cost more than finding the matches.
FIRST_VALUES = 500
# A fresh process reads every document's kept values instead of decoding 1 in KEPT_COLUMNS_FROM documents
# or more: decoding one costs about as much as reading 25 kept ones (10 us against 0.4 at 100,000 articles).
KEPT_COLUMNS_FROM = 25
RANKED_NAMES = 5000  # a name facet with more values is ordered by the kept ranks of every name
_KINDS = {"p": "person", "o": "org"}
_COUNTED = (*NAME_FIELDS, *RAW_FIELDS, "day")  # what a document counts for (years and months come from days)


Named = tuple[str, str] | None
Cancelled = Callable[[], bool]
CHECK_EVERY = 4096  # documents decoded between two looks at whether the search was cancelled


def _never() -> bool:
    return False


_MISSING: Any = object()


def _checked(records: Iterator[tuple[int, bytes]], cancelled: Cancelled) -> Iterator[tuple[int, bytes]]:
    """`records`, looking every CHECK_EVERY of them whether the search was cancelled."""
    for count, record in enumerate(records):
        if not count % CHECK_EVERY and cancelled():
            raise SearchCancelled("A newer search was asked for.")
        yield record


class FacetCounts(NamedTuple):
    """A search's facet values (most first) and how many values each facet has in all."""

    values: dict[str, tuple[FacetCount, ...]]
    sizes: dict[str, int]


class CountedValues:
    """What each document counts for in each facet: the names through the book, per document when first
    needed. `values[field]` is the whole collection's (every document decoded once)."""

    def __init__(self, searcher: Any, raw: RawValues, book: NameBook, split_docs: Mapping[int, str],
                 days: Sequence[int], stories: Any, live: Callable[[], Set[int]],
                 cache_key: tuple[Any, ...] | None = None) -> None:
        self.searcher = searcher
        self._cache_key = cache_key  # the whole collection's counts are kept between processes under it
        self._live = live  # () -> every live document number
        self.raw = raw
        self.book = book
        self._split_docs = split_docs
        self._days = days
        self._stories = stories  # () -> each document's story (tuple of one, or empty)
        size = raw.size
        self._names: dict[str, list[tuple[str, ...] | None]] = {field: [None] * size for field in NAME_FIELDS}
        self._raw: dict[str, list[str]] = {field: [""] * size for field in RAW_FIELDS}  # "" when none
        self._named: dict[str, Named] = {}  # each typed name met so far -> (name, type) it counts as
        self._docs: dict[str, dict[str, list[int]]] = {}
        self._complete = False
        self._all_counts: dict[Any, FacetCounts] = {}  # the whole collection's, for one cut
        self._all_found: dict[str, Counter[Any]] | None = None
        self._ranks: dict[str, int] | None = None
        self.values = _Values(self)

    # -- per document ---------------------------------------------------------------------------
    def _map(self, records: Iterable[tuple[int, bytes]]) -> None:
        """Put the names of the documents of `records` (document, record) through the book, each name
        looked up once (then kept in `_named`)."""
        speakers_of, people_of, orgs_of = (self._names[field] for field in NAME_FIELDS)
        outlets, formats, folders = (self._raw[field] for field in RAW_FIELDS)
        named, resolve, splits = self._named, self.book.resolve, self._split_docs
        for docnum, value in records:
            if people_of[docnum] is not None:
                continue
            if not value:
                speakers_of[docnum] = people_of[docnum] = orgs_of[docnum] = ()
                continue
            mentions, quoted, outlets[docnum], formats[docnum], folders[docnum] = read_record(value)
            if docnum in splits:
                self._map_split(docnum, mentions, quoted, splits[docnum])
                continue
            people: dict[str, None] = {}
            orgs: dict[str, None] = {}
            for typed in mentions:
                found = named.get(typed, _MISSING)
                if found is _MISSING:
                    found = named[typed] = resolve(typed[1:], _KINDS[typed[0]])
                if found is not None:
                    (people if found[1] == "person" else orgs)[found[0]] = None
            speakers: dict[str, None] = {}
            for typed in quoted:
                found = named.get(typed, _MISSING)
                if found is _MISSING:
                    found = named[typed] = resolve(typed[1:], _KINDS[typed[0]])
                if found is not None:
                    speakers[found[0]] = None
            speakers_of[docnum] = tuple(speakers)
            people_of[docnum] = tuple(people)
            orgs_of[docnum] = tuple(orgs)

    def _map_split(self, docnum: int, mentions: tuple[str, ...], quoted: tuple[str, ...], path: str) -> None:
        """A document with a split of its own: its names looked up in its article."""
        people: dict[str, None] = {}
        orgs: dict[str, None] = {}
        for typed in mentions:
            found = self.book.resolve(typed[1:], _KINDS[typed[0]], path)
            if found is not None:
                (people if found[1] == "person" else orgs)[found[0]] = None
        speakers = [self.book.resolve(typed[1:], _KINDS[typed[0]], path) for typed in quoted]
        self._names["speakers"][docnum] = tuple(dict.fromkeys(found[0] for found in speakers if found is not None))
        self._names["people"][docnum] = tuple(people)
        self._names["orgs"][docnum] = tuple(orgs)

    def prepare(self, docnums: Collection[int], cancelled: Cancelled = _never) -> None:
        """Decode and map the documents `docnums` (all of them when that is most of the collection).
        Raises SearchCancelled as soon as `cancelled()` (checked every few thousand documents)."""
        if self._complete:
            return
        if len(docnums) * 2 > self.raw.size:
            self._map_every(cancelled)
            return
        people_of = self._names["people"]
        missing = [docnum for docnum in docnums if people_of[docnum] is None]
        if len(missing) * KEPT_COLUMNS_FROM >= self.raw.size and self._cache_key is not None:
            # what the collection's every document counts for, when worked out before (with the whole
            # collection's counts, as `searchapp index` does at the end of a run)
            columns = kept("columns", self._cache_key, self._whole_columns)
            if columns is not None:
                self._names, self._raw = columns
                self._complete = True
                return
        self._map(_checked(self.raw.some(missing), cancelled))

    def _map_every(self, cancelled: Cancelled) -> None:
        """Every document mapped, or read as a whole from the cache folder (kept there for the next
        process: decoding and mapping a quarter of 100,000 articles was half a fresh search's time)."""
        def build() -> tuple[dict[str, list[Any]], dict[str, list[str]]]:
            self._map(_checked(self.raw.every(), cancelled))
            self._names, self._raw = _shared(self._names), _shared(self._raw)
            return _KeptColumns((self._names, self._raw))

        if self._cache_key is None:
            build()
        else:
            self._names, self._raw = cached("columns", self._cache_key, build, self._whole_columns)
        self._complete = True

    def _whole_columns(self, value: Any) -> bool:
        size = self.raw.size
        return (isinstance(value, tuple) and len(value) == 2 and value[0].keys() == set(NAME_FIELDS)
                and value[1].keys() == set(RAW_FIELDS)
                and all(len(column) == size for part in value for column in part.values()))

    def column(self, field: str) -> list[Any]:
        """Per document: a name facet's names, a raw facet's value (a tuple of one or none), the story."""
        if field in NAME_FIELDS:
            return self._names[field]
        if field == "story":
            return self._stories()
        return _AsTuples(self._raw[field])  # type: ignore[return-value]

    def raw_column(self, field: str) -> list[str]:
        """A raw facet's value for every document ("" when it has none), every document decoded."""
        self.prepare(range(self.raw.size))
        return self._raw[field]

    # -- counts and filters ------------------------------------------------------------------------
    def counts(self, docnums: Collection[int], *, everything: bool = False, cancelled: Cancelled = _never,
               limit: int | None = None, keep: Mapping[str, Collection[str]] | None = None) -> FacetCounts:
        """Facet counts over `docnums`; `everything` says they are all the live documents (counted once
        per searcher generation). A search matching most documents is counted as the whole collection's
        counts less those of the documents it does not match: the same exact figures, from far fewer.

        With `limit`, each facet keeps its `limit` most frequent values (and the values in `keep`, a
        filter's selected values), as a search engine's terms aggregation does: ordering a hundred
        thousand names for every search cost more than finding the matches. The sizes say how many
        values each facet has in all."""
        if everything:
            cut = (limit, tuple(sorted((f, tuple(sorted(v))) for f, v in (keep or {}).items())))
            if self._all_counts.get(cut) is None:
                self._all_counts = {cut: self._ordered(self._everything(cancelled), limit, keep)}
            return self._all_counts[cut]
        live = self._live()
        if len(docnums) * 2 > len(live):
            matched = docnums if isinstance(docnums, (set, frozenset)) else set(docnums)
            rest = live - matched
            if len(matched) + len(rest) == len(live):  # every matched document is live
                found = {field: counter.copy() for field, counter in self._everything(cancelled).items()}
                for field, less in self._found(rest, cancelled).items():
                    found[field].subtract(less)
                return self._ordered({field: +counter for field, counter in found.items()}, limit, keep)
        return self._ordered(self._found(docnums, cancelled), limit, keep)

    def _everything(self, cancelled: Cancelled) -> dict[str, Counter[Any]]:
        """The raw counters over every live document (kept for the searcher's generation), and every
        name's place in case-blind order."""
        if self._all_found is None:
            if self._cache_key is None:
                found = self._found(self._live(), cancelled)
            else:
                found = cached("counts", self._cache_key, lambda: self._found(self._live(), cancelled),
                               lambda value: isinstance(value, dict) and value.keys() == set(_COUNTED))
            self._all_found = found
        return self._all_found

    def _name_ranks(self) -> dict[str, int]:
        """Every name's place in case-blind order (ties as written), for ordering a facet's every value:
        made when first needed (sorting a hundred thousand names was 70 ms of a fresh process's search,
        where a facet cut to its most frequent values orders a few hundred)."""
        if self._ranks is None:
            found = self._everything(_never)
            names = set().union(*(found[field] for field in NAME_FIELDS))
            self._ranks = {name: place for place, name in enumerate(sorted(sorted(names), key=str.lower))}
        return self._ranks

    def _found(self, docnums: Collection[int], cancelled: Cancelled) -> dict[str, Counter[Any]]:
        """Per facet, how many of `docnums` count for each value (dates as day ordinals, in "day")."""
        self.prepare(docnums, cancelled)
        found: dict[str, Counter[Any]] = {}
        for field in NAME_FIELDS:
            found[field] = Counter(chain.from_iterable(map(self._names[field].__getitem__, docnums)))  # type: ignore[arg-type]
        for field in RAW_FIELDS:
            found[field] = Counter(map(self._raw[field].__getitem__, docnums))
            found[field].pop("", None)
        found["day"] = Counter(map(self._days.__getitem__, docnums))
        found["day"].pop(0, None)  # undated
        return found

    def _ordered(self, found: Mapping[str, Counter[Any]], limit: int | None = None,
                 keep: Mapping[str, Collection[str]] | None = None) -> FacetCounts:
        """The counters as facet values, most first, then by name regardless of case (the `limit` first
        of each, and the values of `keep`), with each facet's number of values."""
        years: Counter[str] = Counter()
        months: Counter[str] = Counter()
        for ordinal, count in found["day"].items():
            day = date.fromordinal(ordinal)
            years[f"{day.year:04d}"] += count
            months[f"{day.year:04d}-{day.month:02d}"] += count
        counters = {**found, "year": years, "month": months}
        type_of = self.book.type_of
        facets = {}
        sizes = {}
        for field in FACET_FIELDS:
            counter = counters[field]
            sizes[field] = len(counter)
            names: Iterable[Any] = counter
            cut = limit is not None and len(counter) > limit
            if cut:
                # The values as frequent as the limit-th one (ties are cut below by name), found by C
                # calls: no sort of every name.
                least = nlargest(limit, counter.values())[-1]
                names = [name for name, count in counter.items() if count >= least]
            # Most first, then by name regardless of case: two sorts with C key functions (tens of
            # thousands of names), the first by the names' ranks once every name has one; the values
            # made by C calls too.
            if field not in NAME_FIELDS:
                ordered = sorted(names, key=str.lower)
            elif cut or len(counter) < RANKED_NAMES:
                ordered = sorted(sorted(names), key=str.lower)  # the ranks' order, for a few names
            else:
                ranks = self._name_ranks()
                known = ranks.keys() >= counter.keys()
                ordered = sorted(names, key=ranks.__getitem__) if known else sorted(sorted(names), key=str.lower)
            ordered.sort(key=counter.__getitem__, reverse=True)
            if cut:
                shown = ordered[:limit]
                chosen = set(shown)
                shown += [value for value in (keep or {}).get(field, ()) if value in counter and value not in chosen]
                ordered = shown
            kinds = map(type_of, ordered) if field in NAME_FIELDS else repeat("")
            facets[field] = tuple(map(tuple.__new__, repeat(FacetCount),
                                      zip(ordered, map(counter.__getitem__, ordered), kinds, strict=False)))
        return FacetCounts(facets, sizes)

    def docs_with(self, fieldname: str, value: str) -> list[int]:
        """The documents that count for `value` in a name facet (any form of the name finds them):
        `value` as a name, else the name it is a form or an alias of."""
        found = self._docs_counting(fieldname, value)
        if not found:
            name = self.book.find(value)
            found = self._docs_counting(fieldname, name) if name and name != value else []
        return found

    def _docs_counting(self, fieldname: str, name: str) -> list[int]:
        if self._complete:
            by_value = self._docs.get(fieldname)
            if by_value is None:
                by_value = self._docs[fieldname] = {}
                for docnum, names in enumerate(self._names[fieldname]):
                    for counted in names or ():
                        by_value.setdefault(counted, []).append(docnum)
            return by_value.get(name, [])
        # The documents that write any form of the name (or have a split), each checked through the book.
        forms = self.book.raw_forms(name) or (name,)
        fields = ("speakers",) if fieldname == "speakers" else ("people", "orgs", "speakers")
        terms = [wq.Term(field, form) for field in fields for form in forms]
        live = self._live()
        candidates = sorted(matching_documents(self.searcher, wq.Or(terms), live) | (set(self._split_docs) & live))
        self.prepare(candidates)
        names = self._names[fieldname]
        return [docnum for docnum in candidates if name in names[docnum]]  # type: ignore[operator]


def _shared(columns: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`columns` with equal values (names, tuples of names) made one object each: a tenth as many objects
    at 100,000 articles, and the kept file half as large and twice as quick to read (pickle writes an
    object it has met once, by reference)."""
    one: dict[Any, Any] = {}

    def shared(value: Any) -> Any:
        if isinstance(value, tuple):
            value = tuple(one.setdefault(name, name) for name in value)
        return one.setdefault(value, value)

    return {field: [shared(value) for value in column] for field, column in columns.items()}


class _KeptColumns(tuple):  # type: ignore[type-arg]
    """(names, raw values) as kept in the cache folder: each column pickled on its own, read back a fifth
    quicker than the two dicts as one pickle (whose memo of every object met grows over all of them)."""

    def __reduce__(self) -> tuple[Any, ...]:
        names, raw = self
        return _columns, tuple({field: pickle.dumps(column, pickle.HIGHEST_PROTOCOL) for field, column in part.items()}
                               for part in (names, raw))


def _columns(names: dict[str, bytes], raw: dict[str, bytes]) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    return ({field: pickle.loads(column) for field, column in names.items()},
            {field: pickle.loads(column) for field, column in raw.items()})


class _AsTuples:
    """A raw facet's value per document as a tuple of one (or none), like the name facets' tuples."""

    __slots__ = ("_values",)

    def __init__(self, values: list[str]) -> None:
        self._values = values

    def __getitem__(self, docnum: int) -> tuple[str, ...]:
        value = self._values[docnum]
        return (value,) if value else ()

    def __len__(self) -> int:
        return len(self._values)


class _Values:
    """`counted.values[field]`: the whole collection's values of a facet (or `story`), every document
    decoded once on first use, for the views that read them all (names, coverage, profiles)."""

    def __init__(self, counted: CountedValues) -> None:
        self._counted = counted

    def __getitem__(self, field: str) -> Sequence[tuple[str, ...]]:
        counted = self._counted
        if field != "story":
            counted.prepare(range(counted.raw.size))
        return counted.column(field)
