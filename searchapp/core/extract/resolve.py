"""One entity per person or organisation: linking the forms of a name within an article and across articles.

Within an article, "Mr Galloway", "Galloway" and "G. Galloway" go to the full name "George Galloway"
introduced in the same article (the most recently mentioned one when two share the surname); "Sir
Digby" goes to the one "Digby Jones"; organisations' forms are linked by orgnames.py. Untyped names
that speak are typed here from their context.

Across articles, names are joined at query time by `core.entities` (known aliases, the collection's
rules and the user's corrections).
"""

from __future__ import annotations

import functools

from searchapp.core.extract import orgs
from searchapp.core.extract.entity import Entity
from searchapp.core.extract.gazetteer import PLACES
from searchapp.core.extract.lexicon import KNOWN_ORGS, NON_ORG_ACRONYMS, ORG_WORDS
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.orgnames import organisations
from searchapp.core.extract.tokens import Doc
from searchapp.core.extract.works import drop_works

_FIRST_NAME_TITLES = frozenset("Sir Dame Lord Lady Prince Princess King Queen".split())


_SUFFIXES = frozenset("Jr Sr II III IV".split())


@functools.lru_cache(maxsize=4096)
def surname(name: str) -> str:
    """The last word of a person's name that is no suffix: "Kennedy" in "James Kennedy Jr"."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES:
        words.pop()
    return words[-1]


def _part_of(short: list[str], full: list[str]) -> bool:
    """ "Hawk Sawyer" of "Kathleen Hawk Sawyer", "Amina Ali" of "Amina Ali Nkeki": two words or more that
    open or close a longer name."""
    n = len(short)
    return 2 <= n < len(full) and (full[:n] == short or full[-n:] == short)


def _compatible_first(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _people(mentions: list[Mention], speakers: set[int]) -> list[Entity]:
    entities: list[Entity] = []
    by_mention: dict[int, Entity] = {}
    # An entity's first form, the one its mentions are matched against, as (surname, words): worked
    # out once per form, not once per mention and entity.
    parts: dict[str, tuple[str, list[str]]] = {}

    def first_form(entity: Entity) -> tuple[str, list[str]]:
        form = entity.forms[0]
        found = parts.get(form)
        if found is None:
            found = parts[form] = (surname(form), form.split())
        return found

    def same_person(tokens: list[str]) -> Entity | None:
        last = surname(" ".join(tokens))
        for e in entities:
            e_last, e_words = first_form(e)
            if (e_last == last and _compatible_first(e_words[0], tokens[0])) or _part_of(tokens, e_words):
                return e
        return None

    for m in mentions:
        if m.kind == "person" and " " in m.text:
            match = same_person(m.text.split())
            if match is None:
                match = Entity("person")
                entities.append(match)
            match.add(m)
            by_mention[id(m)] = match
    titled_surnames = {m.text for m in mentions if m.kind == "person" and " " not in m.text}
    # surname -> the entities with a full name ending in it, kept up to date as forms are added
    with_surname: dict[str, list[Entity]] = {}

    def index(entity: Entity, form: str) -> None:
        if " " in form and entity not in with_surname.setdefault(surname(form), []):
            with_surname[surname(form)].append(entity)

    for entity in entities:
        for form in entity.forms:
            index(entity, form)
    for m in mentions:
        if id(m) in by_mention or m.kind == "org":
            continue
        tokens = m.text.split()
        if len(tokens) > 1:
            # An untyped full name that speaks, or whose surname the article also writes with a title.
            entity = same_person(tokens)
            if entity is None and surname(m.text) in titled_surnames:
                entity = Entity("person")
                entities.append(entity)
            if entity is not None:
                m.kind = "person"
                entity.add(m)
                index(entity, m.text)
                by_mention[id(m)] = entity
            continue
        word = tokens[0]
        candidates = [e for e in with_surname.get(word, ()) if " " in e.forms[0]]
        candidates += [e for e in entities if word in e.forms and " " in e.forms[0] and e not in candidates]
        candidates.sort(key=entities.index)
        if not candidates and (m.title in _FIRST_NAME_TITLES or m.kind != "person"):
            candidates = [e for e in entities if first_form(e)[1][0] == word and " " in e.forms[0]]
        if candidates:
            target = max(
                candidates, key=lambda e: max((x.start for x in e.mentions if x.start < m.start), default=-1)
            )
        elif m.kind == "person":
            target = next((e for e in entities if e.forms[0] == word), None) or Entity("person")
            if target not in entities:
                entities.append(target)
        else:
            continue
        m.kind = "person"
        target.add(m)
        by_mention[id(m)] = target
    for e in entities:
        e.name = max(e.forms, key=lambda f: (len(f.split()), len(f)))
    return entities


def resolve_mentions(
    doc: Doc, mentions: list[Mention], speakers: set[int], voiced: frozenset[int] = frozenset()
) -> dict[int, Entity]:
    """Entity of each kept mention (by id); untyped mentions are typed here or dropped. `speakers` are
    the mentions that speak, `voiced` those that speak through a spokesperson."""
    _people_run_on_from_organisations(doc, mentions, speakers)
    _type_speaking_surnames(mentions, speakers)
    _people_named_like_companies(mentions)
    for m in mentions:
        if m.kind != "unknown" or id(m) not in speakers:
            continue
        last = m.text.split()[-1]
        if " " in m.text and last not in NON_ORG_ACRONYMS:
            # An untyped full name that speaks is a person ("Ri Chun Hee, a newsreader, declared"),
            # unless it takes an article ("the Rodong Sinmun said"), ends in a place ("Athletics
            # Ireland said") or "it" takes it up ("Dimension Data said it would ...").
            article = m.text.startswith("The ") or doc.words[m.first - 1 : m.first] in (["The"], ["the"])
            organisation = article or last in PLACES or id(m) in voiced or _neuter_pronoun_follows(doc, m)
            m.kind = "org" if organisation else "person"
        elif " " in m.text or orgs.is_place([m.text]):
            continue
        elif orgs.is_acronym(m.text) or id(m) in voiced:
            m.kind = "org"  # "BP said", "a spokesman for Telvo said"
        elif _pronoun_follows(doc, m, _PERSONAL):
            m.kind = "person"  # "Lee told a TV station he had seen it"
    people = _people(mentions, speakers)
    found = drop_works(doc, people + organisations(doc, mentions), speakers)
    return {id(m): e for e in found for m in e.mentions}


def _people_run_on_from_organisations(doc: Doc, mentions: list[Mention], speakers: set[int]) -> None:
    """ "A psychology major at University of Texas Arlington Amneh Jafari heard ... Jafari said": an
    organisation's name run on into a person's (no comma between), told apart by the person's surname
    speaking on its own elsewhere in the article. The two last words become a person's name."""
    alone = {m.text for m in mentions if m.kind != "org" and " " not in m.text and id(m) in speakers}
    if not alone:
        return
    for k in range(len(mentions) - 1, -1, -1):
        m = mentions[k]
        words = m.text.split()
        if m.kind != "org" or len(words) < 4 or words[-1] not in alone or m.end - m.start != len(words):
            continue
        given = words[-2]
        if not given[:1].isupper() or given in ORG_WORDS or words[-3] in _JOINING or doc.words[m.end - 2] != given:
            continue
        person = Mention(m.end - 2, m.end, " ".join(words[-2:]), "person", quoted=m.quoted, first=m.end - 2)
        m.end -= 2
        m.text = " ".join(words[:-2])
        mentions.insert(k + 1, person)


_JOINING = frozenset("of for and & the de du la".split())  # "Bank of England Governor", not a run-on name
_NEUTER = frozenset("it its It Its".split())
_PERSONAL = frozenset("he she his her him He She His Her".split())


def _pronoun_follows(doc: Doc, m: Mention, pronouns: frozenset[str]) -> bool:
    return any(
        doc.words[k] in pronouns and doc.quote[k] < 0 for k in range(m.end, doc.sentence_end(m.end - 1))
    )


def _neuter_pronoun_follows(doc: Doc, m: Mention) -> bool:
    return _pronoun_follows(doc, m, _NEUTER)


def _people_named_like_companies(mentions: list[Mention]) -> None:
    """ "Christine Blasey Ford testified ... Ford said": a known company's name that is the surname of
    a person the article names is that person. And the other way round: "Merrill Lynch said" in an
    article that names "Merrill Lynch and Co Inc" is the firm, named after its founders."""
    surnames = {surname(m.text) for m in mentions if m.kind == "person" and " " in m.text}
    firms = [m.text for m in mentions if m.kind == "org" and " " in m.text]
    for m in mentions:
        if m.kind == "org" and m.text in surnames and m.text in KNOWN_ORGS:
            m.kind = "person"
        elif m.kind == "person" and not m.title and not m.role and " " in m.text and firms:
            start = m.text + " "
            if any(firm.startswith(start) and firm.split()[len(m.text.split())] in _FIRM_WORDS for firm in firms):
                m.kind = "org"


# What follows a founder's name in a firm's: "Merrill Lynch and Co", "Morgan Stanley Group Inc".
_FIRM_WORDS = frozenset("and & Co Corp Inc Ltd plc PLC Group Holdings Capital Securities Asset International".split())


def _type_speaking_surnames(mentions: list[Mention], speakers: set[int]) -> None:
    """A lone untyped word that speaks is a person when the article writes a full name ending in it,
    and an organisation when it writes an organisation's name starting with it ("Marsh said")."""
    lone = [m for m in mentions if m.kind == "unknown" and id(m) in speakers and " " not in m.text]
    if not lone:
        return
    full_names = [o for o in mentions if o.kind != "org" and " " in o.text]
    for m in lone:
        full = [o for o in full_names if o.text.split()[-1] == m.text]
        if not full and any(o.kind == "org" and o.text.split()[0] == m.text for o in mentions if o is not m):
            m.kind = "org"
        elif full:
            for o in full:
                o.kind = "person"
            m.kind = "person"
