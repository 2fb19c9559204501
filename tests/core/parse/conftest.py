"""Helpers for the parser tests: fixture bytes by name and a parse that keeps the path short."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.core.models import Article
from searchapp.core.parse import parse_bytes

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "parse"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def parse_fixture():
    """Parse a file of tests/fixtures/parse by name."""

    def parse(name: str) -> list[Article]:
        return parse_bytes(fixture_bytes(name), name)

    return parse
