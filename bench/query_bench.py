"""Query latency with facets and highlights: p50 and p95 over a fixed query set.

    python bench/query_bench.py CORPUS_DIR [--rounds N]

Builds a temporary index of CORPUS_DIR (or uses --index DIR), warms up once, then runs every
query of QUERIES --rounds times through `search()` with facets and highlighted snippets (a page
of 20), and prints p50/p95 in milliseconds, with raw Whoosh (same queries, no facets, no
highlights) measured in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

from searchapp.core.index import ArticleIndex
from searchapp.core.query import parse_query
from searchapp.core.search import search

QUERIES = [
    "blair", "galloway", "oil prices", '"prime minister"', "election campaign", "mobile phone*",
    "speaker:blair", "chelsea~", "date:2005 economy", "film OR music", "microsoft", "tax AND budget",
    "headline:champion", "broadband", "world cup", "interest rates",
]
FILTERED = [("", {"format": ["txt"]}), ("government", {"year": ["2005"]})]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--index", type=Path, help="use this existing index instead of building one")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = ArticleIndex(args.index or Path(tmp) / "index")
        if args.corpus:
            index.add([args.corpus])
        for text in QUERIES:
            search(index, text)  # warm-up: caches, first searcher
        ours: list[float] = []
        raw: list[float] = []
        searcher = index.whoosh.searcher()
        for _ in range(args.rounds):
            for text in QUERIES:
                start = time.perf_counter()
                search(index, text, page_size=20)
                ours.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                results = searcher.search(parse_query(text), limit=20)
                [hit["headline"] for hit in results]
                raw.append((time.perf_counter() - start) * 1000)
            for text, filters in FILTERED:
                start = time.perf_counter()
                search(index, text, filters=filters, page_size=20)
                ours.append((time.perf_counter() - start) * 1000)
        searcher.close()
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
