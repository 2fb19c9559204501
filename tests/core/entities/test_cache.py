"""The collection's names kept between processes: used again for the same segments, made again after a
commit or a damaged file, the user's corrections applied on top without making them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.config.paths import cache_dir
from searchapp.core import namebook
from searchapp.core.entities import Change, Corrections
from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from tests.core.factories import make_txt_folder, write_txt


def _names(index: ArticleIndex) -> dict[str, int]:
    with index.whoosh.searcher() as searcher:  # a fresh book each time, as in a fresh process
        book = namebook.build_book(searcher, index.location)
    return {info.name: len(info.forms) for info in book.entities()}


def test_a_fresh_book_uses_the_kept_names_until_a_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_txt_folder(tmp_path / "news", 5)
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([folder])
        first = _names(index)
        assert "Tony Blair" in first and list(cache_dir().glob("names/*.pickle"))
        built: list[int] = []
        real = namebook.collection_names
        monkeypatch.setattr(namebook, "collection_names", lambda *args: built.append(1) or real(*args))
        assert _names(index) == first and built == []  # from the cache
        Corrections(index.location).add(Change.new("rename", ["Tony Blair"], to="Anthony Blair"))
        renamed = _names(index)
        assert "Anthony Blair" in renamed and "Tony Blair" not in renamed and built == []  # applied on top
        write_txt(folder, "more.txt", "A new report", '"It matters," said Harriet Harman.')
        index.add([folder])  # a commit: new segments, made again
        assert "Harriet Harman" in _names(index) and built == [1]
        assert search(index, "", filters={"people": ["Harriet Harman"]}).total == 1


def test_a_damaged_cache_file_is_made_again(tmp_path: Path) -> None:
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([make_txt_folder(tmp_path / "news", 5)])
        first = _names(index)
        for path in cache_dir().glob("names/*.pickle"):
            path.write_bytes(b"not a pickle")
        assert _names(index) == first


def _fresh_counts(index_dir: Path, query: str = "") -> dict[str, dict[str, int]]:
    """Facet counts from a newly opened index, as a fresh process sees them."""
    with ArticleIndex(index_dir, workers=0) as index:
        return {field: {c.value: c.count for c in counts} for field, counts in search(index, query).facets.items()}


@pytest.mark.parametrize("query", ["", "said", "matters NOT harbour"])
def test_the_collection_counts_are_kept_and_follow_corrections_commits_and_damage(tmp_path: Path, query: str) -> None:
    folder = make_txt_folder(tmp_path / "news", 6)
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([folder])
    first = _fresh_counts(tmp_path / "index", query)
    assert list(cache_dir().glob("counts/*.pickle")) and "Tony Blair" in first["speakers"]
    assert list(cache_dir().glob("columns/*.pickle"))  # each document's values too, read by the next process
    assert _fresh_counts(tmp_path / "index", query) == first  # from the kept counts
    Corrections(tmp_path / "index").add(Change.new("rename", ["Tony Blair"], to="Anthony Blair"))
    renamed = _fresh_counts(tmp_path / "index", query)
    assert renamed["speakers"].get("Anthony Blair") == first["speakers"]["Tony Blair"]
    assert "Tony Blair" not in renamed["speakers"]
    write_txt(folder, "more.txt", "A new report", '"It matters," said Harriet Harman.')
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([folder])  # a commit: new segments, counted again
    assert _fresh_counts(tmp_path / "index", query)["speakers"].get("Harriet Harman") == 1
    (folder / "more.txt").unlink()
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([folder])  # a deletion
    assert "Harriet Harman" not in _fresh_counts(tmp_path / "index", query)["speakers"]
    for path in cache_dir().glob("counts/*.pickle"):
        path.write_bytes(b"not a pickle")
    assert _fresh_counts(tmp_path / "index", query) == renamed


def test_the_kept_values_are_pickled_a_column_at_a_time_and_read_back_equal() -> None:
    import pickle

    from searchapp.core.facets import _KeptColumns

    names = {"speakers": [("Tony Blair",), (), ("Tony Blair", "Harriet Harman")], "people": [(), (), ()],
             "orgs": [("BBC",), (), ()]}
    raw = {"outlet": ["bbc", "", "bbc"], "format": ["txt"] * 3, "folder": ["news"] * 3}
    columns = _KeptColumns((names, raw))
    assert pickle.loads(pickle.dumps(columns)) == (names, raw)
    _rebuild, (kept_names, kept_raw) = columns.__reduce__()
    assert all(isinstance(column, bytes) for column in [*kept_names.values(), *kept_raw.values()])
