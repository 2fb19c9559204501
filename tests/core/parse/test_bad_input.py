"""Bad input never crashes the parser: it raises SkipFile with a reason a user can read."""

from __future__ import annotations

import json
import random

import pytest

from searchapp.core.errors import SkipFile
from searchapp.core.parse import SUPPORTED_EXTENSIONS, parse_bytes
from tests.core.parse.conftest import fixture_bytes


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("random_bytes.txt", "binary file, not text"),
        ("png_named.html", "binary file, not text"),
        ("whitespace.txt", "empty file"),
        ("truncated.json", "not valid JSON (line 13: Unterminated string"),
        ("truncated.jsonl", "not valid JSON Lines"),
        ("deep.json", "not valid JSON (nested too deeply)"),
        ("no_body.html", "no article text found"),
    ],
)
def test_bad_fixtures_give_reasons(parse_fixture, name, reason):
    with pytest.raises(SkipFile) as caught:
        parse_fixture(name)
    assert str(caught.value).startswith(reason)


@pytest.mark.parametrize("name", ["photo.jpg", "archive.zip", "README", "page.pdf"])
def test_unsupported_types_are_skipped_not_guessed(name):
    with pytest.raises(SkipFile, match="unsupported file type"):
        parse_bytes(b"Some text\n\nthat looks fine.", name)


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_EXTENSIONS))
def test_empty_file(suffix):
    with pytest.raises(SkipFile, match="empty file"):
        parse_bytes(b"", f"empty{suffix}")


@pytest.mark.parametrize(
    "data",
    [
        b"[]",
        b"{}",
        b"42",
        b'"just a string"',
        b"null",
        b"[1, 2, 3]",
        b'{"title": "No body"}',
        b'[{"title": null, "text": null}]',
        b"\xff\xfe\x00",  # a UTF-16 mark and half a character
        b"\xef\xbb\xbf",  # a UTF-8 mark alone
        b'{"title": "x", "text": "\\ud800"}',  # a lone surrogate escape
    ],
)
@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_odd_json_is_skipped(data, suffix):
    with pytest.raises(SkipFile):
        parse_bytes(data, f"odd{suffix}")


def test_fuzz_every_format_raises_only_skipfile():
    """Random bytes, truncations and mutations of valid files: an Article list or SkipFile."""
    rng = random.Random(1234)
    valid = {
        ".txt": fixture_bytes("utf8.txt"),
        ".html": fixture_bytes("article.html"),
        ".json": fixture_bytes("newsplease.json"),
        ".jsonl": fixture_bytes("records.jsonl"),
        ".md": fixture_bytes("front_matter.md"),
    }
    samples = []
    for suffix, data in valid.items():
        samples.append((suffix, bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))))
        for _ in range(8):
            cut = rng.randrange(1, len(data))
            samples.append((suffix, data[:cut]))
            mutated = bytearray(data)
            for _ in range(rng.randrange(1, 20)):
                mutated[rng.randrange(len(mutated))] = rng.randrange(256)
            samples.append((suffix, bytes(mutated)))
    for suffix, data in samples:
        try:
            articles = parse_bytes(data, f"fuzz{suffix}")
        except SkipFile as error:
            assert str(error)
        else:
            assert all(article.headline and article.body for article in articles)


def test_html_oddities_never_crash():
    pages = [
        b"<html>",
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>XML declared page text.</p></body></html>",
        b"<html><head><meta charset='no-such-charset'></head><body><p>Caf\xe9 text</p></body></html>",
        b"<html><head><script type='application/ld+json'>{broken</script></head><body><p>Text.</p></body></html>",
        b"<html><head><script type='application/ld+json'>[[[]]]</script></head><body><p>Text.</p></body></html>",
        b"<html><body><p>" + b"<b>" * 5000 + b"deep</p></body></html>",
        b"<!-- only a comment -->",
        b"\x00\x00\x00",
        json.dumps({"not": "html"}).encode(),
    ]
    for page in pages:
        try:
            parse_bytes(page, "odd.html")
        except SkipFile as error:
            assert str(error)


def test_unexpected_parser_error_becomes_skipfile(monkeypatch):
    from searchapp.core import parse

    def broken(data: bytes, path: str) -> list:
        raise RuntimeError("bug")

    monkeypatch.setitem(parse.PARSERS, ".txt", broken)
    with pytest.raises(SkipFile, match=r"could not read the file \(RuntimeError\)"):
        parse_bytes(b"Headline\n\nBody.", "story.txt")


def test_parse_results_and_errors_pickle_for_the_process_pool(parse_fixture):
    import pickle

    articles = parse_fixture("records.jsonl")
    assert pickle.loads(pickle.dumps(articles)) == articles
    error = pickle.loads(pickle.dumps(SkipFile("empty file")))
    assert str(error) == "empty file"
    assert pickle.loads(pickle.dumps(parse_bytes)) is parse_bytes
