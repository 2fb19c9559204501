"""Who is quoted and who is mentioned: pure functions from an Article's text to Entities.

`extract_entities(article)` finds name spans (names.py, orgs.py), quotations and speech cues
(quotes.py) and interview turns (turns.py), links the forms of each name (resolve.py) and decides who speaks (speakers.py). It is
deterministic, pure Python and keeps no state between calls, so it runs in a process pool.
Joining names across articles is not done here but at query time, by `core.entities`.
"""

from __future__ import annotations

import re

from searchapp.core.extract.names import find_mentions
from searchapp.core.extract.quotes import Cue, find_cues, mark_quotations
from searchapp.core.extract.resolve import resolve_mentions
from searchapp.core.extract.spans import title_case
from searchapp.core.extract.speakers import attribute
from searchapp.core.extract.tokens import tokenize
from searchapp.core.extract.turns import find_turns, turn_speakers
from searchapp.core.models import Article, Entities, Speaker

__all__ = ["extract_entities"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def extract_entities(article: Article) -> Entities:
    """Speakers, people and organisations of one article, under canonical names."""
    paragraphs = [p.strip() for p in [article.headline, *_PARAGRAPH_BREAK.split(article.body)] if p.strip()]
    doc = tokenize(paragraphs)
    turns = find_turns(doc, article.outlet)
    quotations = mark_quotations(doc, {t.para: t.colon for t in turns})
    mentions = find_mentions(doc)
    if article.headline.strip() and title_case(article.headline):
        # In a title-case headline every word is capitalised: a run there is a name if the body writes it.
        mentions = [m for m in mentions if doc.para[m.start] > 0 or m.text in article.body]
    if turns:
        mentions = turn_speakers(doc, turns, mentions)
    cues = find_cues(doc, mentions)
    if turns:
        turn_cues = [Cue(t.colon, t.mention) for t in turns if t.mention is not None]
        cues = sorted(cues + turn_cues, key=lambda c: c.verb)
    entity_of = resolve_mentions(doc, mentions, {id(c.speaker) for c in cues if c.speaker is not None})
    speaking = attribute(doc, quotations, cues, mentions, entity_of)
    speakers = tuple(
        Speaker(name=e.name, type=e.kind, role=e.role, aliases=e.aliases, quotes=count)
        for e, count in speaking.values()
    )
    entities = list(dict.fromkeys(entity_of.values(), None))
    return Entities(
        speakers=speakers,
        people=tuple(e.name for e in entities if e.kind == "person"),
        orgs=tuple(e.name for e in entities if e.kind == "org"),
    )
