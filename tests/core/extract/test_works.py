"""Issue 9 §2: films, books, bands, characters, events, competitions and plans are never people or
organisations, told from the words around them (no list of titles is kept)."""

from __future__ import annotations

import pytest

from tests.core.extract.conftest import extract


@pytest.mark.parametrize(
    ("body", "work"),
    [
        ("The drama Rosa Finch won three awards. Critics praised the cast.", "Rosa Finch"),
        ("The studio behind the Tom Bramble games has cut 100 jobs, its owner said.", "Tom Bramble"),
        ("Cinemas showed films such as Peter Marlow and other hits over the holiday.", "Peter Marlow"),
        ("She was nominated for her role in Annie Carver, the jury said on Monday.", "Annie Carver"),
        ("Tickets sold out quickly for the third Jack Fenwick film this year.", "Jack Fenwick"),
        ("Glasgow group Hector Lamont won two prizes. Hector Lamont, who were shortlisted, played.", "Hector Lamont"),
        ("The jury liked Shaun of the Dead more than the other comedies this year.", "Shaun of the Dead"),
        ("Sam Oduya star Helen Mirren arrived at the premiere in London.", "Sam Oduya"),
        ("Critics liked Mike Leigh's Vera Drake, which won the top prize.", "Vera Drake"),
    ],
)
def test_a_work_named_like_a_person_is_no_person(body: str, work: str) -> None:
    entities = extract(body)
    assert work not in entities.people and work not in entities.orgs


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("The box set holds 34 John Wayne films from the studio's vaults.", "John Wayne"),
        ("She won for her role in Bernardo Bertolucci's Last Tango in Paris.", "Bernardo Bertolucci"),
        ("She was praised for her role in Mike Nichols' Closer this winter.", "Mike Nichols"),
        ("Vince Vaughn stars in the comedy, which opens on Friday.", "Vince Vaughn"),
        ("Croatian duo Ivan Ljubicic and Mario Ancic won the doubles.", "Ivan Ljubicic"),
        ("Jamie Foxx plays Ray Charles in the biopic Ray, which opens on Friday.", "Ray Charles"),
        ("Martin Scorsese's Howard Hughes biopic opened in London.", "Howard Hughes"),
    ],
)
def test_a_person_whose_name_is_near_a_work_stays_a_person(body: str, person: str) -> None:
    assert person in extract(body).people


def test_the_person_beside_a_work_stays_a_person() -> None:
    entities = extract("Sam Oduya star Helen Mirren arrived. Critics liked Mike Leigh's Vera Drake.")
    assert {"Helen Mirren", "Mike Leigh"} <= set(entities.people)


@pytest.mark.parametrize(
    "body",
    [
        # a speaker or a titled name is a person whatever else is said of it
        'The Harry Lime series was a hit, Mr Lime said. "It surprised me," Harry Lime said.',
        # a plural verb after a coordination belongs to the pair
        "President Michael Bidwill and general manager Steve Keim are looking for a coach.",
        "Joss Stone and Steve Keim, who were both nominated, did not attend the ceremony.",
        # a place owns the person, not a person
        "Britain's Tim Henman beat Steve Keim in three sets on Centre Court.",
    ],
)
def test_people_near_those_words_stay_people(body: str) -> None:
    people = set(extract(body).people)
    assert people & {"Harry Lime", "Steve Keim", "Tim Henman"}
    if "Keim" in body:
        assert "Steve Keim" in people
    if "Henman" in body:
        assert "Tim Henman" in people


@pytest.mark.parametrize(
    ("body", "event"),
    [
        ("England beat Wales in the Davis Cup on Friday, the team's coach said.", "Davis Cup"),
        ("He called for a new Marshall Plan for Africa, aid groups said.", "Marshall Plan"),
        ("Ireland lead the RBS Six Nations after two rounds, officials said.", "RBS Six Nations"),
        ("Chelsea reached the Champions League final, the club said.", "Champions League"),
        ("The Golden Globes ceremony will take place on Sunday, organisers said.", "Golden Globes"),
        ("Merry Christmas, the banner on the shop read in tall letters.", "Merry Christmas"),
        ("Shoppers crowded Beverly Hills on Saturday as the sales opened.", "Beverly Hills"),
    ],
)
def test_events_competitions_plans_and_places_are_no_names(body: str, event: str) -> None:
    entities = extract(body)
    assert event not in entities.people and event not in entities.orgs


def test_people_with_surnames_that_are_place_words_stay() -> None:
    assert "Ricki Lake" in extract("Ricki Lake said the show would return in the autumn.").people


def test_the_acronym_of_an_event_is_no_organisation() -> None:
    body = "The Consumer Electronics Show (CES) opened in Las Vegas. At CES, Sony said it had a new player."
    entities = extract(body)
    assert "CES" not in entities.orgs and "Sony" in entities.orgs


def test_a_programme_is_no_organisation_but_its_broadcaster_is() -> None:
    entities = extract("He told the BBC World Service programme Go Digital that prices would fall.")
    assert "Go Digital" not in entities.orgs
    assert any("World Service" in org for org in entities.orgs)


def test_a_product_with_a_version_is_no_organisation_but_a_maker_with_a_model_number_is() -> None:
    entities = extract("Users of Windows XP should update, and Windows is on most PCs. Sony said it would ship.")
    assert "Windows" not in entities.orgs and "Sony" in entities.orgs
    assert "BAE" in extract("The sales involved 12 BAE 146 jets and six other aircraft.").orgs
    assert "Petrobras" in extract("It will cost the state-owned oil company Petrobras 20 mln dlrs.").orgs


def test_the_long_form_of_a_technology_acronym_is_no_organisation() -> None:
    entities = extract("Songs with Digital Rights Management (DRM) sold less. Digital Rights Management systems "
                       "block copying, the Open Rights Group said.")
    assert "Digital Rights Management" not in entities.orgs and "Open Rights Group" in entities.orgs
