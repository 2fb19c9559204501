"""Postings written a term at a time (core/postings.py) make the same segment files as whoosh's own way."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec import base, whoosh3

from searchapp.core import postings, whoosh_fixes  # noqa: F401 - installs the writer's fixes, as in every process
from searchapp.core.documents import load_file
from searchapp.core.schema import SCHEMA
from tests.core.factories import make_txt_folder


def _segment_files(folder: Path, documents: list[dict]) -> dict[str, bytes]:
    """The files of a one-segment index of `documents`, by extension (a segment's name is random)."""
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), SCHEMA)
    with ix.writer(compound=False) as writer:
        for document in documents:
            writer.add_document(**document)
    return {path.suffix: path.read_bytes() for path in folder.iterdir() if path.suffix in (".pst", ".trm")}


def test_a_segment_s_postings_and_terms_are_whooshs_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_txt_folder(tmp_path / "articles", 300)  # words in every article: terms of several blocks
    documents = []
    for path in sorted(folder.iterdir()):
        documents += load_file(str(path), str(folder), "", 1 << 20).documents
    documents[7]["body"] = ""  # a document without a body: no length in the column for it
    ours = _segment_files(tmp_path / "ours", documents)
    assert base.FieldWriter.add_postings is postings.add_postings
    assert whoosh3.W3FieldWriter.__init__ is postings._field_writer_init  # the term table kept by TermTable
    monkeypatch.setattr(base.FieldWriter, "add_postings", postings._ORIGINAL_ADD_POSTINGS)
    monkeypatch.setattr(whoosh3.W3FieldWriter, "__init__", postings._ORIGINAL_FIELD_WRITER_INIT)
    theirs = _segment_files(tmp_path / "whoosh", documents)
    assert set(ours) == {".pst", ".trm"} and len(ours[".pst"]) > 10_000
    assert ours == theirs


def test_the_term_table_is_whooshs_byte_for_byte_past_each_change_of_its_position_array(tmp_path: Path) -> None:
    """Rows past 64 KB and past TermTable.ROWS: whoosh's position array changes type, rows are written in
    several batches; the file is what whoosh's ordered hash writer makes of the same rows."""
    from whoosh.filedb import filetables
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(tmp_path))
    rows = [(b"\x00\x01" + b"word%06d" % n, bytes([n % 251]) * (n % 37)) for n in range(9000)]
    for name, table in (("ours", postings.TermTable), ("whoosh", filetables.OrderedHashWriter)):
        writer = table(storage.create_file(name))
        writer.extras["fieldmap"] = {"body": 1}
        for key, value in rows:
            writer.add(key, value)
        writer.close()
    ours, theirs = (tmp_path / "ours").read_bytes(), (tmp_path / "whoosh").read_bytes()
    assert len(ours) > 2**16 and ours == theirs
    reader = filetables.OrderedHashReader(storage.open_file("ours"), len(ours))
    assert reader[rows[4321][0]] == rows[4321][1] and reader.closest_key(b"\x00\x01word00004") == rows[40][0]
    reader.close()
    unordered = postings.TermTable(storage.create_file("unordered"))
    unordered.add(b"b", b"")
    with pytest.raises(ValueError):
        unordered.add(b"a", b"")  # keys must increase, as in whoosh's
    unordered.close()
