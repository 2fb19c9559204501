"""Plain-text articles: headline on the first non-empty line, body after it."""

from __future__ import annotations

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article


def parse(data: bytes, path: str) -> list[Article]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise SkipFile("empty file")
    headline = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    return [Article(path=path, headline=headline, body=body, format="txt")]
