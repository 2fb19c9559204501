"""Segments merged by copying (core/merging.py) hold what whoosh's own merge makes of them, and the
policy keeps a long run's segments few."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.reading import SegmentReader
from whoosh.writing import NO_MERGE, SegmentWriter

from searchapp.core import mergepolicy, merging, whoosh_fixes  # noqa: F401 - the writer's fixes, as in every process
from searchapp.core.documents import load_file
from searchapp.core.index import ArticleIndex
from searchapp.core.schema import SCHEMA
from searchapp.core.search import search
from tests.core.factories import make_txt_folder


def _index_of_segments(folder: Path, documents: list[dict], sizes: list[int]) -> Any:
    """An index with one segment of each size in `sizes`, in order."""
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), SCHEMA)
    start = 0
    for size in sizes:
        with ix.writer() as writer:
            writer.mergetype = NO_MERGE
            for document in documents[start:start + size]:
                writer.add_document(**document)
        start += size
    return ix


def _postings(reader: Any, fieldname: str, word: bytes) -> list[tuple[int, float, bytes]]:
    matcher = reader.postings(fieldname, word)
    found = []
    while matcher.is_active():
        found.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    return found


def _contents(reader: Any) -> dict[str, Any]:
    """Everything a segment holds, read back through whoosh."""
    schema = reader.schema
    documents = range(reader.doc_count_all())
    contents: dict[str, Any] = {"stored": [reader.stored_fields(d) for d in documents]}
    for name, field in schema.items():
        if field.column_type is not None and reader.has_column(name):
            contents[f"column {name}"] = list(reader.column_reader(name))
        if field.scorable:
            contents[f"lengths {name}"] = [reader.doc_field_length(d, name) for d in documents]
    terms = list(reader.all_terms())
    contents["terms"] = terms
    for fieldname, word in terms:
        info = reader.term_info(fieldname, word)
        contents[f"{fieldname}:{word!r}"] = (
            info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight(), info.min_id(),
            info.max_id(), _postings(reader, fieldname, word))
        # a sum of float32s: the first segment's kept as its row has it, then the rest's added
        contents[f"weight {fieldname}:{word!r}"] = pytest.approx(info.weight(), rel=1e-6)
    return contents


@pytest.mark.parametrize("deleted", [(), (3, 140, 141, 299)])
def test_a_merge_holds_what_whooshs_merge_makes_of_the_same_segments(tmp_path: Path, deleted: tuple[int, ...]) -> None:
    folder = make_txt_folder(tmp_path / "articles", 330)  # words in every article: several blocks each
    documents = []
    for path in sorted(folder.iterdir()):
        documents += load_file(str(path), str(folder), "", 1 << 20).documents
    documents[5]["body"] = ""  # no body, no length
    ix = _index_of_segments(tmp_path / "index", documents, [150, 150, 30])
    segments = ix._segments()
    for docnum in deleted:  # numbers in the first two segments
        segments[docnum // 150].delete_document(docnum % 150)
    ours = merging.merge_segments(ix, segments)
    writer = SegmentWriter(ix, _lk=False)
    for segment in segments:
        reader = SegmentReader(ix.storage, ix.schema, segment)
        writer.add_reader(reader)
        reader.close()
    theirs = writer._finalize_segment()
    assert ours.doc_count() == theirs.doc_count() == 330 - len(deleted)
    ours_reader, theirs_reader = (SegmentReader(ix.storage, ix.schema, s) for s in (ours, theirs))
    try:
        mine, whooshs = _contents(ours_reader), _contents(theirs_reader)
        assert len(mine["terms"]) > 300 and mine["headline:b'report'"][0] == 330 - len(deleted)  # blocks of 128
        assert mine == whooshs
        if not deleted:  # the fields' total lengths as indexed (whoosh's merge sums the rounded ones)
            for name in ("body", "headline"):
                assert ours_reader.field_length(name) == sum(s.field_length(name) for s in (
                    SegmentReader(ix.storage, ix.schema, segment) for segment in segments))
    finally:
        ours_reader.close()
        theirs_reader.close()


def _segment(live: int, deleted: int = 0) -> SimpleNamespace:
    return SimpleNamespace(doc_count=lambda: live, doc_count_all=lambda: live + deleted,
                           deleted_count=lambda: deleted, has_deletions=lambda: deleted > 0)


def test_the_policy_merges_a_tier_once_it_is_full_and_segments_mostly_deleted() -> None:
    small = [_segment(500), _segment(480), _segment(900)]
    large = [_segment(5000), _segment(6000)]
    kept, groups = mergepolicy.plan(small + large)
    assert groups == [] and kept == small + large  # three in the first tier: not yet
    fourth = _segment(700)
    kept, groups = mergepolicy.plan(small + large + [fourth])
    assert groups == [[small[2], fourth, small[0], small[1]]] and kept == large  # the largest first
    emptied, thinned = _segment(0, 300), _segment(3000, 2000)
    kept, groups = mergepolicy.plan(large + [emptied, thinned])
    assert groups == [[thinned]] and kept == large  # the emptied one is dropped
    assert [mergepolicy.tier(n) for n in (1, 1999, 2000, 7999, 8000, 32000)] == [0, 0, 1, 1, 2, 3]


def test_at_a_runs_last_commit_the_first_tier_waits_for_twice_as_many_segments() -> None:
    small = [_segment(300 + n) for n in range(mergepolicy.LAST_COMMIT_FIRST_TIER)]
    larger = [_segment(2500 + n) for n in range(mergepolicy.FACTOR)]
    kept, groups = mergepolicy.plan(small[:4] + larger, last=True)
    assert kept == small[:4] and groups == [mergepolicy.order(larger)]  # other tiers as at any commit
    kept, groups = mergepolicy.plan(small[:-1], last=True)
    assert groups == [] and kept == small[:-1]
    kept, groups = mergepolicy.plan(small, last=True)
    assert kept == [] and groups == [mergepolicy.order(small)]
    thinned = _segment(100, 200)
    assert mergepolicy.plan([thinned], last=True)[1] == [[thinned]]  # mostly deleted: merged all the same


@pytest.mark.parametrize("segment_writers", [0, 2])
def test_a_runs_last_commit_leaves_a_first_tier_of_four_for_later(tmp_path: Path, segment_writers: int) -> None:
    folder = make_txt_folder(tmp_path / "news", 40)
    with ArticleIndex(tmp_path / "index", workers=1, segment_writers=segment_writers, commit_every=2,
                      commit_seconds=1e9) as index:
        counts: list[int] = []
        index.add([folder], on_commit=lambda report: counts.append(len(index.whoosh._segments())))
        # commits after 2, 6, 14 and 30 articles (a segment each), then the last: the four stay as they are
        assert counts == [1, 2, 3, 4, 5]
        assert search(index, "").total == 40


@pytest.mark.parametrize("segment_writers", [0, 2])
def test_a_run_of_many_commits_ends_with_few_segments_and_every_article(tmp_path: Path, segment_writers: int) -> None:
    folder = make_txt_folder(tmp_path / "news", 120)
    with ArticleIndex(tmp_path / "index", workers=1, segment_writers=segment_writers, commit_every=8,
                      commit_seconds=0.01) as index:
        commits: list[int] = []
        index.add([folder], on_commit=lambda report: commits.append(1))
        segments = index.whoosh._segments()
        # merged by tiers along the way; the last commit adds its own to fewer than a full first tier
        assert len(commits) >= 4 and len(segments) < mergepolicy.LAST_COMMIT_FIRST_TIER + 2
        assert search(index, "").total == search(index, "officials").total == 120
        assert search(index, "speaker:galloway").total == 24
        for name in ("0001.txt", "0002.txt", "0003.txt"):
            (folder / name).unlink()
        index.rescan()
        assert search(index, "").total == 117 and search(index, '"report 1 on"').total == 0


def test_a_merge_asked_to_stop_stops_and_leaves_the_segments_as_they_were(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_txt_folder(tmp_path / "articles", 60)
    documents = []
    for path in sorted(folder.iterdir()):
        documents += load_file(str(path), str(folder), "", 1 << 20).documents
    ix = _index_of_segments(tmp_path / "index", documents, [30, 30])
    segments = ix._segments()
    monkeypatch.setattr(merging, "STOP_EVERY", 100)
    asked: list[int] = []
    with pytest.raises(merging.MergeStopped):
        merging.merge_segments(ix, segments, stop=lambda: asked.append(1) or len(asked) >= 3)
    assert len(asked) == 3  # asked every 100 words until it said so
    assert [s.segment_id() for s in ix._segments()] == [s.segment_id() for s in segments]
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 60
