"""Score the speaker and entity extractor against the gold sets in ../shared/eval.

Usage: .venv/bin/python bench/eval_speakers.py [SHARED_DIR] [--gold FILE] [--show]

Prints micro precision, recall and F1 for person speakers, organisation speakers, people mentioned
and organisations mentioned, strict and lenient as ../shared/eval/README.md defines them, and the
milliseconds per article spent in `extract_entities`. `--show` lists the misses per article.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.extract import extract_entities  # noqa: E402
from searchapp.core.models import Entities  # noqa: E402
from searchapp.core.parse import parse_bytes  # noqa: E402

CATEGORIES = ("person speakers", "org speakers", "people", "orgs")


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
    missed: list[str] = []
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
    missed = [item.name for item in free]
    return tp, preds, missed


def gold_sets(record: dict) -> dict[str, list[GoldItem]]:
    speakers = record.get("speakers", [])
    mentions = {normalise(s["name"]): tuple(s.get("mentions", ())) for s in speakers}
    return {
        "person speakers": [
            GoldItem(s["name"], tuple(s.get("mentions", ())), True) for s in speakers if s["type"] == "person"
        ],
        "org speakers": [
            GoldItem(s["name"], tuple(s.get("mentions", ()))) for s in speakers if s["type"] == "org"
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


def load_article(path: Path):
    return parse_bytes(path.read_bytes(), str(path))[0]


def evaluate(
    gold_file: Path, corpus_dir: Path, show: bool = False
) -> tuple[dict[str, dict[str, Tally]], float]:
    """Tallies per mode ("strict", "lenient") and category, and milliseconds per article."""
    tallies = {mode: {c: Tally() for c in CATEGORIES} for mode in ("strict", "lenient")}
    elapsed = 0.0
    count = 0
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        article = load_article(corpus_dir / record["path"])
        start = time.perf_counter()
        entities = extract_entities(article)
        elapsed += time.perf_counter() - start
        count += 1
        gold = gold_sets(record)
        predicted = predicted_sets(entities)
        for mode, per_category in tallies.items():
            for category in CATEGORIES:
                tp, extra, missed = match(predicted[category], gold[category], mode == "lenient")
                per_category[category].add(
                    tp, len(set(map(normalise, predicted[category])) - {""}), len(gold[category])
                )
                if show and mode == "strict" and (extra or missed):
                    print(f"{record['path']:24} {category:16} FP {extra}  FN {missed}")
    return tallies, 1000 * elapsed / max(count, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(REPO.parent / "shared"))
    parser.add_argument(
        "--gold", default="eval/bbc_speakers_dev.jsonl", help="gold file, relative to SHARED_DIR"
    )
    parser.add_argument(
        "--corpus", default="corpora/bbc_news/bbc", help="article folder, relative to SHARED_DIR"
    )
    parser.add_argument("--show", action="store_true", help="list false positives and misses per article")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    tallies, ms = evaluate(shared / args.gold, shared / args.corpus, args.show)
    print(f"{'':16} {'strict P':>9} {'R':>6} {'F1':>6}   {'lenient P':>9} {'R':>6} {'F1':>6}   {'gold':>5}")
    for category in CATEGORIES:
        strict = tallies["strict"][category].scores()
        lenient = tallies["lenient"][category].scores()
        print(
            f"{category:16} {strict[0]:9.3f} {strict[1]:6.3f} {strict[2]:6.3f}   "
            f"{lenient[0]:9.3f} {lenient[1]:6.3f} {lenient[2]:6.3f}   {tallies['strict'][category].gold:5d}"
        )
    print(f"{ms:.2f} ms per article (extract_entities only, one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
