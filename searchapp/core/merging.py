"""Merging segments by copying what they wrote (the policy that chooses the merges: core/mergepolicy.py).

Every search looks each word up in every segment, so a fresh process's search time follows the number
of segments (`segments` in bench/scale_bench.py: 243 ms cold p95 with 8 segments at 100,000 articles,
310 with 16). Whoosh merges by adding a segment's documents to a writer again: each posting goes through
its sorting pool in Python, several milliseconds an article, more than indexing it. Here a merge copies:
each column's values document by document (the stored fields still compressed), and each word's postings
block by block, decoded and written again with the documents renumbered (a segment's numbers follow the
ones before it; a deleted document is left out and the ones after it move up), through the same writer of
whoosh3's format as indexing (core/postings.py). The new segment holds what whoosh's merge would: the
same documents, columns, stored fields and postings (tests/core/test_merging.py reads both back).
"""

from __future__ import annotations

import heapq
import io
import pickle
import struct
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Any

from whoosh.codec import whoosh3
from whoosh.columns import VarBytesColumn
from whoosh.reading import CorruptIndexError, SegmentReader
from whoosh.system import pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from searchapp.core.matching import numeric_column
from searchapp.core.postings import _ROW, _write_term, write_blocks

STOP_EVERY = 4096  # words merged between two questions whether to stop (a fraction of a second)

_BLOCK_SIZE = struct.Struct("!i")
_ROW_STATS = whoosh3.W3TermInfo._struct.size  # a term's row: its statistics, then where its postings are
_EXTENT = struct.Struct("!qi")
_LENGTHS = [byte_to_length(b) if b else 0 for b in range(256)]


# -- the merge ------------------------------------------------------------------------------------------


def can_copy(schema: Any, codec: Any) -> bool:
    """Whether these segments can be merged by copying: whoosh3's codec, no inlined postings, no vectors
    (else whoosh's own merge is used)."""
    return (type(codec) is whoosh3.W3Codec and codec._inlinelimit <= 1
            and not any(field.vector for _name, field in schema.items()))


class MergeStopped(Exception):
    """A merge stopped because `stop()` said so; the segments are as they were."""


def merge_segments(index: Any, segments: Sequence[Any], limitmb: int = 64,
                   stop: Callable[[], bool] | None = None) -> Any:
    """One new segment (not yet committed) holding the live documents of `segments`, in their order.
    `stop()` is asked every STOP_EVERY words: when it says so, MergeStopped is raised (the new segment's
    files are left to the next commit's clean-up, as any unfinished segment's)."""
    writer = SegmentWriter(index, _lk=False, limitmb=limitmb)
    readers = [SegmentReader(writer.storage, writer.schema, segment) for segment in segments]
    try:
        if not can_copy(writer.schema, writer.codec) or not all(
                isinstance(reader._terms, whoosh3.W3TermsReader) for reader in readers):
            for reader in readers:
                writer.add_reader(reader)
            return writer._finalize_segment()
        maps, total = _document_maps(readers)
        lengths = _copy_documents(writer, readers, maps, total)
        writer.perdocwriter.close()
        _copy_postings(writer, readers, maps, lengths, stop)
        writer.fieldwriter.close()
        writer.docnum = total
        writer._added = True
        writer._close_segment()
        writer._assemble_segment()
        return writer.get_segment()
    except BaseException:
        try:
            writer._close_segment()
        except Exception:  # noqa: BLE001 - the first failure is the one to report
            pass
        raise
    finally:
        for reader in readers:
            reader.close()


def merge_groups(index: Any, groups: Sequence[Sequence[Any]], limitmb: int = 64,
                 stop: Callable[[], bool] | None = None) -> list[Any]:
    """Each group merged into one segment, in turn, until `stop()` says so: the merged segments of the
    first groups (the rest, and the group it stopped in, are as they were)."""
    merged = []
    try:
        for group in groups:
            merged.append(merge_segments(index, group, limitmb, stop))
    except MergeStopped:
        pass
    return merged


def _document_maps(readers: Sequence[Any]) -> tuple[list[Any], int]:
    """Per segment, its new document numbers: the number to add to each (no deletions), or an array of
    them with -1 for a deleted document; and the number of documents in all."""
    maps: list[Any] = []
    total = 0
    for reader in readers:
        count = reader.doc_count_all()
        if not reader.has_deletions():
            maps.append(total)
            total += count
            continue
        numbers = array("i", [-1]) * count
        for docnum in range(count):
            if not reader.is_deleted(docnum):
                numbers[docnum] = total
                total += 1
        maps.append(numbers)
    return maps, total


def _live(reader: Any, docmap: Any) -> Iterator[tuple[int, int]]:
    """(old number, new number) of a segment's live documents."""
    if isinstance(docmap, int):
        return ((docnum, docnum + docmap) for docnum in range(reader.doc_count_all()))
    return ((docnum, new) for docnum, new in enumerate(docmap) if new >= 0)


def _copy_documents(writer: Any, readers: Sequence[Any], maps: Sequence[Any], total: int) -> dict[str, list[int]]:
    """Copy every column (stored fields, field lengths, the schema's columns) of the live documents;
    returns each scored field's lengths in the new segment, by new document number."""
    pdw = writer.perdocwriter
    schema = writer.schema
    lengths: dict[str, list[int]] = {}
    totals: dict[str, int] = {}
    stored = pdw._get_column("_stored")._child  # compressed pickles: copied as they are
    for reader, docmap in zip(readers, maps, strict=True):
        perdoc = reader._perdoc
        if perdoc.has_column("_stored"):
            raw = perdoc.column_reader("_stored", whoosh3.STORED_COLUMN)._child
            for old, new in _live(reader, docmap):
                value = VarBytesColumn.Reader.__getitem__(raw, old)
                if value:
                    VarBytesColumn.Writer.add(stored, new, value)
    for name, field in schema.items():
        if field.scorable:
            _copy_lengths(pdw, readers, maps, name, lengths, totals)
        if field.column_type is not None:
            _copy_column(pdw, readers, maps, name, field.column_type)
    pdw._doccount = total
    pdw._fieldlengths.update(totals)
    return lengths


def _copy_lengths(pdw: Any, readers: Sequence[Any], maps: Sequence[Any], name: str,
                  lengths: dict[str, list[int]], totals: dict[str, int]) -> None:
    column = whoosh3._lenfield(name)
    merged = array("B")
    field_total = 0
    for reader, docmap in zip(readers, maps, strict=True):
        perdoc = reader._perdoc
        if not perdoc.has_column(column):
            merged.extend(bytes(reader.doc_count()))
            continue
        values = numeric_column(perdoc.column_reader(column, whoosh3.LENGTHS_COLUMN))
        if isinstance(docmap, int):
            merged.extend(values)
            field_total += reader.segment()._fieldlengths.get(name, 0)
        else:
            live = [value for value, new in zip(values, docmap, strict=True) if new >= 0]
            merged.extend(live)
            # the deleted documents' lengths as their bytes give them (whoosh's merge counts every one so)
            gone = sum(_LENGTHS[value] for value, new in zip(values, docmap, strict=True) if new < 0)
            field_total += max(0, reader.segment()._fieldlengths.get(name, 0) - gone)
    if not any(merged):
        return
    pdw._create_column(column, whoosh3.LENGTHS_COLUMN)
    writer = pdw._get_column(column)
    for docnum, value in enumerate(merged):
        if value:
            writer.add(docnum, value)
    totals[name] = field_total
    lengths[name] = [_LENGTHS[value] for value in merged]


def _copy_column(pdw: Any, readers: Sequence[Any], maps: Sequence[Any], name: str, column: Any) -> None:
    writer = None
    for reader, docmap in zip(readers, maps, strict=True):
        perdoc = reader._perdoc
        if not perdoc.has_column(name):
            continue
        values = perdoc.column_reader(name, column)
        if writer is None:
            pdw._create_column(name, column)
            writer = pdw._get_column(name)
        for old, new in _live(reader, docmap):
            writer.add(new, values[old])


def _terms(position: int, reader: Any, schema: Any) -> Iterator[tuple[str, bytes, int, bytes]]:
    """A segment's words in order: (field, word, the segment's position, its row in the term table)."""
    terms = reader._terms
    names = terms._fieldunmap
    wanted = {name for name in names if name in schema and schema[name].indexed}
    for key, row in terms._tindex:
        fieldname = names[(key[0] << 8) | key[1]]
        if fieldname in wanted:
            yield fieldname, key[2:], position, row


def _postings(postfile: Any, row: bytes, fixed: Any) -> tuple[list[int], list[Any], list[bytes]]:
    """A word's postings in one segment, from its term-table row: document numbers, weights, values."""
    if row[0]:  # inlined in the row (an inline limit above one: not written by SearchApp)
        ids, weights, values = whoosh3.W3TermInfo.from_bytes(row).inlined_postings()
        return list(ids), list(weights), [value or b"" for value in values]
    offset, length = _EXTENT.unpack_from(row, _ROW_STATS)
    data = postfile.get(offset, length)
    if data[:4] != whoosh3.WHOOSH3_HEADER_MAGIC:
        raise CorruptIndexError(f"Bad postings block tag at offset {offset}")
    ids: list[int] = []
    weights: list[Any] = []
    values: list[bytes] = []
    position = 4
    while True:
        size = _BLOCK_SIZE.unpack_from(data, position)[0]
        position += 4
        block = io.BytesIO(data[position:position + abs(size)])
        count, _last, _maxweight, level, _shortest, _longest = pickle.load(block)
        body = block.read()
        block_ids, block_weights, block_values = pickle.loads(zlib.decompress(body) if level else body)
        if count == 1:
            ids.append(block_ids[0])
        else:
            ids.extend(accumulate(block_ids))
        if block_weights is None:
            weights.extend([1.0] * count)
        elif type(block_weights) is tuple:
            weights.extend(block_weights)
        else:
            weights.extend([block_weights] * count)
        if block_values is None:
            values.extend([b""] * count)
        elif type(block_values) is tuple:
            values.extend(block_values if block_values else [b""] * count)
        elif count == 1:
            values.append(block_values)
        else:  # values of a fixed size, joined
            values.extend(block_values[start:start + fixed] for start in range(0, len(block_values), fixed))
        position += abs(size)
        if size < 0:
            return ids, weights, values


def _copy_postings(writer: Any, readers: Sequence[Any], maps: Sequence[Any], lengths: dict[str, list[int]],
                   stop: Callable[[], bool] | None = None) -> None:
    """Every word's postings from the segments, in order, renumbered, through core/postings.py's writer.
    A word only the first segment has, when its documents keep their numbers, is copied as it is."""
    fieldwriter = writer.fieldwriter
    schema = writer.schema
    postfiles = [reader._terms._postfile for reader in readers]
    merged = heapq.merge(*(_terms(position, reader, schema) for position, reader in enumerate(readers)))
    unmoved = maps[0] == 0  # the first segment's documents keep their numbers
    field: str | None = None
    fixed: Any = None
    field_lengths: list[int] | None = None
    pending: list[tuple[int, bytes]] = []  # the current word's (segment, row)
    word = b""

    def flush() -> None:
        first_as_is = pending[0][0] == 0 and unmoved  # the first segment's blocks can stay as they are
        if first_as_is and len(pending) == 1:
            _copy_term(fieldwriter, postfiles[0], word, pending[0][1])
            return
        ids: list[int] = []
        weights: list[Any] = []
        values: list[bytes] = []
        for position, row in pending[1:] if first_as_is else pending:
            block_ids, block_weights, block_values = _postings(postfiles[position], row, fixed)
            docmap = maps[position]
            if isinstance(docmap, int):
                ids.extend([docnum + docmap for docnum in block_ids] if docmap else block_ids)
                weights.extend(block_weights)
                values.extend(block_values)
                continue
            for docnum, weight, value in zip(block_ids, block_weights, block_values, strict=True):
                new = docmap[docnum]
                if new >= 0:
                    ids.append(new)
                    weights.append(weight)
                    values.append(value)
        lens = [field_lengths[docnum] for docnum in ids] if field_lengths is not None else [0] * len(ids)
        if first_as_is:
            _append_term(fieldwriter, postfiles[0], word, pending[0][1], ids, weights, values, lens)
        elif ids:
            fieldwriter._btext = word
            _write_term(fieldwriter, ids, weights, values, lens)

    words = 0
    for fieldname, btext, position, row in merged:
        if btext != word or fieldname != field:
            if pending:
                flush()
                pending = []
            words += 1
            if stop is not None and words % STOP_EVERY == 0 and stop():
                raise MergeStopped
            if fieldname != field:
                if field is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                fixed = schema[fieldname].format.fixed_value_size()
                field_lengths = lengths.get(fieldname)
                field = fieldname
            word = btext
        pending.append((position, row))
    if pending:
        flush()
    if field is not None:
        fieldwriter.finish_field()


def _copy_term(fieldwriter: Any, postfile: Any, word: bytes, row: bytes) -> None:
    """A word's postings and row copied as they are (its documents keep their numbers), at a new offset."""
    offset, length = _EXTENT.unpack_from(row, _ROW_STATS)
    out = fieldwriter._postwriter._postfile.file
    start = out.tell()
    out.write(postfile.get(offset, length))
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + word, row[:_ROW_STATS] + _EXTENT.pack(start, length))


def _append_term(fieldwriter: Any, postfile: Any, word: bytes, row: bytes, ids: list[int], weights: list[Any],
                 values: list[bytes], lens: list[int]) -> None:
    """A word's postings: the first segment's blocks as they are (its documents keep their numbers), then
    the other segments' (`ids`...) written after them; its row's statistics are both's."""
    if not ids:
        _copy_term(fieldwriter, postfile, word, row)
        return
    _flags, weight, count, shortest, longest, heaviest, first, _last = whoosh3.W3TermInfo._struct.unpack_from(row)
    offset, length = _EXTENT.unpack_from(row, _ROW_STATS)
    blocks = bytearray(postfile.get(offset, length))
    position = 4  # after the header: the blocks' sizes, the last one's negative, which is no longer last
    while True:
        size = _BLOCK_SIZE.unpack_from(blocks, position)[0]
        if size < 0:
            _BLOCK_SIZE.pack_into(blocks, position, -size)
            break
        position += 4 + size
    out = fieldwriter._postwriter._postfile.file
    start = out.tell()
    out.write(blocks)
    more_weight, minlength, maxlength, maxweight = write_blocks(fieldwriter, out, ids, weights, values, lens)
    known = [byte for byte in (shortest, length_to_byte(minlength) if minlength is not None else 0) if byte]
    row = _ROW.pack(False, weight + more_weight, count + len(ids), min(known) if known else 0,
                    max(longest, length_to_byte(maxlength)), max(heaviest, maxweight), first, ids[-1],
                    start, out.tell() - start)
    fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + word, row)
