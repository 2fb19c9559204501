"""Runs of capitalised words: where a name span starts and ends, and where one run holds two names.

A run takes in initials ("George W. Bush"), dotted acronyms ("U.S. Army"), connectors between
capitalised words ("Bank of England", "Committee for the Red Cross", "Simon & Schuster") and a
possessive inside an organisation's name ("Los Angeles Sheriff's Department", "Independent Police
Complaints' Commission", "South Korea's Foreign Ministry"). It is then split where it holds two names
("Jack Straw and Gordon Brown", "Apple Inc and Samsung Electronics", "Daniel Ives of GBH Insights") and
trimmed of sentence openers and descriptions ("Houston-based", "Thirty-six-year-old").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from searchapp.core.extract import orgs
from searchapp.core.extract.gazetteer import GIVEN_NAMES, PLACES
from searchapp.core.extract.lexicon import (
    HONORIFICS,
    KNOWN_ORGS,
    LEGAL_SUFFIXES,
    NOT_NAME_WORDS,
    ORG_WORDS,
    TITLE_WORDS,
)
from searchapp.core.extract.tokens import Doc

_SUBJECT_PRONOUNS = frozenset("I We He She They You".split())
_DESCRIPTOR_ENDINGS = ("-based", "-born", "-owned", "-listed", "-registered", "-headquartered", "-old")
_DESCRIPTIVE_ENDINGS = ("ive", "ous", "ful", "less", "ing")
_ADVERB_ENDINGS = ("ially", "ually", "ately", "ously", "ently", "antly", "ically", "ingly", "edly")
CONNECTORS = frozenset("of for and & de van den der von du da del la le bin al the y".split())
_APOSTROPHES = frozenset("'’")
# What may stand inside a run without a capital: connectors, full stops, possessives (and digits).
_MAY_JOIN = CONNECTORS | _APOSTROPHES | frozenset([".", "'s", "’s"])
_EDITORIAL_LABELS = frozenset("Note Notes Update Correction Clarification".split())
_ROW_TOKENS = 20  # a table's row is short: a label, figures, "vs" and figures
_NUMBER_WORDS = frozenset("nil one two three four five six seven eight nine ten eleven twelve".split())
_TRAILING = frozenset(". Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Organisation names that every country has one of: "South Korea's Foreign Ministry" keeps its country.
_GENERIC_BODIES = frozenset(
    "Ministry Government Army Navy Military Police Parliament Cabinet Embassy".split()
)
_GENERIC_BODY_WORDS = _GENERIC_BODIES | frozenset(
    """Foreign Defense Defence Finance Interior Justice Health Education Trade Home Affairs Air Force
    National Federal of for and the""".split()
)


def capitalised_runs(doc: Doc) -> list[list[int]]:
    """Token indices of every run of capitalised words with what may stand inside a name."""
    spans: list[list[int]] = []
    n = len(doc)
    words, cap = doc.words, doc.cap
    i = 0
    while i < n:
        if not cap[i]:
            try:
                i = cap.index(True, i)  # the next capital, found in C
            except ValueError:
                break
        span = [i]
        j = i + 1
        while j < n and doc.para[j] == doc.para[i]:
            w = words[j]
            last = words[span[-1]]
            if w == "Flight" and j + 1 < n and any(c.isdigit() for c in words[j + 1]):
                break  # "AirAsia Flight QZ8501": the airline, not its flight
            if cap[j] and not (doc.sent_start[j] and last != "."):
                span.append(j)
            elif w not in _MAY_JOIN and not w.isdigit():
                break  # an ordinary word or mark, as most that end a run
            elif w == "." and len(last) == 1 and doc.is_cap(j + 1) and words[j + 1] not in NOT_NAME_WORDS:
                span.append(j)  # an initial: "George W. Bush" (but not "after George H. W. Then it")
            elif w == "." and last in TITLE_WORDS and doc.is_cap(j + 1) and not doc.sent_start[j + 1]:
                pass  # "Sen. Marco Rubio": the title's full stop is no part of the name
            elif w == "." and orgs.dotted(last) and doc.is_cap(j + 1):
                if words[j + 1] in NOT_NAME_WORDS:
                    break
                span.append(j)  # "U.S. Army"
            elif w.isdigit() and len(w) == 1 and last in ("Radio", "Channel"):
                span.append(j)  # "BBC Radio 4", "Channel 4"
                j += 1
                break
            elif w in CONNECTORS and w != "the" and doc.is_cap(j + 1) and last != ".":
                span.append(j)
            elif w in ("of", "for") and words[j + 1 : j + 2] == ["the"] and doc.is_cap(j + 2):
                span.extend((j, j + 1))  # "International Committee for the Red Cross"
                j += 1
            elif (doc.kinds[j] == "s" or w in _APOSTROPHES) and _possessive_inside(doc, span, j):
                span.append(j)
            else:
                break
            j += 1
        spans.append(span)
        i = j
    return spans


_LEGAL_FORMS = frozenset("Inc Corp Co Ltd plc PLC LLC Holdings AG SA NV".split())


def _possessive_inside(doc: Doc, span: list[int], j: int) -> bool:
    """Whether the 's (or s') at j belongs to an organisation's name: an office's department
    ("Sheriff's Department"), a plural's body ("Complaints' Commission"), a country's ministry."""
    if doc.space_before[j] or not doc.is_cap(j + 1) or doc.sent_start[j + 1]:
        return False
    k = j + 1
    while doc.is_cap(k + 1) and doc.para[k + 1] == doc.para[j] and not doc.sent_start[k + 1]:
        k += 1
    right = doc.words[j + 1 : k + 1]
    if right[-1] not in ORG_WORDS:
        return False
    left = doc.words[span[-1]]
    if doc.words[j] in _APOSTROPHES:
        return left.endswith("s")  # "Complaints' Commission", "Athletes' Commission"
    if left in TITLE_WORDS and left not in HONORIFICS:
        return True  # "Sheriff's Department", "U.S. Attorney's Office"
    before = [doc.words[t] for t in span]
    if len(before) == 1 and right[-1] in _LEGAL_FORMS and not orgs.is_place(before) and left not in GIVEN_NAMES:
        return True  # "Moody's Investors Service Inc", "McDonald's Corp": a company's name with a possessive
    generic = all(w in _GENERIC_BODY_WORDS for w in right) and bool(_GENERIC_BODIES & set(right))
    return generic and orgs.is_place(before)


def split_and(doc: Doc, span: list[int]) -> list[list[int]]:
    """Split "Jack Straw and Gordon Brown" and "Apple Inc and Samsung Electronics"; keep "Food and
    Agriculture Organisation", "Trade and Industry Secretary"."""
    words = [doc.words[k] for k in span]
    for k, w in enumerate(words):
        if w != "and" or k == 0:
            continue
        right = words[k + 1 :]
        left = words[:k]
        known = len(left) == 1 and (orgs.is_acronym(left[0]) or left[0] in KNOWN_ORGS)
        if left[-1] in LEGAL_SUFFIXES or known or right[:1] == ["The"]:
            return [span[:k]] + split_and(doc, span[k + 1 :])  # "SBI and ICICI Bank"
        if not any(t in ORG_WORDS or t in TITLE_WORDS for t in right):
            if _org_complement(left, right):
                continue  # "Department for Work and Pensions", "Ministry of Trade and Industry"
            return [span[:k]] + split_and(doc, span[k + 1 :])
        # "Culture Secretary Tessa Jowell and Deputy Prime Minister John Prescott", "UK Prime Minister
        # Tony Blair and South African President Thabo Mbeki": a titled name on each side
        if _titled_name(right) and (_titled_name(left) or _plain_name(left)):
            return [span[:k]] + split_and(doc, span[k + 1 :])
    return [span]


def _titled_name(words: list[str]) -> bool:
    """ "UK Prime Minister Tony Blair", "European Commission President Manuel Barosso", "Mr Peres": a title
    and then a name of no organisation or title word ("Minister for Trade" is an office)."""
    last_title = max((i for i, w in enumerate(words) if w in TITLE_WORDS), default=-1)
    name = words[last_title + 1 :]
    return last_title >= 0 and _plain_name(name)


def _plain_name(words: list[str]) -> bool:
    return 1 <= len(words) <= 4 and all(
        w[:1].isupper() and w not in ORG_WORDS and w not in TITLE_WORDS and w not in NOT_NAME_WORDS
        for w in words
    )


def _org_complement(left: list[str], right: list[str]) -> bool:
    """ "Department for Work" + "Pensions": the "and" joins the complement of an organisation word."""
    return (
        len(right) == 1
        and right[0] not in KNOWN_ORGS
        and right[0] not in GIVEN_NAMES
        and not orgs.is_acronym(right[0])
        and any(w in ORG_WORDS and left[k + 1 : k + 2] in (["of"], ["for"]) for k, w in enumerate(left))
    )


def split_of(doc: Doc, span: list[int]) -> list[list[int]]:
    """Split "Mike Powell of BNP Paribas" and "Sheriff Joe Lombardo of the Las Vegas Police" into the
    person and the organisation; keep "Joint Chiefs of Staff", "Secretary of State"."""
    words = [doc.words[k] for k in span]
    for c, w in enumerate(words):
        if w not in ("of", "for", "at") or not 2 <= c <= 5:
            continue
        left = words[:c]
        if orgs.org_word_at(left) >= 0 or orgs.is_place(left):
            continue
        titles = [t for t in left if t in TITLE_WORDS]
        if titles and (left[: len(titles)] != titles or len(left) - len(titles) < 2):
            continue  # "Prime Minister of Japan", "Chief of Staff"
        if titles or c <= 4:
            return [span[:c], span[c + 1 :]]
    return [span]


@dataclass
class Article:
    """What trimming needs to know of the whole article."""

    vocabulary: frozenset[
        str
    ]  # every token of the article: "x".lower() in it means "x" is written in lower case
    mid_sentence: Counter[str]  # capitalised words not opening a sentence, with their counts
    first_names: dict[str, set[str]]  # last word of a two- or three-word name -> its first words


def article_words(doc: Doc, runs: list[list[int]]) -> Article:
    vocabulary = frozenset(doc.words)
    first_names: dict[str, set[str]] = {}
    for run in runs:
        first = doc.words[run[0]]
        if 2 <= len(run) <= 3 and first not in TITLE_WORDS and first not in NOT_NAME_WORDS:
            first_names.setdefault(doc.words[run[-1]], set()).add(first)
    return Article(
        vocabulary,
        # every capitalised word is in a run
        Counter([doc.words[i] for run in runs for i in run if doc.cap[i] and not doc.sent_start[i]]),
        first_names,
    )


def trim(doc: Doc, span: list[int], article: Article) -> list[int]:
    """The span without sentence openers, descriptions, labels and loose connectors at its ends; a
    mid-sentence "The" stays ("The New York Times")."""
    while span and _loose_first_word(doc, span, article):
        span = span[1:]
    while span and (doc.words[span[-1]] in CONNECTORS or doc.words[span[-1]] in _TRAILING):
        span = span[:-1]  # "told the White House Saturday"
    if len(span) > 1 and doc.words[span[-1]] in _SUBJECT_PRONOUNS:
        span = span[:-1]  # "in front of the PC I realised"
    # A capitalised sentence opener that the article also writes in lower case is an ordinary word.
    if span and doc.sent_start[span[0]] and doc.words[span[0]].lower() in article.vocabulary:
        place = len(span) > 1 and orgs.is_place([doc.words[span[0]], doc.words[span[1]]])  # "South Korea"
        if not (_spelled_out(doc, span) or place or (len(span) > 1 and doc.words[span[0]] in TITLE_WORDS)):
            span = span[1:]
    return span


def _loose_first_word(doc: Doc, span: list[int], article: Article) -> bool:
    """Whether the span's first word is no part of the name."""
    word = doc.words[span[0]]
    if (
        (word in NOT_NAME_WORDS and not _title_article(doc, span))
        or word in CONNECTORS
        or word == "."  # left of an initial whose letter was trimmed: "A. H. Robins Co"
        or word.endswith(_DESCRIPTOR_ENDINGS)  # "Houston-based Continental"
    ):
        return True
    return doc.sent_start[span[0]] and (  # the others open a sentence (a label, its paragraph)
        word.endswith(_ADVERB_ENDINGS)  # "Initially"
        or _describing(doc, span, article)  # "Secretive Telegram", "Hosting Cook", "Vote Blair"
        or _label(doc, span[0])  # "NOTE: ...", "Shr 1.20 dlrs vs 1.10 dlrs"
    )


def _describing(doc: Doc, span: list[int], article: Article) -> bool:
    """A sentence's first word that describes the name after it, never capitalised mid-sentence itself:
    shaped like an adjective or a participle ("Secretive Telegram", "Hosting Cook") before a name the
    article also writes elsewhere, or any word before a surname the article gives another first word
    ("Vote Blair" beside "Tony Blair")."""
    word = doc.words[span[0]]
    if len(span) < 2 or not doc.sent_start[span[0]] or word in article.mid_sentence:
        return False
    if word in GIVEN_NAMES or word in ORG_WORDS or word in TITLE_WORDS or word in PLACES:
        return False
    following = doc.words[span[1]]
    if len(span) == 2 and article.first_names.get(following, set()) - {word}:
        return True
    return len(word) >= 6 and word.endswith(_DESCRIPTIVE_ENDINGS) and article.mid_sentence[following] >= 2


def _label(doc: Doc, i: int) -> bool:
    """A paragraph's first word that labels it: an editor's note ("NOTE: annual dividend ...") or the
    row of a table of results ("Shr profit 15 cts vs profit four cts", "Net 5.0 mln vs 4.0 mln")."""
    if i > 0 and doc.para[i - 1] == doc.para[i]:
        return False
    if doc.words[i].capitalize() in _EDITORIAL_LABELS and doc.words[i + 1 : i + 2] == [":"]:
        return True
    row = doc.words[i : i + _ROW_TOKENS + 1]
    if "vs" not in row:
        return False
    row = row[: doc.para[i : i + len(row)].count(doc.para[i])]  # within the paragraph
    figures = any(w[0].isdigit() or w in _NUMBER_WORDS for w in row)
    return len(row) <= _ROW_TOKENS and "vs" in row and row[-1] != "." and figures


def _title_article(doc: Doc, span: list[int]) -> bool:
    """ "The" capitalised in mid-sentence before a name: part of it ("says The Associated Press")."""
    return doc.words[span[0]] == "The" and not doc.sent_start[span[0]] and len(span) > 1


def _spelled_out(doc: Doc, span: list[int]) -> bool:
    """ "Athletics Kenya (AK)": the bracketed acronym shows the opener is part of the name."""
    k = span[-1] + 1
    return (
        k + 2 < len(doc)
        and doc.words[k] == "("
        and doc.words[k + 2] == ")"
        and orgs.acronym_matches(doc.words[k + 1], " ".join(doc.words[t] for t in span), tolerant=False)
    )
