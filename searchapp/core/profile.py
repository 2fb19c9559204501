"""The profile of one person or organisation: how much coverage, when, the roles the articles give them,
and who is quoted and mentioned alongside them. The timeline itself is `core.coverage`."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from searchapp.core.coverage import name_documents
from searchapp.core.filters import allowed_documents, one_per_story
from searchapp.core.gcpause import with_collector_paused
from searchapp.core.generation import SEARCHERS, expand_names
from searchapp.core.index import ArticleIndex
from searchapp.core.matching import matching_documents
from searchapp.core.names import known_name
from searchapp.core.query import parse_query

ALONGSIDE = 12  # names listed as quoted / mentioned alongside
ROLES = 12
QUOTES = 100  # quotations listed, newest first


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation attributed to the profile's name, and the article it is in."""

    path: str
    published: date | None
    outlet: str
    headline: str
    text: str  # its first 200 characters (for reported speech, the sentence that reports it)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    type: str
    aliases: tuple[str, ...]
    mentioned: int  # articles mentioning (quoting included)
    quoted: int  # articles quoting
    first_seen: date | None
    last_seen: date | None
    undated: int  # of the mentioning articles, how many have no date
    roles: tuple[tuple[str, int], ...]  # the roles articles give them, most frequent first
    quoted_with: tuple[tuple[str, int], ...]  # others quoted in the articles quoting them
    mentioned_with: tuple[tuple[str, int], ...]  # others named in the articles mentioning them
    quotes: tuple[Quote, ...] = ()  # newest first


@with_collector_paused
def profile(
    index: ArticleIndex,
    name: str,
    *,
    query: str = "",
    filters: Mapping[str, Collection[str]] | None = None,
    dedupe: bool = False,
) -> Profile:
    """The profile of `name` (any of its forms) within `query` and `filters`; UnknownName if unknown."""
    parsed = parse_query(query)
    with SEARCHERS.lock:
        generation = SEARCHERS.current(index)
        book = generation.book(index.location)
        name = known_name(book, name)
        searcher = generation.searcher
        counted = generation.counted(index.location)
        quoted, mentioned = name_documents(generation, index.location, name)
        if query.strip() or filters:
            parsed = expand_names(parsed, lambda: generation.expansions(index.location), book)
            within = matching_documents(searcher, parsed, generation.live())
            allowed = allowed_documents(searcher, filters, counted, generation.live())
            within = within & allowed if allowed is not None else within
            quoted, mentioned = quoted & within, mentioned & within
        else:
            live = generation.live()
            quoted, mentioned = quoted & live, mentioned & live
        days = generation.days()
        if dedupe:
            quoted = one_per_story(quoted, counted.values["story"], days)
            mentioned = one_per_story(mentioned, counted.values["story"], days)
        dated = [days[d] for d in mentioned if days[d]]
        values = counted.values
        quoted_with = Counter(other for d in quoted for other in values["speakers"][d] if other != name)
        mentioned_with = Counter(
            other for d in mentioned for other in (*values["people"][d], *values["orgs"][d]) if other != name
        )
        roles: Counter[str] = Counter()  # by lower case: "Treasury Secretary" and "Treasury secretary" are one
        written: dict[str, Counter[str]] = {}
        said: list[tuple[int, int, str]] = []  # (day, docnum, quotation)
        column = searcher.reader().column_reader("speakers_column", translate=False)
        for docnum in quoted:
            raw = column[docnum]
            for speaker, kind, role, _count, *texts in json.loads(raw) if raw else ():
                named = book.resolve(speaker, kind)
                if named is None or named[0] != name:
                    continue
                if role:
                    roles[role.lower()] += 1
                    written.setdefault(role.lower(), Counter())[role] += 1
                said.extend((days[docnum], docnum, text) for text in (texts[0] if texts else ()))
        said.sort(key=lambda item: (-item[0], item[1]))  # newest first; undated (day 0) last
        quotes = []
        for day, docnum, text in said[:QUOTES]:
            stored = searcher.stored_fields(docnum)
            quotes.append(Quote(stored.get("path", ""), date.fromordinal(day) if day else None,
                                stored.get("outlet", ""), stored.get("headline", ""), text))
        info = book.info(name)
    return Profile(
        name=name,
        type=info.type if info else "person",
        aliases=info.aliases if info else (),
        mentioned=len(mentioned),
        quoted=len(quoted),
        first_seen=date.fromordinal(min(dated)) if dated else None,
        last_seen=date.fromordinal(max(dated)) if dated else None,
        undated=len(mentioned) - len(dated),
        roles=tuple((written[role].most_common(1)[0][0], count) for role, count in roles.most_common(ROLES)),
        quoted_with=tuple(quoted_with.most_common(ALONGSIDE)),
        mentioned_with=tuple(mentioned_with.most_common(ALONGSIDE)),
        quotes=tuple(quotes),
    )
