"""Ranking: a document's score is the sum of its query words' BM25F scores in every field, whatever
matcher whoosh would pick for a segment of this size (for a segment under 5,000 articles it preloads
each OR in parts of 2,048, and inside an AND that lost the best documents)."""

from __future__ import annotations

import heapq
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from searchapp.core.generation import SEARCHERS
from searchapp.core.index import ArticleIndex
from searchapp.core.query import parse_query
from searchapp.core.ranking import best_of
from searchapp.core.search import search
from tests.core.factories import write_json_records

WORDS = ["interest", "rates", "harbour", "strike", "budget", "minister", "bank", "yen", "oil", "price"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ArticleIndex:
    base = tmp_path_factory.mktemp("ranking")
    chance = random.Random(7)
    for part, size in enumerate((2600, 40, 40)):  # three commits: three segments, one of several parts
        records = []
        for n in range(size):
            words = chance.choices(WORDS, k=chance.randint(1, 12))
            filler = " ".join(chance.choices(["the", "a", "report", "said", "today"], k=chance.randint(1, 30)))
            records.append({"title": " ".join(chance.sample(WORDS, 2)), "text": f"{' '.join(words)} {filler}.",
                            "date_publish": f"{2004 + n % 2}-{1 + n % 12:02d}-10 12:00:00"})
        write_json_records(base / f"part{part}" / "a.jsonl", records)
    idx = ArticleIndex(base / "index", workers=0)
    for part in range(3):
        idx.add([base / f"part{part}"])
    yield idx
    idx.close()


@pytest.mark.parametrize("text", ["interest rates", "oil OR price", "bank yen", "minister budget harbour"])
def test_scores_are_the_sums_of_each_words_scores(index: ArticleIndex, text: str) -> None:
    result = search(index, text, page_size=10, with_facets=False)
    searcher = SEARCHERS.current(index).searcher
    leaves = [leaf for leaf in parse_query(text).leaves() if not isinstance(leaf, wq.Not)]
    parsed = parse_query(text)
    expected = dict.fromkeys(searcher.docs_for_query(parsed), 0.0)
    for leaf in leaves:  # each word in each field on its own, scored over every document
        for hit in searcher.search(leaf, limit=None):
            if hit.docnum in expected:
                expected[hit.docnum] += hit.score
    best = sorted(expected.values(), reverse=True)[: len(result.hits)]
    assert result.total == len(expected)
    assert [round(hit.score, 6) for hit in result.hits] == [round(score, 6) for score in best]


@pytest.mark.parametrize("text", ["interest rates", "oil OR price", "bank (yen OR oil)", "inter* rates", "bak~ yen",
                                  "pri* OR budg*", "date:2005 bank yen", "date:2004-03 OR oil", "bank NOT yen",
                                  "oil NOT (price OR yen) rates", '"interest rates"', '"bank yen" date:2005',
                                  '"oil price" OR minister'])
def test_plain_words_are_scored_from_their_postings_as_whoosh_scores_them(index: ArticleIndex, text: str) -> None:
    from searchapp.core.expansion import bound_expansions
    from searchapp.core.ranking import plain_words, top_scored

    searcher = SEARCHERS.current(index).searcher
    parsed = bound_expansions(parse_query(text), searcher.reader())[0]
    words = plain_words(parsed)
    assert words
    docs = set(searcher.docs_for_query(parsed))
    ours = top_scored(searcher, words, docs, 25, {})
    theirs = [(hit.score, hit.docnum) for hit in searcher.search(parsed, limit=None)][:25]
    assert ours is not None
    assert [(round(score, 6), docnum) for score, docnum in ours] == [(round(s, 6), d) for s, d in theirs]


def test_other_queries_are_left_to_whoosh() -> None:
    from searchapp.core.ranking import plain_words

    for text in ["NOT yen", "bank OR NOT yen"]:
        assert plain_words(parse_query(text)) is None, text


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(0, 5000), st.sampled_from([0.0, 0.5, 1.25, 2.0, 3.5, 7.0]) | st.floats(0, 50)),
       st.integers(0, 40))
def test_the_best_scores_are_the_best_first_with_ties_in_index_order(scores: dict[int, float], limit: int) -> None:
    expected = [(score, docnum) for docnum, score in
                heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))]
    assert best_of(scores, limit) == expected
