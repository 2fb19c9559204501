"""Where a name starts and ends: connectors, possessives inside names, "The" of a title, two names in a run."""

from __future__ import annotations

from tests.core.extract.conftest import extract, speakers


def test_of_the_inside_an_organisation_name() -> None:
    body = "The International Committee for the Red Cross says it acted as a neutral intermediary."
    assert speakers(body) == {"International Committee for the Red Cross": "org"}


def test_a_plural_possessive_inside_a_name_keeps_the_whole_name() -> None:
    body = "The Independent Police Complaints' Commission said it would look at the case."
    assert speakers(body) == {"Independent Police Complaints' Commission": "org"}


def test_an_office_possessive_inside_a_name() -> None:
    body = "The Orange County Sheriff's Department said the road was closed."
    assert speakers(body) == {"Orange County Sheriff's Department": "org"}


def test_a_country_keeps_its_ministry_but_not_its_leader() -> None:
    entities = extract(
        "Kenya's Foreign Ministry warned of a strong response. Kenya's Peter Otieno was silent."
    )
    assert entities.orgs == ("Kenya's Foreign Ministry",)
    assert "Peter Otieno" in entities.people


def test_an_ampersand_makes_an_organisation() -> None:
    assert speakers("Pollard & Vane said the book would be withdrawn.") == {"Pollard & Vane": "org"}


def test_a_legal_suffix_ends_a_company_name_before_and() -> None:
    entities = extract("The deal between Marlow Inc and Tessaro Electronics Co Ltd was signed in May.")
    assert set(entities.orgs) == {"Marlow Inc", "Tessaro Electronics Co Ltd"}


def test_a_titled_person_of_an_organisation_is_the_speaker() -> None:
    body = "Sheriff Joe Brandt of the Harlow County Police Department said the gunman acted alone."
    entities = extract(body)
    assert {s.name: s.type for s in entities.speakers} == {"Joe Brandt": "person"}
    assert entities.orgs == ("Harlow County Police Department",)


def test_the_of_a_title_in_mid_sentence_is_part_of_the_name() -> None:
    entities = extract("Her payment was $28, according to The Associated Press, which saw the bill.")
    assert {s.name: s.type for s in entities.speakers} == {"The Associated Press": "org"}


def test_a_web_address_is_an_organisation() -> None:
    assert speakers("The school had no heating, Cleveland.com reported.") == {"Cleveland.com": "org"}


def test_joint_chiefs_of_staff_stays_one_name() -> None:
    body = "The Joint Chiefs of Staff said the missile flew 2,700 km."
    assert speakers(body) == {"Joint Chiefs of Staff": "org"}


def test_a_capital_before_a_participle_compound_is_no_name() -> None:
    entities = extract("The Kremlin-backed group and the Party-controlled House met, Ban Ki-moon said.")
    assert entities.people == ("Ban Ki-moon",) and entities.orgs == ()
