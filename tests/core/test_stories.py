"""Near-copies share a story: the matcher on its own, and through indexing runs (incremental)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from searchapp.core.stories import KeyFilter, StoryMatcher, band_keys, shingles, similar, story_fields
from tests.core.factories import write_txt

STORY = (
    "The city council voted on Tuesday to close the old harbour bridge for repairs that will take most of "
    "next year, after engineers found cracks in two of its supporting piers. Traffic will be sent through "
    "the tunnel, which the transport department says can carry the extra cars at most times of day. Shop "
    "owners on the quay said they feared losing trade while the bridge is shut. The mayor promised a "
    "free shuttle bus for pedestrians and a review of parking charges near the market square."
)
OTHER = (
    "Engineers inspecting the harbour bridge were surprised by the state of the piers, one of them said "
    "after the council meeting. She described rust running along the steel and concrete that crumbled at a "
    "touch. The council had been warned about the bridge in a report three years ago but chose to delay "
    "the work. Residents' groups want an inquiry into why the warnings were ignored for so long, and the "
    "opposition has tabled a motion calling for the transport chief to resign."
)


def copy_of(text: str) -> str:
    """Wire copy: a dateline before, a footer after, a few words changed."""
    changed = text.replace("Tuesday", "Wednesday").replace("most of next year", "much of next year")
    return "HARBOURTOWN (Reuters) - " + changed + "\n\nReporting by Ann Lee; Editing by Bob Ray"


def test_copies_are_similar_and_different_articles_about_the_same_event_are_not() -> None:
    assert similar(shingles(STORY), shingles(copy_of(STORY)))
    assert not similar(shingles(STORY), shingles(OTHER))
    assert band_keys(shingles(STORY)) == band_keys(shingles(STORY))  # the same on every run and machine
    assert len(set(band_keys(shingles(STORY))) & set(band_keys(shingles(copy_of(STORY))))) >= 1
    assert not similar(shingles("Council votes."), shingles("Council votes again."))  # short: only identical


def assign(matcher: StoryMatcher, headline: str, body: str) -> str:
    return matcher.assign({"headline": headline, "body": body, **story_fields(headline, body)}, None)


def test_the_matcher_gives_copies_one_story_within_a_run() -> None:
    matcher = StoryMatcher()
    first = assign(matcher, "Harbour bridge to close", STORY)
    assert assign(matcher, "Harbour bridge to close for a year", copy_of(STORY)) == first
    assert assign(matcher, "Harbour bridge to close", STORY.upper()) == first  # the same words
    assert assign(matcher, "Warnings about the bridge were ignored", OTHER) != first


def test_a_copy_indexed_later_joins_its_story_and_a_deleted_one_leaves_it(tmp_path: Path) -> None:
    news = tmp_path / "news"
    write_txt(news, "original.txt", "Harbour bridge to close", STORY)
    write_txt(news, "other.txt", "Warnings about the bridge were ignored", OTHER)
    with ArticleIndex(tmp_path / "index", workers=0) as index:
        index.add([news])
        write_txt(news, "copy.txt", "Harbour bridge to close for a year", copy_of(STORY))
        index.add([news])  # a later run: the original is in the index, not pending
        hits = {Path(h.path).name: h for h in search(index, "harbour", page_size=10).hits}
        assert hits["copy.txt"].story == hits["original.txt"].story != hits["other.txt"].story
        assert hits["copy.txt"].copies == hits["original.txt"].copies == 1 and hits["other.txt"].copies == 0
        assert search(index, "harbour").total == 3
        assert search(index, "harbour", dedupe=True).total == 2
        (news / "original.txt").unlink()
        index.rescan()
        copy = search(index, "harbour", page_size=10).hits
        assert {Path(h.path).name: h.copies for h in copy} == {"copy.txt": 0, "other.txt": 0}


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2**96 - 1), max_size=200), st.binary(max_size=12))
def test_the_key_filter_holds_every_key_added(numbers: list[int], other: bytes) -> None:
    keys = [f"{number % 20:02d}{number % 2**32:08x}" if number % 3 else f"{number:024x}" for number in numbers]
    found = KeyFilter()
    found.update(keys[::2])
    for key in keys[1::2]:
        found.add(key.encode())  # as the index's term lists give them
    assert all(key in found and key.encode() in found for key in keys)
    found.add(other)  # not a key SearchApp writes: kept all the same
    assert other in found


def test_the_key_filter_rarely_holds_a_key_never_added() -> None:
    found = KeyFilter()
    found.update(f"{band:02d}{number * 2654435761 % 2**32:08x}" for band in range(20) for number in range(20_000))
    strangers = [f"{band:02d}{number * 40503 % 2**32:08x}" for band in range(20) for number in range(5_000)]
    assert sum(key in found for key in strangers) < len(strangers) // 100


def _many(folder: Path, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        words = " ".join(f"w{number}x{k}" for k in range(40))
        write_txt(folder, f"filler{number:03d}.txt", f"Filler article {number}", f"An article about {words}.")


def test_copies_are_found_in_the_index_once_a_run_reads_its_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of many articles stops asking the index for each key and reads the index's keys into a filter
    (then adds each commit's): copies of articles indexed by an earlier run, and earlier in the same run
    (committed by then), still join their stories."""
    built: list[KeyFilter] = []
    original_init = KeyFilter.__init__

    def counted(self: KeyFilter) -> None:
        original_init(self)
        built.append(self)

    monkeypatch.setattr(KeyFilter, "__init__", counted)
    news = tmp_path / "news"
    write_txt(news, "a-original.txt", "Harbour bridge to close", STORY)
    _many(news, 10)
    with ArticleIndex(tmp_path / "index", workers=0, segment_writers=0, commit_every=5) as index:
        index.add([news])
        assert len(built) == 1  # a new index: its keys (none) read at once
        later = tmp_path / "later"
        _many(later, 30, start=100)  # looked up one by one until they cost what reading the keys costs
        write_txt(later, "z-copy.txt", "Harbour bridge to close for a year", copy_of(STORY))
        write_txt(later, "b-other.txt", "Warnings about the bridge were ignored", OTHER)  # first
        write_txt(later, "zz-other-copy.txt", "Warnings ignored", copy_of(OTHER))  # last: b-other committed by then
        index.add([later])
        assert len(built) == 2
        hits = {Path(h.path).name: h for h in search(index, "harbour OR warnings", page_size=10).hits}
        assert hits["z-copy.txt"].story == hits["a-original.txt"].story
        assert hits["zz-other-copy.txt"].story == hits["b-other.txt"].story != hits["a-original.txt"].story
        assert search(index, "filler").total == 40
