"""Workarounds for whoosh3 (pinned in pyproject.toml), each with what it fixes and how it was measured.

Applied once, on import (core/storage.py imports this module, so every process that opens an index has
them). Each keeps whoosh's behaviour and changes only its cost.
"""

from __future__ import annotations

import struct
from array import array
from itertools import accumulate
from typing import Any

from whoosh import columns
from whoosh.codec import whoosh3
from whoosh.filedb import structfile

from searchapp.core import analysis, postings, termpool

_ORIGINAL_BUFFER_INIT = structfile.BufferFile.__init__


class _ViewFile:
    """A read-only file over a memoryview that never copies it.

    whoosh3 3.54 opens each part of a segment's compound file as a BufferFile over the memory-mapped
    segment and wraps it in io.BytesIO, which copies the whole part (its postings and terms) into
    memory: opening a searcher on a 20,000-article index (200 MB) took 1.3-1.6 s in every fresh
    process, nearly all of it copying. Reads by position (`get`) already use the view; this serves the
    sequential reads (`read`, `seek`, `readline`, pickles and arrays) from it too."""

    __slots__ = ("_view", "_pos")

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._view) if size is None or size < 0 else min(start + size, len(self._view))
        self._pos = max(start, end)
        return bytes(self._view[start:end])

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        view, start = self._view, self._pos
        end = len(view) if size is None or size < 0 else min(start + size, len(view))
        found = bytes(view[start:end]).find(b"\n")
        return self.read((found + 1) if found >= 0 else end - start)

    def __iter__(self) -> Any:
        line = self.readline()
        while line:
            yield line
            line = self.readline()

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._pos, len(self._view))[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self._view = memoryview(b"")


def _buffer_file_init(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
    _ORIGINAL_BUFFER_INIT(self, b"", name=name, onclose=onclose)
    self._buf = buf
    self.file = _ViewFile(buf if isinstance(buf, memoryview) else memoryview(buf))


structfile.BufferFile.__init__ = _buffer_file_init

# Text fields indexed in one pass instead of whoosh's chain of generators (core/analysis.py): the same
# postings, byte for byte; raw Whoosh on the BBC folder, one writer, measured by bench/index_bench.py.
analysis.install()
# A segment's postings written a term at a time, lengths read once per field (core/postings.py): the
# same files, byte for byte.
postings.install()
# A segment's postings gathered per term as documents come (core/termpool.py), not sorted one by one at
# its end: the same files, byte for byte.
termpool.install()


def _read_ids(self: Any) -> None:
    """W3LeafMatcher._read_ids: a block's document numbers from their deltas summed in C
    (itertools.accumulate), not by whoosh's generator, a Python step per posting."""
    if self._data is None:
        self._read_data()
    ids = self._data[0]
    self._ids = ids if self._byteids else tuple(accumulate(ids))


def _read_weights(self: Any) -> None:
    """W3LeafMatcher._read_weights: a block of equal weights (whoosh stores one for the block, or none
    for all ones) made by repeating an array in C, not by a generator: the same float32 values."""
    if self._data is None:
        self._read_data()
    weights = self._data[1]
    if weights is None:
        self._weights = array("f", (1.0,)) * self._blocklength
    elif isinstance(weights, float):
        self._weights = array("f", (weights,)) * self._blocklength
    else:
        self._weights = weights


# Reading a block's postings: the same numbers, decoded in C where whoosh stepped through each in Python.
whoosh3.W3LeafMatcher._read_ids = _read_ids
whoosh3.W3LeafMatcher._read_weights = _read_weights


_WHOOSH_READ_OFFSETS = columns.VarBytesColumn.Reader._read_offsets_and_lengths  # compared with in tests


def _read_offsets_and_lengths(self: Any) -> None:
    """VarBytesColumn.Reader._read_offsets_and_lengths: a column written without offsets (stored fields,
    the `facets` column) has them summed from the lengths in C (itertools.accumulate), not by a Python
    step per document: opening it is done once per segment for every fresh process's first hit."""
    dbfile, lastbyte, doccount = self._dbfile, self._basepos + self._length - 1, self._doccount
    lens_code = chr(dbfile.get_byte(lastbyte))
    offsets = None
    if lens_code == "X":  # the offsets were written too: before the two typecodes
        self.had_stored_offsets = True
        lens_code = chr(dbfile.get_byte(lastbyte - 2))
        offsets_code = chr(dbfile.get_byte(lastbyte - 1))
        offsetstart = (lastbyte - 2) - doccount * struct.calcsize(offsets_code)
        offsets = dbfile.get_array(offsetstart, offsets_code, doccount)
        lastbyte = offsetstart
    lengths = dbfile.get_array(lastbyte - struct.calcsize(lens_code) * doccount, lens_code, doccount)
    if offsets is None:
        offsets = array("L", accumulate(lengths, initial=0))
        del offsets[-1]
    self._offsets = offsets
    self._lengths = lengths


columns.VarBytesColumn.Reader._read_offsets_and_lengths = _read_offsets_and_lengths
