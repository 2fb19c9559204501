"""Plain, immutable records passed between the stages of the pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

# Record N of a JSON array or JSON Lines file is addressed as "file.jsonl#N"; only those formats hold records.
_RECORD_ADDRESS = re.compile(r"^(.*\.(?:json|jsonl|ndjson))#\d+$", re.IGNORECASE)


def source_file(path: str) -> str:
    """The file on disk that holds the document at `path` (a '#' in an ordinary file name stays)."""
    match = _RECORD_ADDRESS.match(path)
    return match.group(1) if match else path


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file (or one record of a multi-record file).

    `path` is the address of the document: the file path, plus `#N` for record N (0-based)
    of a JSON array or JSON Lines file. `body` keeps paragraphs separated by a blank line.
    """

    path: str
    headline: str
    body: str
    format: str
    byline: str = ""
    outlet: str = ""
    published: datetime | None = None
    url: str = ""
    language: str = ""
    # How an HTML page's body was found: "main text" (the main-text extractor), "paragraphs" (a short
    # page's <p> text), "articleBody" (the page's JSON-LD), or "visible text" (the fallback when those
    # found nothing or far less than the page shows). Empty for other formats.
    extraction: str = ""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone the article presents as saying something, under a canonical name."""

    name: str
    type: str  # "person" or "org"
    role: str = ""
    aliases: tuple[str, ...] = ()
    quotes: int = 0
    quoted: tuple[str, ...] = ()  # the quotations (or the sentence reporting their words), first 200 characters


@dataclass(frozen=True, slots=True)
class Entities:
    """Who is quoted and who is mentioned in one article (speakers are also in people/orgs)."""

    speakers: tuple[Speaker, ...] = ()
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    # Names the article shows to be a work, an event or a product ("the drama Vera Drake"): never a person
    # or an organisation, and counted across the collection (core/entities/collection.py)
    works: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or record) that could not be indexed, with a reason a user can read."""

    path: str
    reason: str


class FacetCount(NamedTuple):
    """One facet value and how many results have it (a named tuple: a search makes tens of thousands)."""

    value: str
    count: int
    type: str = ""  # a name facet's value: "person" or "org"


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: stored fields plus score and highlighted snippets (HTML with <b> marks)."""

    path: str
    headline: str
    outlet: str
    published: datetime | None
    byline: str
    url: str
    format: str
    folder: str
    speakers: tuple[Speaker, ...]
    people: tuple[str, ...]
    orgs: tuple[str, ...]
    score: float
    headline_html: str
    snippet_html: str
    story: str = ""  # shared by an article and its near-copies
    copies: int = 0  # how many other articles the story has


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[FacetCount, ...]] = field(default_factory=dict)
    terms: tuple[str, ...] = ()  # every indexed term form the query matched, for whole-article highlighting
    page: int = 1
    page_size: int = 20
    notice: str = ""  # how the query was read, when not as typed ("Searched as words: ...", a capped pattern)
    took_ms: float = 0.0  # searching, counting facets and building snippets, once the index is open
    # Each facet's number of values in all, when `facets` holds only the most frequent of them.
    facet_sizes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FolderInfo:
    path: str
    articles: int
    last_update: datetime | None
    missing: bool = False  # the folder is gone from disk (moved, deleted or an unplugged drive)


@dataclass(frozen=True, slots=True)
class IndexStats:
    articles: int
    files: int
    folders: int
    problems: int
    size_bytes: int
    last_update: datetime | None
    location: str


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What one indexing run did: files new, changed, unchanged and removed, and the articles (a
    JSON Lines file holds many) that the new and changed files gave."""

    indexed: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: tuple[Problem, ...] = ()
    cancelled: bool = False
    new_articles: int = 0  # articles from the new files
    updated_articles: int = 0  # articles from the changed files


@dataclass(frozen=True, slots=True)
class IndexProgress:
    """Where an indexing run is, for a progress display.

    `phase` is "waiting" (another process writes to the index; `current` says which), "walking"
    (listing the folders; `done` files found so far), "indexing" (`done` of `total` files written;
    `new`, `changed` and `removed` say what the walk found), "committing" or "merging" (saving
    `articles` articles; merging folds the index's small segments together, which takes longer)."""

    phase: str
    done: int = 0
    total: int = 0
    new: int = 0
    changed: int = 0
    removed: int = 0
    articles: int = 0
    current: str = ""


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An indexed article as the viewer needs it: the parsed article, its entities, its folder."""

    article: Article
    entities: Entities
    folder: str
