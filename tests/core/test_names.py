"""Names as they count, through the core: facets, filters, hits, `org:` searches, highlights, exports,
the user's corrections applied at once, and corrections surviving re-indexing."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.core import names
from searchapp.core.documents import document_fields
from searchapp.core.export import export_rows
from searchapp.core.index import ArticleIndex
from searchapp.core.models import Article, Entities, Speaker
from searchapp.core.reader import ReaderProcess
from searchapp.core.search import search
from tests.core.factories import make_txt_folder

# (headline, body, speakers, people, orgs) of each made-up article
ARTICLES = [
    ("Tory plans", "The Tories said taxes would fall.", [("Tories", "org")], [], ["Tories"]),
    ("Party conference", "The Conservative Party met in Blackpool.", [], [], ["Conservative Party"]),
    ("Blair speech", "Tony Blair spoke. Mr Blair said it was right.", [("Tony Blair", "person")], ["Tony Blair"], []),
    ("Blair again", "Blair was in Brussels on Monday.", [], ["Blair"], []),
    ("Cherie Blair visit", "Cherie Blair opened a school.", [], ["Cherie Blair"], []),
    ("Election night", "Election results came in.", [], ["Election"], ["Labour"]),
]


def _add(writer, number: int, headline: str, body: str, speakers, people, orgs) -> None:
    article = Article(path=f"/news/{number}.txt", headline=headline, body=body, format="txt")
    entities = Entities(speakers=tuple(Speaker(n, k, quotes=1) for n, k in speakers), people=tuple(people),
                        orgs=tuple(orgs))
    writer.add_document(file=article.path, **document_fields(article, entities, "/news"))


@pytest.fixture
def index(tmp_path: Path):
    with ArticleIndex(tmp_path / "index", workers=0) as idx:
        writer = idx.whoosh.writer()
        for number, article in enumerate(ARTICLES):
            _add(writer, number, *article)
        writer.commit()
        yield idx


def facet(idx: ArticleIndex, field: str, **options) -> dict[str, int]:
    return {c.value: c.count for c in search(idx, "", **options).facets[field]}


def test_party_forms_count_once_under_the_full_name(index: ArticleIndex) -> None:
    assert facet(index, "orgs") == {"Conservative Party": 2, "Labour Party": 1}
    assert search(index, "", filters={"orgs": ["Conservative Party"]}).total == 2
    assert search(index, "", filters={"orgs": ["Tories"]}).total == 2  # any form filters as the name
    hit = search(index, "tory plans").hits[0]
    assert hit.orgs == ("Conservative Party",)
    assert hit.speakers[0].name == "Conservative Party" and "Tories" in hit.speakers[0].aliases


def test_a_name_field_search_finds_every_form_but_a_plain_word_stays_a_word(index: ArticleIndex) -> None:
    assert {h.headline for h in search(index, "org:tories").hits} == {"Tory plans", "Party conference"}
    assert {h.headline for h in search(index, "tories").hits} == {"Tory plans"}
    # words typed without a field stay words in an OR too (whoosh's parser makes it one flat Or)
    assert {h.headline for h in search(index, "tories OR blackpool").hits} == {"Tory plans", "Party conference"}
    assert {h.headline for h in search(index, "tories OR brussels").hits} == {"Tory plans", "Blair again"}
    assert {h.headline for h in search(index, "org:tories OR brussels").hits} == {
        "Tory plans", "Party conference", "Blair again"}


def test_a_merge_applies_at_once_to_facets_filters_hits_and_exports(index: ArticleIndex) -> None:
    assert facet(index, "people")["Blair"] == 1  # Cherie Blair is in the collection: "Blair" stays apart
    names.correct(index, "merge", ["Blair"], to="Tony Blair")
    assert "Blair" not in facet(index, "people") and facet(index, "people")["Tony Blair"] == 2
    result = search(index, "", filters={"people": ["Tony Blair"]})
    assert {h.headline for h in result.hits} == {"Blair speech", "Blair again"}
    rows = list(export_rows(index, "", {"people": ["Tony Blair"]}))
    assert sorted(r["headline"] for r in rows) == ["Blair again", "Blair speech"]
    assert all(r["people"] == ["Tony Blair"] for r in rows)
    assert names.undo(index).op == "merge"
    assert facet(index, "people")["Blair"] == 1


def test_hide_retype_rename_and_split(index: ArticleIndex) -> None:
    names.correct(index, "hide", ["Election"])
    assert "Election" not in facet(index, "people")
    assert search(index, "election night").hits[0].people == ()
    names.correct(index, "retype", ["Cherie Blair"], type="org")  # wrong on purpose: it moves facets
    assert "Cherie Blair" in facet(index, "orgs") and "Cherie Blair" not in facet(index, "people")
    names.correct(index, "rename", ["Labour Party"], to="Labour")
    assert facet(index, "orgs")["Labour"] == 1
    names.correct(index, "split", ["Tony Blair"], to="Euan Blair", path="/news/2.txt")
    assert facet(index, "speakers").get("Euan Blair") == 1 and "Tony Blair" not in facet(index, "speakers")
    listed = {row.name: row for row in names.list_names(index)}
    assert listed["Election"].hidden and listed["Election"].changes == ("Hid Election",)
    assert listed["Labour"].aliases[:1] == ("Labour",) or "Labour Party" in listed["Labour"].aliases


def test_unknown_names_are_refused_with_close_matches(index: ArticleIndex) -> None:
    with pytest.raises(names.UnknownName, match="Did you mean: Tony Blair"):
        names.correct(index, "merge", ["Tony Bliar"], to="Tony Blair")
    with pytest.raises(names.UnknownName):
        names.correct(index, "hide", ["Nobody At All"])
    assert names.changes(index) == ()


def test_list_counts_articles_and_quotes(index: ArticleIndex) -> None:
    rows = {row.name: row for row in names.list_names(index, "org")}
    assert (rows["Conservative Party"].articles, rows["Conservative Party"].quoted) == (2, 1)
    assert "Tories" in rows["Conservative Party"].aliases
    assert all(row.type == "org" for row in rows.values())


def test_a_reader_process_sees_a_correction_without_restarting(index: ArticleIndex) -> None:
    reader = ReaderProcess(index.location)
    try:
        first = reader.search("", with_facets=True)
        assert {c.value for c in first.facets["people"]} >= {"Blair"}
        names.correct(index, "merge", ["Blair"], to="Tony Blair")
        second = reader.search("", with_facets=True)
        assert "Blair" not in {c.value for c in second.facets["people"]}
        stored, spans = reader.article("/news/3.txt", (), ("Tony Blair",))
        assert stored.entities.people == ("Tony Blair",)
        assert [stored.article.body[a:b] for a, b in spans] == ["Blair"]  # the article's own form is marked
    finally:
        reader.close()


def test_corrections_survive_reindexing_and_a_rebuild(tmp_path: Path, monkeypatch) -> None:
    from searchapp.core import index as index_module

    folder = make_txt_folder(tmp_path / "news", 5)
    location = tmp_path / "index"
    with ArticleIndex(location, workers=0) as idx:
        idx.add([folder])
        names.correct(idx, "rename", ["Tony Blair"], to="Anthony Blair")
        assert "Anthony Blair" in facet(idx, "speakers")
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", index_module.SCHEMA_VERSION + 1)
    with ArticleIndex(location, workers=0) as idx:  # another schema version: the index is rebuilt
        assert idx.rebuilt and idx.is_empty()
        idx.rescan()
        assert "Anthony Blair" in facet(idx, "speakers") and "Tony Blair" not in facet(idx, "speakers")


def test_a_name_the_collection_shows_to_be_a_work_is_hidden_until_shown_again(tmp_path: Path) -> None:
    def add(writer, number: int, people=(), works=()) -> None:
        article = Article(path=f"/news/{number}.txt", headline=f"Story {number}", body="Words.", format="txt")
        entities = Entities(people=tuple(people), works=tuple(works))
        writer.add_document(file=article.path, **document_fields(article, entities, "/news"))

    with ArticleIndex(tmp_path / "index", workers=0) as idx:
        writer = idx.whoosh.writer()
        add(writer, 1, works=["Rosa Finch"])  # "the drama Rosa Finch"
        add(writer, 2, works=["Rosa Finch"])
        add(writer, 3, people=["Rosa Finch"])  # an article that gave no sign
        add(writer, 4, people=["Tom Reed"], works=["Tom Reed"])  # once a work, three times a person
        add(writer, 5, people=["Tom Reed"])
        add(writer, 6, people=["Tom Reed"])
        for number in range(10, 20):  # a band in two articles, written like a person in eight: a quarter
            add(writer, number, people=["Ann Lee"] if number < 18 else [], works=["Ann Lee"] if number >= 18 else [])
        for number in range(20, 31):  # in two, and in nine: less than a quarter
            add(writer, number, people=["Bob Ray"] if number < 29 else [], works=["Bob Ray"] if number >= 29 else [])
        writer.commit()
        assert facet(idx, "people") == {"Tom Reed": 3, "Bob Ray": 9}
        listed = {row.name: row for row in names.list_names(idx)}
        assert listed["Rosa Finch"].hidden and listed["Rosa Finch"].changes == ()
        change = names.correct(idx, "show", ["Rosa Finch"])
        assert change.describe() == "Showed Rosa Finch again"
        assert facet(idx, "people") == {"Tom Reed": 3, "Bob Ray": 9, "Rosa Finch": 1}
        names.undo(idx)
        assert "Rosa Finch" not in facet(idx, "people")


def test_an_index_made_before_works_were_counted_takes_new_articles(tmp_path: Path, monkeypatch) -> None:
    from whoosh.fields import Schema

    from searchapp.core import index as index_module

    older = Schema(**{name: field for name, field in index_module.SCHEMA.items() if name != "works"})
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Cinema news\n\nTony Blair said the film was good.\n", encoding="utf-8")
    monkeypatch.setattr(index_module, "SCHEMA", older)
    with ArticleIndex(tmp_path / "index", workers=0) as idx:
        idx.add([folder])
    monkeypatch.undo()
    (folder / "b.txt").write_text(
        "Awards\n\nThe drama Rosa Finch won three awards. Critics said Tony Blair liked it.\n", encoding="utf-8")
    with ArticleIndex(tmp_path / "index", workers=0) as idx:
        assert "works" not in idx.whoosh.schema
        idx.add([folder])
        assert search(idx, "").total == 2
        assert facet(idx, "people") == {"Tony Blair": 2}


def test_a_name_field_finds_the_articles_of_every_form_of_the_name_without_phrases(index: ArticleIndex) -> None:
    from whoosh import query as wq

    from searchapp.core.generation import SEARCHERS, expand_names
    from searchapp.core.query import parse_query

    generation = SEARCHERS.current(index)
    book = generation.book(index.location)
    expanded = expand_names(parse_query("org:tories"), lambda: generation.expansions(index.location), book)
    leaves = list(expanded.leaves())
    assert not any(isinstance(leaf, wq.Phrase) for leaf in leaves)  # exact names, not positions
    assert wq.Term("orgs", "Conservative Party") in leaves
    assert search(index, "org:tories").total == search(index, "org:\"conservative party\"").total == 2
