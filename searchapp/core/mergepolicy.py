"""The merge policy: which segments are merged together at a commit (core/merging.py merges them).

Segments of like sizes are kept in tiers (FACTOR times larger from one to the next) and a tier is merged
once it holds FACTOR segments, so an index of N articles keeps a few segments per tier, about log(N)
tiers, and each article is copied a few times in all; a segment of which a third is deleted is merged as
well, to give its space back.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

FACTOR = 4  # segments merged together, and how much larger each tier's segments are than the last's
FLOOR = 2000  # live articles: every segment smaller than this is in the first tier
# At a run's last commit the first tier waits for twice as many segments. A merge there runs alone: the
# parsing processes are done and the writers idle, so its whole time is the user's wait (merging the four
# segments of a 2,225-article run's first two commits made that run take half as long again), while a
# merge at a commit within the run overlaps the parsing that goes on (core/pool.py sends work ahead).
# Segments this small cost a search little; a later commit merges them.
LAST_COMMIT_FIRST_TIER = 2 * FACTOR
DELETED = 1 / 3  # a segment with this share of its documents deleted is merged to give the space back


def tier(articles: int) -> int:
    """A segment's tier by its live articles: 0 below FLOOR, then one more each FACTOR times more."""
    return 0 if articles < FLOOR else 1 + int(math.log(articles / FLOOR, FACTOR))


def plan(segments: Sequence[Any], *, last: bool = False) -> tuple[list[Any], list[list[Any]]]:
    """(segments kept as they are, groups of segments each merged into one): every tier holding FACTOR
    segments or more is merged (the first tier at a run's `last` commit: LAST_COMMIT_FIRST_TIER), and so
    is a segment with DELETED of its documents deleted (with its tier when that is merged, else on its
    own). A segment whose documents are all deleted is in neither: it is dropped, as whoosh does."""
    segments = live(segments)
    tiers: dict[int, list[Any]] = {}
    for segment in segments:
        tiers.setdefault(tier(segment.doc_count()), []).append(segment)
    full = {number: LAST_COMMIT_FIRST_TIER if last and number == 0 else FACTOR for number in tiers}
    groups = [members for number, members in tiers.items() if len(members) >= full[number]]
    grouped = {id(segment) for group in groups for segment in group}
    for segment in segments:
        total = segment.doc_count_all()
        if id(segment) not in grouped and total and segment.deleted_count() >= DELETED * total:
            groups.append([segment])
            grouped.add(id(segment))
    kept = [segment for segment in segments if id(segment) not in grouped]
    return kept, [order(group) for group in groups]


def live(segments: Sequence[Any]) -> list[Any]:
    """The segments with documents left (one whose documents are all deleted is dropped, as whoosh does)."""
    return [segment for segment in segments if segment.doc_count()]


def order(group: Sequence[Any]) -> list[Any]:
    """A group's segments in the order they are merged: the largest without deletions first, so that its
    blocks are copied byte for byte (its documents keep their numbers)."""
    return sorted(group, key=lambda s: (s.has_deletions(), -s.doc_count()))


def not_merged(groups: Sequence[Sequence[Any]], merged: Sequence[Any]) -> list[Any]:
    """The segments of the groups left unmerged when merging stopped after the first len(merged) groups:
    committed as they are."""
    return [segment for group in groups[len(merged):] for segment in group]
