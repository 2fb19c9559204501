"""Name spans: runs of capitalised words, split into title/role and name, typed person or organisation.

"Bradford West MP George Galloway" gives the person George Galloway with role "Bradford West MP";
"Mr Galloway" gives Galloway with the honorific kept aside; "Bradford Council" is an organisation.
A span with no evidence either way stays "unknown" until its context (a speech cue, a surname used
elsewhere) decides.
"""

from __future__ import annotations

from searchapp.core.extract import bodies, runs, spans
from searchapp.core.extract.evidence import COMPANY_NOUNS, org_before, org_context
from searchapp.core.extract.gazetteer import PLACES
from searchapp.core.extract.lexicon import (
    GENERIC_SOURCES,
    HONORIFICS,
    NON_ORG_ACRONYMS,
    NOT_NAME_WORDS,
    NOT_NAMES,
    TITLE_WORDS,
)
from searchapp.core.extract.mention import Mention, read_mention
from searchapp.core.extract.page import credited
from searchapp.core.extract.roles import age_after, modifier, role_after, role_before
from searchapp.core.extract.tokens import Doc

# Offices styled "Lord": "the Lord Chancellor", "the Lord Mayor", "the Lord Chief Justice".
_LORDS_OFFICES = frozenset("Chancellor Mayor Chief Justice President Speaker Provost Lieutenant".split())
_CONNECTORS = frozenset("of for and & to".split())


def find_mentions(doc: Doc) -> list[Mention]:
    """Every person, organisation and unknown name span of the article, in text order."""
    raw_runs = runs.capitalised_runs(doc)
    article = runs.article_words(doc, raw_runs)
    vocabulary = article.vocabulary
    mid_sentence = article.mid_sentence
    surnames = _titled_surnames(doc, raw_runs)
    mentions: list[Mention] = []
    openers: list[Mention] = []
    for raw in raw_runs:
        if len(raw) == 1:
            word = doc.words[raw[0]]
            if word in NOT_NAME_WORDS or word in NOT_NAMES or _shouted_lede(doc, raw[0]):
                continue  # "The", "He", "But" opening a sentence; "Budget"; "FINAL fixtures were ..."
            if (
                word in PLACES
                and doc.words[raw[0] + 1 : raw[0] + 2] != ["'s"]
                and not bodies.institution_end(doc, raw) > 0
            ):
                continue  # a place, unless it has an institution ("Seattle police", "Nigeria's military")
            parts = [raw]
        else:
            parts = [
                piece
                for half in runs.split_and(doc, raw)
                for third in runs.split_of(doc, half)
                for piece in spans.split_org_person(doc, third)
            ]
        for part in parts:
            span = runs.trim(doc, part, article)
            if not span or doc.words[span[0]] in _CONNECTORS:
                continue  # "of Google" split from "Co-founder of Google": what is left of a role
            mention = read_mention(doc, span, surnames, vocabulary)
            if mention is None:
                continue
            mention.first = span[0]
            if mention.kind == "person" and not mention.title and org_before(doc, span[0], COMPANY_NOUNS):
                mention.kind = "org"  # "investment bank Morgan Stanley": a company named after people
            if mention.kind == "unknown" and credited(doc, span[0], mention.end):
                # "Alastair Grant/AP", "(Reuters)", "Reporting by Dean Yates": photographers and
                # reporters are people, a one-word name is an agency.
                mention.kind = "person" if " " in mention.text else "org"
            if mention.kind == "unknown" and len(span) == 1 and doc.sent_start[span[0]]:
                if mention.text.lower() in GENERIC_SOURCES:
                    continue
                if mention.text not in mid_sentence:
                    openers.append(mention)  # kept only if the article shows it is an organisation
                    continue
            if mention.kind != "org" and not spans.code_like(mention.text):
                before = role_before(doc, span[0])
                after = role_after(doc, mention.end)
                titled = (
                    span[0] > 1 and doc.words[span[0] - 1] == "," and doc.words[span[0] - 2] in TITLE_WORDS
                )
                if (before or after or titled or age_after(doc, mention.end)) and not modifier(
                    doc, mention.text, mention.end
                ):
                    mention.kind = "person"
                    mention.sure = True
                role = " ".join(r for r in (before, mention.role) if r) or after
                mention.role = role
            mentions.append(mention)
    return _type_by_context(doc, mentions, openers)


def _titled_surnames(doc: Doc, raw_runs: list[list[int]]) -> frozenset[str]:
    """Title words that the article writes as a surname after an honorific ("Ms King said"), but not
    an office styled "Lord" or "Lady" ("the Lord Chancellor said"). An honorific is capitalised, so
    it is in one of the runs."""
    return frozenset(
        doc.words[i + 1]
        for run in raw_runs
        for i in run
        if doc.words[i] in HONORIFICS
        and i + 1 < len(doc.words)
        and doc.words[i + 1] in TITLE_WORDS
        and not doc.is_cap(i + 2)
        and not (doc.words[i] in ("Lord", "Lady") and doc.words[i + 1] in _LORDS_OFFICES)
    )


def _shouted_lede(doc: Doc, i: int) -> bool:
    """ "FINAL fixtures were played ...": a lede's first word set in capitals is an ordinary word."""
    word = doc.words[i]
    return (
        word.isupper()
        and len(word) >= 4
        and (i == 0 or doc.para[i - 1] != doc.para[i])
        and i + 1 < len(doc.words)
        and doc.words[i + 1][:1].islower()
    )


def _type_by_context(doc: Doc, mentions: list[Mention], openers: list[Mention]) -> list[Mention]:
    """Untyped names that the words around any of their mentions show to be organisations.

    A sentence opener seen nowhere else mid-sentence is kept only when it is one of them.
    """
    unknown = [m for m in mentions + openers if m.kind == "unknown"]
    # "Cook told Benioff, which ..." after "Marc Benioff": a person's surname is no organisation
    surnames = {m.text.split()[-1] for m in mentions if m.kind == "person" and " " in m.text}
    evident = {  # "IT firm X", "PC magazine": a common acronym is a kind of thing, not a body
        m.text
        for m in unknown
        if m.text not in NON_ORG_ACRONYMS and m.text not in surnames and org_context(doc, m.first, m.end)
    }
    # "the Cardinals" makes "Arizona Cardinals" a team too
    teams = {m.text for m in mentions if m.kind == "org" and " " not in m.text and bodies.plural(m.text)}
    if not evident and not teams:
        return mentions
    mentions = sorted(mentions + [m for m in openers if m.text in evident], key=lambda m: m.start)
    for m in unknown:
        words = m.text.split()
        if m.text in evident or words[0] in evident or (len(words) > 1 and words[-1] in teams):
            m.kind = "org"
            m.sure = True
    return mentions
