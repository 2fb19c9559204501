"""Ranking a search of plain words: BM25F scores read from each word's postings, a block at a time.

Whoosh ranks by walking a tree of matchers one document at a time (a union per word over the default
fields, an intersection for AND), several Python calls per document and field: a word in most articles
took most of a second at 20,000 articles. A query made only of words joined by AND and OR (most typed
queries) is scored here instead: the documents that match are already known (core/matching.py), so
each word's postings in each field are read a block at a time and its BM25F score added to the
documents it is in. A document's score is the same sum whoosh makes (a word's score in a field times
the word's boost, summed over the words it holds; a pattern scored at one score adds its boost), so
the ranking is the same; a date range adds its boost, as in whoosh. Any other query (phrases, NOT)
is ranked by whoosh (`whoosh_top`), with two of its shortcuts turned off because they lost documents.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from heapq import nlargest, nsmallest
from itertools import compress, repeat
from operator import ge, neg
from typing import Any

from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length

from searchapp.core.expansion import ExpandedWords
from searchapp.core.hotpostings import postings_blocks
from searchapp.core.matching import Postings, matching_documents, numeric_column, phrase_key


def plain_words(query: wq.Query) -> list[Any] | None:
    """The words of a query made only of terms and expanded patterns joined by AND and OR (no boost on the
    joins; NOT inside an AND), else None. A pattern scored as words gives its words; one scored at one
    score stays whole."""
    if type(query) is wq.Term:
        return [query] if isinstance(query.text, (str, bytes)) else None
    if isinstance(query, wq.NumericRange) and query.constantscore:  # a date range: its boost, once per document
        return [query]
    if type(query) is wq.Phrase and all(isinstance(word, str) for word in query.words):
        return [query]  # its words' scores where the phrase is
    if type(query) is ExpandedWords:
        if query.constantscore:
            return [query]
        return [wq.Term(fieldname, word, boost=query.boost) for fieldname, word in query.pairs]
    if type(query) in (wq.And, wq.Or) and query.boost == 1.0:
        words: list[wq.Term] = []
        for child in query.subqueries:
            if child is wq.NullQuery:  # a field a pattern matched no word in
                continue
            if type(query) is wq.And and type(child) is wq.Not:
                words.append(child)  # "merger NOT bank": whoosh adds the NOT's boost to every match
                continue
            found = plain_words(child)
            if found is None:
                return None
            words.extend(found)
        return words
    return None


def top_scored(searcher: Any, words: list[wq.Term], docs: Collection[int], limit: int,
               lengths: dict[Any, list[int]], term_docs: Mapping[tuple[str, bytes], set[int]] | None = None,
               postings: Mapping[tuple[str, bytes, int], Postings] | None = None,
               ) -> list[tuple[float, int]] | None:
    """(score, document) of the `limit` best of `docs` (best first, then in index order), scored as
    whoosh's BM25F scores `words`; None when this searcher is not one this module can read (whoosh
    ranks then). `lengths` keeps each segment's field lengths between searches; `term_docs`, the
    documents of each word that matching read already (a pattern's are not read again); `postings`, the
    words' postings matching kept (not read again either)."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F:
        return None
    wanted = docs if isinstance(docs, (set, frozenset)) else set(docs)
    scores: dict[int, float] = {}
    for word in words:
        if type(word) is ExpandedWords:  # a pattern at one score: its boost, once per document
            _add_constant(searcher, word, wanted, scores, term_docs or {})
            continue
        if isinstance(word, wq.NumericRange):  # a date range, likewise
            _add(matching_documents(searcher, word, wanted), word.boost, scores)
            continue
        if isinstance(word, wq.Not):  # every match lacks what NOT names: its boost, once per document
            _add(wanted, word.boost, scores)
            continue
        if isinstance(word, wq.Phrase):
            # whoosh scores a phrase as the sum of its words' scores, in the documents where the
            # phrase is (matching found them): "prime minister" in a body, not the two words apart
            where = getattr(term_docs, "phrases", {}).get(phrase_key(word))
            if where is None:
                where = set(searcher.docs_for_query(word))
            for part in word.words:
                term = wq.Term(word.fieldname, part, boost=word.boost)
                if not _score_word(searcher, term, where & wanted, lengths, postings, scores):
                    return None
            continue
        fieldname = word.fieldname
        text = searcher.schema[fieldname].to_bytes(word.text) if isinstance(word.text, str) else word.text
        if not searcher.schema[fieldname].scorable:
            # An exact name (`orgs:"Conservative Party"`, from a name's other forms): whoosh scores
            # each of its documents at its weight, one, times the boost
            found = (term_docs or {}).get((fieldname, text))
            _add((found if found is not None else matching_documents(searcher, word, wanted)) & wanted,
                 word.boost, scores)
            continue
        if not _score_word(searcher, word, wanted, lengths, postings, scores):
            return None
    if len(scores) != len(wanted):
        return None  # a match this module did not score: whoosh's own way
    return best_of(scores, limit)


def best_of(scores: Mapping[int, float], limit: int) -> list[tuple[float, int]]:
    """(score, document) of the `limit` best scores, best first, ties in index order. The `limit`-th best
    score is found among the bare floats (C comparisons), then the documents scoring that much are picked
    and the best of them taken, by C calls too: a key function over every match cost a third of ranking
    a word in most articles, and sorting every tie (a pattern in most articles gives tens of thousands
    of documents one score) half of what was left."""
    if limit <= 0 or not scores:
        return []
    least = nlargest(limit, scores.values())[-1]
    found = list(compress(scores.keys(), map(ge, scores.values(), repeat(least))))
    best = nsmallest(limit, zip(map(neg, map(scores.__getitem__, found)), found, strict=True))
    return [(-score, docnum) for score, docnum in best]


def _score_word(searcher: Any, word: wq.Term, wanted: Collection[int], lengths: dict[Any, list[int]],
                postings: Mapping[tuple[str, bytes, int], Postings] | None, scores: dict[int, float]) -> bool:
    """Add one word's BM25F scores in its field to the `wanted` documents holding it; False when a
    segment is not one this module can read."""
    weighting = searcher.weighting
    fieldname = word.fieldname
    text = searcher.schema[fieldname].to_bytes(word.text) if isinstance(word.text, str) else word.text
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        kept = postings.get((fieldname, text, offset)) if postings else None
        blocks = kept if kept is not None else postings_blocks(reader, fieldname, text)
        if blocks is None:
            return False  # another codec: whoosh's own way
        if not blocks:
            continue  # the word is not in this segment
        scorer = weighting.scorer(sub, fieldname, text)
        if not isinstance(scorer, BM25FScorer):
            return False  # an unscored field: whoosh's own way
        norms = _norms(scorer)
        field_bytes = _length_bytes(reader, fieldname, lengths)
        factor = scorer.idf * (scorer.K1 + 1) * word.boost
        _add_scores(blocks, offset, wanted, field_bytes, norms, factor, scores)
    return True


def whoosh_top(searcher: Any, query: wq.Query, limit: int, allowed: Any, sort_args: Mapping[str, Any]) -> Any:
    """Whoosh's own top-N search of `query` within `allowed`, as whoosh Results, kept correct: every OR
    a tree of unions, and no matcher swaps (see the two functions below)."""
    collector = searcher.collector(limit=limit, filter=allowed, **sort_args)
    _keep_every_matcher(collector)
    searcher.search_with_collector(_union_trees(query), collector)
    return collector.results()


def _union_trees(query: wq.Query) -> wq.Query:
    """`query` with every OR matched as a tree of unions. For a segment under 5,000 articles whoosh
    would preload an OR's matches in parts of 2,048 instead, and inside an AND that loses documents
    (the best 'interest rates' article was never ranked); the trees also let a top-N search skip
    blocks that cannot reach it (a word in most articles is ranked twice as fast)."""
    if type(query) is wq.Or:
        query.matcher_type = wq.Or.DEFAULT_MATCHER
    if not query.is_leaf():
        for child in query.children():
            _union_trees(child)
    return query


def _keep_every_matcher(collector: Any) -> None:
    """A top-N collector that never swaps its matcher for a 'more efficient' one every ten matches:
    whoosh's swap drops the parts of an OR whose bound on the score is under the lowest kept score,
    and its bounds for BM25F are too low (a document that belonged in the top ten was lost). Skipping
    blocks by the same bounds is kept: it gave the same hits in every case tried."""
    while collector is not None:
        if hasattr(collector, "replace"):
            collector.replace = 0
        collector = getattr(collector, "child", None)


def _add_constant(searcher: Any, pattern: ExpandedWords, wanted: Collection[int], scores: dict[int, float],
                  term_docs: Mapping[tuple[str, bytes], set[int]]) -> None:
    if all(pair in term_docs for pair in pattern.pairs):
        _add(set().union(*(term_docs[pair] for pair in pattern.pairs)).intersection(wanted), pattern.boost, scores)
        return
    found: set[int] = set()
    for sub, offset in searcher.leaf_searchers():
        reader = sub.reader()
        for fieldname, word in pattern.pairs:
            if (fieldname, word) in reader:
                found.update(docnum + offset for docnum in reader.postings(fieldname, word).all_ids())
    _add(found.intersection(wanted), pattern.boost, scores)


def _add(docs: set[int], score: float, scores: dict[int, float]) -> None:
    get = scores.get
    for docnum in docs:
        scores[docnum] = get(docnum, 0.0) + score


def _add_scores(blocks: Iterable[tuple[Any, Any]], offset: int, wanted: Collection[int], field_bytes: list[int],
                norms: list[float], factor: float, scores: dict[int, float]) -> None:
    """Add one word's scores in one segment's field, a block of postings at a time."""
    get = scores.get
    for ids, weights in blocks:
        for docnum, weight in zip(ids, weights, strict=True):
            found = docnum + offset
            if found in wanted:
                # bm25(idf, tf, fl, avgfl, B, K1) * boost, as whoosh computes it
                scores[found] = get(found, 0.0) + factor * weight / (weight + norms[field_bytes[docnum]])


def _norms(scorer: Any) -> list[float]:
    """K1 * ((1 - B) + B * length / avgfl) for every stored length byte (lengths are kept as one byte)."""
    k1, b, average = scorer.K1, scorer.B, scorer.avgfl
    return [k1 * ((1 - b) + b * byte_to_length(byte) / average) if byte else k1 * ((1 - b) + b / average)
            for byte in range(256)]


def _length_bytes(reader: Any, fieldname: str, lengths: dict[Any, list[int]]) -> list[int]:
    """The segment's stored length byte of `fieldname` for each of its documents (read once)."""
    key = (reader.segment().segment_id(), reader.segment().deleted_count(), fieldname)
    if key not in lengths:
        column = reader._perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        lengths[key] = [0] * reader.doc_count_all() if column is None else numeric_column(column)
    return lengths[key]
