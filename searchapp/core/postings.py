"""Writing a segment's postings in whoosh3's format with fewer Python calls per posting.

At the end of a segment whoosh hands every posting, sorted, to the field writer one at a time: a
length looked up in a column per posting (a method call and a byte decoded each), then `add` and
`add_posting` with their type checks, a block written each time 128 have gathered. This gathers each
term's postings into lists and reads every document's field length once per field (the column's bytes
at once); each term's blocks and its row in the term table are written here as whoosh3 writes them (the
same pickles, compression and statistics), so the files are the same, byte for byte
(tests/core/test_postings.py compares them). Any other codec, or an inline limit above one, is left to
whoosh.

Installed on import by whoosh_fixes.py, for every process that writes an index.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from array import array
from collections.abc import Callable, Iterable
from itertools import accumulate
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec import base, whoosh3
from whoosh.codec.base import OutOfOrderError
from whoosh.columns import NumericColumn
from whoosh.filedb import filetables
from whoosh.system import emptybytes, pack_int, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

from searchapp.core.matching import numeric_column
from searchapp.core.termpool import TermPostings

_ORIGINAL_ADD_POSTINGS = base.FieldWriter.add_postings
_ORIGINAL_FIELD_WRITER_INIT = whoosh3.W3FieldWriter.__init__
_ROW = struct.Struct("!BfIBBfIIqi")  # a term's row: W3TermInfo's statistics, then its postings' offset and length
_LENGTH_BYTES = [length_to_byte(length) for length in range(256)]  # short lengths' bytes, without a call
_LENGTHS = [byte_to_length(b) if b else None for b in range(256)]  # a length byte -> the length (0: none)

Posting = tuple[str, bytes, int, Any, Any]


def _field_lengths(lengths: Any, fieldname: str) -> Callable[[int], Any]:
    """Each document's length in `fieldname` (what whoosh's `doc_field_length_reader` gives), read at once."""
    reader = lengths._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    if reader is None:
        return lambda _docnum: 0
    if type(reader) is NumericColumn.Reader and reader._typecode == "B":
        return [_LENGTHS[b] for b in numeric_column(reader)].__getitem__  # a missing byte is the default, 0
    return lengths.doc_field_length_reader(fieldname)  # type: ignore[no-any-return]


def _mini_values(fixed: Any, block_values: list[Any]) -> Any:
    if fixed is None or fixed < 0:
        return tuple(block_values)
    return None if fixed == 0 else emptybytes.join(block_values)


def _write_one(writer: Any, docnum: int, weight: Any, value: Any, length: Any) -> None:
    """`_write_term` for a term in one document (a path, a near-copy band key, a rare word: half the
    terms of a segment), the same bytes without the lists and arrays of a block of many."""
    postings = writer._postwriter
    postfile = postings._postfile.file  # StructFile's write and tell only call its file's
    startoffset = postfile.tell()
    stored_weight = weight if weight == 1.0 else array("f", (weight,))[0]  # as the block's float32 array keeps it
    maxweight = weight if weight > 0 else 0
    if not length:
        shortest = longest = 0
    elif length < 256:
        shortest = longest = _LENGTH_BYTES[length]
    else:
        shortest = longest = length_to_byte(length)
    mini_weights = None if stored_weight == 1.0 else stored_weight
    databytes = dumps(((docnum,), mini_weights, _mini_values(writer._format.fixed_value_size(), [value] if value else [])), 2)
    level = 0
    if len(databytes) >= whoosh3.COMPRESSION_MIN_SIZE and postings._compression:
        level = postings._compression
        databytes = zlib.compress(databytes, level)
    infobytes = dumps((1, docnum, maxweight, level, shortest, longest), 2)
    block = whoosh3.WHOOSH3_HEADER_MAGIC + pack_int(-(len(infobytes) + len(databytes))) + infobytes + databytes
    postfile.write(block)
    writer._tindex.add(pack_ushort(writer._fieldid) + writer._btext,
                       _ROW.pack(False, 0 + stored_weight, 1, shortest, longest, maxweight, docnum, docnum,
                                 startoffset, len(block)))


def _add_row(writer: Any, postfile: Any, startoffset: int, *stats: Any) -> None:
    """A term's row in the term table (W3TermInfo.to_bytes): its statistics `stats` (total weight, count,
    shortest and longest length bytes, greatest weight, first and last document), then where its
    postings are in the postings file."""
    writer._tindex.add(pack_ushort(writer._fieldid) + writer._btext,
                       _ROW.pack(False, *stats, startoffset, postfile.tell() - startoffset))


class TermTable(filetables.OrderedHashWriter):
    """whoosh's term table writer (an ordered hash file) that keeps the rows added and writes them
    ROWS at a time, and the table's positions as one array: the same file, byte for byte, without
    four writes, a tell and a hash object's hex digest turned into a number for every term."""

    ROWS = 4096

    def __init__(self, dbfile: Any) -> None:  # noqa: D107 - as whoosh's
        super().__init__(dbfile)
        self._keys: list[bytes] = []
        self._values: list[bytes] = []
        self._positions = array("q")

    def add(self, key: bytes, value: bytes) -> None:
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        self.lastkey = key
        self._keys.append(key)
        self._values.append(value)
        if len(self._keys) >= self.ROWS:
            self._flush()

    def _flush(self) -> None:
        keys, values = self._keys, self._values
        if not keys:
            return
        start = self.dbfile.tell()
        heads = [filetables._lengths.pack(len(key), len(value)) for key, value in zip(keys, values, strict=True)]
        sizes = [8 + len(key) + len(value) for key, value in zip(keys, values, strict=True)]
        positions = list(accumulate(sizes[:-1], initial=start))
        self.dbfile.write(emptybytes.join([part for row in zip(heads, keys, values, strict=True) for part in row]))
        self._positions.extend(positions)
        buckets = self.buckets
        md5 = hashlib.md5
        for key, position in zip(keys, positions, strict=True):
            hashed = int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")  # whoosh's md5_hash
            buckets[hashed & 255].append((hashed, position))
        self._keys, self._values = [], []

    def _write_extras(self) -> None:
        self._flush()
        largest = self._positions[-1] if self._positions else 0
        typecode = "H" if largest < 2**16 else "i" if largest < 2**31 else "I" if largest < 2**32 else "q"
        self.index.array = array(typecode, self._positions)  # as whoosh's GrowableArray ends up
        super()._write_extras()

    def close(self) -> Any:
        self._flush()
        return super().close()


def _field_writer_init(self: Any, codec: Any, storage: Any, segment: Any) -> None:
    """W3FieldWriter with its term table kept by TermTable (the same file)."""
    _ORIGINAL_FIELD_WRITER_INIT(self, codec, storage, segment)
    table = TermTable.__new__(TermTable)
    table.__dict__.update(self._tindex.__dict__)  # its header is written; its extras hold the field map
    table._keys, table._values, table._positions = [], [], array("q")
    self._tindex = table


def _write_term(writer: Any, ids: list[int], weights: list[Any], values: list[Any], lens: list[Any]) -> None:
    """One term's postings and its term-table row, as whoosh3's posting writer (`_write_block`,
    `finish_postings`) and term info (`add_block`, `to_bytes`) write them, without their calls per block."""
    if len(ids) == 1:
        _write_one(writer, ids[0], weights[0], values[0], lens[0])
        return
    postfile = writer._postwriter._postfile.file  # StructFile's write and tell only call its file's
    startoffset = postfile.tell()
    postfile.write(whoosh3.WHOOSH3_HEADER_MAGIC)
    total_weight, minlength, maxlength, maxweight = write_blocks(writer, postfile, ids, weights, values, lens)
    _add_row(writer, postfile, startoffset, total_weight, len(ids),
             0 if minlength is None else length_to_byte(minlength), length_to_byte(maxlength), maxweight, ids[0], ids[-1])


def write_blocks(writer: Any, postfile: Any, ids: list[int], weights: list[Any], values: list[Any],
                 lens: list[Any]) -> tuple[Any, Any, Any, Any]:
    """A term's postings as whoosh3's blocks (the last marked as last), written to `postfile`; returns
    their statistics: total weight, shortest and longest length (None and 0 when none is known), greatest
    weight."""
    postings = writer._postwriter
    limit = postings._blocklimit
    compression = postings._compression
    fixed = writer._format.fixed_value_size()
    total_weight: Any = 0
    minlength: Any = None
    maxlength: Any = 0
    maxweight: Any = 0
    count = len(ids)
    for start in range(0, count, limit):
        end = min(start + limit, count)
        size = end - start
        block_ids = ids[start:end]
        block_weights = array("f", weights[start:end])
        heaviest = max(weights[start:end])
        block_maxweight = heaviest if heaviest > 0 else 0
        known = list(filter(None, lens[start:end]))
        block_min = min(known) if known else None
        block_max = max(known) if known else 0
        # the term's statistics (W3TermInfo.add_block)
        total_weight += sum(block_weights)
        minlength = block_min if minlength is None else min(minlength, block_min)
        maxlength = max(maxlength, block_max)
        maxweight = max(maxweight, block_maxweight)
        # the block (W3PostingsWriter._write_block)
        if block_weights.count(1.0) == size:
            mini_weights: Any = None
        elif block_weights.count(block_weights[0]) == size:
            mini_weights = block_weights[0]
        else:
            mini_weights = tuple(block_weights)
        mini_values = _mini_values(fixed, list(filter(None, values[start:end])))
        deltas = tuple(map(sub, block_ids, [0, *block_ids[:-1]]))  # whoosh's delta_encode, in C
        databytes = dumps((deltas, mini_weights, mini_values), 2)
        level = compression if len(databytes) >= whoosh3.COMPRESSION_MIN_SIZE else 0
        if level:
            databytes = zlib.compress(databytes, level)
        infobytes = dumps((size, block_ids[-1], block_maxweight, level, length_to_byte(block_min),
                           length_to_byte(block_max)), 2)
        length = len(infobytes) + len(databytes)
        postfile.write(pack_int(-length if end == count else length) + infobytes + databytes)
    return total_weight, minlength, maxlength, maxweight


def add_postings(self: Any, schema: Any, lengths: Any, items: Iterable[Posting]) -> None:
    """FieldWriter.add_postings for whoosh3's field writer: the same files (see the module's text)."""
    codec = getattr(self, "_codec", None)
    if type(self) is not whoosh3.W3FieldWriter or type(codec) is not whoosh3.W3Codec or codec._inlinelimit > 1:
        _ORIGINAL_ADD_POSTINGS(self, schema, lengths, items)
        return
    if type(items) is TermPostings:
        _add_term_postings(self, schema, lengths, items.fields)
        return
    lastfn: str | None = None
    lasttext: bytes | None = None
    field_length: Callable[[int], Any] = lambda _docnum: 0  # noqa: E731 - rebound at the first field
    ids: list[int] = []
    weights: list[Any] = []
    values: list[Any] = []
    lens: list[Any] = []
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lastfn is not None and fieldname < lastfn:
                raise OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
            if lasttext is not None:
                _write_term(self, ids, weights, values, lens)
            if lastfn is not None:
                self.finish_field()
            self.start_field(fieldname, schema[fieldname])
            field_length = _field_lengths(lengths, fieldname) if lengths else (lambda _docnum: 0)
            lastfn, lasttext = fieldname, None
        if docnum == -1:
            continue  # a spelling word (whoosh writes none here either)
        if btext != lasttext:
            if lasttext is not None:
                if btext < lasttext:
                    raise OutOfOrderError(f"Term {lastfn}:{lasttext!r} .. {fieldname}:{btext!r}")
                _write_term(self, ids, weights, values, lens)
            self._btext = lasttext = btext
            ids, weights, values, lens = [], [], [], []
        ids.append(docnum)
        weights.append(weight)
        values.append(emptybytes if value is None else value)
        lens.append(field_length(docnum))
    if lasttext is not None:
        _write_term(self, ids, weights, values, lens)
    if lastfn is not None:
        self.finish_field()


def _add_term_postings(self: Any, schema: Any, lengths: Any, fields: dict[str, dict[bytes, Any]]) -> None:
    """add_postings for a TermPool's postings, gathered by field and term already: each term's lists
    made at once (in C) rather than a posting at a time."""
    for fieldname in sorted(fields):
        terms = fields[fieldname]
        if not terms:
            continue  # a field whose values gave no words: whoosh's pool had nothing of it either
        self.start_field(fieldname, schema[fieldname])
        field_length = _field_lengths(lengths, fieldname) if lengths else (lambda _docnum: 0)
        for btext in sorted(terms):
            self._btext = btext
            postings = terms[btext]
            if len(postings) == 1:
                docnum, weight, value = postings[0]
                _write_one(self, docnum, weight, emptybytes if value is None else value, field_length(docnum))
                continue
            ids, weights, values = map(list, zip(*postings, strict=True))
            if None in values:
                values = [emptybytes if value is None else value for value in values]
            _write_term(self, ids, weights, values, list(map(field_length, ids)))
        self.finish_field()


def install() -> None:
    """Write whoosh3 postings through `add_postings` (the same files; see the module's text)."""
    base.FieldWriter.add_postings = add_postings  # type: ignore[method-assign]
    whoosh3.W3FieldWriter.__init__ = _field_writer_init  # type: ignore[method-assign]
