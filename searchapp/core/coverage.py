"""Coverage of people and organisations over time: how many articles quote and mention each, per bucket.

Every count comes from the same per-document values search uses (the facet values through the name
book, and the `published` column), so a bucket's count is exactly what a search for that bucket and
name finds: `searchapp search "date:1987-03" --filter person=NAME` (mentioned) and `--filter
speaker=NAME` (quoted). A quoted article also counts as mentioning.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import IO

from searchapp.core.errors import QueryError
from searchapp.core.expansion import bound_expansions
from searchapp.core.filters import allowed_documents, one_per_story
from searchapp.core.gcpause import with_collector_paused
from searchapp.core.generation import SEARCHERS, Generation, expand_names
from searchapp.core.index import ArticleIndex
from searchapp.core.matching import matching_documents
from searchapp.core.names import known_name
from searchapp.core.query import parse_query

BUCKETS = ("day", "week", "month", "year")
MAX_SERIES = 5  # names on one chart (the window's limit; the command line takes more)


@dataclass(frozen=True, slots=True)
class Series:
    """One name's counts per bucket (aligned with Coverage.buckets)."""

    name: str
    type: str  # "person" or "org"; "query" for a series of the query and filters alone
    quoted: tuple[int, ...]
    mentioned: tuple[int, ...]
    undated_quoted: int = 0
    undated_mentioned: int = 0
    outlets: dict[str, int] = field(default_factory=dict)  # outlet -> articles mentioning
    quoted_outlets: dict[str, int] = field(default_factory=dict)  # outlet -> articles quoting


@dataclass(frozen=True, slots=True)
class Coverage:
    by: str
    buckets: tuple[str, ...]
    articles: tuple[int, ...]  # every article within the query and filters, per bucket
    undated_articles: int
    series: tuple[Series, ...]


def bucket_of(day: date, by: str) -> str:
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _weekday = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _start_of(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    return day


def _next(day: date, by: str) -> date:
    if by == "day":
        return day + timedelta(days=1)
    if by == "week":
        return day + timedelta(days=7)
    if by == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def bucket_range(first: date, last: date, by: str) -> list[str]:
    """Every bucket from the one holding `first` to the one holding `last`, none left out."""
    labels = []
    day = _start_of(first, by)
    while day <= last:
        labels.append(bucket_of(day, by))
        day = _next(day, by)
    return labels


def choose_bucket(first: date, last: date) -> str:
    """The bucket a span reads best in: days up to two months, weeks up to a year, months up to eight
    years, years beyond."""
    span = (last - first).days
    if span <= 62:
        return "day"
    if span <= 366:
        return "week"
    if span <= 8 * 366:
        return "month"
    return "year"


def _series(
    name: str,
    kind: str,
    quoted: set[int],
    mentioned: set[int],
    days: Sequence[int],
    outlet_of: Sequence[str],
    index_of: Mapping[str, int],
    by: str,
    width: int,
) -> Series:
    """One series: `quoted` and `mentioned` per bucket, and per outlet ("" in `outlet_of`: none)."""
    def per_bucket(docs: Iterable[int]) -> tuple[list[int], int]:
        counts = [0] * width
        per_day = Counter(map(days.__getitem__, docs))  # few distinct days: each put in its bucket once
        undated = per_day.pop(0, 0)
        for ordinal, count in per_day.items():
            counts[index_of[bucket_of(date.fromordinal(ordinal), by)]] += count
        return counts, undated

    def per_outlet(docs: Iterable[int]) -> dict[str, int]:
        counts = Counter(map(outlet_of.__getitem__, docs))  # counted in C
        counts.pop("", None)
        return dict(counts.most_common())

    mentioned_counts, undated_mentioned = per_bucket(mentioned)
    outlets = per_outlet(mentioned)
    if quoted is mentioned:  # a search's series: the same documents, counted once
        quoted_counts, undated_quoted, quoted_outlets = mentioned_counts, undated_mentioned, outlets
    else:
        quoted_counts, undated_quoted = per_bucket(quoted)
        quoted_outlets = per_outlet(quoted)
    return Series(
        name=name,
        type=kind,
        quoted=tuple(quoted_counts),
        mentioned=tuple(mentioned_counts),
        undated_quoted=undated_quoted,
        undated_mentioned=undated_mentioned,
        outlets=outlets,
        quoted_outlets=quoted_outlets,
    )


def name_documents(generation: Generation, location: str, name: str) -> tuple[set[int], set[int]]:
    """The documents quoting `name`, and those mentioning it (quoting included)."""
    counted = generation.counted(location)
    quoted = set(counted.docs_with("speakers", name))
    mentioned = set(counted.docs_with("people", name)) | set(counted.docs_with("orgs", name)) | quoted
    return quoted, mentioned


@with_collector_paused
def coverage(
    index: ArticleIndex,
    names: Sequence[str],
    *,
    query: str = "",
    filters: Mapping[str, Collection[str]] | None = None,
    by: str | None = None,
    dedupe: bool = False,
    with_query_series: bool = False,
    searches: Sequence[tuple[str, str, Mapping[str, Collection[str]] | None]] = (),
) -> Coverage:
    """Articles quoting and mentioning each of `names` per bucket, within `query` and `filters`.

    `by` is one of BUCKETS, or None to choose from the span of the dated articles. An unknown name
    raises UnknownName with close matches. With `dedupe`, each story counts once, in the bucket of its
    earliest article. With `with_query_series`, a first series counts the articles within the query and
    filters themselves; each of `searches` (label, query, filters) adds a series of the articles that
    search finds within the same scope (a "current search" beside names on one chart)."""
    if by is not None and by not in BUCKETS:
        raise QueryError(f"--by must be one of {', '.join(BUCKETS)}")
    parsed = parse_query(query)
    with SEARCHERS.lock:
        generation = SEARCHERS.current(index)
        book = generation.book(index.location)
        wanted = [known_name(book, name) for name in names]
        searcher = generation.searcher
        counted = generation.counted(index.location)
        parsed = expand_names(parsed, lambda: generation.expansions(index.location), book)
        parsed = bound_expansions(parsed, searcher.reader())[0]
        live = generation.live()
        allowed = allowed_documents(searcher, filters, counted, live)
        matching = matching_documents(searcher, parsed, live)
        if allowed is not None:
            matching &= allowed
        days = generation.days()
        stories = counted.values["story"]

        def once(docs: set[int]) -> set[int]:
            return one_per_story(docs, stories, days) if dedupe else docs

        all_matching = matching
        matching = once(matching)
        dated = [days[d] for d in matching if days[d]]
        if by is None:
            by = choose_bucket(date.fromordinal(min(dated)), date.fromordinal(max(dated))) if dated else "month"
        labels = (
            bucket_range(date.fromordinal(min(dated)), date.fromordinal(max(dated)), by) if dated else []
        )
        index_of = {label: position for position, label in enumerate(labels)}
        width = len(labels)
        outlets = counted.raw_column("outlet")
        totals = _series("", "query", matching, matching, days, outlets, index_of, by, width)
        series = []
        if with_query_series:
            series.append(_series(query or "All articles", "query", matching, matching, days, outlets, index_of,
                                  by, width))
        for label, other_query, other_filters in searches:
            other = expand_names(parse_query(other_query), lambda: generation.expansions(index.location), book)
            found = matching_documents(searcher, other, live)
            other_allowed = allowed_documents(searcher, other_filters, counted, live)
            if other_allowed is not None:
                found &= other_allowed
            found = once(found & all_matching)
            series.append(_series(label, "query", found, found, days, outlets, index_of, by, width))
        for name in dict.fromkeys(wanted):
            info = book.info(name)
            quoted, mentioned = name_documents(generation, index.location, name)
            series.append(_series(name, info.type if info else "person", once(quoted & all_matching),
                                  once(mentioned & all_matching), days, outlets, index_of, by, width))
    return Coverage(
        by=by,
        buckets=tuple(labels),
        articles=totals.mentioned,
        undated_articles=totals.undated_mentioned,
        series=tuple(series),
    )


def write_csv(result: Coverage, out: IO[str]) -> None:
    """bucket, articles, then NAME quoted and NAME mentioned for each series; the last row is 'undated'."""
    writer = csv.writer(out)
    writer.writerow(["bucket", "articles", *[f"{s.name} {what}" for s in result.series for what in ("quoted", "mentioned")]])
    for position, bucket in enumerate(result.buckets):
        writer.writerow([bucket, result.articles[position],
                         *[v for s in result.series for v in (s.quoted[position], s.mentioned[position])]])
    writer.writerow(["undated", result.undated_articles,
                     *[v for s in result.series for v in (s.undated_quoted, s.undated_mentioned)]])
