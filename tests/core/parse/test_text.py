"""Plain-text articles: headline on the first line, encodings, real BBC and Wikinews files."""

from __future__ import annotations

import pytest

from searchapp.core.parse import SUPPORTED_EXTENSIONS, parse_bytes
from tests.conftest import corpus_path


def test_headline_is_first_line_and_paragraphs_are_kept(parse_fixture):
    [article] = parse_fixture("utf8.txt")
    assert article.headline == "Council backs £2m flood fund"
    assert article.format == "txt"
    assert article.path == "utf8.txt"
    assert article.body.split("\n\n") == [
        "Ministers agreed a £2m fund on Tuesday.",
        '"It is a start," said Jane Doe, the council leader.',
        "The fund opens in May.",
    ]


@pytest.mark.parametrize(
    ("name", "headline", "in_body"),
    [
        ("utf8_bom.txt", "Café owners welcome ruling", "court’s decision"),
        ("utf16.txt", "Zürich hosts summit", "Leaders met in Zürich on Monday.\n\nTalks continue."),
        ("cp1252.txt", "Chelsea sign striker for £15.8m", "club’s new signing – a forward"),
        ("leading_blank_lines.txt", "Headline after blanks", "Body text here."),
    ],
)
def test_encodings_and_layouts(parse_fixture, name, headline, in_body):
    [article] = parse_fixture(name)
    assert article.headline == headline
    assert in_body in article.body
    assert "\ufeff" not in article.headline


def test_single_paragraph_gets_headline_from_first_sentence(parse_fixture):
    [article] = parse_fixture("one_paragraph.txt")
    assert article.headline == "Just one line of text without any headline."
    assert article.body.endswith("It has two sentences.")


def test_supported_extensions_are_lower_case_suffixes():
    assert {
        ".txt",
        ".html",
        ".htm",
        ".xhtml",
        ".json",
        ".jsonl",
        ".ndjson",
        ".md",
        ".markdown",
    } <= SUPPORTED_EXTENSIONS
    assert all(ext.startswith(".") and ext == ext.lower() for ext in SUPPORTED_EXTENSIONS)


def test_extension_is_matched_case_insensitively():
    [article] = parse_bytes(b"Headline\n\nBody.", "/news/STORY.TXT")
    assert article.headline == "Headline"


@pytest.mark.corpus
def test_bbc_latin1_file_gives_pound_sign():
    path = corpus_path("bbc_news", "bbc", "sport", "199.txt")
    [article] = parse_bytes(path.read_bytes(), str(path))
    assert article.headline == "Chelsea sack Mutu"
    assert "£15.8m" in article.body
    assert "\ufffd" not in article.body


@pytest.mark.corpus
def test_whole_bbc_corpus_parses():
    """Every BBC file gives one article with a headline and a body (the speed is bench/parse_bench.py's)."""
    files = sorted(corpus_path("bbc_news", "bbc").glob("*/*.txt"))
    assert len(files) == 2225
    articles = [article for path in files for article in parse_bytes(path.read_bytes(), str(path))]
    assert len(articles) == 2225
    assert all(article.headline and article.body for article in articles)
    assert all("\n\n\n" not in article.body for article in articles)


@pytest.mark.corpus
def test_wikinews_txt_keeps_dateline_paragraph():
    path = corpus_path(
        "wikinews_sample", "news", "2015-09-12_at-least-107-killed-in-mecca-crane-collapse.txt"
    )
    [article] = parse_bytes(path.read_bytes(), str(path))
    assert article.headline == "At least 107 killed in Mecca crane collapse"
    assert article.body.split("\n\n")[0] == "Saturday, September 12, 2015"


def test_utf8_with_one_broken_byte_stays_utf8():
    data = "Café résumé naïve\n\nBody with é and a bad byte ".encode() + b"\xff end"
    [article] = parse_bytes(data, "broken.txt")
    assert article.headline == "Café résumé naïve"
    assert article.body == "Body with é and a bad byte \ufffd end"


def test_non_western_legacy_encoding_is_detected():
    text = "Новости дня\n\nСегодня в Москве прошла встреча министров иностранных дел двух стран."
    [article] = parse_bytes(text.encode("cp1251"), "news.txt")
    assert article.headline == "Новости дня"
    assert article.body.startswith("Сегодня в Москве")


def test_dateline_and_byline_at_the_top_of_the_body_are_read() -> None:
    data = b"Storm hits coast\n\nFriday, July 21, 2017\n\nBy Jane Doyle\n\nThe storm came ashore at dawn.\n"
    [article] = parse_bytes(data, "storm.txt")
    assert article.published is not None and article.published.date().isoformat() == "2017-07-21"
    assert article.byline == "Jane Doyle"
    assert article.body.startswith("Friday, July 21, 2017")  # kept as written


def test_a_long_first_paragraph_with_a_year_is_not_a_dateline() -> None:
    data = b"Budget\n\nThe 2005 budget, announced on Monday, raises taxes on fuel and tobacco by a lot.\n"
    [article] = parse_bytes(data, "budget.txt")
    assert article.published is None


def test_a_short_latin1_text_with_several_accents_stays_western() -> None:
    [article] = parse_bytes(b"Menu\n\ncaf\xe9 cr\xe8me br\xfbl\xe9e \xa3 5\n", "menu.txt")
    assert article.body == "café crème brûlée £ 5"


def test_a_cyrillic_legacy_text_is_still_detected() -> None:
    text = "Новости дня\n\nПравительство объявило о новых мерах поддержки экономики страны сегодня утром.\n"
    [article] = parse_bytes(text.encode("cp1251"), "news.txt")
    assert article.headline == "Новости дня"
