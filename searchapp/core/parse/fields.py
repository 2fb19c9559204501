"""Field cleaning shared by every format: dates, bylines, paragraphs and the final Article."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timezone
from pathlib import PurePath

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article, source_file

NO_TEXT = "no article text found"

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Lone surrogates (from JSON escapes) cannot be stored as UTF-8; control characters are noise.
_UNSTORABLE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘])")
_MAX_HEADLINE = 200

# US zone abbreviations that news pages print; dateutil only knows UTC/GMT by itself.
_TZINFOS = {
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "ET": -5 * 3600, "BST": 3600, "CET": 3600, "CEST": 7200,
}  # fmt: skip
_MIN_YEAR, _MAX_YEAR = 1800, 2100


def parse_date(value: object) -> datetime | None:
    """A publication date from JSON/YAML/meta values, as naive UTC; None when it is not a date."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds are common in JSON
        try:
            parsed = datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    elif isinstance(value, str):
        parsed_or_none = _parse_date_text(value.strip())
        if parsed_or_none is None:
            return None
        parsed = parsed_or_none
    else:
        return None
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
        except (OverflowError, ValueError):
            return None
    if not _MIN_YEAR <= parsed.year <= _MAX_YEAR:
        return None
    return parsed


def _parse_date_text(text: str) -> datetime | None:
    if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    try:
        # Covers ISO 8601 and news-please's "YYYY-MM-DD HH:MM:SS" (Python 3.11+ accepts both).
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    from dateutil import parser as dateparser  # slow path only

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateutil warns on unknown zone names; we drop them
        try:
            return dateparser.parse(text, tzinfos=_TZINFOS)
        except (ValueError, OverflowError, TypeError, LookupError):
            return None


# Words that never belong to a person's or agency's name in a byline.
_BYLINE_JUNK = frozenset(
    """read min mins minute minutes published updated update print share email twitter facebook
    instagram million billion this that what is are was were who when how why says said about
    author more stories et a.m. p.m. am pm getty images photo photos image video writer reporter
    correspondent editor editorial staff your view comments comment subscribe follow jan feb mar
    apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december""".split()
)
_BYLINE_KEEP_STAFF = re.compile(r"^(reuters|ap|afp|associated press) staff$", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(by|more stories|written by|posted by|from)\s+", re.IGNORECASE)
_BYLINE_SUFFIX = re.compile(r"\s+(for|in|at)\s+\S.*$", re.IGNORECASE)
_BYLINE_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\n)\s*", re.IGNORECASE)
_BYLINE_BAD_CHARS = re.compile(r"[0-9@/<>{}=_#]|www\.|https?:|\.com\b", re.IGNORECASE)


def clean_byline(value: object) -> str:
    """Authors as "A, B": accepts a string, a list, or JSON-LD person objects; drops extractor junk."""
    names: list[str] = []
    for raw in _byline_parts(value):
        for part in _BYLINE_SPLIT.split(raw):
            name = _clean_name(part)
            if name and name.lower() not in (n.lower() for n in names):
                names.append(name)
    return ", ".join(names)


def _byline_parts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _byline_parts(value.get("name") or value.get("@name") or "")
    if isinstance(value, (list, tuple)):
        return [part for item in value for part in _byline_parts(item)]
    return []


def _clean_name(part: str) -> str:
    name = _SPACES.sub(" ", part).strip(" .:-–—•")
    name = _BYLINE_PREFIX.sub("", name)
    name = _BYLINE_SUFFIX.sub("", name).strip(" .:-–—•")
    if not name or _BYLINE_BAD_CHARS.search(name) or not any(ch.isalpha() for ch in name):
        return ""
    if _BYLINE_KEEP_STAFF.match(name):
        return name
    words = name.split()
    if len(words) > 5 or any(word.lower().strip(".,") in _BYLINE_JUNK for word in words):
        return ""
    if len(words) == 1 and name.islower():
        return ""
    return name


def normalize_paragraphs(text: str) -> str:
    """Collapse runs of spaces inside lines and make paragraphs exactly one blank line apart."""
    text = _UNSTORABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = []
    for block in _BLANK_LINES.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            paragraphs.append(block)
    return "\n\n".join(paragraphs)


def one_line(text: object) -> str:
    """A single-line field (headline, outlet): whitespace collapsed, non-strings ignored."""
    if not isinstance(text, str):
        return ""
    return " ".join(_UNSTORABLE.sub("", text).split())


def drop_repeated_headline(body: str, headline: str) -> str:
    """Crawlers and extractors often copy the headline into the body's first line; keep it once."""
    first, _, rest = body.lstrip().partition("\n")
    if headline and rest.strip() and one_line(first) == one_line(headline):
        return rest
    return body


def language_code(value: object) -> str:
    """The primary language subtag: "en-US", "en_GB" -> "en"; "" when it is not a language tag."""
    code = one_line(value).replace("_", "-").split("-", 1)[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else ""


def headline_from_body(body: str, path: str) -> str:
    """A headline for an article that has none: its first sentence, or the file name."""
    first = body.split("\n", 1)[0].strip()
    sentence = _SENTENCE_END.split(first, 1)[0].strip()
    if len(sentence) > _MAX_HEADLINE:
        sentence = sentence[:_MAX_HEADLINE].rsplit(" ", 1)[0] + "…"
    return sentence or PurePath(source_file(path)).stem


def make_article(
    path: str,
    fmt: str,
    headline: object,
    body: str,
    *,
    byline: object = "",
    outlet: object = "",
    published: object = None,
    url: object = "",
    language: object = "",
    extraction: str = "",
) -> Article:
    """Build the Article every parser returns; raise SkipFile when there is no body text."""
    body = normalize_paragraphs(body)
    if not body:
        raise SkipFile(NO_TEXT)
    title = one_line(headline) or headline_from_body(body, path)
    return Article(
        path=path,
        headline=title,
        body=body,
        format=fmt,
        byline=clean_byline(byline),
        outlet=one_line(outlet),
        published=parse_date(published),
        url=one_line(url),
        language=language_code(language),
        extraction=extraction,
    )
