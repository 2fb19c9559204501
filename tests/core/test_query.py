"""Queries under stress: malformed ones are read as words and say so, operators alone are refused,
a word in capitals is an acronym, patterns that match too many words are cut down (and say so),
and any string at all gives results or a message."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import index as whoosh_index

from searchapp.core.errors import QueryError
from searchapp.core.expansion import MAX_WORDS
from searchapp.core.generation import SEARCHERS
from searchapp.core.index import ArticleIndex
from searchapp.core.models import SearchResult
from searchapp.core.schema import build_schema
from searchapp.core.search import search
from tests.core.factories import write_json_records

ARTICLES = [
    ("UN envoy visits Geneva", "The UN envoy said talks with the government would resume."),
    ("Kim Jong-un inspects troops", "Kim Jong-un inspected the troops on Monday, state media said."),
    ("Iron ore prices fall", "The price of iron ore fell for a third week."),
    ("Title race tightens", "The title race went to the last day of the season."),
    ("NASA delays launch", "Nasa said the launch would wait for better weather."),
]
WORD_LIST = [f"wrd{n:03d}" for n in range(MAX_WORDS + 20)]  # more words starting "wrd" than a pattern may use


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ArticleIndex:
    base = tmp_path_factory.mktemp("query")
    records = [{"title": title, "text": text} for title, text in ARTICLES]
    # wrd000 is in every word-list article, wrd001 in all but one, ...: the most common come first
    records += [{"title": f"Word list {n}", "text": " ".join(WORD_LIST[: len(WORD_LIST) - n])} for n in range(5)]
    write_json_records(base / "feed" / "a.jsonl", records)
    with ArticleIndex(base / "index", workers=0) as idx:
        idx.add([base / "feed"])
        yield idx


def headlines(result: SearchResult) -> set[str]:
    return {hit.headline for hit in result.hits}


@pytest.mark.parametrize(
    ("text", "words", "hint"),
    [
        ("title:(", "title", "bracket ( is not closed"),
        ('"iron ore', "iron ore", 'quotation mark " is not closed'),
        ("ore)", "ore", "closing bracket ) has no opening one"),
        ("title:", "title", "title: needs a word after it"),
    ],
)
def test_a_malformed_query_is_searched_as_words_and_says_so(index: ArticleIndex, text: str, words: str,
                                                             hint: str) -> None:
    result = search(index, text, page_size=20)
    assert result.notice.startswith(f"Searched as words: {words} (") and hint in result.notice
    assert headlines(result) == headlines(search(index, words, page_size=20))


def test_a_query_read_as_typed_has_no_notice(index: ArticleIndex) -> None:
    assert search(index, "title:(race season)").notice == ""
    assert headlines(search(index, "title:(race season)")) == set()  # season is in the text, not the title
    assert headlines(search(index, "title:(race tightens)")) == {"Title race tightens"}


@pytest.mark.parametrize("text", ["AND OR NOT", "OR", "NOT", "AND AND", "ANDNOT OR"])
def test_operators_alone_never_match_word_fragments(index: ArticleIndex, text: str) -> None:
    with pytest.raises(QueryError, match="no words to join"):
        search(index, text)


def test_a_word_in_capitals_is_an_acronym(index: ArticleIndex) -> None:
    capitals = search(index, "UN", page_size=20)
    assert headlines(capitals) == {"UN envoy visits Geneva"}  # not Kim Jong-un
    assert "UN: matched in capitals only" in capitals.notice and "type un" in capitals.notice
    assert headlines(search(index, "un", page_size=20)) == {"UN envoy visits Geneva", "Kim Jong-un inspects troops"}
    assert headlines(search(index, "NASA")) == {"NASA delays launch"}  # in capitals in the headline only
    assert search(index, "un").notice == ""


def test_a_pattern_of_wildcards_alone_is_every_article(index: ArticleIndex) -> None:
    for text in ("*", "?*", "*?*?*", "title:*"):
        result = search(index, text)
        assert result.total == len(ARTICLES) + 5
    assert "matches any word" in search(index, "*?*").notice


def test_a_pattern_that_matches_too_many_words_is_cut_to_the_most_common(index: ArticleIndex) -> None:
    result = search(index, "wrd*", page_size=20)
    assert f"wrd* matches {len(WORD_LIST)} words; searched the {MAX_WORDS} most common" in result.notice
    assert result.total == 5
    assert "wrd000" in result.terms and WORD_LIST[-1] not in result.terms  # the rarest words were dropped
    assert '<b class="hit">wrd0' in result.hits[0].snippet_html  # the words kept are still marked
    few = search(index, "wrd05*")
    assert few.notice == "" and few.total == 5


def test_fuzzy_and_prefix_searches_still_find_and_mark_their_words(index: ArticleIndex) -> None:
    result = search(index, "envoi~ NOT jong")
    assert headlines(result) == {"UN envoy visits Geneva"}
    assert '<b class="hit">envoy</b>' in result.hits[0].snippet_html
    assert headlines(search(index, "insp*")) == {"Kim Jong-un inspects troops"}


QUERY_PIECES = st.sampled_from(
    ["UN", "un", "ore", "title:", "body:", "date:", "date:2005", "date:20x", "AND", "OR", "NOT", "*", "?", "~",
     "~2", '"', "(", ")", "[", "]", "^", ":", "\\", "-", "wrd*", "*a*", "TO", "{", "}", "'", "é", "\x00"]
)


@given(st.one_of(st.text(max_size=30), st.lists(QUERY_PIECES, max_size=8).map(" ".join),
                 st.lists(QUERY_PIECES, max_size=8).map("".join)))
def test_any_string_gives_results_or_a_message(index: ArticleIndex, text: str) -> None:
    try:
        result = search(index, text, page_size=5)
    except QueryError as error:
        assert str(error)
    else:
        assert 0 <= len(result.hits) <= result.total


def test_an_index_of_the_earlier_version_is_searched_read_only_without_telling_capitals(tmp_path) -> None:
    write_json_records(tmp_path / "feed" / "a.jsonl", [{"title": title, "text": text} for title, text in ARTICLES])
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([tmp_path / "feed"])
    # What version 1 left: the same articles without the acronyms field, and version 1 in the folder list.
    older = tmp_path / "older"
    older.mkdir()
    schema = build_schema()
    schema.remove("acronyms")
    with whoosh_index.create_in(str(older), schema, indexname="articles").writer() as writer, \
            ArticleIndex(tmp_path / "index", read_only=True).whoosh.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            writer.add_document(**{key: value for key, value in fields.items() if key in schema.names()})
    meta = json.loads((tmp_path / "index" / "searchapp.json").read_text(encoding="utf-8"))
    (older / "searchapp.json").write_text(json.dumps({**meta, "schema_version": 1}), encoding="utf-8")
    with ArticleIndex(older, read_only=True) as index:  # a colleague's copy: it cannot be rebuilt here
        result = search(index, "UN", page_size=20)
        assert headlines(result) == {"UN envoy visits Geneva", "Kim Jong-un inspects troops"}
        assert "earlier version of SearchApp" in result.notice and "matched in any case" in result.notice


def test_a_patterns_words_are_looked_up_once_per_searcher_with_the_same_notice(index: ArticleIndex,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from searchapp.core import search as search_module

    looked_up: list[str] = []
    original = search_module.bound_expansions
    monkeypatch.setattr(search_module, "bound_expansions",
                        lambda parsed, reader: looked_up.append(repr(parsed)) or original(parsed, reader))
    SEARCHERS.current(index).bounded.clear()
    first, again = search(index, "wrd*", page_size=20), search(index, "wrd*", page=2, page_size=2)
    assert len(looked_up) == 1 and first.notice == again.notice != "" and first.total == again.total == 5
    search(index, "wrd05*")
    assert len(looked_up) == 2
