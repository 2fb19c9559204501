"""Markdown articles: optional YAML front matter, headline from it or from the first `# ` heading.

The body becomes plain text: markup (emphasis, links, images, code fences, HTML tags, quote
markers) is stripped and soft-wrapped lines are joined into paragraphs.
"""

from __future__ import annotations

import re

import yaml

from searchapp.core.models import Article
from searchapp.core.parse.encoding import decode
from searchapp.core.parse.fields import make_article

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>|<!--.*?-->")
# Underscores mark emphasis only at word edges, so snake_case words survive.
_EMPHASIS = re.compile(r"(\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1|(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\3(?!\w)")
_CODE_SPAN = re.compile(r"`+([^`]+)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "pubdate", "publishdate")
AUTHOR_KEYS = ("author", "authors", "byline")
OUTLET_KEYS = ("source", "outlet", "publisher", "site")


def parse(data: bytes, path: str) -> list[Article]:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    meta, text = _front_matter(text)
    headline = _first(meta, TITLE_KEYS)
    lines = text.split("\n")
    if not headline:
        headline, lines = _take_title_heading(lines)
    return [
        make_article(
            path,
            "md",
            inline_text(headline) if isinstance(headline, str) else "",
            plain_text(lines),
            byline=_first(meta, AUTHOR_KEYS) or "",
            outlet=_first(meta, OUTLET_KEYS) or "",
            published=_first(meta, DATE_KEYS),
            url=_first(meta, ("url", "link")) or "",
            language=_first(meta, ("lang", "language")) or "",
        )
    ]


def _front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter as a dict (lower-case keys) and the text after it; bad YAML is ignored."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text[match.end() :]
    if not isinstance(meta, dict):
        return {}, text[match.end() :]
    return {str(key).lower(): value for key, value in meta.items()}, text[match.end() :]


def _first(meta: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        if meta.get(key) not in (None, "", []):
            return meta[key]
    return None


def _take_title_heading(lines: list[str]) -> tuple[str, list[str]]:
    """The first level-1 heading before any paragraph text, removed from the lines."""
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX_HEADING.match(line)
        if match and len(match.group(1)) == 1:
            return match.group(2), lines[:number] + lines[number + 1 :]
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if following.strip().startswith("=") and _SETEXT_UNDERLINE.match(following):
            return line.strip(), lines[:number] + lines[number + 2 :]
        break
    return "", lines


def plain_text(lines: list[str]) -> str:
    """Markdown lines to paragraphs of plain text separated by blank lines."""
    paragraphs: list[list[str]] = [[]]
    fence = ""
    for line in lines:
        fence_match = _FENCE.match(line)
        if fence:
            if (
                fence_match
                and fence_match.group(1)[0] == fence[0]
                and len(fence_match.group(1)) >= len(fence)
            ):
                fence = ""
                paragraphs.append([])
            else:
                paragraphs[-1].append(line.rstrip())
            continue
        if fence_match:
            fence = fence_match.group(1)
            paragraphs.append([])
            continue
        if not line.strip() or _RULE.match(line) or _LINK_DEFINITION.match(line):
            paragraphs.append([])
            continue
        if _SETEXT_UNDERLINE.match(line) and paragraphs[-1]:
            paragraphs.append([])  # the line above was a heading: it stands alone
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            paragraphs.extend([[inline_text(heading.group(2))], []])
            continue
        line = _QUOTE.sub("", line)
        item = _LIST_ITEM.match(line)
        if item:
            paragraphs[-1].append("\n- " + inline_text(line[item.end() :]))
        else:
            paragraphs[-1].append(inline_text(line))
    return "\n\n".join(_join_lines(lines) for lines in paragraphs if any(part.strip() for part in lines))


def _join_lines(lines: list[str]) -> str:
    """Soft-wrapped lines join with a space; list items keep their own line."""
    return (
        " ".join(part.strip() if not part.startswith("\n") else part for part in lines)
        .replace(" \n", "\n")
        .strip()
    )


def inline_text(text: str) -> str:
    """Strip inline markup: images, links (keeping their text), emphasis, code, HTML tags."""
    text = _IMAGE.sub("", text)  # alt text describes a picture, it is not article text
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _CODE_SPAN.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***bold italic***
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    return _ESCAPE.sub(r"\1", text).strip()
