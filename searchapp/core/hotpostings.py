"""Frequent words' postings kept decoded in memory, for the next search that needs them.

A word in most articles ("said", "government", "year") comes back in search after search, and reading
its postings is most of a search's cost: at 100,000 articles "said" is 92,000 postings in 720 blocks,
each decompressed and unpickled with the character offsets of every occurrence (for highlighting), about
0.15 s, where matching and ranking need only the document numbers and weights. A word with at least
HOT_POSTINGS postings in a segment keeps them here as arrays (8 bytes a posting), most recently used
last, KEPT_POSTINGS at most (32 MB); a rarer word is read from the index each time, which is quick.
Postings never change while a segment lives (a deletion leaves them as they are; a merge makes a new
segment under a new name), so what is kept under a segment's name stays right.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from whoosh.codec import whoosh3

HOT_POSTINGS = 2_000
KEPT_POSTINGS = 4_000_000

Blocks = list[tuple[Any, Any]]  # a posting list's blocks: (document numbers, weights or None)

_KEPT: OrderedDict[tuple[str, str, bytes], Blocks] = OrderedDict()
_SIZES: dict[tuple[str, str, bytes], int] = {}
_LOCK = threading.Lock()
_held = 0


def read_blocks(matcher: Any, weights: bool = True) -> Iterator[tuple[Any, Any]]:
    """A whoosh3 posting list's blocks as they are read, each from disk once: (document numbers,
    weights), or (document numbers, None) without `weights`."""
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if weights and matcher._weights is None:
            matcher._read_weights()
        yield matcher._ids, matcher._weights if weights else None
        matcher._next_block()


def postings_blocks(leaf: Any, fieldname: str, word: bytes, weights: bool = True) -> Blocks | None:
    """`word`'s postings in one segment's `fieldname` as blocks (document numbers in the segment, and
    their weights when `weights`): from memory when kept, else read (and kept when the word is frequent).
    None when the segment's postings are not whoosh3's (whoosh reads them then)."""
    segment = getattr(leaf, "segment", None)
    key = (segment().segment_id(), fieldname, word) if segment is not None else None
    if key is not None:
        with _LOCK:
            found = _KEPT.get(key)
            if found is not None:
                _KEPT.move_to_end(key)
                return found
    matcher = leaf.postings(fieldname, word)
    if not isinstance(matcher, whoosh3.W3LeafMatcher):
        return None
    if key is None or leaf.doc_frequency(fieldname, word) < HOT_POSTINGS:
        return list(read_blocks(matcher, weights))
    blocks = [(array("I", ids), kept_weights) for ids, kept_weights in read_blocks(matcher)]
    _keep(key, blocks, sum(len(ids) for ids, _ in blocks))
    return blocks


def _keep(key: tuple[str, str, bytes], blocks: Blocks, size: int) -> None:
    global _held
    with _LOCK:
        if key in _KEPT or size > KEPT_POSTINGS:
            return
        _KEPT[key] = blocks
        _SIZES[key] = size
        _held += size
        while _held > KEPT_POSTINGS:
            oldest, _ = _KEPT.popitem(last=False)
            _held -= _SIZES.pop(oldest)


def forget() -> None:
    """Drop every kept posting list (for measuring a search that finds none kept)."""
    global _held
    with _LOCK:
        _KEPT.clear()
        _SIZES.clear()
        _held = 0
