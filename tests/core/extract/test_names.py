"""Titles and roles are stripped from names and kept as the role; short forms go to the full name."""

from __future__ import annotations

import pytest

from tests.core.extract.conftest import extract


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        ("Bradford West MP George Galloway said it was wrong.", "George Galloway", "Bradford West MP"),
        ("Home Secretary Charles Clarke said it was wrong.", "Charles Clarke", "Home Secretary"),
        (
            "Russ Foster, West Yorkshire Assistant Chief Constable, said it was wrong.",
            "Russ Foster",
            "West Yorkshire Assistant Chief Constable",
        ),
        (
            "Dr Amelia Hart, a lecturer at the university, said it was wrong.",
            "Amelia Hart",
            "lecturer at the university",
        ),
        (
            '"It is wrong," said Moscow-based lawyer Jamie Firestone.',
            "Jamie Firestone",
            "Moscow-based lawyer",
        ),
        ("Sir Digby Jones said it was wrong.", "Digby Jones", ""),
    ],
)
def test_title_and_role_are_split_from_the_name(body: str, name: str, role: str) -> None:
    (speaker,) = extract(body).speakers
    assert (speaker.name, speaker.role) == (name, role)


def test_mr_and_bare_surname_go_to_the_full_name() -> None:
    body = (
        "Chancellor Gordon Brown visited the plant.\n\n"
        'Mr Brown said: "It is a fine day." Brown later added that he was pleased.'
    )
    entities = extract(body)
    assert [s.name for s in entities.speakers] == ["Gordon Brown"]
    assert {"Mr Brown", "Brown"} <= set(entities.speakers[0].aliases)
    assert entities.people == ("Gordon Brown",)


def test_two_people_with_one_surname_stay_apart() -> None:
    body = "Michael Howard spoke first. His wife Sandra Howard said she was proud. Mr Howard said he agreed."
    entities = extract(body)
    assert set(entities.people) == {"Michael Howard", "Sandra Howard"}


def test_initial_and_surname_go_to_the_full_name() -> None:
    entities = extract("George Galloway spoke. Later G. Galloway said he would stand again.")
    assert [s.name for s in entities.speakers] == ["George Galloway"]


def test_people_mentioned_inside_quotes_are_people() -> None:
    body = 'Theresa May said: "These plans were announced by Gordon Brown in December."'
    entities = extract(body)
    assert set(entities.people) == {"Theresa May", "Gordon Brown"}
    assert [s.name for s in entities.speakers] == ["Theresa May"]


def test_places_are_not_people() -> None:
    entities = extract("Trade between Hong Kong and New Zealand grew, Sarah Jones said.")
    assert entities.people == ("Sarah Jones",)


def test_an_organisation_name_before_a_person_is_not_their_role() -> None:
    body = (
        "According to the Arts and Humanities Citation Index Professor Chomsky is much cited. "
        '"I give many talks," said Noam Chomsky.'
    )
    [speaker] = [s for s in extract(body).speakers if s.name == "Noam Chomsky"]
    assert "Citation Index" not in speaker.role
