"""One entity per person or organisation: linking the forms of a name within an article and across articles.

Within an article, "Mr Galloway", "Galloway" and "G. Galloway" go to the full name "George Galloway"
introduced in the same article (the most recently mentioned one when two share the surname); "Sir
Digby" goes to the one "Digby Jones"; acronyms go to their long form (see `orgs.link_acronyms`); party
forms ("Tories", "Tory") go to one party under the fullest form the article uses.

Across articles, `resolve_names` applies one rule to the person names of a whole collection: a short
form (a bare surname "Galloway", or an initial and surname "G. Galloway") maps to the one full name in
the collection with that surname (and that initial), when there is exactly one; otherwise it stays as
it is. Full names are never merged with each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from searchapp.core.extract import orgs
from searchapp.core.extract.gazetteer import NAME_GENDER, PLACES
from searchapp.core.extract.lexicon import NON_ORG_ACRONYMS, PARTY_FORMS
from searchapp.core.extract.names import Mention
from searchapp.core.extract.tokens import Doc

_FIRST_NAME_TITLES = frozenset("Sir Dame Lord Lady Prince Princess King Queen".split())


_TITLE_GENDER = {
    **dict.fromkeys(
        "Mr Sir Lord King Prince Father Brother Duke Baron Earl Count Herr Monsieur".split(), "m"
    ),
    **dict.fromkeys(
        "Mrs Ms Miss Dame Lady Queen Princess Sister Duchess Baroness Countess Mme Mlle Frau Madame".split(),
        "f",
    ),
}
_ROLE_GENDER = {
    **dict.fromkeys(
        """spokesman chairman businessman husband father son brother boy man actor king prince
        congressman sportsman""".split(),
        "m",
    ),
    **dict.fromkeys(
        """spokeswoman chairwoman businesswoman wife mother daughter sister girl woman actress widow queen
        princess congresswoman sportswoman""".split(),
        "f",
    ),
}


@dataclass(eq=False)
class Entity:
    kind: str  # "person" or "org"
    forms: list[str] = field(default_factory=list)  # every name form, in order of appearance
    surfaces: list[str] = field(default_factory=list)  # forms as written, with honorifics ("Ms Hewitt")
    mentions: list[Mention] = field(default_factory=list)
    name: str = ""

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        if mention.text not in self.forms:
            self.forms.append(mention.text)
        if mention.surface not in self.surfaces:
            self.surfaces.append(mention.surface)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(s for s in self.surfaces if s != self.name)

    @property
    def role(self) -> str:
        return next((m.role for m in self.mentions if m.role), "")

    @property
    def gender(self) -> str:
        """ "m" or "f" as a title, a role or the first name shows it ("Mrs", "spokeswoman", "Susan"), else ""."""
        for m in self.mentions:
            if m.title.split()[-1:] and m.title.split()[-1] in _TITLE_GENDER:
                return _TITLE_GENDER[m.title.split()[-1]]
        for m in self.mentions:
            found = {_ROLE_GENDER[w] for w in m.role.lower().split() if w in _ROLE_GENDER}
            if len(found) == 1:
                return found.pop()
        first = max(self.forms, key=lambda f: len(f.split())).split()[0]
        return NAME_GENDER.get(first, "u").replace("u", "") if " " in self.name else ""


_SUFFIXES = frozenset("Jr Sr II III IV".split())


def surname(name: str) -> str:
    """The last word of a person's name that is no suffix: "Kennedy" in "James Kennedy Jr"."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES:
        words.pop()
    return words[-1]


def _compatible_first(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _people(mentions: list[Mention], speakers: set[int]) -> list[Entity]:
    entities: list[Entity] = []
    by_mention: dict[int, Entity] = {}

    def same_person(tokens: list[str]) -> Entity | None:
        return next(
            (
                e
                for e in entities
                if surname(e.forms[0]) == surname(" ".join(tokens))
                and _compatible_first(e.forms[0].split()[0], tokens[0])
            ),
            None,
        )

    for m in mentions:
        if m.kind == "person" and " " in m.text:
            match = same_person(m.text.split())
            if match is None:
                match = Entity("person")
                entities.append(match)
            match.add(m)
            by_mention[id(m)] = match
    titled_surnames = {m.text for m in mentions if m.kind == "person" and " " not in m.text}
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
                by_mention[id(m)] = entity
            continue
        word = tokens[0]
        candidates = [e for e in entities if surname(e.forms[0]) == word and " " in e.forms[0]]
        if not candidates and (m.title in _FIRST_NAME_TITLES or m.kind != "person"):
            candidates = [e for e in entities if e.forms[0].split()[0] == word and " " in e.forms[0]]
        if candidates:
            target = max(
                candidates,
                key=lambda e: (
                    max(x.start for x in e.mentions if x.start < m.start)
                    if any(x.start < m.start for x in e.mentions)
                    else -1
                ),
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


def _bracketed(doc: Doc, org_mentions: list[Mention]) -> dict[str, str]:
    """ "Long Form (ACR)" and "ACR (Long Form)" pairs written in the article (both become organisations)."""
    start_at = {m.first: m for m in org_mentions}
    pairs: dict[str, str] = {}
    for m in org_mentions:
        k = m.end
        if k + 2 >= len(doc) or doc.words[k] != "(":
            continue
        other = start_at.get(k + 1)
        if other is None:
            continue
        close = other.end + (1 if other.end < len(doc) and doc.kinds[other.end] == "s" else 0)
        if close >= len(doc) or doc.words[close] != ")":
            continue
        short, long_ = (other.text, m.text) if " " not in other.text else (m.text, other.text)
        if " " in short or " " not in long_:
            continue
        if m.kind == "org" or other.kind == "org" or orgs.acronym_matches(short, long_, tolerant=False):
            m.kind = other.kind = "org"
            pairs[short] = long_
    for m in org_mentions:
        if m.text in pairs:
            m.kind = "org"  # every other "Cepes" of the article too
    return pairs


def _organisations(doc: Doc, mentions: list[Mention]) -> list[Entity]:
    bracketed = _bracketed(doc, [m for m in mentions if m.kind != "person"])
    org_mentions = [m for m in mentions if m.kind == "org"]
    texts = list(dict.fromkeys(m.text for m in org_mentions))
    long_forms = [t for t in texts if " " in t]
    # untyped full names an organisation's shorter form may stand for: "McCarran International Airport"
    untyped = list(
        dict.fromkeys(
            m.text
            for m in mentions
            if m.kind == "unknown" and " " in m.text and doc.story(m.start) and len(m.text.split()) <= 6
        )
    )
    acronyms = [t for t in texts if orgs.is_acronym(t)]
    links = orgs.link_acronyms(acronyms, long_forms, bracketed)
    squeezed: dict[str, str] = {}
    for lf in long_forms:
        squeezed.setdefault(_squeeze(lf), lf)
    present = set(texts)
    canonical: dict[str, str] = {}
    for forms in PARTY_FORMS.values():
        used = [f for f in forms if f in present]
        for f in used:
            canonical[f] = used[0]
    for t in texts:
        if t in canonical:
            continue
        if t in bracketed:
            canonical[t] = bracketed[t]  # "Cepes (Peruvian Centre for Social Studies)"
        elif t in links:
            canonical[t] = links[t]
        elif orgs.generic(t) or (" " not in t and t.isupper() and orgs.shouted(t, _lower_words(doc))):
            # "the Bank" is the article's one "Bank of ..." or one "... Bank"; with none or several, nobody.
            own = [lf for lf in long_forms if not orgs.generic(lf)]
            heads = [lf for lf in own if lf.split()[0].lower() == t.lower()]
            heads = heads or [lf for lf in own if lf.split()[-1].lower() == t.lower()]
            canonical[t] = heads[0] if len(heads) == 1 and orgs.generic(t) else ""
        elif squeezed.get(_squeeze(t), t) != t:
            canonical[t] = squeezed[_squeeze(t)]  # "TimeWarner" is "Time Warner", "US Army" "U.S. Army"
        elif " " not in t and not orgs.is_acronym(t):
            # "Pernod" is "Pernod Ricard"; but "IAAF" is not its "IAAF Council"
            longer = [lf for lf in long_forms if lf.split()[0] == t and not orgs.is_place([t])]
            # "Cardinals" is "Arizona Cardinals", "Times" the one "New York Times"
            longer = longer or [lf for lf in long_forms if lf.split()[-1] == t and not orgs.generic(t)]
            canonical[t] = longer[0] if len(longer) == 1 else t
        else:
            canonical[t] = (" " in t and _fuller(t, long_forms + untyped)) or t
    targets = set(canonical.values())
    for m in mentions:
        if m.kind == "unknown" and m.text in targets:
            m.kind = "org"
            canonical[m.text] = m.text
            org_mentions.append(m)
    entities: dict[str, Entity] = {}
    for m in sorted(org_mentions, key=lambda m: m.start):
        key = canonical[m.text]
        if not key:
            continue
        entity = entities.setdefault(key, Entity("org", name=key))
        entity.add(m)
    return list(entities.values())


_PARENT_WORDS = frozenset("Group Holdings Inc Corp Ltd plc Co LLC AG SA NV Company Corporation".split())
_FUNCTION_WORDS = frozenset("the of for and & 's ’s".split())


def _content(name: str) -> list[str]:
    return [
        w
        for w in name.lower().replace(".", "").replace("'s", "").replace("’s", "").split()
        if w not in _FUNCTION_WORDS
    ]


def _subsequence(short: list[str], long_: list[str]) -> bool:
    rest = iter(long_)
    return all(word in rest for word in short)


def _fuller(name: str, long_forms: list[str]) -> str:
    """The one fuller form of an organisation's name in the article: "McCarran Airport" is "McCarran
    International Airport", "Las Vegas police" the "Las Vegas Metropolitan Police Department", "Justice
    Department" the "Department of Justice", "New York Times" "The New York Times"."""
    words = _content(name)
    if len(words) < 2:
        return ""  # "The Times" may be any "... Times"
    found = [
        lf
        for lf in long_forms
        if lf != name
        and " and " not in lf  # "Daily and Sunday Telegraph" is two papers
        and lf.split()[-1] not in _PARENT_WORDS  # "American Airlines Group" owns "American Airlines"
        and len(_content(lf)) >= len(words)
        and (
            (len(_content(lf)) > len(words) and _subsequence(words, _content(lf)))
            or (sorted(_content(lf)) == sorted(words) and len(lf.split()) > len(name.split()))
        )
    ]
    return found[0] if len(found) == 1 else ""


def _lower_words(doc: Doc) -> set[str]:
    """Words written in lower case outside quotations, where "think tbwa shd" is a hurried message."""
    return {w for w, q in zip(doc.words, doc.quote, strict=True) if q < 0 and w[0].islower()}


def _squeeze(name: str) -> str:
    return name.replace(" ", "").replace(".", "").lower()


def resolve_mentions(
    doc: Doc, mentions: list[Mention], speakers: set[int], voiced: frozenset[int] = frozenset()
) -> dict[int, Entity]:
    """Entity of each kept mention (by id); untyped mentions are typed here or dropped. `speakers` are
    the mentions that speak, `voiced` those that speak through a spokesperson."""
    _type_speaking_surnames(mentions, speakers)
    for m in mentions:
        if m.kind != "unknown" or id(m) not in speakers:
            continue
        last = m.text.split()[-1]
        if " " in m.text and last not in NON_ORG_ACRONYMS:
            # An untyped full name that speaks is a person ("Ri Chun Hee, a newsreader, declared"),
            # unless it takes an article ("the Rodong Sinmun said"), ends in a place ("Athletics
            # Ireland said") or "it" takes it up ("Dimension Data said it would ...").
            article = m.text.startswith("The ") or doc.words[m.first - 1 : m.first] in (["The"], ["the"])
            organisation = article or last in PLACES or _neuter_pronoun_follows(doc, m)
            m.kind = "org" if organisation else "person"
        elif " " in m.text or orgs.is_place([m.text]):
            continue
        elif orgs.is_acronym(m.text) or id(m) in voiced:
            m.kind = "org"  # "BP said", "a spokesman for Telvo said"
        elif _pronoun_follows(doc, m, _PERSONAL):
            m.kind = "person"  # "Lee told a TV station he had seen it"
    people = _people(mentions, speakers)
    found = people + _organisations(doc, mentions)
    return {id(m): e for e in found for m in e.mentions}


_NEUTER = frozenset("it its It Its".split())
_PERSONAL = frozenset("he she his her him He She His Her".split())


def _pronoun_follows(doc: Doc, m: Mention, pronouns: frozenset[str]) -> bool:
    return any(
        doc.words[k] in pronouns and doc.quote[k] < 0 for k in range(m.end, doc.sentence_end(m.end - 1))
    )


def _neuter_pronoun_follows(doc: Doc, m: Mention) -> bool:
    return _pronoun_follows(doc, m, _NEUTER)


def _type_speaking_surnames(mentions: list[Mention], speakers: set[int]) -> None:
    """A lone untyped word that speaks is a person when the article writes a full name ending in it,
    and an organisation when it writes an organisation's name starting with it ("Marsh said")."""
    for m in mentions:
        if m.kind != "unknown" or id(m) not in speakers or " " in m.text:
            continue
        full = [o for o in mentions if o.kind != "org" and " " in o.text and o.text.split()[-1] == m.text]
        if not full and any(o.kind == "org" and o.text.split()[0] == m.text for o in mentions if o is not m):
            m.kind = "org"
        elif full:
            for o in full:
                o.kind = "person"
            m.kind = "person"


def resolve_names(names: Iterable[str]) -> dict[str, str]:
    """Map each short person name form to the one full name in the collection it stands for.

    A bare surname ("Galloway") maps to the only full name ending in that surname; "G. Galloway"
    maps to the only full name with that surname whose first name starts with G. Names with no such
    unique full name, and all full names, map to themselves.
    """
    unique = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    full_by_surname: dict[str, list[str]] = {}
    for name in unique:
        tokens = name.split()
        if len(tokens) >= 2 and len(tokens[0].rstrip(".")) > 1:
            full_by_surname.setdefault(tokens[-1], []).append(name)
    result: dict[str, str] = {}
    for name in unique:
        tokens = name.split()
        candidates: list[str] = []
        if len(tokens) == 1:
            candidates = full_by_surname.get(tokens[0], [])
        elif len(tokens) == 2 and len(tokens[0].rstrip(".")) == 1:
            initial = tokens[0][0]
            candidates = [f for f in full_by_surname.get(tokens[1], []) if f[0] == initial]
        result[name] = candidates[0] if len(candidates) == 1 else name
    return result
