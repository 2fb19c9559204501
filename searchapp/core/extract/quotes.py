"""Quotations and speech cues: where quoted text is, and who each "said", "told", "according to" names.

Quotation marks are paired within a paragraph by their shape (an opening mark has a space before it, a
closing one after it); a quotation still open at the end of a paragraph ends there, and a paragraph
that starts with a mark continues it. A stray mark therefore upsets one paragraph at most.
"""

from __future__ import annotations

from dataclasses import dataclass

from searchapp.core.extract.clauses import inverted, relative_owner
from searchapp.core.extract.evidence import ORG_KIND_NOUNS
from searchapp.core.extract.lexicon import (
    GENERIC_SOURCES,
    INVERTING_VERBS,
    NON_SUBJECT_BEFORE,
    ORG_ANAPHORS,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_WORDS,
    SUBJECT_FILLERS,
)
from searchapp.core.extract.names import Mention
from searchapp.core.extract.tokens import Doc

_PASSIVE = frozenset("was were been being is are be".split())
# "wrote" is speech only when what follows is what was written: "wrote that", "wrote in the Times".
_WRITING = frozenset("wrote writes".split())
_WRITING_NEXT = frozenset([",", ":", "that", "in", "on", "to", '"'])
# Words that may stand right before a speaker in subject position ("leader", "and", "But", a comma).
_SUBJECT_OPENERS = frozenset(
    """and but while as when that then so also yet because although though where after before if since
    the a an""".split()
)
# Words that may open an appositive between a speaker and the verb: "X, the chief executive, said".
_APPOSITIVE_OPENERS = frozenset(
    """the a an his her its their who one also now formerly then speaking himself herself former ex
    currently until""".split()
)
# What one "claims" by winning it.
_PRIZES = frozenset(
    """victory win title titles crown record best gold silver bronze medal medals prize trophy cup seat
    seats place lead honours award awards double treble pole""".split()
)
# Plural voices of a named organisation: "Labour campaign chiefs say", "Rosneft officials said".
_VOICES = frozenset("chiefs officials sources bosses executives insiders".split())
# Words after which "it said" is a main clause: "Profits rose, it said", "and it added".
_IT_OPENERS = frozenset(", and but while".split())
_STOP_AFTER = frozenset(
    """who which that in at on of for from with when while after as and but to yesterday today last during
    told adding before earlier speaking writing in""".split()
)


@dataclass
class Quotation:
    open_mark: int  # token of the opening mark (the paragraph's first token when it has none)
    close_mark: int  # token of the closing mark (one past the paragraph when it is left open)
    para: int
    continued: bool  # opens a paragraph while the one before ended inside a quotation
    turn: int = -1  # colon of an interview turn's label: the whole paragraph is its speech


@dataclass
class Cue:
    verb: int  # token of the cue word ("said", "according")
    speaker: Mention | None = None
    pronoun: str = ""  # "he" or "she", resolved later
    anaphor: str = ""  # "company" in "the company said", resolved later
    spokesperson: bool = False  # "a Sony spokesman said": the organisation speaks


def _shape(doc: Doc, i: int) -> str:
    opens = (
        doc.space_before[i]
        or (i > 0 and doc.words[i - 1] in "([—-")
        or (i > 0 and doc.para[i - 1] != doc.para[i])
    )
    closes = doc.space_after[i] or (i + 1 < len(doc) and doc.kinds[i + 1] == "p") or i + 1 >= len(doc)
    closes = closes or doc.para[i + 1] != doc.para[i]
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def mark_quotations(doc: Doc, turns: dict[int, int] | None = None) -> list[Quotation]:
    """Pair quote marks paragraph by paragraph and mark every quoted token with its quotation.

    `turns` maps an interview turn's paragraph to its label's colon: the rest of it is one quotation.
    """
    turns = turns or {}
    quotes: list[Quotation] = []
    n = len(doc)
    i = 0
    left_open = False
    while i < n:
        para = doc.para[i]
        j = i
        while j < n and doc.para[j] == para:
            j += 1
        if para in turns:
            quotes.append(Quotation(turns[para], j, para, False, turns[para]))
            i, left_open = j, False
            continue
        opened = -1
        continued = False
        for k in range(i, j):
            if doc.kinds[k] != "q":
                continue
            shape = _shape(doc, k)
            if opened < 0:
                if shape == "close" and left_open and not _quotes_in(quotes, para):
                    quotes.append(Quotation(i - 1, k, para, True))  # a quotation carried over from before
                elif shape != "close":
                    opened, continued = k, k == i and left_open
            elif shape == "open" and k - opened > 2:
                quotes.append(Quotation(opened, k, para, continued))  # never closed: a new one starts
                opened, continued = k, False
            else:
                quotes.append(Quotation(opened, k, para, continued))
                opened = -1
        left_open = opened >= 0
        if left_open:
            quotes.append(Quotation(opened, j, para, continued))
        i = j
    for number, quote in enumerate(quotes):
        for k in range(max(quote.open_mark + 1, 0), min(quote.close_mark, n)):
            doc.quote[k] = number
    return quotes


def _quotes_in(quotes: list[Quotation], para: int) -> bool:
    return any(q.para == para for q in quotes)


def find_cues(doc: Doc, mentions: list[Mention]) -> list[Cue]:
    """Every speech cue outside quotations, with the speaker it names (or a pronoun to resolve)."""
    end_at = {m.end - 1: m for m in mentions}
    span_of = {k: m for m in mentions for k in range(m.first if m.first >= 0 else m.start, m.end)}
    cues: list[Cue] = []
    for t, word in enumerate(doc.words):
        if doc.kinds[t] != "w" or doc.quote[t] >= 0 or not (doc.para[t] == 0 or doc.story(t)):
            continue
        if word in ("according", "According") and t + 1 < len(doc) and doc.words[t + 1] == "to":
            cue = _after(doc, t + 2, t, span_of)
        elif word in SPEECH_VERBS:
            nxt = doc.words[t + 1] if t + 1 < len(doc) else ""
            if nxt == "by" and word.endswith("ed"):
                cue = _after(doc, t + 2, t, span_of)  # "claims denied by Labour"
            elif (
                (t > 0 and doc.words[t - 1] in _PASSIVE)
                or (word in _WRITING and nxt not in _WRITING_NEXT and not inverted(doc, t))
                or _winning(doc, t)
            ):
                continue
            else:
                cue = _before(doc, t, end_at)
                if (
                    cue is None
                    and word in INVERTING_VERBS
                    and t > 0
                    and (doc.words[t - 1] == "," or doc.kinds[t - 1] == "q")
                ):
                    cue = _after(doc, t + 1, t, span_of)
        else:
            continue
        if cue is not None:
            cues.append(cue)
            cues.extend(Cue(t, partner) for partner in _coordinated(doc, cue, end_at))
    return cues


def _winning(doc: Doc, t: int) -> bool:
    """ "X claims victory", "claimed a new world best": claiming a prize is winning, not speech."""
    if not doc.words[t].startswith("claim"):
        return False
    for k in range(t + 1, min(len(doc), t + 5)):
        if doc.words[k] in _PRIZES:
            return True
        if doc.kinds[k] != "w" or doc.words[k] == "that":
            return False
    return False


def _coordinated(doc: Doc, cue: Cue, end_at: dict[int, Mention]) -> list[Mention]:
    """The other members of "The Tories and the Lib Dems have questioned", "A, B and C have announced"."""
    speaker = cue.speaker
    chain: list[Mention] = []
    if speaker is None:
        return chain
    current, joined = speaker, False
    while True:
        k = (current.first if current.first >= 0 else current.start) - 1
        if k > 0 and doc.words[k] in ("the", "The"):
            k -= 1
        if k <= 0 or doc.words[k] not in ("and", ","):
            break
        if doc.words[k] == "and":
            if joined:
                break  # one "and" per list
            joined = True
            if doc.words[k - 1] == ",":
                k -= 1  # "A, B, and C"
        elif not joined:
            break  # the last member comes after "and": never "X, the head of Y, said"
        other = end_at.get(k - 1)
        if other is None or (other.kind == "person") != (speaker.kind == "person"):
            break
        chain.append(other)
        current = other
    return chain if chain and subject_position(doc, chain[-1]) else []


def _before(doc: Doc, t: int, end_at: dict[int, Mention]) -> Cue | None:
    """The subject of a cue verb: `X said`, `X, role, said`, `a Sony spokesman said`, `he said`."""
    k = t - 1
    skipped = 0
    while k >= 0 and doc.words[k] in SUBJECT_FILLERS and skipped < 3:
        k, skipped = k - 1, skipped + 1
    if k < 0 or doc.para[k] != doc.para[t]:
        return None
    word = doc.words[k]
    owner = relative_owner(doc, k, end_at) if word != "," else None
    if owner is not None:
        return _subject(doc, t, owner, end_at)
    if k in end_at:
        return _subject(doc, t, end_at[k], end_at)
    if word in SPOKESPERSON_WORDS or word in _VOICES or word in ORG_KIND_NOUNS:
        owner = _voice_owner(doc, k, end_at)
        if owner is not None:
            cue = _subject(doc, t, owner, end_at)
            if cue is not None:
                cue.spokesperson = True
            return cue
        if word in SPOKESPERSON_WORDS:
            return None
    if word in PRONOUNS:
        return Cue(t, pronoun=word.lower())
    if word in ("it", "It") and (doc.sent_start[k] or doc.words[k - 1] in _IT_OPENERS):
        return Cue(t, anaphor="it")  # "It said profits rose": the organisation the text is about
    if word in ORG_ANAPHORS and k > 0 and doc.words[k - 1] in ("the", "The"):
        return Cue(t, anaphor=word)
    if word == "who" and k > 0 and doc.words[k - 1] == ",":
        owner = end_at.get(k - 2)
        return _subject(doc, t, owner, end_at) if owner is not None else None
    if word == ",":
        return _appositive(doc, t, k, end_at)
    return None


def _voice_owner(doc: Doc, k: int, end_at: dict[int, Mention]) -> Mention | None:
    """The organisation before its voice: "a Sony spokesman", "Labour campaign chiefs", "the X group"."""
    j = k - 1
    if j >= 0 and doc.kinds[j] == "s":
        j -= 1
    modifiers = 0
    while j >= 0 and j not in end_at and modifiers < 2 and doc.kinds[j] == "w" and doc.words[j].islower():
        if doc.words[j] in _SUBJECT_OPENERS or doc.words[j] in NON_SUBJECT_BEFORE:
            return None
        j, modifiers = j - 1, modifiers + 1
    owner = end_at.get(j)
    if owner is None or owner.kind == "person" or doc.para[j] != doc.para[k]:
        return None
    return owner


def _appositive(doc: Doc, t: int, k: int, end_at: dict[int, Mention]) -> Cue | None:
    """`X, director of Y, which ..., said`: the first name before a run of appositives speaks."""
    begin = doc.sentence_begin(k)
    comma = k
    inner: list[Mention] = []
    while comma > begin:
        c = comma - 1
        while c > begin and doc.words[c] != "," and doc.kinds[c] != "q":
            if doc.words[c] in SPEECH_VERBS:
                return None
            c -= 1
        if doc.words[c] != ",":
            break
        opener = doc.words[c + 1]
        if not (
            opener in _APPOSITIVE_OPENERS
            or opener in ROLE_NOUNS
            or opener in ROLE_MODIFIERS
            or opener in ("which", "whose")
            or doc.is_cap(c + 1)
            or opener.isdigit()
            or "-" in opener
        ):
            break
        inner.extend(m for m in end_at.values() if c < m.start and m.end <= comma and m.kind == "person")
        owner = end_at.get(c - 1)
        whole = end_at.get(comma - 1)
        if (
            whole is not None
            and whole.kind == "person"
            and (whole.first if whole.first >= 0 else whole.start) == c + 1
            and (owner is None or owner.kind != "person")
        ):
            return Cue(t, whole)  # "The Shadow Secretary for the Family, Theresa May, said"
        if owner is not None:
            cue = _subject(doc, t, owner, end_at)
            if cue is not None:
                return cue
        comma = c
    return Cue(t, inner[0]) if len(inner) == 1 else None


def subject_position(doc: Doc, mention: Mention) -> bool:
    """Nothing before the name makes it an object: "presents The Weakest Link tells" is not a subject."""
    first = mention.first if mention.first >= 0 else mention.start
    if first == 0 or doc.sent_start[first] or doc.para[first - 1] != doc.para[first]:
        return True
    prev = doc.words[first - 1]
    if doc.kinds[first - 1] != "w" or doc.is_cap(first - 1):
        return True
    return prev in _SUBJECT_OPENERS or prev in ROLE_NOUNS or prev in ORG_ANAPHORS or "-" in prev


def _subject(doc: Doc, t: int, mention: Mention, end_at: dict[int, Mention]) -> Cue | None:
    first = mention.first if mention.first >= 0 else mention.start
    prev = doc.words[first - 1] if first > 0 else ""
    if prev == "the" and first > 1 and doc.words[first - 2] in NON_SUBJECT_BEFORE:
        first -= 1  # "Joe Lombardo of the Las Vegas police said"
        prev = doc.words[first - 1]
    if prev in NON_SUBJECT_BEFORE:
        before = doc.words[first - 2] if first > 1 else ""
        person = end_at.get(first - 2)
        if prev in ("of", "at", "from") and person is not None and person.kind != "org":
            return _subject(doc, t, person, end_at)  # "Mike Powell of Dresdner Kleinwort Wasserstein says"
        if prev in ("for", "from", "at", "of") and before in SPOKESPERSON_WORDS and mention.kind != "person":
            return Cue(t, mention, spokesperson=True)
        return None
    if not subject_position(doc, mention):
        return None
    if mention.kind != "person":
        owner = _role_owner(doc, first, end_at)
        if owner is not None:
            return Cue(t, owner)
    # "Colin Asplin, Blackpool Hotel Association said": the person before the comma speaks.
    person = end_at.get(first - 2)
    if mention.kind == "org" and prev == "," and person is not None and person.kind == "person":
        if doc.sent_start[person.first]:
            return Cue(t, person)
    return Cue(t, mention)


def _role_owner(doc: Doc, first: int, end_at: dict[int, Mention]) -> Mention | None:
    """ "Marvin Hier, founder of rights group the Simon Wiesenthal Center said": the person speaks."""
    j = first - 1
    has_role = False
    begin = doc.sentence_begin(first)
    while j > begin and doc.words[j] != "," and doc.kinds[j] != "q":
        if doc.words[j] in SPEECH_VERBS:
            return None
        has_role = has_role or doc.words[j] in ROLE_NOUNS
        j -= 1
    person = end_at.get(j - 1)
    if has_role and doc.words[j] == "," and person is not None and person.kind == "person":
        return person
    return None


def _after(doc: Doc, k: int, t: int, span_of: dict[int, Mention]) -> Cue | None:
    """The speaker written after the cue: `said Jamie Firestone`, `according to the IPCC`."""
    found: Mention | None = None
    spokesperson = False
    limit = min(len(doc), k + 12)
    while k < limit and doc.para[k] == doc.para[t]:
        word = doc.words[k]
        if word in PRONOUNS and found is None:
            return Cue(t, pronoun=word.lower())
        if word in SPOKESPERSON_WORDS and k + 1 < limit and doc.words[k + 1] in ("for", "at", "of", "from"):
            spokesperson = True
            k += 2
            continue
        if word in ORG_ANAPHORS and doc.words[k - 1] == "the" and found is None:
            return Cue(t, anaphor=word)
        if word in GENERIC_SOURCES and found is None:
            return None
        if k in span_of:
            found = span_of[k]
            k = found.end
            continue
        if doc.kinds[k] in ("p", "q") and word != "-":
            break
        if word in _STOP_AFTER and not (word == "and" and found is not None and found.kind != "person"):
            break
        k += 1
    if found is None or (spokesperson and found.kind == "person"):
        return None
    if found.kind == "unknown" and " " in found.text and not spokesperson:
        found.kind = "person"  # `said Henri Josserand`: a full name after the verb is a person
    return Cue(t, found, spokesperson=spokesperson)
