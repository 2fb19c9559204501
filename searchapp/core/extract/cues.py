"""Speech cues: every "said", "told", "according to" outside quotations, with the speaker it names.

The subject before the verb is found by subjects.py; a speaker written after the verb (`"...," said
X`, `according to X`) here, and so are the other members of a coordinated subject ("A and B said").
"""

from __future__ import annotations

from searchapp.core.extract.clauses import inverted
from searchapp.core.extract.lexicon import (
    GENERIC_SOURCES,
    INVERTING_VERBS,
    ORG_ANAPHORS,
    PARTICIPLE_CUES,
    PRONOUNS,
    SPEECH_VERBS,
    SPOKESPERSON_WORDS,
    SUBJECT_FILLERS,
)
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.quotes import Cue
from searchapp.core.extract.subjects import clause_subject, subject_before, subject_position
from searchapp.core.extract.tokens import Doc

_PASSIVE = frozenset("was were been being is are be".split())
_CARRYING = frozenset("reported quoted cited".split())
# "wrote" is speech only when what follows is what was written: "wrote that", "wrote in the Times",
# or a quotation stands in its sentence.
_WRITING = frozenset("wrote writes".split())
_WRITING_NEXT = frozenset([",", ":", "that", "in", "on", "to", '"'])
# "called" is speech when it calls for something, on someone or something something: not "called off".
_CALLING = frozenset("called calls".split())
_CALLED_NEXT = frozenset("for on out it him her them the this that his their its".split())
_POINTING = frozenset("pointed points".split())
_NAMING = frozenset("also so is was be being".split())
_ISSUING = frozenset("issued issues".split())
# What an organisation issues when it speaks: "issued a statement", "issued a travel advisory".
_STATEMENTS = frozenset(
    "statement statements warning warnings advisory apology denial response rebuttal".split()
)
_GRANTED = frozenset("access entry bail permission visas visa them him her international".split())
_MOTION = frozenset("into through off down away open shut up".split())
# Words before a cue word that make it an adjective: "the noted author", "its stated aim".
_DETERMINERS = frozenset("a an the his her its their our my your this these those".split())
# What one "claims" by winning it.
_PRIZES = frozenset(
    """victory win title titles crown record best gold silver bronze medal medals prize trophy cup seat
    seats place lead honours award awards double treble pole""".split()
)
# What an "according to" source may be before its owner: "reports on CNN", "data from the IMF".
_SOURCE_NOUNS = frozenset(
    "report reports data figures statistics study survey records account documents".split()
)
_CUE_WORDS = SPEECH_VERBS | PARTICIPLE_CUES | frozenset(["according", "According"])
_STOP_AFTER = frozenset(
    """who which that in at on of for from with when while after as and but to yesterday today last during
    told adding before earlier speaking writing in by""".split()
)


def find_cues(doc: Doc, mentions: list[Mention]) -> list[Cue]:
    """Every speech cue outside quotations, with the speaker it names (or a pronoun to resolve)."""
    end_at = {m.end - 1: m for m in mentions}
    start_at = {m.first if m.first >= 0 else m.start: m for m in mentions}
    span_of = start_at  # a name read forwards from a cue is met at its first token (its title's, if any)
    cues: list[Cue] = []
    n = len(doc)
    for t in doc.positions(_CUE_WORDS):
        if doc.kinds[t] != "w" or doc.quote[t] >= 0 or not (doc.para[t] == 0 or doc.story(t)):
            continue
        word = doc.words[t]
        nxt = doc.words[t + 1] if t + 1 < n else ""
        if word in ("according", "According") and nxt == "to":
            cue = _after(doc, t + 2, t, span_of, according=True)
        elif word in PARTICIPLE_CUES and t > 0 and doc.words[t - 1] in (",", "—", "–") and _closing(doc, t):
            # "X criticised the plan, saying ...", "..., Shehu said, adding that ..."
            earlier = next((c for c in reversed(cues) if c.verb >= doc.sentence_begin(t)), None)
            cue = (
                Cue(t, earlier.speaker, earlier.pronoun, earlier.anaphor)
                if earlier
                else clause_subject(doc, t, start_at)
            )
        elif word in SPEECH_VERBS and _speech_sense(doc, t):
            if nxt == "by" and word.endswith("ed"):
                if word in _CARRYING and t > 0 and doc.words[t - 1] in _PASSIVE:
                    # "X was reported by The Washington Post as saying": X speaks, the paper carries it
                    cue = subject_before(doc, t, end_at)
                else:
                    cue = _after(doc, t + 2, t, span_of)  # "claims denied by Labour"
            elif t > 0 and doc.words[t - 1] in _PASSIVE:
                continue
            else:
                cue = subject_before(doc, t, end_at)
                if (
                    cue is None
                    and word in INVERTING_VERBS
                    and t > 0
                    and (doc.words[t - 1] == "," or doc.kinds[t - 1] == "q")
                ):
                    cue = _after(doc, t + 1, t, span_of)
                if cue is None and _coordinate_verb(doc, t):
                    cue = clause_subject(doc, t, start_at)  # "X resigned on Monday and said ..."
        else:
            continue
        if cue is not None:
            cues.append(cue)
            cues.extend(Cue(t, partner) for partner in _coordinated(doc, cue, end_at))
    return cues


def _speech_sense(doc: Doc, t: int) -> bool:
    """Whether the cue word at t is used of speech: not "the noted author", "its stated aim", "claimed
    victory", "called off", "wrote a book"."""
    word = doc.words[t]
    nxt = doc.words[t + 1] if t + 1 < len(doc) else ""
    if t > 0 and doc.words[t - 1].lower() in _DETERMINERS:
        return False
    if word in _WRITING:
        return nxt in _WRITING_NEXT or inverted(doc, t) or _quoted_in_sentence(doc, t)
    if word in _CALLING:
        if doc.is_cap(t + 1) and not doc.is_cap(t - 1) or (t > 0 and doc.words[t - 1] in _NAMING):
            return False  # "a subsidiary also called Equifax Workforce Solutions"; not "X called Trump a ..."
        return nxt in _CALLED_NEXT or _quoted_in_sentence(doc, t)
    if word in ("denied", "denies", "deny") and nxt in _GRANTED:
        return False  # "denied international port access", "denied bail"
    if word in _POINTING:
        return nxt == "out"
    if word in _ISSUING:
        return _issued_speech(doc, t)  # "issued a statement", "issued a travel advisory"
    if nxt in _MOTION:
        return False  # "slammed into the sea", "blasted off"
    return not _winning(doc, t)


def _issued_speech(doc: Doc, t: int) -> bool:
    for k in range(t + 1, min(t + 5, len(doc.words))):
        if doc.words[k] in _STATEMENTS:
            return True
        if doc.kinds[k] != "w" and doc.kinds[k] != "q":
            return False
    return False


def _quoted_in_sentence(doc: Doc, t: int) -> bool:
    """A quotation in the same sentence: `"...," Johnson wrote.` or `called the launch "deplorable"`."""
    begin, end = doc.sentence_begin(t), doc.sentence_end(t)
    return any(doc.kinds[k] == "q" for k in range(begin, min(end + 1, len(doc))))


def _closing(doc: Doc, t: int) -> bool:
    """A participle that closes its sentence: no speech verb after it ("another, citing scanners, said")."""
    return not any(doc.words[k] in SPEECH_VERBS for k in range(t + 1, doc.sentence_end(t)))


def _coordinate_verb(doc: Doc, t: int) -> bool:
    """ "... and said", "... and later told": a verb sharing the subject of the clause before it."""
    k = t - 1
    while k >= 0 and doc.words[k] in SUBJECT_FILLERS:
        k -= 1
    return k >= 0 and doc.words[k] == "and"


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


def _after(doc: Doc, k: int, t: int, span_of: dict[int, Mention], according: bool = False) -> Cue | None:
    """The speaker written after the cue: `said Jamie Firestone`, `according to the IPCC`."""
    found: Mention | None = None
    possessor: Mention | None = None
    start = k
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
        if word in GENERIC_SOURCES and found is None and not doc.is_cap(k + 1):
            return None  # "said analysts"; but "said police Chief Anna Reyes", "said analyst Dan Ives"
        if (
            found is None
            and word in _SOURCE_NOUNS
            and doc.words[k + 1 : k + 2] in (["on"], ["in"], ["from"], ["by"], ["of"])
        ):
            k += 2  # "according to reports on CNN", "according to data from the IMF"
            continue
        if k in span_of:
            found = span_of[k]
            k = found.end
            if k < len(doc) and doc.kinds[k] == "s":
                # "said Gartner's analyst Kobita Desai": the name after the possessive speaks, if any;
                # "revealed by Epstein's suicide": the possessor is no agent.
                possessor, found = found, None
                k += 1
            continue
        if doc.kinds[k] in ("p", "q") and word != "-":
            break
        if word in _STOP_AFTER and not (word == "and" and found is not None and found.kind != "person"):
            break
        k += 1
    if found is None and possessor is not None and doc.words[start - 1] != "by":
        found = possessor  # "according to the IMF's figures"
    if found is None:
        return None
    if (
        found.kind == "unknown"
        and " " in found.text
        and not spokesperson
        and not found.text.startswith("The ")
    ):
        # `said Henri Josserand`: a full name after the verb is a person; but a full name of no given
        # name after "according to" is a source's ("according to Tarvo Insight")
        found.kind = "org" if according else "person"
    return Cue(t, found, spokesperson=spokesperson)
