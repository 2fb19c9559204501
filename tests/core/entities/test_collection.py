"""The collection's rules for joining name forms, and the shipped aliases table."""

from __future__ import annotations

import pytest

from searchapp.core.entities import NameBook, load_aliases
from searchapp.core.entities.aliases import AliasTable, KnownEntity, parse_table, shipped_entities
from searchapp.core.entities.keys import name_key, org_key

NO_ALIASES = AliasTable()


def people(*names: str, table: AliasTable = NO_ALIASES) -> NameBook:
    return NameBook({name: 1 for name in names}, {}, table)


def orgs(counts: dict[str, int], table: AliasTable = NO_ALIASES) -> NameBook:
    return NameBook({}, counts, table)


def test_keys_ignore_case_accents_stops_and_legal_forms() -> None:
    assert name_key("U.N.") == name_key("UN") == name_key("the UN")
    assert name_key("José Mourinho") == name_key("Jose Mourinho")
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")
    assert org_key("Merrill Lynch and Co Inc") == org_key("Merrill Lynch") == "merrill lynch"
    assert org_key("Co") == "co"  # a name that is only a legal form keeps it


def test_a_bare_surname_joins_the_one_full_name() -> None:
    book = people("George Galloway", "Galloway", "Tony Blair", "Blair")
    assert book.resolve("Galloway", "person") == ("George Galloway", "person")
    assert book.resolve("Blair", "person") == ("Tony Blair", "person")


def test_an_initial_and_surname_joins_only_when_the_initial_agrees() -> None:
    book = people("George Galloway", "G. Galloway", "H. Galloway")
    assert book.resolve("G. Galloway", "person") == ("George Galloway", "person")
    assert book.resolve("H. Galloway", "person") == ("H. Galloway", "person")


def test_a_surname_with_two_full_names_stays_and_full_names_never_join() -> None:
    book = people("Michael Howard", "Sandra Howard", "Brown", "Gordon Brown", "Dan Brown", "Howard")
    assert book.resolve("Howard", "person") == ("Howard", "person")
    assert book.resolve("Brown", "person") == ("Brown", "person")
    assert book.resolve("Dan Brown", "person") == ("Dan Brown", "person")


def test_a_word_the_collection_also_uses_as_a_first_name_does_not_join_a_surname() -> None:
    book = people("Ray Charles", "Charles Kennedy", "Charles")  # and Prince Charles is "Charles" too
    assert book.resolve("Charles", "person") == ("Charles", "person")
    assert people("Ray Charles", "Charles").resolve("Charles", "person") == ("Ray Charles", "person")


def test_spelling_variants_join_the_form_used_most() -> None:
    book = NameBook({"José Mourinho": 2, "Jose Mourinho": 9}, {"Boeing Co": 3, "Boeing": 8}, NO_ALIASES)
    assert book.resolve("José Mourinho", "person") == ("Jose Mourinho", "person")
    assert book.resolve("Boeing Co", "org") == ("Boeing", "org")
    assert set(book.info("Boeing").aliases) == {"Boeing Co"}


def test_an_acronym_joins_the_one_long_form_with_its_initials() -> None:
    book = orgs({"IPCC": 2, "Independent Police Complaints Commission": 3, "EC": 1,
                 "European Commission": 1, "European Community": 1})
    assert book.resolve("IPCC", "org") == ("Independent Police Complaints Commission", "org")
    assert book.resolve("EC", "org") == ("EC", "org")  # two answers: it stays


def test_the_shipped_table_joins_party_forms_under_the_full_name() -> None:
    table = load_aliases()
    book = orgs({"Tories": 71, "Conservatives": 68, "Tory": 37, "Conservative Party": 19, "Lib Dems": 3,
                 "Liberal Democrats": 5, "UN": 4}, table)
    assert {book.resolve(n, "org")[0] for n in ("Tories", "Conservatives", "Tory", "Conservative Party")} == {
        "Conservative Party"}
    assert book.resolve("Lib Dems", "org") == ("Liberal Democrats", "org")
    assert book.resolve("UN", "org") == ("United Nations", "org")
    assert "Tories" in book.info("Conservative Party").aliases


def test_every_shipped_alias_stands_for_one_entity_and_has_a_source() -> None:
    entities = shipped_entities()
    assert len(entities) > 150
    owner: dict[str, str] = {}
    for entity in entities:
        assert entity.source.startswith("https://"), entity.name
        assert entity.type in ("person", "org")
        for form in (entity.name, *entity.aliases):
            assert owner.setdefault(name_key(form), entity.name) == entity.name, form


def test_a_collection_aliases_file_extends_the_table_and_a_broken_one_is_ignored(tmp_path, caplog) -> None:
    (tmp_path / "aliases.yaml").write_text(
        "version: 1\nentities:\n- name: Telegraph and Argus\n  type: org\n  aliases: [T&A]\n", encoding="utf-8")
    table = load_aliases(tmp_path)
    assert table.lookup("T and A") == KnownEntity("Telegraph and Argus", "org", ("T&A",), "")
    assert table.lookup("Tories").name == "Conservative Party"
    (tmp_path / "aliases.yaml").write_text("entities: [[[", encoding="utf-8")
    table = load_aliases(tmp_path)
    assert table.lookup("T&A") is None and table.lookup("Tories") is not None
    assert "ignoring the collection's aliases" in caplog.text


@pytest.mark.parametrize(
    "text, message",
    [("entities: {}", "needs a list"), ("entities:\n- type: org", "entry 1 needs a 'name'"),
     ("entities:\n- name: X\n  type: place", "type 'place'"), ("entities:\n- name: X\n  aliases: Y", "as a list")],
)
def test_a_wrong_aliases_entry_is_named(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_table(text, "aliases.yaml")


def test_a_form_the_table_knows_as_an_organisation_is_never_a_person() -> None:
    book = NameBook({"United Nations": 2}, {"UN": 5, "United Nations": 3}, load_aliases())
    assert book.resolve("United Nations", "person") == ("United Nations", "org")
    assert book.document(["United Nations"], ["UN"], ["United Nations"]) == (
        ("United Nations",), (), ("United Nations",))


def test_one_name_has_one_type_the_one_most_of_its_articles_give_it() -> None:
    book = NameBook({"Ford": 2}, {"Ford": 7}, NO_ALIASES)
    assert book.resolve("Ford", "person") == book.resolve("Ford", "org") == ("Ford", "org")
