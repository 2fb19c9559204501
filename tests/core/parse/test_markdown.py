"""Markdown: front matter, title heading, markup stripped to plain paragraphs."""

from __future__ import annotations

from datetime import datetime

import pytest

from searchapp.core.errors import SkipFile
from searchapp.core.parse import parse_bytes


def test_front_matter(parse_fixture):
    [article] = parse_fixture("front_matter.md")
    assert article.format == "md"
    assert article.headline == "Council approves flood fund"
    assert article.published == datetime(2024, 3, 5, 9, 30)
    assert article.byline == "Jane Doe, Sam Patel"
    assert article.outlet == "The Daily Example"
    assert article.url == "https://example.com/news/flood-fund"
    assert article.body.split("\n\n") == [
        "A heading that is not the title",
        "The council approved the fund on Tuesday after a long debate.",
        '"This is a start," said Maria Lopez.',
        "- defences by winter\n- consultation in spring",
        "not_markup = True",
    ]


def test_title_from_first_heading_and_markup_stripped(parse_fixture):
    [article] = parse_fixture("heading.md")
    assert article.headline == "Mayor resigns"
    assert article.body.split("\n\n") == [
        "The mayor resigned on Friday.",
        "Second paragraph with code and snake_case_name.",
        "After the rule.",
    ]


def test_setext_title(parse_fixture):
    [article] = parse_fixture("setext.md")
    assert (article.headline, article.body) == ("Mayor resigns", "The mayor resigned on Friday.")


def test_bad_front_matter_is_ignored(parse_fixture):
    [article] = parse_fixture("bad_yaml.md")
    assert (article.headline, article.body) == ("Fallback heading", "Body after bad front matter.")


def test_front_matter_without_text_is_skipped(parse_fixture):
    with pytest.raises(SkipFile, match="no article text found"):
        parse_fixture("only_front_matter.md")


def test_markdown_suffix_and_no_heading():
    [article] = parse_bytes(b"Plain first paragraph. Another sentence.\n\nSecond.", "notes.markdown")
    assert article.headline == "Plain first paragraph."
    assert article.body == "Plain first paragraph. Another sentence.\n\nSecond."
