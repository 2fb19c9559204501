"""Writer processes that write segments of their own: the same index as one writer gives, commits and
merges along the way, deletions, and a failure that leaves the last commit as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.index import TOC
from whoosh.writing import NO_MERGE

from searchapp.core.documents import load_file
from searchapp.core.errors import SearchAppError
from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from searchapp.core.segments import SegmentWriters, commit_with_segments
from searchapp.core.storage import INDEX_NAME
from tests.core.factories import make_txt_folder, write_txt


def _everything(index: ArticleIndex) -> tuple[int, dict, set[str]]:
    result = search(index, "", page_size=500)
    facets = {field: {c.value: c.count for c in counts} for field, counts in result.facets.items() if field != "folder"}
    return result.total, facets, {(hit.path.rsplit("/", 1)[-1], hit.story != "") for hit in result.hits}


def test_writer_processes_give_the_index_one_writer_gives(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 90)
    write_txt(folder, "copy.txt", "Report 3 on film awards", (folder / "0003.txt").read_text().split("\n", 2)[2])
    with ArticleIndex(tmp_path / "parallel", workers=1, segment_writers=2, commit_every=10, commit_seconds=0.01) as parallel, \
            ArticleIndex(tmp_path / "serial", workers=0) as serial:
        commits: list[int] = []
        assert parallel.add([folder], on_commit=lambda report: commits.append(1)).indexed == 91
        assert serial.add([folder]).indexed == 91
        assert len(commits) > 2  # several commits, each with the writers' segments (some merged on the way)
        assert _everything(parallel) == _everything(serial)
        copies = {hit.path.rsplit("/", 1)[-1]: hit.story for hit in search(parallel, '"Report 3 on film awards"').hits}
        assert copies["copy.txt"] == copies["0003.txt"]  # stories stay sequential: the copy joined its story
        for name in ("0001.txt", "0002.txt"):
            (folder / name).unlink()
        assert parallel.rescan().removed == serial.rescan().removed == 2
        assert _everything(parallel) == _everything(serial)
        assert search(parallel, "speaker:galloway").total == search(serial, "speaker:galloway").total > 0


def test_a_writer_that_fails_fails_the_commit_and_leaves_the_last_one(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 30)
    with ArticleIndex(tmp_path / "index", workers=1, segment_writers=2) as index:
        index.add([folder])
        before = TOC.read(index.whoosh.storage, INDEX_NAME)
        writers = SegmentWriters(str(index.location), INDEX_NAME, 2)
        writer = index._writer()
        try:
            writers.add({"path": "/elsewhere/a.txt", "headline": "A good one"})
            writers.add({"path": "/elsewhere/b.txt", "no such field": "fails in the writer process"})
            with pytest.raises(SearchAppError, match="writer process failed"):
                commit_with_segments(writer, writers.finish)
        finally:
            writers.close()
        after = TOC.read(index.whoosh.storage, INDEX_NAME)
        assert after.generation == before.generation
        assert [s.segment_id() for s in after.segments] == [s.segment_id() for s in before.segments]
        assert search(index, "").total == 30
        index.add([folder])  # the lock was released: the next run writes
        assert search(index, "").total == 30


def test_a_cancelled_run_stops_its_merge_and_commits_the_segments_as_they_were(tmp_path: Path) -> None:
    folder = make_txt_folder(tmp_path / "news", 400)
    files = sorted(folder.iterdir())
    with ArticleIndex(tmp_path / "index", workers=0, segment_writers=0) as index:
        for part in range(4):  # four segments of 100 articles each, a tier the policy merges
            writer = index.whoosh.writer()
            for path in files[part * 100:(part + 1) * 100]:
                for document in load_file(str(path), str(folder), "", 1 << 20).documents:
                    writer.add_document(**document)
            writer.commit(mergetype=NO_MERGE)
        before = [segment.segment_id() for segment in index.whoosh._segments()]
        assert len(before) == 4
        writers = SegmentWriters(str(index.location), INDEX_NAME, 2)
        try:
            # the run is cancelled while the writer process merges: it stops, and the four stay
            commit_with_segments(index._writer(), lambda groups: writers.finish(groups, lambda: True))
            assert sorted(segment.segment_id() for segment in index.whoosh._segments()) == sorted(before)
            assert search(index, "").total == search(index, "officials").total == 400
            commit_with_segments(index._writer(), lambda groups: writers.finish(groups, lambda: False))
            assert len(index.whoosh._segments()) == 1  # not cancelled: merged
            assert search(index, "").total == search(index, "officials").total == 400
        finally:
            writers.close()
