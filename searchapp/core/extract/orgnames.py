"""One name per organisation within an article: acronyms and their long forms ("IPCC", "Independent
Police Complaints Commission (IPCC)", a one-letter misspelling "IPPC"), party forms, a short form and
its one fuller form ("McCarran Airport", "Justice Department" -> "Department of Justice"), "the Bank".
"""

from __future__ import annotations

import functools

from searchapp.core.extract import orgs
from searchapp.core.extract.entity import Entity
from searchapp.core.extract.lexicon import NON_ORG_ACRONYMS, PARTY_FORMS
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.tokens import Doc


def _bracketed(doc: Doc, org_mentions: list[Mention]) -> dict[str, str]:
    """ "Long Form (ACR)" and "ACR (Long Form)" pairs written in the article (both become organisations)."""
    start_at = {m.first: m for m in org_mentions}
    pairs: dict[str, str] = {}
    things: set[str] = set()
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
        if short in NON_ORG_ACRONYMS:
            things.add(long_)  # "Digital Rights Management (DRM)": a technology, no body
            continue
        if m.kind == "org" or other.kind == "org" or orgs.acronym_matches(short, long_, tolerant=False):
            m.kind = other.kind = "org"
            pairs[short] = long_
    for m in org_mentions:
        if m.text in pairs:
            m.kind = "org"  # every other "Cepes" of the article too
        elif m.text in things:
            m.kind = "unknown"
    doc.things |= things
    return pairs


def organisations(doc: Doc, mentions: list[Mention]) -> list[Entity]:
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
    squeezed: dict[str, str] = {}
    for lf in long_forms:
        squeezed.setdefault(_squeeze(lf), lf)
    acronyms = [t for t in texts if orgs.is_acronym(t)]
    # one spelling per long form, so that "Complaints' Commission" does not make "IPPC" ambiguous
    links = orgs.link_acronyms(acronyms, list(dict.fromkeys(squeezed.values())), bracketed)
    present = set(texts)
    fuller_forms: list[tuple[str, tuple[str, ...], int]] | None = None  # made for the first name that needs them
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
        elif orgs.generic(t) or (" " not in t and t.isupper() and orgs.shouted(t, lower_words(doc))):
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
        elif " " in t:
            if fuller_forms is None:
                fuller_forms = _fuller_forms(long_forms + untyped)
            canonical[t] = _fuller(t, fuller_forms) or t
        else:
            canonical[t] = t
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


@functools.lru_cache(maxsize=2048)
def _content(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart, in lower case: "Department of Justice" -> department, justice."""
    words = name.lower().replace(".", "").replace("'s", "").replace("’s", "").split()
    return tuple(w for w in words if w not in _FUNCTION_WORDS)


def _subsequence(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    rest = iter(long_)
    return all(word in rest for word in short)


def _fuller_forms(names: list[str]) -> list[tuple[str, tuple[str, ...], int]]:
    """The names that may be a fuller form of another, each with its content words and its number of
    words: worked out once per article rather than once per shorter name."""
    return [
        (lf, _content(lf), len(lf.split()))
        for lf in names
        if " and " not in lf  # "Daily and Sunday Telegraph" is two papers
        and lf.split()[-1] not in _PARENT_WORDS  # "American Airlines Group" owns "American Airlines"
    ]


def _fuller(name: str, long_forms: list[tuple[str, tuple[str, ...], int]]) -> str:
    """The one fuller form of an organisation's name in the article (`long_forms` as `_fuller_forms`
    gives them): "McCarran Airport" is "McCarran International Airport", "Las Vegas police" the "Las
    Vegas Metropolitan Police Department", "Justice Department" the "Department of Justice", "New York
    Times" "The New York Times"."""
    words = _content(name)
    if len(words) < 2:
        return ""  # "The Times" may be any "... Times"
    found = [
        lf
        for lf, content, size in long_forms
        if lf != name
        and len(content) >= len(words)
        and (
            (len(content) > len(words) and _subsequence(words, content))
            or (sorted(content) == sorted(words) and size > len(name.split()))
        )
    ]
    if len(found) > 1:  # "Las Vegas Metropolitan Police" inside "Las Vegas Metropolitan Police Dept."
        longest = max(found, key=lambda lf: len(_content(lf)))
        found = [longest] if all(_subsequence(_content(f), _content(longest)) for f in found) else found
    return found[0] if len(found) == 1 else ""


def lower_words(doc: Doc) -> set[str]:
    """Words written in lower case outside quotations, where "think tbwa shd" is a hurried message."""
    if doc.lower_outside is None:
        ranges = doc.unquoted or [(0, len(doc.words))]
        # every token outside quotations: "x".lower() in it means "x" is written in lower case there
        doc.lower_outside = set().union(*(doc.words[a:b] for a, b in ranges))
    return doc.lower_outside


def _squeeze(name: str) -> str:
    """One spelling for "TimeWarner" and "Time Warner", "U.S. Army" and "US Army", "Complaints'
    Commission" and "Complaints Commission"."""
    return name.replace(" ", "").replace(".", "").replace("'", "").replace("’", "").lower()
