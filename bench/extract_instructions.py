"""Instructions per article of the entity extractor: a figure that holds on a noisy machine.

    python bench/extract_instructions.py [news|bbc ...] [--shared DIR]

Runs `extract_entities` over a dev set once to warm its caches, then once more under callgrind
(`valgrind --tool=callgrind`, Debian's `valgrind`), counting only that second pass (the instructions of
start-up and imports are left out), and prints millions of instructions per article. Two checkouts
compared this way differ by what their code does, not by what else the machine was doing; the dev sets'
milliseconds (bench/eval_speakers.py) move by a third from run to run on a shared virtual machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SETS = {"news": 60, "bbc": 80}


def measured(which: str, shared: Path) -> None:
    """The child, under callgrind: warm up, then the counted pass inside eval()."""
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "bench"))
    import eval_speakers as ev

    from searchapp.core.extract import extract_entities

    pairs = (ev.news_articles(shared / ev.NEWS_GOLD) if which == "news"
             else ev.bbc_articles(shared / ev.BBC_GOLD, shared / ev.BBC_CORPUS))
    articles = [article for _, article in pairs]
    for article in articles:  # per-token caches filled, as in a worker that has read a few articles
        extract_entities(article)

    def run() -> None:
        for article in articles:
            extract_entities(article)

    eval("run()")  # noqa: S307 - the counted region: callgrind toggles collection on builtin eval


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("sets", nargs="*", help="news, bbc or both (the default)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        measured(args.child, args.shared)
        return 0
    unknown = set(args.sets) - set(SETS)
    if unknown:
        parser.error(f"unknown dev set {', '.join(sorted(unknown))}: choose from news, bbc")
    if shutil.which("valgrind") is None:
        print("needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 1
    for which in args.sets or ["news", "bbc"]:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=builtin_eval",
             "--callgrind-out-file=/dev/null", sys.executable, __file__, "--child", which, "--shared", str(args.shared)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=False)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if done.returncode or not found:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
        print(f"{which}: {int(found.group(1)) / SETS[which] / 1e6:.2f} M instructions per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
