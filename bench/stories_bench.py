"""Near-copies: do copies join one story, and do different articles about one event stay apart?

Usage: .venv/bin/python bench/stories_bench.py [SHARED_DIR] [--copies N] [--seed S]

Runs `core.stories.StoryMatcher` (the code indexing uses, without an index: every article is pending)
over three sets and prints:
- BBC (../shared/corpora/bbc_news/bbc): how many groups of identical texts end up in one story each,
  and every story of more than one article that is not an identical group, to be read by a person;
- made-up copies of N articles (BBC and Reuters): a dateline in front, a footer after, and 1 to 12 words
  changed; recall (copy in the original's story) for each number of changed words;
- news-please `news_cluster`: articles of different outlets about the same event (same EventId); how
  many such pairs were put in one story (each is printed);
and the cost per article of the band keys (worker side) and of the story assignment (writer side).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.parse import parse_bytes  # noqa: E402
from searchapp.core.stories import StoryMatcher, shingles, story_fields, text_key  # noqa: E402

DATELINES = ["LONDON (Reuters) - ", "WASHINGTON, March 3 (AP) — ", "NEW YORK — ", "Paris (AFP) - "]
FOOTERS = ["Reporting by Jane Smith; Editing by Tom Brown", "Copyright 2005 The Associated Press. All rights "
           "reserved. This material may not be published, broadcast, rewritten or redistributed.",
           "Our Standards: The Thomson Reuters Trust Principles."]


def assign_all(articles: list[tuple[str, str, str]]) -> tuple[dict[str, str], float, float]:
    """Story per article id; seconds per article for the band keys and for assigning."""
    matcher = StoryMatcher()
    stories: dict[str, str] = {}
    keys_time = assign_time = 0.0
    for ident, headline, body in articles:
        start = time.perf_counter()
        document = {"headline": headline, "body": body, **story_fields(headline, body)}
        middle = time.perf_counter()
        stories[ident] = matcher.assign(document, None)
        assign_time += time.perf_counter() - middle
        keys_time += middle - start
    count = max(len(articles), 1)
    return stories, keys_time / count, assign_time / count


def load(paths: list[Path]) -> list[tuple[str, str, str]]:
    articles = []
    for path in paths:
        try:
            for article in parse_bytes(path.read_bytes(), str(path)):
                articles.append((article.path, article.headline, article.body))
        except Exception:  # noqa: BLE001 - a bad file is not this bench's business
            continue
    return articles


def bbc(shared: Path) -> list[tuple[str, str, str]]:
    articles = load(sorted((shared / "corpora/bbc_news/bbc").glob("*/*.txt")))
    stories, keys_time, assign_time = assign_all(articles)
    identical: dict[str, list[str]] = defaultdict(list)
    for ident, headline, body in articles:
        identical[text_key(f"{headline}\n{body}")].append(ident)
    groups = [g for g in identical.values() if len(g) > 1]
    kept = sum(1 for g in groups if len({stories[i] for i in g}) == 1)
    by_story: dict[str, list[str]] = defaultdict(list)
    for ident, story in stories.items():
        by_story[story].append(ident)
    exact = {frozenset(g) for g in groups}
    other = [sorted(g) for g in by_story.values() if len(g) > 1 and frozenset(g) not in exact]
    print(f"BBC: {len(articles)} articles, {len(groups)} groups of identical texts, {kept} of them one story each")
    print(f"  stories of more than one article that are not identical texts: {len(other)}")
    for group in other:
        print("   ", " + ".join(Path(p).parent.name + "/" + Path(p).name for p in group))
    print(f"  per article: band keys {keys_time * 1000:.2f} ms, story assignment {assign_time * 1000:.2f} ms")
    return articles


def made_up_copies(shared: Path, base: list[tuple[str, str, str]], count: int, seed: int) -> None:
    rng = random.Random(seed)
    reuters = []
    for path in sorted((shared / "corpora/reuters21578_jsonl").glob("*.jsonl"))[:2]:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if len(record.get("text", "").split()) >= 120:
                reuters.append((record["url"], record["title"], record["text"]))
    pool = [a for a in base if len(a[2].split()) >= 120] + reuters
    originals = rng.sample(pool, min(count, len(pool)))
    print(f"\nMade-up copies of {len(originals)} articles (dateline + footer + changed words)")
    for changed in (0, 1, 3, 6, 9, 12):
        articles = []
        for number, (_ident, headline, body) in enumerate(originals):
            words = body.split()
            for _ in range(changed):
                words[rng.randrange(len(words))] = rng.choice(["however", "reportedly", "officials", "Tuesday"])
            copy = rng.choice(DATELINES) + " ".join(words) + "\n\n" + rng.choice(FOOTERS)
            articles.append((f"o{number}", headline, body))
            articles.append((f"c{number}", headline, copy))
        stories, _k, _a = assign_all(articles)
        joined = sum(1 for n in range(len(originals)) if stories[f"o{n}"] == stories[f"c{n}"])
        print(f"  {changed:2d} words changed: {joined}/{len(originals)} copies joined their original "
              f"({joined / max(len(originals), 1):.1%})")


def same_event(shared: Path) -> None:
    articles = []
    events: dict[str, tuple[int, str]] = {}
    for path in sorted((shared / "corpora/newsplease_json/news_cluster").glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if not record.get("text"):
            continue
        articles.append((str(path), record.get("title") or "", record["text"]))
        events[str(path)] = (record.get("newsCluster", {}).get("EventId"), record.get("source_domain", ""))
    stories, _k, _a = assign_all(articles)
    pairs = merged = 0
    by_event: dict[int, list[str]] = defaultdict(list)
    for ident, (event, _domain) in events.items():
        by_event[event].append(ident)
    shown = []
    apart = []
    texts = {ident: shingles(f"{headline}\n{body}") for ident, headline, body in articles}
    for members in by_event.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs += 1
                first, second = texts[members[a]], texts[members[b]]
                jaccard = len(first & second) / max(len(first | second), 1)
                containment = len(first & second) / max(min(len(first), len(second)), 1)
                if stories[members[a]] == stories[members[b]]:
                    merged += 1
                    shown.append((events[members[a]][1], events[members[b]][1], Path(members[a]).name[:12],
                                  Path(members[b]).name[:12], jaccard, containment))
                else:
                    apart.append((jaccard, containment))
    print(f"\nnews_cluster: {len(articles)} articles in {len(by_event)} events; {pairs} pairs about the same event")
    print(f"  pairs put in one story: {merged} (outlets, file ids, Jaccard / containment of their shingles):")
    for row in shown:
        print("   ", " / ".join(row[:4]), f"  J {row[4]:.2f}  C {row[5]:.2f}")
    print("  closest pairs kept apart (J / C):", ", ".join(f"{j:.2f}/{c:.2f}" for j, c in sorted(apart, reverse=True)[:5]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(REPO.parent / "shared"))
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    base = bbc(shared)
    made_up_copies(shared, base, args.copies, args.seed)
    same_event(shared)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
