"""Organisations named by their kind rather than by a name: a place's or a leader's institution ("Los
Angeles police", "South Korean defense ministry", "Nigeria's military", "Obama administration") and a
team or a band named by a capitalised plural ("the Bengals", "Arizona Cardinals", "Frank Reich (Eagles)").
"""

from __future__ import annotations

from searchapp.core.extract import orgs
from searchapp.core.extract.gazetteer import GIVEN_NAMES, PLACES
from searchapp.core.extract.lexicon import NOT_NAME_WORDS, ORG_WORDS, TITLE_WORDS
from searchapp.core.extract.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case heads that make the name before them an institution: "Seattle police", "Obama administration".
INSTITUTIONS = _words("government administration ministry military army navy police")
# A place's institutions only: a person or a company has no army.
_STATE_INSTITUTIONS = _words("ministry military army navy")
# Portfolios before "ministry": "the South Korean defense ministry".
_PORTFOLIOS = _words(
    """defense defence finance foreign interior health education justice trade agriculture home economy
    information culture environment transport energy"""
)
# Capitalised plurals that are events, places or peoples, not teams: "the Olympics", "the Alps".
_NOT_TEAMS = _words(
    """Olympics Paralympics Oscars Grammys Emmys Baftas Brits Games Championships Awards Finals Nationals
    Playoffs Series Alps Andes Rockies Highlands Midlands Americas Himalayas Philippines Netherlands
    Maldives Bahamas Seychelles Falklands Azores Canaries Caribbean Islands Isles Times News Commons Lords
    Affairs Relations Services Sciences Humanities Studies Arts Rights Forces Nations States Emirates
    Ages Tuesdays Thursdays Sundays Mondays Wednesdays Fridays Saturdays Christmas Means Sales Jones
    Williams Davis Evans Roberts Edwards Phillips Collins Harris Adams Hughes Stevens Rogers Reynolds
    Sanders Simmons Brooks Myers Ellis Hayes Powers Woods Burns Banks Wells Mills Rivers Richards
    Matthews Peters Andrews Lewis Thomas James Charles Francis Douglas Nicholas Marcus Chris Jews"""
)


def institution_end(doc: Doc, span: list[int]) -> int:
    """One past the institution word after the run (and its 's), or -1: "Seattle police", "Nigeria's
    military", "the Irish finance ministry". A person's only institution is an administration or a
    government; a place or a city may have any."""
    k = span[-1] + 1
    n = len(doc.words)
    if k < n and doc.kinds[k] == "s":
        k += 1
    if k < n and doc.words[k] in _PORTFOLIOS and k + 1 < n and doc.words[k + 1] == "ministry":
        k += 1
    if k >= n or doc.words[k] not in INSTITUTIONS or doc.para[k] != doc.para[span[0]]:
        return -1
    words = [doc.words[t] for t in span]
    if orgs.is_place(words):
        return k + 1
    person = words[0] in GIVEN_NAMES or any(w in TITLE_WORDS for w in words)
    if person or orgs.party_canonical(words[-1]):
        # a leader's administration ("Obama administration"), not a leader's or a party's government
        return k + 1 if doc.words[k] == "administration" else -1
    return -1 if doc.words[k] in _STATE_INSTITUTIONS else k + 1


def team_plural(doc: Doc, span: list[int], vocabulary: frozenset[str]) -> bool:
    """ "the Bengals", "(Eagles)": a capitalised plural that is no ordinary word of the article (no
    "critics" beside "Critics") nor a family ("the Bidens" beside "Joe Biden"), no place, people or
    event, after "the" or alone in brackets."""
    last = doc.words[span[-1]]
    if not plural(last) or {last.lower(), last[:-1].lower(), last[:-1], last[:-2]} & vocabulary:
        return False
    first = span[0]
    before = doc.words[first - 1] if first > 0 else ""
    if before == "the" or (before == "The" and doc.sent_start[first - 1]):
        return True  # but not "The History Boys", a title
    after = doc.words[span[-1] + 1] if span[-1] + 1 < len(doc.words) else ""
    return len(span) == 1 and before == "(" and after == ")"


def plural(word: str) -> bool:
    """A capitalised plural that may name a team: not an acronym's plural, a place, a people or an event."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")) or not word[0].isupper():
        return False
    if word[:-1].isupper() or word in _NOT_TEAMS or word in NOT_NAME_WORDS or word in ORG_WORDS:
        return False  # "MEPs", "SUVs"
    root = word[:-1]
    return word not in TITLE_WORDS and root not in PLACES and word not in PLACES and word[:-2] not in PLACES
