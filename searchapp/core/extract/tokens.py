"""Tokens of an article: words, punctuation and quote marks, with paragraph and sentence starts.

Every kind of double quote mark (curly, straight, doubled singles such as ‘‘ or '') becomes one `"`
token; a curly single quote that opens a quotation (‘...’) counts as a double one, so that British
single-quote style is read like the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DOUBLED = re.compile(r"'‘|‘'|‘‘|’’|''|``|,,")
_DOUBLE = re.compile(r"[“”„‟«»″]")
# A ‘ at the start of a word opens a quotation; the next ’ that ends a word closes it.
_SINGLE_PAIR = re.compile(r"(?<![\w’'])‘([^‘’\n]{2,}?)’(?![\w])")
_TOKEN = re.compile(
    r"""(?P<word>\w+(?:(?:[-&.](?=\w)|['’](?!s\b)(?=\w))\w*)*)
    |(?P<poss>['’]s\b)
    |(?P<quote>")
    |(?P<punct>[^\s\w])""",
    re.VERBOSE,
)
# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Capt Prof Rev No Co Corp Inc Ltd Jr Sr vs Mt Sgt Cllr Jan Feb "
    "Aug Sept Oct Nov Dec U.S U.K e.g i.e etc".split()
)


def normalise_quotes(text: str) -> str:
    """One `"` for every double quote mark; curly single quotation pairs too."""
    text = _DOUBLED.sub('"', text)
    text = _DOUBLE.sub('"', text)
    return _SINGLE_PAIR.sub(r'"\1"', text)


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

    def __len__(self) -> int:
        return len(self.words)

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.kinds[i] == "w"

    def is_cap(self, i: int) -> bool:
        return self.is_word(i) and self.words[i][0].isupper()

    def sentence_end(self, i: int) -> int:
        """Index just past the sentence that token i is in (or the paragraph end)."""
        n = len(self.words)
        j = i + 1
        while j < n and not self.sent_start[j] and self.para[j] == self.para[i]:
            j += 1
        return j

    def sentence_begin(self, i: int) -> int:
        j = i
        while j > 0 and not self.sent_start[j] and self.para[j - 1] == self.para[i]:
            j -= 1
        return j


def tokenize(paragraphs: list[str]) -> Doc:
    """Tokens of the paragraphs, in order, with sentence starts marked (quotations come later)."""
    doc = Doc()
    for p, paragraph in enumerate(paragraphs):
        text = normalise_quotes(paragraph)
        for match in _TOKEN.finditer(text):
            kind = match.lastgroup or "punct"
            start, end = match.span()
            doc.words.append(match.group())
            doc.kinds.append({"word": "w", "poss": "s", "quote": "q"}.get(kind, "p"))
            doc.para.append(p)
            doc.space_before.append(start == 0 or text[start - 1].isspace())
            doc.space_after.append(end == len(text) or text[end].isspace())
    _mark_sentences(doc)
    doc.quote = [-1] * len(doc.words)
    return doc


def _mark_sentences(doc: Doc) -> None:
    words, kinds = doc.words, doc.kinds
    starts = [False] * len(words)
    boundary = True  # the next word starts a sentence
    for i, word in enumerate(words):
        if i == 0 or doc.para[i] != doc.para[i - 1]:
            boundary = True
        if kinds[i] == "w":
            starts[i] = boundary
            boundary = False
        elif word in "!?:;" or (word == "." and not _abbreviation(doc, i)):
            boundary = word not in ";" and (word != ":" or _opens_quote_next(doc, i))
        elif kinds[i] == "q":
            # An opening quote mark starts a sentence: `said: "We ...` and `"We ...`.
            if not doc.space_after[i]:
                boundary = boundary or doc.space_before[i]
    doc.sent_start = starts


def _abbreviation(doc: Doc, i: int) -> bool:
    prev = doc.words[i - 1] if i > 0 else ""
    if prev in _ABBREVIATIONS or (len(prev) == 1 and prev.isupper()):
        return True
    return i + 1 < len(doc.words) and doc.words[i + 1][:1].islower()


def _opens_quote_next(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc.words) and doc.kinds[i + 1] == "q"
