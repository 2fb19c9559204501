"""An article as the viewer shows it: the stored article with its names as they count, the forms it
writes of the names a search is filtered by, the other articles of its story, and where in its text to
mark the search's words, those names and a quotation a profile lists."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from whoosh import query as wq

from searchapp.core.documents import stored_article
from searchapp.core.generation import SEARCHERS
from searchapp.core.index import ArticleIndex
from searchapp.core.models import StoredArticle
from searchapp.core.schema import TEXT_ANALYZER


def article(index: ArticleIndex, path: str, names: Collection[str] = ()) -> tuple[StoredArticle | None, list[tuple[str, bool]]]:
    """The stored article at `path` with its names as they count, and the forms of `names` (names the
    search is filtered by) this article writes, each with whether it is a person's."""
    with SEARCHERS.lock:
        generation = SEARCHERS.current(index)
        book = generation.book(index.location)
        stored = generation.searcher.document(path=path)
    if not stored:
        return None, []
    record = stored_article(stored)
    raw = record.entities
    counted = book.article(raw, path)
    record = StoredArticle(article=record.article, entities=counted, folder=record.folder)
    # The article's own forms of each filtered name: its raw names that count as it, and their aliases.
    marks: dict[str, bool] = {}
    wanted = set(names)
    for kind, raws in (("person", raw.people), ("org", raw.orgs)):
        for name in raws:
            named = book.resolve(name, kind, path)
            if named is not None and named[0] in wanted:
                marks[name] = named[1] == "person"
                if name != named[0]:
                    marks.setdefault(named[0], named[1] == "person")
    for speaker in raw.speakers:
        named = book.resolve(speaker.name, speaker.type, path)
        if named is not None and named[0] in wanted:
            for alias in speaker.aliases:
                marks.setdefault(alias, named[1] == "person")
    for name in wanted - set(marks):
        # A name this article does not count for: a person's when the collection says so, or when the
        # article writes a person by its surname alone.
        info = book.info(name)
        marks[name] = info.type == "person" if info else name.rsplit(" ", 1)[-1] in raw.people
    return record, sorted(marks.items())


def copies(index: ArticleIndex, path: str) -> list[tuple[str, str, str, Any]]:
    """The other articles of the story of the article at `path`: (path, headline, outlet, published),
    oldest first."""
    with SEARCHERS.lock:
        searcher = SEARCHERS.current(index).searcher
        stored = searcher.document(path=path)
        story = stored.get("story") if stored else None
        if not story:
            return []
        found = [searcher.stored_fields(d) for d in searcher.docs_for_query(wq.Term("story", story))]
    rows = [(f["path"], f.get("headline", ""), f.get("outlet", ""), f.get("published")) for f in found
            if f.get("path") != path]
    return sorted(rows, key=lambda row: (row[3] is None, row[3] or 0, row[0]))


def quote_span(body: str, quote: str) -> tuple[int, int] | None:
    """Where a quotation (as a profile lists it: spacing may differ, cut with "…") is in `body`."""
    words = quote.rstrip("…").split()
    if not words:
        return None
    pattern = r"\s*".join(re.escape(word) for word in words)
    match = re.search(pattern, body)
    return (match.start(), match.end()) if match else None


def highlight_spans(text: str, terms: Collection[str]) -> list[tuple[int, int]]:
    """Character spans of the words in `text` that the search matched: the analyzer the index uses,
    so stemmed forms are found exactly as in the snippets."""
    wanted = set(terms)
    if not wanted or not text:
        return []
    return [
        (token.startchar, token.endchar)
        for token in TEXT_ANALYZER(text, chars=True, mode="index")
        if token.text in wanted
    ]


def name_spans(text: str, names: Collection[str], people: Collection[str] = ()) -> list[tuple[int, int]]:
    """Character spans where `names` (the people and organisations a search is filtered by) appear in
    `text`: the whole name, and for a person in `people` also the surname alone, the way an article
    refers to someone after the first mention ("Barack Obama ... Obama said")."""
    tokens = [(token.text, token.startchar, token.endchar) for token in TEXT_ANALYZER(text, chars=True, mode="index")]
    words = [word for word, _start, _end in tokens]
    covered: set[int] = set()  # token positions inside a whole name already marked
    spans: list[tuple[int, int]] = []

    def mark(run: list[str]) -> None:
        size = len(run)
        for at in range(len(words) - size + 1):
            if words[at:at + size] == run and not covered.intersection(range(at, at + size)):
                covered.update(range(at, at + size))
                spans.append((tokens[at][1], tokens[at + size - 1][2]))

    sequences = {name: [token.text for token in TEXT_ANALYZER(name)] for name in names}
    for sequence in sorted(sequences.values(), key=len, reverse=True):  # whole names first, longest first
        if sequence:
            mark(sequence)
    for name, sequence in sequences.items():
        if name in people and len(sequence) > 1:
            mark(sequence[-1:])
    return sorted(spans)
