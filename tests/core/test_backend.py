"""The search and index boundary: the reader serves exactly the backend's methods, and the Whoosh
implementations have them all (a server backend would be checked the same way)."""

from __future__ import annotations

import inspect

from searchapp.core.backend import IndexBackend, SearchBackend, WhooshBackend, open_backend
from searchapp.core.index import ArticleIndex
from searchapp.core.reader import READS, ReaderProcess


def _methods(cls: type) -> set[str]:
    return {name for name, member in inspect.getmembers(cls, inspect.isfunction) if not name.startswith("_")}


def test_the_reader_serves_the_search_backend_and_the_whoosh_one_has_every_method(tmp_path) -> None:
    assert set(READS) == _methods(SearchBackend)
    assert _methods(SearchBackend) <= _methods(WhooshBackend)
    assert _methods(SearchBackend) <= _methods(ReaderProcess)  # the window's side asks for the same
    assert _methods(IndexBackend) <= _methods(ArticleIndex)
    assert isinstance(open_backend(tmp_path / "index"), WhooshBackend)  # nothing opened before a request
    assert not (tmp_path / "index").exists()
