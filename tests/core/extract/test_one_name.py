"""Issue 9 §2 within an article: every mention joins its fullest form, and junk is never a name."""

from __future__ import annotations

from tests.core.extract.conftest import extract, speakers


def test_a_titled_pair_of_leaders_gives_both_full_names_and_mr_joins_the_first() -> None:
    body = (
        "UK Prime Minister Tony Blair and South African President Thabo Mbeki are among the leaders "
        "attending. Mr Blair will open the proceedings, Mr Blair's office said."
    )
    entities = extract(body)
    assert "Tony Blair" in entities.people and "Thabo Mbeki" in entities.people
    assert "Blair" not in entities.people


def test_every_form_of_the_ipcc_is_one_organisation() -> None:
    body = (
        "The Independent Police Complaints Commission (IPCC) will look at the case. The IPCC said it had "
        "been told. An IPPC spokesman said the Independent Police Complaints' Commission would report."
    )
    entities = extract(body)
    assert entities.orgs == ("Independent Police Complaints Commission",)
    (speaker,) = entities.speakers
    assert {"IPCC", "IPPC"} <= set(speaker.aliases)


def test_common_capitalised_words_and_slogans_are_no_names() -> None:
    body = (
        "Election 2005: Christmas came early for the Tories. The Chancellor will deliver the Budget. "
        "Budget officials said it would be fair. Vote Blair, Get Brown. That is what Tony Blair said."
    )
    entities = extract(body)
    assert set(entities.people) == {"Tony Blair"}
    assert set(entities.orgs) == {"Tories"}


def test_a_shouted_lede_word_is_no_organisation() -> None:
    assert extract("FINAL fixtures were played on Saturday as the league ended.").orgs == ()


def test_a_role_or_party_word_glued_to_a_name_is_no_part_of_it() -> None:
    body = "He met the Blairite Alan Milburn and the chancellor of the Exchequer Gordon Brown on Monday."
    assert set(extract(body).people) == {"Alan Milburn", "Gordon Brown"}


def test_truncated_initials_are_no_name() -> None:
    assert extract("The library is named after George H. W. Then it closed.").people == ()


def test_a_role_is_a_noun_phrase_never_a_clause() -> None:
    body = 'Mr Brown, who married PR executive Sarah Macaulay in 2000, said: "It changed me."'
    (speaker,) = extract(body).speakers
    assert speaker.name == "Brown" and "married" not in speaker.role


def test_a_princess_who_speaks_is_not_credited_to_her_father() -> None:
    body = (
        "His former girlfriend, Princess Marguerite of Romania, the eldest daughter of ex-King Michael of "
        'Romania, who said a relationship with him was "politics, politics, politics".'
    )
    assert speakers(body) == {"Marguerite of Romania": "person"}


def test_an_occasion_or_an_abstract_noun_after_a_title_is_no_surname() -> None:
    body = (
        "Labour is preparing for the General Election. Mr Blair said the General Election would be close. "
        "Trade ministers met under the General Agreement on Tariffs and Trade, officials said."
    )
    assert extract(body).people == ("Blair",)


def test_an_office_styled_lord_is_no_lord_of_that_name() -> None:
    body = (
        "The Lord Chancellor, Lord Falconer, said the reform was needed. The Lord Chancellor has the "
        "final say. Ms King said she would vote for it."
    )
    entities = extract(body)
    assert set(entities.people) == {"Falconer", "King"}
    assert speakers(body) == {"Falconer": "person", "King": "person"}


def test_a_name_owned_by_a_titled_person_is_not_titled() -> None:
    body = "Tony Blair faced Prime Minister's Questions on Wednesday, and Michael Howard attacked him."
    assert set(extract(body).people) == {"Tony Blair", "Michael Howard"}


def test_a_name_never_starts_with_a_full_stop() -> None:
    body = (
        "David Mulford, Assistant Secretary of the U.S. Treasury, told the conference that talks would "
        "resume. A. H. Robins Co said sales rose."
    )
    entities = extract(body)
    assert entities.people == ("David Mulford",)
    assert not any(name.startswith(".") for name in entities.orgs)


def test_labels_of_notes_and_of_table_rows_are_no_names() -> None:
    body = (
        "Shr profit three cts vs loss three cts\n\nNet profit 363,000 vs loss 197,000\n\n"
        "Revs 3,761,000 vs 2,666,000\n\nNOTE: annual dividend payable April 10 to stockholders of record."
    )
    entities = extract(body)
    assert entities.people == () and entities.orgs == ()
