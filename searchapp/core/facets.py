"""Facet values of every document, for counts and filters, with names under the names they count as.

`_FacetCache` holds each document's raw values of each facet field, read from the index's postings
once per segment. `CountedValues` puts the people, organisation and speaker values through a
`NameBook` (aliases, the collection's rules, the user's corrections): those are what facets count and
name filters select, so a count and the filter behind it always agree.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from whoosh import query as wq

from searchapp.core.entities import Corrections, NameBook, load_aliases
from searchapp.core.entities.aliases import ALIASES_FILE
from searchapp.core.entities.corrections import CorrectionsError
from searchapp.core.models import FacetCount

log = logging.getLogger(__name__)

FACET_FIELDS = ("speakers", "people", "orgs", "outlet", "year", "month", "format", "folder")
NAME_FIELDS = ("speakers", "people", "orgs")  # values go through the name book
VALUE_FIELDS = (*FACET_FIELDS, "story")  # each document's values read once; stories are not a facet

_SegmentValues = dict[str, list[tuple[str, ...]]]


def _segment_values(reader: Any) -> _SegmentValues:
    """Each document's values of each facet field, for one segment (segment-local document numbers)."""
    values: _SegmentValues = {}
    size = reader.doc_count_all()
    for fieldname in VALUE_FIELDS:
        lists: list[list[str]] = [[] for _ in range(size)]
        for term in reader.lexicon(fieldname):
            value = term.decode("utf-8")
            for docnum in reader.postings(fieldname, term).all_ids():
                lists[docnum].append(value)
        values[fieldname] = [tuple(found) for found in lists]
    return values


class _FacetCache:
    """Per searcher generation: each document's raw values of each facet field.

    Segments never change once written (deleted documents just stop matching), so their values are
    kept between generations: a commit costs only the new segment, not a pass over the whole index.
    """

    def __init__(self, searcher: Any, previous: _FacetCache | None = None) -> None:
        known = previous.segments if previous else {}
        self.segments: dict[str, _SegmentValues] = {}
        self.doc_values: _SegmentValues = {fieldname: [] for fieldname in VALUE_FIELDS}
        for leaf, _offset in searcher.reader().leaf_readers():
            segment = leaf.segment()
            key = segment.segment_id() if segment is not None else str(id(leaf))
            part = known.get(key) or _segment_values(leaf)
            self.segments[key] = part
            for fieldname in VALUE_FIELDS:
                self.doc_values[fieldname].extend(part[fieldname])


def names_stamp(location: str | os.PathLike[str]) -> tuple[Any, ...]:
    """Changes when the user's corrections or the collection's own aliases file change."""
    try:
        stat = os.stat(os.path.join(location, ALIASES_FILE))
        aliases = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        aliases = None
    return Corrections(location).stamp(), aliases


def build_book(searcher: Any, location: str | os.PathLike[str]) -> NameBook:
    """The name book of the index at `location` as `searcher` sees it."""
    raw: dict[str, Counter[str]] = {"people": Counter(), "orgs": Counter()}
    # One pass over each segment's terms: asking the whole reader for each term's frequency looks the
    # term up in every segment, seconds on an index of many segments.
    for leaf, _offset in searcher.reader().leaf_readers():
        for field, counts in raw.items():
            for term, info in leaf.iter_field(field):
                counts[term.decode("utf-8")] += info.doc_frequency()
    try:
        changes = Corrections(location).load()
    except CorrectionsError as error:  # searches go on without them; writing a correction says why
        log.warning("%s", error)
        changes = ()
    return NameBook(raw["people"], raw["orgs"], load_aliases(location), changes)


class CountedValues:
    """What each document counts for in each facet: the name fields through the book, once each."""

    def __init__(self, cache: _FacetCache, book: NameBook, split_docs: Mapping[int, str]) -> None:
        raw = cache.doc_values
        speakers, people, orgs = [], [], []
        for docnum, values in enumerate(zip(raw["people"], raw["orgs"], raw["speakers"], strict=True)):
            if values == ((), (), ()):
                speakers.append(())
                people.append(())
                orgs.append(())
                continue
            said, named, bodies = book.document(values[0], values[1], values[2], split_docs.get(docnum, ""))
            speakers.append(said)
            people.append(named)
            orgs.append(bodies)
        self.values: _SegmentValues = dict(raw)
        self.values.update(speakers=speakers, people=people, orgs=orgs)
        self._docs: dict[str, dict[str, list[int]]] = {}
        self.book = book

    def docs_with(self, fieldname: str, value: str) -> list[int]:
        """The documents that count for `value` in a name facet (any form of the name finds them)."""
        by_value = self._docs.get(fieldname)
        if by_value is None:
            by_value = self._docs[fieldname] = {}
            for docnum, values in enumerate(self.values[fieldname]):
                for name in values:
                    by_value.setdefault(name, []).append(docnum)
        found = by_value.get(value)
        if found is None:
            name = self.book.find(value)
            found = by_value.get(name, []) if name else []
        return found

    def counts(self, docnums: Collection[int]) -> dict[str, tuple[FacetCount, ...]]:
        facets = {}
        for fieldname in FACET_FIELDS:
            per_document = self.values[fieldname]
            counter = Counter(chain.from_iterable(map(per_document.__getitem__, docnums)))
            ordered = sorted(counter.items(), key=_facet_order)
            if fieldname in NAME_FIELDS:
                facets[fieldname] = tuple(FacetCount(v, c, self._type(v)) for v, c in ordered)
            else:
                facets[fieldname] = tuple(FacetCount(v, c) for v, c in ordered)
        return facets

    def _type(self, name: str) -> str:
        info = self.book.info(name)
        return info.type if info is not None else ""


def _facet_order(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0].lower())


def one_per_story(docs: Iterable[int], stories: Sequence[tuple[str, ...]], days: Sequence[int] | None = None) -> set[int]:
    """One document of each story among `docs`: the earliest dated one (then the first indexed)."""
    chosen: dict[str, tuple[int, int]] = {}
    for docnum in docs:
        story = stories[docnum][0] if stories[docnum] else f"#{docnum}"
        key = ((days[docnum] or _UNDATED_LAST) if days is not None else 0, docnum)
        if story not in chosen or key < chosen[story]:
            chosen[story] = key
    return {docnum for _day, docnum in chosen.values()}


_UNDATED_LAST = 10**9


def allowed_documents(
    searcher: Any, filters: Mapping[str, Collection[str]] | None, counted: CountedValues | None
) -> set[int] | None:
    """The documents within `filters` (OR within one facet, AND across facets), None for no filter.

    Name facets select by what a document counts for (so a merged name selects all its forms); the
    others by their indexed terms."""
    allowed: set[int] | None = None
    for fieldname, values in (filters or {}).items():
        if fieldname not in FACET_FIELDS:
            raise ValueError(f"unknown facet '{fieldname}'")
        if not values:
            continue
        if fieldname in NAME_FIELDS:
            if counted is None:
                raise ValueError("name filters need the counted values")
            docs = set(chain.from_iterable(counted.docs_with(fieldname, value) for value in values))
        else:
            docs = set(searcher.docs_for_query(wq.Or([wq.Term(fieldname, value) for value in values])))
        allowed = docs if allowed is None else allowed & docs
    return allowed
