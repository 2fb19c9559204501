"""Indexing speed: the whole pipeline against raw Whoosh and SQLite FTS5 on the same documents.

    python bench/index_bench.py CORPUS_DIR [--workers N]

In one run, on one machine: (1) SearchApp's pipeline (walk, read, parse, extract, index in
batches) into a fresh index, as a user runs it: the command `searchapp index --quiet --index DIR
CORPUS_DIR`, start-up included as Recoll's is (with --workers N, the pipeline called in this process
with N parsing processes); (2) raw Whoosh indexing of the same documents, already parsed, with the same
schema, one writer and one commit; (3) SQLite FTS5 (stdlib) indexing them; (4) Recoll
(`recollindex`, Xapian, C++) indexing the folder from disk, when it is installed (Debian package
`recoll`; skipped otherwise). The runs are interleaved, so a slow spell of a shared machine hits them
all. Prints each median and the ratios against raw Whoosh and Recoll, and the ratio pipeline/Recoll of
each round (the figure that holds when the machine's speed drifts).
"""

from __future__ import annotations

import argparse
import compileall
import multiprocessing
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# SearchApp and whoosh are imported where they are used: the pipeline's child processes import this
# module again as their main one (the spawn start method), which must cost them no more than the
# command's own light __main__ does.


def compile_sources() -> None:
    """Write the package's bytecode first, as an installed app has it: otherwise, where Python writes
    none (PYTHONDONTWRITEBYTECODE), every process of every run would compile the sources again."""
    import searchapp

    compileall.compile_dir(str(Path(searchapp.__file__).parent), quiet=2)


def pipeline(corpus: Path, workdir: Path, workers: int | None) -> tuple[float, int]:
    """The command a user runs, timed whole (None: the default parsing processes), or, with `workers`,
    the same pipeline called in this process (`--compare-workers`). Returns its time and the articles."""
    location = workdir / f"pipeline{time.monotonic_ns()}"
    if workers is None:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "searchapp", "index", "--quiet", "--index", str(location),
                               str(corpus.resolve())], check=True, capture_output=True, text=True,
                              cwd=workdir)  # `-m` puts the working folder first: not a checkout's
        seconds = time.perf_counter() - start
        indexed = re.search(r"indexed ([\d,]+) articles", done.stdout)
        return seconds, int(indexed.group(1).replace(",", "")) if indexed else 0
    from searchapp.core.index import ArticleIndex

    start = time.perf_counter()
    with ArticleIndex(location, workers=workers) as index:
        report = index.add([corpus])
    return time.perf_counter() - start, report.indexed


def parsed_documents(corpus: Path) -> list[dict]:
    from searchapp.core.crawl import crawl
    from searchapp.core.documents import load_file

    documents = []
    for item in crawl([str(corpus)]).files:
        documents += load_file(item.path, item.root, "", 20 * 1024 * 1024).documents
    return documents


def raw_whoosh(documents: list[dict], workdir: Path) -> float:
    from whoosh import index as whoosh_index

    from searchapp.core import whoosh_fixes  # noqa: F401 - whoosh as every SearchApp process has it
    from searchapp.core.schema import SCHEMA

    folder = workdir / f"raw{time.monotonic_ns()}"
    folder.mkdir()
    start = time.perf_counter()
    ix = whoosh_index.create_in(str(folder), SCHEMA)
    writer = ix.writer(limitmb=128)
    for document in documents:
        writer.add_document(**document)
    writer.commit()
    return time.perf_counter() - start


def sqlite_fts5(documents: list[dict], workdir: Path) -> float:
    start = time.perf_counter()
    db = sqlite3.connect(workdir / f"fts{time.monotonic_ns()}.db")
    db.execute("CREATE VIRTUAL TABLE articles USING fts5(path UNINDEXED, headline, speakers, body, "
               "tokenize='porter unicode61')")
    db.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?)",
        ((d["path"], d.get("headline", ""), d.get("speaker_text", ""), d.get("body", "")) for d in documents),
    )
    db.commit()
    db.close()
    return time.perf_counter() - start


def recoll(corpus: Path, workdir: Path) -> float | None:
    """Recoll indexing the folder from disk into a fresh index (None when recollindex is not installed).

    Its spelling dictionary (aspell) is turned off: SearchApp builds none."""
    binary = shutil.which("recollindex")
    if binary is None:
        return None
    config = workdir / f"recoll{time.monotonic_ns()}"
    config.mkdir()
    (config / "recoll.conf").write_text(f"topdirs = {corpus.resolve()}\nnoaspell = 1\n", encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([binary, "-c", str(config), "-z"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def compare_workers(corpus: Path, counts: list[int], repeat: int) -> int:
    """The pipeline with each number of parsing processes in turn (the order reversed every other round)."""
    times: dict[int, list[float]] = {count: [] for count in counts}
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(repeat):
            for count in counts if round_number % 2 == 0 else counts[::-1]:
                times[count].append(pipeline(corpus, Path(tmp), count)[0])
    for count in counts:
        print(f"pipeline, {count} parsing processes: median {statistics.median(times[count]):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in times[count])})")
    first, last = statistics.median(times[counts[0]]), statistics.median(times[counts[-1]])
    print(f"{counts[-1]} / {counts[0]} parsing processes: {last / first:.2f}x the time")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; medians are printed")
    parser.add_argument("--workers", type=int, default=None,
                        help="parsing processes (default: one per core; 0 parses in the writing process)")
    parser.add_argument("--compare-workers", metavar="A,B",
                        help="only the pipeline, with A and then B parsing processes in turn, --repeat times each: "
                             "their medians and the ratio B/A")
    args = parser.parse_args()
    compile_sources()
    if args.compare_workers:
        return compare_workers(args.corpus, [int(n) for n in args.compare_workers.split(",")], args.repeat)
    wholes, raws, ftss, recolls = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        parse_start = time.perf_counter()
        documents = parsed_documents(args.corpus)
        parse_time = time.perf_counter() - parse_start
        for _ in range(args.repeat):  # interleaved, so that a slow spell of the machine hits all three
            whole, count = pipeline(args.corpus, workdir, args.workers)
            wholes.append(whole)
            raws.append(raw_whoosh(documents, workdir))
            ftss.append(sqlite_fts5(documents, workdir))
            native = recoll(args.corpus, workdir)
            if native is not None:
                recolls.append(native)
    whole, raw, fts = statistics.median(wholes), statistics.median(raws), statistics.median(ftss)
    print(f"median of {args.repeat} runs each; pipeline runs: {', '.join(f'{w:.2f}' for w in wholes)} s, "
          f"raw whoosh runs: {', '.join(f'{r:.2f}' for r in raws)} s")
    print(f"corpus: {args.corpus} ({count} articles indexed by the pipeline, {len(documents)} parsed)")
    print(f"pipeline (walk, parse, extract, index):  {whole:7.2f} s   {whole / raw:5.2f}x raw whoosh")
    print(f"parse + extract alone, one process:      {parse_time:7.2f} s   {parse_time / raw:5.2f}x raw whoosh")
    print(f"raw whoosh, parsed documents:            {raw:7.2f} s   1.00x")
    print(f"sqlite fts5, parsed documents:           {fts:7.2f} s   {fts / raw:5.2f}x raw whoosh")
    if recolls:
        native = statistics.median(recolls)
        rounds = [w / r for w, r in zip(wholes, recolls, strict=True)]
        print(f"recoll (recollindex), folder from disk:  {native:7.2f} s   {native / raw:5.2f}x raw whoosh")
        print(f"pipeline / recoll: {whole / native:.2f}x (each round: {', '.join(f'{x:.2f}' for x in rounds)})")
    else:
        print("recoll: not installed (Debian package `recoll`), skipped")
    return 0


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
