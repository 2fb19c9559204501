"""An index's name book, and what its kept names and counts depend on.

The collection's names (its raw person and organisation names through the collection's rules and the
known aliases) are worked out once per set of segments and kept in the cache folder (core/entities/
cache.py); the user's corrections are applied on top each time a book is made. `counts_key` says what the
whole collection's facet counts depend on, for keeping those too.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path
from typing import Any

import searchapp.resources
from searchapp.core.entities import Corrections, NameBook, load_aliases
from searchapp.core.entities.aliases import ALIASES_FILE
from searchapp.core.entities.cache import cached_names
from searchapp.core.entities.collection import collection_names
from searchapp.core.entities.corrections import CorrectionsError

log = logging.getLogger(__name__)


def names_stamp(location: str | os.PathLike[str]) -> tuple[Any, ...]:
    """Changes when the user's corrections or the collection's own aliases file change."""
    try:
        stat = os.stat(os.path.join(location, ALIASES_FILE))
        aliases = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        aliases = None
    return Corrections(location).stamp(), aliases


def counts_key(searcher: Any, location: str | os.PathLike[str], stamp: tuple[Any, ...]) -> tuple[Any, ...]:
    """What the whole collection's facet counts depend on: the index's segments and their deletions, and
    `stamp`, the names_stamp (corrections, the collection's aliases) the name book was made with."""
    segments = sorted((leaf.segment().segment_id(), leaf.segment().deleted_count())
                      for leaf, _offset in searcher.reader().leaf_readers() if leaf.segment() is not None)
    return "counts", os.path.abspath(location), tuple(segments), stamp, _shipped_aliases_stamp()


def raw_name_counts(searcher: Any) -> dict[str, Counter[str]]:
    """Articles per raw person and organisation name, and per name shown to be a work, read from the
    lexicons (deleted articles included until their segment is merged: a name's count only weighs its
    forms against each other)."""
    raw: dict[str, Counter[str]] = {"people": Counter(), "orgs": Counter(), "works": Counter()}
    if "works" not in searcher.schema:  # an index made before the field
        del raw["works"]
    # One pass over each segment's terms: asking the whole reader for each term's frequency looks the
    # term up in every segment, seconds on an index of many segments.
    for leaf, _offset in searcher.reader().leaf_readers():
        for field, counts in raw.items():
            for term, info in leaf.iter_field(field):
                counts[term.decode("utf-8")] += info.doc_frequency()
    return raw


def build_book(searcher: Any, location: str | os.PathLike[str]) -> NameBook:
    """The name book of the index at `location` as `searcher` sees it: the collection's names from
    the cache when an earlier process made them for the same segments and aliases, the user's
    corrections applied now."""
    try:
        changes = Corrections(location).load()
    except CorrectionsError as error:  # searches go on without them; writing a correction says why
        log.warning("%s", error)
        changes = ()
    segments = tuple(sorted(leaf.segment().segment_id() for leaf, _offset in searcher.reader().leaf_readers()
                            if leaf.segment() is not None))

    def build() -> tuple[dict[Any, Any], Any]:
        raw = raw_name_counts(searcher)
        table = load_aliases(location)
        return collection_names(raw["people"], raw["orgs"], table, raw.get("works")), table

    key = (os.path.abspath(location), segments, names_stamp(location)[1], _shipped_aliases_stamp())
    names, table = cached_names(key, build)
    return NameBook.from_names(names, table, changes)


def _shipped_aliases_stamp() -> tuple[int, int] | None:
    """The shipped aliases table's file (an edited one in a development checkout makes a new cache)."""
    try:
        stat = (Path(searchapp.resources.__file__).parent / ALIASES_FILE).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size
