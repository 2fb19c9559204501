"""Snippets marked from the stored text (core/highlights.py) are whoosh's pinpoint snippets, mark for mark,
whether or not the index keeps character offsets (whoosh reads them then, else analyses the text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import highlight
from whoosh import index as whoosh_index
from whoosh.fields import TEXT, Schema
from whoosh.qparser import MultifieldParser

from searchapp.core import whoosh_fixes  # noqa: F401 - as in every process
from searchapp.core.analysis import plain_pattern, term
from searchapp.core.highlights import BODY_HIGHLIGHTER, TextPinpointHighlighter, marked_snippet
from searchapp.core.schema import SCHEMA

BODIES = [
    "The Prime Minister said the ministers would meet. Oil prices rose; the minister's office said nothing.",
    "Café owners in São Paulo said U.S. banks, bankers and banking rules hurt. The CAFÉ closed.",
    "Ministers. MINISTER! minister? Prime-minister talks on oil, prices and oil prices again and again.",
    "filler words here " * 2200 + "and the minister spoke at last, far past the highlighter's limit",
    "A story about football with no other words of the queries at all, said the coach.",
]
QUERIES = ["minister", "oil prices", "bank*", '"prime minister"', "café", "u.s.", "said", "minist* OR oil"]


def _with_offsets() -> Schema:
    """The schema with character offsets in headline and body (whoosh's highlighter reads them then)."""
    schema = SCHEMA.copy()
    for name in ("headline", "body"):
        field = SCHEMA[name]
        schema.remove(name)
        schema.add(name, TEXT(stored=True, analyzer=field.analyzer, phrase=True, chars=True))
    return schema


@pytest.fixture(scope="module", params=["positions", "offsets"])
def searcher(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = Path(tmp_path_factory.mktemp("index"))
    schema = SCHEMA if request.param == "positions" else _with_offsets()
    assert schema["body"].format.supports("characters") == (request.param == "offsets")
    ix = whoosh_index.create_in(str(folder), schema)
    with ix.writer() as writer:
        for number, body in enumerate(BODIES):
            writer.add_document(path=f"a{number}", headline=f"Headline {number}", body=body)
    with ix.searcher() as opened:
        yield opened


@pytest.mark.parametrize("query", QUERIES)
def test_snippets_are_whooshs_pinpoint_snippets(searcher, query: str) -> None:
    whooshs = highlight.Highlighter(fragmenter=BODY_HIGHLIGHTER.fragmenter, formatter=BODY_HIGHLIGHTER.formatter)
    parsed = MultifieldParser(["headline", "body"], SCHEMA).parse(query)
    results = searcher.search(parsed, terms=True, limit=None)
    assert results.scored_length() > 0
    for hit in results:
        ours = BODY_HIGHLIGHTER.highlight_hit(hit, "body", text=hit["body"], top=2, minscore=1)
        assert ours == whooshs.highlight_hit(hit, "body", text=hit["body"], top=2, minscore=1)
    marked = [marked_snippet(hit, hit["body"]) for hit in results]
    assert any('<b class="hit">' in snippet for snippet in marked)


def test_without_the_text_or_for_another_analyzer_whoosh_does_it(searcher) -> None:
    results = searcher.search(MultifieldParser(["body"], SCHEMA).parse("minister"), terms=True)
    hit = results[0]
    plain = TextPinpointHighlighter(fragmenter=BODY_HIGHLIGHTER.fragmenter, formatter=BODY_HIGHLIGHTER.formatter)
    assert plain.highlight_hit(hit, "body", top=2) == plain.highlight_hit(hit, "body", text=hit["body"], top=2)


@settings(max_examples=400, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_a_words_term_begins_with_its_first_characters_lower_case(text: str) -> None:
    # The snippets stem only the words whose first character may begin a query word's term.
    pattern = plain_pattern(SCHEMA["body"].analyzer)
    for match in pattern.finditer(text):
        word = match.group()
        assert term(word)[:1] == word[0].lower()[:1]


@pytest.mark.parametrize("word", ["Yields", "ies", "İstanbul", "sses", "Σας", "eed", "yesterday's"])
def test_the_first_letter_of_awkward_words_is_kept(word: str) -> None:
    pattern = plain_pattern(SCHEMA["body"].analyzer)
    for match in pattern.finditer(word):
        assert term(match.group())[:1] == match.group()[0].lower()[:1]
