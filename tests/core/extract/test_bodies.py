"""Organisations named by kind and owner, teams named by a plural, and one name per organisation."""

from __future__ import annotations

from tests.core.extract.conftest import extract, speakers


def test_a_place_and_its_institution() -> None:
    assert speakers("Seattle police said the gunman acted alone.") == {"Seattle police": "org"}
    assert speakers("The Irish finance ministry said the rates would stay.") == {
        "Irish finance ministry": "org"
    }
    assert extract("Troops loyal to Nigeria's military moved north.").orgs == ("Nigeria's military",)


def test_a_leaders_administration_but_not_a_partys_government() -> None:
    assert extract("The deal angered the Obama administration.").orgs == ("Obama administration",)
    assert extract("The Labour government raised taxes.").orgs == ("Labour",)


def test_a_capitalised_plural_after_the_is_a_team() -> None:
    entities = extract("The Harbour Bengals beat the Rovers 3-1. Fans of the Bengals sang all night.")
    assert "Harbour Bengals" in entities.orgs and "Bengals" not in entities.orgs


def test_titles_families_and_ordinary_plurals_are_no_teams() -> None:
    assert extract("She starred in The History Boys last year.").orgs == ()
    assert extract("Joe Marsh and his wife met the Marshes' lawyer.").orgs == ()
    assert extract("Critics loved it. The critics were kind.").orgs == ()


def test_a_short_form_joins_the_one_fuller_form() -> None:
    body = (
        "Flights resumed at McCarran International Airport on Monday. "
        "McCarran Airport said delays would last."
    )
    assert speakers(body) == {"McCarran International Airport": "org"}
    body = "The Department of Justice sued. The Justice Department said the case was strong."
    assert speakers(body) == {"Department of Justice": "org"}


def test_a_short_form_inside_nested_longer_forms_joins_the_longest() -> None:
    body = (
        'Thanks went to the "Harlow Metropolitan Police" and "the Harlow Metropolitan Police Dept." on Monday. '
        "Harlow police say two officers were hurt."
    )
    assert speakers(body) == {"Harlow Metropolitan Police Dept": "org"}
