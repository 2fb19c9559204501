"""The name book of a collection: every raw name the articles use, under the name it counts as.

Built from the raw person and organisation names of the whole index (with the number of articles
using each), the known-aliases table and the user's corrections, applied in that order. Search,
facets, filters, highlights, exports and the `entities` command all ask this one object.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from searchapp.core.entities.aliases import AliasTable
from searchapp.core.entities.collection import WORK, Named, RawName, collection_names
from searchapp.core.entities.corrections import Change
from searchapp.core.entities.keys import name_key
from searchapp.core.models import Entities, Speaker


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """One person or organisation of the collection."""

    name: str
    type: str
    forms: tuple[str, ...]  # the raw names in the index that count for it
    aliases: tuple[str, ...]  # every other name it is known by (raw forms, the table's aliases, old names)
    hidden: bool = False
    changes: tuple[int, ...] = ()  # positions of the user's changes that touched it


class _Groups:
    """Display names and the raw names under each, while the user's changes are applied in order."""

    def __init__(self, base: Mapping[RawName, Named]) -> None:
        self.members: dict[str, set[RawName]] = {}
        self.kind: dict[str, str] = {}
        self.extra: dict[str, set[str]] = {}
        self.touched: dict[str, list[int]] = {}
        self.hidden: set[str] = set()
        self.owner: dict[RawName, str] = {}
        self._display_by_key: dict[str, str] = {}
        self._raw_by_key: dict[str, list[RawName]] = {}
        for raw, (name, kind) in base.items():
            self.members.setdefault(name, set()).add(raw)
            self.kind[name] = kind
            self.owner[raw] = name
            self._raw_by_key.setdefault(name_key(raw[0]), []).append(raw)
        for name in self.members:
            self._display_by_key.setdefault(name_key(name), name)

    def locate(self, name: str) -> str | None:
        """The display name `name` stands for now: itself, a differently written form, or a raw form."""
        if name in self.members:
            return name
        key = name_key(name)
        display = self._display_by_key.get(key)
        if display in self.members:
            return display
        raws = self._raw_by_key.get(key, ())
        return self.owner[raws[0]] if raws else None

    def _new(self, name: str, kind: str) -> None:
        self.members[name] = set()
        self.kind[name] = kind
        self.extra.setdefault(name, set())
        self._display_by_key[name_key(name)] = name

    def move(self, source: str, target: str, change: int) -> None:
        """Everything under `source` now counts for `target`; `source` becomes one of its aliases."""
        moved = self.members.pop(source)
        self.members[target] |= moved
        for raw in moved:
            self.owner[raw] = target
        self.extra.setdefault(target, set()).update(self.extra.pop(source, set()) | {source})
        self.kind.pop(source, None)
        self.hidden.discard(source)
        self.touched.setdefault(target, []).extend([*self.touched.pop(source, []), change])

    def apply(self, position: int, change: Change) -> tuple[str, str] | None:
        """Apply one change; a split is returned as (name, to) for the articles to apply it."""
        if change.op in ("merge", "rename"):
            sources = [d for d in map(self.locate, change.names) if d is not None]
            if not sources:
                return None
            target = self.locate(change.to)
            if change.op == "rename" and target in sources and change.to not in self.members:
                target = None  # "Labour Party" renamed to its own form "Labour": the form becomes its name
            if target is None and change.op == "rename" and len(sources) == 1:
                source = sources[0]
                self._new(change.to, self.kind[source])
                if source in self.hidden:
                    self.hidden.add(change.to)
                target = change.to
            elif target is None:
                self._new(change.to, self.kind[sources[0]])
                target = change.to
            for source in dict.fromkeys(sources):
                if source != target:
                    self.move(source, target, position)
            self.touched.setdefault(target, []).append(position)
        elif change.op in ("retype", "hide", "show"):
            for display in filter(None, map(self.locate, change.names)):
                if change.op == "hide":
                    self.hidden.add(display)
                elif change.op == "show":
                    self.hidden.discard(display)  # a name the collection took for a work, shown again
                else:
                    self.kind[display] = change.type
                self.touched.setdefault(display, []).append(position)
        elif change.op == "split":
            display = self.locate(change.names[0])
            if display is not None:
                self.touched.setdefault(display, []).append(position)
                return display, change.to
        return None


class NameBook:
    """Raw names -> the names they count as, for one index generation and one set of corrections.

    Built once per index generation, so it does only what every search needs (each raw name's
    final name); the description of each name (forms, aliases, changes) is made when asked for."""

    def __init__(
        self,
        people: Mapping[str, int],
        orgs: Mapping[str, int],
        table: AliasTable,
        changes: Sequence[Change] = (),
    ) -> None:
        self._setup(collection_names(people, orgs, table), table, changes)

    @classmethod
    def from_names(cls, names: Mapping[RawName, Named], table: AliasTable, changes: Sequence[Change] = ()) -> NameBook:
        """A book from what `collection_names` made of the collection (kept between processes), with
        the user's changes applied now."""
        book = cls.__new__(cls)
        book._setup(dict(names), table, changes)
        return book

    def _setup(self, base: dict[RawName, Named], table: AliasTable, changes: Sequence[Change]) -> None:
        self.changes = tuple(changes)
        self._table = table
        # The collection's works are hidden names of the type their articles wrote (a user may show them)
        # (`base` is this book's own dict: its few works are rewritten in place, not every name copied)
        as_works = [raw for raw, named in base.items() if named[1] == WORK]
        for raw in as_works:
            base[raw] = (base[raw][0], raw[1])
        works = {base[raw][0] for raw in as_works}
        self.works = frozenset(works)
        self._final: dict[RawName, Named] = base
        self._kind: dict[str, str] = {}  # names with no raw form of their own (split targets, hidden)
        self._hidden: set[str] = set(works)
        self._extra: dict[str, set[str]] = {}
        self._touched: dict[str, list[int]] = {}
        # A split applies to one article: there, what counted as `name` counts as `to` instead.
        self._splits: dict[str, dict[str, Named]] = {}
        if changes:
            self._apply(base, changes)
        self._members: dict[str, list[str]] | None = None
        self._infos: dict[str, EntityInfo] = {}
        self._by_key: dict[str, str] | None = None
        self._types: dict[str, str] | None = None

    def _apply(self, base: dict[RawName, Named], changes: Sequence[Change]) -> None:
        groups = _Groups(base)
        groups.hidden |= self.works
        splits: list[tuple[str, tuple[str, str]]] = []
        for position, change in enumerate(changes):
            split = groups.apply(position, change)
            if split is not None:
                splits.append((change.path, split))
        self._final = {raw: (display, groups.kind[display]) for display, members in groups.members.items()
                       for raw in members}
        self._kind = dict(groups.kind)
        self._hidden = set(groups.hidden)
        self._extra = groups.extra
        self._touched = groups.touched
        for path, (name, to) in splits:
            final = groups.locate(name)
            target = groups.locate(to)
            kind = groups.kind.get(target or "", groups.kind.get(final or "", "person"))
            if final is not None:
                self._splits.setdefault(path, {})[final] = (target or to, kind)
                self._kind.setdefault(target or to, kind)

    def _names(self) -> dict[str, list[str]]:
        """Each name and the raw forms that count for it (built when first asked for)."""
        if self._members is None:
            members: dict[str, list[str]] = {}
            for (raw, _kind), (name, _type) in self._final.items():
                members.setdefault(name, []).append(raw)
            for by_path in self._splits.values():
                for name, _type in by_path.values():
                    members.setdefault(name, [])
            self._members = members
        return self._members

    def _describe(self, display: str) -> EntityInfo | None:
        info = self._infos.get(display)
        if info is not None:
            return info
        members = self._names().get(display)
        if members is None:
            return None
        forms = sorted(set(members), key=str.lower)
        # The forms the articles use first, then earlier names, then the table's other aliases.
        aliases = [*forms, *sorted(self._extra.get(display, ()), key=str.lower)]
        known = self._table.lookup(display)
        if known is not None and known.name == display:
            aliases.extend(sorted(known.aliases, key=str.lower))
        kind = self._kind.get(display) or next(
            (self._final[(raw, k)][1] for raw in members for k in ("person", "org") if (raw, k) in self._final),
            "person",
        )
        info = self._infos[display] = EntityInfo(
            name=display,
            type=kind,
            forms=tuple(forms),
            aliases=tuple(a for a in dict.fromkeys(aliases) if a != display),
            hidden=display in self._hidden,
            changes=tuple(dict.fromkeys(self._touched.get(display, ()))),
        )
        return info

    # -- names of one article -------------------------------------------------------------------
    def resolve(self, raw: str, kind: str, path: str = "") -> Named | None:
        """What the raw name `raw` of type `kind` counts as (in the article at `path`); None when hidden."""
        named = self._final.get((raw, kind), (raw, kind))
        if path:
            split = self._splits.get(path)
            if split and named[0] in split:
                named = split[named[0]]
        return None if named[0] in self._hidden else named

    def has_splits(self, path: str) -> bool:
        return path in self._splits

    def split_paths(self) -> Iterable[str]:
        return self._splits.keys()

    def document(
        self, people: Sequence[str], orgs: Sequence[str], speakers: Sequence[str], path: str = ""
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(speakers, people, orgs) of one article under the names they count as, hidden ones left out.

        A speaker's type is the type the article gives the same raw name among its people or orgs, and
        a speaker is always among the people or organisations too: quoting is mentioning."""
        people_out: dict[str, None] = {}
        orgs_out: dict[str, None] = {}
        for raws, kind in ((people, "person"), (orgs, "org")):
            for raw in raws:
                named = self.resolve(raw, kind, path)
                if named is not None:
                    (people_out if named[1] == "person" else orgs_out)[named[0]] = None
        person_raws = set(people)
        speakers_out: dict[str, None] = {}
        for raw in speakers:
            named = self.resolve(raw, "person" if raw in person_raws or raw not in orgs else "org", path)
            if named is not None:
                speakers_out[named[0]] = None
                (people_out if named[1] == "person" else orgs_out)[named[0]] = None
        return tuple(speakers_out), tuple(people_out), tuple(orgs_out)

    def speakers(self, speakers: Sequence[Speaker], path: str = "") -> tuple[Speaker, ...]:
        """An article's speakers under the names they count as; two that count as one become one."""
        merged: dict[str, Speaker] = {}
        for speaker in speakers:
            named = self.resolve(speaker.name, speaker.type, path)
            if named is None:
                continue
            name, kind = named
            aliases = tuple(a for a in (*speaker.aliases, speaker.name) if a != name)
            previous = merged.get(name)
            if previous is None:
                merged[name] = Speaker(name, kind, speaker.role, tuple(dict.fromkeys(aliases)), speaker.quotes)
            else:
                merged[name] = Speaker(
                    name,
                    kind,
                    previous.role or speaker.role,
                    tuple(dict.fromkeys((*previous.aliases, *aliases))),
                    previous.quotes + speaker.quotes,
                )
        return tuple(merged.values())

    def article(self, entities: Entities, path: str = "") -> Entities:
        """One article's entities under the names they count as."""
        _speakers, people, orgs = self.document(entities.people, entities.orgs, (), path)
        return Entities(speakers=self.speakers(entities.speakers, path), people=people, orgs=orgs)

    # -- the collection's names -----------------------------------------------------------------
    def entities(self) -> tuple[EntityInfo, ...]:
        return tuple(filter(None, map(self._describe, self._names())))

    def info(self, name: str) -> EntityInfo | None:
        return self._describe(name)

    def names_with_aliases(self) -> list[str]:
        """The names known by other forms too (raw forms, earlier names, the table's aliases), hidden
        ones left out: as [info.name for info in entities() if info.aliases and not info.hidden], without
        describing every name of the collection."""
        members = self._names()
        known = {entity.name for entity in self._table.entities if entity.aliases and entity.name in members}
        return [name for name, forms in members.items()
                if name not in self._hidden and (set(forms) - {name} or self._extra.get(name) or name in known)]

    def types(self) -> Mapping[str, str]:
        """Each name's type ("person" or "org"), as info(name).type but without describing every name."""
        if self._types is None:
            types = {named: kind for named, kind in self._final.values()}
            types.update(self._kind)
            self._types = types
        return self._types

    def type_of(self, name: str) -> str:
        """`name`'s type, as types()[name], looked up without making the map of every name when the name
        is one of its own raw forms (as most are): a fresh process's facet values need a few hundred."""
        kind = self._kind.get(name)
        if kind:
            return kind
        for raw_kind in ("person", "org"):
            named = self._final.get((name, raw_kind))
            if named is not None and named[0] == name:
                return named[1]
        return self.types().get(name, "")

    def raw_forms(self, name: str) -> tuple[str, ...]:
        """The raw names in the index that count for `name` (in articles without a split)."""
        return tuple(self._names().get(name, ()))

    def find(self, name: str) -> str | None:
        """The name `name` (a name, an alias or a raw form as the user typed it) stands for, or None."""
        names = self._names()
        if name in names:
            return name
        if self._by_key is None:
            by_key: dict[str, str] = {}
            for info in self.entities():
                for form in info.aliases:
                    by_key.setdefault(name_key(form), info.name)
            for display in names:
                by_key[name_key(display)] = display  # a name always finds itself
            self._by_key = by_key
        return self._by_key.get(name_key(name))

    def close_matches(self, name: str, limit: int = 5) -> list[str]:
        """Names a mistyped `name` may have meant."""
        keys = {name_key(n): n for n in self._names()}
        found = difflib.get_close_matches(name_key(name), list(keys), n=limit, cutoff=0.6)
        return [keys[k] for k in found]

    def forms(self, name: str) -> tuple[str, ...]:
        """Every way the articles and the table write `name`: itself, its raw forms and its aliases."""
        info = self._describe(name)
        if info is None:
            return (name,)
        return tuple(dict.fromkeys((info.name, *info.forms, *info.aliases)))
