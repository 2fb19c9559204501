"""Typing names from their context, not from word lists: who is a person and who an organisation."""

from __future__ import annotations

from tests.core.extract.conftest import extract, speakers


def test_an_unlisted_full_name_that_speaks_is_a_person() -> None:
    body = '"The harvest is late this year," Tuyet Brannagh, a farmer near the river, declared on Monday.'
    assert speakers(body) == {"Tuyet Brannagh": "person"}


def test_a_name_with_an_article_that_speaks_is_an_organisation() -> None:
    body = 'The floods are "a disgrace to the province," the Ostvar Vesnik said in a commentary.'
    assert speakers(body) == {"Ostvar Vesnik": "org"}


def test_a_name_ending_in_a_country_that_speaks_is_an_organisation() -> None:
    body = "Rowing Kenya said the regatta would go ahead."
    assert speakers(body) == {"Rowing Kenya": "org"}


def test_a_name_taken_up_by_it_is_an_organisation() -> None:
    body = "Velmora Grath said it would cut 300 jobs."
    assert speakers(body) == {"Velmora Grath": "org"}


def test_an_age_before_a_name_is_not_part_of_it() -> None:
    body = "Thirty-six-year-old Kodo Yarrow said the music stopped."
    assert speakers(body) == {"Kodo Yarrow": "person"}


def test_a_census_given_name_makes_a_person_without_other_evidence() -> None:
    assert extract("Priscilla Okoro was at the market on Sunday.").people == ("Priscilla Okoro",)


def test_a_company_noun_before_a_person_shaped_name_makes_a_company() -> None:
    entities = extract("Investment bank Morgan Stanley has forecast growth of 40% a year.")
    assert entities.orgs == ("Morgan Stanley",) and entities.people == ()


def test_a_person_role_before_a_name_keeps_it_a_person() -> None:
    assert extract("The show was made by producer Jon Thoday.").people == ("Jon Thoday",)


def test_name_suffixes_keep_the_surname() -> None:
    body = "James Kell Jr. said the case was closed. Later Mr. Kell said he would appeal."
    assert speakers(body) == {"James Kell Jr": "person"}


def test_a_foreign_article_makes_a_publication() -> None:
    assert speakers("The carmakers met in secret, Der Kurier reported.") == {"Der Kurier": "org"}


def test_a_formal_state_name_is_a_place() -> None:
    assert extract("Talks with the Republic of Korea resumed on Monday.").orgs == ()
    assert extract("Talks with the Republic of Korea resumed on Monday.").people == ()


def test_a_describing_sentence_opener_is_no_part_of_the_name() -> None:
    body = "Secretive Telvo removed the apps. A spokesman for Telvo said they would be back soon."
    assert speakers(body) == {"Telvo": "org"}
    assert "Secretive Telvo" not in extract(body).people


def test_a_capitalised_role_opening_a_sentence_is_a_role() -> None:
    body = "Model Chrissy Tollen and her husband were on the flight. Chrissy Tollen said it was a nightmare."
    assert speakers(body) == {"Chrissy Tollen": "person"}


def test_a_persons_surname_is_no_organisation_by_weak_context() -> None:
    body = "Tim Coke met Marc Benning on stage. Coke told Benning, which meant a lot. Benning said it was a dream."
    assert speakers(body) == {"Marc Benning": "person", "Tim Coke": "person"}


def test_a_title_word_after_a_given_name_is_a_surname() -> None:
    assert speakers("The league will review the play, according to MMQB's Peter King.") == {
        "Peter King": "person"
    }


def test_an_airline_is_not_its_flight() -> None:
    entities = extract("The search for Harlow Airlines Flight HA8501 resumed on Monday.")
    assert entities.orgs == ("Harlow Airlines",)


def test_a_title_that_is_also_a_given_name_opens_a_full_name() -> None:
    assert speakers("Dean Johnson, a salesman from Sumter, says the rally went well.") == {
        "Dean Johnson": "person"
    }


def test_a_party_adjective_before_a_name_is_a_role() -> None:
    body = "Republican Christine Todd Whitman told the Harlow Ledger she would rather vote for a Democrat."
    assert speakers(body) == {"Christine Todd Whitman": "person"}


def test_a_company_name_that_is_a_named_persons_surname_is_that_person() -> None:
    body = "Christine Blasey Ford testified on Thursday. Ford said she was terrified."
    assert speakers(body) == {"Christine Blasey Ford": "person"}


def test_a_full_name_of_no_given_name_after_according_to_is_an_organisation() -> None:
    assert speakers("Sales fell 6%, according to Tarvo Insight.") == {"Tarvo Insight": "org"}
    assert speakers("Sales fell 6%, according to John Tarvo.") == {"John Tarvo": "person"}
