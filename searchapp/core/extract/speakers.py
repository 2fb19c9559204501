"""Who speaks: cues resolved to entities ("he said" to the person the text is about), quotations counted.

A pronoun cue goes to the most recent person named outside quotations in subject position (not after
"to", "by", "told"...), else to the last person speaker; "the company said" goes to the most recent
organisation. A quotation goes to the cue beside it (`"...," she said`, `X said: "..."`), else to a cue
in its sentence, else to the speaker of the quotation before it in the same or previous paragraph.
"""

from __future__ import annotations

import bisect

from searchapp.core.extract import orgs
from searchapp.core.extract.entity import Entity
from searchapp.core.extract.lexicon import NON_SUBJECT_BEFORE
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.quotes import Cue, Quotation
from searchapp.core.extract.subjects import subject_position
from searchapp.core.extract.tokens import Doc

# Organisation name words that do not fit "the company said": public bodies, parties, unions, schools.
_PUBLIC_WORDS = frozenset(
    """Council Commission Committee Parliament Assembly Congress Senate Government government Administration
    administration Ministry Department Office Agency Authority Police Constabulary Court Tribunal Army Navy
    Cabinet Bureau Directorate Service Party Union Association Federation Confederation University College
    School Hospital Church Commons Lords League""".split()
)
_COMPANY_ANAPHORS = frozenset(
    """company firm group carrier airline retailer maker giant operator business bank broadcaster network
    club""".split()
)
# "the council said" needs a Council; "the government said" a government.
_HEAD_OF = {"government": ("government", "Government", "Administration", "administration")}
_ANY_ORG_ANAPHORS = frozenset("organisation organization body charity".split())
_PRONOUN_GENDER = {"he": "m", "she": "f"}
# How far back (in sentences) "it said" looks for the organisation it stands for.
_IT_SENTENCES = 2


def _subject_like(doc: Doc, m: Mention) -> bool:
    first = m.first if m.first >= 0 else m.start
    if first > 1 and doc.words[first - 1] in ("the", "The"):
        first -= 1
    if first > 1 and doc.words[first - 2 : first] in (["according", "to"], ["According", "to"]):
        return True  # "According to Tarantino, he told ..."
    return first == 0 or doc.words[first - 1] not in NON_SUBJECT_BEFORE


def _fits(anaphor: str, entity: Entity) -> bool:
    """Whether an organisation can be what "the <anaphor>" stands for."""
    words = set(entity.name.split())
    party = "Party" in words or len(entity.forms) > 1 and orgs.party_canonical(entity.forms[0]) != ""
    party = party or orgs.party_canonical(entity.name) != ""
    if anaphor == "party":
        return party
    if anaphor in _COMPANY_ANAPHORS:
        return not party and not words & _PUBLIC_WORDS
    if anaphor in _ANY_ORG_ANAPHORS or anaphor == "it":
        return True
    heads = _HEAD_OF.get(anaphor, (anaphor.capitalize(),))
    return any(h in words for h in heads)


def antecedents(doc: Doc, mentions: list[Mention], entity_of: dict[int, Entity]) -> list[Mention]:
    """The mentions a pronoun or "the company" may stand for: named in the story outside quotations,
    in order of their ends."""
    found = [m for m in mentions if not m.quoted and id(m) in entity_of and doc.story(m.start)]
    return sorted(found, key=lambda m: m.end)


def _resolve_cue(
    doc: Doc,
    cue: Cue,
    before: list[Mention],
    entity_of: dict[int, Entity],
    last_person: Entity | None,
    speaking: dict[int, tuple[Entity, int]] | None = None,
) -> Entity | None:
    """The entity a cue's speaker stands for; `before` are the antecedents named before the cue."""
    if cue.speaker is not None:
        return entity_of.get(id(cue.speaker))
    if cue.pronoun:
        gender = _PRONOUN_GENDER[cue.pronoun]
        # the subject of a recent clause, then a possessor ("Madsen's character"), then the last speaker;
        # read back from the cue only as far as the first subject that is no possessor
        possessor: Entity | None = None
        for m in reversed(before):
            entity = entity_of[id(m)]
            if entity.kind != "person" or entity.gender not in ("", gender) or not _subject_like(doc, m):
                continue
            if doc.kinds[m.end : m.end + 1] != ["s"]:
                return entity
            if possessor is None:
                possessor = entity
        if possessor is not None:
            return possessor
        return last_person if last_person is not None and last_person.gender in ("", gender) else None
    if cue.anaphor.startswith("role:"):
        return _described(cue.anaphor[5:], before, entity_of)
    if cue.anaphor:
        begin = 0
        if cue.anaphor == "it":
            begin = doc.sentence_begin(cue.verb)
            for _ in range(_IT_SENTENCES):
                begin = doc.sentence_begin(max(begin - 1, 0))
        fitting: list[tuple[Mention, Entity]] = []
        for m in reversed(before):
            if m.start < begin:
                break
            entity = entity_of[id(m)]
            named = cue.anaphor.capitalize() in entity.name.split()  # "the casino": the "Atlas Casino"
            if entity.kind == "org" and (named or _subject_like(doc, m)) and _fits(cue.anaphor, entity):
                fitting.append((m, entity))
        # An organisation that has already spoken comes first, then one in subject position, before one
        # only named in passing: "Envisional said ... using program BitTorrent, the firm said", "an
        # Equifax spokesperson told NPR ... disputes a Bloomberg report ... the company adds".
        spoken = speaking or {}
        return (
            next((e for _, e in fitting if id(e) in spoken), None)
            or next((e for m, e in fitting if subject_position(doc, m)), None)
            or (fitting[0][1] if fitting else None)
        )
    return None


_PARTY_SIGNS = {"democrat": ("democrat", "(d-", "d-"), "republican": ("republican", "gop", "r-")}
_POLITICAL_TITLES = frozenset(
    "Sen Rep Gov Senator Representative Governor Congressman Congresswoman Mayor".split()
)


def _described(noun: str, before: list[Mention], entity_of: dict[int, Entity]) -> Entity | None:
    """The person "the veteran goalkeeper" or "the Ohio Democrat" describes: the latest one whose role
    holds the noun; for a party, failing that, the latest politician."""
    people = [entity_of[id(m)] for m in reversed(before) if entity_of[id(m)].kind == "person"]
    signs = _PARTY_SIGNS.get(noun, (noun,))
    for entity in people:
        roles = " ".join(m.role.lower() for m in entity.mentions)
        if any(sign in roles for sign in signs):
            return entity
    if noun in _PARTY_SIGNS or noun in ("conservative", "tory", "liberal", "independent", "socialist"):
        return next(
            (e for e in people if any(m.title.split(" ")[-1] in _POLITICAL_TITLES for m in e.mentions)), None
        )
    return None


def attribute(
    doc: Doc,
    quotations: list[Quotation],
    cues: list[Cue],
    mentions: list[Mention],
    entity_of: dict[int, Entity],
    said: dict[int, list[Quotation]] | None = None,
) -> dict[int, tuple[Entity, int]]:
    """Speaking entities (by id) with their number of quotations, in order of first speech; `said`, when
    given, collects each speaking entity's quotations (by id)."""
    speaking: dict[int, tuple[Entity, int]] = {}
    cue_entity: dict[int, Entity] = {}
    reported: dict[int, int] = {}  # each speaker's first cue, for one who is never quoted directly
    last_person: Entity | None = None
    candidates = antecedents(doc, mentions, entity_of)
    ends = [m.end for m in candidates]
    for cue in cues:
        before = candidates[: bisect.bisect_right(ends, cue.verb)]
        entity = _resolve_cue(doc, cue, before, entity_of, last_person, speaking)
        if entity is None:
            continue
        cue_entity[cue.verb] = entity
        speaking.setdefault(id(entity), (entity, 0))
        if said is not None and id(entity) not in reported:
            reported[id(entity)] = cue.verb
        if entity.kind == "person":
            last_person = entity
    previous: tuple[int, Entity] | None = None
    for q in quotations:
        if q.turn >= 0:  # an interview turn speaks for its label, or for nobody named
            entity = cue_entity.get(q.turn)
            previous = (q.para, entity) if entity is not None else None
            if entity is not None:
                found, count = speaking.get(id(entity), (entity, 0))
                speaking[id(entity)] = (found, count + 1)
                if said is not None:
                    said.setdefault(id(entity), []).append(q)
            continue
        entity = _quote_speaker(doc, q, cue_entity)
        if (
            entity is None
            and previous is not None
            and doc.para[min(q.close_mark, len(doc) - 1)] - previous[0] <= 1
        ):
            entity = previous[1]
        if entity is None:
            continue
        found, count = speaking.get(id(entity), (entity, 0))
        speaking[id(entity)] = (found, count + 1)
        if said is not None:
            said.setdefault(id(entity), []).append(q)
        previous = (q.para, entity)
    if said is not None:
        # Reported speech only ("X said that ..."): the sentence of the first cue stands for the quote.
        for key, verb in reported.items():
            if key not in said:
                begin, end = doc.sentence_begin(verb), doc.sentence_end(verb)
                said[key] = [Quotation(begin - 1, end, doc.para[verb], False)]
    return speaking


def _quote_speaker(doc: Doc, q: Quotation, cue_entity: dict[int, Entity]) -> Entity | None:
    n = len(doc)
    close = min(q.close_mark, n - 1)
    for k in range(q.close_mark + 1, min(n, q.close_mark + 8)):
        if (
            doc.kinds[k] == "q"
            or doc.para[k] != doc.para[close]
            or (doc.sent_start[k] and k > q.close_mark + 1)
        ):
            break
        if k in cue_entity:
            return cue_entity[k]
    for k in range(q.open_mark - 1, max(-1, q.open_mark - 5), -1):
        if k in cue_entity:
            return cue_entity[k]
    begin = doc.sentence_begin(max(q.open_mark, 0))
    end = doc.sentence_end(close)
    return next((cue_entity[k] for k in range(begin, end) if k in cue_entity), None)
