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
from collections.abc import Callable, Iterator
from operator import sub
from pickle import dumps
from typing import Any

from whoosh import fields, formats
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.lang.porter import stem as porter_stem
from whoosh.system import pack_uint

_ORIGINAL_INDEX = fields.FieldType.index
_WORDS_KEPT = 200_000  # the table of words to terms is emptied when it grows past this
_PLANS_KEPT = 256  # fields seen (each index opened brings its schema's): emptied past this

Indexer = Callable[[str], list[tuple[bytes, int, float, bytes]]]
_PLANS: dict[int, tuple[Any, Any, Indexer | None]] = {}  # id(field) -> (analyzer, format, indexer)
_TERMS: dict[str, str] = {}  # a word as written -> its term: lower case, then the Porter stemmer
_ONE_POSITION: dict[int, bytes] = {}  # a position -> a word's postings value when it is there alone


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
        seen: dict[str, list[Any]] = {}
        for pos, match in enumerate(pattern.finditer(value)):
            word = term(match.group())
            found = seen.get(word)
            if found is None:
                seen[word] = [pos]
            else:
                found.append(pos)
        return [(word.encode(), len(got), len(got) * 1.0 * boost, encode(got)) for word, got in seen.items()]

    return index_positions


def _index(self: Any, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]] | list[Any]:
    """FieldType.index: the one-pass indexer when it applies, whoosh's own otherwise."""
    if type(value) is str and (not kwargs or kwargs.keys() == {"mode"}):
        plan = _PLANS.get(id(self))
        if plan is None or plan[0] is not self.analyzer or plan[1] is not self.format:
            if len(_PLANS) >= _PLANS_KEPT:
                _PLANS.clear()
            plan = _PLANS[id(self)] = (self.analyzer, self.format, _indexer(self))
        if plan[2] is not None:
            return plan[2](value)
    return _ORIGINAL_INDEX(self, value, **kwargs)  # type: ignore[no-any-return]


def install() -> None:
    """Index whoosh's text fields through `_index` (the same output; see the module's text)."""
    fields.FieldType.index = _index  # type: ignore[method-assign]
