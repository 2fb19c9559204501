"""Run a query against the index: ranked or dated hits, facet counts, highlighted snippets.

Facet values are exact canonical names; a person known to the collection by one full name also
collects the articles that name them by surname alone (see `extract.resolve_names`).
"""

from __future__ import annotations

import html
import threading
import weakref
from collections import Counter
from collections.abc import Collection, Iterator, Mapping
from itertools import chain
from typing import Any

from whoosh import highlight, sorting
from whoosh import query as wq

from searchapp.core.documents import speakers_from_stored, split_names
from searchapp.core.expansion import bound_expansions
from searchapp.core.extract import resolve_names
from searchapp.core.index import ArticleIndex
from searchapp.core.models import FacetCount, Hit, SearchResult
from searchapp.core.query import parse_query, read_query
from searchapp.core.schema import TEXT_ANALYZER

FACET_FIELDS = ("speakers", "people", "orgs", "outlet", "year", "month", "format", "folder")
SORTS = ("relevance", "newest", "oldest")
NAME_FIELDS = ("speakers", "people")  # short forms of a person's name merge into the full name
TERM_FIELDS = ("headline", "body", "speaker_text", "person_text", "org_text", "byline", "outlet_text")
SNIPPET_CHARS = 240
RANKED_GROWTH = 4  # ranking more hits than were ranked: four times as many, so most next pages are a slice
RANKED_KEPT = 4  # searches whose ranking is kept (per index, until the next commit)


class _Mark(highlight.Formatter):
    """HTML-escaped text with the matched words in <b class="hit">."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f'<b class="hit">{html.escape(highlight.get_text(text, token, replace), quote=False)}</b>'


_BODY_HIGHLIGHTER = highlight.Highlighter(
    fragmenter=highlight.PinpointFragmenter(maxchars=SNIPPET_CHARS, surround=90, autotrim=True),
    formatter=_Mark(),
)
_HEADLINE_HIGHLIGHTER = highlight.Highlighter(fragmenter=highlight.WholeFragmenter(), formatter=_Mark())


_SegmentValues = dict[str, list[tuple[str, ...]]]


def _segment_values(reader: Any) -> _SegmentValues:
    """Each document's values of each facet field, for one segment (segment-local document numbers)."""
    values: _SegmentValues = {}
    size = reader.doc_count_all()
    for fieldname in FACET_FIELDS:
        lists: list[list[str]] = [[] for _ in range(size)]
        for term in reader.lexicon(fieldname):
            value = term.decode("utf-8")
            for docnum in reader.postings(fieldname, term).all_ids():
                lists[docnum].append(value)
        values[fieldname] = [tuple(found) for found in lists]
    return values


class _FacetCache:
    """Per searcher generation: each document's values of each facet field, and the name merges.

    Segments never change once written (deleted documents just stop matching), so their values are
    kept between generations: a commit costs only the new segment, not a pass over the whole index.
    """

    def __init__(self, searcher: Any, previous: _FacetCache | None = None) -> None:
        known = previous.segments if previous else {}
        self.segments: dict[str, _SegmentValues] = {}
        self.doc_values: _SegmentValues = {fieldname: [] for fieldname in FACET_FIELDS}
        for leaf, _offset in searcher.reader().leaf_readers():
            segment = leaf.segment()
            key = segment.segment_id() if segment is not None else str(id(leaf))
            part = known.get(key) or _segment_values(leaf)
            self.segments[key] = part
            for fieldname in FACET_FIELDS:
                self.doc_values[fieldname].extend(part[fieldname])
        reader = searcher.reader()
        self.canonical: dict[str, dict[str, str]] = {}
        self.variants: dict[str, dict[str, list[str]]] = {}
        # Person names only: `people` holds every person the articles name, quoted or not, and no
        # organisation (an org speaker "Apple" must not become "Fiona Apple").
        people = {term.decode("utf-8") for term in reader.lexicon("people")}
        merges = {short: full for short, full in resolve_names(people).items() if short != full}
        for fieldname in FACET_FIELDS:
            mapping = merges if fieldname in NAME_FIELDS else {}
            self.canonical[fieldname] = mapping
            variants: dict[str, list[str]] = {}
            for short, full in mapping.items():
                variants.setdefault(full, [full]).append(short)
            self.variants[fieldname] = variants
        # What a document counts for in each facet: short name forms replaced by their full name, once.
        self.counted_values: _SegmentValues = {}
        for fieldname in FACET_FIELDS:
            canonical = self.canonical[fieldname]
            if canonical:
                self.counted_values[fieldname] = [
                    tuple(dict.fromkeys(canonical.get(value, value) for value in values)) if values else values
                    for values in self.doc_values[fieldname]
                ]
            else:
                self.counted_values[fieldname] = self.doc_values[fieldname]


class _Generation:
    """One searcher of an index and what is kept with it: the facet cache (built only when a search
    needs facets or name filters) and the rankings of recent searches."""

    __slots__ = ("searcher", "facets", "previous_facets", "rankings")

    def __init__(self, searcher: Any, previous_facets: _FacetCache | None) -> None:
        self.searcher = searcher
        self.facets: _FacetCache | None = None
        self.previous_facets = previous_facets  # the last generation's, whose segments can be reused
        self.rankings: dict[tuple[Any, ...], _Ranked] = {}

    def facet_cache(self) -> _FacetCache:
        if self.facets is None:
            self.facets = _FacetCache(self.searcher, previous=self.previous_facets)
            self.previous_facets = None
        return self.facets


class _Searchers:
    """One current generation (searcher) per index, shared by the searches of a process.

    A search takes the current generation once and uses only it: asking again could replace the
    searcher (after a commit) and close it under the search that is using it."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._current: weakref.WeakKeyDictionary[ArticleIndex, _Generation] = weakref.WeakKeyDictionary()

    def current(self, index: ArticleIndex) -> _Generation:
        generation = self._current.get(index)
        if generation is None:
            generation = self._current[index] = _Generation(index.whoosh.searcher(), None)
        elif not generation.searcher.up_to_date():
            # A new searcher, not searcher.refresh(): refresh reuses segment readers and misses
            # deletions committed to a segment it already had.
            generation.searcher.close()
            generation = self._current[index] = _Generation(
                index.whoosh.searcher(), generation.facets or generation.previous_facets
            )
        return generation


_SEARCHERS = _Searchers()


class _Ranked:
    """A search's ranked results, matching documents and terms (kept in its searcher's _Generation)."""

    __slots__ = ("results", "docs", "allowed", "terms")

    def __init__(self, results: Any, docs: set[int], allowed: Any, terms: tuple[str, ...]) -> None:
        self.results, self.docs, self.allowed, self.terms = results, docs, allowed, terms


def _ranked(
    rankings: dict[tuple[Any, ...], _Ranked],
    searcher: Any,
    parsed: wq.Query,
    filter_query: wq.Query | None,
    key: tuple[Any, ...],
    sort: str,
    needed: int,
) -> _Ranked:
    """The ranking of (query, filters, sort), kept for the current searcher (most recently used last).

    Scoring every match is most of a search's cost on a large index, and it is the same for page 1
    and page 400 of a list being scrolled, so a page within the ranking is a slice of it."""
    entry = rankings.pop(key, None)  # rankings belong to this searcher: a commit starts a new generation
    if entry is None:
        docs, allowed = _matching_documents(searcher, parsed, filter_query)
        entry = _Ranked(None, docs, allowed, _query_terms(parsed, searcher.reader()))
    if entry.results is None or entry.results.scored_length() < min(needed, len(entry.docs)):
        # The page comes from a top-N search over the same documents; whoosh's own total and
        # docset would each run the query again (and its total ignores a filter when terms=True).
        limit = max(needed, RANKED_GROWTH * entry.results.scored_length() if entry.results else 0)
        entry.results = searcher.search(parsed, limit=limit, filter=entry.allowed, terms=True, **_sort_args(sort))
    rankings[key] = entry
    while len(rankings) > RANKED_KEPT:
        del rankings[next(iter(rankings))]
    return entry


def _filter_query(filters: Mapping[str, Collection[str]] | None, cache: _FacetCache | None) -> wq.Query | None:
    """OR within one facet, AND across facets."""
    groups = []
    for fieldname, values in (filters or {}).items():
        if fieldname not in FACET_FIELDS:
            raise ValueError(f"unknown facet '{fieldname}'")
        # A short form ("Galloway") filters as its full name, and a full name finds its short forms.
        canonical = cache.canonical[fieldname] if cache else {}
        variants = cache.variants[fieldname] if cache else {}
        terms = [
            wq.Term(fieldname, variant)
            for value in values
            for full in [canonical.get(value, value)]
            for variant in variants.get(full, [full])
        ]
        if terms:
            groups.append(wq.Or(terms))
    if not groups:
        return None
    return groups[0] if len(groups) == 1 else wq.And(groups)


def _facet_counts(docnums: Collection[int], cache: _FacetCache) -> dict[str, tuple[FacetCount, ...]]:
    facets = {}
    for fieldname in FACET_FIELDS:
        per_document = cache.counted_values[fieldname]
        counter = Counter(chain.from_iterable(map(per_document.__getitem__, docnums)))
        facets[fieldname] = tuple(FacetCount(value, count) for value, count in sorted(counter.items(), key=_facet_order))
    return facets


def _facet_order(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0].lower())


def _sort_args(sort: str) -> dict[str, Any]:
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}")
    if sort == "relevance":
        return {}
    # Undated articles last in both directions (whoosh alone puts them first when reversed).
    dated_first = sorting.QueryFacet({0: wq.Every("published")}, other=1)
    return {"sortedby": [dated_first, sorting.FieldFacet("published", reverse=sort == "newest")]}


def _query_terms(query: wq.Query, reader: Any) -> tuple[str, ...]:
    """Every indexed form the query matches in the text fields (expanded prefixes and fuzzy terms too).

    Not Query.existing_terms(): its loop variable shadows its `fieldname` argument, so it drops
    the terms of every field after the first.
    """
    terms: set[str] = set()
    for leaf in query.leaves():
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            if fieldname not in TERM_FIELDS:
                continue
            word = text.decode("utf-8") if isinstance(text, bytes) else str(text)
            if (fieldname, word.encode("utf-8")) in reader:
                terms.add(word)
    return tuple(sorted(terms))


def search(
    index: ArticleIndex,
    query: str,
    *,
    filters: Mapping[str, Collection[str]] | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
    with_facets: bool = True,
) -> SearchResult:
    """One page of results for `query` within `filters`, with facet counts over all matches."""
    parsed, notice = read_query(query)
    page, page_size = max(1, page), max(1, page_size)
    with _SEARCHERS._lock:
        generation = _SEARCHERS.current(index)
        searcher = generation.searcher
        parsed, capped = bound_expansions(parsed, searcher.reader())
        needs_cache = with_facets or any(values and field in NAME_FIELDS for field, values in (filters or {}).items())
        cache = generation.facet_cache() if needs_cache else None
        key = (query, tuple(sorted((f, tuple(sorted(v))) for f, v in (filters or {}).items() if v)), sort)
        ranked = _ranked(generation.rankings, searcher, parsed, _filter_query(filters, cache), key, sort,
                         page * page_size)
        results = ranked.results
        start = (page - 1) * page_size
        hits = tuple(_hit(results[n]) for n in range(start, min(start + page_size, results.scored_length())))
        terms = ranked.terms
        facets = _facet_counts(ranked.docs, cache) if cache is not None and with_facets else {}
        total = len(ranked.docs)
    return SearchResult(
        query=query, total=total, hits=hits, facets=facets, terms=terms, page=page, page_size=page_size,
        notice=" ".join(part for part in (notice, capped) if part),
    )


def _matching_documents(searcher: Any, parsed: wq.Query, filter_query: wq.Query | None) -> tuple[set[int], Any]:
    """Every matching document number (one unscored pass), and the filter as a set for the top-N pass."""
    docs = set(searcher.docs_for_query(parsed))
    if filter_query is None:
        return docs, None
    allowed = set(searcher.docs_for_query(filter_query))
    return docs & allowed, allowed


def _hit(hit: Any) -> Hit:
    stored = hit.fields()
    headline = stored.get("headline", "")
    body = stored.get("body", "")
    headline_html = _HEADLINE_HIGHLIGHTER.highlight_hit(
        hit, "headline", text=headline, minscore=1
    ) or html.escape(headline, quote=False)
    snippet_html = " ".join(
        _BODY_HIGHLIGHTER.highlight_hit(hit, "body", text=body, top=2, minscore=1).split()
    )
    if not snippet_html:
        lead = " ".join(body[: SNIPPET_CHARS + 40].split())
        snippet_html = html.escape(
            lead[:SNIPPET_CHARS].rsplit(" ", 1)[0] + ("…" if len(body) > SNIPPET_CHARS else "")
        )
    return Hit(
        path=stored["path"],
        headline=headline,
        outlet=stored.get("outlet", ""),
        published=stored.get("published"),
        byline=stored.get("byline", ""),
        url=stored.get("url", ""),
        format=stored.get("format", ""),
        folder=stored.get("folder", ""),
        speakers=speakers_from_stored(stored),
        people=split_names(stored.get("people")),
        orgs=split_names(stored.get("orgs")),
        score=float(hit.score) if isinstance(hit.score, (int, float)) else 0.0,  # a sort key when sorted by date
        headline_html=headline_html,
        snippet_html=snippet_html,
    )


def highlight_spans(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Character spans of the words in `text` that the search matched: the analyzer the index uses,
    so stemmed forms are found exactly as in the snippets."""
    wanted = set(terms)
    if not wanted or not text:
        return []
    return [
        (token.startchar, token.endchar)
        for token in TEXT_ANALYZER(text, chars=True, mode="index")
        if token.text in wanted
    ]


def name_spans(text: str, names: Collection[str], people: Collection[str] = ()) -> list[tuple[int, int]]:
    """Character spans where `names` (the people and organisations a search is filtered by) appear in
    `text`: the whole name, and for a person in `people` also the surname alone, the way an article
    refers to someone after the first mention ("Barack Obama ... Obama said")."""
    tokens = [(token.text, token.startchar, token.endchar) for token in TEXT_ANALYZER(text, chars=True, mode="index")]
    words = [word for word, _start, _end in tokens]
    covered: set[int] = set()  # token positions inside a whole name already marked
    spans: list[tuple[int, int]] = []

    def mark(run: list[str]) -> None:
        size = len(run)
        for at in range(len(words) - size + 1):
            if words[at:at + size] == run and not covered.intersection(range(at, at + size)):
                covered.update(range(at, at + size))
                spans.append((tokens[at][1], tokens[at + size - 1][2]))

    sequences = {name: [token.text for token in TEXT_ANALYZER(name)] for name in names}
    for sequence in sorted(sequences.values(), key=len, reverse=True):  # whole names first, longest first
        if sequence:
            mark(sequence)
    for name, sequence in sequences.items():
        if name in people and len(sequence) > 1:
            mark(sequence[-1:])
    return sorted(spans)


def iter_matches(
    index: ArticleIndex,
    query: str,
    *,
    filters: Mapping[str, Collection[str]] | None = None,
    sort: str = "relevance",
) -> Iterator[dict[str, Any]]:
    """The stored fields of every matching article, in result order (for export: no cap, no paging)."""
    parsed = parse_query(query)
    with _SEARCHERS._lock:
        # The facet cache (the name merges) only when a name filter needs it: a first build is seconds
        # on a large index.
        needs_cache = any(values and field in NAME_FIELDS for field, values in (filters or {}).items())
        filter_query = _filter_query(filters, _SEARCHERS.current(index).facet_cache() if needs_cache else None)
    # A searcher of its own: an export outlives commits that replace the shared one.
    with index.whoosh.searcher() as searcher:
        parsed = bound_expansions(parsed, searcher.reader())[0]
        allowed = set(searcher.docs_for_query(filter_query)) if filter_query is not None else None
        results = searcher.search(parsed, limit=None, filter=allowed, **_sort_args(sort))
        for hit in results:
            yield hit.fields()
