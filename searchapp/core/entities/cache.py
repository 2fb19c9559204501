"""What the collection's rules and the known aliases make of an index's raw names, kept between processes
(and, through `cached`, the whole collection's facet counts).

Building it is the costly part of a name book (seconds at 100,000 articles), and every fresh process
(a script's `searchapp search`) would otherwise build it again. It is kept in the user cache folder,
never in the index folder (which may be read-only, or a colleague's), under a key made of the index's
folder, its segments and the aliases files, so a commit or an edited `aliases.yaml` makes a new one.
The user's corrections are applied on top each time a book is made: a correction never needs it rebuilt.
A cache file that cannot be read is made again.
"""

from __future__ import annotations

import contextlib
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
from searchapp.core.gcpause import collector_paused

log = logging.getLogger(__name__)

KEPT = 8  # cache files kept (the oldest go first)
Names = tuple[Mapping[Any, Any], AliasTable]


def _folder(kind: str = "names") -> Path:
    return cache_dir() / kind


def cached_names(key: tuple[Any, ...], build: Callable[[], Names]) -> Names:
    """The collection's names and the alias table for `key` (the index folder, its segments, the aliases
    files' stamps): from the cache when it has them, else `build()` and keep the result."""
    return cached("names", key, build, lambda value: isinstance(value[1], AliasTable) and isinstance(value[0], dict))


def cached(kind: str, key: tuple[Any, ...], build: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """The value kept in the cache folder `kind` for `key` when it is there and `valid(value)`; else
    `build()`, kept for the next process."""
    value = kept(kind, key, valid)
    if value is None:
        value = build()
        _save(_path(kind, key), value)
    return value


def kept(kind: str, key: tuple[Any, ...], valid: Callable[[Any], bool]) -> Any:
    """The value kept in the cache folder `kind` for `key` when it is there and `valid(value)`, else None."""
    path = _path(kind, key)
    try:
        with path.open("rb") as handle:
            with collector_paused():  # many small objects at once (see core/gcpause.py)
                value = pickle.load(handle)
        if valid(value):
            return value
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is made again
        log.info("could not read the cache file %s; making it again", path, exc_info=True)
    return None


def _path(kind: str, key: tuple[Any, ...]) -> Path:
    digest = hashlib.blake2b(repr((__version__, key)).encode("utf-8"), digest_size=16).hexdigest()
    return _folder(kind) / f"{digest}.pickle"


def _save(path: Path, value: Any) -> None:
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
        log.info("could not keep a cache file in %s", path.parent, exc_info=True)
        with contextlib.suppress(OSError):  # the folder may not be one (a file in its place)
            part.unlink(missing_ok=True)
