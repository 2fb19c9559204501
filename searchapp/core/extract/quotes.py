"""Quotations, and the record of a speech cue: where quoted text is.

Quotation marks are paired within a paragraph by their shape (an opening mark has a space before it, a
closing one after it); a quotation still open at the end of a paragraph ends there, and a paragraph
that starts with a mark continues it. A stray mark therefore upsets one paragraph at most.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from searchapp.core.extract.mention import Mention
from searchapp.core.extract.tokens import Doc


@dataclass
class Quotation:
    open_mark: int  # token of the opening mark (the paragraph's first token when it has none)
    close_mark: int  # token of the closing mark (one past the paragraph when it is left open)
    para: int
    continued: bool  # opens a paragraph while the one before ended inside a quotation
    turn: int = -1  # colon of an interview turn's label: the whole paragraph is its speech


@dataclass
class Cue:
    verb: int  # token of the cue word ("said", "according")
    speaker: Mention | None = None
    pronoun: str = ""  # "he" or "she", resolved later
    anaphor: str = ""  # "company" in "the company said", resolved later
    spokesperson: bool = False  # "a Sony spokesman said": the organisation speaks


def _shape(doc: Doc, i: int) -> str:
    opens = (
        doc.space_before[i]
        or (i > 0 and doc.words[i - 1] in "([—-")
        or (i > 0 and doc.para[i - 1] != doc.para[i])
    )
    n = len(doc.words)
    closes = doc.space_after[i] or i + 1 >= n or doc.kinds[i + 1] == "p"
    closes = closes or doc.para[i + 1] != doc.para[i]
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def mark_quotations(doc: Doc, turns: dict[int, int] | None = None) -> list[Quotation]:
    """Pair quote marks paragraph by paragraph and mark every quoted token with its quotation.

    `turns` maps an interview turn's paragraph to its label's colon: the rest of it is one quotation.
    """
    turns = turns or {}
    quotes: list[Quotation] = []
    left_open = False
    marks_at = _quote_marks(doc.words)
    for i, j in doc.bounds:
        para = doc.para[i]
        if para in turns:
            quotes.append(Quotation(turns[para], j, para, False, turns[para]))
            left_open = False
            continue
        opened = -1
        continued = False
        for k in marks_at[bisect.bisect_left(marks_at, i) : bisect.bisect_left(marks_at, j)]:
            shape = _shape(doc, k)
            if opened < 0:
                if shape == "close" and left_open and not _quotes_in(quotes, para):
                    quotes.append(Quotation(i - 1, k, para, True))  # a quotation carried over from before
                elif shape != "close":
                    opened, continued = k, k == i and left_open
            elif shape == "open" and k - opened > 2:
                quotes.append(Quotation(opened, k, para, continued))  # never closed: a new one starts
                opened, continued = k, False
            else:
                quotes.append(Quotation(opened, k, para, continued))
                opened = -1
        left_open = opened >= 0
        if left_open:
            quotes.append(Quotation(opened, j, para, continued))
    n = len(doc.words)
    outside, start = [], 0
    for number, quote in enumerate(quotes):
        first, last = max(quote.open_mark + 1, 0), min(quote.close_mark, n)
        if last > first:
            doc.quote[first:last] = [number] * (last - first)
            outside.append((start, first))
            start = max(start, last)
    doc.unquoted = [*outside, (start, n)]
    return quotes


def _quote_marks(words: list[str]) -> list[int]:
    """Indices of the quote marks among the tokens, in order: each found by `list.index` in C, since a
    mark is one token in dozens."""
    found: list[int] = []
    k = -1
    try:
        while True:
            k = words.index('"', k + 1)
            found.append(k)
    except ValueError:
        return found


def _quotes_in(quotes: list[Quotation], para: int) -> bool:
    return any(q.para == para for q in quotes)


QUOTE_CHARS = 200  # a quotation kept for lists of quotes: its first characters


def quote_text(doc: Doc, q: Quotation) -> str:
    """The words of a quotation as written (spacing as in the text), cut to QUOTE_CHARS with "…"."""
    first = q.open_mark + 1 if q.turn < 0 or q.open_mark == q.turn else q.open_mark
    last = min(q.close_mark, len(doc))
    parts: list[str] = []
    size = 0
    for k in range(first, last):
        if k > first and doc.space_before[k]:
            parts.append(" ")
        parts.append(doc.words[k])
        size += len(doc.words[k]) + 1
        if size > QUOTE_CHARS:
            break
    text = "".join(parts).strip().strip('"“”').strip()  # a reported sentence may end at the next quote's mark
    return text if size <= QUOTE_CHARS else text[:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
