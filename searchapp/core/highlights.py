"""A hit's headline and snippet with the query's words marked.

The snippet is whoosh's "pinpoint" highlighting (the passages around the matched words), with the
matched words found in the hit's stored text by the field's own tokenizer and stemmer (core/analysis.py),
the text being at hand and a few thousand characters long. The index keeps no character offsets (schema
version 3): whoosh's own highlighter would analyse the text through its chain of generators, and with
offsets it opened every query word's posting list and decoded the blocks holding each hit (for `bank*`
at 100,000 articles, 40 words in 8 segments). The snippets are whoosh's, mark for mark
(tests/core/test_highlights.py compares them, with and without offsets in the index).
"""

from __future__ import annotations

import html
from typing import Any

from whoosh import highlight
from whoosh.analysis import Token

from searchapp.core.analysis import plain_pattern, term

SNIPPET_CHARS = 240


class _Mark(highlight.Formatter):
    """HTML-escaped text with the matched words in <b class="hit">."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f'<b class="hit">{html.escape(highlight.get_text(text, token, replace), quote=False)}</b>'


class TextPinpointHighlighter(highlight.Highlighter):
    """whoosh's pinpoint highlighting, the matched words found in the text given (see the module's text)."""

    def highlight_hit(self, hitobj: Any, fieldname: str, text: str | None = None, top: int = 3,
                      minscore: float = 1, strict_phrase: bool = False) -> str:
        results = hitobj.results
        field = results.searcher.schema[fieldname]
        pattern = plain_pattern(field.analyzer)
        if text is None or pattern is None or strict_phrase:
            return super().highlight_hit(hitobj, fieldname, text, top, minscore, strict_phrase)  # type: ignore[no-any-return]
        words = frozenset(field.from_bytes(found[1]) for found in hitobj.matched_terms() if found[0] == fieldname)
        charlimit = self.fragmenter.charlimit
        tokens = []
        if words:
            # Stemming keeps a word's first letter (Porter only rewrites endings), so a word that begins
            # with no query word's letter is not stemmed at all: a fresh process stemmed every word of
            # every hit's text, most of its snippets' time.
            starts = _Initials(word[0] for word in words if word)
            for pos, match in enumerate(pattern.finditer(text)):
                written = match.group()
                if not starts[written[0]]:
                    continue
                word = term(written)
                if word in words:
                    start, end = match.span()
                    if charlimit and end > charlimit:
                        break  # whoosh stops at the limit too (its offsets grow with the position)
                    tokens.append(Token(text=word, pos=pos, startchar=start, endchar=end))
        fragments = self.fragmenter.fragment_matches(text, tokens)
        fragments = highlight.top_fragments(fragments, top, self.scorer, self.order, minscore=minscore)
        return self.formatter.format(fragments)  # type: ignore[no-any-return]


class _Initials(dict[str, bool]):
    """Whether a word beginning with a character may have one of the terms' first letters (the letters
    given, lower-case, as the chain's terms are): a word's lower-case form begins with its first
    character's."""

    def __init__(self, letters: Any) -> None:
        super().__init__()
        self._letters = frozenset(letters)

    def __missing__(self, char: str) -> bool:
        found = self[char] = char.lower()[:1] in self._letters
        return found


BODY_HIGHLIGHTER = TextPinpointHighlighter(
    fragmenter=highlight.PinpointFragmenter(maxchars=SNIPPET_CHARS, surround=90, autotrim=True),
    formatter=_Mark(),
)
HEADLINE_HIGHLIGHTER = highlight.Highlighter(fragmenter=highlight.WholeFragmenter(), formatter=_Mark())


def marked_headline(hit: Any, headline: str) -> str:
    return HEADLINE_HIGHLIGHTER.highlight_hit(hit, "headline", text=headline, minscore=1)  # type: ignore[no-any-return]


def marked_snippet(hit: Any, body: str) -> str:
    return " ".join(BODY_HIGHLIGHTER.highlight_hit(hit, "body", text=body, top=2, minscore=1).split())
