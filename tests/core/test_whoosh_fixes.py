"""The workarounds for whoosh3 keep its behaviour: a view file reads like the BytesIO it replaces, a
variable-length column has the offsets whoosh's own reader gives."""

from __future__ import annotations

import io
import pickle
from array import array
from pathlib import Path

import pytest
from whoosh.filedb.structfile import BufferFile

from searchapp.core.whoosh_fixes import _WHOOSH_READ_OFFSETS, _ViewFile


def test_a_view_file_reads_seeks_and_unpickles_like_bytesio() -> None:
    data = b"first line\nsecond\n" + pickle.dumps({"a": [1, 2, 3]}) + array("i", range(5)).tobytes()
    view, copy = _ViewFile(memoryview(data)), io.BytesIO(data)
    for other in (view, copy):
        assert other.readline() == b"first line\n" and other.read(3) == b"sec" and other.tell() == 14
        assert other.seek(-3, 1) == 11 and other.read(0) == b"" and other.readline() == b"second\n"
        assert pickle.load(other) == {"a": [1, 2, 3]}  # type: ignore[arg-type]
        numbers = array("i")
        numbers.fromfile(other, 5)  # type: ignore[arg-type]
        assert list(numbers) == [0, 1, 2, 3, 4] and other.read() == b"" and other.read(5) == b""
        assert other.seek(0, 2) == len(data) and other.seek(0) == 0 and list(other)[:2] == [b"first line\n", b"second\n"]


def test_a_buffer_file_serves_whoosh_reads_from_its_view() -> None:
    data = bytes(range(200)) * 3
    buffer = BufferFile(memoryview(data), name="part")
    assert buffer.get(10, 5) == data[10:15] and buffer.read(4) == data[:4]
    buffer.seek(100)
    assert buffer.read_byte() == data[100] and buffer.tell() == 101
    buffer.close()


@pytest.mark.parametrize("values", [[], [b""], [b"a", b"", b"bcd", b"\x00" * 300, b"e"], [b"x" * n for n in range(70)]])
@pytest.mark.parametrize("write_offsets", [False, True])
def test_a_var_bytes_column_reads_the_values_whoosh_wrote(tmp_path: Path, values: list[bytes], write_offsets: bool) -> None:
    from whoosh.columns import VarBytesColumn
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(tmp_path))
    column = VarBytesColumn(write_offsets_cutoff=0 if write_offsets else 10**9)  # whoosh writes them past a size
    handle = storage.create_file("column")
    writer = column.writer(handle)
    for docnum, value in enumerate(values):
        writer.add(docnum, value)
    writer.finish(len(values))
    length = handle.tell()
    handle.close()
    handle = storage.open_file("column")
    reader = column.reader(handle, 0, length, len(values))
    assert reader.had_stored_offsets == (write_offsets and bool(values))
    assert [reader[docnum] for docnum in range(len(values))] == values == list(reader)
    original = VarBytesColumn.Reader.__new__(VarBytesColumn.Reader)
    original.__dict__.update(reader.__dict__)
    _WHOOSH_READ_OFFSETS(original)
    assert list(original._offsets) == list(reader._offsets) and list(original._lengths) == list(reader._lengths)
    handle.close()
