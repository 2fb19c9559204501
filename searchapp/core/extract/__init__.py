"""Who is quoted and who is mentioned: pure functions from an Article's text to Entities.

`extract_entities(article)` reads the page's structure (page.py), finds name spans (runs.py,
names.py, orgs.py), quotations (quotes.py), speech cues and their subjects (cues.py, subjects.py)
and interview turns (turns.py), links the forms of each name (resolve.py) and decides who speaks
(speakers.py). It is deterministic, pure Python and keeps no state between calls, so it runs in a
process pool.
Joining names across articles is not done here but at query time, by `core.entities`.
"""

from __future__ import annotations

from searchapp.core.extract.cues import find_cues
from searchapp.core.extract.names import find_mentions
from searchapp.core.extract.page import HEADING, read_page
from searchapp.core.extract.quotes import Cue, Quotation, mark_quotations, quote_text
from searchapp.core.extract.resolve import resolve_mentions
from searchapp.core.extract.speakers import attribute
from searchapp.core.extract.tokens import tokenize
from searchapp.core.extract.turns import find_turns, turn_speakers
from searchapp.core.models import Article, Entities, Speaker

__all__ = ["extract_entities"]


def extract_entities(article: Article) -> Entities:
    """Speakers, people and organisations of one article, under canonical names."""
    page = read_page(article.headline, article.body)
    doc = tokenize(page.paragraphs)
    doc.para_kind = page.kinds
    turns = find_turns(doc, article.outlet)
    quotations = mark_quotations(doc, {t.para: t.colon for t in turns})
    mentions = find_mentions(doc)
    if HEADING in page.kinds:
        # In a heading every word may be capitalised: a run there is a name if the story writes it.
        story = "\n".join(p for p, kind in zip(page.paragraphs, page.kinds, strict=True) if kind != HEADING)
        mentions = [m for m in mentions if doc.para_kind[doc.para[m.start]] != HEADING or m.text in story]
    if turns:
        mentions = turn_speakers(doc, turns, mentions)
    cues = find_cues(doc, mentions)
    if turns:
        turn_cues = [Cue(t.colon, t.mention) for t in turns if t.mention is not None]
        cues = sorted(cues + turn_cues, key=lambda c: c.verb)
    entity_of = resolve_mentions(
        doc,
        mentions,
        {id(c.speaker) for c in cues if c.speaker is not None},
        frozenset(id(c.speaker) for c in cues if c.speaker is not None and c.spokesperson),
    )
    said: dict[int, list[Quotation]] = {}
    speaking = attribute(doc, quotations, cues, mentions, entity_of, said)
    speakers = tuple(
        Speaker(name=e.name, type=e.kind, role=e.role, aliases=e.aliases, quotes=count,
                quoted=tuple(quote_text(doc, q) for q in said.get(key, ())))
        for key, (e, count) in speaking.items()
    )
    entities = list(dict.fromkeys(entity_of.values(), None))
    return Entities(
        speakers=speakers,
        people=tuple(e.name for e in entities if e.kind == "person"),
        orgs=tuple(e.name for e in entities if e.kind == "org"),
        works=tuple(doc.works),
    )
