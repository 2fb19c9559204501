"""Organisations: which name spans are organisations, and which acronyms stand for which long forms.

An acronym is linked to a long form when the article writes one beside the other in brackets, or when
its letters are the initials of the long form's words, tolerating one wrong letter (IPPC -> IPCC ->
Independent Police Complaints Commission).
"""

from __future__ import annotations

import functools
import re

from searchapp.core.extract.gazetteer import PLACES
from searchapp.core.extract.lexicon import (
    KNOWN_ORGS,
    NON_ORG_ACRONYMS,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PARTY_FORMS,
    STANDALONE_ORG_WORDS,
)

_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]\.?")
# A code with a number, not a body: "UTF-8", "STS-135", "IE6", "PB100" (but "BBC2", a channel of the BBC).
_ROMAN = re.compile(r"(?=.*[IVX])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")  # not "MCI", a company
_CODE = re.compile(r"(?P<letters>[A-Za-z]+)(?P<dash>-?)\d+")
_MEDIA = frozenset("TV Television Radio Games Media Online Digital Mobile Interactive".split())
_PLACE_OPENERS = frozenset("United New Great Upper Lower Greater".split())
_MINOR_WORDS = frozenset("of for and & the on in to de du des la le".split())
_COMPASS = frozenset("N S E W . North South East West".split())  # "N. Korea", "S. Korea"
# Words of a state's formal name: "Republic of Korea", "Democratic People's Republic of Korea".
_STATE_WORDS = frozenset("Republic People's Peoples Democratic Federal Principality".split())
_DOMAINS = (".com", ".org", ".net", ".ca", ".co.uk", ".com.au", ".net.au", ".co.za", ".in", ".de")
_PARTY_CANONICAL = {form: canonical for canonical, forms in PARTY_FORMS.items() for form in forms}


@functools.lru_cache(maxsize=4096)
def is_acronym(word: str) -> bool:
    """BBC, IPCC, G8, BBC2: mostly capitals, 2 to 7 characters, not a common non-organisation one."""
    letters = [c for c in word if c.isalpha()]
    plain = undotted(word)
    if not 2 <= len(word) <= 7 or len(letters) < 2 or plain in NON_ORG_ACRONYMS or plain in PLACES:
        return False
    if plain.capitalize() in PLACES:  # "TOKYO", "PARIS" in a dateline or a credit
        return False
    parts = plain.split("-")
    if any(part in NON_ORG_ACRONYMS or (len(parts) > 1 and len(part) >= 3 and not part.isupper()) for part in parts):
        return False  # "HD-DVD"; "Jay-Z", a name with an initial
    if _ROMAN.fullmatch(plain) or (len(letters) >= 3 and len(set(letters)) == 1):
        return False  # "XVII", "AAA", "FFFF"
    code = _CODE.fullmatch(plain)
    if code and (code["dash"] or len(code["letters"]) < 3):
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper == len(letters) or (upper >= 2 and word[0].isupper() and word[-1].isupper())


def org_word_at(tokens: list[str]) -> int:
    """Index of the last organisation word in a name span, or -1."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k] in ORG_WORDS:
            return k
    return -1


def looks_like_org(tokens: list[str]) -> bool:
    return _looks_like_org(tuple(tokens))


@functools.lru_cache(maxsize=4096)
def _looks_like_org(tokens: tuple[str, ...]) -> bool:
    """A name span that is an organisation by its own words, whatever its context.

    A lone acronym needs three letters: a two-letter one ("NZ", "LV", "EC") is more often a place code
    or an abbreviation of a word, so it waits for the article to link it to a long form or to show it
    as a body by its context ("BP shares", "BP said").
    """
    text = " ".join(tokens)
    if org_word_at(tokens) >= 0 or text in _PARTY_CANONICAL or text in KNOWN_ORGS:
        return True
    if "&" in tokens or any(t.lower().endswith(_DOMAINS) for t in tokens):
        return True  # "Simon & Schuster", "Cleveland.com"

    return len(tokens) == 1 and is_acronym(tokens[0]) and sum(c.isalpha() for c in tokens[0]) >= 3


def generic(name: str) -> bool:
    """A lone organisation word ("Court", "Council", "TV") names no organisation by itself, nor does a
    medium after a place ("UK TV", "British TV")."""
    words = name.split()
    if len(words) > 1:
        return words[-1] in _MEDIA and is_place(words[:-1])
    return name in ORG_WORDS and name not in STANDALONE_ORG_WORDS and name not in KNOWN_ORGS


def shouted(word: str, lower_words: set[str]) -> bool:
    """An ordinary word in capitals ("UNLESS", "HUGE"), not an acronym: a function word, or a word the
    article also writes in lower case."""
    return (
        word.isupper()
        and len(word) >= 3
        and (word.capitalize() in NOT_NAME_WORDS or word.lower() in lower_words)
    )


def is_place(tokens: list[str]) -> bool:
    """ "United States", "South Korea", "Republic of Korea", "N. Korea", "Korean": a place or its people."""
    return _is_place(tuple(tokens))


@functools.lru_cache(maxsize=4096)
def _is_place(tokens: tuple[str, ...]) -> bool:
    if len(tokens) > 1 and tokens[0] in _PLACE_OPENERS:
        tokens = tokens[1:]  # "United States", "New Zealand"
    if not all(_place_word(t) or t in _MINOR_WORDS or t in _STATE_WORDS or t in _COMPASS for t in tokens):
        return False
    return any(_place_word(t) for t in tokens)  # "Republic of Korea", but not "Republic" alone


def _place_word(word: str) -> bool:
    """A place or its people's adjective: "Korea", "U.S.", "Rican" (of Costa Rica)."""
    plain = undotted(word)
    return plain in PLACES or (plain.endswith("n") and plain[:-1] in PLACES)


def undotted(word: str) -> str:
    """ "U.S" and "U.K." -> "US", "UK": a dotted acronym is the same word as the plain one."""
    return word.replace(".", "") if dotted(word) else word


def dotted(word: str) -> bool:
    return "." in word and _DOTTED.fullmatch(word) is not None  # most words have no full stop: no search


def party_canonical(name: str) -> str:
    """The usual full name of a party form ("Tories" -> "Conservative Party"), or ''."""
    return _PARTY_CANONICAL.get(name, "")


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w not in _MINOR_WORDS]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one substitution, insertion, deletion or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def acronym_matches(acronym: str, long_form: str, tolerant: bool = True) -> bool:
    """The acronym's letters are the long form's initials (one wrong letter allowed when tolerant)."""
    letters = _letters(acronym)
    if len(letters) < 2:
        return False
    full, every = _initials_both(long_form)
    if letters == full or letters == every:
        return True
    return tolerant and len(letters) >= 3 and _one_edit(letters, full)


# An article tries each of its acronyms against each of its long forms, twice (exactly, then with one
# wrong letter): the letters and initials are worked out once per word, not once per pair.
@functools.lru_cache(maxsize=4096)
def _letters(acronym: str) -> str:
    return "".join(c for c in acronym.upper() if c.isalpha())


@functools.lru_cache(maxsize=4096)
def _initials_both(long_form: str) -> tuple[str, str]:
    """The initials of a long form without its minor words ("of", "the") and of every word."""
    return initials(long_form), "".join(w[0].upper() for w in long_form.split() if w[0].isalpha())


def link_acronyms(acronyms: list[str], long_forms: list[str], bracketed: dict[str, str]) -> dict[str, str]:
    """Map each acronym to the long form it stands for in this article, if any.

    `bracketed` holds the pairs the article wrote as "Long Form (ACR)" or "ACR (Long Form)". Another
    acronym within one letter of a linked one (a misspelling) follows the same long form.
    """
    links: dict[str, str] = {}
    for acronym in acronyms:
        if acronym in bracketed:
            links[acronym] = bracketed[acronym]
            continue
        exact = [lf for lf in long_forms if acronym_matches(acronym, lf, tolerant=False)]
        if len(exact) == 1:
            links[acronym] = exact[0]
    for acronym in acronyms:
        if acronym in links:
            continue
        near = {links[a] for a in links if len(a) >= 3 and _one_edit(a, acronym)}
        near |= {lf for lf in long_forms if acronym_matches(acronym, lf)}
        if len(near) == 1:
            links[acronym] = near.pop()
    return links
