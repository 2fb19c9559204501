"""The cross-article rule for facet values (resolve_names)."""

from __future__ import annotations

from searchapp.core.extract import resolve_names


def test_bare_surname_maps_to_the_unique_full_name() -> None:
    mapping = resolve_names(["George Galloway", "Galloway", "Tony Blair", "Blair"])
    assert mapping["Galloway"] == "George Galloway"
    assert mapping["Blair"] == "Tony Blair"
    assert mapping["George Galloway"] == "George Galloway"


def test_initial_and_surname_maps_when_the_initial_agrees() -> None:
    mapping = resolve_names(["George Galloway", "G. Galloway", "H. Galloway"])
    assert mapping["G. Galloway"] == "George Galloway"
    assert mapping["H. Galloway"] == "H. Galloway"


def test_ambiguous_surname_stays_as_it_is() -> None:
    mapping = resolve_names(["Michael Howard", "Sandra Howard", "Howard"])
    assert mapping["Howard"] == "Howard"
    assert mapping["Michael Howard"] == "Michael Howard"


def test_full_names_are_never_merged() -> None:
    mapping = resolve_names(["Gordon Brown", "Dan Brown"])
    assert mapping == {"Gordon Brown": "Gordon Brown", "Dan Brown": "Dan Brown"}


def test_surname_with_no_full_name_stays() -> None:
    assert resolve_names(["Ashcroft", " ", ""]) == {"Ashcroft": "Ashcroft"}


def test_part_of_a_longer_name_is_that_person() -> None:
    from tests.core.extract.conftest import extract

    entities = extract(
        "Barr put Kathleen Hawk Sawyer in charge. Hawk Sawyer testified on Monday. "
        "Amina Ali Nkeki escaped. Amina Ali told reporters. Ali said she missed home."
    )
    assert "Hawk Sawyer" not in entities.people and "Amina Ali" not in entities.people
    assert "Ali" not in entities.people
    assert {s.name for s in entities.speakers} == {"Kathleen Hawk Sawyer", "Amina Ali Nkeki"}
