"""Linking the forms of a name within one article."""

from __future__ import annotations


def test_part_of_a_longer_name_is_that_person() -> None:
    from tests.core.extract.conftest import extract

    entities = extract(
        "Barr put Kathleen Hawk Sawyer in charge. Hawk Sawyer testified on Monday. "
        "Amina Ali Nkeki escaped. Amina Ali told reporters. Ali said she missed home."
    )
    assert "Hawk Sawyer" not in entities.people and "Amina Ali" not in entities.people
    assert "Ali" not in entities.people
    assert {s.name for s in entities.speakers} == {"Kathleen Hawk Sawyer", "Amina Ali Nkeki"}


def test_a_name_run_on_from_an_organisation_s_is_a_person_when_its_surname_speaks() -> None:
    from tests.core.extract.conftest import extract

    entities = extract(
        "A psychology major at University of Texas Arlington Amneh Jafari heard of the incident. "
        "Jafari said she felt the boy had been treated unfairly."
    )
    assert "Amneh Jafari" in entities.people and "Jafari" not in entities.people
    assert not any("Jafari" in org for org in entities.orgs)
    assert {s.name for s in entities.speakers} == {"Amneh Jafari"}
    # an organisation whose name ends in a word of its own is left whole
    kept = extract("Officials at the Bank of England Monetary Policy Committee met. Committee said rates would rise.")
    assert any(org.startswith("Bank of England") for org in kept.orgs) and not kept.people
