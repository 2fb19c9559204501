"""Postings written a term at a time (core/postings.py) make the same segment files as whoosh's own way."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh import writing
from whoosh.codec import base, whoosh3

from searchapp.core import postings, termpool, whoosh_fixes  # noqa: F401 - installs the writer's fixes, as in every process
from searchapp.core.documents import load_file
from searchapp.core.schema import SCHEMA
from tests.core.factories import make_txt_folder


def _segment_files(folder: Path, documents: list[dict], limitmb: float = 128) -> dict[str, bytes]:
    """The files of a one-segment index of `documents`, by extension (a segment's name is random)."""
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), SCHEMA)
    with ix.writer(compound=False, limitmb=limitmb) as writer:
        for document in documents:
            writer.add_document(**document)
        pooled = type(writer.pool), len(writer.pool.runs)
    # by what follows the segment's random name: .pst, .trm, ._body_len.col (the field lengths) and so on
    files = {path.name.partition(".")[2]: path.read_bytes() for path in folder.iterdir()
             if path.suffix in (".pst", ".trm", ".col")}
    return files | {"pool": pooled}


def _documents(tmp_path: Path) -> list[dict]:
    folder = make_txt_folder(tmp_path / "articles", 300)  # words in every article: terms of several blocks
    documents = []
    for path in sorted(folder.iterdir()):
        documents += load_file(str(path), str(folder), "", 1 << 20).documents
    documents[7]["body"] = ""  # a document without a body: no length in the column for it
    documents[9]["headline"] = "..."  # a text field whose value gives no words
    documents[11]["_body_boost"] = 2.0  # a field's boost for one document
    return documents


def _whooshs_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """whoosh's own segment writer, pool and field writer from here on (in this test)."""
    assert base.FieldWriter.add_postings is postings.add_postings
    assert whoosh3.W3FieldWriter.__init__ is postings._field_writer_init  # the term table kept by TermTable
    assert writing.SegmentWriter.add_document is termpool.add_document  # postings gathered per term
    monkeypatch.setattr(base.FieldWriter, "add_postings", postings._ORIGINAL_ADD_POSTINGS)
    monkeypatch.setattr(whoosh3.W3FieldWriter, "__init__", postings._ORIGINAL_FIELD_WRITER_INIT)
    monkeypatch.setattr(writing.SegmentWriter, "__init__", termpool._ORIGINAL_WRITER_INIT)
    monkeypatch.setattr(writing.SegmentWriter, "add_document", termpool._ORIGINAL_ADD_DOCUMENT)


def test_a_segment_s_postings_and_terms_are_whooshs_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    documents = _documents(tmp_path)
    ours = _segment_files(tmp_path / "ours", documents)
    spilled = _segment_files(tmp_path / "spilled", documents, limitmb=0.5)  # postings saved to runs on the way
    _whooshs_own(monkeypatch)
    theirs = _segment_files(tmp_path / "whoosh", documents)
    assert ours.pop("pool") == (termpool.TermPool, 0) and theirs.pop("pool") == (writing.PostingPool, 0)
    assert spilled.pop("pool")[1] >= 3
    assert {"pst", "trm", "_body_len.col", "_headline_len.col"} <= set(ours) and len(ours["pst"]) > 10_000
    assert ours == theirs
    # Saved to runs and read back, equal values are no longer one object, which pickle writes once in a
    # block: whoosh's own spilled blocks are larger too. What they hold is the same.
    assert spilled.pop("pst") != theirs["pst"]
    assert {name: data for name, data in spilled.items() if name != "trm"} == {
        name: data for name, data in theirs.items() if name not in ("pst", "trm")}
    assert _read_back(tmp_path / "spilled") == _read_back(tmp_path / "whoosh")


def _read_back(folder: Path) -> dict[tuple[str, bytes], tuple[list, dict]]:
    """Every term's postings and statistics (but where its postings are in the file) in an index."""
    with whoosh_index.open_dir(str(folder)).reader() as reader:
        return {(fieldname, text): (list(reader.postings(fieldname, text).all_items()),
                                    {k: v for k, v in reader.term_info(fieldname, text).__dict__.items()
                                     if k not in ("_offset", "_length")})
                for fieldname, text in reader.all_terms()}


def test_a_merge_through_the_term_pool_is_whooshs_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """whoosh's own merge (add_reader, kept for other codecs) puts postings in the pool one by one: a
    merged segment with a deleted document is the same file through the TermPool as through whoosh's pool."""
    documents = _documents(tmp_path)

    def merged(folder: Path) -> dict[str, bytes]:
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), SCHEMA)
        for part in (documents[:120], documents[120:]):
            with ix.writer() as writer:
                for document in part:
                    writer.add_document(**document)
        with ix.writer() as writer:
            writer.delete_by_term("path", documents[5]["path"])
        files = {path.name: path.stat().st_size for path in folder.iterdir()}
        writer = writing.SegmentWriter(ix, compound=False)
        with ix.reader() as reader:
            writer.add_reader(reader)
        writer._flush_segment()
        writer._close_segment()
        return {path.suffix: path.read_bytes() for path in folder.iterdir()
                if path.suffix in (".pst", ".trm") and path.name not in files}

    ours = merged(tmp_path / "ours")
    _whooshs_own(monkeypatch)
    theirs = merged(tmp_path / "whoosh")
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


def test_a_field_with_spelling_words_is_left_to_whoosh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Spelling words go to the pool as postings of their own field: such a schema's documents are
    added by whoosh's add_document, and the index is the same."""
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    schema = Schema(path=ID(stored=True), title=TEXT(analyzer=StemmingAnalyzer(), spelling=True))
    assert schema["title"].separate_spelling()

    def build(folder: Path) -> dict:
        folder.mkdir()
        ix = whoosh_index.create_in(str(folder), schema)
        with ix.writer() as writer:
            for n, title in enumerate(["Ministers said", "the minister says", "saying ministerial things"]):
                writer.add_document(path=str(n), title=title)
        return _read_back(folder)

    ours = build(tmp_path / "ours")
    assert ("spell_title", b"ministers") in ours  # the words as written, for suggestions
    _whooshs_own(monkeypatch)
    assert ours == build(tmp_path / "whoosh")
