"""Run a query against the index: ranked or dated hits, facet counts, highlighted snippets.

People and organisations are counted, filtered and shown under the names they count as in the
collection (`core.entities`: known aliases, the collection's rules, the user's corrections);
`org:tories` also finds the articles that only name the Conservative Party.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Results

from searchapp.core.documents import speakers_from_stored, split_names
from searchapp.core.entities import NameBook
from searchapp.core.errors import SearchCancelled
from searchapp.core.expansion import bound_expansions
from searchapp.core.facets import FACET_FIELDS, NAME_FIELDS
from searchapp.core.filters import allowed_documents, one_per_story
from searchapp.core.gcpause import with_collector_paused
from searchapp.core.generation import SEARCHERS, Generation, expand_names
from searchapp.core.highlights import SNIPPET_CHARS, marked_headline, marked_snippet
from searchapp.core.index import ArticleIndex
from searchapp.core.matching import TermDocs, matching_documents
from searchapp.core.models import Entities, Hit, SearchResult
from searchapp.core.query import parse_query, read_query
from searchapp.core.ranking import plain_words, top_scored, whoosh_top

__all__ = ["FACET_FIELDS", "NAME_FIELDS", "SORTS", "iter_matches", "search"]

SORTS = ("relevance", "newest", "oldest")
TERM_FIELDS = ("headline", "body", "speaker_text", "person_text", "org_text", "byline", "outlet_text")
RANKED_GROWTH = 4  # ranking more hits than were ranked: four times as many, so most next pages are a slice
RANKED_KEPT = 4  # searches whose ranking is kept (per index, until the next commit)
BOUNDED_KEPT = 32  # queries whose patterns' words are kept (likewise)


class _Ranked:
    """A search's ranked results, matching documents and terms (kept in its searcher's Generation).

    A query that matches everything is never scored: its order (index order, or by date) is kept in
    `order` instead of whoosh results."""

    __slots__ = ("results", "docs", "allowed", "terms", "order", "term_docs")

    def __init__(self, results: Any, docs: Collection[int], allowed: Any, terms: tuple[str, ...]) -> None:
        self.results, self.docs, self.allowed, self.terms = results, docs, allowed, terms
        self.order: list[int] | None = None
        self.term_docs: TermDocs = TermDocs()  # each query word's documents, for highlighting

    def ranked_length(self) -> int:
        return len(self.order) if self.order is not None else self.results.scored_length()


def _ranked(
    generation: Generation,
    parsed: wq.Query,
    allowed: set[int] | None,
    key: tuple[Any, ...],
    sort: str,
    needed: int,
) -> _Ranked:
    """The ranking of (query, filters, sort), kept for the current searcher (most recently used last).

    Scoring every match is most of a search's cost on a large index, and it is the same for page 1
    and page 400 of a list being scrolled, so a page within the ranking is a slice of it."""
    rankings, searcher = generation.rankings, generation.searcher
    entry = rankings.pop(key, None)  # rankings belong to this searcher: a commit starts a new generation
    if entry is None and isinstance(parsed, wq.Every):
        live = generation.live()
        entry = _Ranked(None, live if allowed is None else live & allowed, allowed, ())
        entry.order = _ordered(generation, entry.docs, sort)
    elif entry is None:
        # A query ranked here keeps its words' postings while matching reads them, for scoring.
        term_docs = TermDocs(keep_postings=sort == "relevance" and plain_words(parsed) is not None)
        docs = _matching_documents(generation, parsed, allowed, term_docs)
        entry = _Ranked(None, docs, allowed, _query_terms(parsed, searcher.reader()))
        entry.term_docs = term_docs
    if entry.order is None and (entry.results is None or entry.results.scored_length() < min(needed, len(entry.docs))):
        # The page comes from a top-N search over the same documents; whoosh's own total and
        # docset would each run the query again (and its total ignores a filter when terms=True).
        limit = max(needed, RANKED_GROWTH * entry.results.scored_length() if entry.results else 0)
        entry.results = _top(generation, parsed, entry, limit, sort)
        _record_terms(entry.results, entry.term_docs)
    rankings[key] = entry
    while len(rankings) > RANKED_KEPT:
        del rankings[next(iter(rankings))]
    return entry


def _top(generation: Generation, parsed: wq.Query, entry: _Ranked, limit: int, sort: str) -> Any:
    """The best `limit` of the entry's documents as whoosh Results: scored in core/ranking.py when the
    query is plain words, else by whoosh (sorted by date when asked)."""
    searcher = generation.searcher
    words = plain_words(parsed) if sort == "relevance" else None
    if words is not None:
        top_n = top_scored(searcher, words, entry.docs, limit, generation.lengths, entry.term_docs,
                           entry.term_docs.postings)
        entry.term_docs.postings = None  # read once, scored once: a later page re-reads them
        if top_n is not None:
            return Results(searcher, parsed, top_n)
    return whoosh_top(searcher, parsed, limit, entry.allowed, _sort_args(sort))


def _record_terms(results: Any, term_docs: TermDocs) -> None:
    """Which query words each ranked hit holds, as whoosh's `terms=True` records them for highlighting,
    from the word sets matching already read (whoosh would record them for every match while scoring)."""
    results.termdocs = term_docs
    results.docterms = {docnum: [term for term, docs in term_docs.items() if docnum in docs]
                        for _score, docnum in results.top_n}


def _ordered(generation: Generation, docs: Collection[int], sort: str) -> list[int]:
    """Every document of a match-all search in the order `sort` asks for, without scoring: index order
    for relevance, else by the `published` column, undated last in both directions."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}")
    ordered = sorted(docs)
    if sort == "relevance":
        return ordered
    published = generation.published()
    if sort == "newest":
        return sorted(ordered, key=lambda docnum: (published[docnum] is None, -(published[docnum] or 0)))
    return sorted(ordered, key=lambda docnum: (published[docnum] is None, published[docnum] or 0))


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


@with_collector_paused
def search(
    index: ArticleIndex,
    query: str,
    *,
    filters: Mapping[str, Collection[str]] | None = None,
    sort: str = "relevance",
    page: int = 1,
    page_size: int = 20,
    with_facets: bool = True,
    facet_limit: int | None = None,
    dedupe: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> SearchResult:
    """One page of results for `query` within `filters`, with facet counts over all matches (the
    `facet_limit` most frequent values of each facet and the filters' values, or every value).

    With `dedupe`, each story (an article and its near-copies) counts once, in hits, total and facets.
    `cancelled()` is asked between the steps (and while counting): once true, the search raises
    SearchCancelled (a newer search is on its way)."""
    started = time.perf_counter()
    cancelled = cancelled or _never

    def check() -> None:
        if cancelled():
            raise SearchCancelled("A newer search was asked for.")

    parsed, notice = read_query(query)
    page, page_size = max(1, page), max(1, page_size)
    with SEARCHERS.lock:
        generation = SEARCHERS.current(index)
        searcher = generation.searcher
        book = generation.book(index.location)
        parsed = expand_names(parsed, lambda: generation.expansions(index.location), book)
        parsed, capped = _bounded(generation, parsed)
        needs_counts = with_facets or any(
            values and field in NAME_FIELDS for field, values in (filters or {}).items())
        counted = generation.counted(index.location) if needs_counts else None
        key = (query, tuple(sorted((f, tuple(sorted(v))) for f, v in (filters or {}).items() if v)), sort, dedupe)
        ranked = generation.rankings.get(key)
        if ranked is not None:
            allowed = ranked.allowed
        else:
            allowed = allowed_documents(searcher, filters, counted, generation.live())
            if dedupe:
                matching = _matching_documents(generation, parsed, allowed)
                allowed = one_per_story(matching if allowed is None else set(matching) & allowed,
                                        generation.stories())
        check()
        ranked = _ranked(generation, parsed, allowed, key, sort, page * page_size)
        check()
        start = (page - 1) * page_size
        end = min(start + page_size, ranked.ranked_length())
        if ranked.order is not None:
            hits = tuple(_plain_hit(searcher.stored_fields(docnum), book, searcher) for docnum in ranked.order[start:end])
        else:
            results = ranked.results
            hits = tuple(_hit(results[n], book, searcher) for n in range(start, end))
        terms = ranked.terms
        everything = ranked.order is not None and allowed is None
        facets, sizes = (counted.counts(ranked.docs, everything=everything, cancelled=cancelled,
                                        limit=facet_limit, keep=filters)
                         if counted is not None and with_facets else ({}, {}))
        total = len(ranked.docs)
    return SearchResult(
        query=query, total=total, hits=hits, facets=facets, terms=terms, page=page, page_size=page_size,
        notice=" ".join(part for part in (notice, capped) if part),
        took_ms=round((time.perf_counter() - started) * 1000, 1),
        facet_sizes={field: size for field, size in sizes.items() if size > len(facets.get(field, ()))},
    )


def _bounded(generation: Generation, parsed: wq.Query) -> tuple[wq.Query, str]:
    """`parsed` with its patterns replaced by the words they match (expansion.bound_expansions), kept
    for the searcher's generation: looking a prefix or a fuzzy word up in every segment's word list was
    most of a repeated search (the counts after the first page) for `bank*` or `presidnet~`."""
    key = repr(parsed)
    found = generation.bounded.pop(key, None)
    if found is None:
        found = bound_expansions(parsed, generation.searcher.reader())
    generation.bounded[key] = found
    while len(generation.bounded) > BOUNDED_KEPT:
        del generation.bounded[next(iter(generation.bounded))]
    return found


def _never() -> bool:
    return False


def _matching_documents(generation: Generation, parsed: wq.Query, allowed: set[int] | None,
                        term_docs: TermDocs | None = None) -> set[int]:
    """Every matching document number within `allowed` (one unscored pass)."""
    docs = matching_documents(generation.searcher, parsed, generation.live(), term_docs)
    return docs if allowed is None else docs & allowed


def _names(stored: Mapping[str, Any], book: NameBook) -> Entities:
    """A stored document's people, organisations and speakers under the names they count as."""
    raw = Entities(
        speakers=speakers_from_stored(stored),
        people=split_names(stored.get("people")),
        orgs=split_names(stored.get("orgs")),
    )
    return book.article(raw, stored.get("path", ""))


def _hit(hit: Any, book: NameBook, searcher: Any) -> Hit:
    """A scored (or date-sorted) whoosh hit, its headline and body marked where the query matched."""
    stored = hit.fields()
    headline = stored.get("headline", "")
    body = stored.get("body", "")
    headline_html = marked_headline(hit, headline)
    snippet_html = marked_snippet(hit, body)
    score = float(hit.score) if isinstance(hit.score, (int, float)) else 0.0  # a sort key when sorted by date
    return _make_hit(stored, book, searcher, score, headline_html, snippet_html)


def _plain_hit(stored: Mapping[str, Any], book: NameBook, searcher: Any) -> Hit:
    """A hit of a search that matches everything: nothing to mark, no score."""
    return _make_hit(stored, book, searcher, 0.0, "", "")


def _make_hit(stored: Mapping[str, Any], book: NameBook, searcher: Any, score: float, headline_html: str,
              snippet_html: str) -> Hit:
    headline = stored.get("headline", "")
    body = stored.get("body", "")
    headline_html = headline_html or html.escape(headline, quote=False)
    if not snippet_html:
        lead = " ".join(body[: SNIPPET_CHARS + 40].split())
        snippet_html = html.escape(
            lead[:SNIPPET_CHARS].rsplit(" ", 1)[0] + ("…" if len(body) > SNIPPET_CHARS else "")
        )
    names = _names(stored, book)
    return Hit(
        path=stored["path"],
        headline=headline,
        outlet=stored.get("outlet", ""),
        published=stored.get("published"),
        byline=stored.get("byline", ""),
        url=stored.get("url", ""),
        format=stored.get("format", ""),
        folder=stored.get("folder", ""),
        speakers=names.speakers,
        people=names.people,
        orgs=names.orgs,
        score=score,
        headline_html=headline_html,
        snippet_html=snippet_html,
        story=stored.get("story", ""),
        copies=_copies(searcher, stored.get("story", "")),
    )


def _copies(searcher: Any, story: str) -> int:
    """How many other live articles share `story`."""
    if not story or searcher.doc_frequency("story", story) < 2:  # deleted ones counted too: none or only itself
        return 0
    return max(0, sum(1 for _ in searcher.docs_for_query(wq.Term("story", story))) - 1)


def iter_matches(
    index: ArticleIndex,
    query: str,
    *,
    filters: Mapping[str, Collection[str]] | None = None,
    sort: str = "relevance",
) -> Iterator[tuple[dict[str, Any], Entities]]:
    """The stored fields of every matching article and its names as they count, in result order (for
    export: no cap, no paging)."""
    parsed = parse_query(query)
    # A searcher of its own: an export outlives commits that replace the shared one. Only a name filter
    # needs its facet values at all.
    with index.whoosh.searcher() as searcher:
        generation = Generation(searcher)
        book = generation.book(index.location)
        parsed = expand_names(parsed, lambda: generation.expansions(index.location), book)
        parsed = bound_expansions(parsed, searcher.reader())[0]
        needs_counts = any(values and field in NAME_FIELDS for field, values in (filters or {}).items())
        allowed = allowed_documents(searcher, filters, generation.counted(index.location) if needs_counts else None,
                                    generation.live())
        results = searcher.search(parsed, limit=None, filter=allowed, **_sort_args(sort))
        for hit in results:
            stored = hit.fields()
            yield stored, _names(stored, book)
