"""The subject of a speech cue written before it: `X said`, `X, role, said`, `a Sony spokesman said`,
`he said`, `the company said`, `X, who ..., said`.
"""

from __future__ import annotations

from searchapp.core.extract import orgs
from searchapp.core.extract.clauses import relative_owner
from searchapp.core.extract.evidence import ORG_KIND_NOUNS
from searchapp.core.extract.lexicon import (
    LEGAL_SUFFIXES,
    NON_SUBJECT_BEFORE,
    ORG_ANAPHORS,
    PARTY_MEMBERS,
    PRONOUNS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_WORDS,
    SUBJECT_FILLERS,
)
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.quotes import Cue
from searchapp.core.extract.tokens import Doc

# Words that may stand right before a speaker in subject position ("leader", "and", "But", a comma).
_SUBJECT_OPENERS = frozenset(
    """and but while as when that then so also yet because although though where after before if since
    the a an""".split()
)
# Words that may open an appositive between a speaker and the verb: "X, the chief executive, said".
_APPOSITIVE_OPENERS = frozenset(
    """the a an his her its their who one also now formerly then speaking himself herself former ex
    currently until in on at after before during for like unlike despite following amid""".split()
)
# Endings of role nouns: "co-ordinator", "manager", "specialist", "technician", "assistant".
_ROLE_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")
# Plural voices of a named organisation: "Labour campaign chiefs say", "Rosneft officials said".
_VOICES = frozenset(
    "chiefs officials sources bosses executives insiders economists analysts researchers scientists strategists".split()
)
# An organisation's documents speak for it: "a KGI Securities report said", "a Moody's forecast said".
_DOCUMENTS = frozenset("report study survey forecast commentary analysis note research editorial".split())
_NOUN_MARKERS = frozenset("a an the his her its their our my your this these those".split())
_DAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Words after which "it said" is a main clause: "Profits rose, it said", "and it added".
_IT_OPENERS = frozenset(", and but while".split())


def subject_before(doc: Doc, t: int, end_at: dict[int, Mention]) -> Cue | None:
    """The subject of a cue verb: `X said`, `X, role, said`, `a Sony spokesman said`, `he said`."""
    k = t - 1
    skipped = 0
    while k >= 0 and doc.words[k] in SUBJECT_FILLERS and skipped < 3:
        k, skipped = k - 1, skipped + 1
    if k > 0 and doc.words[k] == "." and k - 1 in end_at and doc.words[k - 1] in LEGAL_SUFFIXES:
        k -= 1  # "Citigroup Inc. said"
    if k > 0 and doc.words[k] in ("that", "which") and doc.words[k - 1] in _DOCUMENTS:
        k -= 1  # "a KGI Securities report that said"
    if k > 1 and doc.words[k - 1] == "on" and (doc.words[k] in _DAYS or doc.words[k].isdigit()):
        k -= 2  # "Rex Tillerson on Friday denied", "on Oct. 30"
        if doc.words[k] == "." or doc.words[k] in _DAYS:
            k -= 1 if doc.words[k] in _DAYS else 2
    if k > 0 and doc.words[k] == ")":
        # "Sen. Marco Rubio (R-Fla.) urged": a bracketed tag between the speaker and the verb
        opening = next((j for j in range(k - 1, max(k - 8, -1), -1) if doc.words[j] == "("), -1)
        k = opening - 1 if opening > 0 else k
        while k >= 0 and doc.words[k] in SUBJECT_FILLERS:
            k -= 1
    if k < 0 or doc.para[k] != doc.para[t]:
        return None
    word = doc.words[k]
    owner = relative_owner(doc, k, end_at) if word != "," else None
    if owner is not None:
        return _subject(doc, t, owner, end_at)
    if k in end_at:
        return _subject(doc, t, end_at[k], end_at)
    if word in SPOKESPERSON_WORDS or word in _VOICES or word in ORG_KIND_NOUNS or word in _DOCUMENTS:
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
    description = _description(doc, k)
    if description:
        return Cue(t, anaphor=description)  # "the veteran goalkeeper said", "the Ohio Democrat said"
    if word == "who" and k > 0 and doc.words[k - 1] == ",":
        owner = _appositive_head(doc, k - 1, end_at) or end_at.get(k - 2)
        return _subject(doc, t, owner, end_at) if owner is not None else None
    if word == ",":
        return _appositive(doc, t, k, end_at)
    return None


def _description(doc: Doc, k: int) -> str:
    """ "role:goalkeeper" for "the veteran goalkeeper" ending at k, "role:democrat" for "the Ohio
    Democrat": a person described, not named; '' when the words are no such description."""
    word = doc.words[k]
    head = word.lower()
    if not (head in ROLE_NOUNS or word in PARTY_MEMBERS):
        return ""
    for j in range(k - 1, max(k - 5, -1), -1):
        if doc.words[j] in ("the", "The"):
            return f"role:{head}"
        if doc.kinds[j] != "w" or doc.words[j] in NON_SUBJECT_BEFORE or doc.words[j] in _SUBJECT_OPENERS:
            return ""
    return ""


def _appositive_head(doc: Doc, comma: int, end_at: dict[int, Mention]) -> Mention | None:
    """ "Princess Marguerite, the eldest daughter of ex-King Michael, who said": the name before an
    appositive ("the ...", "a ...") that ends at `comma`, not the last name inside it."""
    begin = doc.sentence_begin(comma)
    c = comma - 1
    while c > begin and doc.words[c] != "," and doc.kinds[c] != "q":
        c -= 1
    if doc.words[c] != "," or doc.words[c + 1] not in ("the", "a", "an", "his", "her", "its", "their"):
        return None
    head = end_at.get(c - 1)
    return head if head is not None and head.kind == "person" else None


def _voice_owner(doc: Doc, k: int, end_at: dict[int, Mention]) -> Mention | None:
    """The organisation before its voice: "a Sony spokesman", "Labour campaign chiefs", "the X group"."""
    j = k - 1
    if j >= 0 and doc.kinds[j] == "s":
        j -= 1
    if j > 2 and doc.words[j] == ")" and doc.words[j - 2] == "(":
        j -= 3  # "the Islamic State (IS) group claimed"
    modifiers = 0
    while j >= 0 and j not in end_at and modifiers < 2 and doc.kinds[j] == "w" and doc.words[j].islower():
        if doc.words[j] in _SUBJECT_OPENERS or doc.words[j] in NON_SUBJECT_BEFORE:
            return None
        j, modifiers = j - 1, modifiers + 1
    owner = end_at.get(j)
    if owner is None or owner.kind == "person" or doc.para[j] != doc.para[k]:
        return None
    if doc.words[k] in _VOICES and orgs.is_place(owner.text.split()):
        return None  # "Borno officials said": a place's officials are anonymous
    return owner


def _appositive(doc: Doc, t: int, k: int, end_at: dict[int, Mention]) -> Cue | None:
    """`X, director of Y, which ..., said`: the first name before a run of appositives speaks."""
    begin = doc.sentence_begin(k)
    comma = k
    inner: list[Mention] = []
    while comma > begin:
        c = comma - 1
        while c > begin and doc.words[c] != "," and doc.kinds[c] != "q":
            if doc.words[c] in SPEECH_VERBS and doc.words[c - 1] not in _NOUN_MARKERS:
                return None  # a clause of its own; but "in response to the comments" is a phrase
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
            or _role_phrase(doc.words[c + 1 : comma])
        ):
            break
        inner.extend(m for m in end_at.values() if c < m.start and m.end <= comma and m.kind == "person")
        before = c - 1
        if doc.words[before] == ")" and "(" in doc.words[max(before - 6, 0) : before]:
            before = (
                max(j for j in range(max(before - 6, 0), before) if doc.words[j] == "(") - 1
            )  # "(R-Fla.)"
        owner = end_at.get(before)
        whole = end_at.get(comma - 1)
        if (
            whole is not None
            and (whole.first if whole.first >= 0 else whole.start) in (c + 1, c + 2)
            and (whole.kind == "person" or doc.words[c + 1] in ("the", "The"))
            and (owner is None or owner.kind != "person")
        ):
            return Cue(t, whole)  # "The Shadow Secretary for the Family, Theresa May, said"
        if owner is not None:
            cue = _subject(doc, t, owner, end_at)
            if cue is not None:
                return cue
        comma = c
    return Cue(t, inner[0]) if len(inner) == 1 else None


def _role_phrase(words: list[str]) -> bool:
    """ "emergency program co-ordinator": a short lower-case phrase that ends in a role noun."""
    last = words[-1] if words else ""
    return (
        0 < len(words) <= 6
        and all(w.isalpha() or "-" in w for w in words)
        and (last in ROLE_NOUNS or last.endswith(_ROLE_ENDINGS))
    )


def subject_position(doc: Doc, mention: Mention) -> bool:
    """Nothing before the name makes it an object: "presents The Weakest Link tells" is not a subject."""
    first = mention.first if mention.first >= 0 else mention.start
    if first == 0 or doc.sent_start[first] or doc.para[first - 1] != doc.para[first]:
        return True
    prev = doc.words[first - 1]
    if doc.kinds[first - 1] != "w" or doc.is_cap(first - 1):
        return True
    return (
        prev in _SUBJECT_OPENERS
        or prev in ROLE_NOUNS
        or (len(prev) >= 6 and prev.endswith(_ROLE_ENDINGS) and prev not in NON_SUBJECT_BEFORE)
        or prev in ORG_ANAPHORS
        or prev in ORG_KIND_NOUNS
        or "-" in prev
    )


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
        if prev in ("for", "from", "at", "of", "by") and before in SPOKESPERSON_WORDS:
            # "a spokesman for Sony said", "a statement by the council said": the unnamed voice's
            # organisation or principal speaks.
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


def clause_subject(doc: Doc, t: int, start_at: dict[int, Mention]) -> Cue | None:
    """The subject of the clause a participle or a coordinated verb belongs to: the name or pronoun
    that opens the sentence ("Broadcom criticised the board, saying ...", "In a statement, X ...")."""
    begin = doc.sentence_begin(t)
    k = begin
    while k < t and (doc.words[k] in _CLAUSE_OPENERS or doc.kinds[k] == "q"):
        k += 1  # "But", "And", an opening quote mark
    if k < t and (doc.words[k] in NON_SUBJECT_BEFORE or doc.words[k].lower() in _INTRODUCERS):
        # "In a statement, X ...", "On Monday, X ...": an introductory phrase up to its comma
        comma = next((c for c in range(k, min(t, k + 8)) if doc.words[c] == ","), -1)
        if comma < 0:
            return None
        k = comma + 1
    if k >= t:
        return None
    if doc.words[k] in ("The", "the") and k + 1 in start_at:
        k += 1  # "The Harlow Publishing Group waged ..."
    word = doc.words[k]
    mention = start_at.get(k)
    if mention is not None and mention.end < t and doc.kinds[mention.end] != "s":
        return Cue(t, mention)
    if word in PRONOUNS:
        return Cue(t, pronoun=word.lower())
    if word in ("it", "It"):
        return Cue(t, anaphor="it")
    if word in ("the", "The") and doc.words[k + 1] in ORG_ANAPHORS:
        return Cue(t, anaphor=doc.words[k + 1])
    return None


_CLAUSE_OPENERS = frozenset("But And Yet So Still Meanwhile However , but and".split())
_INTRODUCERS = frozenset("in on at after before during earlier later last speaking asked when while".split())
