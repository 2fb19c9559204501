"""Page structure around the story: what each paragraph is before any name or cue is read.

Web pages bring more than the story: photo credits and captions ("Alastair Grant/AP", "| Photo Credit:
AP"), reporting credits ("Reporting by ...; Editing by ..."), related-story links ("[...]", "READ MORE:
..."), video blurbs, section heads ("TRADE DEFICITS", "Regional Woes"), datelines ("TOKYO (Reuters) -")
and embedded posts signed "— Name (@handle) date". Names in all of them are real mentions; none of them
is speech except an embedded post, which is rewritten as its author writing it. Residue with no names
("Photo", "SaveSave", "Slideshow (25 Images)") is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from searchapp.core.extract.spans import title_case
from searchapp.core.extract.tokens import Doc

TEXT, HEADING, CREDIT, LINK = "text", "heading", "credit", "link"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_RESIDUE = re.compile(
    r"""^(?:Photo|Photos|Video|Advertisement(?:\s+Continue\s+reading\s+the\s+main\s+story)?|(?:Save)+|_+|
    Loading\s+Photo\s+Gallery|Slideshow\s*\(\d+\s+Images?\)|Read\s+or\s+Share\s+this\s+story:.*|
    (?:Read\s+more|Related|More)\s*:?|Contact\s+the\s+writers?\s+at\s.*|\(This\s+article\s+was\s+published.*\)|
    Keep\s+up\s+with\s+this\s+story.*|more-in|Enlarge\s+this\s+image|toggle\s+caption)$""",
    re.IGNORECASE | re.VERBOSE,
)
_CAPTION_PREFIX = re.compile(r"^Enlarge this image\s+(?:toggle caption\s+)?", re.IGNORECASE)
# "... text — Name (@handle) October 2, 2017" (the text may be in the paragraph before).
_POST = re.compile(
    r"^(?P<text>.*?)\s*[—–]\s*(?P<name>[^—–()@]{2,80}?)\s*\(@\w+\)\s*"
    r"(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)
_POST_RESIDUE = re.compile(r"pic\.twitter\.com/\S+|https?://\S+")
_LINK = re.compile(
    r"^(?:\[.*\]|(?:READ MORE|Read More|Read more|MORE|More|RELATED|Related|See also|SEE ALSO|WATCH|Watch|"
    r"LISTEN|Listen|Related Coverage|Also read|ALSO READ)\s*:.*|.*\b(?:JUST WATCHED|MUST WATCH)\b.*)$"
)
# Credit lines: a clue inside the paragraph, its opening words, or an agency after "/" at its end.
_CREDIT = re.compile(
    r"""\|\s*Photo\s+Credit\s*:|\((?:Photo|Image|Picture)s?\s*:|\[Photo/|\bREUTERS/|\b(?:AP|AFP|EPA)/[A-Z]|
    \b(?:Writing|Editing)\s+by\b|\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)|
    \bcontributed\s+reporting\b|\|\s*Updated\s*:""",
    re.VERBOSE,
)
_CREDIT_HEAD = re.compile(
    r"\(?(?:Additional\s+)?[Rr]eporting\s+by\b|[—–-]*\s*With\s+assistance\s+(?:by|from)\b|By\s+[A-Z]"
)
_CREDIT_TAIL = re.compile(r"/(?:AP|AFP|Getty\s+Images|Reuters|EPA|PA)\)?$")
# Cheap tests that a paragraph may hold a clue inside, before the expression is tried (one search over a
# paragraph tries every alternative at every character): "/" stands for every agency's, "iting" for
# "Writing" and "Editing".
_CREDIT_CLUES = tuple("/ Photo Image Picture iting contributed Updated".split())
# "TOKYO (Reuters) -", "SEOUL, Aug. 29 (Yonhap) --", "GREEN BAY, Wis. --", "(CNN)".
_DATELINE = re.compile(
    r"""^(?:(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)*)(?:,\s[A-Z][a-z]+\.?)?(?:,\s[A-Z][a-z]{2,4}\.?\s\d{1,2})?
    \s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?\s*(?:--|—|–|-)\s+|\((?P<lead>[A-Za-z][\w .&-]{1,30})\)\s*(?:--|—|–|-)?\s*)""",
    re.VERBOSE,
)
_HEADING_WORDS = 8
_MINOR_WORDS = frozenset("a an the of in on at to for with from by and or but as into vs".split())


@dataclass
class Page:
    """The paragraphs of an article (headline first) and what each one is."""

    paragraphs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)

    def add(self, text: str, kind: str = TEXT) -> None:
        text = text.strip()
        if text:
            self.paragraphs.append(text)
            self.kinds.append(kind)


def read_page(headline: str, body: str) -> Page:
    """The article's paragraphs, cleaned of page residue, each with its kind."""
    page = Page()
    page.add(headline, HEADING if title_case(headline) else TEXT)
    for raw in _PARAGRAPH_BREAK.split(body):
        text = " ".join(raw.split())
        if not text or _RESIDUE.match(text):
            continue
        post = _POST.match(text) if "(@" in text else None
        if post:
            _add_post(page, post["text"], post["name"])
        elif _link(text):
            page.add(text, LINK)
        elif _credit(text):
            page.add(_CAPTION_PREFIX.sub("", text), CREDIT)
        elif _shouted(text):
            continue  # an all-capital section head: "TRADE DEFICITS", "COULD PLANE HAVE STALLED?"
        elif _heading(text):
            page.add(text, HEADING)
        else:
            _add_story(page, text)
    return page


def _add_post(page: Page, text: str, name: str) -> None:
    """ "— Name (@handle)": the post (this paragraph's text, or the one before) is its author's."""
    name = " ".join(re.sub(r"[^\w.'’& -]|\d", " ", name).split())
    if not text and page.kinds and page.kinds[-1] == TEXT and len(page.paragraphs) > 1:
        text = page.paragraphs.pop()
        page.kinds.pop()
    text = _POST_RESIDUE.sub("", text).replace('"', "'").replace("“", "‘").replace("”", "’").strip()
    if name and text:
        page.add(f'{name} wrote: "{text}"')
    elif name:
        page.add(name, CREDIT)


def _link(text: str) -> bool:
    return (text[0] == "[" or ":" in text[:25] or "WATCH" in text) and _LINK.match(text) is not None


def _credit(text: str) -> bool:
    tail = text[-24:]
    if _CREDIT_HEAD.match(text) or ("/" in tail and _CREDIT_TAIL.search(tail)):
        return True
    return any(clue in text for clue in _CREDIT_CLUES) and _CREDIT.search(text) is not None


def _shouted(text: str) -> bool:
    if len(text) > 120 or len(text.split()) > 10 or not text.isupper():
        return False
    return sum(c.isalpha() for c in text) >= 4 and not _DATELINE.match(text)


def _heading(text: str) -> bool:
    """A short line without a full stop in title case: "Regional Woes", "Gearheads, Not Idealists"."""
    if len(text) > 100 or text[-1] in '.!?:"”’':
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w not in _MINOR_WORDS]
    return (
        2 <= len(words) <= _HEADING_WORDS and text[-1] not in '.!?:"”’' and all(w[0].isupper() for w in words)
    )


def _add_story(page: Page, text: str) -> None:
    """A paragraph of the story, without its dateline ("TOKYO (Reuters) -"); the dateline's agency is a
    credit of its own."""
    match = _DATELINE.match(text)
    rest = text[match.end() :] if match else ""
    if (
        match is None
        or not (match["place"] or match["lead"])
        or not (rest[:1].isupper() or rest[:1].isdigit())
    ):
        page.add(text)
        return
    page.add(match["agency"] or match["lead"] or "", CREDIT)
    page.add(rest)


_CREDIT_BEFORE = frozenset(["/", "by", "By"])
_CREDIT_LABELS = frozenset("Credit Credits Photo Photos Image Picture Source".split())


def credited(doc: Doc, first: int, end: int) -> bool:
    """A name in the place of a credit: next to "/" ("Alastair Grant/AP"), after "by" or "Photo
    Credit:", before "contributed", alone in brackets ("(Reuters)"), or a credit paragraph of its own."""
    if not doc.para_kind or doc.para_kind[doc.para[first]] != CREDIT:
        return False
    para = doc.para[first]
    prev = doc.words[first - 1] if first > 0 and doc.para[first - 1] == para else ""
    nxt = doc.words[end] if end < len(doc) and doc.para[end] == para else ""
    if not prev and not nxt:
        return True
    if prev in _CREDIT_BEFORE or nxt == "/" or nxt == "contributed":
        return True
    if prev == ":" and first > 1 and doc.words[first - 2] in _CREDIT_LABELS:
        return True
    if prev == "(" and nxt == ")":
        return True
    reporting = any(w == "reporting" for w in doc.words[first - 30 if first > 30 else 0 : first])
    return reporting and prev in (",", "and", ";") and end - first > 1
