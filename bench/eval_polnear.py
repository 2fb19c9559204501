"""Check speaker extraction on PolNeAR dev, text no rule was written against.

Usage: .venv/bin/python bench/eval_polnear.py [SHARED_DIR] [--split dev|train] [--show]

PolNeAR (../shared/eval/polnear, Newell, Margolin & Ruths 2018) marks every attribution in US election
coverage with its Source, Cue and Content spans; sources are mentions, not resolved names, and cues
include beliefs and intentions. So this is a rough, independent check rather than a score to fit:

- source recall: of the attributions whose cue holds a speech verb (`SPEECH_CUES`, fixed here so that
  versions of the extractor compare) and whose source span names someone
  (a capitalised word that is no pronoun or sentence opener), the share whose name's last word is the
  last word of one of the article's speakers (or of one of their aliases);
- speaker support: of the speakers found, the share whose last word is the last word of some source
  span of the article (any cue): a speaker PolNeAR never names as a source is likely a false one.

Where an article has several annotators' files, the first is used. Nothing here is used for training.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from searchapp.core.extract import extract_entities  # noqa: E402
from searchapp.core.extract.lexicon import NOT_NAME_WORDS, TITLE_WORDS  # noqa: E402
from searchapp.core.models import Article  # noqa: E402

_SPAN = re.compile(r"^(T\d+)\t(\w+) (\d+) (\d+)(?:;\d+ \d+)*\t(.*)$")
_LINK = re.compile(r"^E\d+\t\w+:(T\d+)(.*)$")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# Cue words that mark speech, fixed here (not the extractor's own list) so that versions compare.
SPEECH_CUES = frozenset(
    """said says say saying told tells tell according added adds announced argued argues claimed claims
    explained noted wrote writes warned insisted asked replied responded tweeted praised criticized
    criticised stated suggested acknowledged admitted denied declared reported urged called accused
    described confirmed revealed recalled vowed promised predicted complained""".split()
)


def attributions(path: Path) -> list[tuple[str, str]]:
    """(source text, cue text) of every attribution in one brat file that has both."""
    spans: dict[str, tuple[str, str]] = {}
    links: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _SPAN.match(line):
            spans[match[1]] = (match[2], match[5])
        elif match := _LINK.match(line):
            links.append(re.findall(r"(\w+):(T\d+)", line))
    found = []
    for link in links:
        roles = {role: spans.get(ref, ("", ""))[1] for role, ref in link}
        if roles.get("Source") and roles.get("Cue"):
            found.append((roles["Source"], roles["Cue"]))
    return found


def named(source: str) -> str:
    """The last word of the name in a source span ("Hillary Clinton's team" -> "clinton"), or ''."""
    source = re.sub(r"\([^)]*\)", " ", source)  # "Sen. Bernie Sanders (I-Vt.)": not the party tag
    words = [w.rstrip(".").replace("’s", "").replace("'s", "") for w in _WORD.findall(source)]
    names = [w for w in words if w[:1].isupper() and w not in NOT_NAME_WORDS and w not in TITLE_WORDS]
    return names[-1].lower() if names else ""


def last_words(entities) -> set[str]:
    found: set[str] = set()
    for speaker in entities.speakers:
        for form in (speaker.name, *speaker.aliases):
            if form.split():
                found.add(form.split()[-1].lower().rstrip("."))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(REPO.parent / "shared"))
    parser.add_argument("--show", action="store_true", help="list missed sources and unsupported speakers")
    parser.add_argument("--split", default="dev", choices=("dev", "train"), help="PolNeAR part to read")
    args = parser.parse_args(argv)
    base = Path(args.shared) / "eval" / "polnear" / args.split
    recalled = speech = supported = speakers = 0
    for text_path in sorted((base / "text").glob("*.txt")):
        annotations = sorted((base / "attributions").glob(text_path.stem + "_*.ann"))
        if not annotations:
            continue
        headline, _, body = text_path.read_text(encoding="utf-8").partition("\n")
        entities = extract_entities(Article(path=text_path.name, headline=headline, body=body, format="txt"))
        found = last_words(entities)
        sources = attributions(annotations[0])
        any_source = {named(s) for s, _ in sources} - {""}
        for source, cue in sources:
            name = named(source)
            if name and any(w.lower() in SPEECH_CUES for w in cue.split()):
                speech += 1
                recalled += name in found
                if args.show and name not in found:
                    print(f"{text_path.stem[:40]:40} missed  {source!r} ({cue})")
        for speaker in entities.speakers:
            speakers += 1
            supported += speaker.name.split()[-1].lower() in any_source
            if args.show and speaker.name.split()[-1].lower() not in any_source:
                print(f"{text_path.stem[:40]:40} unsupported  {speaker.name}")
    print(
        f"PolNeAR {args.split}: source recall {recalled / max(speech, 1):.3f} ({recalled}/{speech} speech attributions "
        f"with a named source); speaker support {supported / max(speakers, 1):.3f} ({supported}/{speakers})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
