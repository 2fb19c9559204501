"""Which documents a search may return: its facet filters, and each story once.

Name facets select by what a document counts for (core/facets.py), so a merged name selects all its
forms; the other facets by their indexed terms.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence, Set
from itertools import chain
from typing import Any

from whoosh import query as wq

from searchapp.core.facets import FACET_FIELDS, NAME_FIELDS, CountedValues
from searchapp.core.matching import matching_documents


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
    searcher: Any, filters: Mapping[str, Collection[str]] | None, counted: CountedValues | None, live: Set[int]
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
            docs = matching_documents(searcher, wq.Or([wq.Term(fieldname, value) for value in values]), live)
        allowed = docs if allowed is None else allowed & docs
    return allowed
