"""What the collection's rules and the known aliases make of an index's raw names, kept between processes.

Building it is the costly part of a name book (seconds at 100,000 articles), and every fresh process
(a script's `searchapp search`) would otherwise build it again. It is kept in the user cache folder,
never in the index folder (which may be read-only, or a colleague's), under a key made of the index's
folder, its segments and the aliases files, so a commit or an edited `aliases.yaml` makes a new one.
The user's corrections are applied on top each time a book is made: a correction never needs it rebuilt.
A cache file that cannot be read is made again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from searchapp import __version__
from searchapp.config.paths import cache_dir
from searchapp.core.entities.aliases import AliasTable

log = logging.getLogger(__name__)

KEPT = 8  # cache files kept (the oldest go first)
Names = tuple[Mapping[Any, Any], AliasTable]


def _folder() -> Path:
    return cache_dir() / "names"


def cached_names(key: tuple[Any, ...], build: Callable[[], Names]) -> Names:
    """The collection's names and the alias table for `key` (the index folder, its segments, the aliases
    files' stamps): from the cache when it has them, else `build()` and keep the result."""
    digest = hashlib.blake2b(repr((__version__, key)).encode("utf-8"), digest_size=16).hexdigest()
    path = _folder() / f"{digest}.pickle"
    try:
        with path.open("rb") as handle:
            names, table = pickle.load(handle)
        if isinstance(table, AliasTable) and isinstance(names, dict):
            return names, table
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is made again
        log.info("could not read the names cache %s; making it again", path, exc_info=True)
    names, table = build()
    _save(path, (names, table))
    return names, table


def _save(path: Path, value: Names) -> None:
    part = path.with_suffix(f".{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with part.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
        kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:  # a full or read-only cache folder: searches go on, a little slower
        log.info("could not keep the names cache in %s", path.parent, exc_info=True)
        part.unlink(missing_ok=True)
