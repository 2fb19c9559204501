"""Property-based: any bytes, and real files mutated every which way, give articles or a skip reason a
user can read; never an exception, and never the catch-all that stands for a parser bug."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article
from searchapp.core.parse import PARSERS, parse_bytes
from tests.core.parse.conftest import FIXTURES

SAMPLES = Path(__file__).resolve().parents[3] / "searchapp" / "resources" / "sample"
REAL_FILES = sorted(
    [p for p in FIXTURES.iterdir() if p.suffix in PARSERS] + [p for p in SAMPLES.rglob("*") if p.suffix in PARSERS]
)
BUG = "could not read the file ("  # what parse_bytes says when a parser raised something unexpected


def check(data: bytes, name: str) -> None:
    try:
        articles = parse_bytes(data, name)
    except SkipFile as skipped:
        reason = str(skipped)
        assert reason and not reason.startswith(BUG), reason
        return
    assert articles
    for article in articles:
        assert isinstance(article, Article)
        assert article.body.strip() and article.headline.strip()
        assert article.path == name or article.path.startswith(f"{name}#")


@given(data=st.binary(max_size=2000), suffix=st.sampled_from(sorted(PARSERS)))
def test_random_bytes_give_articles_or_a_reason(data: bytes, suffix: str) -> None:
    check(data, f"random{suffix}")


def mutate(data: bytes, how: str, at: float, length: int, noise: bytes) -> bytes:
    cut = int(len(data) * at)
    if how == "truncate":
        return data[:cut]
    if how == "flip":
        return data[:cut] + bytes(b ^ 0xFF for b in data[cut : cut + length]) + data[cut + length :]
    if how == "insert":
        return data[:cut] + noise + data[cut:]
    if how == "delete":
        return data[:cut] + data[cut + length :]
    return data[:cut] + data[cut : cut + length] * 3 + data[cut:]  # a chunk repeated


@given(
    source=st.sampled_from(REAL_FILES),
    how=st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]),
    at=st.floats(0, 1),
    length=st.integers(1, 400),
    noise=st.binary(min_size=1, max_size=60),
)
def test_mutated_real_files_give_articles_or_a_reason(source: Path, how: str, at: float, length: int,
                                                      noise: bytes) -> None:
    check(mutate(source.read_bytes(), how, at, length, noise), source.name)
