"""Coverage: counts per bucket against a brute-force count over the stored documents, for every bucket
size; undated articles; agreement with `search` for a bucket and a name; stories counted once."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from searchapp.core.coverage import BUCKETS, bucket_of, bucket_range, choose_bucket, coverage
from searchapp.core.documents import document_fields
from searchapp.core.index import ArticleIndex
from searchapp.core.models import Article, Entities, Speaker
from searchapp.core.names import UnknownName
from searchapp.core.search import search

PEOPLE = ["Ada Quill", "Bruno Vale", "Carla Mint"]
OUTLETS = ["Daily Planet", "Gotham Gazette"]


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> tuple[ArticleIndex, list[dict]]:
    """120 articles over 14 months (one in ten undated), each quoting and mentioning some of PEOPLE."""
    rng = random.Random(11)
    location = tmp_path_factory.mktemp("coverage") / "index"
    index = ArticleIndex(location, workers=0)
    truth = []
    writer = index.whoosh.writer()
    start = datetime(2004, 11, 20)
    for number in range(120):
        published = None if number % 10 == 0 else start + timedelta(days=rng.randrange(420), hours=9)
        mentioned = rng.sample(PEOPLE, rng.randrange(0, 3))
        quoted = [p for p in mentioned if rng.random() < 0.5]
        outlet = rng.choice(OUTLETS)
        body = f"Report {number} on the harbour. " + " ".join(f"{p} was there." for p in mentioned)
        article = Article(path=f"/news/{number}.txt", headline=f"Harbour report {number}", body=body,
                          format="txt", outlet=outlet, published=published)
        entities = Entities(speakers=tuple(Speaker(p, "person") for p in quoted), people=tuple(mentioned))
        writer.add_document(file=article.path, **document_fields(article, entities, "/news"))
        truth.append({"date": published, "quoted": set(quoted), "mentioned": set(mentioned), "outlet": outlet,
                      "harbour": True, "even": number % 2 == 0})
    writer.commit()
    yield index, truth
    index.close()


@pytest.mark.parametrize("by", BUCKETS)
def test_counts_match_a_brute_force_count_for_every_bucket_size(dated, by: str) -> None:
    index, truth = dated
    result = coverage(index, PEOPLE, by=by)
    days = [t["date"].date() for t in truth if t["date"]]
    assert result.buckets == tuple(bucket_range(min(days), max(days), by))
    assert len(set(result.buckets)) == len(result.buckets)
    expected_articles = Counter(bucket_of(t["date"].date(), by) for t in truth if t["date"])
    assert list(result.articles) == [expected_articles[b] for b in result.buckets]
    assert result.undated_articles == sum(1 for t in truth if not t["date"])
    for series, person in zip(result.series, PEOPLE, strict=True):
        for what in ("quoted", "mentioned"):
            counts = Counter(bucket_of(t["date"].date(), by) for t in truth if t["date"] and person in t[what])
            assert list(getattr(series, what)) == [counts[b] for b in result.buckets], (person, what)
            undated = sum(1 for t in truth if not t["date"] and person in t[what])
            assert getattr(series, f"undated_{what}") == undated
        assert series.outlets == dict(Counter(t["outlet"] for t in truth if person in t["mentioned"]))


def test_a_bucket_agrees_with_search_for_that_bucket_and_name(dated) -> None:
    index, _truth = dated
    for by in BUCKETS:
        result = coverage(index, ["Bruno Vale"], by=by)
        series = result.series[0]
        for position in range(0, len(result.buckets), max(1, len(result.buckets) // 5)):
            bucket = result.buckets[position]
            mentioned = search(index, f"date:{bucket}", filters={"people": ["Bruno Vale"]}, with_facets=False)
            quoted = search(index, f"date:{bucket}", filters={"speakers": ["Bruno Vale"]}, with_facets=False)
            assert (series.mentioned[position], series.quoted[position]) == (mentioned.total, quoted.total), bucket


def test_query_and_filters_restrict_every_series_and_the_totals(dated) -> None:
    index, truth = dated
    result = coverage(index, ["Ada Quill"], by="year", filters={"outlet": ["Daily Planet"]})
    assert sum(result.articles) + result.undated_articles == sum(1 for t in truth if t["outlet"] == "Daily Planet")
    mentioned = sum(result.series[0].mentioned) + result.series[0].undated_mentioned
    assert mentioned == sum(1 for t in truth if t["outlet"] == "Daily Planet" and "Ada Quill" in t["mentioned"])


def test_unknown_names_and_bucket_choice(dated) -> None:
    index, _truth = dated
    with pytest.raises(UnknownName, match="Did you mean: Ada Quill"):
        coverage(index, ["Ada Quil"])
    assert coverage(index, ["Ada Quill"]).by == "month"  # 14 months of articles
    start = datetime(2005, 1, 1).date()
    assert [choose_bucket(start, start + timedelta(days=n)) for n in (10, 200, 1000, 4000)] == [
        "day", "week", "month", "year"]
    assert bucket_range(datetime(2004, 12, 30).date(), datetime(2005, 1, 2).date(), "week") == ["2004-W53"]


def test_copies_count_once_with_dedupe(tmp_path: Path) -> None:
    from tests.core.test_stories import OTHER, STORY, copy_of

    with ArticleIndex(tmp_path / "index", workers=0) as index:
        writer = index.whoosh.writer()
        from searchapp.core.stories import StoryMatcher

        matcher = StoryMatcher()
        texts = [STORY, copy_of(STORY), OTHER]
        for number, text in enumerate(texts):
            article = Article(path=f"/n/{number}.txt", headline="Harbour bridge", body=text, format="txt",
                              published=datetime(2005, 3, 1 + number))
            fields = document_fields(article, Entities(people=("Ada Quill",)), "/n")
            matcher.assign(fields, None)
            writer.add_document(file=article.path, **fields)
        writer.commit()
        plain = coverage(index, ["Ada Quill"], by="month")
        once = coverage(index, ["Ada Quill"], by="month", dedupe=True)
        assert (plain.articles, plain.series[0].mentioned) == ((3,), (3,))
        assert (once.articles, once.series[0].mentioned) == ((2,), (2,))


def test_profile_roles_alongside_and_first_and_last_seen(dated, tmp_path: Path) -> None:
    from searchapp.core.profile import profile

    index, truth = dated
    ada = profile(index, "ada quill")
    assert ada.name == "Ada Quill" and ada.type == "person"
    assert ada.mentioned == sum(1 for t in truth if "Ada Quill" in t["mentioned"])
    assert ada.quoted == sum(1 for t in truth if "Ada Quill" in t["quoted"])
    seen = [t["date"].date() for t in truth if t["date"] and "Ada Quill" in t["mentioned"]]
    assert (ada.first_seen, ada.last_seen) == (min(seen), max(seen))
    assert ada.undated == sum(1 for t in truth if not t["date"] and "Ada Quill" in t["mentioned"])
    with_ada = Counter(p for t in truth if "Ada Quill" in t["mentioned"] for p in t["mentioned"] - {"Ada Quill"})
    assert dict(ada.mentioned_with) == dict(with_ada)
    quoted_with = Counter(p for t in truth if "Ada Quill" in t["quoted"] for p in t["quoted"] - {"Ada Quill"})
    assert dict(ada.quoted_with) == dict(quoted_with)

    with ArticleIndex(tmp_path / "roles", workers=0) as small:
        writer = small.whoosh.writer()
        for number, role in enumerate(["finance minister", "Finance minister", "party leader", ""]):
            article = Article(path=f"/r/{number}.txt", headline=f"Budget {number}", body="Words.", format="txt",
                              published=datetime(2005, 1, 1 + number) if number < 3 else None)
            entities = Entities(speakers=(Speaker("Dora Pike", "person", role=role, quotes=1,
                                                  quoted=(f"Quote {number}",)),), people=("Dora Pike",))
            writer.add_document(file=article.path, **document_fields(article, entities, "/r"))
        writer.commit()
        dora = profile(small, "Dora Pike")
        assert dora.roles == (("finance minister", 2), ("party leader", 1))
        assert [(q.text, q.headline) for q in dora.quotes] == [
            ("Quote 2", "Budget 2"), ("Quote 1", "Budget 1"), ("Quote 0", "Budget 0"), ("Quote 3", "Budget 3")]


def test_a_search_as_a_series_beside_names(dated) -> None:
    index, truth = dated
    result = coverage(index, ["Ada Quill"], by="year", searches=[("Planet", "", {"outlet": ["Daily Planet"]})])
    planet = result.series[0]
    assert planet.type == "query" and planet.name == "Planet"
    assert sum(planet.mentioned) + planet.undated_mentioned == sum(1 for t in truth if t["outlet"] == "Daily Planet")
    assert result.series[1].name == "Ada Quill"
