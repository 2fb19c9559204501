"""Shapes of capitalised runs that are not what their words first suggest.

- An award, event, product or place named after someone or something: "Hans Christian Andersen Award",
  "Norwich Union Grand Prix", "Creative Commons Attribution" (no name at all).
- A role: "State Department Spokesperson" (the organisation is "State Department"), "Director of Media
  and Communications" (no organisation), "President of the European Commission" ("European Commission").
- An organisation run into a person's name: "Washington State University Simon Smith".
- A headline written in title case ("America's Finest News Source"): every word is capitalised, so a run
  there is a name only when the body writes it too.
"""

from __future__ import annotations

import re

from searchapp.core.extract import orgs
from searchapp.core.extract.gazetteer import GIVEN_NAMES, PLACES
from searchapp.core.extract.lexicon import (
    HONORIFICS,
    NOT_NAMES,
    ORG_WORDS,
    SPEECH_VERBS,
    THING_HEADS,
    TITLE_WORDS,
)
from searchapp.core.extract.tokens import Doc

_CONNECTORS = frozenset("of for and & the".split())
_DIGIT = re.compile(r"\d")
_OFFICES = TITLE_WORDS - HONORIFICS
_MINOR_WORDS = frozenset(
    "a an the of in on at to for with from by and or but as into about over than via vs is are was".split()
)
# Last words that no person's name has: "Andy Warhol Photographic Legacy Program", "Jeff Smith Experience".
_GAMES = frozenset("Olympic Olympics Paralympic Commonwealth Asian Indoor Winter Summer Youth Pan".split())
_NOT_SURNAMES = frozenset("Program Project Experience Studio Studios Sea Ocean Island Islands".split())
# Last words of THING_HEADS that are also surnames.
_SURNAMES = frozenset("Player Knife Street Road Bridge Lake Beach".split())
_NUMBERS = frozenset("Two Three Four Five Six Seven Eight Nine Ten Tri".split())
_ENTRANTS = frozenset("Champions Nations".split())


def thing(words: list[str]) -> bool:
    """A run whose last word makes it an award, an event, a competition, a plan or a place ("Gary
    Player" stays)."""
    last = words[-1]
    if len(words) > 2 and words[0] in GIVEN_NAMES and last in _NOT_SURNAMES:
        return True
    if last == "Games" and _GAMES & set(words):
        return True  # "Commonwealth Games", "Boston Indoor Games"; but "Epic Games", a company
    if last in NOT_NAMES and "of" not in words and orgs.org_word_at(words) < 0:
        return True  # "Merry Christmas", "Happy Easter"; but "Office of Management and Budget"
    if last == "Nations" and _NUMBERS & set(words):
        return True  # "Six Nations", "RBS Six Nations", "Tri Nations": competitions; "United Nations" stays
    if last == "League" and len(words) >= 2 and words[-2] in _ENTRANTS:
        return True  # "Champions League", "Nations League"; "Premier League", "Arab League" stay
    # "Davis Cup" and "Marshall Plan" are things although Davis and Marshall are given names; "Gary
    # Player" and "Ricki Lake" are people
    return last in THING_HEADS and not (len(words) == 2 and words[0] in GIVEN_NAMES and last in _SURNAMES)


def code_like(text: str) -> bool:
    """ "GPRS", "DB9": one word in capitals or with a digit is no person's name, whatever role is near."""
    return " " not in text and (_DIGIT.search(text) is not None or (text.isupper() and len(text) >= 2))


def org_within_role(words: list[str]) -> tuple[int, int] | None:
    """Where the organisation is in a run that is a role: (start, end) of its words, (0, 0) for none,
    None when the run is not a role."""
    last_org = orgs.org_word_at(words)
    if last_org < 0:
        return None
    if len(words) > 2 and words[0] in _OFFICES and words[1] in ("of", "for"):
        start = 3 if words[2] == "the" else 2  # "President of the European Commission"
        rest = words[start:]
        named = any(w not in ORG_WORDS and w not in _CONNECTORS for w in rest) or len(rest) == 2
        return (start, len(words)) if named and "and" not in rest[:1] else (0, 0)
    if last_org < len(words) - 1 and all(w in _OFFICES for w in words[last_org + 1 :]):
        return (0, last_org + 1)  # "State Department Spokesperson", "Bradford Council Leader"
    return None


def split_org_person(doc: Doc, span: list[int]) -> list[list[int]]:
    """Split an organisation's name from a person's name run into it ("... University Simon Smith",
    "the Duma's Foreign Affairs Committee Leonid Slutsky said")."""
    if len(span) < 3:
        return [span]
    words = [doc.words[k] for k in span]
    last_org = orgs.org_word_at(words)
    rest = words[last_org + 1 :]
    speaks = span[-1] + 1 < len(doc.words) and doc.words[span[-1] + 1] in SPEECH_VERBS
    if last_org < 0 or not 2 <= len(rest) <= 3:
        return [span]
    if not (rest[0] in GIVEN_NAMES or speaks or _speaks_alone(doc, rest[-1], span[-1])):
        return [span]
    if last_org > 0 and words[last_org - 1] in TITLE_WORDS:
        return [span]  # "Broadcom Chief Executive Hock Tan": a title, read as one
    if any(w in ORG_WORDS or w in TITLE_WORDS or w in PLACES or not w[:1].isupper() for w in rest):
        return [span]
    return [span[: last_org + 1], span[last_org + 1 :]]


def _speaks_alone(doc: Doc, surname: str, end: int) -> bool:
    """ "University of Texas Arlington Amneh Jafari heard ... Jafari said": the article's later "Jafari
    said" shows the run ends in a person's name."""
    words = doc.words
    return any(
        verb > end + 1 and words[verb - 1] == surname and not doc.is_cap(verb - 2)
        for verb in _speech_positions(doc)
    )


def _speech_positions(doc: Doc) -> list[int]:
    """Where the article's speech verbs are (found in C once per article: a handful of them)."""
    if doc.speech is None:
        doc.speech = doc.positions(SPEECH_VERBS)
    return doc.speech


def title_case(headline: str) -> bool:
    """Most words capitalised, short function words aside: "An Interview with America's Finest News
    Source", not "Hackers attack church website"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", headline) if w not in _MINOR_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
