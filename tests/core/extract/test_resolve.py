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
