"""The collection's own rules for joining name forms, before any user correction.

In this order, for the raw names the extractor wrote across the whole collection:
1. Forms of one name written differently ("U.S. Army" / "US Army", "José" / "Jose", "Kim Jong-un" /
   "Kim Jong Un", and for organisations the legal form: "Boeing Co" / "Boeing") join the form the
   collection uses in the most articles.
2. A form in the known-aliases table joins the table's canonical name ("Tories" -> "Conservative Party").
3. A bare surname ("Galloway") joins the one full name in the collection ending in it (unless the
   collection also uses it as a first name: "Charles" may be Charles Kennedy, Prince Charles or Ray
   Charles), and an initial and
   surname ("G. Galloway") the one full name with that surname and initial; an acronym ("IPCC")
   joins the one long form in the collection whose initials it is. With no such name, or more than
   one, the form stays as it is. Full names are never joined with each other.
`collection_names` applies them to people and organisations, then gives each name one type (what most
of its articles make it) and marks the names the articles show to be works: what a name book starts
from (core/entities/book.py), kept between processes by core/entities/cache.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from searchapp.core.entities.aliases import AliasTable
from searchapp.core.entities.keys import name_key, org_key
from searchapp.core.extract.orgs import initials, is_acronym

Named = tuple[str, str]  # (name, type)
RawName = tuple[str, str]  # (name as the article wrote it, the type the extractor gave it)


def _group(values: Mapping[str, int], key) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for value in values:
        groups.setdefault(key(value) or value, []).append(value)
    return groups


def _most_used(members: list[str], counts: Mapping[str, int]) -> str:
    # The form in the most articles; on a tie the longer (fuller) one, then a fixed order.
    return max(members, key=lambda m: (counts[m], len(m), m))


def _tokens(name: str) -> list[str]:
    return name.split()


def _is_full(tokens: list[str]) -> bool:
    return len(tokens) >= 2 and len(tokens[0].rstrip(".")) > 1


def _initial_form(tokens: list[str]) -> bool:
    return len(tokens) == 2 and len(tokens[0].rstrip(".")) == 1


def organisation_names(counts: Mapping[str, int], table: AliasTable) -> dict[str, Named]:
    """Raw organisation name -> (canonical name, type)."""
    groups = _group(counts, org_key)
    named: dict[str, Named] = {}
    for key, members in groups.items():
        known = next((k for k in map(table.lookup, members) if k is not None), None)
        named[key] = (known.name, known.type) if known else (_most_used(members, counts), "org")
    # Acronyms of the collection's long forms, by their initials (both with and without minor words).
    long_forms: dict[str, set[str]] = {}
    for key in groups:
        name = named[key][0]
        if len(name.split()) >= 2:
            for letters in {initials(name), "".join(w[0].upper() for w in name.split() if w[0].isalpha())}:
                if len(letters) >= 2:
                    long_forms.setdefault(letters, set()).add(key)
    for key, members in groups.items():
        name, kind = named[key]
        if kind != "org" or " " in name or not is_acronym(name) or any(table.lookup(m) for m in members):
            continue
        letters = "".join(c for c in name.upper() if c.isalpha())
        targets = {named[k] for k in long_forms.get(letters, ()) if k != key}
        if len(targets) == 1:
            named[key] = targets.pop()
    return {raw: named[key] for key, members in groups.items() for raw in members}


def person_names(counts: Mapping[str, int], table: AliasTable) -> dict[str, Named]:
    """Raw person name -> (canonical name, type)."""
    groups = _group(counts, name_key)
    named: dict[str, Named] = {}
    for key, members in groups.items():
        # A form the table knows is what the table says, an organisation too ("United Nations" is
        # never a person, whatever one article's sentence made of it).
        known = next((k for k in map(table.lookup, members) if k is not None), None)
        named[key] = (known.name, known.type) if known else (_most_used(members, counts), "person")
    full_by_surname: dict[str, set[Named]] = {}
    first_names: set[str] = set()
    for name, kind in named.values():
        tokens = _tokens(name)
        if kind == "person" and _is_full(tokens):
            full_by_surname.setdefault(name_key(tokens[-1]), set()).add((name, kind))
            first_names.add(name_key(tokens[0]))
    for key in named:
        tokens = _tokens(named[key][0])
        candidates: set[Named] = set()
        if len(tokens) == 1 and name_key(tokens[0]) not in first_names:
            # A word the collection also uses as a first name ("Charles": Charles Kennedy, Prince
            # Charles, Ray Charles) gives more than one answer: it stays.
            candidates = full_by_surname.get(name_key(tokens[0]), set())
        elif _initial_form(tokens):
            initial = tokens[0][0].lower()
            candidates = {
                full for full in full_by_surname.get(name_key(tokens[1]), set()) if full[0][0].lower() == initial
            }
        if len(candidates) == 1:
            named[key] = next(iter(candidates))
    return {raw: named[key] for key, members in groups.items() for raw in members}


def _one_type_per_name(base: dict[RawName, Named], weights: Mapping[RawName, int]) -> None:
    """One name, one type: a name that is a person in some articles and an organisation in others
    ("Ford") is what most of its articles make it (in place)."""
    votes: dict[str, dict[str, int]] = {}
    for raw, (name, kind) in base.items():
        by_kind = votes.setdefault(name, {})
        by_kind[kind] = by_kind.get(kind, 0) + weights.get(raw, 1)
    decided = {
        name: max(by_kind, key=lambda kind, b=by_kind: (b[kind], kind == "org"))
        for name, by_kind in votes.items()
        if len(by_kind) > 1
    }
    if decided:
        for raw, (name, kind) in base.items():
            if name in decided and decided[name] != kind:
                base[raw] = (name, decided[name])


def collection_names(people: Mapping[str, int], orgs: Mapping[str, int], table: AliasTable,
                     works: Mapping[str, int] | None = None) -> dict[RawName, Named]:
    """Each raw name (with its type) -> the name it counts as by the known aliases and the collection's
    rules, before any correction: the costly part of a book, from the raw names and their article counts
    (and `works`: the articles in which each name was shown to be a work; see `_works`)."""
    base: dict[RawName, Named] = {}
    for raw, named in person_names(people, table).items():
        base[(raw, "person")] = named
    for raw, named in organisation_names(orgs, table).items():
        base[(raw, "org")] = named
    weights = {**{(raw, "person"): n for raw, n in people.items()}, **{(raw, "org"): n for raw, n in orgs.items()}}
    _one_type_per_name(base, weights)
    if works:
        _works(base, weights, works)
    return base


WORK = "work"  # the type `collection_names` gives a name the collection shows to be a work


def _works(base: dict[RawName, Named], weights: Mapping[RawName, int], works: Mapping[str, int]) -> None:
    """A name that the collection's articles show to be a work, an event or a product ("the drama Vera
    Drake", "the Harry Potter films") in at least two articles, and in at least a quarter as many as
    name it as a person or an organisation, is a work in every article (in place): "Vera Drake" is the
    film in 18 BBC articles and looked like a person in 4 others; "Franz Ferdinand", a band in 4 and
    written like a person in 16. A name a user shows again (`show`) comes back."""
    written: dict[str, int] = {}
    for raw, (name, _kind) in base.items():
        written[name] = written.get(name, 0) + weights.get(raw, 1)
    shown: dict[str, int] = {}
    for work, count in works.items():
        named = base.get((work, "person")) or base.get((work, "org"))
        if named is not None:
            shown[named[0]] = shown.get(named[0], 0) + count
    hidden = {name for name, count in shown.items() if count >= 2 and 4 * count >= written[name]}
    if hidden:
        for raw, (name, _kind) in base.items():
            if name in hidden:
                base[raw] = (name, WORK)
