"""Helpers for extractor tests: an Article from a short passage."""

from __future__ import annotations

import pytest

from searchapp.core.extract import extract_entities
from searchapp.core.models import Article, Entities


def extract(body: str, headline: str = "Latest") -> Entities:
    return extract_entities(Article(path="test.txt", headline=headline, body=body, format="txt"))


def speakers(body: str, headline: str = "Latest") -> dict[str, str]:
    """Speaker name -> type."""
    return {s.name: s.type for s in extract(body, headline).speakers}


@pytest.fixture
def passage():
    return extract
