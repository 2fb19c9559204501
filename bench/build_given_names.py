"""Build searchapp/resources/given_names.txt from the US Census Bureau's 1990 first-name lists.

Usage: .venv/bin/python bench/build_given_names.py CENSUS_DIR [SHARED_DIR]

CENSUS_DIR holds `dist.male.first` and `dist.female.first` (public domain, US Census Bureau, 1990
"Frequently Occurring Names"; the same files ship inside the MIT-licensed `names` package on PyPI:
`pip download --no-deps --no-binary :all: names==0.3.0` and unpack it). A given name tells a person's
name from a place or a product only when nothing else does, so names that are also ordinary English
words ("Will", "Hope", "Summer") are left out unless they are very common names ("Mark", "Frank"), and
so are places, months and title words. "Ordinary English word" means written in lower case at least
`MIN_LOWER` times in the shared corpora's English text (BBC news, Reuters-21578, PolNeAR train).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.extract.gazetteer import PLACES  # noqa: E402
from searchapp.core.extract.lexicon import NOT_NAME_WORDS, ORG_WORDS, TITLE_WORDS  # noqa: E402

OUTPUT = REPO / "searchapp" / "resources" / "given_names.txt"
MIN_LOWER = 5  # lower-case uses in the corpora that make a name an ordinary word
COMMON_NAME = 0.05  # per cent of people with the name: common enough to keep even so ("Mark", "Bill")
MIN_LENGTH = 3
GENDER_RATIO = 10  # share of one sex over the other that makes a name that sex's


def census_names(census_dir: Path) -> dict[str, tuple[float, float]]:
    """Each name's share of men and of women (per cent)."""
    names: dict[str, tuple[float, float]] = {}
    for column, file in enumerate(("dist.male.first", "dist.female.first")):
        for line in (census_dir / file).read_text(encoding="ascii").splitlines():
            name, percent, *_ = line.split()
            shares = list(names.get(name.capitalize(), (0.0, 0.0)))
            shares[column] = float(percent)
            names[name.capitalize()] = (shares[0], shares[1])
    return names


def gender(male: float, female: float) -> str:
    """ "m" or "f" when one sex holds the name at least ten times as often as the other, else "u"."""
    if male >= GENDER_RATIO * female:
        return "m"
    if female >= GENDER_RATIO * male:
        return "f"
    return "u"


def lower_counts(shared: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    texts: list[str] = [
        p.read_text(encoding="utf-8", errors="ignore")
        for p in (shared / "corpora/bbc_news/bbc").rglob("*.txt")
    ]
    for path in (shared / "corpora/reuters21578_jsonl").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            texts.append(json.loads(line).get("text", "") if line.strip() else "")
    texts += [
        p.read_text(encoding="utf-8", errors="ignore")
        for p in (shared / "eval/polnear/train/text").glob("*.txt")
    ]
    for text in texts:
        counts.update(re.findall(r"\b[a-z]+\b", text))
    return counts


def main(argv: list[str]) -> int:
    census_dir = Path(argv[0])
    shared = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared"
    names = census_names(census_dir)
    lower = lower_counts(shared)
    excluded = PLACES | NOT_NAME_WORDS | ORG_WORDS | TITLE_WORDS
    kept = sorted(
        f"{name}\t{gender(*shares)}"
        for name, shares in names.items()
        if len(name) >= MIN_LENGTH
        and name not in excluded
        and (lower[name.lower()] < MIN_LOWER or max(shares) >= COMMON_NAME)
    )
    header = [
        "# Common given names: US Census Bureau, 1990 census, 'Frequently Occurring Names' (public domain),",
        "# first-name lists for men and women; names that are also ordinary English words, places, months",
        "# or titles are left out. Built by bench/build_given_names.py; one name a line, a tab, and m or f",
        "# when at least ten times as many men (women) as women (men) bear it, else u.",
    ]
    OUTPUT.write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(names)} names written to {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
