"""Frequent words' postings kept decoded in memory give the same matches and scores, within their bound."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.core import hotpostings
from searchapp.core.generation import SEARCHERS
from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from tests.core.factories import make_txt_folder


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ArticleIndex:
    base = tmp_path_factory.mktemp("hot")
    idx = ArticleIndex(base / "index", workers=0)
    idx.add([make_txt_folder(base / "articles", 200)])
    yield idx
    idx.close()


def _results(index: ArticleIndex, query: str) -> tuple[int, list[tuple[str, float]]]:
    SEARCHERS.current(index).rankings.clear()
    result = search(index, query, page_size=50, with_facets=False)
    return result.total, [(hit.path, round(hit.score, 9)) for hit in result.hits]


def _leaf(index: ArticleIndex):
    """The segment of the index that holds "said" in a body."""
    reader = SEARCHERS.current(index).searcher.reader()
    return next(leaf for leaf, _offset in reader.leaf_readers() if ("body", b"said") in leaf)


@pytest.mark.parametrize("query", ["said", "oil prices", "matters AND galloway", "report*", '"great deal"'])
def test_kept_postings_give_the_same_matches_and_scores(index: ArticleIndex, query: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    hotpostings.forget()
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 10**9)  # nothing kept: read from the index each time
    read = _results(index, query)
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 1)  # every word kept
    first, again = _results(index, query), _results(index, query)
    assert read == first == again and read[0] > 0
    assert hotpostings._KEPT  # the words were kept, and the second search used them


def test_a_kept_word_is_served_from_memory_and_the_oldest_go_past_the_bound(index: ArticleIndex,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    hotpostings.forget()
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 1)
    leaf = _leaf(index)
    said = hotpostings.postings_blocks(leaf, "body", b"said")
    assert said is not None and sum(len(ids) for ids, _ in said) == leaf.doc_frequency("body", b"said")
    assert hotpostings.postings_blocks(leaf, "body", b"said") is said  # not read again
    size = hotpostings._held
    monkeypatch.setattr(hotpostings, "KEPT_POSTINGS", size + 5)
    oil = hotpostings.postings_blocks(leaf, "body", b"oil")
    assert oil is not None and len(oil[0][0]) > 5
    assert hotpostings._held <= size + 5 and list(hotpostings._KEPT) == [(leaf.segment().segment_id(), "body", b"oil")]
    hotpostings.forget()
    assert not hotpostings._KEPT and hotpostings._held == 0


def test_words_under_the_threshold_are_not_kept(index: ArticleIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    hotpostings.forget()
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 10**9)
    _results(index, "said")
    assert not hotpostings._KEPT


def test_a_fresh_process_reads_the_kept_postings_from_the_cache_folder(index: ArticleIndex,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    hotpostings.forget()
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 1)
    leaf = _leaf(index)
    key = (leaf.segment().segment_id(), "body", b"said")
    hotpostings._path(key).unlink(missing_ok=True)
    decoded = hotpostings.postings_blocks(leaf, "body", b"said")
    assert hotpostings._path(key).exists()
    hotpostings.forget()  # as a new process: nothing in memory

    def no_decoding(*_args):
        raise AssertionError("read from the index again")

    monkeypatch.setattr(leaf, "postings", no_decoding)
    assert hotpostings.postings_blocks(leaf, "body", b"said") == decoded


def test_a_damaged_postings_file_is_read_from_the_index_again_and_rewritten(index: ArticleIndex,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 1)
    leaf = _leaf(index)
    key = (leaf.segment().segment_id(), "body", b"said")
    hotpostings.forget()
    expected = hotpostings.postings_blocks(leaf, "body", b"said")
    path = hotpostings._path(key)
    path.write_bytes(path.read_bytes()[:-3])  # cut short, as by a full disk
    hotpostings.forget()
    assert hotpostings.postings_blocks(leaf, "body", b"said") == expected
    assert hotpostings._read_file(key) == expected  # written whole again


def test_without_a_writable_cache_folder_searches_go_on(index: ArticleIndex, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("SEARCHAPP_CACHE_DIR", str(blocked))
    monkeypatch.setattr(hotpostings, "HOT_POSTINGS", 1)
    hotpostings.forget()
    expected = _results(index, "said")
    hotpostings.forget()
    assert _results(index, "said") == expected and expected[0] > 0


def test_the_cache_folder_keeps_the_segments_used_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEARCHAPP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(hotpostings, "KEPT_SEGMENTS", 2)
    from array import array

    for number in range(4):
        hotpostings._write_file((f"segment{number}", "body", b"said"), array("I", [1, 2]), array("f", [1.0, 2.0]))
    assert sorted(p.name for p in (tmp_path / "postings").iterdir()) == ["segment2", "segment3"]
    assert hotpostings._read_file(("segment3", "body", b"said")) == [(array("I", [1, 2]), array("f", [1.0, 2.0]))]
