"""Coverage and profile speed: against a plain search of the same name, in the same warm process.

Usage: .venv/bin/python bench/coverage_bench.py INDEX [--names N] [--rounds R]

Opens INDEX read-only in this process (as a reader process of the window does), warms it with one
search with facets, then, for the N most mentioned people and organisations, times R rounds of:
- a plain search for the name (`search(index, "", filters={people|orgs: [NAME]})`, first page and facets),
- `coverage(index, [NAME])` (the timeline, auto bucket),
- `profile(index, NAME)` (roles, quotes, names alongside),
and prints medians and p95 in milliseconds and the ratio coverage / search (the issue's bar: at most 3x;
the profile's: within 300 ms). Build a large index with bench/make_corpus.py and `searchapp index`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.coverage import coverage  # noqa: E402
from searchapp.core.index import ArticleIndex  # noqa: E402
from searchapp.core.names import list_names  # noqa: E402
from searchapp.core.profile import profile  # noqa: E402
from searchapp.core.search import search  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--names", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    index = ArticleIndex(args.index, read_only=True)
    start = time.perf_counter()
    search(index, "")
    print(f"{index.stats().articles:,} articles; first search with facets (warm-up) {time.perf_counter() - start:.2f} s")
    rows = list_names(index)
    chosen = [r for r in rows if r.type == "person"][: args.names // 2] + [r for r in rows if r.type == "org"][
        : args.names - args.names // 2]
    times: dict[str, list[float]] = {"search": [], "coverage": [], "profile": []}
    for _round in range(args.rounds):
        for row in chosen:
            field = "people" if row.type == "person" else "orgs"
            for what, call in (
                ("search", lambda r=row, f=field: search(index, "", filters={f: [r.name]})),
                ("coverage", lambda r=row: coverage(index, [r.name])),
                ("profile", lambda r=row: profile(index, r.name)),
            ):
                begin = time.perf_counter()
                call()
                times[what].append(1000 * (time.perf_counter() - begin))
    print(f"{len(chosen)} names x {args.rounds} rounds: " + ", ".join(f"{r.name} ({r.articles})" for r in chosen))
    for what, values in times.items():
        print(f"{what:9} median {statistics.median(values):7.1f} ms   p95 {p95(values):7.1f} ms")
    ratio = statistics.median(times["coverage"]) / statistics.median(times["search"])
    print(f"coverage / search (medians): {ratio:.2f}x   profile p95: {p95(times['profile']):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
