"""Between articles and index documents: the worker-side load (read, hash, parse, extract) and the
mapping of an Article and its Entities to Whoosh fields and back."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

from searchapp.core.columns import facet_record
from searchapp.core.errors import SkipFile
from searchapp.core.extract import extract_entities
from searchapp.core.models import Article, Entities, Speaker, StoredArticle
from searchapp.core.parse import parse_bytes
from searchapp.core.schema import acronyms
from searchapp.core.stories import story_fields

VANISHED = "the file disappeared while it was being indexed (deleted or moved away)"


@dataclass
class LoadedFile:
    """What a pool worker hands back for one file: documents to write, or a problem, or 'same'."""

    path: str
    root: str
    size: int
    mtime_ns: int
    digest: str = ""
    documents: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""
    same_content: bool = False  # the hash matches the indexed one: only the file state changed


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def filestate(path: str, size: int, mtime_ns: int, digest: str) -> str:
    return f"{path}\x1f{size}\x1f{mtime_ns}\x1f{digest}"


def split_filestate(term: str) -> tuple[str, int, int, str]:
    path, size, mtime_ns, digest = term.split("\x1f")
    return path, int(size), int(mtime_ns), digest


def load_file(path: str, root: str, old_digest: str, max_file_size: int) -> LoadedFile:
    """Read, hash, parse and extract one file. Runs in a worker process; never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            # The state recorded is the one from before the read: a file written to meanwhile then
            # looks changed to the next run and is read again, instead of keeping stale text for good.
            stat = os.fstat(handle.fileno())
            data = handle.read(max_file_size + 1)
        stat_size = len(data)
    except FileNotFoundError:
        return LoadedFile(path, root, 0, 0, problem=VANISHED)
    except OSError as error:
        return LoadedFile(path, root, 0, 0, problem=f"cannot read file: {error.strerror or error}")
    loaded = LoadedFile(path, root, stat.st_size, stat.st_mtime_ns)
    if stat_size > max_file_size:
        loaded.problem = f"file is larger than the {max_file_size / 1048576:g} MB limit"
        return loaded
    loaded.digest = content_hash(data)
    if old_digest and loaded.digest == old_digest:
        loaded.same_content = True
        return loaded
    try:
        articles = parse_bytes(data, path)
        for article in articles:
            loaded.documents.append(document_fields(article, extract_entities(article), root))
    except SkipFile as error:
        loaded.documents.clear()
        loaded.problem = str(error)
    except Exception as error:  # a parser bug must not stop the whole run; the file is reported
        loaded.documents.clear()
        loaded.problem = f"could not be read ({type(error).__name__}: {error})"
    state = filestate(path, loaded.size, loaded.mtime_ns, loaded.digest)
    for document in loaded.documents:
        document.update(
            file=path, filestate=state, size=loaded.size, mtime_ns=loaded.mtime_ns, hash=loaded.digest
        )
    return loaded


def _names_text(names: list[str], extra: list[str] | None = None) -> str:
    return " ; ".join(names + (extra or []))


def document_fields(article: Article, entities: Entities, folder: str) -> dict[str, Any]:
    """The Whoosh fields of one article (file state fields are added by the caller)."""
    speaker_names = [speaker.name for speaker in entities.speakers]
    aliases = [alias for speaker in entities.speakers for alias in speaker.aliases]
    fields: dict[str, Any] = {
        "path": article.path,
        "folder": folder,
        "headline": article.headline,
        "body": article.body,
        "byline": article.byline,
        "url": article.url,
        "language": article.language,
        "format": article.format,
        "speakers": ",".join(name.replace(",", " ") for name in speaker_names),
        "people": ",".join(name.replace(",", " ") for name in entities.people),
        "orgs": ",".join(name.replace(",", " ") for name in entities.orgs),
        "works": ",".join(name.replace(",", " ") for name in entities.works),
        "outlet": article.outlet,
        "speaker_text": _names_text(speaker_names, aliases),
        "person_text": _names_text(list(entities.people)),
        "org_text": _names_text(
            list(entities.orgs), [a for s in entities.speakers if s.type == "org" for a in s.aliases]
        ),
        "outlet_text": article.outlet,
        "speakers_detail": [
            (speaker.name, speaker.type, speaker.role, list(speaker.aliases), speaker.quotes)
            for speaker in entities.speakers
        ],
        "speakers_column": json.dumps(
            [(speaker.name, speaker.type, speaker.role, speaker.quotes, list(speaker.quoted))
             for speaker in entities.speakers],
            ensure_ascii=False, separators=(",", ":"),
        ).encode("utf-8") if entities.speakers else b"",
        **story_fields(article.headline, article.body),
        "acronyms": acronyms(article.headline, article.body, article.byline, article.outlet, *entities.orgs),
    }
    if article.published is not None:
        fields["published"] = article.published
        fields["year"] = f"{article.published.year:04d}"
        fields["month"] = f"{article.published.year:04d}-{article.published.month:02d}"
    fields["facets"] = facet_record(fields)
    return {key: value for key, value in fields.items() if value not in ("", b"", None)}


def split_names(value: str | None) -> tuple[str, ...]:
    return tuple(name for name in (value or "").split(",") if name)


def speakers_from_stored(stored: dict[str, Any]) -> tuple[Speaker, ...]:
    return tuple(
        Speaker(name=name, type=kind, role=role, aliases=tuple(aliases), quotes=quotes)
        for name, kind, role, aliases, quotes in stored.get("speakers_detail", ())
    )


def stored_article(stored: dict[str, Any]) -> StoredArticle:
    article = Article(
        path=stored["path"],
        headline=stored.get("headline", ""),
        body=stored.get("body", ""),
        format=stored.get("format", ""),
        byline=stored.get("byline", ""),
        outlet=stored.get("outlet", ""),
        published=stored.get("published"),
        url=stored.get("url", ""),
        language=stored.get("language", ""),
    )
    entities = Entities(
        speakers=speakers_from_stored(stored),
        people=split_names(stored.get("people")),
        orgs=split_names(stored.get("orgs")),
    )
    return StoredArticle(article=article, entities=entities, folder=stored.get("folder", ""))


def refreshed_document(stored: dict[str, Any], size: int, mtime_ns: int, digest: str) -> dict[str, Any]:
    """A stored document rebuilt with a new file state (the file was touched, its content is the same)."""
    record = stored_article(stored)
    fields = document_fields(record.article, record.entities, record.folder)
    if stored.get("story"):
        fields["story"] = stored["story"]  # the same text: the same story
    fields.update(
        file=stored["file"],
        filestate=filestate(stored["file"], size, mtime_ns, digest),
        size=size,
        mtime_ns=mtime_ns,
        hash=digest,
    )
    return fields
