"""Indexing a text field in one pass: the same terms, weights and encoded postings as whoosh, at a third
of the cost.

Whoosh analyses a text field through a chain of generators, one Token object handed through the
tokenizer, the lower-case filter and the stemmer for every word, then groups the words by term in the
field's format and encodes them; on the BBC folder that was 9 of raw Whoosh's 18 seconds. For the chain
every SearchApp text field uses (a regular-expression tokenizer, lower case, a stemmer; see
schema.TEXT_ANALYZER) this does the same in one loop: each word as the tokenizer finds it, its term
from a table of the words seen before (lower case, then the analyzer's own stemmer), its positions
gathered per term, and each term's postings encoded by the field's own format. Any other analyzer,
format (such as character offsets, which no SearchApp field keeps) or value is left to whoosh. The
output is the same, term for term and byte for byte (tests/core/test_analysis.py checks it against
whoosh on generated text).

Installed on import by whoosh_fixes.py, for every process that writes an index.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from operator import sub
from pickle import dumps
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import IDTokenizer, LowercaseFilter, RegexTokenizer, StemFilter, StripFilter
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.lang.porter import stem as porter_stem
from whoosh.system import emptybytes, pack_uint

_ORIGINAL_INDEX = fields.FieldType.index
_WORDS_KEPT = 200_000  # the table of words to terms is emptied when it grows past this
_PLANS_KEPT = 256  # fields seen (each index opened brings its schema's): emptied past this

Indexer = Callable[[str], list[tuple[bytes, int, float, bytes]]]
_PLANS: dict[int, tuple[Any, Any, Indexer | None]] = {}  # id(field) -> (analyzer, format, indexer)
_TERMS: dict[str, str] = {}  # a word as written -> its term: lower case, then the Porter stemmer
_ONE_POSITION: dict[int, bytes] = {}  # a position -> a word's postings value when it is there alone
_GROUP = re.Match.group


class _TermBytes(dict[str, bytes]):
    """A word as written -> its term's UTF-8 bytes, the term worked out once per distinct word: mapped
    over a text's words, a hit is a dict lookup in C."""

    def __missing__(self, word: str) -> bytes:
        if len(self) >= _WORDS_KEPT:
            self.clear()
        found = self[word] = porter_stem(word.lower()).encode()  # as term(), without keeping it twice
        return found


_TERM_BYTES = _TermBytes()


def term(word: str) -> str:
    """A word's term as the chain makes it (`Ministers` -> `minist`), remembered."""
    found = _TERMS.get(word)
    if found is None:
        if len(_TERMS) >= _WORDS_KEPT:
            _TERMS.clear()
        found = _TERMS[word] = porter_stem(word.lower())
    return found


def encode_positions(positions: list[int]) -> bytes:
    """formats.Positions.encode in C (its loop of differences is Python's), and a word's one position
    (most words of an article) remembered: the same bytes."""
    if len(positions) == 1:
        position = positions[0]
        found = _ONE_POSITION.get(position)
        if found is None:
            if len(_ONE_POSITION) >= _WORDS_KEPT:
                _ONE_POSITION.clear()
            found = _ONE_POSITION[position] = pack_uint(1) + dumps(positions, 2)
        return found
    return pack_uint(len(positions)) + dumps(list(map(sub, positions, [0, *positions[:-1]])), 2)


def plain_pattern(analyzer: Any) -> re.Pattern[str] | None:
    """The tokenizer's pattern of a tokenizer | lower case | Porter stemmer chain, else None."""
    if type(analyzer) is not CompositeAnalyzer or len(analyzer.items) != 3:
        return None
    tokenizer, lower, stemmer = analyzer.items
    if type(tokenizer) is not RegexTokenizer or tokenizer.gaps or type(lower) is not LowercaseFilter:
        return None
    if type(stemmer) is not StemFilter or stemmer.stemfn is not porter_stem or stemmer.lang or stemmer.ignore:
        return None
    return tokenizer.expression  # type: ignore[no-any-return]


def _indexer(field: Any) -> Indexer | None:
    """The one-pass indexer for `field`, or None when whoosh must index it."""
    pattern = plain_pattern(field.analyzer)
    fmt = field.format
    if pattern is None or type(fmt) is not formats.Positions:
        return None
    boost = fmt.field_boost
    encode = fmt.encode if type(fmt).encode is not formats.Positions.encode else encode_positions

    def index_positions(value: str) -> list[tuple[bytes, int, float, bytes]]:
        seen: dict[bytes, list[Any]] = {}
        for pos, word in enumerate(map(_TERM_BYTES.__getitem__, map(_GROUP, pattern.finditer(value)))):
            found = seen.get(word)
            if found is None:
                seen[word] = [pos]
            else:
                found.append(pos)
        if encode is not encode_positions:
            return [(word, len(got), len(got) * 1.0 * boost, encode(got)) for word, got in seen.items()]
        # most words are there once: their value looked up here (encode_positions remembers it)
        return [(word, 1, one_weight, one_position(got[0]) or encode(got)) if len(got) == 1
                else (word, len(got), len(got) * 1.0 * boost, encode(got)) for word, got in seen.items()]

    one_weight = 1 * 1.0 * boost
    one_position = _ONE_POSITION.get
    return index_positions


def _word_indexer(field: Any) -> Indexer | None:
    """The indexer of a field of whole values or simple words without positions (ID fields; KEYWORD
    fields split at spaces or commas, stripped), or None. Whoosh makes a Token object for each word and
    groups them by text; the same terms, weights and values here, counted in C."""
    fmt, analyzer = field.format, field.analyzer
    boost = fmt.field_boost
    if type(fmt) is formats.Existence and type(analyzer) is IDTokenizer:
        return lambda value: [(value.encode(), 1, boost, emptybytes)]
    if type(fmt) is not formats.Frequency:
        return None
    strip = False
    if type(analyzer) is CompositeAnalyzer and len(analyzer.items) == 2 and type(analyzer.items[1]) is StripFilter:
        analyzer, strip = analyzer.items[0], True
    if type(analyzer) is not RegexTokenizer or analyzer.gaps or analyzer.expression.groups:
        return None
    findall = analyzer.expression.findall

    def index_words(value: str) -> list[tuple[bytes, int, float, bytes]]:
        found = findall(value)
        counts = Counter(map(str.strip, found) if strip else found)
        return [(word.encode(), count, count * 1.0 * boost, pack_uint(count)) for word, count in counts.items()]

    return index_words


def _index(self: Any, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]] | list[Any]:
    """FieldType.index: the one-pass indexer when it applies, whoosh's own otherwise."""
    if type(value) is str and (not kwargs or kwargs.keys() == {"mode"}):
        plan = _PLANS.get(id(self))
        if plan is None or plan[0] is not self.analyzer or plan[1] is not self.format:
            if len(_PLANS) >= _PLANS_KEPT:
                _PLANS.clear()
            plan = _PLANS[id(self)] = (self.analyzer, self.format, _indexer(self) or _word_indexer(self))
        if plan[2] is not None:
            return plan[2](value)
    return _ORIGINAL_INDEX(self, value, **kwargs)  # type: ignore[no-any-return]


def install() -> None:
    """Index whoosh's text fields through `_index` (the same output; see the module's text)."""
    fields.FieldType.index = _index  # type: ignore[method-assign]
