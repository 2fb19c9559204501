"""Query latency with facets and highlights: p50 and p95 over a fixed query set.

    python bench/query_bench.py CORPUS_DIR [--rounds N] [--hostile]

Builds a temporary index of CORPUS_DIR (or uses --index DIR), warms up once, then runs every
query of QUERIES --rounds times through `search()` with facets (the 500 values per facet the window asks
for) and highlighted snippets (a page
of 20), and prints p50/p95 in milliseconds, with raw Whoosh (same queries, no facets, no
highlights) measured in the same run as the baseline. --hostile also times queries that once ran
away (wildcards alone, leading wildcards, wide fuzzy terms, malformed ones): the bar is a second or
two each, at any size.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

from searchapp.core.errors import SearchAppError
from searchapp.core.facets import FIRST_VALUES
from searchapp.core.index import ArticleIndex
from searchapp.core.query import parse_query
from searchapp.core.search import search

QUERIES = [
    "blair", "galloway", "oil prices", '"prime minister"', "election campaign", "mobile phone*",
    "speaker:blair", "chelsea~", "date:2005 economy", "film OR music", "microsoft", "tax AND budget",
    "headline:champion", "broadband", "world cup", "interest rates",
]
FILTERED = [("", {"format": ["txt"]}), ("government", {"year": ["2005"]})]
HOSTILE = [
    "*", "?", "??", "*?*", "*?*?*", "*a*", "*e", "a*", "s*", "th*", "e~2", "hous~2", "title:*", "body:[a TO z]",
    "UN", "US economy", "AND OR NOT", "title:(", '"unclosed phrase', "(oil OR gas", "x*y*z*",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def hostile(index: ArticleIndex) -> None:
    """One search each (facets and highlights, a page of 20) for the queries that once ran away."""
    slowest = 0.0
    for text in HOSTILE:
        start = time.perf_counter()
        try:
            result = search(index, text, page_size=20, facet_limit=FIRST_VALUES)
            said = f"{result.total:>7,}  {result.notice[:90]}"
        except SearchAppError as error:
            said = f"{'-':>7}  {str(error)[:90]}"
        took = time.perf_counter() - start
        slowest = max(slowest, took)
        print(f"  {took * 1000:7.0f} ms  {text!r:<20} {said}")
    print(f"slowest hostile query: {slowest:.2f} s (bar: a second or two)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--index", type=Path, help="use this existing index instead of building one")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hostile", action="store_true", help="also time queries that once ran away")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = ArticleIndex(args.index or Path(tmp) / "index")
        if args.corpus:
            index.add([args.corpus])
        for text in QUERIES:
            search(index, text, facet_limit=FIRST_VALUES)  # warm-up: caches, first searcher
        ours: list[float] = []
        raw: list[float] = []
        searcher = index.whoosh.searcher()
        for _ in range(args.rounds):
            for text in QUERIES:
                start = time.perf_counter()
                search(index, text, page_size=20, facet_limit=FIRST_VALUES)  # as the window asks
                ours.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                results = searcher.search(parse_query(text), limit=20)
                [hit["headline"] for hit in results]
                raw.append((time.perf_counter() - start) * 1000)
            for text, filters in FILTERED:
                start = time.perf_counter()
                search(index, text, filters=filters, page_size=20, facet_limit=FIRST_VALUES)
                ours.append((time.perf_counter() - start) * 1000)
        searcher.close()
        if args.hostile:
            hostile(index)
        articles = index.stats().articles
        index.close()
    print(f"{articles} articles, {len(ours)} searches with facets and highlights")
    print(f"search with facets + highlights: p50 {statistics.median(ours):6.1f} ms   p95 {percentile(ours, 0.95):6.1f} ms")
    print(f"raw whoosh, no facets/highlights: p50 {statistics.median(raw):6.1f} ms   p95 {percentile(raw, 0.95):6.1f} ms")
    print(f"ratio p50: {statistics.median(ours) / statistics.median(raw):.2f}x raw whoosh")
    return 0


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
