"""Which documents a query matches, as a set, without scoring.

A query is mostly words ORed over the text fields and ANDed together: here each word's postings are
read into a set and the sets combined in C (union, intersection, difference), instead of whoosh's
matchers stepping through every matching document in Python, several method calls each (at 20,000
articles, a word in most of them: 280 ms -> 40 ms on a loaded machine). What set algebra does not
express (phrases, ranges, a field's every value) is left to whoosh.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from whoosh import query as wq

from searchapp.core.expansion import ExpandedWords

TermDocs = dict[tuple[str, bytes], set[int]]


def matching_documents(searcher: Any, query: wq.Query, live: Set[int], terms: TermDocs | None = None) -> set[int]:
    """The live documents `query` matches. With `terms`, each of the query's words (a phrase's too) is
    recorded there with the documents holding it: what whoosh's `terms=True` records while scoring every
    match, which highlighting needs (see search.py)."""
    return _docs(searcher, query, live, {} if terms is None else terms) & live  # postings keep deleted ones


def _docs(searcher: Any, node: wq.Query, live: Set[int], terms: TermDocs) -> set[int]:
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
        for word in node.words:
            _term_docs(searcher, node.fieldname, word, terms)
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
    for leaf, offset in searcher.reader().leaf_readers():
        if (fieldname, word) in leaf:
            ids = leaf.postings(fieldname, word).all_ids()
            found.update(map(offset.__add__, ids) if offset else ids)
    if found:
        terms[(fieldname, word)] = found
    return set(found)
