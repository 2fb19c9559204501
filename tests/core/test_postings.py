"""Postings written a term at a time (core/postings.py) make the same segment files as whoosh's own way."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.codec import base

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
    monkeypatch.setattr(base.FieldWriter, "add_postings", postings._ORIGINAL_ADD_POSTINGS)
    theirs = _segment_files(tmp_path / "whoosh", documents)
    assert set(ours) == {".pst", ".trm"} and len(ours[".pst"]) > 10_000
    assert ours == theirs
