"""Clauses between a speaker and the speech verb: the subject of "said" after a relative clause.

"Mr Galloway, who on Thursday won damages from the Daily Telegraph said he would stand": the clause
opened by ", who" (or ", which") is never closed by a comma, so the last name before "said" is inside
it; the speaker is the name before ", who".
"""

from __future__ import annotations

from searchapp.core.extract.lexicon import SPEECH_VERBS
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.tokens import Doc

_CLAUSE_SUBJECTS = frozenset("the a an he she they we i it police officials his her their its".split())


def relative_owner(doc: Doc, k: int, end_at: dict[int, Mention]) -> Mention | None:
    """ "Mr Galloway, who on Thursday won damages from the Daily Telegraph said": the name before the
    still-open ", who" (or ", which") clause speaks, not the clause's last noun. Not "X, who police said"."""
    begin = doc.sentence_begin(k)
    j = k
    while j > begin + 1:
        word = doc.words[j]
        if doc.kinds[j] == "q" or (word in SPEECH_VERBS and j < k):
            return None
        if word == "," and not (doc.words[j - 1].isdigit() and not doc.space_after[j]):
            return None  # the clause was closed (an appositive) or this is a list
        if word in ("who", "which") and doc.words[j - 1] == "," and j + 1 < k:
            nxt = doc.words[j + 1]
            owner = end_at.get(j - 2)
            if nxt.lower() in _CLAUSE_SUBJECTS or doc.is_cap(j + 1) or owner is None:
                return None
            return owner if word == "which" or owner.kind != "org" else None
        j -= 1
    return None


def inverted(doc: Doc, t: int) -> bool:
    """`"...," wrote Travis Anderson`: the cue verb right after a quotation, before its speaker."""
    return t > 1 and doc.words[t - 1] == "," and doc.kinds[t - 2] == "q" or t > 0 and doc.kinds[t - 1] == "q"
