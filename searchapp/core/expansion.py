"""Fit a query to the index it runs on, and keep wildcard and fuzzy queries from running away.

Whoosh expands `elect*`, `*a*` or `galoway~2` into every matching word of the index, ORs them all
and, to mark the hits, checks every one of those words at every matching article: `*?*` was a
minute's search at 2,226 articles. Here each such pattern is expanded once, before the search:
to at most MAX_WORDS words per field (the most common ones), within budgets for the words scanned
and the postings read by the whole query; a pattern that matches any word at all (`*`, `?*`)
stands for every article. Its matches are then read as one list per field, not word by word. A
notice says what was cut, so the user can narrow the pattern.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from whoosh import matching
from whoosh import query as wq
from whoosh.codec.base import Automata

MAX_WORDS = 40  # words one pattern may stand for, in one field
POSTINGS_BUDGET = 150_000  # postings (article mentions) all the patterns of one query may read
SCAN_BUDGET = 100_000  # index words all the patterns of one query may look through (per segment)
_ANY_WORD = re.compile(r"^[*?]+$")  # made only of wildcards: matches every word


class _Budget:
    def __init__(self) -> None:
        self.postings = POSTINGS_BUDGET
        self.scans = SCAN_BUDGET
        self.cut: dict[str, tuple[int, int]] = {}  # pattern as typed -> (words matched, words kept)
        self.unscanned: list[str] = []  # patterns whose look through the word list was cut short
        self.everything: list[str] = []  # patterns that match any word
        self.older_index = False  # the index lacks a field the query uses
        self.acronyms: list[str] = []  # words typed in capitals, matched as written


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
    if budget.older_index:
        notes.append("this index was made by an earlier version of SearchApp, which did not record capitals: "
                     "words in capitals were matched in any case")
    elif budget.acronyms:
        typed = list(dict.fromkeys(budget.acronyms))
        lower = " ".join(word.lower() for word in typed)
        notes.append(f"{', '.join(typed)}: matched in capitals only, as an acronym; type {lower} to match any case")
    return bounded, ("; ".join(dict.fromkeys(notes)) + ".") if notes else ""


def _visit(node: wq.Query, reader: Any, budget: _Budget) -> wq.Query:
    if isinstance(node, wq.Term) and node.fieldname == "acronyms":
        budget.acronyms.append(node.text)
    if isinstance(node, wq.And) and any(_missing_field(child, reader) for child in node.subqueries):
        # An index of an earlier version lacks a field (`acronyms`): its part of an AND drops out.
        budget.older_index = True
        kept = [child for child in node.subqueries if not _missing_field(child, reader)]
        node = kept[0] if len(kept) == 1 else wq.And(kept, boost=node.boost)
    if isinstance(node, wq.Every):
        return wq.Every()  # `title:*` would read every posting of the field: every article it is
    if isinstance(node, wq.MultiTerm):
        return _expand(node, reader, budget)
    if isinstance(node, wq.CompoundQuery):
        return _simplified(node, [_visit(child, reader, budget) for child in node.subqueries])
    if isinstance(node, wq.Not):
        return wq.Not(_visit(node.query, reader, budget), boost=node.boost)
    if isinstance(node, wq.WrappingQuery):
        return node.apply(lambda child: _visit(child, reader, budget))
    return node


def _simplified(node: wq.CompoundQuery, children: list[wq.Query]) -> wq.Query:
    """`node` with `children`, folded: every article ORed with anything is every article, and one
    pattern's words in several fields (the default fields) become one set, read as one list."""
    if isinstance(node, wq.Or) and any(type(child) is wq.Every for child in children):
        return wq.Every()
    if isinstance(node, wq.And):
        children = [child for child in children if type(child) is not wq.Every] or [wq.Every()]
    if isinstance(node, wq.Or):
        words = [child for child in children if isinstance(child, ExpandedWords) and child.constantscore]
        if len(words) > 1:
            merged = ExpandedWords(tuple(pair for child in words for pair in child.pairs), words[0].boost, True)
            children = [merged] + [child for child in children if not any(child is w for w in words)]
    if len(children) == 1 and isinstance(node, (wq.And, wq.Or)):
        return children[0]
    return node.__class__(children, boost=node.boost)


def _missing_field(node: wq.Query, reader: Any) -> bool:
    return isinstance(node, wq.Term) and node.fieldname not in reader.schema


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
        for word, count in _matching_words(node, leaf, budget, typed):
            frequency[word] = frequency.get(word, 0) + count
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
    return ExpandedWords(tuple((fieldname, word) for word in kept), node.boost, getattr(node, "constantscore", False))


def _matching_words(node: wq.MultiTerm, leaf: Any, budget: _Budget, typed: str) -> Iterator[tuple[bytes, int]]:
    """The words of one segment that `node` matches, with their document counts; every word looked
    at counts against the query's budget."""
    fieldname = node.field()
    pattern = None
    if isinstance(node, wq.Prefix):  # every word in the range matches: read them with their counts
        candidates = ((word, info.doc_frequency()) for word, info in leaf.iter_prefix(fieldname, node.text))
    elif isinstance(node, (wq.Wildcard, wq.Regex)):  # most words do not match: the bare list, counts after
        prefix = node._find_prefix(node.text)
        pattern = re.compile(node._get_pattern())
        words = leaf.expand_prefix(fieldname, prefix) if prefix else leaf.lexicon(fieldname)
        candidates = ((word, 0) for word in words)
    elif type(node) is wq.FuzzyTerm:  # the automaton walks the word list, made once for all fields and segments
        words = (word.encode("utf-8") for word in _within(leaf, fieldname, node.text, node.maxdist, node.prefixlength))
        candidates = ((word, leaf.doc_frequency(fieldname, word)) for word in words)
    elif type(node) is wq.TermRange:  # the words in the range with their counts, read in one pass
        candidates = _in_range(node, leaf, fieldname)
    else:  # another kind of range
        to_bytes = leaf.schema[fieldname].to_bytes
        words = (to_bytes(word) if isinstance(word, str) else word for word in node._btexts(leaf))
        candidates = ((word, leaf.doc_frequency(fieldname, word)) for word in words)
    for word, count in candidates:
        budget.scans -= 1
        if budget.scans < 0:
            if typed not in budget.unscanned:
                budget.unscanned.append(typed)
            return
        if pattern is None:
            yield word, count
        elif pattern.match(word.decode("utf-8", "replace")):
            yield word, leaf.doc_frequency(fieldname, word)


def _in_range(node: wq.TermRange, leaf: Any, fieldname: str) -> Iterator[tuple[bytes, int]]:
    """(word, document count) for the words of one segment's field within the range (as whoosh's
    TermRange reads them, without looking each word up again for its count)."""
    field = leaf.schema[fieldname]
    try:
        start = b"" if node.start is None else field.to_bytes(node.start)
        end = b"\xff\xff\xff\xff" if node.end is None else field.to_bytes(node.end)
    except ValueError:
        return
    for (name, word), info in leaf.iter_from(fieldname, start):
        if name != fieldname or word > end or (word == end and node.endexcl):
            return
        if word == start and node.startexcl:
            continue
        yield word, info.doc_frequency()


@functools.lru_cache(maxsize=32)
def _automaton(text: str, maxdist: int, prefix: int) -> Any:
    return Automata.levenshtein_dfa(text, maxdist, prefix)


def _within(leaf: Any, fieldname: str, text: str, maxdist: int, prefix: int) -> Iterator[str]:
    """The words of one segment's field within `maxdist` edits of `text` (as whoosh's terms_within,
    whose automaton would be built again for every field of every segment)."""
    spelled = leaf.schema[fieldname].spelling_fieldname(fieldname)
    return Automata.find_matches(_automaton(text, maxdist, prefix), leaf.cursor(spelled))


class ExpandedWords(wq.Query):
    """The (field, word) pairs a pattern was expanded to, chosen beforehand: one set across the
    default fields, matched as one list per segment at one score (as Whoosh scores a pattern's words,
    constantscore), whose hits still name the word they contain, so snippets mark it."""

    def __init__(self, pairs: tuple[tuple[str, bytes], ...], boost: float, constantscore: bool) -> None:
        self.pairs = pairs  # most common first, per field
        self.boost = boost
        self.constantscore = constantscore
        self._segments: dict[int, tuple[Any, list[int], dict[str, dict[int, bytes]]]] = {}  # per segment reader

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str | None:
        fields = {fieldname for fieldname, _word in self.pairs}
        return fields.pop() if len(fields) == 1 else None

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, bytes]]:
        yield from self.pairs

    def expanded_terms(self, ixreader: Any, phrases: bool = False) -> Iterator[tuple[str, bytes]]:
        yield from self.pairs

    def estimate_size(self, ixreader: Any) -> int:
        return sum(ixreader.doc_frequency(fieldname, word) for fieldname, word in self.pairs)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not self.constantscore:
            terms = [wq.Term(fieldname, word, boost=self.boost) for fieldname, word in self.pairs]
            return wq.Or(terms).matcher(searcher, context)
        key = id(reader)  # a search asks twice per segment (all matches, then the top ones)
        if key not in self._segments:
            word_of: dict[str, dict[int, bytes]] = {}  # field -> document -> the (most common) word it has
            for fieldname, word in self.pairs:
                if (fieldname, word) in reader:
                    # The dict union runs in C; a word already seen for a document stays.
                    found = dict.fromkeys(reader.postings(fieldname, word).all_ids(), word)
                    word_of[fieldname] = found | word_of.get(fieldname, {})
            # The reader is kept with its lists: its id cannot be taken by another while they are.
            self._segments[key] = (reader, sorted(set().union(*word_of.values())), word_of)
        _reader, ids, word_of = self._segments[key]
        if not ids:
            return matching.NullMatcher()
        return _WordsMatcher(ids, word_of, self.boost)

    def __eq__(self, other: object) -> bool:
        return type(other) is ExpandedWords and (self.pairs, self.boost) == (other.pairs, other.boost)

    def __hash__(self) -> int:
        return hash((self.pairs, self.boost))

    def __repr__(self) -> str:
        return f"ExpandedWords({len(self.pairs)} words)"


class _WordsMatcher(matching.ListMatcher):
    """Documents with any of a pattern's words, at one score. For the highlighter it shows one term
    matcher per field, each naming the word the current document has in that field."""

    def __init__(self, ids: list[int], word_of: dict[str, dict[int, bytes]], weight: float) -> None:
        super().__init__(ids, all_weights=weight)
        self._word_of = word_of
        self._weight = weight

    def term_matchers(self) -> Iterator[Any]:
        for fieldname, words in self._word_of.items():
            yield _FieldTerms(self, fieldname, words)

    def matching_terms(self, id: int | None = None) -> Iterator[tuple[str, bytes]]:
        docnum = self.id() if id is None else id
        for fieldname, words in self._word_of.items():
            if docnum in words:
                yield fieldname, words[docnum]

    def copy(self) -> _WordsMatcher:
        copied = _WordsMatcher(self._ids, self._word_of, self._weight)
        copied._i = self._i
        return copied


class _FieldTerms:
    """A view of a _WordsMatcher as the term matcher of one field (what Whoosh's term collector asks)."""

    def __init__(self, parent: _WordsMatcher, fieldname: str, words: dict[int, bytes]) -> None:
        self._parent, self._fieldname, self._words = parent, fieldname, words

    def is_active(self) -> bool:
        return self._parent.is_active() and self._parent.id() in self._words

    def id(self) -> int:
        return self._parent.id()

    def term(self) -> tuple[str, bytes]:
        return self._fieldname, self._words[self._parent.id()]


def _as_typed(node: wq.MultiTerm) -> str:
    if isinstance(node, wq.TermRange):
        return f"{node.fieldname}:[{node.start or ''} TO {node.end or ''}]"
    text = str(getattr(node, "text", ""))
    if isinstance(node, wq.Prefix):
        return text + "*"
    if isinstance(node, wq.FuzzyTerm):
        return f"{text}~{node.maxdist}"
    return text
