"""Search: query syntax, filters, sorting, paging, facet counts, highlights."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from searchapp.core.errors import QueryError
from searchapp.core.generation import SEARCHERS
from searchapp.core.index import ArticleIndex
from searchapp.core.search import FACET_FIELDS, search
from searchapp.core.viewing import highlight_spans
from tests.core.factories import make_txt_folder, write_json_records

OUTLETS = ["Daily Bugle", "Planet News", "Evening Star"]
WORDS = ["harbour", "election", "strike", "budget", "festival"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> ArticleIndex:
    base = tmp_path_factory.mktemp("search")
    records = []
    for n in range(45):
        word = WORDS[n % len(WORDS)]
        month = 1 + n % 12
        records.append(
            {
                "title": f"The {word} story number {n}",
                "text": f"Reporters covered the {word} in depth.\n\nPart {n} of the series. Fishermen were fishing.",
                "date_publish": f"{2004 + n % 3}-{month:02d}-{1 + n % 27:02d} 10:00:00",
                "source_domain": OUTLETS[n % len(OUTLETS)],
                "authors": ["Jane Writer"],
            }
        )
    write_json_records(base / "feed" / "a.jsonl", records[:30])
    write_json_records(base / "other" / "b.jsonl", records[30:])
    idx = ArticleIndex(base / "index")
    idx.add([base / "feed", base / "other"])
    yield idx
    idx.close()


def _all_stored(index: ArticleIndex) -> list[dict]:
    with index.whoosh.searcher() as searcher:
        return [dict(fields) for fields in searcher.reader().all_stored_fields()]


def test_plain_words_are_anded_and_stemmed(index: ArticleIndex) -> None:
    assert search(index, "harbour").total == 9
    assert search(index, "harbour fishing").total == 9  # "fishing" stems to "fish": every article has it
    assert search(index, "harbour budget").total == 0
    assert search(index, "harbour OR budget").total == 18
    assert search(index, "harbours").total == 9


def test_fields_phrases_prefix_and_fuzzy(index: ArticleIndex) -> None:
    assert search(index, "headline:harbour").total == 9
    assert search(index, "body:story").total == 0
    assert search(index, '"covered the harbour"').total == 9
    assert search(index, '"harbour covered"').total == 0
    assert search(index, "elect*").total == 9
    assert search(index, "harbur~").total == 9


def test_dates(index: ArticleIndex) -> None:
    stored = _all_stored(index)
    by_year = Counter(doc["published"].year for doc in stored)
    assert search(index, "date:2005").total == by_year[2005]
    in_q1_2004 = sum(1 for d in stored if d["published"].year == 2004 and d["published"].month <= 3)
    assert search(index, "date:2004-01..2004-03").total == in_q1_2004
    after = sum(1 for d in stored if d["published"].date().isoformat() > "2005-06-01")
    assert search(index, "date:>2005-06-01").total == after
    with pytest.raises(QueryError, match="not a valid date"):
        search(index, "date:2005-13")


@pytest.mark.parametrize("text", ['"unbalanced', "harbour AND", "(harbour", "a:b:c harbour", "*"])
def test_malformed_queries_read_as_words_or_clear_error(index: ArticleIndex, text: str) -> None:
    try:
        result = search(index, text)
    except QueryError as error:
        assert str(error)
    else:
        assert result.total >= 0


def test_empty_query_lists_everything_and_filters_combine(index: ArticleIndex) -> None:
    assert search(index, "").total == 45
    only = search(index, "", filters={"outlet": ["Daily Bugle"]})
    assert only.total == 15 and {hit.outlet for hit in only.hits} == {"Daily Bugle"}
    either = search(index, "", filters={"outlet": ["Daily Bugle", "Planet News"]})
    assert either.total == 30
    both = search(index, "harbour", filters={"outlet": ["Daily Bugle"], "year": ["2004"]})
    expected = [
        d
        for d in _all_stored(index)
        if d["outlet"] == "Daily Bugle" and d["published"].year == 2004 and "harbour" in d["headline"]
    ]
    assert both.total == len(expected)


def test_facet_counts_match_brute_force(index: ArticleIndex) -> None:
    result = search(index, "harbour OR strike", filters={"year": ["2004", "2005"]})
    matching = [
        d
        for d in _all_stored(index)
        if re.search(r"harbour|strike", d["headline"]) and d["published"].year in (2004, 2005)
    ]
    assert result.total == len(matching)
    expected = {
        "outlet": Counter(d["outlet"] for d in matching),
        "year": Counter(str(d["published"].year) for d in matching),
        "month": Counter(d["published"].strftime("%Y-%m") for d in matching),
        "format": Counter(d["format"] for d in matching),
        "folder": Counter(d["folder"] for d in matching),
    }
    for field, counter in expected.items():
        assert {c.value: c.count for c in result.facets[field]} == dict(counter), field
    assert set(result.facets) == set(FACET_FIELDS)
    counts = [c.count for c in result.facets["month"]]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("query", ["", "harbour OR strike", "fishermen"])
def test_a_facet_limit_keeps_the_most_frequent_values_and_the_selected_ones(index: ArticleIndex, query: str) -> None:
    full = search(index, query)
    assert full.facet_sizes == {}
    cut = search(index, query, facet_limit=3)
    for field, values in full.facets.items():
        if len(values) > 3:
            assert cut.facets[field] == values[:3] and cut.facet_sizes[field] == len(values), field
        else:
            assert cut.facets[field] == values and field not in cut.facet_sizes, field
    # two months selected (either may match): the rarer one stays beside the most frequent one
    months = full.facets["month"]
    filters = {"month": [months[0].value, months[-1].value]}
    both = search(index, query, filters=filters)
    cut = search(index, query, filters=filters, facet_limit=1)
    assert [c.value for c in both.facets["month"]] == [months[0].value, months[-1].value]
    assert cut.facets["month"] == both.facets["month"]
    assert cut.facets["outlet"] == both.facets["outlet"][:1]


def test_names_are_ordered_alike_by_the_kept_ranks_and_by_a_sort_of_their_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from searchapp.core import facets

    with ArticleIndex(tmp_path / "index", workers=0) as quoted:
        quoted.add([make_txt_folder(tmp_path / "articles", 30)])
        for query in ("", "matters", "oil OR football OR election"):
            monkeypatch.setattr(facets, "RANKED_NAMES", 10**9)  # each facet's names sorted on their own
            own = search(quoted, query)
            monkeypatch.setattr(facets, "RANKED_NAMES", 0)  # by every name's place in the collection's order
            SEARCHERS.current(quoted)._counted = None
            SEARCHERS.current(quoted).rankings.clear()
            ranked = search(quoted, query)
            assert len(own.facets["people"]) >= 3 and own.facets == ranked.facets, query


def test_sort_and_paging_reach_every_result(index: ArticleIndex) -> None:
    newest = [h.published for h in search(index, "", sort="newest", page_size=45).hits]
    assert newest == sorted(newest, reverse=True)
    oldest = [h.published for h in search(index, "", sort="oldest", page_size=45).hits]
    assert oldest == sorted(oldest)
    seen = []
    for page in range(1, 6):
        seen += [h.path for h in search(index, "", sort="oldest", page=page, page_size=10).hits]
    assert len(seen) == len(set(seen)) == 45


def test_highlights_mark_the_matched_words(index: ArticleIndex) -> None:
    result = search(index, "fishing harbour", page_size=3)
    for hit in result.hits:
        marked = re.findall(r'<b class="hit">(.*?)</b>', hit.snippet_html)
        assert marked and {word.lower() for word in marked} <= {"fishing", "fishermen", "harbour"} | {
            "fished"
        }
        assert re.findall(r'<b class="hit">(.*?)</b>', hit.headline_html) == ["harbour"]
    assert set(result.terms) >= {"fish", "harbour"}


def test_highlight_spans_use_the_same_stems_as_the_snippets(index: ArticleIndex) -> None:
    text = "Fishing fleets. The fisher fished; harbours closed."
    terms = search(index, "fishing harbour").terms
    spans = highlight_spans(text, terms)
    assert [text[start:end] for start, end in spans] == ["Fishing", "fished", "harbours"]


def test_highlight_markup_escapes_article_text(tmp_path: Path) -> None:
    write_json_records(
        tmp_path / "f" / "x.jsonl",
        [{"title": "<script>alert(1)</script> harbour", "text": "A <b>bold</b> harbour & more."}],
    )
    with ArticleIndex(tmp_path / "index") as idx:
        idx.add([tmp_path / "f"])
        [hit] = search(idx, "harbour").hits
        assert "<script>" not in hit.headline_html and "&lt;script&gt;" in hit.headline_html
        assert "<b>bold</b>" not in hit.snippet_html


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_pages_read_one_after_another_equal_one_long_page(index: ArticleIndex, sort: str) -> None:
    # Later pages are slices of a ranking kept from the first; they must be what one search gives.
    whole = [h.path for h in search(index, "harbour OR election OR strike", sort=sort, page_size=27).hits]
    paged = []
    for page in range(1, 10):
        paged += [h.path for h in search(index, "harbour OR election OR strike", sort=sort, page=page,
                                         page_size=3).hits]
    assert paged == whole and len(whole) == 27
    filtered = search(index, "harbour OR election", filters={"outlet": ["Daily Bugle"]}, page=2, page_size=2)
    assert filtered.total == 6 and all(h.outlet == "Daily Bugle" for h in filtered.hits)


def test_the_next_page_after_a_commit_comes_from_the_new_documents(tmp_path: Path) -> None:
    write_json_records(tmp_path / "one" / "a.jsonl",
                       [{"title": f"Harbour news {n}", "text": "The harbour reopened."} for n in range(4)])
    write_json_records(tmp_path / "two" / "b.jsonl",
                       [{"title": f"Harbour update {n}", "text": "The harbour closed."} for n in range(4)])
    with ArticleIndex(tmp_path / "index", workers=0) as idx:
        idx.add([tmp_path / "one"])
        assert search(idx, "harbour", page=1, page_size=2).total == 4
        idx.remove(tmp_path / "one")
        idx.add([tmp_path / "two"])
        second = search(idx, "harbour", page=2, page_size=2)
        assert second.total == 4 and [h.headline[:13] for h in second.hits] == ["Harbour updat"] * 2


def test_a_commit_in_the_middle_of_a_search_does_not_close_its_searcher(tmp_path: Path, monkeypatch) -> None:
    from searchapp.core import facets as facets_module

    write_json_records(tmp_path / "one" / "a.jsonl", [{"title": f"Harbour {n}", "text": "The harbour."} for n in range(3)])
    write_json_records(tmp_path / "two" / "b.jsonl", [{"title": f"Harbour update {n}", "text": "The harbour again."} for n in range(2)])
    with ArticleIndex(tmp_path / "index", workers=0) as idx:
        idx.add([tmp_path / "one"])
        search(idx, "harbour", with_facets=False)  # a searcher exists before the commit
        build = facets_module.RawValues.__init__
        committed: list[int] = []

        def commit_first(self, *args, **kwargs) -> None:
            if not committed:
                committed.append(idx.add([tmp_path / "two"]).indexed)  # the writer commits mid-search (one file)
            build(self, *args, **kwargs)

        monkeypatch.setattr(facets_module.RawValues, "__init__", commit_first)
        during = search(idx, "harbour")
        assert committed == [1] and during.total == 3  # the search finished on the searcher it began with
        assert search(idx, "harbour").total == 5


@pytest.mark.parametrize("query", ["fishermen NOT harbour", "fishermen NOT (harbour OR strike)", "series"])
def test_counts_of_a_search_matching_most_articles_match_brute_force(index: ArticleIndex, query: str) -> None:
    # counted as the collection's counts less the articles left out: the same figures as counting them
    search(index, "")
    result = search(index, query)
    excluded = re.findall(r"harbour|strike", query)
    matching = [d for d in _all_stored(index) if not any(word in d["headline"] for word in excluded)]
    assert result.total == len(matching) > len(_all_stored(index)) / 2
    expected = {
        "outlet": Counter(d["outlet"] for d in matching),
        "month": Counter(d["published"].strftime("%Y-%m") for d in matching),
        "folder": Counter(d["folder"] for d in matching),
    }
    for field, counter in expected.items():
        assert {c.value: c.count for c in result.facets[field]} == dict(counter), field
        ordered = [(-c.count, c.value.lower()) for c in result.facets[field]]
        assert ordered == sorted(ordered), field


def test_facet_counts_follow_new_commits_and_deletions(tmp_path: Path) -> None:
    def records(outlet: str, count: int) -> list[dict]:
        return [{"title": f"Harbour news {n}", "text": "The harbour reopened.", "source_domain": outlet}
                for n in range(count)]

    write_json_records(tmp_path / "one" / "a.jsonl", records("Daily Bugle", 3))
    write_json_records(tmp_path / "two" / "b.jsonl", records("Planet News", 2))
    with ArticleIndex(tmp_path / "index") as idx:
        idx.add([tmp_path / "one"])
        assert {c.value: c.count for c in search(idx, "harbour").facets["outlet"]} == {"Daily Bugle": 3}
        idx.add([tmp_path / "two"])  # a second segment
        assert {c.value: c.count for c in search(idx, "harbour").facets["outlet"]} == {
            "Daily Bugle": 3, "Planet News": 2}
        idx.remove(tmp_path / "one")  # deletions in the first segment
        assert {c.value: c.count for c in search(idx, "harbour").facets["outlet"]} == {"Planet News": 2}


def test_a_surname_alone_joins_the_one_full_name_the_collection_knows(tmp_path: Path) -> None:
    from searchapp.core.documents import document_fields
    from searchapp.core.models import Article, Entities, Speaker

    def add(writer, number: int, speaker: str, kind: str = "person") -> None:
        article = Article(path=f"/news/{number}.txt", headline=f"Story {number}", body="Words.", format="txt")
        people, orgs = ((speaker,), ()) if kind == "person" else ((), (speaker,))
        entities = Entities(speakers=(Speaker(speaker, kind),), people=people, orgs=orgs)
        writer.add_document(file=article.path, **document_fields(article, entities, "/news"))

    with ArticleIndex(tmp_path / "index") as idx:
        writer = idx.whoosh.writer()
        add(writer, 1, "George Galloway")
        add(writer, 2, "Galloway")
        add(writer, 3, "Vic Reeves")
        add(writer, 4, "Fiona Apple")
        add(writer, 5, "Apple", kind="org")  # the company is not the singer
        writer.commit()
        speakers = {c.value: c.count for c in search(idx, "").facets["speakers"]}
        # (the company goes by its name in the known-aliases table)
        assert speakers == {"George Galloway": 2, "Vic Reeves": 1, "Fiona Apple": 1, "Apple Inc.": 1}
        assert search(idx, "", filters={"speakers": ["George Galloway"]}).total == 2
        assert search(idx, "", filters={"speakers": ["Galloway"]}).total == 2  # a viewer chip may show the short form


def test_an_export_survives_a_commit_in_the_middle(tmp_path: Path) -> None:
    from searchapp.core.export import export_rows

    write_json_records(tmp_path / "one" / "a.jsonl",
                       [{"title": f"Harbour {n}", "text": "The harbour."} for n in range(30)])
    write_json_records(tmp_path / "two" / "b.jsonl", [{"title": "Harbour late", "text": "More harbour."}])
    with ArticleIndex(tmp_path / "index") as idx:
        idx.add([tmp_path / "one"])
        rows = export_rows(idx, "harbour")
        first = [next(rows) for _ in range(5)]
        idx.add([tmp_path / "two"])  # a commit while the export is half-way
        search(idx, "harbour")  # and a search that replaces the shared searcher
        rest = list(rows)
        assert len(first) + len(rest) == 30


def test_dates_combine_like_any_other_term(index: ArticleIndex) -> None:
    stored = _all_stored(index)
    in_2005 = sum(1 for d in stored if d["published"].year == 2005)
    assert search(index, "NOT date:2005").total == 45 - in_2005
    harbour_or_2005 = sum(1 for d in stored if d["published"].year == 2005 or "harbour" in d["headline"])
    assert search(index, "harbour OR date:2005").total == harbour_or_2005
    assert search(index, "(harbour OR strike) AND date:2004").total == sum(
        1 for d in stored if d["published"].year == 2004 and re.search("harbour|strike", d["headline"]))


def test_a_dangling_operator_while_typing_is_ignored(index: ArticleIndex) -> None:
    assert search(index, "harbour AND").total == search(index, "harbour").total == 9


def test_undated_articles_sort_last_both_ways(tmp_path: Path) -> None:
    write_json_records(tmp_path / "f" / "a.jsonl", [
        {"title": "Undated harbour", "text": "Harbour news."},
        {"title": "Old harbour", "text": "Harbour news.", "date": "2001-01-01"},
        {"title": "New harbour", "text": "Harbour news.", "date": "2009-09-09"},
    ])
    with ArticleIndex(tmp_path / "index") as idx:
        idx.add([tmp_path / "f"])
        assert [h.headline for h in search(idx, "harbour", sort="newest").hits] == [
            "New harbour", "Old harbour", "Undated harbour"]
        assert [h.headline for h in search(idx, "harbour", sort="oldest").hits] == [
            "Old harbour", "New harbour", "Undated harbour"]


def test_name_spans_mark_a_filtered_person_and_organisation() -> None:
    from searchapp.core.viewing import name_spans

    text = "Barack Obama met the Bank of England governor. Later Obama said the bank of the people was open."
    spans = name_spans(text, ["Barack Obama", "Bank of England"], people={"Barack Obama"})
    marked = [text[start:end] for start, end in spans]
    assert marked == ["Barack Obama", "Bank of England", "Obama"]  # the surname inside the full name once
    # An organisation is marked only whole: "bank of the people" and a lone "of" are not it.
    assert name_spans("The bank of the people.", ["Bank of England"]) == []
    # Without knowing the name is a person's, the surname alone is not marked.
    assert name_spans("Obama said so.", ["Barack Obama"]) == []


def test_a_cancelled_search_stops_and_the_next_one_answers(index: ArticleIndex) -> None:
    from searchapp.core.errors import SearchCancelled

    with pytest.raises(SearchCancelled):
        search(index, "", cancelled=lambda: True)
    assert search(index, "").total == len(_all_stored(index))


@pytest.mark.parametrize("query", ["", "*", "harbour"])
def test_an_index_with_no_articles_yet_answers_with_nothing(tmp_path: Path, query: str) -> None:
    with ArticleIndex(tmp_path / "index", workers=0) as idx:  # created, nothing committed into it
        result = search(idx, query, filters={"outlet": ["BBC"]}, dedupe=True)
        assert result.total == 0 and not result.hits
        assert all(not counts for counts in result.facets.values())


def test_a_fresh_process_reads_every_documents_values_kept_by_the_last_whole_count(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from searchapp.config.paths import cache_dir
    from searchapp.core import facets

    with ArticleIndex(tmp_path / "index", workers=0) as quoted:
        quoted.add([make_txt_folder(tmp_path / "articles", 30)])
        expected = search(quoted, "oil OR football")
        search(quoted, "")  # the whole collection counted (as `searchapp index` does last): its values kept
        assert list((cache_dir() / "columns").glob("*.pickle"))
        formats = SEARCHERS.current(quoted).counted(quoted.location).raw_column("format")
        assert formats == ["txt"] * 30 and len({id(value) for value in formats}) == 1  # kept as one object
        monkeypatch.setattr(facets, "KEPT_COLUMNS_FROM", 10**6)  # read for any document

        def no_decoding(*_args):
            raise AssertionError("decoded again")

        SEARCHERS.current(quoted)._counted = None  # as a new process
        SEARCHERS.current(quoted).rankings.clear()
        monkeypatch.setattr(facets.RawValues, "some", no_decoding)
        assert search(quoted, "oil OR football").facets == expected.facets
