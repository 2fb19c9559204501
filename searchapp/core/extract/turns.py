"""Interview turns: a paragraph that opens with a person's name and a colon is that person speaking.

Transcripts and Q&A interviews render each turn as "Noam Chomsky: text", "SMITH: text" or "Q: text".
The label is a person when it is 2-4 capitalised name words, or one word that is a given name, the
first or last word of a full name written elsewhere in the article, or a label used for two turns or
more. Interviewer labels ("Q", "A", "Interviewer", the article's own outlet such as "Wikinews") are
turns without a person speaker, and so are labels that are organisations or places. What follows the
colon must read as prose (some lower-case words), which keeps out line-ups such as "Arsenal: Lehmann,
Lauren, Cole" and fields such as "Referee: Mike Riley".
"""

from __future__ import annotations

from dataclasses import dataclass

from searchapp.core.extract import orgs
from searchapp.core.extract.gazetteer import GIVEN_NAMES
from searchapp.core.extract.lexicon import KNOWN_ORGS, NOT_NAME_WORDS, ORG_WORDS, TITLE_WORDS
from searchapp.core.extract.mention import Mention
from searchapp.core.extract.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Labels of an interviewer or of an unnamed voice: a turn, but no person speaker.
INTERVIEWER_LABELS = _words(
    """
    Q A Question Questions Answer Answers Interviewer Interviewers Interview Reporter Reporters Host Hosts
    Moderator Audience Narrator Caller Voice Voices Crowd Announcer Presenter Anchor Correspondent Unidentified
    Unknown Male Female Man Woman Speaker Participant Student Teacher Judge Prosecutor Defence Witness
    """
)
# Labels of fields, notes and headings: not a turn at all.
FIELD_LABELS = _words(
    """
    Note Notes Update Updated Updates Correction Corrections Source Sources Photo Photos Picture Pictures
    Image Images Video Audio Caption Credit Credits Warning Disclaimer Summary Background Transcript
    Translation Related See Read Watch Listen Tags Tag Topic Topics Subject Re Fwd From To Cc Date Time
    Location Venue Contact Email E-mail Tel Phone Fax Web Website Address Price Prices Cost Score Scores
    Result Results Verdict Rating Total Step Part Chapter Round Day Week Breaking Exclusive Analysis
    Comment Comments Opinion Review Preview Factbox Timeline Key Tip Tips Example Keywords Abstract
    Conclusion Introduction Method Methods Status Agenda Pros Cons Plus Minus Also PS NB Editor Ed
    Subs Booked Goals Goal Scorers Scorer Referee Att Attendance Sent Dismissed Substitutes Bench
    Ingredients Directions Warnings Quote Quotes Headline Title Author Byline Dateline Copyright
    Update2 Fact Facts Profile Who What Why When Where How Which Live Latest Watchlist Sport Sports
    """
)
_MAX_LABEL = 4
# A turn's text reads as prose when at least this share of its words are lower case.
_PROSE_SHARE = 0.3


@dataclass
class Turn:
    para: int
    start: int  # first token of the label
    colon: int  # token of the colon
    end: int  # one past the paragraph's last token
    text: str  # the label as a name ("" for an interviewer or an unnamed voice)
    mention: Mention | None = None


def _label(doc: Doc, i: int, j: int) -> int:
    """Token of the colon ending a "Name:" label at the paragraph start [i, j), or -1."""
    k = i
    while k < j and k - i <= 2 * _MAX_LABEL and doc.words[k] != ":":
        word = doc.words[k]
        if doc.kinds[k] == "w" and (word[0].isupper() or word in ("de", "van", "von", "bin", "al", "da")):
            k += 1
        elif word == "." and k > i and len(doc.words[k - 1]) == 1:
            k += 1  # an initial: "Mario J. Lucero"
        else:
            return -1
    if k == i or k >= j - 1 or doc.words[k] != ":" or doc.words[k - 1] == ".":
        return -1
    return k


def _prose(doc: Doc, colon: int, end: int) -> bool:
    words = [
        doc.words[k] for k in range(colon + 1, end) if doc.kinds[k] == "w" and not doc.words[k].isdigit()
    ]
    lower = sum(1 for w in words if w[0].islower())
    return lower >= 2 and lower >= _PROSE_SHARE * len(words)


def _fold(word: str) -> str:
    """ "SMITH" -> "Smith": all-capital transcript labels read as names."""
    return word.capitalize() if len(word) > 1 and word.isupper() else word


def find_turns(doc: Doc, outlet: str = "") -> list[Turn]:
    """Turn paragraphs, in order; the token after each label's colon is marked as a sentence start."""
    candidates: list[tuple[int, int, int, list[str]]] = []
    prose_labels: set[str] = set()  # a label needs one turn of prose; then "Yes." counts as well
    label_count: dict[str, int] = {}
    for i, j in doc.bounds:
        colon = _label(doc, i, j)
        if colon < 0:
            continue
        words = [_fold(doc.words[k]) for k in range(i, colon) if doc.kinds[k] == "w"]
        if len(words) <= _MAX_LABEL and words[0] not in FIELD_LABELS:
            candidates.append((i, colon, j, words))
            label_count[" ".join(words)] = label_count.get(" ".join(words), 0) + 1
            if _prose(doc, colon, j):
                prose_labels.add(" ".join(words))
    # "Chomsky: Yes." after "Noam Chomsky:" turns of prose: a short form of a prose label
    short = {w for label in prose_labels for w in (label.split()[0], label.split()[-1])}
    candidates = [c for c in candidates if " ".join(c[3]) in prose_labels or " ".join(c[3]) in short]
    if not candidates:
        return []
    in_names = _name_words(doc)
    lower = {w for w, kind in zip(doc.words, doc.kinds, strict=True) if kind == "w" and w[0].islower()}
    outlet_words = set(outlet.lower().split())
    turns: list[Turn] = []
    for i, colon, j, words in candidates:
        text = " ".join(words)
        if _interviewer(words, outlet_words):
            turns.append(Turn(doc.para[i], i, colon, j, ""))
        elif _person_label(words, label_count[text] >= 2, in_names, lower) and (
            label_count[text] >= 2
            or len(words) == 1
            or not doc.words[i].isupper()
            or words[0] in label_count
            or words[-1] in label_count
        ):
            # An all-capital label of several words is a section head ("MARKET WATCH:") unless it
            # recurs like a speaker's turns.
            turns.append(Turn(doc.para[i], i, colon, j, text))
    if not any(t.text for t in turns):
        return []  # no named speaker: "Q:" alone does not make an interview
    for t in turns:
        if t.colon + 1 < t.end:
            doc.sent_start[t.colon + 1] = True
    doc.sentences_changed()
    return turns


def _interviewer(words: list[str], outlet_words: set[str]) -> bool:
    if len(words) == 1 and words[0] in INTERVIEWER_LABELS:
        return True
    if outlet_words and all(w.lower() in outlet_words for w in words):
        return True
    return words[-1].lower().endswith("news")  # "Wikinews", "Sky News"


def _person_label(words: list[str], repeated: bool, in_names: set[str], lower: set[str]) -> bool:
    if words[0] in NOT_NAME_WORDS or words[-1] in TITLE_WORDS or orgs.is_place(words):
        return False
    if any(w in ORG_WORDS or w in KNOWN_ORGS or orgs.party_canonical(w) for w in words):
        return False
    if len(words) >= 2:
        return True
    word = words[0]
    if word in GIVEN_NAMES or word in in_names:
        return True
    return repeated and word.lower() not in lower and not orgs.is_acronym(word)


def _name_words(doc: Doc) -> set[str]:
    """First and last words of the article's multi-word capitalised names (labels included)."""
    found: set[str] = set()
    n = len(doc)
    k = 0
    while k < n:
        if not doc.is_cap(k):
            k += 1
            continue
        j = k
        while j + 1 < n and doc.is_cap(j + 1) and doc.para[j + 1] == doc.para[k]:
            j += 1
        if 2 <= j - k + 1 <= _MAX_LABEL:
            found.add(_fold(doc.words[k]))
            found.add(_fold(doc.words[j]))
        k = j + 1
    return found


def turn_speakers(doc: Doc, turns: list[Turn], mentions: list[Mention]) -> list[Mention]:
    """The mentions with each named turn's label as a person mention (set on its Turn)."""
    labels = {k for t in turns for k in range(t.start, t.colon)}
    kept = [m for m in mentions if not labels & set(range(m.first if m.first >= 0 else m.start, m.end))]
    full = [m.text for m in kept if m.kind != "org" and " " in m.text]
    for t in turns:
        if not t.text:
            continue
        text = t.text
        if " " not in text:
            # "Simon:" or "CHOMSKY:" after "Simon Ličen" or "Noam Chomsky": the one full name it stands for
            whole = {f for f in full if text in (f.split()[0], f.split()[-1])}
            text = whole.pop() if len(whole) == 1 else text
        t.mention = Mention(t.start, t.colon, text, "person", sure=True, first=t.start)
        kept.append(t.mention)
    return sorted(kept, key=lambda m: m.start)
