"""Who "he" and "she" stand for: gender agreement, possessors."""

from __future__ import annotations

from tests.core.extract.conftest import speakers


def test_she_skips_a_man_named_more_recently() -> None:
    body = "Susan Ross introduced Tom Hale to the board on Monday. The meeting went well, she said."
    assert speakers(body) == {"Susan Ross": "person"}


def test_a_title_gives_the_gender() -> None:
    body = 'Mrs Dale met Kim Brandt. Mr Brandt left early. "It was fine," she said.'
    assert speakers(body) == {"Dale": "person"}


def test_a_possessor_is_a_later_choice_than_a_subject() -> None:
    body = "Quentin Vale spoke first. In the film Mike Dorn's character spits on her, and he defends it."
    assert speakers(body) == {"Quentin Vale": "person"}


def test_a_description_stands_for_the_person_whose_role_it_names() -> None:
    body = "Goalkeeper Jon Sellers kept a clean sheet. The win was vital, the veteran goalkeeper said."
    assert speakers(body) == {"Jon Sellers": "person"}


def test_a_party_description_stands_for_the_politician_and_is_no_name() -> None:
    body = "Rep. Tim Rowan (D-Ohio) voted no. The bill is a disgrace, the Ohio Democrat said."
    assert speakers(body) == {"Tim Rowan": "person"}
    assert speakers("The Texas Republican said the bill would fail.") == {}
