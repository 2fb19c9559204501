"""Tokens of an article: words, punctuation and quote marks, with paragraph and sentence starts.

Every kind of double quote mark (curly, straight, doubled singles such as ‘‘ or '') becomes one `"`
token; a curly single quote that opens a quotation (‘...’) counts as a double one, so that British
single-quote style is read like the rest.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from searchapp.core.extract.lexicon import NOT_NAME_WORDS

_PAIRS = ("'‘", "‘'", "‘‘", "’’", "''", "``", ",,")
_DOUBLED = re.compile("|".join(_PAIRS))
# A ‘ at the start of a word opens a quotation; the next ’ that ends a word closes it.
_SINGLE_PAIR = re.compile(r"(?<![\w’'])‘([^‘’\n]{2,}?)’(?![\w])")
# Each token of a piece of text without white space: a word ("U.S", "co-op", "O'Brien"), a possessive
# 's, or any other single character (punctuation, a quote mark). No token takes in white space, so the
# tokens of a text are those of its pieces between white space; possessive quantifiers, since a word's
# match never has to give characters back.
_TOKEN = re.compile(r"""\w++(?:[-&.]\w++|['’](?!s\b)\w++)*+|['’]s\b|\S""")
_POSSESSIVES = frozenset(["'s", "’s"])
_COMPOUND_ENDINGS = ("ed", "ing", "-run", "-made", "-born", "-wide", "-like", "-style", "-era")
# Titles whose full stop never ends a sentence: "Sen. Marco Rubio", "Cmdr. Constantino Chiwenga".
_TITLE_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Mx Dr Prof Sen Rep Reps Gov Gen Lt Col Capt Sgt Cmdr Cdr Adm Maj Cpl Pvt Rev Hon Atty Supt
    Insp Det Cllr St Mt Ft Pres Amb Brig Fr Msgr Messrs Mme Mlle Gens Sens""".split()
)
# Abbreviations whose full stop ends a sentence only before a word that opens one ("... Inc. The deal"):
# name suffixes, company forms, months, US states and Canadian provinces as news writes them.
_ABBREVIATIONS = frozenset(
    """Jr Sr Inc Co Corp Ltd Bros No Nos vs etc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Ala Ariz Ark
    Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa
    Penn Tenn Tex Va Vt Wash Wis Wyo Ont Que Alta Sask e.g i.e a.m p.m""".split()
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "D.C", "a.m" (the last full stop comes apart)
# A party-and-state tag: "(D-Mich.)", ", R-Fla.,".
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z]*")


_DOUBLE = re.compile("[“”„‟«»″]")


def normalise_quotes(text: str) -> str:
    """One `"` for every double quote mark; curly single quotation pairs too."""
    if text.isascii():  # a flag of the string: only doubled straight marks can be there
        return _DOUBLED.sub('"', text) if "''" in text or "``" in text or ",," in text else text
    if any(pair in text for pair in _PAIRS):
        text = _DOUBLED.sub('"', text)
    if _DOUBLE.search(text):
        text = _DOUBLE.sub('"', text)
    return _SINGLE_PAIR.sub(r'"\1"', text) if "‘" in text else text


@dataclass
class Doc:
    """Parallel token lists of one article."""

    words: list[str] = field(default_factory=list)
    # "w" word, "s" possessive 's, "q" quote mark, "p" punctuation
    kinds: list[str] = field(default_factory=list)
    para: list[int] = field(default_factory=list)
    space_before: list[bool] = field(default_factory=list)
    space_after: list[bool] = field(default_factory=list)
    sent_start: list[bool] = field(default_factory=list)
    quote: list[int] = field(default_factory=list)  # index of the quotation a token is inside, or -1
    cap: list[bool] = field(default_factory=list)  # a word that starts with a capital
    para_kind: list[str] = field(default_factory=list)  # per paragraph: "text", "heading", "credit", "link"
    lower_outside: set[str] | None = None  # lower-case words outside quotations, once asked for
    unquoted: list[tuple[int, int]] = field(default_factory=list)  # token ranges outside quotations
    bounds: list[tuple[int, int]] = field(default_factory=list)  # (first, one past last) token per paragraph
    things: set[str] = field(default_factory=set)  # events, awards and works the article names, as written
    works: list[str] = field(default_factory=list)  # names the article shows to be works (extract/works.py)
    speech: list[int] | None = None  # where the speech verbs are, once asked for (extract/spans.py)
    _starts: list[int] | None = None  # sentence and paragraph starts, in order, once asked for

    def __len__(self) -> int:
        return len(self.words)

    def is_cap(self, i: int) -> bool:
        return 0 <= i < len(self.cap) and self.cap[i]

    def story(self, i: int) -> bool:
        """Token i is in a paragraph of the story (not a credit, a link or a heading)."""
        return not self.para_kind or self.para_kind[self.para[i]] == "text"

    def sentence_end(self, i: int) -> int:
        """Index just past the sentence that token i is in (or the paragraph end)."""
        starts = self._starts or self._index_sentences()
        k = bisect.bisect_right(starts, i)
        return starts[k] if k < len(starts) else len(self.words)

    def sentence_begin(self, i: int) -> int:
        """Index of the first token of the sentence that token i is in (or of its paragraph)."""
        starts = self._starts or self._index_sentences()
        return starts[bisect.bisect_right(starts, i) - 1]

    def positions(self, vocabulary: frozenset[str]) -> list[int]:
        """Indices of the tokens that are words of `vocabulary`, in order (tested in C, token by token)."""
        return list(itertools.compress(range(len(self.words)), map(vocabulary.__contains__, self.words)))

    def sentences_changed(self) -> None:
        """Sentence starts were added (interview turns): the sentence index is built again when asked."""
        self._starts = None

    def _index_sentences(self) -> list[int]:
        starts = itertools.compress(range(len(self.sent_start)), self.sent_start)
        self._starts = sorted(set(starts).union(first for first, _ in self.bounds)) or [0]
        return self._starts


def tokenize(paragraphs: list[str]) -> Doc:
    """Tokens of the paragraphs, in order, with sentence starts marked (quotations come later).

    The text is split at white space in C; only the pieces with punctuation in them are searched for
    tokens. Each later step over the tokens is a C-level loop (what a token is, is cached)."""
    doc = Doc()
    words, space_before = doc.words, doc.space_before
    for p, paragraph in enumerate(paragraphs):
        first = len(words)
        for piece in normalise_quotes(paragraph).split():
            if piece.isalnum():  # a plain word, as most pieces are: one token
                words.append(piece)
                space_before.append(True)
            elif piece[:-1].isalnum() and piece[-1] != "_":  # a word and its comma or full stop
                words += (piece[:-1], piece[-1])
                space_before += (True, False)
            else:
                tokens = _TOKEN.findall(piece)
                words += tokens
                space_before += [True] + [False] * (len(tokens) - 1)
        if len(words) > first:
            doc.bounds.append((first, len(words)))
            doc.para += [p] * (len(words) - first)
    n = len(words)
    doc.space_after = [*space_before[1:], True] if n else []
    doc.kinds = list(map(_KINDS.__getitem__, words))
    doc.cap = list(map(_CAPITALS.__getitem__, words))
    _mark_sentences(doc)
    doc.quote = [-1] * n
    return doc


_T = TypeVar("_T")
_DISTINCT_TOKENS = 50_000


class _ByToken(dict[str, _T]):
    """What a token is, worked out once per distinct token: mapped over an article's tokens, a hit is a
    plain dict lookup in C (an lru_cache hit costs more than twice as much)."""

    def __init__(self, compute: Callable[[str], _T]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, token: str) -> _T:
        if len(self) >= _DISTINCT_TOKENS:
            self.clear()  # a long-running worker's memory stays bounded
        value = self[token] = self.compute(token)
        return value


def _kind(token: str) -> str:
    """ "w" word, "s" possessive 's, "q" quote mark, "p" punctuation."""
    first = token[0]
    if first.isalnum() or first == "_":
        return "w"
    return "q" if token == '"' else "s" if token in _POSSESSIVES else "p"


def _capital(token: str) -> bool:
    """A word with a capital; but a capital before a participle compound is no name ("Kremlin-backed",
    "Party-controlled"), while "Ban Ki-moon" is."""
    return token[0].isupper() and not ("-" in token and token.endswith(_COMPOUND_ENDINGS))


_KINDS = _ByToken(_kind)
_CAPITALS = _ByToken(_capital)


def _mark_sentences(doc: Doc) -> None:
    """Mark each word that starts a sentence. Only the tokens between words decide, so the loop steps
    from one run of words to the next."""
    words, kinds = doc.words, doc.kinds
    n = len(words)
    starts = [False] * n
    others = [k for k, kind in enumerate(kinds) if kind != "w"]  # punctuation and quote marks
    for first, end in doc.bounds:
        boundary = True  # the next word starts a sentence
        i = first  # the first token not yet looked at
        for q in others[bisect.bisect_left(others, first) : bisect.bisect_left(others, end)]:
            if q > i:  # a run of words before this mark
                starts[i] = boundary
                boundary = False
            i = q + 1
            word, kind = words[q], kinds[q]
            if kind == "p":
                if word == "." and not _abbreviation(doc, q):
                    boundary = True
                elif word in ("!", "?"):
                    boundary = True
                elif word == ":":
                    boundary = _opens_quote_next(doc, q) or doc.is_cap(q + 1)  # "9.45 p.m.: The FBI says"
                elif word == ";":
                    boundary = False
            elif kind == "q" and not doc.space_after[q]:
                # An opening quote mark starts a sentence: `said: "We ...` and `"We ...`.
                boundary = boundary or doc.space_before[q]
        if i < end:
            starts[i] = boundary
    doc.sent_start = starts


def _abbreviation(doc: Doc, i: int) -> bool:
    """Whether the full stop at i closes an abbreviation inside a sentence rather than the sentence."""
    prev = doc.words[i - 1] if i > 0 and doc.kinds[i - 1] == "w" else ""
    nxt = doc.words[i + 1] if i + 1 < len(doc.words) and doc.para[i + 1] == doc.para[i] else ""
    if prev in _TITLE_ABBREVIATIONS or nxt[:1].islower():
        return True
    initial = len(prev) == 1 and prev.isupper()  # "George W. Bush", but "named after George H. W. Then"
    dotted = "." in prev and _DOTTED.fullmatch(prev) is not None
    party_state = "-" in prev and _PARTY_STATE.fullmatch(prev) is not None
    if initial or prev in _ABBREVIATIONS or dotted or party_state:
        kind = doc.kinds[i + 1] if nxt else "q"
        return kind == "p" or (kind == "w" and nxt not in NOT_NAME_WORDS)
    return False


def _opens_quote_next(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc.words) and doc.kinds[i + 1] == "q"
