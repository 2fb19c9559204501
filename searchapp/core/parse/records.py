"""JSON articles: one record, an array of records, or JSON Lines (one record per line).

Understands news-please / CC-News records (`maintext` or `text`, `authors`, `date_publish`,
`source_domain`), the Wikinews sample files (interviews carry question/answer `turns`) and
generic records with the usual field names. Record N of a multi-record file is `path#N`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePath

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article
from searchapp.core.parse.encoding import decode
from searchapp.core.parse.fields import NO_TEXT, drop_repeated_headline, make_article, one_line

# Field names in order of preference, compared case-insensitively.
TEXT_FIELDS = (
    "maintext",
    "text",
    "articlebody",
    "body",
    "content",
    "article",
    "fulltext",
    "full_text",
    "story",
)
SUMMARY_FIELDS = ("description", "summary", "abstract", "lead", "standfirst")
TITLE_FIELDS = ("title", "headline", "title_page", "title_rss")
AUTHOR_FIELDS = ("authors", "author", "byline", "creator", "creators", "writer")
DATE_FIELDS = (
    "date_publish", "datepublished", "published", "date_published", "publish_date", "published_at",
    "publishedat", "pubdate", "date", "datecreated", "created_at", "date_created",
)  # fmt: skip
URL_FIELDS = ("url", "link", "canonical_url", "source_url", "permalink")
OUTLET_FIELDS = (
    "source_domain",
    "outlet",
    "source",
    "publisher",
    "site_name",
    "sitename",
    "newspaper",
    "domain",
)
LANGUAGE_FIELDS = ("language", "lang", "inlanguage")
# Keys under which a wrapper object holds its list of records, e.g. {"articles": [...]}.
LIST_FIELDS = (
    "articles",
    "items",
    "records",
    "data",
    "results",
    "documents",
    "docs",
    "posts",
    "entries",
    "stories",
)

_SPEAKER_WORD = re.compile(r"Ma?c[A-Z][a-z]+|[A-Z][a-z]*|[a-z]+|[0-9]+")
LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})


def parse(data: bytes, path: str) -> list[Article]:
    text = decode(data)
    if PurePath(path).suffix.lower() in LINES_SUFFIXES:
        return _articles(_json_lines(text), path, many=True)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # several objects one per line: JSON Lines under a .json name
            return _articles(_json_lines(text), path, many=True)
        raise SkipFile(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise SkipFile("not valid JSON (nested too deeply)") from None
    if isinstance(document, dict):
        listed = _listed_records(document)
        if listed is None:
            return _articles(iter([document]), path, many=False)
        document = listed
    if isinstance(document, list):
        return _articles(iter(document), path, many=True)
    raise SkipFile("JSON file holds no article records")


def _json_lines(text: str) -> Iterator[object]:
    """The records of a JSON Lines text; a malformed line yields None so numbering stays stable."""
    for line in text.split("\n"):  # not splitlines(): U+2028 and U+0085 are legal inside JSON strings
        line = line.strip()
        if not line:
            continue
        try:
            yield json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            yield None


def _listed_records(document: dict) -> list | None:
    """The record list of a wrapper object, or None when the object is itself a record."""
    fields = _lower_keys(document)
    if any(key in fields for key in TEXT_FIELDS) or "turns" in fields:
        return None
    for key in LIST_FIELDS:
        value = fields.get(key)
        if isinstance(value, list) and any(isinstance(item, dict) for item in value):
            return value
    return None


def _articles(records: Iterator[object], path: str, *, many: bool) -> list[Article]:
    articles: list[Article] = []
    seen = valid = 0
    for number, record in enumerate(records):
        seen += 1
        if not isinstance(record, dict):
            continue
        valid += 1
        try:
            articles.append(record_article(record, f"{path}#{number}" if many else path))
        except SkipFile:
            continue  # a record without text is left out; the file still counts
    if articles:
        return articles
    if seen == 0:
        raise SkipFile("JSON file holds no article records")
    if valid == 0:
        raise SkipFile("not valid JSON Lines" if many else "JSON file holds no article records")
    raise SkipFile(NO_TEXT)


def record_article(record: dict, path: str) -> Article:
    """One Article from one JSON object, whatever its field names."""
    fields = _lower_keys(record)
    headline = _first_text(fields, TITLE_FIELDS)
    body = _interview_text(fields) or _first_text(fields, TEXT_FIELDS) or _first_text(fields, SUMMARY_FIELDS)
    if "\n\n" not in body:
        body = body.replace("\n", "\n\n")  # news-please writes one paragraph per line
    body = drop_repeated_headline(body, headline)
    return make_article(
        path,
        "json",
        headline,
        body,
        byline=_first(fields, AUTHOR_FIELDS),
        outlet=_outlet(_first(fields, OUTLET_FIELDS)),
        published=_first(fields, DATE_FIELDS),
        url=_first_text(fields, URL_FIELDS),
        language=_first_text(fields, LANGUAGE_FIELDS),
    )


def _lower_keys(record: dict) -> dict[str, object]:
    fields: dict[str, object] = {}
    for key, value in record.items():
        if isinstance(key, str):
            fields.setdefault(key.lower(), value)
    return fields


def _first(fields: dict[str, object], names: tuple[str, ...]) -> object:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _first_text(fields: dict[str, object], names: tuple[str, ...]) -> str:
    for name in names:
        text = _as_text(fields.get(name))
        if text.strip():
            return text
    return ""


def _as_text(value: object) -> str:
    """A string field, or a list of paragraph strings joined as paragraphs."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    return ""


def _outlet(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("name")
    return one_line(value)


def _interview_text(fields: dict[str, object]) -> str:
    """The body of an interview with its turns rendered as "Speaker: text" paragraphs.

    Paragraphs of `text` that are not turns (dateline, introduction, section headings) stay in
    place; each turn's paragraph gets its speaker's name in front.
    """
    turns = fields.get("turns")
    if not isinstance(turns, list) or not turns:
        return ""
    text = _as_text(fields.get("text"))
    parts: list[str] = []
    cursor = 0
    for turn in turns:
        if not isinstance(turn, dict) or not isinstance(turn.get("text"), str):
            continue
        said = turn["text"].strip()
        speaker = speaker_name(turn.get("speaker") or turn.get("speaker_name") or turn.get("speaker_id"))
        found = text.find(said, cursor) if said else -1
        if found >= 0:
            parts.append(text[cursor:found])
            cursor = found + len(said)
        parts.append(f"\n\n{speaker}: {said}\n\n" if speaker else f"\n\n{said}\n\n")
    parts.append(text[cursor:])
    return "".join(parts)


def speaker_name(speaker_id: object) -> str:
    """A display name from an interview speaker id: "#HughMcGuire" -> "Hugh McGuire"."""
    if not isinstance(speaker_id, str):
        return ""
    name = speaker_id.strip().lstrip("#@").strip()
    if " " in name or not name:
        return name
    return " ".join(_SPEAKER_WORD.findall(name)) or name
