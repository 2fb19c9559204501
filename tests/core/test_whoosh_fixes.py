"""The workarounds for whoosh3 keep its behaviour: a view file reads like the BytesIO it replaces."""

from __future__ import annotations

import io
import pickle
from array import array

from whoosh.filedb.structfile import BufferFile

from searchapp.core.whoosh_fixes import _ViewFile


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
