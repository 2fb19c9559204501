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

import zlib
from array import array
from collections.abc import Callable, Iterable
from pickle import dumps
from typing import Any

from whoosh.codec import base, whoosh3
from whoosh.codec.base import OutOfOrderError
from whoosh.columns import NumericColumn
from whoosh.system import emptybytes, pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.util.numlists import delta_encode

from searchapp.core.matching import numeric_column

_ORIGINAL_ADD_POSTINGS = base.FieldWriter.add_postings
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
    compression = postings._compression
    startoffset = postfile.tell()
    stored_weight = array("f", (weight,))[0]  # the weight as the block's float32 array keeps it
    maxweight = weight if weight > 0 else 0
    shortest, longest = length_to_byte(length or None), length_to_byte(length or 0)
    mini_weights = None if stored_weight == 1.0 else stored_weight
    databytes = dumps(((docnum,), mini_weights, _mini_values(writer._format.fixed_value_size(), [value] if value else [])), 2)
    level = compression if len(databytes) >= whoosh3.COMPRESSION_MIN_SIZE else 0
    if level:
        databytes = zlib.compress(databytes, level)
    infobytes = dumps((1, docnum, maxweight, level, shortest, longest), 2)
    postfile.write(whoosh3.WHOOSH3_HEADER_MAGIC + pack_int(-(len(infobytes) + len(databytes))) + infobytes + databytes)
    _add_row(writer, postfile, startoffset, 0 + stored_weight, 1, shortest if length else 0, longest, maxweight,
             docnum, docnum)


def _add_row(writer: Any, postfile: Any, startoffset: int, *stats: Any) -> None:
    """A term's row in the term table (W3TermInfo.to_bytes): its statistics `stats` (total weight, count,
    shortest and longest length bytes, greatest weight, first and last document), then where its
    postings are in the postings file."""
    row = whoosh3.W3TermInfo._struct.pack(False, *stats)
    row += pack_long(startoffset) + pack_int(postfile.tell() - startoffset)
    writer._tindex.add(pack_ushort(writer._fieldid) + writer._btext, row)


def _write_term(writer: Any, ids: list[int], weights: list[Any], values: list[Any], lens: list[Any]) -> None:
    """One term's postings and its term-table row, as whoosh3's posting writer (`_write_block`,
    `finish_postings`) and term info (`add_block`, `to_bytes`) write them, without their calls per block."""
    if len(ids) == 1:
        _write_one(writer, ids[0], weights[0], values[0], lens[0])
        return
    postings = writer._postwriter
    postfile = postings._postfile.file  # StructFile's write and tell only call its file's
    limit = postings._blocklimit
    compression = postings._compression
    fixed = writer._format.fixed_value_size()
    startoffset = postfile.tell()
    postfile.write(whoosh3.WHOOSH3_HEADER_MAGIC)
    total_weight: Any = 0
    minlength: Any = None
    maxlength: Any = 0
    maxweight: Any = 0
    count = len(ids)
    for start in range(0, count, limit):
        end = min(start + limit, count)
        block_ids = array("I", ids[start:end])
        block_weights = array("f", weights[start:end])
        heaviest = max(weights[start:end])
        block_maxweight = heaviest if heaviest > 0 else 0
        known = [length for length in lens[start:end] if length]
        block_min = min(known) if known else None
        block_max = max(known) if known else 0
        # the term's statistics (W3TermInfo.add_block)
        total_weight += sum(block_weights)
        minlength = block_min if minlength is None else min(minlength, block_min)
        maxlength = max(maxlength, block_max)
        maxweight = max(maxweight, block_maxweight)
        # the block (W3PostingsWriter._write_block)
        if all(weight == 1.0 for weight in block_weights):
            mini_weights: Any = None
        elif all(weight == block_weights[0] for weight in block_weights):
            mini_weights = block_weights[0]
        else:
            mini_weights = tuple(block_weights)
        mini_values = _mini_values(fixed, [value for value in values[start:end] if value])
        databytes = dumps((tuple(delta_encode(block_ids)), mini_weights, mini_values), 2)
        level = compression if len(databytes) >= whoosh3.COMPRESSION_MIN_SIZE else 0
        if level:
            databytes = zlib.compress(databytes, level)
        infobytes = dumps((end - start, block_ids[-1], block_maxweight, level, length_to_byte(block_min),
                           length_to_byte(block_max)), 2)
        size = len(infobytes) + len(databytes)
        postfile.write(pack_int(-size if end == count else size) + infobytes + databytes)
    _add_row(writer, postfile, startoffset, total_weight, count,
             0 if minlength is None else length_to_byte(minlength), length_to_byte(maxlength), maxweight, ids[0], ids[-1])


def add_postings(self: Any, schema: Any, lengths: Any, items: Iterable[Posting]) -> None:
    """FieldWriter.add_postings for whoosh3's field writer: the same files (see the module's text)."""
    codec = getattr(self, "_codec", None)
    if type(self) is not whoosh3.W3FieldWriter or type(codec) is not whoosh3.W3Codec or codec._inlinelimit > 1:
        _ORIGINAL_ADD_POSTINGS(self, schema, lengths, items)
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


def install() -> None:
    """Write whoosh3 postings through `add_postings` (the same files; see the module's text)."""
    base.FieldWriter.add_postings = add_postings  # type: ignore[method-assign]
