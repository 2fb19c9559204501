"""Near-copies share a story: the matcher on its own, and through indexing runs (incremental)."""

from __future__ import annotations

from pathlib import Path

from searchapp.core.index import ArticleIndex
from searchapp.core.search import search
from searchapp.core.stories import StoryMatcher, band_keys, shingles, similar, story_fields
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
