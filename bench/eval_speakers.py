"""Score the speaker and entity extractor against the gold dev sets in ../shared/eval.

Usage: .venv/bin/python bench/eval_speakers.py [SHARED_DIR] [--set bbc|news ...] [--show] [--repeat N]

Scores both dev sets by default and prints each separately: the BBC set (`bbc_speakers_dev.jsonl`,
articles read from the BBC corpus by their path) and the news set (`news_speakers_dev.jsonl`, which
carries its own `headline` and `text`; each line of the text is a paragraph). For each: micro
precision, recall and F1 for person speakers, organisation speakers, people mentioned and organisations
mentioned, strict and lenient as ../shared/eval/README.md defines them, and the milliseconds per
article spent in `extract_entities` (each article's fastest of `--repeat` runs). `--show` lists the misses.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.extract import extract_entities  # noqa: E402
from searchapp.core.models import Article, Entities  # noqa: E402
from searchapp.core.parse import parse_bytes  # noqa: E402

CATEGORIES = ("person speakers", "org speakers", "people", "orgs")
BBC_GOLD = "eval/bbc_speakers_dev.jsonl"
BBC_CORPUS = "corpora/bbc_news/bbc"
NEWS_GOLD = "eval/news_speakers_dev.jsonl"


def normalise(name: str) -> str:
    """NFKD, accents removed, lower case, runs of non-alphanumerics to one space."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


@dataclass(frozen=True)
class GoldItem:
    name: str
    mentions: tuple[str, ...] = ()
    person: bool = False


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.predicted += predicted
        self.gold += gold

    def scores(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


Tallies = dict[str, dict[str, Tally]]


def _lenient_equal(pred: str, item: GoldItem) -> bool:
    gold = normalise(item.name)
    if pred == gold or pred in {normalise(m) for m in item.mentions}:
        return True
    if not item.person:
        return False
    p_tokens, g_tokens = pred.split(), gold.split()
    if not p_tokens or not g_tokens or p_tokens[-1] != g_tokens[-1]:
        return False
    return len(p_tokens) == 1 or p_tokens[0][0] == g_tokens[0][0]


def match(predicted: Iterable[str], gold: list[GoldItem], lenient: bool) -> tuple[int, list[str], list[str]]:
    """True positives, unmatched predictions and unmatched gold names; each gold item matches once."""
    preds = list(dict.fromkeys(normalise(p) for p in predicted if normalise(p)))
    free = list(gold)
    # Exact matches first, so a lenient match never takes a gold item an exact one needs.
    for pred in list(preds):
        for item in free:
            if normalise(item.name) == pred:
                free.remove(item)
                preds.remove(pred)
                break
    if lenient:
        for pred in list(preds):
            for item in free:
                if _lenient_equal(pred, item):
                    free.remove(item)
                    preds.remove(pred)
                    break
    tp = len(gold) - len(free)
    return tp, preds, [item.name for item in free]


def gold_sets(record: dict) -> dict[str, list[GoldItem]]:
    speakers = record.get("speakers", [])
    mentions = {normalise(s["name"]): tuple(s.get("mentions", ())) for s in speakers}
    return {
        "person speakers": [
            GoldItem(s["name"], tuple(s.get("mentions", ())), True) for s in speakers if s["type"] == "person"
        ],
        "org speakers": [
            GoldItem(s["name"], tuple(s.get("mentions", ())), False) for s in speakers if s["type"] == "org"
        ],
        "people": [GoldItem(n, mentions.get(normalise(n), ()), True) for n in record.get("people", [])],
        "orgs": [GoldItem(n, mentions.get(normalise(n), ())) for n in record.get("orgs", [])],
    }


def predicted_sets(entities: Entities) -> dict[str, list[str]]:
    return {
        "person speakers": [s.name for s in entities.speakers if s.type == "person"],
        "org speakers": [s.name for s in entities.speakers if s.type == "org"],
        "people": list(entities.people),
        "orgs": list(entities.orgs),
    }


def _records(gold_file: Path) -> Iterator[dict]:
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def bbc_articles(gold_file: Path, corpus_dir: Path) -> list[tuple[dict, Article]]:
    """Gold records of the BBC set with their articles parsed from the corpus, as the app reads them."""
    found = []
    for record in _records(gold_file):
        path = corpus_dir / record["path"]
        found.append((record, parse_bytes(path.read_bytes(), str(path))[0]))
    return found


def news_articles(gold_file: Path) -> list[tuple[dict, Article]]:
    """Gold records of the news set with articles built from their own headline and text (a line is a
    paragraph)."""
    found = []
    for record in _records(gold_file):
        paragraphs = [line.strip() for line in record["text"].splitlines() if line.strip()]
        article = Article(
            path=record["id"],
            headline=record.get("headline", ""),
            body="\n\n".join(paragraphs),
            format="txt",
            outlet=record.get("outlet", ""),
        )
        found.append((record, article))
    return found


def evaluate(pairs: list[tuple[dict, Article]], show: bool = False, repeat: int = 1) -> tuple[Tallies, float]:
    """Tallies per mode ("strict", "lenient") and category, and milliseconds per article.

    The time of each article is its fastest of `repeat` runs: the machine is shared, and the minimum is
    the figure least disturbed by other work."""
    tallies = {mode: {c: Tally() for c in CATEGORIES} for mode in ("strict", "lenient")}
    fastest = [float("inf")] * len(pairs)
    results: list[Entities] = []
    for _ in range(max(repeat, 1)):
        results = []
        for k, (_, article) in enumerate(pairs):
            start = time.perf_counter()
            results.append(extract_entities(article))
            fastest[k] = min(fastest[k], time.perf_counter() - start)
    for (record, _), entities in zip(pairs, results, strict=True):
        gold = gold_sets(record)
        predicted = predicted_sets(entities)
        label = record.get("path") or record.get("id", "")
        for mode, per_category in tallies.items():
            for category in CATEGORIES:
                tp, extra, missed = match(predicted[category], gold[category], mode == "lenient")
                per_category[category].add(
                    tp, len(set(map(normalise, predicted[category])) - {""}), len(gold[category])
                )
                if show and mode == "strict" and (extra or missed):
                    print(f"{label[:40]:40} {category:16} FP {extra}  FN {missed}")
    return tallies, 1000 * sum(fastest) / max(len(pairs), 1)


def report(title: str, tallies: Tallies, ms: float) -> None:
    print(title)
    print(f"{'':16} {'strict P':>9} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   {'gold':>5}")
    for category in CATEGORIES:
        strict = tallies["strict"][category].scores()
        lenient = tallies["lenient"][category].scores()
        print(
            f"{category:16} {strict[0]:9.3f} {strict[1]:6.3f} {strict[2]:6.3f}   "
            f"{lenient[0]:9.3f} {lenient[1]:6.3f} {lenient[2]:6.3f}   {tallies['strict'][category].gold:5d}"
        )
    print(f"{ms:.2f} ms per article (extract_entities only, one core)\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(REPO.parent / "shared"))
    parser.add_argument(
        "--set", nargs="+", choices=("bbc", "news"), default=["bbc", "news"], help="dev sets to score"
    )
    parser.add_argument("--show", action="store_true", help="list false positives and misses per article")
    parser.add_argument("--repeat", type=int, default=3, help="time each article's fastest of N runs")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if "bbc" in args.set:
        pairs = bbc_articles(shared / BBC_GOLD, shared / BBC_CORPUS)
        report(f"BBC dev ({len(pairs)} articles)", *evaluate(pairs, args.show, args.repeat))
    if "news" in args.set:
        pairs = news_articles(shared / NEWS_GOLD)
        report(f"News dev ({len(pairs)} articles)", *evaluate(pairs, args.show, args.repeat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
