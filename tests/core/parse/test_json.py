"""JSON records: news-please, generic field names, arrays, JSON Lines and Wikinews interviews."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from searchapp.core.errors import SkipFile
from searchapp.core.parse import parse_bytes
from searchapp.core.parse.fields import clean_byline, parse_date
from searchapp.core.parse.records import speaker_name
from tests.conftest import corpus_path


def test_newsplease_record(parse_fixture):
    [article] = parse_fixture("newsplease.json")
    assert article.path == "newsplease.json"  # a single record keeps the plain path
    assert article.format == "json"
    assert article.headline == "Council backs flood fund"
    # The repeated headline line is dropped; news-please's one-paragraph-per-line becomes blank lines.
    assert article.body == "The council approved the fund.\n\nMore money will follow."
    assert article.byline == "Jane Doe"  # "Min Read" and "Million. This" are extractor junk
    assert article.published == datetime(2017, 12, 31, 18, 45)
    assert article.outlet == "www.example.com"
    assert article.url == "https://www.example.com/news/flood-fund"
    assert article.language == "en"


def test_jsonl_gives_one_article_per_record_with_stable_addresses(parse_fixture):
    articles = parse_fixture("records.jsonl")
    assert [article.path for article in articles] == ["records.jsonl#0", "records.jsonl#2"]  # #1 has no text
    first, third = articles
    assert (first.headline, first.byline, first.outlet) == ("First story", "Ann Lee", "a.example")
    assert first.published == datetime(2017, 9, 15, 17, 52)
    assert (third.headline, third.byline, third.outlet) == ("Third story", "Bo Chen", "Example Times")
    assert third.published == datetime(2020, 5, 1, 12, 0)  # "Z" converted to naive UTC


def test_malformed_jsonl_line_is_skipped_without_renumbering(parse_fixture):
    assert [article.path for article in parse_fixture("records_bad_line.jsonl")] == [
        "records_bad_line.jsonl#0",
        "records_bad_line.jsonl#2",
    ]


def test_array_and_wrapped_records(parse_fixture):
    alpha, beta = parse_fixture("array.json")
    assert (alpha.path, alpha.body) == ("array.json#0", "Alpha body.")
    assert (beta.path, beta.body) == ("array.json#1", "Beta one.\n\nBeta two.")
    [wrapped] = parse_fixture("wrapped.json")
    assert (wrapped.path, wrapped.headline, wrapped.body, wrapped.outlet) == (
        "wrapped.json#0",
        "Wrapped",
        "Only a description.",
        "Wire",
    )


def test_file_without_any_text_is_skipped(parse_fixture):
    with pytest.raises(SkipFile, match="no article text found"):
        parse_fixture("no_text.json")


def test_interview_turns_become_speaker_paragraphs(parse_fixture):
    [article] = parse_fixture("interview.json")
    assert article.body.split("\n\n") == [
        "Tuesday, September 1, 2015",
        "The mayor spoke to us.",
        "Wikinews: Why did you run?",
        "Mary McDonald: Because the city needed a change.",
    ]


@pytest.mark.parametrize(
    ("speaker_id", "name"),
    [
        ("#HughMcGuire", "Hugh McGuire"),
        ("#MarioJLucero", "Mario J Lucero"),
        ("#Wikinews", "Wikinews"),
        ("Ann Lee", "Ann Lee"),
    ],
)
def test_speaker_names(speaker_id, name):
    assert speaker_name(speaker_id) == name


@pytest.mark.parametrize(
    "value",
    [
        "2017-09-15 17:52:00",
        "2017-09-15T17:52:00",
        "2017-09-15T19:52:00+02:00",
        "2017-09-15T17:52:00Z",
        "Sep 15, 2017 5:52 PM",
    ],
)
def test_dates_in_all_forms_become_naive_utc(value):
    assert parse_date(value) == datetime(2017, 9, 15, 17, 52)


@pytest.mark.parametrize("value", ["", "Min Read", "not a date 99", None, [], "99999-01-01"])
def test_non_dates_are_none(value):
    assert parse_date(value) is None


def test_byline_cleaning():
    assert clean_byline(["Min Read", "Million. This", "The Associated Press"]) == "The Associated Press"
    assert clean_byline("By Dana A. Ford and Tom Watkins") == "Dana A. Ford, Tom Watkins"
    assert clean_byline(["Mark Prigg For Dailymail.Com", "Published P.M. Et Feb."]) == "Mark Prigg"
    assert clean_byline([{"@type": "Person", "name": "Joan Biskupic"}, "joan biskupic"]) == "Joan Biskupic"
    assert clean_byline("What Is The Only Da Vinci Painting On The Open Market Worth") == ""


@pytest.mark.corpus
def test_newsplease_corpus():
    files = sorted(corpus_path("newsplease_json").glob("*/*.json"))
    assert len(files) == 455
    parsed, skipped = [], []
    for path in files:
        try:
            parsed.extend(parse_bytes(path.read_bytes(), str(path)))
        except SkipFile as error:
            skipped.append(str(error))
    # 2 empty files and 12 URL-only records are skipped; the rest have a headline and a body.
    assert sorted(set(skipped)) == ["empty file", "no article text found"]
    assert skipped.count("empty file") == 2
    assert len(parsed) == 441
    assert all(article.headline and article.body for article in parsed)
    assert not any("Min Read" in article.byline for article in parsed)
    assert sum(article.published is not None for article in parsed) > 400


@pytest.mark.corpus
def test_wikinews_interview_json():
    path = corpus_path(
        "wikinews_sample", "interviews", "2006-05-28_interview-with-librivox-founder-hugh-mcguire.json"
    )
    [article] = parse_bytes(path.read_bytes(), str(path))
    assert article.headline == "Interview with LibriVox founder Hugh McGuire"
    assert article.published == datetime(2006, 5, 28)
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == "Sunday, May 28, 2006"
    assert paragraphs[1].startswith("Wikinews: Why did you decide")
    assert paragraphs[2].startswith("Hugh McGuire: I think that a vibrant public domain")


@pytest.mark.corpus
def test_every_wikinews_json_parses():
    for path in sorted(corpus_path("wikinews_sample").glob("*/*.json")):
        [article] = parse_bytes(path.read_bytes(), str(path))
        assert article.headline and article.body and article.published and article.url


def test_line_separator_characters_inside_a_jsonl_record_do_not_split_it() -> None:
    records = [{"title": "One", "text": "First body."},
               {"title": "Two", "text": "Second\u2028body with\u0085odd breaks."},
               {"title": "Three", "text": "Third body."}]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    articles = parse_bytes(data, "feed.jsonl")
    assert [a.headline for a in articles] == ["One", "Two", "Three"]
    assert [a.path for a in articles] == ["feed.jsonl#0", "feed.jsonl#1", "feed.jsonl#2"]
