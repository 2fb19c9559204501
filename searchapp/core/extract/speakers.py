"""Who speaks: cues resolved to entities ("he said" to the person the text is about), quotations counted.

A pronoun cue goes to the most recent person named outside quotations in subject position (not after
"to", "by", "told"...), else to the last person speaker; "the company said" goes to the most recent
organisation. A quotation goes to the cue beside it (`"...," she said`, `X said: "..."`), else to a cue
in its sentence, else to the speaker of the quotation before it in the same or previous paragraph.
"""

from __future__ import annotations

from searchapp.core.extract.lexicon import NON_SUBJECT_BEFORE
from searchapp.core.extract.names import Mention
from searchapp.core.extract.quotes import Cue, Quotation
from searchapp.core.extract.resolve import Entity
from searchapp.core.extract.tokens import Doc


def _subject_like(doc: Doc, m: Mention) -> bool:
    first = m.first if m.first >= 0 else m.start
    return first == 0 or doc.words[first - 1] not in NON_SUBJECT_BEFORE


def _resolve_cue(
    doc: Doc, cue: Cue, mentions: list[Mention], entity_of: dict[int, Entity], last_person: Entity | None
) -> Entity | None:
    if cue.speaker is not None:
        return entity_of.get(id(cue.speaker))
    before = [m for m in mentions if m.end <= cue.verb and not m.quoted and id(m) in entity_of]
    if cue.pronoun:
        for m in reversed(before):
            entity = entity_of[id(m)]
            if entity.kind == "person" and _subject_like(doc, m):
                return entity
        return last_person
    if cue.anaphor:
        for m in reversed(before):
            entity = entity_of[id(m)]
            if entity.kind == "org" and (
                cue.anaphor != "party" or "Party" in entity.name or len(entity.forms) > 1
            ):
                return entity
    return None


def attribute(
    doc: Doc,
    quotations: list[Quotation],
    cues: list[Cue],
    mentions: list[Mention],
    entity_of: dict[int, Entity],
) -> dict[int, tuple[Entity, int]]:
    """Speaking entities (by id) with their number of quotations, in order of first speech."""
    speaking: dict[int, tuple[Entity, int]] = {}
    cue_entity: dict[int, Entity] = {}
    last_person: Entity | None = None
    for cue in cues:
        entity = _resolve_cue(doc, cue, mentions, entity_of, last_person)
        if entity is None:
            continue
        cue_entity[cue.verb] = entity
        speaking.setdefault(id(entity), (entity, 0))
        if entity.kind == "person":
            last_person = entity
    previous: tuple[int, Entity] | None = None
    for q in quotations:
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
        previous = (q.para, entity)
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
