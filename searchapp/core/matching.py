"""Which documents a query matches, as a set, without scoring.

A query is mostly words ORed over the text fields and ANDed together: here each word's postings are
read into a set and the sets combined in C (union, intersection, difference), instead of whoosh's
matchers stepping through every matching document in Python, several method calls each (at 20,000
articles, a word in most of them: 280 ms -> 40 ms on a loaded machine). A date range is read from the
`published` column (whoosh would open a matcher for every date in the range: a month was 0.9 s at 20,000
articles). What set algebra does not express (phrases, other ranges, a field's every value) is left to
whoosh.
"""

from __future__ import annotations

import sys
import weakref
from array import array
from collections.abc import Iterable, Set
from itertools import chain
from typing import Any

from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.columns import NumericColumn
from whoosh.fields import DATETIME

from searchapp.core.expansion import ExpandedWords
from searchapp.core.hotpostings import postings_blocks

Postings = list[tuple[Any, Any]]  # a posting list's blocks: (document numbers, weights)


class TermDocs(dict[tuple[str, bytes], set[int]]):
    """Each query word's documents, by (field, word). With `keep_postings`, each word's postings in
    each segment are kept too (`postings[(field, word, offset)]`), for ranking to score them without
    reading them again: a word in most articles is the larger part of a search."""

    def __init__(self, keep_postings: bool = False) -> None:
        super().__init__()
        self.postings: dict[tuple[str, bytes, int], Postings] | None = {} if keep_postings else None
        self.phrases: dict[tuple[Any, ...], set[int]] = {}  # each phrase's documents


def matching_documents(searcher: Any, query: wq.Query, live: Set[int], terms: TermDocs | None = None) -> set[int]:
    """The live documents `query` matches. With `terms`, each of the query's words (a phrase's too) is
    recorded there with the documents holding it: what whoosh's `terms=True` records while scoring every
    match, which highlighting needs (see search.py)."""
    return _docs(searcher, query, live, TermDocs() if terms is None else terms) & live  # postings keep deleted ones


def _docs(searcher: Any, node: wq.Query, live: Set[int], terms: TermDocs) -> set[int]:
    if type(node) is wq.DateRange and _dated(searcher, node.fieldname):
        return _in_range(searcher, node)
    if isinstance(node, wq.Term):
        return _term_docs(searcher, node.fieldname, node.text, terms)
    if isinstance(node, wq.Every) and not node.fieldname:
        return set(live)
    if node is wq.NullQuery or isinstance(node, type(wq.NullQuery)):
        return set()
    if isinstance(node, (wq.Or, wq.DisjunctionMax)):
        found: set[int] = set()
        for child in node.subqueries:
            found |= _docs(searcher, child, live, terms)
        return found
    if isinstance(node, wq.And):
        parts = sorted((_docs(searcher, child, live, terms) for child in node.subqueries), key=len)
        return set.intersection(*parts) if parts else set()
    if isinstance(node, wq.Not):
        return set(live) - _docs(searcher, node.query, live, terms)
    if isinstance(node, wq.AndNot):
        return _docs(searcher, node.a, live, terms) - _docs(searcher, node.b, live, terms)
    if isinstance(node, wq.AndMaybe):
        return _docs(searcher, node.a, live, terms)
    if isinstance(node, wq.Require):
        return _docs(searcher, node.a, live, terms) & _docs(searcher, node.b, live, terms)
    if isinstance(node, ExpandedWords):  # a wildcard or fuzzy pattern, expanded beforehand
        found = set()
        for fieldname, word in node.pairs:
            found |= _term_docs(searcher, fieldname, word, terms)
        return found
    if isinstance(node, wq.Phrase):
        words = [_term_docs(searcher, node.fieldname, word, terms) for word in node.words]
        found = _phrase_docs(searcher, node, set.intersection(*words) if words else set())
        if found is None:
            found = set(searcher.docs_for_query(node))
        terms.phrases[phrase_key(node)] = found  # for ranking
        return set(found)
    return set(searcher.docs_for_query(node))


def _term_docs(searcher: Any, fieldname: str, text: Any, terms: TermDocs) -> set[int]:
    schema = searcher.schema
    if fieldname not in schema:
        return set()
    word = schema[fieldname].to_bytes(text) if isinstance(text, str) else text
    known = terms.get((fieldname, word))
    if known is not None:
        return set(known)
    found: set[int] = set()
    kept = terms.postings
    for leaf, offset in searcher.reader().leaf_readers():
        # a block at a time, or from memory for a frequent word (core/hotpostings.py): whoosh's
        # all_ids yields them one by one through two Python calls each
        blocks = postings_blocks(leaf, fieldname, word, weights=kept is not None)
        if blocks is None:
            if (fieldname, word) not in leaf:
                continue
            ids: Iterable[int] = leaf.postings(fieldname, word).all_ids()
        elif not blocks:
            continue
        else:
            if kept is not None:
                kept[(fieldname, word, offset)] = blocks
            ids = chain.from_iterable(block[0] for block in blocks)
        found.update(map(offset.__add__, ids) if offset else ids)
    if found:
        terms[(fieldname, word)] = found
    return set(found)


def phrase_key(phrase: wq.Phrase) -> tuple[Any, ...]:
    """What a phrase's documents are kept under (TermDocs.phrases) while a search runs."""
    return phrase.fieldname, tuple(phrase.words), phrase.slop


def _phrase_docs(searcher: Any, phrase: wq.Phrase, candidates: set[int]) -> set[int] | None:
    """The documents of `candidates` (those holding every word) where the words stand in order, each
    within `slop` places after the one before, as whoosh's phrase matches them; None when the field
    or a word is not one this function reads (whoosh matches it then). Only the candidates' positions
    are decoded: whoosh walked every posting of every word through span objects (half a second for
    "prime minister" at 100,000 articles)."""
    schema = searcher.schema
    field = schema[phrase.fieldname] if phrase.fieldname in schema else None
    if field is None or not field.format or not field.format.supports("positions"):
        return None
    if not all(isinstance(word, str) for word in phrase.words) or len(phrase.words) < 2:
        return None
    if not candidates:
        return set()
    decode = field.format.decoder("positions")
    texts = [field.to_bytes(word) for word in phrase.words]
    slop = phrase.slop
    found: set[int] = set()
    for leaf, offset in searcher.reader().leaf_readers():
        values: list[dict[int, bytes]] = []
        for text in texts:
            if (phrase.fieldname, text) not in leaf:
                break
            matcher = leaf.postings(phrase.fieldname, text)
            if not isinstance(matcher, whoosh3.W3LeafMatcher):
                return None
            values.append(_candidate_values(matcher, offset, candidates))
        else:
            first, rest = values[0], values[1:]
            for docnum, value in first.items():
                if not all(docnum in other for other in rest):
                    continue
                spans = [(position, position) for position in decode(value)]
                for other in rest:
                    positions = decode(other[docnum])
                    spans = [(start, p) for start, end in spans for p in positions if 1 <= p - end <= slop]
                    if not spans:
                        break
                if spans:
                    found.add(docnum + offset)
    return found


def _candidate_values(matcher: Any, offset: int, candidates: set[int]) -> dict[int, bytes]:
    """A posting list's encoded values (positions) of the documents in `candidates`, by segment
    document number; a block's values are read only when one of its documents is a candidate."""
    values: dict[int, bytes] = {}
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        ids = matcher._ids
        wanted = [k for k, docnum in enumerate(ids) if docnum + offset in candidates]
        if wanted:
            if matcher._values is None:
                matcher._read_values()
            block = matcher._values
            for k in wanted:
                values[ids[k]] = block[k]
        matcher._next_block()
    return values


_COLUMNS: weakref.WeakKeyDictionary[Any, dict[str, list[int]]] = weakref.WeakKeyDictionary()


def _dated(searcher: Any, fieldname: str) -> bool:
    field = searcher.schema[fieldname] if fieldname in searcher.schema else None
    return isinstance(field, DATETIME) and field.column_type is not None


def _in_range(searcher: Any, node: wq.DateRange) -> set[int]:
    """The documents whose date column value is within the range (an undated one has the column's
    default, beyond every date)."""
    values = column_numbers(searcher, node.fieldname)
    low = 0 if node.start is None else node.start + (1 if node.startexcl else 0)
    high = 2**63 - 1 if node.end is None else node.end - (1 if node.endexcl else 0)
    return {docnum for docnum, value in enumerate(values) if low <= value <= high}


def column_numbers(searcher: Any, fieldname: str) -> list[int]:
    """A numeric column's value for every document of the searcher (kept with the searcher)."""
    kept = _COLUMNS.setdefault(searcher, {})
    if fieldname not in kept:
        values: list[int] = []
        for leaf, _offset in searcher.reader().leaf_readers():
            if leaf.doc_count_all():  # an index with no segment yet has one empty reader, with no columns
                values.extend(numeric_column(leaf.column_reader(fieldname, translate=False)))
        kept[fieldname] = values
    return kept[fieldname]


def numeric_column(reader: Any) -> list[int]:
    """Every value of one segment's numeric column (a DATETIME's 64-bit numbers, the one-byte field
    lengths): its bytes read at once and turned into numbers in C, not one document at a time (50 times
    faster); other readers one by one."""
    if isinstance(reader, NumericColumn.Reader) and reader._typecode in ("Q", "B"):
        numbers = array(reader._typecode)
        numbers.frombytes(reader._dbfile.get(reader._basepos, reader._count * numbers.itemsize))
        if sys.byteorder == "little" and numbers.itemsize > 1:
            numbers.byteswap()  # whoosh writes them big-endian
        return numbers.tolist() + [reader._default] * (reader._doccount - reader._count)
    return list(reader)
