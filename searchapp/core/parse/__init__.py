"""Turn the bytes of one file into Articles, one parser module per format.

`parse_bytes(data, path)` is the single entry point: it picks the parser by extension and
returns one Article per document (a JSON array or JSON Lines file gives several), or raises
`SkipFile` with a reason a user can read.
"""

from __future__ import annotations

from pathlib import PurePath

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article
from searchapp.core.parse import text

PARSERS = {
    ".txt": text.parse,
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
    return parser(data, path)
