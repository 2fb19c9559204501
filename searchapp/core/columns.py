"""What the `facets` column holds for each document, written at index time and read by searches.

A record is a pickled tuple: the names the article mentions and the names it quotes, each typed by the
article ("p" person, "o" organisation), then its outlet, format and folder. Pickled because a search
reads every matching document's record: pickle.loads rebuilds the tuple in one C call, three times
faster than splitting a string in Python (whoosh pickles stored fields the same way). `RawValues` reads
one searcher's records per document. Small on purpose: every indexing worker imports it.
"""

from __future__ import annotations

import pickle
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import repeat
from typing import Any

COLUMN = "facets"
RAW_FIELDS = ("outlet", "format", "folder")  # values as written, after the two name lists
PROTOCOL = 5


def _names(value: str | None) -> list[str]:
    return [name for name in (value or "").split(",") if name]


def facet_record(fields: Mapping[str, Any]) -> bytes:
    """One document's `facets` column: the names it mentions and the names it quotes, each typed by
    the article ("p" person, "o" organisation), then its outlet, format and folder.

    A speaker's type is the type the article gives the same name among its people or organisations
    (a person when it gives none), and a speaker is always mentioned too: quoting is mentioning."""
    people, orgs = _names(fields.get("people")), _names(fields.get("orgs"))
    person_names, org_names = set(people), set(orgs)
    mentions = dict.fromkeys([*("p" + name for name in people), *("o" + name for name in orgs)])
    quoted: dict[str, None] = {}
    for name in _names(fields.get("speakers")):
        typed = ("p" if name in person_names or name not in org_names else "o") + name
        quoted[typed] = mentions[typed] = None
    raw = [str(fields.get(field) or "") for field in RAW_FIELDS]
    return pickle.dumps((tuple(mentions), tuple(quoted), *raw), protocol=PROTOCOL)


Record = tuple[tuple[str, ...], tuple[str, ...], str, str, str]  # mentioned, quoted, outlet, format, folder
read_record: Callable[[bytes], Record] = pickle.loads


class RawValues:
    """One searcher's `facets` column: each document's record as written (bytes), read when needed."""

    def __init__(self, searcher: Any) -> None:
        reader = searcher.reader()
        self.size = reader.doc_count_all()
        self._starts: list[int] = []
        self._columns: list[Any] = []
        for leaf, offset in reader.leaf_readers():
            self._starts.append(offset)
            self._columns.append(leaf.column_reader(COLUMN, translate=False) if leaf.has_column(COLUMN) else None)

    def some(self, docnums: Iterable[int]) -> Iterator[tuple[int, bytes]]:
        """(document, record) for `docnums`, each looked up in its segment."""
        starts, columns = self._starts, self._columns
        for docnum in docnums:
            segment = bisect_right(starts, docnum) - 1
            column = columns[segment]
            yield docnum, column[docnum - starts[segment]] if column is not None else b""

    def every(self) -> Iterator[tuple[int, bytes]]:
        """(document, record) for every document, each segment's column read in order."""
        for start, column, end in zip(self._starts, self._columns, [*self._starts[1:], self.size], strict=True):
            yield from zip(range(start, end), column if column is not None else repeat(b""), strict=False)
