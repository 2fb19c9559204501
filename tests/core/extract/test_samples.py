"""The bundled sample articles, and the dev gold set as a regression guard."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from searchapp.core.errors import SkipFile
from searchapp.core.extract import extract_entities
from searchapp.core.models import Article, Entities
from searchapp.core.parse import parse_bytes
from tests.conftest import REPO, corpus_path, eval_path

SAMPLES = REPO / "searchapp" / "resources" / "sample" / "news"


def _articles() -> list[Article]:
    found: list[Article] = []
    for path in sorted(SAMPLES.iterdir()):
        try:
            found.extend(parse_bytes(path.read_bytes(), str(path)))
        except SkipFile:
            continue  # a format the parser does not read yet
    return found


def test_every_sample_article_extracts() -> None:
    articles = _articles()
    assert articles
    for article in articles:
        entities = extract_entities(article)
        assert isinstance(entities, Entities)
        assert entities == extract_entities(article)  # deterministic
        for speaker in entities.speakers:
            assert speaker.type in ("person", "org")
            assert speaker.name in (entities.people if speaker.type == "person" else entities.orgs)


def _speakers_of(name_part: str) -> dict[str, str]:
    (article,) = [a for a in _articles() if name_part in a.path]
    return {s.name: s.type for s in extract_entities(article).speakers}


def test_known_sample_speakers() -> None:
    assert _speakers_of("all-girl-afghan-team").get("Hamdullah Mohib") == "person"
    assert _speakers_of("iodine-deficiency").get("Cres Eastman") == "person"


def _bench():
    spec = importlib.util.spec_from_file_location("eval_speakers", REPO / "bench" / "eval_speakers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_news_dev_set_scores_stay_above_floor() -> None:
    """The second dev set (50 outlets other than the BBC) carries its own text."""
    bench = _bench()
    tallies, _ = bench.evaluate(bench.news_articles(Path(eval_path("news_speakers_dev.jsonl"))))
    person_p, person_r, _ = tallies["strict"]["person speakers"].scores()
    org_p, org_r, _ = tallies["strict"]["org speakers"].scores()
    assert person_p >= 0.9 and person_r >= 0.85
    assert org_p >= 0.82 and org_r >= 0.7
    assert tallies["strict"]["people"].scores()[2] >= 0.85
    assert tallies["strict"]["orgs"].scores()[2] >= 0.73


@pytest.mark.corpus
def test_dev_set_scores_stay_above_floor() -> None:
    gold = eval_path("bbc_speakers_dev.jsonl")
    corpus = corpus_path("bbc_news", "bbc")
    bench = _bench()
    tallies, _ = bench.evaluate(bench.bbc_articles(Path(gold), Path(corpus)))
    person_p, person_r, _ = tallies["strict"]["person speakers"].scores()
    assert person_p >= 0.9 and person_r >= 0.88
    assert tallies["strict"]["people"].scores()[2] >= 0.88
    org_p, org_r, _ = tallies["strict"]["org speakers"].scores()
    assert org_p >= 0.88 and org_r >= 0.78
    assert tallies["strict"]["orgs"].scores()[2] >= 0.77
