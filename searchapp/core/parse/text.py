"""Plain-text articles: the headline is the first non-empty line, the body is the rest.

This is the layout of the BBC News dataset and of the Wikinews sample `.txt` files. A short
dateline ("Friday, July 21, 2017") or "By ..." line among the first lines of the body gives the
publication date and byline; both stay in the body as written.
"""

from __future__ import annotations

import re

from searchapp.core.models import Article
from searchapp.core.parse.encoding import decode
from searchapp.core.parse.fields import make_article, parse_date

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
HEADER_LINES = 3  # how many leading body lines may hold a dateline or byline
HEADER_CHARS = 60


def _header_facts(body: str) -> tuple[object, str]:
    published: object = None
    byline = ""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()][:HEADER_LINES]
    for line in lines:
        if len(line) > HEADER_CHARS:
            continue
        if published is None and _YEAR.search(line):
            published = parse_date(line)
        elif not byline and _BYLINE.match(line):
            byline = line
    return published, byline


def parse(data: bytes, path: str) -> list[Article]:
    text = decode(data).lstrip()
    headline, _, body = text.partition("\n")
    if not body.strip():
        # A one-paragraph file has no separate headline: the article is that paragraph.
        return [make_article(path, "txt", "", headline)]
    published, byline = _header_facts(body)
    return [make_article(path, "txt", headline, body, published=published, byline=byline)]
