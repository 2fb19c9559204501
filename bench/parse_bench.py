"""Parser quality and speed on the shared corpora.

Usage: python bench/parse_bench.py [SHARED_DIR] [--configs]

- Zyte article-extraction benchmark (scrapinghub_aeb): body F1/precision/recall with the
  benchmark's own metric (4-token shingles, per-page normalised counts, macro-averaged
  precision and recall, F1 of the averages; see its evaluate.py), against the benchmark's
  BeautifulSoup get_text baseline measured in the same run. --configs also scores several
  trafilatura option sets, which is how the options in searchapp/core/parse/html.py were chosen.
- newspaper4k metadata pages: headline exact match, date and byline agreement with the gold.
- BBC .txt, news-please .json and the Wikinews sample: articles with a headline and a body,
  skip reasons, and parse time per document.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from searchapp.core.errors import SkipFile  # noqa: E402
from searchapp.core.parse import parse_bytes  # noqa: E402
from searchapp.core.parse.fields import clean_byline, parse_date  # noqa: E402

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + SHINGLE])
        for i in range(max(1, len(tokens) - SHINGLE + 1))
        if tokens[i : i + SHINGLE]
    )


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """TP, FP, FN over shingles, normalised so that every page weighs the same."""
    gold, guess = shingles(true), shingles(pred)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def f1_precision_recall(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*row) for row in rows if row[0] + row[1] > 0)
    r = statistics.mean(recall(*row) for row in rows if row[0] + row[2] > 0)
    return 2 * p * r / (p + r), p, r


def _body_or_empty(data: bytes, name: str) -> str:
    try:
        return parse_bytes(data, name)[0].body
    except SkipFile:
        return ""


def bench_aeb(corpora: Path, configs: bool) -> None:
    root = corpora / "scrapinghub_aeb"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()) for key in gold}
    print(f"== scrapinghub_aeb: {len(pages)} pages, body text vs ground truth (benchmark metric)")

    def run(name: str, extract: Callable[[bytes, str], str]) -> float:
        start = time.perf_counter()
        rows = [shingle_counts(gold[key]["articleBody"], extract(pages[key], f"{key}.html")) for key in gold]
        per_page = (time.perf_counter() - start) / len(gold) * 1000
        f1, p, r = f1_precision_recall(rows)
        print(f"  {name:<42} F1={f1:.3f}  precision={p:.3f}  recall={r:.3f}  {per_page:6.1f} ms/page")
        return f1

    from bs4 import BeautifulSoup

    def soup_text(data: bytes, _name: str) -> str:
        return BeautifulSoup(data.decode("utf-8"), "html.parser").get_text(separator=" ", strip=True)

    baseline = run("baseline: BeautifulSoup get_text", soup_text)
    ours = run("searchapp parse_bytes", _body_or_empty)
    print(f"  ratio searchapp / baseline F1: {ours / baseline:.2f}  (bar: F1 >= 0.95)")
    if configs:
        import trafilatura

        options = {
            "defaults": {},
            "include_comments=False": {"include_comments": False},
            "no comments, favor_precision": {"include_comments": False, "favor_precision": True},
            "no comments, favor_recall": {"include_comments": False, "favor_recall": True},
            "no comments, fast": {"include_comments": False, "fast": True},
            "no comments, no tables": {"include_comments": False, "include_tables": False},
        }
        for label, kwargs in options.items():
            run(
                f"trafilatura {label}",
                lambda data, _name, kw=kwargs: trafilatura.extract(data.decode("utf-8"), **kw) or "",
            )


def _same_instant_or_day(ours: datetime | None, gold: str) -> bool:
    gold_date = parse_date(gold)
    if ours is None or gold_date is None:
        return False
    local = datetime.fromisoformat(gold.replace(" ", "T")) if "T" in gold or " " in gold else gold_date
    return ours.date() in (gold_date.date(), local.date())


def bench_newspaper4k(corpora: Path) -> None:
    root = corpora / "newspaper4k_testdata"
    headlines = dates = date_gold = bylines = byline_gold = pages = 0
    misses: list[str] = []  # headline and date disagreements, printed for inspection
    start = time.perf_counter()
    for meta_path in sorted((root / "metadata").glob("*.json")):
        gold = json.loads(meta_path.read_text(encoding="utf-8"))
        html_path = root / "html" / f"{meta_path.stem}.html"
        if not html_path.exists():
            continue
        pages += 1
        try:
            article = parse_bytes(html_path.read_bytes(), str(html_path))[0]
        except SkipFile as error:
            misses.append(f"{meta_path.stem}: skipped ({error})")
            continue
        if " ".join(article.headline.split()) == " ".join((gold.get("title") or "").split()):
            headlines += 1
        else:
            misses.append(f"{meta_path.stem}: {article.headline!r} != {gold.get('title')!r}")
        if gold.get("publish_date"):
            date_gold += 1
            if _same_instant_or_day(article.published, gold["publish_date"]):
                dates += 1
            else:
                misses.append(f"{meta_path.stem}: date {article.published} vs gold {gold['publish_date']}")
        gold_names = {name.lower() for name in clean_byline(gold.get("authors") or []).split(", ") if name}
        if gold_names:
            byline_gold += 1
            ours = {name.lower() for name in article.byline.split(", ") if name}
            bylines += bool(ours & gold_names)
    per_doc = (time.perf_counter() - start) / max(1, pages) * 1000
    print(f"== newspaper4k_testdata/metadata: {pages} pages, {per_doc:.1f} ms/page")
    print(f"  headline exact match: {headlines}/{pages} = {headlines / max(1, pages):.0%}  (bar: >= 90%)")
    print(f"  date same day as gold: {dates}/{date_gold} pages with a gold date")
    print(
        f"  byline shares a name with gold (gold junk cleaned): {bylines}/{byline_gold} pages with gold authors"
    )
    for miss in misses:
        print(f"    miss: {miss}")


def bench_files(label: str, files: list[Path]) -> None:
    datas = [(path.read_bytes(), str(path)) for path in files]
    articles = complete = 0
    skipped: Counter[str] = Counter()
    start = time.perf_counter()
    for data, name in datas:
        try:
            parsed = parse_bytes(data, name)
        except SkipFile as error:
            skipped[str(error)] += 1
            continue
        articles += len(parsed)
        complete += sum(1 for article in parsed if article.headline.strip() and article.body.strip())
    elapsed = time.perf_counter() - start
    print(
        f"== {label}: {len(files)} files -> {articles} articles, {complete} with headline and body; "
        f"{elapsed:.2f} s total, {elapsed / max(1, len(files)) * 1000:.2f} ms/file"
    )
    for reason, count in skipped.most_common():
        print(f"  skipped {count}: {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "shared", nargs="?", default=str(Path(__file__).resolve().parents[1].parent / "shared")
    )
    parser.add_argument(
        "--configs", action="store_true", help="also score trafilatura option sets on the AEB pages"
    )
    args = parser.parse_args()
    corpora = Path(args.shared) / "corpora"
    if not corpora.is_dir():
        sys.exit(f"no corpora under {args.shared}")
    print(f"run at {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {corpora}")
    bench_files("bbc_news (.txt)", sorted((corpora / "bbc_news" / "bbc").glob("*/*.txt")))
    bench_files("newsplease_json (.json)", sorted((corpora / "newsplease_json").glob("*/*.json")))
    for fmt in ("txt", "html", "json"):
        bench_files(f"wikinews_sample (.{fmt})", sorted((corpora / "wikinews_sample").glob(f"*/*.{fmt}")))
    bench_newspaper4k(corpora)
    bench_aeb(corpora, args.configs)


if __name__ == "__main__":
    main()
