"""Keep wildcard and fuzzy queries from running away.

Whoosh expands `elect*`, `*a*` or `galoway~2` into every matching word of the index, ORs them all
and, to mark the hits, checks every one of those words at every matching article: `*?*` was a
minute's search at 2,226 articles. Here each such pattern is expanded once, before the search:
to at most MAX_WORDS words per field (the most common ones), within budgets for the words scanned
and the postings read by the whole query; a pattern that matches any word at all (`*`, `?*`)
stands for every article. Its matches are then read as one list per field, not word by word. A
notice says what was cut, so the user can narrow the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh import matching
from whoosh import query as wq

MAX_WORDS = 40  # words one pattern may stand for, in one field
POSTINGS_BUDGET = 400_000  # postings (article mentions) all the patterns of one query may read
SCAN_BUDGET = 300_000  # index words all the patterns of one query may look through
_ANY_WORD = re.compile(r"^[*?]+$")  # made only of wildcards: matches every word


class _Budget:
    def __init__(self) -> None:
        self.postings = POSTINGS_BUDGET
        self.scans = SCAN_BUDGET
        self.cut: dict[str, tuple[int, int]] = {}  # pattern as typed -> (words matched, words kept)
        self.unscanned: list[str] = []  # patterns whose look through the word list was cut short
        self.everything: list[str] = []  # patterns that match any word


def bound_expansions(query: wq.Query, reader: Any) -> tuple[wq.Query, str]:
    """`query` with its wildcard and fuzzy parts replaced by the words they stand for (capped), and
    a notice when a pattern was cut ('' otherwise). `reader` is the searcher's reader."""
    budget = _Budget()
    bounded = _visit(query, reader, budget)
    notes = [f"{pattern} matches any word: every article is shown" for pattern in budget.everything]
    notes += [
        f"{pattern} matches {matched:,} words; searched the {kept:,} most common (type more letters to narrow it)"
        for pattern, (matched, kept) in budget.cut.items()
    ]
    notes += [
        f"{pattern}: the index has too many words to look through them all for a pattern that starts "
        "with a wildcard; some matches may be missing (start it with a letter)"
        for pattern in budget.unscanned
    ]
    return bounded, ("; ".join(dict.fromkeys(notes)) + ".") if notes else ""


def _visit(node: wq.Query, reader: Any, budget: _Budget) -> wq.Query:
    if isinstance(node, wq.Every):
        return wq.Every()  # `title:*` would read every posting of the field: every article it is
    if isinstance(node, wq.MultiTerm):
        return _expand(node, reader, budget)
    if isinstance(node, wq.CompoundQuery):
        children = [_visit(child, reader, budget) for child in node.subqueries]
        everything = [child for child in children if _every(child)]
        # `*` is every article: `word OR *` too, and `word *` is `word` (so a match-all is never scored)
        if everything and isinstance(node, wq.Or):
            return wq.Every()
        if everything and isinstance(node, wq.And):
            children = [child for child in children if not _every(child)]
            if len(children) <= 1:
                return children[0] if children else wq.Every()
        return node.__class__(children, boost=node.boost)
    if isinstance(node, wq.Not):
        return wq.Not(_visit(node.query, reader, budget), boost=node.boost)
    if isinstance(node, wq.WrappingQuery):
        return node.apply(lambda child: _visit(child, reader, budget))
    return node


def _every(node: wq.Query) -> bool:
    return isinstance(node, wq.Every) and not node.fieldname


def _leaves(reader: Any) -> list[Any]:
    """Segment readers: looking through each segment's word list is many times faster than
    through the merged list of all segments."""
    return [leaf for leaf, _offset in reader.leaf_readers()]


def _expand(node: wq.MultiTerm, reader: Any, budget: _Budget) -> wq.Query:
    fieldname = node.field()
    text = str(getattr(node, "text", ""))
    typed = _as_typed(node)
    if (isinstance(node, wq.Prefix) and not text) or (isinstance(node, wq.Wildcard) and _ANY_WORD.match(text)):
        if typed not in budget.everything:
            budget.everything.append(typed)
        return wq.Every()
    if fieldname is None or fieldname not in reader.schema:
        return wq.NullQuery
    frequency: dict[bytes, int] = {}
    for leaf in _leaves(reader):
        for word in _matching_words(node, leaf, budget, typed):
            frequency[word] = frequency.get(word, 0) + leaf.doc_frequency(fieldname, word)
    words = sorted(frequency, key=lambda word: (-frequency[word], word))
    kept: list[bytes] = []
    for word in words:
        if len(kept) >= MAX_WORDS or (kept and frequency[word] > budget.postings):
            break
        kept.append(word)
        budget.postings -= frequency[word]
    if len(kept) < len(words):
        matched, before = budget.cut.get(typed, (0, 0))
        budget.cut[typed] = (max(matched, len(words)), max(before, len(kept)))
    if not kept:
        return wq.NullQuery
    return ExpandedWords(fieldname, tuple(kept), node.boost, getattr(node, "constantscore", False))


def _matching_words(node: wq.MultiTerm, leaf: Any, budget: _Budget, typed: str) -> Iterator[bytes]:
    """The words of one segment that `node` matches, counting the words looked at against the budget."""
    fieldname = node.field()
    if not isinstance(node, (wq.Wildcard, wq.Regex)):
        to_bytes = leaf.schema[fieldname].to_bytes
        for word in node._btexts(leaf):  # a prefix's range, a fuzzy term's automaton: no full scan
            yield to_bytes(word) if isinstance(word, str) else word
        return
    pattern = re.compile(node._get_pattern())
    prefix = node._find_prefix(node.text)
    for word in leaf.expand_prefix(fieldname, prefix) if prefix else leaf.lexicon(fieldname):
        budget.scans -= 1
        if budget.scans < 0:
            if typed not in budget.unscanned:
                budget.unscanned.append(typed)
            return
        if pattern.match(word.decode("utf-8", "replace")):
            yield word


class ExpandedWords(wq.MultiTerm):
    """The words a pattern was expanded to, chosen beforehand. Scored alike, as Whoosh scores a
    pattern's words (constantscore); matched as one list per segment, whose hits still name the
    word they contain, so snippets mark it."""

    def __init__(self, fieldname: str, words: tuple[bytes, ...], boost: float, constantscore: bool) -> None:
        self.fieldname = fieldname
        self.words = words  # most common first
        self.boost = boost
        self.constantscore = constantscore

    def _btexts(self, ixreader: Any) -> tuple[bytes, ...]:
        return self.words

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        if not self.constantscore:
            return super().matcher(searcher, context)
        reader = searcher.reader()
        word_of: dict[int, bytes] = {}
        for word in self.words:
            if (self.fieldname, word) in reader:
                for docnum in reader.postings(self.fieldname, word).all_ids():
                    word_of.setdefault(docnum, word)
        if not word_of:
            return matching.NullMatcher()
        return _WordsMatcher(self.fieldname, sorted(word_of), word_of, self.boost)

    def __eq__(self, other: object) -> bool:
        return (type(other) is ExpandedWords and (self.fieldname, self.words, self.boost)
                == (other.fieldname, other.words, other.boost))

    def __hash__(self) -> int:
        return hash((self.fieldname, self.words, self.boost))

    def __repr__(self) -> str:
        return f"ExpandedWords({self.fieldname!r}, {len(self.words)} words)"


class _WordsMatcher(matching.ListMatcher):
    """Documents with any of a pattern's words, at one score; term() is the word the current
    document has, for the highlighter."""

    def __init__(self, fieldname: str, ids: list[int], word_of: dict[int, bytes], weight: float) -> None:
        super().__init__(ids, all_weights=weight)
        self._fieldname = fieldname
        self._word_of = word_of
        self._weight = weight

    def term(self) -> tuple[str, bytes]:
        return self._fieldname, self._word_of[self.id()] if self.is_active() else b""

    def copy(self) -> _WordsMatcher:
        copied = _WordsMatcher(self._fieldname, self._ids, self._word_of, self._weight)
        copied._i = self._i
        return copied


def _as_typed(node: wq.MultiTerm) -> str:
    text = str(getattr(node, "text", ""))
    if isinstance(node, wq.Prefix):
        return text + "*"
    if isinstance(node, wq.FuzzyTerm):
        return f"{text}~{node.maxdist}"
    return text
