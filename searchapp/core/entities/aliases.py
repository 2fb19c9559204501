"""The table of known aliases: `searchapp/resources/aliases.yaml`, plus an `aliases.yaml` in the index folder.

An entry names one entity (its canonical name, its type and the other forms news text uses for it).
Forms are compared by `keys.name_key`, so "U.N.", "UN" and "the UN" are one form.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from searchapp.core.entities.keys import name_key

log = logging.getLogger(__name__)

# libyaml's loader reads the shipped table ten times faster than the pure-Python one (20 ms, not 180)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ALIASES_FILE = "aliases.yaml"  # the name of the shipped table, and of a collection's own beside its index
TYPES = ("person", "org")


@dataclass(frozen=True, slots=True)
class KnownEntity:
    name: str
    type: str  # "person" or "org"
    aliases: tuple[str, ...] = ()
    source: str = ""


class AliasTable:
    """Known entities by the key of every form they are written in."""

    def __init__(self, entities: tuple[KnownEntity, ...] = ()) -> None:
        self.entities = entities
        self._by_key: dict[str, KnownEntity] = {}
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                key = name_key(form)
                if key:
                    self._by_key[key] = entity  # a later entry (the collection's own file) wins

    def lookup(self, name: str) -> KnownEntity | None:
        return self._by_key.get(name_key(name))

    def __len__(self) -> int:
        return len(self.entities)


def parse_table(text: str, origin: str) -> tuple[KnownEntity, ...]:
    """The entries of an aliases file; raises ValueError naming the file and the entry that is wrong."""
    try:
        data = yaml.load(text, Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{origin} is not valid YAML: {error}") from None
    items = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{origin} needs a list under 'entities:'")
    entities = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ValueError(f"{origin}: entry {number} needs a 'name'")
        kind = item.get("type", "org")
        if kind not in TYPES:
            raise ValueError(f"{origin}: entry {number} ({item['name']}) has type {kind!r}; use person or org")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"{origin}: entry {number} ({item['name']}) needs 'aliases' as a list of names")
        entities.append(
            KnownEntity(item["name"].strip(), kind, tuple(a.strip() for a in aliases if a.strip()),
                        str(item.get("source", "")))
        )
    return tuple(entities)


@lru_cache(maxsize=1)
def shipped_entities() -> tuple[KnownEntity, ...]:
    text = resources.files("searchapp.resources").joinpath(ALIASES_FILE).read_text(encoding="utf-8")
    return parse_table(text, "the shipped aliases table")


_collection_cache: dict[str, tuple[tuple[int, int], AliasTable]] = {}


def load_aliases(index_dir: str | os.PathLike[str] | None = None) -> AliasTable:
    """The shipped table, extended (and overridden) by `aliases.yaml` in `index_dir` when there is one.

    A collection's file that cannot be read is logged and left out: the shipped table still applies."""
    if index_dir is None:
        return _shipped_table()
    own = Path(index_dir) / ALIASES_FILE
    try:
        stat = own.stat()
    except OSError:
        return _shipped_table()
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _collection_cache.get(str(own))
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        extra = parse_table(own.read_text(encoding="utf-8"), str(own))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        log.warning("ignoring the collection's aliases: %s", error)
        extra = ()
    table = AliasTable(shipped_entities() + extra)
    _collection_cache[str(own)] = (stamp, table)
    return table


@lru_cache(maxsize=1)
def _shipped_table() -> AliasTable:
    return AliasTable(shipped_entities())
