"""Titles of works written like names: films, books, series, bands, programmes and their characters.

"Vera Drake", "Harry Potter", "James Bond" and "Franz Ferdinand" read as people (a given name and a
capitalised word), "Go Digital" as an organisation. Neither lists of films nor of characters are kept:
the article says what they are, in the words around a mention:
- a noun for a work or a band just before the name: "the drama Vera Drake", "the band Franz
  Ferdinand", "the programme Go Digital";
- a name used as a modifier of such a noun: "the Harry Potter series", "James Bond films",
  "Franz Ferdinand frontman Alex Kapranos", "Vera Drake star Imelda Staunton";
- a name listed after works: "films such as Harry Potter", "movies like ...";
- a part played in it: "her role in Vera Drake", "starring in ...";
- a person's possession that is itself written as a name: "Mike Leigh's Vera Drake";
- for an organisation's name, a version after it: "Windows XP".
A name that speaks or has a title anywhere in the article ("Mr Bond said") is a person whatever else is
said of it; otherwise one such mention makes it a work, and a work is neither a person nor an
organisation.
"""

from __future__ import annotations

from searchapp.core.extract import orgs
from searchapp.core.extract.entity import Entity
from searchapp.core.extract.gazetteer import GIVEN_NAMES
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that name the work or the band written after them.
_BEFORE = _words(
    """
    film movie drama comedy thriller musical novel album sitcom soap documentary biopic blockbuster
    sequel band programme cartoon character franchise
    """
)
# What an actor has in a work: "her role in Vera Drake", "starring in Shaun of the Dead".
_PARTS_IN = _words(
    """role roles part parts performance performances appearance appearances cameo starring starred
    stars star appears appeared"""
)
# Nouns for the people of a work or a band, that its name modifies: "Vera Drake star Imelda Staunton",
# "Harry Potter author JK Rowling", "Franz Ferdinand frontman Alex Kapranos".
_AFTER = _words(
    """
    franchise sequel sequels theme soundtrack star co-star actor actress author creator director producer
    frontman frontwoman character characters
    """
)
# Plural works that a name modifies after "the": "the Harry Potter films" (but "34 John Wayne films"
# are the actor's).
_SOME_WORKS = _words("series films movies books novels games")
# Nouns for one work, that a name modifies after an ordinal: "the third Harry Potter film" (but "the
# Mike Leigh film" is the director's).
_ONE_WORK = _words("film movie book novel game album DVD")
_ORDINALS = _words("new latest next first second third fourth fifth sixth seventh final")
# Nouns for a band written before its name: "Glasgow group Franz Ferdinand" (an organisation named so is
# "the pressure group Liberty", and stays; "Croatian duo Ivan Ljubicic and Mario Ancic" are two people).
_BANDS = _words("group outfit")
# A name that takes a plural verb is a band or a team, not a person: "Franz Ferdinand, who were ...".
_PLURAL_VERBS = _words("were are have")
_INSIDE_TITLES = _words("of the and")
_COORDINATION = _words("and & with")
# Plural nouns of works that a list of their titles follows: "films such as Harry Potter".
_WORKS = _words("films movies books novels series shows programmes albums titles bands hits")
_LISTING = _words("as like including")
# What a real person's name modifies after a possessive: "Martin Scorsese's Howard Hughes biopic".
_ABOUT = _words("biopic biography story life film documentary")


def _work_context(doc: Doc, m: Mention, kind: str) -> bool:
    """Whether the words around mention m say it names a work. Only full names are judged: a lone
    "Ray" in "the biopic Ray" is the film, not Ray Charles whom the article also names."""
    if " " not in m.text:
        return False
    words = doc.words
    first = m.first if m.first >= 0 else m.start
    before = words[first - 1] if first > 0 else ""
    if before in _BEFORE and doc.para[first - 1] == doc.para[first]:
        return True
    if kind != "person":
        return False  # "Chelsea star Frank Lampard", "appeared in BBC series", "games, like AOL"
    after = words[m.end] if m.end < len(words) else ""
    # "her role in Bertolucci's Last Tango", "in Mike Nichols' Closer": the director's
    owned = m.end < len(words) and (doc.kinds[m.end] == "s" or words[m.end] in ("'", "’"))
    if before == "in" and first > 1 and words[first - 2] in _PARTS_IN and not owned:
        return True
    if before in _LISTING and any(w in _WORKS for w in words[max(0, first - 4) : first - 1]):
        return True
    if after in _AFTER or (after in _ONE_WORK and before in _ORDINALS) or (after in _SOME_WORKS and before == "the"):
        return True
    if before in _BANDS and after not in _COORDINATION and after != ",":
        return True
    verb = after
    if after == "," and words[m.end + 1 : m.end + 2] == ["who"]:
        verb = words[m.end + 2] if m.end + 2 < len(words) else ""
    elif not doc.sent_start[first]:
        verb = ""  # "general manager Steve Keim are": the verb is the pair's
    if verb in _PLURAL_VERBS and not _COORDINATION & set(words[max(0, first - 5) : first]):
        return True  # "Franz Ferdinand, who were shortlisted"; not "Joss Stone and Franz Ferdinand, who were"
    if _INSIDE_TITLES & set(m.text.split()[1:-1]):
        return True  # "Shaun of the Dead": no person's name has "of the" inside without a royal title
    # "Mike Leigh's Vera Drake": a full name owned by a person's full name ("Britain's Tim Henman" is
    # owned by a place, "Microsoft's Bill Gates" by a company, "Scorsese's Howard Hughes biopic" is
    # about the man)
    return (
        first > 2
        and doc.kinds[first - 1] == "s"
        and doc.is_cap(first - 2)
        and words[first - 3] in GIVEN_NAMES
        and after not in _ABOUT
    )


# What follows a product's name and never a company's: "Windows XP", "Windows NT".
_VERSIONS = _words("XP NT ME Vista")


def _product(doc: Doc, m: Mention) -> bool:
    """A name followed by a version: "Windows XP", "Windows NT". A number is not enough: companies
    name their products with numbers ("BAE 146 jets", "Boeing 747"), and numbers follow names in
    tables of figures ("USSR 3400 (3440)")."""
    return m.text.split()[-1] in _VERSIONS or (m.end < len(doc.words) and doc.words[m.end] in _VERSIONS)


def drop_works(doc: Doc, entities: list[Entity], speakers: set[int]) -> list[Entity]:
    """The entities that are not works (see the module's notes), nor the acronym of an event or a work
    the article names ("CES" of "Consumer Electronics Show"). A name found to be a work is one under
    either type ("Glasgow group Franz Ferdinand" read as an organisation, "Franz Ferdinand, who were"
    as a person)."""
    things = {orgs.initials(t) for t in doc.things if " " in t}
    works = set()
    for e in entities:
        if e.kind == "org" and things and all(orgs.is_acronym(f) and f in things for f in e.forms):
            works.add(e.name)
            continue
        personal = any(id(m) in speakers or m.title for m in e.mentions)
        if not personal and any(_work_context(doc, m, e.kind) for m in e.mentions):
            works.add(e.name)
        elif e.kind == "org" and not personal and any(_product(doc, m) for m in e.mentions):
            works.add(e.name)  # a product: "Windows XP", and "Windows" whose version it is
            works.update(form.rsplit(" ", 1)[0] for form in e.forms if " " in form and form.split()[-1] in _VERSIONS)
    if not works:
        return entities
    doc.works = sorted(works)
    return [e for e in entities if e.name not in works]
