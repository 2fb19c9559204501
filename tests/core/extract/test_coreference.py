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
