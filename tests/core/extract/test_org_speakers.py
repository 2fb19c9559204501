"""Organisation speakers: names typed by their context, "the company/it said", parties, lists."""

from __future__ import annotations

import pytest

from tests.core.extract.conftest import extract, speakers


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a one-word company with evidence around it, then "the company said"
        (
            "State-owned Rosneft bought the unit. Rosneft officials were unavailable for comment. "
            "But the company has said it intends to act.",
            {"Rosneft": "org"},
        ),
        # an appositive naming its kind makes a sentence opener an organisation
        ("Parmalat, the Italian food group, has reported a doubling in profit.", {"Parmalat": "org"}),
        # "the company said" skips a public body; "the government said" finds a government
        (
            "Acme Holdings lost its appeal. The Securities Commission welcomed the ruling. "
            "The company said it would appeal again.",
            {"Acme Holdings": "org"},
        ),
        (
            "A US government claim was thrown out. Acme Group was among the accused. "
            "In its case, the government claimed the firms had lied.",
            {"US government": "org"},
        ),
        ("Acme Holdings had a good year. Profits rose 5%, it said.", {"Acme Holdings": "org"}),
        ("Uganda's New Vision newspaper reports that the play was banned.", {"New Vision": "org"}),
        ("According to Jupiter Research most homes now have broadband.", {"Jupiter Research": "org"}),
        (
            "The group Cepes (Peruvian Centre for Social Studies) led the project. Cepes says farmers gained.",
            {"Peruvian Centre for Social Studies": "org"},
        ),
        (
            "Athletics Kenya (AK) suspended the runner for the athletics season. AK insisted it would act.",
            {"Athletics Kenya": "org"},
        ),
        ('"We are pleased," said an IAAF spokesman. The IAAF Council met on Monday.', {"IAAF": "org"}),
    ],
)
def test_org_speaker_shapes(body: str, expected: dict[str, str]) -> None:
    assert speakers(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Tony Blair has no qualms about lying, say the Tories.", {"Tories": "org"}),
        ("The Lib Dems accuse Mr Blair of spin.", {"Lib Dems": "org"}),
        ("But Labour campaign chiefs say there are no plans for a daily briefing.", {"Labour": "org"}),
        (
            "The Tories dismissed the plan as a gimmick, while the Liberal Democrats said it was misdirected.",
            {"Tories": "org", "Liberal Democrats": "org"},
        ),
    ],
)
def test_parties_speak(body: str, expected: dict[str, str]) -> None:
    assert speakers(body) == expected


def test_a_list_of_organisations_speaks_together() -> None:
    body = (
        "News International, Guardian Media Group, Trinity Mirror and the Telegraph Group have all announced "
        "new investments."
    )
    assert speakers(body) == {
        "News International": "org",
        "Guardian Media Group": "org",
        "Trinity Mirror": "org",
        "Telegraph Group": "org",
    }


@pytest.mark.parametrize(
    "body",
    [
        "Zorvath said the plan would fail.",  # a lone unknown word is no organisation without evidence
        "Polish MEPs rejected the plans.",  # a group of members, not an organisation
        "Jane Porter claims a new world record in Madrid.",  # claiming a prize is winning
        "Revenue from Acme Holdings, which it reported as sales, rose.",  # "it" in a relative clause
        "Most people use file-sharing program BitTorrent, the firm said.",  # the firm is someone else
    ],
)
def test_not_org_speakers(body: str) -> None:
    assert speakers(body) == {}


def test_lone_word_speaker_is_the_person_with_that_surname() -> None:
    body = "Yelena Isinbayeva won in Birmingham. Isinbayeva said she was happy."
    entities = extract(body)
    assert {s.name: s.type for s in entities.speakers} == {"Yelena Isinbayeva": "person"}
    assert entities.orgs == ()


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("The Shadow Secretary for the Family, Theresa May, said the plans were recycled.", "Theresa May"),
        (
            "Marvin Hier, founder of rights group the Simon Wiesenthal Center said it was foolish.",
            "Marvin Hier",
        ),
    ],
)
def test_person_in_an_appositive_speaks_not_the_organisation(body: str, name: str) -> None:
    assert speakers(body) == {name: "person"}


def test_unknown_full_name_followed_by_she_is_a_person() -> None:
    body = "Kiara Perkins, a second year art major, admitted she was willing to skip class."
    assert speakers(body) == {"Kiara Perkins": "person"}


def test_unfamiliar_first_name_before_a_given_name_stays_in_the_name() -> None:
    body = '"We played well," said Hernan Dario Gomez. Novelist Andrea Levy said she agreed.'
    assert speakers(body) == {"Hernan Dario Gomez": "person", "Andrea Levy": "person"}
