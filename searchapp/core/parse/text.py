"""Plain-text articles: the headline is the first non-empty line, the body is the rest.

This is the layout of the BBC News dataset and of the Wikinews sample `.txt` files.
"""

from __future__ import annotations

from searchapp.core.models import Article
from searchapp.core.parse.encoding import decode
from searchapp.core.parse.fields import make_article


def parse(data: bytes, path: str) -> list[Article]:
    text = decode(data).lstrip()
    headline, _, body = text.partition("\n")
    if not body.strip():
        # A one-paragraph file has no separate headline: the article is that paragraph.
        return [make_article(path, "txt", "", headline)]
    return [make_article(path, "txt", headline, body)]
