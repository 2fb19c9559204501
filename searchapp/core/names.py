"""The names of a collection and the user's corrections to them, for the `entities` command and the
Names manager: every person and organisation with its aliases and counts, and merge, rename, retype,
hide, split off and undo, each checked against the names the collection knows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from searchapp.core.entities import Change, Corrections, NameBook
from searchapp.core.errors import SearchAppError
from searchapp.core.generation import SEARCHERS
from searchapp.core.index import ArticleIndex

TYPES = ("person", "org")


class UnknownName(SearchAppError):
    """A name the collection does not know; the message names close matches."""


@dataclass(frozen=True, slots=True)
class NameRow:
    """One person or organisation: how many articles mention it and quote it, and what the user changed."""

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: int
    quoted: int
    hidden: bool = False
    changes: tuple[str, ...] = ()  # the user's changes that touched it, described


def _book(index: ArticleIndex) -> NameBook:
    with SEARCHERS.lock:
        return SEARCHERS.current(index).book(index.location)


def list_names(index: ArticleIndex, kind: str | None = None) -> list[NameRow]:
    """Every person and organisation (of `kind`, when given), most mentioned first; hidden names and
    names the user changed are listed even when no article counts for them any more."""
    if kind is not None and kind not in TYPES:
        raise SearchAppError(f"The type must be person or org, not {kind!r}.")
    with SEARCHERS.lock:
        generation = SEARCHERS.current(index)
        book = generation.book(index.location)
        counted = generation.counted(index.location)
        live = generation.live()
        articles: Counter[str] = Counter()
        quoted: Counter[str] = Counter()
        for docnum in live:
            articles.update(set(counted.values["people"][docnum]) | set(counted.values["orgs"][docnum]))
            quoted.update(counted.values["speakers"][docnum])
    rows = []
    for info in book.entities():
        if kind is not None and info.type != kind:
            continue
        if not (articles[info.name] or info.hidden or info.changes):
            continue
        rows.append(
            NameRow(
                name=info.name,
                type=info.type,
                aliases=info.aliases,
                articles=articles[info.name],
                quoted=quoted[info.name],
                hidden=info.hidden,
                changes=tuple(book.changes[k].describe() for k in info.changes),
            )
        )
    rows.sort(key=lambda row: (-row.articles, -row.quoted, row.name.lower()))
    return rows


def known_name(book: NameBook, name: str) -> str:
    """The collection's name for what the user typed, or UnknownName with close matches."""
    found = book.find(name)
    if found is None:
        close = book.close_matches(name)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise UnknownName(f"No person or organisation called '{name}' in this index.{hint}")
    return found


def correct(index: ArticleIndex, op: str, names: Sequence[str], **fields: str) -> Change:
    """Record one correction (merge, rename, retype, hide, split) after checking its names; returns it
    with the names as the collection writes them."""
    book = _book(index)
    resolved = [known_name(book, name) for name in names]
    if op == "merge":
        fields["to"] = known_name(book, fields.get("to", ""))
        resolved = [name for name in dict.fromkeys(resolved) if name != fields["to"]]
        if not resolved:
            raise SearchAppError("Nothing to merge: the names are already one.")
    elif op in ("rename", "split"):
        fields["to"] = " ".join(fields.get("to", "").split())
        if not fields["to"]:
            raise SearchAppError(f"A {op} needs the new name.")
    if op == "split":
        path = fields.get("path", "")
        with SEARCHERS.lock:
            known = SEARCHERS.current(index).searcher.document_number(path=path) is not None
        if not known:
            raise SearchAppError(f"There is no article {path} in this index.")
    try:
        change = Change.new(op, resolved, **fields)
    except ValueError as error:
        raise SearchAppError(str(error).capitalize() + ".") from None
    Corrections(index.location).add(change)
    return change


def undo(index: ArticleIndex) -> Change | None:
    """Drop the last correction; returns it, or None when there was none."""
    return Corrections(index.location).undo()


def remove_change(index: ArticleIndex, position: int) -> Change:
    """Drop the correction at `position` (0 is the oldest), whatever came after it."""
    return Corrections(index.location).remove(position)


def changes(index: ArticleIndex) -> tuple[Change, ...]:
    return Corrections(index.location).load()
