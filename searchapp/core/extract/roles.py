"""Role words around a person's name: "Bradford Council leader George Galloway", "Russ Foster, West
Yorkshire Assistant Chief Constable, said", "John Smith, 45,"; and how name words are joined into text."""

from __future__ import annotations

from searchapp.core.extract import orgs
from searchapp.core.extract.lexicon import (
    NOT_NAME_WORDS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from searchapp.core.extract.tokens import Doc

# Tokens written against the word before them: "U.S.", "Sheriff's", "Complaints'".
_JOINED = frozenset([".", "'s", "’s", "'", "’"])


def join(words: list[str]) -> str:
    plain = " ".join(words)
    if "." not in plain and _JOINED.isdisjoint(words):
        return plain  # nothing written against the word before it, as in most names
    text = ""
    for k, w in enumerate(words):
        text += w if (w in _JOINED or not text) else " " + w
        if orgs.dotted(w) and not w.endswith(".") and words[k + 1 : k + 2] != ["."]:
            text += "."  # "U.S government" -> "U.S. government": one form for every spelling
    return text


# Relations that describe another person: "the daughter of X" is not X's role.
_RELATIONS = frozenset(
    """daughter son wife husband mother father brother sister widow widower friend girlfriend boyfriend
    partner niece nephew cousin grandson granddaughter grandmother grandfather fiancee fiance""".split()
)


def role_before(doc: Doc, start: int) -> str:
    """Role words written just before a name: "Bradford Council leader", "Moscow-based US lawyer"."""
    k = start - 1
    words: list[str] = []
    has_role = False
    while k >= 0 and len(words) < 8 and doc.para[k] == doc.para[start] and doc.quote[k] == doc.quote[start]:
        w = doc.words[k]
        if (w in ("of", "for", "at", "the", "The", "by", "with") or doc.kinds[k] == "s") and not words:
            # "editor of The Scotsman", "Prime Minister's Questions": what follows is not the person
            return ""
        if w == "of" and k > 0 and doc.words[k - 1] in _RELATIONS:
            break  # "the eldest daughter of ex-King Michael": the daughter is someone else
        if doc.is_cap(k) or doc.kinds[k] == "s" or w in ("of", "for", "&") or "-" in w:
            # "ex-King"; "Goalkeeper Jon Sellers" opening a sentence
            has_role = (
                has_role or ("-" in w and w.rsplit("-", 1)[-1] in TITLE_WORDS) or w.lower() in ROLE_NOUNS
            )
        elif w in ROLE_NOUNS or w in ROLE_MODIFIERS:
            has_role = has_role or w in ROLE_NOUNS
        else:
            break
        if doc.sent_start[k] and w in NOT_NAME_WORDS:
            break
        words.append(w)
        if doc.sent_start[k]:
            break
        k -= 1
    while words and words[-1] in ("of", "for", "&"):
        words.pop()
    return join(words[::-1]).replace(" 's", "'s") if has_role else ""


def role_after(doc: Doc, end: int) -> str:
    """An appositive role: "Russ Foster, West Yorkshire Assistant Chief Constable, said"."""
    if end >= len(doc) or doc.words[end] != ",":
        return ""
    k = end + 1
    words: list[str] = []
    while k < len(doc) and doc.words[k] != "," and doc.kinds[k] != "q" and len(words) < 12:
        if doc.words[k] in ".;:()" or doc.sent_start[k]:
            break
        words.append(doc.words[k])
        k += 1
    if not words:
        return ""
    if not any(w in ROLE_NOUNS or w in TITLE_WORDS for w in words) or words[0] in SPEECH_VERBS:
        return ""  # "to EA, said Mr Armes, but": a clause, not a role
    if words[0] in _CLAUSE_OPENERS or any(_finite_verb(w) for w in words):
        return ""  # "who married PR executive Sarah Macaulay in 2000": a clause, not a role
    if words[0] in ("the", "a", "an"):
        words = words[1:]
    return join(words).replace(" 's", "'s")


_CLAUSE_OPENERS = frozenset("who whose which that when where as while after before because".split())
# Past forms that make a phrase a clause ("married", "joined"); participles that make roles are kept.
_ROLE_PARTICIPLES = frozenset("elected appointed retired acting designated".split())


def _finite_verb(word: str) -> bool:
    return word.islower() and word.endswith("ed") and len(word) > 4 and word not in _ROLE_PARTICIPLES


def modifier(doc: Doc, text: str, end: int) -> bool:
    """ "former Marine commandant", "Treasury spokesman": one word before a role noun describes it."""
    return " " not in text and end < len(doc) and doc.words[end] in ROLE_NOUNS and not doc.is_cap(end + 1)


def age_after(doc: Doc, end: int) -> bool:
    """ "John Smith, 45," """
    return (
        end + 2 < len(doc)
        and doc.words[end] == ","
        and doc.words[end + 1].isdigit()
        and doc.words[end + 2] == ","
    )
