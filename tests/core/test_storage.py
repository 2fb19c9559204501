"""The index folder under faults: a read-only drive, damaged files, a second writer."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from searchapp.core.errors import IndexBusyError, IndexDamagedError, IndexReadOnlyError, SearchAppError
from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from searchapp.core.storage import RunLock, reading
from tests.core.factories import make_txt_folder


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """An index of 20 articles committed in several segments, and the folder it holds."""
    folder = make_txt_folder(tmp_path / "news", 20)
    location = tmp_path / "index"
    with ArticleIndex(location, workers=0, commit_every=5) as index:
        index.add([folder])
    return location, folder


def listing(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir())


def test_an_index_on_a_read_only_drive_is_searched_and_never_written(tmpfs, tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 6)
    with ArticleIndex(tmpfs.path / "index", workers=0) as index:
        index.add([folder])
    tmpfs.remount("ro")
    before = listing(tmpfs.path / "index")
    with ArticleIndex(tmpfs.path / "index") as index:  # asked for writing, as the window and `index` do
        assert index.read_only and "read-only drive" in index.read_only_reason
        assert search(index, "report").total == 6
        assert index.stats().articles == 6 and [f.articles for f in index.folders()] == [6]
        with pytest.raises(IndexReadOnlyError, match="can be searched, but not changed"):
            index.add([folder])
        with pytest.raises(IndexReadOnlyError):
            index.remove(folder)
    assert listing(tmpfs.path / "index") == before


def damage_segment(location: Path, how: str) -> None:
    biggest = max(location.glob("*.seg"), key=lambda path: path.stat().st_size)
    if how == "truncated":
        os.truncate(biggest, biggest.stat().st_size // 2)
    elif how == "missing":
        biggest.unlink()
    elif how == "garbled toc":
        [toc] = location.glob("_articles_*.toc")
        toc.write_bytes(b"not a table of contents" * 20)
    elif how == "missing toc":
        [toc] = location.glob("_articles_*.toc")
        toc.unlink()


@pytest.mark.parametrize("how", ["truncated", "missing", "garbled toc", "missing toc"])
def test_a_damaged_index_is_named_with_how_to_rebuild_it_and_rebuilt_by_indexing(built, how: str) -> None:
    location, folder = built
    damage_segment(location, how)
    with pytest.raises(IndexDamagedError) as raised:
        ArticleIndex(location, read_only=True)  # what `search` and the readers do
    message = str(raised.value)
    assert f"The index at {location} is damaged" in message and "searchapp index --index" in message
    with ArticleIndex(location, workers=0) as index:  # what `index` and the window do
        assert index.rebuilt and index.damage
        assert [f.path for f in index.folders()] == [str(folder)]  # the folder list survives
        assert index.rescan().indexed == 20
        assert search(index, "report").total == index.stats().articles == 20


def test_damage_met_while_searching_is_a_message(built) -> None:
    location, _folder = built
    with ArticleIndex(location, read_only=True) as index:
        search(index, "report")  # opened, as a running window's reader has it: then its files are garbled
        for segment in location.glob("*.seg"):
            with open(segment, "r+b") as handle:
                data = bytearray(handle.read())
                for offset in range(0, len(data) * 9 // 10, 7):
                    data[offset] ^= 0x5A
                handle.seek(0)
                handle.write(data)
        with pytest.raises(IndexDamagedError, match=f"The index at {location} is damaged"), reading(location):
            for word in ("oil", "election", "football", "phones", "officials", "report"):
                search(index, word, page_size=20)
    with pytest.raises(struct.error), reading(location):  # an error of ours is not taken for damage
        raise struct.error("not from Whoosh")


def test_a_second_writer_waits_for_the_first_or_leaves_at_once(built) -> None:
    location, folder = built
    holder = RunLock(location)
    assert holder.acquire(wait=False, what="indexing in a test")
    try:
        with ArticleIndex(location, workers=0) as index:
            with pytest.raises(IndexBusyError, match="indexing in a test"):
                index.rescan(wait=False)
            updates = []
            report = index.rescan(progress=updates.append, cancelled=lambda: bool(updates))
            assert report.cancelled and [u.phase for u in updates] == ["waiting"]
            assert "is writing to the index" in updates[0].current
    finally:
        holder.release()
    with ArticleIndex(location, workers=0) as index:
        assert index.rescan(wait=False).unchanged == 20


def test_an_index_folder_that_is_not_ours_is_refused_even_read_only(tmp_path: Path) -> None:
    (tmp_path / "stuff").mkdir()
    with pytest.raises(SearchAppError, match="no SearchApp index"):
        ArticleIndex(tmp_path / "stuff", read_only=True)
