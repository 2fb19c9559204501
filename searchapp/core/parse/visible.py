"""The text a reader sees on an HTML page: the fallback when the main-text extractor finds little.

Scripts, styles, navigation, headers, footers, asides, forms and hidden elements are left out;
block elements become paragraphs. A streaming parser (the standard library's), so there is no
nesting limit: a page whose article sits under thousands of nested elements still gives its text,
where a tree parser stops at a depth limit.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = frozenset(
    """script style noscript template svg math head nav header footer aside form button select
    textarea iframe object embed canvas video audio map dialog""".split()
)
BLOCKS = frozenset(
    """p div article section main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr td th table blockquote pre
    figure figcaption address br hr body html""".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_LETTER = re.compile(r"\w")
_TAG = re.compile(r"<[^>]*>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._words: list[str] = []
        self._open: list[tuple[str, bool]] = []  # tag, and whether it hides what it holds
        self._hiding = 0  # open elements that hide their content

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and any(name == "head" for name, _hides in self._open):
            self.handle_endtag("head")  # a page that never closed its <head>
        if tag in BLOCKS:
            self._break()
        if tag in VOID:
            return
        values = dict(attrs)
        hides = (
            tag in SKIPPED
            or "hidden" in values
            or values.get("aria-hidden") == "true"
            or bool(_HIDDEN_STYLE.search(values.get("style") or ""))
        )
        self._open.append((tag, hides))
        self._hiding += hides

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._break()
        if not any(name == tag for name, _hides in self._open):
            return  # a stray end tag
        while self._open:  # close what the page left open inside it too
            name, hides = self._open.pop()
            self._hiding -= hides
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._hiding:
            self._words.extend(data.split())

    def _break(self) -> None:
        if self._words:
            self.paragraphs.append(" ".join(self._words))
            self._words = []

    def close(self) -> None:
        super().close()
        self._break()


# Scripts, styles and comments are most of a page's bytes: cut them out (a C regex) before the
# Python parser walks the rest.
_BULK = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)


def visible_text(html: str) -> str:
    """The page's visible text, one paragraph per line."""
    parser = _VisibleText()
    parser.feed(_BULK.sub(" ", html))
    parser.close()
    return "\n".join(paragraph for paragraph in parser.paragraphs if paragraph)


def text_size(text: str) -> int:
    """How much text there is, in letters of any script (words are no measure for Chinese)."""
    return len(_LETTER.findall(text))


def rough_text_size(html: str) -> int:
    """At least the size of the visible text (everything outside tags, scripts and styles counts),
    in a fraction of visible_text's time: when a body is large next to this, it is large enough."""
    return text_size(_TAG.sub(" ", _BULK.sub(" ", html)))
