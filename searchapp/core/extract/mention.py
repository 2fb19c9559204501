"""One name span of an article read as a mention: its title or role words set apart from the name, and
its type (person, organisation, or unknown until the article's context decides) from its own words and
those around it. core/extract/names.py finds the spans and reads them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from searchapp.core.extract import bodies, orgs, spans
from searchapp.core.extract.gazetteer import GIVEN_NAMES, PLACES
from searchapp.core.extract.lexicon import (
    GENERIC_SOURCES,
    HONORIFICS,
    KNOWN_ORGS,
    NOT_NAME_WORDS,
    NOT_NAMES,
    ORG_WORDS,
    PARTY_MEMBERS,
    ROLE_NOUNS,
    THING_HEADS,
    TITLE_WORDS,
)
from searchapp.core.extract.roles import join
from searchapp.core.extract.tokens import Doc

_PARTY_ADJECTIVES = frozenset("Republican Democrat Democratic Independent Libertarian Green Liberal".split())
# Endings of abstract nouns, never of a surname: "General Election", "General Agreement on Tariffs".
_NOUN_ENDINGS = ("ment", "ments", "tion", "tions", "sion", "sions")
_ROYAL_TITLES = frozenset("King Queen Prince Princess Duke Duchess Emperor Empress Grand".split())
_ARTICLES = frozenset("The Der Die Das".split())
# Capitalised words that name a role before a person: titles, and role nouns written with a capital.
_ROLE_WORDS = TITLE_WORDS | frozenset(w.capitalize() for w in ROLE_NOUNS)


@dataclass
class Mention:
    start: int  # first token of the name itself (titles excluded)
    end: int  # one past the last token
    text: str
    kind: str  # "person", "org", "unknown"
    title: str = ""  # honorific or title words written before the name ("Mr", "Prime Minister")
    role: str = ""
    sure: bool = False  # typed by its own words, not by a guess
    quoted: bool = False  # inside a quotation
    first: int = -1  # first token of the whole span, titles included

    @property
    def surface(self) -> str:
        return f"{self.title} {self.text}".strip() if self.title in HONORIFICS else self.text


def _strip_prefix(doc: Doc, name: list[int]) -> tuple[list[int], list[int]]:
    """Move places, acronyms and party words from the front of a person's name into the role."""
    words = [doc.words[k] for k in name]
    given = next((g for g, w in enumerate(words) if w in GIVEN_NAMES), -1)
    if given > 0 and words[0] not in GIVEN_NAMES and 2 <= len(words) - given <= 4:
        # "Tory Michael Howard", "Chelsea Jose Mourinho", "the Exchequer Gordon Brown" (the end of an
        # office); but "Hernan Dario Gomez" is one name
        after_the = name[0] > 0 and doc.words[name[0] - 1] in ("the", "of")
        if given > 1 or after_the or _prefix_word(words[0]):
            return name[given:], name[:given]
    g = 0
    while len(words) - g > 2 and (
        words[g] in PLACES
        or (orgs.is_acronym(words[g]) and not orgs.dotted(words[g]))
        or orgs.party_canonical(words[g])
        or words[g] == "United"
    ):
        g += 1
    return name[g:], name[:g]


def _no_surname(name: list[str]) -> bool:
    """A one-word name after a title that is an occasion or an abstract noun: "General Election",
    "the General Agreement on Tariffs and Trade"."""
    word = name[0]
    return len(name) == 1 and (
        word in NOT_NAMES or (word.endswith(_NOUN_ENDINGS) and word not in GIVEN_NAMES)
    )


def _without_trailing_initials(doc: Doc, name: list[int]) -> list[int]:
    """ "George H. W" cut short by a sentence break is "George": a name never ends in an initial."""
    while len(name) > 1 and (
        doc.words[name[-1]] == "." or (len(doc.words[name[-1]]) == 1 and doc.cap[name[-1]])
    ):
        name = name[:-1]
    return name


def _prefix_word(word: str) -> bool:
    """A word that may stand before a person's name without being part of it."""
    return (
        word in PLACES
        or word in KNOWN_ORGS
        or word in ORG_WORDS
        or word in TITLE_WORDS
        or orgs.is_acronym(word)
        or bool(orgs.party_canonical(word))
        or word in _PARTY_ADJECTIVES  # "Republican Christine Todd Whitman"
        or not word[-1:].islower()
        or word.lower() in ROLE_NOUNS  # "Novelist Andrea Levy" opening a sentence
        # "Dutchman Patrick van Balkom", "Kenyan", "Blairite Alan Milburn"
        or word.endswith(("man", "woman", "ian", "ese", "ist", "ite"))
    )


def read_mention(
    doc: Doc,
    span: list[int],
    surnames: frozenset[str] = frozenset(),
    vocabulary: frozenset[str] = frozenset(),
) -> Mention | None:
    if len(span) == 1:
        return _one_word(doc, span, vocabulary)
    words = [doc.words[k] for k in span]
    if words[0] in _ARTICLES and len(span) > 1:
        # "The New York Times", "Der Spiegel": an article is part of a title, never of a person's name.
        found = read_mention(doc, span[1:], surnames, vocabulary)
        if found is None and len(span) > 2 and words[-1] in TITLE_WORDS:
            # "The Louisville Cardinal": a title word closing a name after "The" is part of the name
            found = Mention(span[1], span[-1] + 1, join(words[1:]), "unknown", quoted=doc.quote[span[0]] >= 0)
        if (
            found is not None
            and found.kind != "person"
            and (found.start, found.end) == (span[1], span[-1] + 1)
        ):
            found.start, found.text = span[0], f"{words[0]} {found.text}"
            if words[0] != "The" and found.kind == "unknown":
                found.kind, found.sure = "org", True  # "Der Spiegel", "Die Zeit"
        return found
    # "Ms King", and then "Oona King": a title word the article writes after an honorific is a surname;
    # so is one after a given name ("Peter King", "Carole King").
    surname = len(words) >= 2 and (
        (words[-1] in surnames and words[-2] not in TITLE_WORDS - HONORIFICS)
        or (words[-1] in TITLE_WORDS and words[-2] in GIVEN_NAMES and words[-1] not in HONORIFICS)
    )
    titles = words[:-1] if surname else words
    if (
        len(words) == 2
        and words[0] in TITLE_WORDS
        and words[0] in GIVEN_NAMES
        and words[1] not in TITLE_WORDS
    ):
        titles = []  # "Dean Johnson", "Earl Howard": a given name that is also a title
    last_title = max(  # not "Department of Justice", "Court of Chancellors"
        (k for k, w in enumerate(titles) if w in TITLE_WORDS and titles[k - 1 : k] not in (["of"], ["for"])),
        default=-1,
    )
    last_org = orgs.org_word_at(words)
    quoted = doc.quote[span[0]] >= 0
    inner = spans.org_within_role(words)
    if spans.thing(words):
        doc.things.add(join(words))  # "Consumer Electronics Show": its acronym is no organisation either
        return None
    if inner == (0, 0):
        return None
    if words[-1] in PARTY_MEMBERS and orgs.is_place(words[:-1]):
        return None  # "the Ohio Democrat", "the Texas Republican": a description, no name
    if inner is not None:
        a, b = inner
        return Mention(span[a], span[b - 1] + 1, join(words[a:b]), "org", sure=True, quoted=quoted)
    glued = _person_after_role(span, words, quoted)
    if glued is not None:
        return glued  # "Broadcom Chief Executive Hock Tan", "NFL Network Insider Ian Rapoport"
    if last_org < 0:
        end = bodies.institution_end(doc, span)
        if end > 0:  # "Seattle police", "Nigeria's military", "Obama administration"
            text = join(words + doc.words[span[-1] + 1 : end])
            return Mention(span[0], end, text, "org", sure=True, quoted=quoted)
        if last_title < 0 and bodies.team_plural(doc, span, vocabulary):
            return Mention(span[0], span[-1] + 1, join(words), "org", sure=True, quoted=quoted)
    if last_org > last_title or (last_title < 0 and orgs.looks_like_org(words)):
        return Mention(span[0], span[-1] + 1, join(words), "org", sure=True, quoted=quoted)
    if last_title >= 0:
        name = span[last_title + 1 :]
        cut = max(
            (k for k, t in enumerate(name) if doc.words[t] in ("of", "for", "and", "&", "the", "to")),
            default=-1,
        )
        royal = (
            cut > 0
            and doc.words[name[cut]] == "of"
            and words[last_title] in _ROYAL_TITLES
            and orgs.is_place([doc.words[t] for t in name[cut + 1 :]])
        )
        if royal:
            cut = -1  # "Princess Marguerite of Romania", "ex-King Michael of Romania": "of" names the house
        elif cut >= 0 and len(name) - cut - 1 < 2:
            return None  # "Commissioner for Transport", "Secretary of State"
        name = name[cut + 1 :]
        portfolio = (
            name[:-2] if cut >= 0 and len(name) >= 3 else []
        )  # "Minister of Education Stefania Giannini"
        name, prefix = _strip_prefix(doc, name[len(portfolio) :]) if not royal else (name, [])
        given = next((g for g, t in enumerate(name) if doc.words[t] in GIVEN_NAMES), 0)
        if 0 < given <= 2 and len(name) - given >= 2:
            name, prefix = name[given:], prefix + name[:given]  # "Miss Universe Alicia Machado"
        name = _without_trailing_initials(doc, name)
        prefix = portfolio + prefix
        if (
            not name
            or not doc.words[name[0]][0].isupper()  # not even ". Treasury" of "the U.S. Treasury"
            or orgs.is_place([doc.words[k] for k in name])
            or all(doc.words[k] in NOT_NAME_WORDS for k in name)  # "in front of the PC I realised"
            or _no_surname([doc.words[k] for k in name])
        ):
            return None
        title_words = words[: last_title + 1]
        title = join(title_words)
        role = _plausible_role(
            [w for w in title_words if w not in HONORIFICS] + [doc.words[k] for k in prefix]
        )
        return Mention(
            name[0], name[-1] + 1, join([doc.words[k] for k in name]), "person", title, role, True, quoted
        )
    if orgs.is_place(words) or (words[-1].endswith("s") and words[-1].lower() in GENERIC_SOURCES):
        return None  # a place; "U.S. Officials", "Western Diplomats": unnamed sources
    name, prefix = _strip_prefix(doc, span)
    name = _without_trailing_initials(doc, name)
    if not name:
        return None
    words = [doc.words[k] for k in name]
    kind = "person" if len(words) >= 2 and words[0] in GIVEN_NAMES and words[-1] not in PLACES else "unknown"
    kind = "person" if surname and len(words) >= 2 else kind
    if (
        kind == "unknown"
        and prefix
        and len(words) >= 2
        and name[-1] == span[-1]
        and all(doc.words[k] in PLACES for k in prefix)
        and not _written_alone(doc, words[-1], words[-2])
    ):
        # A place opens a person's name only as a description ("Kenyan Paul Tergat", "Russian Marat Safin
        # ... Safin, seeded four"); before no person it is part of the name: "British Phonographic Industry"
        name, prefix, words = span, [], [doc.words[k] for k in span]
    role = _plausible_role([doc.words[k] for k in prefix])
    return Mention(name[0], name[-1] + 1, join(words), kind, role=role, sure=kind == "person", quoted=quoted)


def _written_alone(doc: Doc, last: str, before: str) -> bool:
    """Whether the article writes `last` without `before` in front of it: a surname used alone."""
    words = doc.words
    return any(words[k] == last and words[k - 1] != before for k in range(1, len(words)))


def _one_word(doc: Doc, span: list[int], vocabulary: frozenset[str]) -> Mention | None:
    """What `read_mention` makes of a one-word run, by a shorter road: no title, no thing, no place."""
    word = doc.words[span[0]]
    if word in TITLE_WORDS or word in THING_HEADS:
        return None
    quoted = doc.quote[span[0]] >= 0
    if word not in ORG_WORDS:
        end = bodies.institution_end(doc, span)
        if end > 0:  # "Seattle police", "Nigeria's military"
            text = join([word, *doc.words[span[0] + 1 : end]])
            return Mention(span[0], end, text, "org", sure=True, quoted=quoted)
    if word in ORG_WORDS or bodies.team_plural(doc, span, vocabulary) or orgs.looks_like_org([word]):
        return Mention(span[0], span[0] + 1, word, "org", sure=True, quoted=quoted)
    if orgs.is_place([word]):
        return None
    return Mention(span[0], span[0] + 1, word, "unknown", quoted=quoted)


def _person_after_role(span: list[int], words: list[str], quoted: bool) -> Mention | None:
    """A person's name after a role run into an organisation's name or opening the sentence:
    "Broadcom Chief Executive Hock Tan", "NFL Network Insider Ian Rapoport", "Investigator Ray Cole"."""
    if len(words) < 3 or _ROLE_WORDS.isdisjoint(words):
        return None
    r = max((k for k, w in enumerate(words[:-1]) if w in _ROLE_WORDS), default=-1)
    if r < 0 or (words[r] in TITLE_WORDS and orgs.org_word_at(words[:r]) < 0):
        return None  # no role, or a plain title ("Home Secretary Charles Clarke"): read as a title
    tail = words[r + 1 :]
    if not 2 <= len(tail) <= 3 or any(w in ORG_WORDS or w in TITLE_WORDS or w in PLACES for w in tail):
        return None
    if any(not w[0].isupper() or w in NOT_NAME_WORDS for w in tail) or orgs.looks_like_org(tail):
        return None
    role = _plausible_role(words[: r + 1])
    return Mention(span[r + 1], span[-1] + 1, join(tail), "person", role=role, sure=True, quoted=quoted)


def _plausible_role(words: list[str]) -> str:
    """A role names an office ("Bradford West MP", "Home Secretary") or is a short label ("Labour");
    a longer run of capitalised words with no office in it is an organisation's name before the
    person ("the Arts and Humanities Citation Index Professor Chomsky"), not their role."""
    if len(words) > 2 and not any(word in ROLE_NOUNS or word in TITLE_WORDS for word in words):
        return ""
    return join(words)
