"""Merging segments: SearchApp's copying merge (core/merging.py) against Whoosh's own (add_reader).

    python bench/merge_bench.py INDEX_DIR [--segments N] [--repeat R]

Copies the index to a temporary folder and merges its N largest segments (default: all) into one, each
way in turn, R times (the order reversed every other round); prints each way's median seconds, the
articles merged per second and the ratio. The index itself is left as it is.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from searchapp.core import whoosh_fixes  # noqa: F401 - the writer's fixes, as in every process that writes
from searchapp.core.mergepolicy import order
from searchapp.core.merging import merge_segments
from searchapp.core.storage import INDEX_NAME


def ours(ix: object, segments: list) -> float:
    start = time.perf_counter()
    merge_segments(ix, segments)
    return time.perf_counter() - start


def whooshs(ix: object, segments: list) -> float:
    start = time.perf_counter()
    writer = SegmentWriter(ix, _lk=False)
    for segment in segments:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    writer._finalize_segment()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--segments", type=int, default=0, help="merge the N largest segments (default: all)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    times: dict[str, list[float]] = {"copying merge (SearchApp)": [], "add_reader (Whoosh)": []}
    ways = {"copying merge (SearchApp)": ours, "add_reader (Whoosh)": whooshs}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "index"
        shutil.copytree(args.index, copy)
        ix = FileStorage(str(copy)).open_index(INDEX_NAME)
        largest = sorted(ix._segments(), key=lambda s: -s.doc_count())
        group = order(largest[: args.segments] if args.segments else largest)
        articles = sum(segment.doc_count() for segment in group)
        print(f"merging {len(group)} segments of {', '.join(str(s.doc_count()) for s in group)} articles "
              f"(largest first, as the policy orders them)")
        names = list(ways)
        for round_number in range(args.repeat):
            for name in names if round_number % 2 == 0 else names[::-1]:
                times[name].append(ways[name](ix, group))
    for name in names:
        median = statistics.median(times[name])
        print(f"{name:28s} median {median:6.2f} s  {articles / median:7.0f} articles/s  "
              f"(runs: {', '.join(f'{t:.2f}' for t in times[name])})")
    ratio = statistics.median(times[names[0]]) / statistics.median(times[names[1]])
    print(f"copying / add_reader: {ratio:.2f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
