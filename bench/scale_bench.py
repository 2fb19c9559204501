"""Index and query curves at several collection sizes: articles per second, peak memory, index size,
cold and warm query p50/p95, first facet counts.

    python bench/scale_bench.py [--sizes 20000,50000,100000] [--work DIR] [--rounds 3] [--json FILE]
                                [--plot FILE.svg] [--searches-only EARLIER.json] [--base TREE]

For each size, in one run: the collection is made by bench/make_corpus.py (JSON Lines, kept in --work,
never in the repository) and indexed by `searchapp index` in a process of its own (wall time, and the
peak memory of its largest process, the writer's or a worker's); then it is searched. Cold: each query
of QUERIES, then the empty query, `*` and a word in most articles, in a fresh `searchapp search --json
--facets` process, as a script calls it (its took_ms, and the process's own wall time). Warm: the same
queries in one process, as the window's reader answers them (after one round to warm it up): a page of
20 with facets and highlights, and the first page alone (the window asks for the counts after it); and
the first page of each query as if its words were new to the process (nothing kept of them: postings,
pattern expansions, rankings), the "new words" column.
The baseline is measured in the same run: articles per second at each size against the smallest size.
The milliseconds are absolute, and this machine's speed moves by a third from hour to hour: each size's
figures come with a machine reference (a fixed pure-Python loop, timed in fresh processes before and after
its searches), so that runs of different hours can be read side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

# A fixed query set for the made collections (Reuters 1987, news-please 2017-18 and BBC 2004-05 paragraphs):
# words, phrases, prefixes, fuzzy, fields, dates, boolean, and a filter.
QUERIES = [
    "oil prices", "blair", '"prime minister"', "election campaign", "bank*", "dollar AND yen", "trade OR tariff",
    "speaker:baker", "person:thatcher", "org:opec", "headline:profit", "date:1987-03 coffee", "interest rates",
    "football", "microsoft", "presidnet~", "merger NOT bank",
]
BROAD = ["", "*", "said"]  # the empty query, everything, a word in most articles
TARGETS = {"cold_p95": 300, "broad": 500, "warm_p95": 100, "first_page": 150}  # milliseconds (issue 10)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measured(command: list[str], tree: Path | None = None) -> dict[str, float]:
    """Run `command` in a child of a fresh process: wall seconds, and the peak memory of the largest
    process it started (getrusage of the waited-for children: each process's own peak, not a sum).
    With `tree`, that SearchApp checkout's code first on the path (its processes' too)."""
    probe = [sys.executable, __file__, "--measure", "--", *command]
    env = None if tree is None else {**os.environ, "PYTHONPATH": str(tree)}
    # run in the checkout whose code is measured: `python -m` puts the working folder first on the path,
    # before PYTHONPATH, so from another checkout's folder that checkout's code would run instead
    done = subprocess.run(probe, check=True, capture_output=True, text=True, env=env, cwd=tree or REPO)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(command: list[str]) -> int:
    start = time.perf_counter()
    code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False).returncode
    wall = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    print(json.dumps({"wall": wall, "peak_mb": peak_kb / 1024, "code": code}))
    return 0


def make_collection(size: int, work: Path) -> Path:
    from make_corpus import main as make_corpus

    folder = work / f"corpus_{size}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        make_corpus([str(size), str(folder), "--format", "jsonl"])
        (folder / ".complete").write_text("", encoding="utf-8")
    return folder


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "searchapp", *args]


def cold_search(index: Path, query: str) -> tuple[float, float]:
    """(took_ms, the process's wall ms) of one `searchapp search --json --facets` in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run(cli("search", query, "--index", str(index), "--json", "--facets", "--limit", "20"),
                          check=True, capture_output=True, text=True, cwd=REPO)
    wall = (time.perf_counter() - start) * 1000
    return float(json.loads(done.stdout)["took_ms"]), wall


def warm_searches(index: Path, rounds: int) -> dict[str, float]:
    """In one process, as the window's reader: p50/p95 with facets, and the slowest first page alone."""
    from searchapp.core import hotpostings
    from searchapp.core.facets import FIRST_VALUES
    from searchapp.core.generation import SEARCHERS
    from searchapp.core.index import ArticleIndex
    from searchapp.core.search import search

    with ArticleIndex(index, read_only=True) as opened:
        for query in QUERIES + BROAD:  # warm-up: the searcher, the name book, each document's values
            search(opened, query, page_size=20, facet_limit=FIRST_VALUES)
        full: list[float] = []
        first: list[float] = []
        fresh: list[float] = []
        slowest = (0.0, "")
        for _ in range(rounds):
            for query in QUERIES + BROAD:
                start = time.perf_counter()
                search(opened, query, page_size=20, with_facets=False)
                first.append((time.perf_counter() - start) * 1000)
                slowest = max(slowest, (first[-1], query))
                start = time.perf_counter()
                search(opened, query, page_size=20, facet_limit=FIRST_VALUES)  # the window's counts
                full.append((time.perf_counter() - start) * 1000)
        fresh_slowest = (0.0, "")
        for _ in range(rounds):
            for query in QUERIES + BROAD:  # a first page of words this process has not searched before
                hotpostings.forget()
                SEARCHERS.current(opened).bounded.clear()
                SEARCHERS.current(opened).rankings.clear()
                start = time.perf_counter()
                search(opened, query, page_size=20, with_facets=False)
                fresh.append((time.perf_counter() - start) * 1000)
                fresh_slowest = max(fresh_slowest, (fresh[-1], query))
    return {"warm_p50": statistics.median(full), "warm_p95": percentile(full, 0.95),
            "first_page_p50": statistics.median(first), "first_page_max": max(first), "first_page_slowest": slowest[1],
            "fresh_first_page_p50": statistics.median(fresh), "fresh_first_page_max": max(fresh),
            "fresh_first_page_slowest": fresh_slowest[1]}


REFERENCE = "sum(i * i for i in range(3_000_000))"  # a fixed pure-Python loop: how fast the machine runs now


def reference_ms() -> float:
    """The machine's speed at the moment: the quickest of three fresh processes running REFERENCE (ms).
    The targets are absolute milliseconds and this machine's speed moves by a third from hour to hour:
    runs are compared with this figure beside them."""
    code = f"import time; t = time.perf_counter(); {REFERENCE}; print((time.perf_counter() - t) * 1000)"
    return min(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                    text=True).stdout) for _ in range(3))


def folder_size(folder: Path) -> int:
    return sum(entry.stat().st_size for entry in folder.iterdir() if entry.is_file())


def run_size(size: int, work: Path, rounds: int, indexed: dict[str, float] | None = None,
             base: Path | None = None) -> dict[str, float]:
    """The figures of one size: indexing (or `indexed`, the figures of an earlier run that built the index
    kept in `work`), then searches. With `base`, the collection is indexed by that checkout's code first,
    into a folder of its own, for the ratio of the two times."""
    corpus = make_collection(size, work)
    index = work / f"index_{size}"
    based: dict[str, float] = {}
    if base is not None:
        shutil.rmtree(work / f"index_{size}_base", ignore_errors=True)
        run = measured(cli("index", str(corpus), "--index", str(work / f"index_{size}_base"), "--quiet"), base)
        based = {"base_index_seconds": run["wall"], "base_peak_mb": run["peak_mb"]}
        shutil.rmtree(work / f"index_{size}_base", ignore_errors=True)
    if indexed is not None and index.is_dir():
        figures = {key: indexed[key] for key in ("size", "index_seconds", "articles_per_second", "peak_mb", "index_mb")}
        figures["segments"] = len(list(index.glob("*.seg")))
    else:
        shutil.rmtree(index, ignore_errors=True)
        run = measured(cli("index", str(corpus), "--index", str(index), "--quiet"))
        figures = {"size": size, "index_seconds": run["wall"], "articles_per_second": size / run["wall"],
                   "peak_mb": run["peak_mb"], "index_mb": folder_size(index) / 1e6,
                   "segments": len(list(index.glob("*.seg")))}  # each word is looked up in each
    shutil.rmtree(work / "cache", ignore_errors=True)  # the first search of all makes the kept names and counts
    for query in BROAD:  # the first search of all: the names made and kept for later processes
        took, wall = cold_search(index, query)
        figures[f"cold_{query or 'empty'}_ms"] = took
    took_all, walls = [], []
    for _ in range(rounds):
        for query in QUERIES:
            took, wall = cold_search(index, query)
            took_all.append(took)
            walls.append(wall)
    figures.update(cold_p50=statistics.median(took_all), cold_p95=percentile(took_all, 0.95),
                   cold_process_p50=statistics.median(walls))
    for query in BROAD:
        figures[f"broad_{query or 'empty'}_ms"] = max(cold_search(index, query)[0] for _ in range(rounds))
    figures.update(warm_searches(index, rounds))
    return figures | based


def svg_plot(results: list[dict[str, float]], path: Path) -> None:
    """Two panels, drawn by hand (no plotting library): indexing speed and memory; search latency."""
    width, height, pad = 860, 330, 56
    panel = (width - 3 * pad) / 2
    sizes = [r["size"] for r in results]
    top = max(sizes)

    def x(size: float, left: float) -> float:
        return left + panel * size / top

    def series(left: float, values: list[float], ceiling: float, colour: str, label: str, row: int) -> str:
        points = " ".join(f"{x(s, left):.1f},{height - pad - (height - 2 * pad) * v / ceiling:.1f}"
                          for s, v in zip(sizes, values, strict=True))
        dots = "".join(f'<circle cx="{x(s, left):.1f}" cy="{height - pad - (height - 2 * pad) * v / ceiling:.1f}" '
                       f'r="3" fill="{colour}"/>' for s, v in zip(sizes, values, strict=True))
        return (f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>{dots}'
                f'<text x="{left + 8}" y="{pad + 14 * row}" font-size="11" fill="{colour}">{label}</text>')

    def axes(left: float, ceiling: float, unit: str, title: str) -> str:
        parts = [f'<text x="{left}" y="{pad - 22}" font-size="13" font-weight="bold">{title}</text>',
                 f'<line x1="{left}" y1="{height - pad}" x2="{left + panel}" y2="{height - pad}" stroke="#444"/>',
                 f'<line x1="{left}" y1="{pad}" x2="{left}" y2="{height - pad}" stroke="#444"/>']
        for k in range(5):
            value = ceiling * k / 4
            y = height - pad - (height - 2 * pad) * k / 4
            parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end">{value:,.0f}</text>')
            parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + panel}" y2="{y:.1f}" stroke="#ddd"/>')
        for s in sizes:
            parts.append(f'<text x="{x(s, left):.1f}" y="{height - pad + 16}" font-size="10" '
                         f'text-anchor="middle">{s // 1000}k</text>')
        parts.append(f'<text x="{left + panel / 2}" y="{height - pad + 34}" font-size="11" '
                     f'text-anchor="middle">articles in the collection ({unit})</text>')
        return "".join(parts)

    speed = [r["articles_per_second"] for r in results]
    memory = [r["peak_mb"] for r in results]
    left_ceiling = max([*speed, *memory]) * 1.15
    cold = [r["cold_p95"] for r in results]
    warm = [r["warm_p95"] for r in results]
    broad = [max(r["broad_empty_ms"], r["broad_*_ms"], r["broad_said_ms"]) for r in results]
    right_ceiling = max([*cold, *warm, *broad, TARGETS["broad"]]) * 1.15
    right = 2 * pad + panel
    target_y = height - pad - (height - 2 * pad) * TARGETS["cold_p95"] / right_ceiling
    body = [
        axes(pad, left_ceiling, "articles/s; MB", "Indexing"),
        series(pad, speed, left_ceiling, "#1f77b4", "articles per second", 1),
        series(pad, memory, left_ceiling, "#ff7f0e", "peak memory of the largest process, MB", 2),
        axes(right, right_ceiling, "ms", "Search (took_ms)"),
        f'<line x1="{right}" y1="{target_y:.1f}" x2="{right + panel}" y2="{target_y:.1f}" stroke="#c00" '
        f'stroke-dasharray="4 3"/><text x="{right + panel}" y="{target_y - 4:.1f}" font-size="10" fill="#c00" '
        f'text-anchor="end">target: cold p95 300 ms</text>',
        series(right, cold, right_ceiling, "#2ca02c", "cold p95 (fresh process, facets + highlights)", 1),
        series(right, broad, right_ceiling, "#9467bd", "slowest of empty query, *, 'said' (cold)", 2),
        series(right, warm, right_ceiling, "#8c564b", "warm p95 (the window's reader)", 3),
    ]
    path.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                    f'font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>{"".join(body)}</svg>\n',
                    encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["--measure", "--"]:
        return _measure(argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="20000,50000,100000", help="collection sizes, comma-separated")
    parser.add_argument("--work", type=Path, default=Path("/tmp/searchapp-scale"),
                        help="where the collections and indexes go (outside the repository)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each query set")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--plot", type=Path, help="draw the curves into this SVG file")
    parser.add_argument("--searches-only", type=Path, metavar="EARLIER.json",
                        help="search the indexes an earlier run left in --work, taking its indexing figures from "
                             "the JSON that run wrote (after a change that only touches searching)")
    parser.add_argument("--base", type=Path, metavar="TREE",
                        help="another SearchApp checkout (git worktree add TREE REV): each collection is indexed "
                             "by its code too, just before, and the ratio of the times printed")
    args = parser.parse_args(argv)
    earlier = {}
    if args.searches_only:
        earlier = {int(r["size"]): r for r in json.loads(args.searches_only.read_text(encoding="utf-8"))}
    args.work = args.work.resolve()  # the commands run in the measured checkout's folder
    args.work.mkdir(parents=True, exist_ok=True)
    os.environ["SEARCHAPP_CACHE_DIR"] = str(args.work / "cache")  # not the user's own cache, and made anew per size
    results = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        before = reference_ms()
        figures = run_size(size, args.work, args.rounds, earlier.get(size) if args.searches_only else None,
                           args.base.resolve() if args.base else None)
        figures["reference_ms"] = min(before, reference_ms())
        results.append(figures)
        print(json.dumps(figures), flush=True)
    base = results[0]
    print(f"\n{'articles':>9} {'art/s':>7} {'vs ' + format(base['size'] // 1000) + 'k':>7} {'peak MB':>8} "
          f"{'index MB':>9} {'segments':>9} {'cold p50':>9} {'cold p95':>9} {'empty':>7} {'*':>7} {'said':>7} {'warm p95':>9} "
          f"{'1st page':>9} {'new words':>9}")
    for r in results:
        print(f"{r['size']:>9,} {r['articles_per_second']:>7.1f} {r['articles_per_second'] / base['articles_per_second']:>6.2f}x "
              f"{r['peak_mb']:>8.0f} {r['index_mb']:>9.0f} {r.get('segments', 0):>9} {r['cold_p50']:>9.0f} {r['cold_p95']:>9.0f} "
              f"{r['broad_empty_ms']:>7.0f} {r['broad_*_ms']:>7.0f} {r['broad_said_ms']:>7.0f} {r['warm_p95']:>9.0f} "
              f"{r['first_page_max']:>9.0f} {r['fresh_first_page_max']:>9.0f}")
    print(f"(ms; targets: cold p95 <= {TARGETS['cold_p95']}, empty/*/said <= {TARGETS['broad']}, "
          f"warm p95 <= {TARGETS['warm_p95']}, first page <= {TARGETS['first_page']}; art/s at each size >= 0.8x "
          "the smallest's)")
    print("machine reference (`" + REFERENCE + "`, quickest of three fresh processes before and after each size): "
          + ", ".join(f"{r['reference_ms']:.0f} ms" for r in results))
    if args.base:
        print(f"indexing against {args.base} (indexed by its code just before): " + ", ".join(
            f"{r['size']:,}: {r['index_seconds']:.1f} s against {r['base_index_seconds']:.1f} s "
            f"({r['index_seconds'] / r['base_index_seconds']:.2f}x; peak {r['peak_mb']:.0f} against "
            f"{r['base_peak_mb']:.0f} MB)" for r in results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.plot:
        svg_plot(results, args.plot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
