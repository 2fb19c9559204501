"""Turn the bytes of one file into Articles, one parser module per format.

`parse_bytes(data, path)` is the single entry point: it picks the parser by extension and
returns one Article per document (a JSON array or JSON Lines file gives several), or raises
`SkipFile` with a reason a user can read. Every function here is module-level so that the
indexer can call it in a process pool.
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article
from searchapp.core.parse import html, markdown, records, text

log = logging.getLogger(__name__)

PARSERS = {
    ".txt": text.parse,
    ".html": html.parse,
    ".htm": html.parse,
    ".xhtml": html.parse,
    ".json": records.parse,
    ".jsonl": records.parse,
    ".ndjson": records.parse,
    ".md": markdown.parse,
    ".markdown": markdown.parse,
}

SUPPORTED_EXTENSIONS = frozenset(PARSERS)


def parse_bytes(data: bytes, path: str) -> list[Article]:
    """Parse one file's bytes; `path` names the file and picks the format by its extension."""
    suffix = PurePath(path).suffix.lower()
    parser = PARSERS.get(suffix)
    if parser is None:
        raise SkipFile(f"unsupported file type '{suffix or '(none)'}'")
    if not data.strip():
        raise SkipFile("empty file")
    try:
        return parser(data, path)
    except SkipFile:
        raise
    except Exception as error:  # one odd file must never stop an indexing run
        log.warning("could not parse %s", path, exc_info=True)
        raise SkipFile(f"could not read the file ({type(error).__name__})") from None
