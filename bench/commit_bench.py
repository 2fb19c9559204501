"""A run's last commit: the merge policy as it is against the first tier merged at four segments there too.

    python bench/commit_bench.py CORPUS_DIR [--commit-seconds S] [--repeat R]

Indexes CORPUS_DIR with the whole pipeline (parsing and writer processes, ArticleIndex.add) into a new
index, committing every S seconds at first (the default cadence's 5 s makes three commits of the BBC
folder on a slow spell of this machine, two on a fast one; 3 makes three on both), each way in turn, R
times (the order reversed every other round). "as it is": core/mergepolicy.py, whose first tier waits
for LAST_COMMIT_FIRST_TIER segments at a run's last commit; "four at every commit": the policy before,
the first tier merged once it holds FACTOR segments at every commit. Prints each way's median seconds,
and for each run its commits, segments at the end, articles merged and the time of its last commit
(the writers finishing their segments, and the merges the policy asks for there), and the ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(corpus: Path, folder: Path, commit_seconds: float, every_commit: bool) -> tuple[float, int, int, int, float]:
    """(seconds, commits, segments, articles merged, seconds of the last commit) of one indexing run."""
    from searchapp.core import mergepolicy, update
    from searchapp.core.index import ArticleIndex

    merged: list[int] = []
    plan = mergepolicy.plan

    def counted(segments, *, last=False):
        kept, groups = plan(segments, last=last and not every_commit)
        merged.extend(segment.doc_count() for group in groups for segment in group)
        return kept, groups

    commit = update.UpdateRun._commit
    last_commit: list[float] = []

    def timed(self, *, reopen):
        start = time.perf_counter()
        try:
            return commit(self, reopen=reopen)
        finally:
            if not reopen:
                last_commit.append(time.perf_counter() - start)

    update.UpdateRun._commit = timed
    mergepolicy.plan = counted
    for module in ("searchapp.core.segments", "searchapp.core.update"):
        sys.modules[module].plan = counted
    commits: list[int] = []
    try:
        start = time.perf_counter()
        with ArticleIndex(folder, commit_seconds=commit_seconds) as index:
            index.add([corpus], on_commit=lambda _report: commits.append(1))
        seconds = time.perf_counter() - start
    finally:
        update.UpdateRun._commit = commit
        mergepolicy.plan = plan
        for module in ("searchapp.core.segments", "searchapp.core.update"):
            sys.modules[module].plan = plan
    return seconds, len(commits), len(list(folder.glob("*.seg"))), sum(merged), sum(last_commit)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--commit-seconds", type=float, default=3.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import searchapp.core.segments  # noqa: F401 - patched in turn by run()
    import searchapp.core.update  # noqa: F401

    ways = {"as it is": False, "four at every commit": True}
    found: dict[str, list[tuple[float, int, int, int, float]]] = {name: [] for name in ways}
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(args.repeat):
            for name in ways if round_number % 2 == 0 else list(ways)[::-1]:
                folder = Path(tmp) / f"index{time.monotonic_ns()}"
                found[name].append(run(args.corpus.resolve(), folder, args.commit_seconds, ways[name]))
    for name, runs in found.items():
        median = statistics.median(seconds for seconds, *_ in runs)
        print(f"{name:22s} median {median:6.2f} s  (runs: "
              + ", ".join(f"{s:.2f} s, {c} commits, {g} segments, {m:,} merged, last commit {t:.2f} s"
                          for s, c, g, m, t in runs) + ")")
    ratio = statistics.median(r[0] for r in found["as it is"]) / statistics.median(r[0] for r in found["four at every commit"])
    print(f"as it is / four at every commit: {ratio:.2f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
