"""Build a collection of N unique, plausible news articles from the shared corpora, for scale tests.

Usage: .venv/bin/python bench/make_corpus.py N OUT [--shared DIR] [--format jsonl|files|both] [--seed S]

Each article is made of 3 to 6 paragraphs drawn at random from real articles of one month of one
source (Reuters 1987 by month, news-please 2017-18 by month, BBC 2004-05 by section), so its words,
names and quotes are real and belong together in time; its headline, outlet and URL are those of the
article its first paragraph came from, and its date a day of that month. After every 20,000 articles
the dates move on a year (1988, 1989, ...), so a large collection spans years rather than piling into
1987. The same N, seed and corpora always give the same collection.

`--format jsonl` writes OUT/articles-NNNN.jsonl (1,000 news-please style records each: title, text,
date_publish, source_domain, url); `files` writes OUT/NNNN/ARTICLE.json (one record per file, as a
scraper leaves them); `both` writes both. Research use only, like the corpora: never ship it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PER_FILE = 1000
YEAR_EVERY = 20_000  # articles: the dates move on a year after each such many


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in text.replace("\r", "").split("\n\n")]
    if len(parts) < 2:
        parts = [p.strip() for p in text.split("\n")]
    return [p for p in parts if len(p.split()) >= 6]


def load_pools(shared: Path) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Pools of (paragraph, headline, outlet, url) by (source, month); months as "YYYY-MM" keys."""
    pools: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for path in sorted((shared / "corpora/reuters21578_jsonl").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            when = record.get("date_publish") or ""
            if not when or not record.get("text"):
                continue
            for paragraph in _paragraphs(record["text"]):
                pools[f"reuters {when[:7]}"].append((paragraph, record["title"], record.get("source_domain", ""),
                                                     record.get("url", "")))
    for path in sorted((shared / "corpora/newsplease_json").glob("*/*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        when = record.get("date_publish") or ""
        if not when or not record.get("text") or not record.get("title"):
            continue
        for paragraph in _paragraphs(record["text"]):
            pools[f"newsplease {when[:7]}"].append((paragraph, record["title"], record.get("source_domain", ""),
                                                    record.get("url", "")))
    for path in sorted((shared / "corpora/bbc_news/bbc").glob("*/*.txt")):
        lines = path.read_bytes().decode("latin-1").splitlines()
        headline, text = lines[0].strip(), "\n".join(lines[1:])
        month = "2005-01" if path.parent.name in ("politics", "business") else "2004-11"
        for paragraph in _paragraphs(text):
            pools[f"bbc {month} {path.parent.name}"].append((paragraph, headline, "www.bbc.co.uk",
                                                             f"https://www.bbc.co.uk/{path.parent.name}/{path.stem}"))
    return [(key, pool) for key, pool in sorted(pools.items()) if len(pool) >= 12]


def articles(n: int, shared: Path, seed: int):
    """Yield n article records."""
    rng = random.Random(seed)
    pools = load_pools(shared)
    if not pools:
        raise SystemExit(f"no corpora under {shared}")
    weights = [len(pool) for _key, pool in pools]
    made = 0
    while made < n:
        for key, pool in rng.choices(pools, weights=weights, k=min(1000, n - made)):
            source, month = key.split()[0], key.split()[1]
            chosen = rng.sample(pool, rng.randint(3, min(6, len(pool))))
            paragraph, headline, outlet, url = chosen[0]
            cycle = made // YEAR_EVERY  # a large collection spans years
            year, month_number = int(month[:4]) + cycle, int(month[5:7])
            published = datetime(year, month_number, rng.randint(1, 28), rng.randint(6, 22), rng.randint(0, 59))
            yield {
                "title": headline,
                "text": "\n\n".join(p for p, *_ in chosen),
                "date_publish": published.isoformat(),
                "source_domain": outlet,
                "url": f"{url}?made={made}",
                "made_from": source,
            }
            made += 1
            if made >= n:
                return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--format", choices=("jsonl", "files", "both"), default="jsonl")
    parser.add_argument("--seed", type=int, default=1987)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    batch: list[dict] = []
    count = 0

    def flush() -> None:
        number = count // PER_FILE
        if args.format in ("jsonl", "both"):
            lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in batch)
            (args.out / f"articles-{number:04d}.jsonl").write_text(lines, encoding="utf-8")
        if args.format in ("files", "both"):
            folder = args.out / f"{number:04d}"
            folder.mkdir(exist_ok=True)
            for offset, record in enumerate(batch):
                (folder / f"{number * PER_FILE + offset:07d}.json").write_text(
                    json.dumps(record, ensure_ascii=False), encoding="utf-8")

    for record in articles(args.n, args.shared, args.seed):
        batch.append(record)
        if len(batch) == PER_FILE:
            flush()
            count += len(batch)
            batch = []
    if batch:
        flush()
        count += len(batch)
    print(f"wrote {count} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
