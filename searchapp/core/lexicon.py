"""What an index's term lists tell without reading its documents: each indexed file and its state, and
the live documents per value of an ID field (the collection folders, for one)."""

from __future__ import annotations

from typing import Any

from whoosh.query import Every
from whoosh.sorting import Count, FieldFacet

from searchapp.core.documents import split_filestate


def file_states(searcher: Any) -> dict[str, tuple[int, int, str]]:
    """Indexed files and their (size, mtime_ns, hash), read from the lexicon, not the documents."""
    reader = searcher.reader()
    deletions = reader.has_deletions()
    states: dict[str, tuple[int, int, str]] = {}
    for term in reader.lexicon("filestate"):
        if deletions and not reader.postings("filestate", term).is_active():
            continue
        path, size, mtime_ns, digest = split_filestate(term.decode("utf-8"))
        states[path] = (size, mtime_ns, digest)
    return states


def value_counts(searcher: Any, fieldname: str) -> dict[str, int]:
    """Live documents per value of an ID field."""
    results = searcher.search(Every(), groupedby=FieldFacet(fieldname), maptype=Count, limit=1)
    return {str(key): count for key, count in results.groups(fieldname).items() if key is not None}
