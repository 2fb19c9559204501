"""HTML pages: metadata from JSON-LD and meta tags, article text without page furniture."""

from __future__ import annotations

import gzip
import json
from datetime import datetime

import pytest

from searchapp.core.errors import SkipFile
from searchapp.core.parse import parse_bytes
from searchapp.core.parse.html import strip_site_name
from searchapp.core.parse.visible import visible_text
from tests.conftest import corpus_path
from tests.core.factories import deep_page


def test_article_page_metadata(parse_fixture):
    [article] = parse_fixture("article.html")
    assert article.format == "html"
    assert article.headline == "Council backs flood fund"  # "| The Daily Example" removed
    assert article.byline == "Jane Doe, Sam Patel"  # from the JSON-LD author list
    assert article.outlet == "The Daily Example"
    assert article.published == datetime(2024, 3, 5, 8, 30)  # +01:00 converted to naive UTC
    assert article.url == "https://example.com/news/flood-fund"
    assert article.language == "en"


def test_article_body_leaves_out_navigation_ads_related_and_comments(parse_fixture):
    [article] = parse_fixture("article.html")
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The city council on Tuesday approved")
    assert paragraphs[-1].startswith("Work on the first section of the wall")
    for furniture in (
        "Weather",
        "ADVERTISEMENT",
        "Rain warning",
        "Troll99",
        "Copyright",
        "Council backs flood fund",
    ):
        assert furniture not in article.body


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bom.html", "a £2m fund"),  # UTF-8 BOM
        ("cp1252.html", "“This is a start, not the end,”"),  # a real windows-1252 page
        ("wrong_charset.html", "two million pound"),  # declares Latin-1, is UTF-8
    ],
)
def test_charsets(parse_fixture, name, expected):
    [article] = parse_fixture(name)
    assert expected in article.body
    assert "\ufeff" not in article.headline and "Ã" not in article.body


def test_wrong_declared_charset_keeps_utf8_headline(parse_fixture):
    [article] = parse_fixture("wrong_charset.html")
    assert article.headline == "Café owners back flood fund"


def test_short_page_falls_back_to_paragraph_text(parse_fixture):
    [article] = parse_fixture("short.html")
    assert (article.headline, article.body, article.language) == (
        "Court billet",
        "Un court texte sur la ville.",
        "fr",
    )


def test_title_that_is_only_the_site_name_gives_way_to_h1(parse_fixture):
    [article] = parse_fixture("title_only_site.html")
    assert article.headline == "Mayor resigns after budget vote fails"


def test_page_without_body_is_skipped(parse_fixture):
    with pytest.raises(SkipFile, match="no article text found"):
        parse_fixture("no_body.html")


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Headline here | The Paper", {"the paper"}, "Headline here"),
        ("The Paper - Headline here", {"the paper"}, "Headline here"),
        ("Brexit: what next? - BBC News", {"bbc news"}, "Brexit: what next?"),
        ("No site here", {"the paper"}, "No site here"),
    ],
)
def test_strip_site_name(title, sites, expected):
    assert strip_site_name(title, sites) == expected


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("stem", "headline", "byline", "day"),
    [
        (
            "cnn_article",
            "After storm, forecasters see smooth sailing for Thanksgiving",
            "Dana A. Ford",
            "2013-11-27",
        ),
        (
            "time_001",
            "James Hansen Calls for Geoengineering as a Climate Solution",
            "Alejandro de la Garza",
            "2023-11-02",
        ),
        (
            "wired_001",
            "Intensified Israeli Surveillance Has Put the West Bank on Lockdown",
            "Tom Bennett",
            "2023-11-07",
        ),
    ],
)
def test_newspaper4k_pages(stem, headline, byline, day):
    path = corpus_path("newspaper4k_testdata", "html", f"{stem}.html")
    [article] = parse_bytes(path.read_bytes(), str(path))
    assert article.headline == headline
    assert byline in article.byline
    assert article.published is not None and article.published.date().isoformat() == day
    assert article.language == "en"
    assert len(article.body) > 1000


@pytest.mark.corpus
def test_wikinews_html_page():
    path = corpus_path(
        "wikinews_sample", "news", "2015-08-21_north-korea-puts-military-in-quasi-state-of-war.html"
    )
    [article] = parse_bytes(path.read_bytes(), str(path))
    assert article.headline == "North Korea puts military in 'quasi-state of war'"
    assert article.published == datetime(2015, 8, 21)
    assert article.body.startswith("Friday, August 21, 2015\n\n")
    assert "licence" not in article.body.lower()


@pytest.mark.corpus
def test_aeb_pages_match_ground_truth():
    """A handful of benchmark pages: the body holds the gold text and little else."""
    root = corpus_path("scrapinghub_aeb")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for key in sorted(gold)[:8]:
        data = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        [article] = parse_bytes(data, f"{key}.html")
        truth, ours = set(gold[key]["articleBody"].split()), set(article.body.split())
        overlap = len(truth & ours)
        scores.append(2 * overlap / (len(truth) + len(ours)))
    assert sum(scores) / len(scores) > 0.85


def test_xhtml_with_xml_declaration(parse_fixture):
    [article] = parse_fixture("page.xhtml")
    assert (article.headline, article.outlet, article.language) == (
        "Stadt baut neue Brücke",
        "Lokalzeitung",
        "de",
    )
    assert article.body == "Die Stadt hat am Montag den Bau einer neuen Brücke beschlossen."


def test_an_article_under_thousands_of_elements_keeps_its_text():
    [article] = parse_bytes(deep_page(3000), "deep.html")
    assert article.extraction == "visible text"
    assert article.body.count("harbour bridge") == 6
    # what a reader does not see stays out: navigation, footer, script
    assert "Home News Sport" not in article.body and "Contact us" not in article.body
    assert "hidden" not in article.body


def test_an_ordinary_page_uses_the_main_text_extractor(parse_fixture):
    [article] = parse_fixture("article.html")
    assert article.extraction == "main text"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>One</p><p>Two <b>bold</b></p>", "One\nTwo bold"),
        ("<div hidden>secret</div><div style='display: none'>gone</div><p>shown</p>", "shown"),
        ("<head><title>t</title><body><p>no closing head</p>", "no closing head"),
        ("<aside>aside</aside><header>top</header><p>text</p><form>field</form>", "text"),
        ("<p>a</p></div></span><p>b", "a\nb"),  # stray end tags, an unclosed paragraph
    ],
)
def test_visible_text(html, expected):
    assert visible_text(html) == expected
