"""Matching by set algebra finds exactly what whoosh's matchers find, deleted documents left out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchapp.core.expansion import bound_expansions
from searchapp.core.generation import Generation
from searchapp.core.index import ArticleIndex
from searchapp.core.matching import matching_documents
from searchapp.core.query import parse_query
from tests.core.factories import make_txt_folder, write_json_records

WORDS = ["oil", "prices", "election", "campaign", "galloway", "report", "officials", "film*", "blair~",
         '"oil prices"', "speaker:galloway", "headline:report", "date:2005", "nothing"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("matching")
    folder = make_txt_folder(base / "news", 40)
    with ArticleIndex(base / "index", workers=0, commit_every=15) as opened:
        opened.add([folder])
        for number in (3, 8, 21):
            (folder / f"{number:04d}.txt").unlink()
        opened.rescan()  # deletions in committed segments
        yield opened


def _both(index: ArticleIndex, text: str) -> tuple[set[int], set[int]]:
    with index.whoosh.searcher() as searcher:
        query = bound_expansions(parse_query(text), searcher.reader())[0]
        live = Generation(searcher).live()
        return matching_documents(searcher, query, live), set(searcher.docs_for_query(query))


@pytest.mark.parametrize("text", ["", "*", "oil", "oil prices", "oil OR film", "oil NOT prices", "(oil OR gas) AND report",
                                  '"oil prices"', "speaker:galloway report", "film* NOT date:2005", "NOT oil"])
def test_the_same_documents_as_whoosh(index: ArticleIndex, text: str) -> None:
    ours, whoosh = _both(index, text)
    assert ours == whoosh
    assert len(ours) <= 37


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4), st.lists(st.sampled_from(["", "OR", "NOT", "AND"]),
                                                                           min_size=3, max_size=3))
def test_any_combination_of_words_matches_as_whoosh_does(index: ArticleIndex, words: list[str], joins: list[str]) -> None:
    text = " ".join(part for pair in zip(words, [*joins, ""], strict=False) for part in pair if part)
    ours, whoosh = _both(index, text)
    assert ours == whoosh, text


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("dated")
    records = [{"title": f"Harbour report {n}", "text": "The harbour reopened.",
                "date_publish": f"{2004 + n % 3}-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:00:00"}
               for n in range(60)] + [{"title": "Undated harbour report", "text": "No date."}]
    write_json_records(base / "news" / "a.jsonl", records)
    with ArticleIndex(base / "index", workers=0) as opened:
        opened.add([base / "news"])
        yield opened


@pytest.mark.parametrize("text", ["date:2005", "date:2005-03", "date:2005-03-04", "date:2004-01..2005-06",
                                  "date:>2005-06-01", "date:>=2005-06-01", "date:<2005", "date:<=2005",
                                  "date:2005 OR date:2004-02", "harbour NOT date:2006", "date:2006-W10"])
def test_date_ranges_from_the_column_match_as_whoosh_does(dated: ArticleIndex, text: str) -> None:
    ours, whoosh = _both(dated, text)
    assert ours == whoosh


@pytest.mark.parametrize("start,end,startexcl,endexcl", [("a", "z", False, False), ("officials", "report", True, False),
                                                         ("oil", "prices", False, True), (None, "c", False, False),
                                                         ("r", None, False, False)])
def test_a_range_reads_the_words_whoosh_reads_with_their_counts(index: ArticleIndex, start, end, startexcl,
                                                                endexcl) -> None:
    from whoosh import query as wq

    from searchapp.core.expansion import _in_range

    node = wq.TermRange("body", start, end, startexcl=startexcl, endexcl=endexcl)
    with index.whoosh.searcher() as searcher:
        for leaf, _offset in searcher.reader().leaf_readers():
            ours = list(_in_range(node, leaf, "body"))
            assert [word for word, _count in ours] == list(node._btexts(leaf))
            assert all(count == leaf.doc_frequency("body", word) for word, count in ours)
            assert ours or start == "r"  # the articles' words fall in every range but the last


PHRASE_WORDS = ["the", "oil", "price", "rose", "fell", "said"]


@pytest.fixture(scope="module")
def phrased(tmp_path_factory: pytest.TempPathFactory):
    """Short texts from six words, so that phrases occur, repeat and overlap; three segments, deletions."""
    import random

    chance = random.Random(11)
    base = tmp_path_factory.mktemp("phrases")
    with ArticleIndex(base / "index", workers=0) as opened:
        for part in range(3):
            records = [{"title": " ".join(chance.choices(PHRASE_WORDS, k=3)),
                        "text": " ".join(chance.choices(PHRASE_WORDS, k=chance.randint(2, 25)))} for _ in range(60)]
            write_json_records(base / f"part{part}" / "a.jsonl", records)
            opened.add([base / f"part{part}"])
        yield opened


@given(st.lists(st.sampled_from(PHRASE_WORDS), min_size=2, max_size=4), st.sampled_from(["", "~2", "~3"]))
def test_phrases_match_as_whoosh_matches_them(phrased: ArticleIndex, words: list[str], slop: str) -> None:
    ours, whoosh = _both(phrased, f'"{" ".join(words)}"{slop}')
    assert ours == whoosh
