"""Frequent words' postings kept decoded, in memory and in the cache folder, for the next search.

A word in most articles ("said", "government", "year") comes back in search after search, and reading
its postings is most of a search's cost: at 100,000 articles "said" is 92,000 postings in 720 blocks,
each decompressed and unpickled with the character offsets of every occurrence (for highlighting), about
0.15 s, where matching and ranking need only the document numbers and weights. A word with at least
HOT_POSTINGS postings in a segment keeps them here as arrays (8 bytes a posting), most recently used
last, KEPT_POSTINGS at most (32 MB); a rarer word is read from the index each time, which is quick.
Postings never change while a segment lives (a deletion leaves them as they are; a merge makes a new
segment under a new name), so what is kept under a segment's name stays right.

The same arrays are written to the user cache folder (never the index folder), a file per word, so
the next process (a script's `searchapp search` is always a fresh one) reads 8 bytes a posting instead
of decoding whoosh's blocks: "said" at 100,000 articles, 0.15 s -> a few milliseconds. Each file is
written whole and renamed into place, and read only when its length is what its header says; one that
cannot be written (a full or read-only disk) is simply not there next time. The folders of the
KEPT_SEGMENTS segments used longest ago are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import struct
import sys
import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh.codec import whoosh3
from whoosh.reading import TermNotFound

from searchapp.config.paths import cache_dir

log = logging.getLogger(__name__)

HOT_POSTINGS = 500
KEPT_POSTINGS = 4_000_000
KEPT_SEGMENTS = 64  # segment folders of postings files in the cache folder
_MAGIC = b"SAP1"
_HEADER = struct.Struct("<4sI")  # magic, number of postings; then the numbers (uint32), the weights (float32)

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
    their weights when `weights`): from memory when kept, else read (and kept when the word is frequent);
    no blocks when the segment lacks the word. None when the segment's postings are not whoosh3's (whoosh
    reads them then). The word is looked up in the segment's word table once (whoosh's `in`,
    doc_frequency and postings each look it up again: a fifth of a fresh `bank*` search at 100,000)."""
    segment = getattr(leaf, "segment", None)
    terms = getattr(leaf, "_terms", None)
    if segment is None or not isinstance(terms, whoosh3.W3TermsReader):
        return None
    key = (segment().segment_id(), fieldname, word)
    with _LOCK:
        found = _KEPT.get(key)
        if found is not None:
            _KEPT.move_to_end(key)
            return found
    try:
        info = terms.term_info(fieldname, word)
    except TermNotFound:
        return []
    hot = info.doc_frequency() >= HOT_POSTINGS
    blocks = _read_file(key) if hot else None
    if blocks is None:
        if leaf.has_deletions():
            matcher = leaf.postings(fieldname, word)  # whoosh's, which leaves the deleted documents out
        else:
            fieldobj = leaf.schema[fieldname]
            matcher = terms._codec.postings_reader(terms._postfile, info, fieldobj.format, term=(fieldname, word))
        if not isinstance(matcher, whoosh3.W3LeafMatcher):
            return None
        if not hot:
            return list(read_blocks(matcher, weights))
        ids = array("I")
        kept_weights = array("f")
        for block_ids, block_weights in read_blocks(matcher):
            ids.extend(block_ids)
            kept_weights.extend(block_weights)
        blocks = [(ids, kept_weights)]
        _write_file(key, ids, kept_weights)
    _keep(key, blocks, len(blocks[0][0]))
    return blocks


def _path(key: tuple[str, str, bytes]) -> Path:
    segment, fieldname, word = key
    name = hashlib.blake2b(fieldname.encode("utf-8") + b"\0" + word, digest_size=12).hexdigest()
    return cache_dir() / "postings" / segment / name


def _read_file(key: tuple[str, str, bytes]) -> Blocks | None:
    try:
        data = _path(key).read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER.size:
        return None
    magic, count = _HEADER.unpack_from(data)
    if magic != _MAGIC or len(data) != _HEADER.size + 8 * count:
        return None  # another version's, or not written whole: read from the index (and written again)
    ids, weights = array("I"), array("f")
    ids.frombytes(data[_HEADER.size : _HEADER.size + 4 * count])
    weights.frombytes(data[_HEADER.size + 4 * count :])
    if sys.byteorder != "little":
        ids.byteswap()
        weights.byteswap()
    return [(ids, weights)]


def _write_file(key: tuple[str, str, bytes], ids: array[int], weights: array[float]) -> None:
    path = _path(key)
    part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")  # one writer per file
    try:
        fresh = not path.parent.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        if sys.byteorder != "little":
            ids, weights = array("I", ids), array("f", weights)
            ids.byteswap()
            weights.byteswap()
        part.write_bytes(_HEADER.pack(_MAGIC, len(ids)) + ids.tobytes() + weights.tobytes())
        os.replace(part, path)
        if fresh:
            _prune(path.parent.parent)
    except OSError:
        log.debug("could not keep postings in %s", path.parent, exc_info=True)
        with contextlib.suppress(OSError):  # the folder may not be one (a file in its place)
            part.unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    """Remove the folders of all but the KEPT_SEGMENTS segments most recently begun."""
    segments = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in (segment for segment in segments[KEPT_SEGMENTS:] if segment.is_dir()):
        for file in old.iterdir():
            file.unlink(missing_ok=True)
        old.rmdir()


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
