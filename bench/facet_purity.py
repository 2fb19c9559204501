"""How clean are the people and organisation facets? Raw values against the names they count as.

Usage: .venv/bin/python bench/facet_purity.py [FOLDER] [--index DIR] [--top N] [--junk N]

Indexes FOLDER (default ../shared/corpora/bbc_news/bbc) into a temporary index (or reads --index DIR),
then prints, for people and for organisations:
- the N most frequent names as they count (aliases, the collection's rules and any corrections applied)
  with the number of distinct raw values the extractor wrote for each: "before" is that number of facet
  values, "after" is one;
- the N most frequent raw values, and how many of them are other forms of a name above them;
- the first --junk names as they count, with the ones a rule below suspects marked `?` for a human to
  judge (a name whose words the corpus mostly writes in lower case, a common word in capitals, a role
  or verb glued to a name). The marks are hints, not a score.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.generation import SEARCHERS  # noqa: E402
from searchapp.core.index import ArticleIndex  # noqa: E402
from searchapp.core.namebook import raw_name_counts  # noqa: E402
from searchapp.core.names import list_names  # noqa: E402

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_GLUED = re.compile(r"^(?:[A-Z][a-z]+ite|Exchequer|Vote|Entering|Minister|Secretary|Chancellor)\s")


def word_cases(index: ArticleIndex) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised inside a sentence."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    with index.whoosh.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            for sentence in re.split(r"[.!?\n]\s+", stored.get("body", "")):
                words = _WORD.findall(sentence)
                for word in words[1:]:
                    (lower if word[0].islower() else capital)[word.lower()] += 1
    return lower, capital


def suspect(name: str, kind: str, lower: Counter[str], capital: Counter[str]) -> str:
    words = name.split()
    if name.isupper() and " " not in name and lower[name.lower()] > capital[name.lower()]:
        return "a common word in capitals"
    if _GLUED.match(name):
        return "role or verb glued on"
    common = [w for w in words if lower[w.lower()] > capital[w.lower()]]
    if len(common) == len(words) and (len(words) == 1 or kind == "person"):  # "Home Office" is an office
        return "common word" if len(words) == 1 else "common words"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(REPO.parent / "shared/corpora/bbc_news/bbc"))
    parser.add_argument("--index", type=Path, help="read this index instead of indexing FOLDER")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--junk", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        location = args.index or Path(scratch) / "index"
        with ArticleIndex(location) as index:
            if args.index is None:
                print(f"indexing {args.folder} …", file=sys.stderr)
                index.add([args.folder])
            report(index, args.top, args.junk)
    return 0


def report(index: ArticleIndex, top: int, junk: int) -> None:
    with SEARCHERS.lock:
        generation = SEARCHERS.current(index)
        raw_counts = raw_name_counts(generation.searcher)  # articles per raw name, as the articles write it
        book = generation.book(index.location)
    lower, capital = word_cases(index)
    for field, kind, title in (("people", "person", "PEOPLE"), ("orgs", "org", "ORGANISATIONS")):
        raw = raw_counts[field]
        rows = list_names(index, kind)
        print(f"\n=== {title}: {len(raw):,} raw values, {len(rows):,} names as they count")
        print(f"\nTop {top} names as they count: articles, and raw values before (the facet values it had)")
        before_total = 0
        for row in rows[:top]:
            forms = [f for f in book.forms(row.name) if raw[f]]
            before_total += len(forms)
            shown = "; ".join(f"{f} {raw[f]}" for f in sorted(forms, key=lambda f: -raw[f]))
            print(f"  {row.name:40} {row.articles:5}  {len(forms)} -> 1   {shown}")
        print(f"  distinct values for these {top}: {before_total} before, {top} after")
        print(f"\nTop {top} raw values, and the name each counts as")
        folded = 0
        for value, count in raw.most_common(top):
            named = book.resolve(value, kind)
            target = "(hidden)" if named is None else named[0]
            note = "" if target == value else f"-> {target}"
            folded += bool(note)
            print(f"  {value:40} {count:5}  {note}")
        print(f"  {folded} of the top {top} raw values are another form of a name")
        print(f"\nFirst {junk} names as they count; '?' marks what a rule suspects of not being a {kind}")
        flagged = []
        for number, row in enumerate(rows[:junk], start=1):
            why = suspect(row.name, kind, lower, capital)
            if why:
                flagged.append(row.name)
            print(f"  {number:3}. {'?' if why else ' '} {row.name} ({row.articles})" + (f"  [{why}]" if why else ""))
        print(f"  suspected: {len(flagged)}: {', '.join(flagged)}")


if __name__ == "__main__":
    raise SystemExit(main())
