"""Indexing work counted in machine instructions, which a noisy machine does not change.

    python bench/count_bench.py CORPUS_DIR [--base TREE] [--files N]

Wall-clock ratios on a shared machine move by a third from one hour to the next (bench/index_bench.py
prints each round's); the number of instructions a run executes moves by well under 1%. This runs,
under valgrind's cachegrind (`--cache-sim=no`, every child process followed), (1) the pipeline
(`ArticleIndex.add`, parsing processes and writer processes, one commit at the end) and (2) raw
Whoosh on the same documents parsed beforehand (the writer alone, one process), on N files spread
over CORPUS_DIR (copied to a temporary folder), and prints the instructions of each process and their sum.
With --base TREE (another checkout of SearchApp, such as `git worktree add /tmp/base REV`), the same
runs with that tree's code first on PYTHONPATH, and the ratio this tree / base.

Needs valgrind (Debian package `valgrind`); prints why and exits 0 when it is missing. About 50 times
slower than a plain run: 300 BBC files take a minute or two per tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each measured run, in a process of its own (argv: its mode, corpus, work folder). SearchApp is imported
# inside the main block only, so the spawned children import no more than the command's would.
_RUN = r"""
import os, pickle, sys
from pathlib import Path
if __name__ == "__main__":
    mode, corpus, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if mode == "pipeline":
        from searchapp.core.index import ArticleIndex
        with ArticleIndex(work / "pipeline", commit_seconds=1e9, commit_every=10**9) as index:
            index.add([corpus])
    else:
        from whoosh import index as whoosh_index
        from searchapp.core import whoosh_fixes  # noqa: F401
        from searchapp.core.schema import SCHEMA
        documents = pickle.loads((work / "parsed.pickle").read_bytes())
        (work / "raw").mkdir()
        writer = whoosh_index.create_in(str(work / "raw"), SCHEMA).writer(limitmb=128)
        for document in documents:
            writer.add_document(**document)
        writer.commit()
"""

_PARSE = r"""
import pickle, sys
from pathlib import Path
from searchapp.core.crawl import crawl
from searchapp.core.documents import load_file
documents = []
for item in crawl([sys.argv[1]]).files:
    documents += load_file(item.path, item.root, "", 20 * 1024 * 1024).documents
Path(sys.argv[2]).write_bytes(pickle.dumps(documents))
"""


def _environment(tree: Path) -> dict[str, str]:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join([str(tree), *filter(None, [os.environ.get("PYTHONPATH")])])
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode written once, as an installed app has it
    return environment


def counted(tree: Path, mode: str, corpus: Path, work: Path) -> dict[str, int]:
    """Instructions of each process of one run ("main", "child 1", ...), from cachegrind's summaries."""
    script = work / "run.py"
    script.write_text(_RUN, encoding="utf-8")
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes", "--cachegrind-out-file=/dev/null",
         sys.executable, str(script), mode, str(corpus), str(work)],
        env=_environment(tree), capture_output=True, text=True, check=False,
        cwd=work)  # not this folder: a child's `python -c` puts its working folder first on its path
    if done.returncode != 0:
        raise SystemExit(f"{mode} run failed under valgrind:\n{done.stderr[-3000:]}")
    commands = dict(re.findall(r"==(\d+)== Command: (.*)", done.stderr))
    processes: dict[str, int] = {}
    for pid, refs in re.findall(r"==(\d+)== I\s+refs:\s+([\d,]+)", done.stderr):
        command = commands.get(pid, "")
        if "resource_tracker" in command:
            continue  # multiprocessing's own helper: a few thousand instructions
        name = f"child {len(processes)}" if "spawn_main" in command else "main"
        processes[name if name not in processes else f"{name} {pid}"] = int(refs.replace(",", ""))
    return processes


def measure(tree: Path, corpus: Path) -> dict[str, dict[str, int]]:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "searchapp")], env=_environment(tree),
                   check=False, stdout=subprocess.DEVNULL)
    results = {}
    for mode in ("pipeline", "raw"):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            if mode == "raw":
                subprocess.run([sys.executable, "-c", _PARSE, str(corpus), str(work / "parsed.pickle")],
                               env=_environment(tree), check=True, cwd=work)
            results[mode] = counted(tree, mode, corpus, work)
    return results


def _print(label: str, results: dict[str, dict[str, int]]) -> None:
    for mode, processes in results.items():
        parts = ", ".join(f"{name} {count / 1e9:.2f}" for name, count in processes.items())
        print(f"{label:>6} {mode:>8}: {sum(processes.values()) / 1e9:7.3f} G instructions ({parts})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--base", type=Path, help="another SearchApp checkout to compare with")
    parser.add_argument("--files", type=int, default=300, help="files taken from the corpus (default 300)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian package `valgrind`): nothing counted")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        files = sorted(path for path in args.corpus.rglob("*") if path.is_file() and not path.name.startswith("."))
        chosen = files[:: max(1, len(files) // args.files)][: args.files]  # spread over the corpus's folders
        for n, path in enumerate(chosen):
            target = corpus / f"{n:06d}_{path.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        print(f"corpus: {len(chosen)} files spread over {args.corpus}")
        ours = measure(ROOT, corpus)
        _print("this", ours)
        if args.base:
            base = measure(args.base.resolve(), corpus)
            _print("base", base)
            for mode in ours:
                print(f"{mode}: this / base {sum(ours[mode].values()) / sum(base[mode].values()):.3f}x the instructions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
