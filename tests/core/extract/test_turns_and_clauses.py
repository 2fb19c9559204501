"""Interview turns, relative clauses before "said", dotted acronyms and the general error shapes fixed with them."""

from __future__ import annotations

import pytest

from tests.core.extract.conftest import extract, speakers

INTERVIEW = """Noam Chomsky sat down with Michael Dranove for an interview in his office.

Michael Dranove: I wanted to know if you had any thoughts on recent NATO actions.

Noam Chomsky: Well, the obvious question is why NATO should exist. The national security advisor James Jones former Marine commandant is on record of favoring expansion. He has explained that it must grow.

Michael Dranove: Do you think this is a revival of the Left?

Chomsky: Yes."""


def test_interview_turns_are_speech_of_their_labels() -> None:
    entities = extract(INTERVIEW)
    counts = {s.name: (s.type, s.quotes) for s in entities.speakers}
    assert counts == {"Noam Chomsky": ("person", 2), "Michael Dranove": ("person", 2)}
    assert "Marine" not in entities.people


def test_interviewer_outlet_and_q_a_labels_are_not_speakers() -> None:
    body = (
        "Wikinews interviewed the writer Anna Berg.\n\n"
        "Wikinews: What is the book about?\n\n"
        "Berg: It is about a small town and its people.\n\n"
        "Q: Was it hard to write?\n\n"
        "A: It took me ten years of work."
    )
    found = extract(body).speakers
    assert [(s.name, s.quotes) for s in found] == [("Anna Berg", 1)]


def test_all_caps_transcript_labels() -> None:
    body = "JOHN SMITH: We will win the vote, I am sure of it.\n\nQ: Why?\n\nSMITH: Because the voters want a change."
    assert [(s.name, s.type, s.quotes) for s in extract(body).speakers] == [("John Smith", "person", 2)]


def test_repeated_single_word_labels_speak() -> None:
    body = "Bill: There is a misconception in this trade.\n\nRebecca: I do wear a lot of black.\n\nBill: It is anything but that."
    assert speakers(body) == {"Bill": "person", "Rebecca": "person"}


@pytest.mark.parametrize(
    "body",
    [
        "Arsenal: Lehmann, Lauren, Cole, Campbell, Toure.\n\nSubs Not Used: Almunia.\n\nReferee: Mike Riley (Bucks).",
        "Update: the road would reopen on Monday, it was said.\n\nNote: this story was changed.",
    ],
)
def test_line_ups_and_field_labels_are_not_turns(body: str) -> None:
    assert speakers(body) == {}


def test_speaker_before_an_unclosed_relative_clause() -> None:
    body = (
        "George Galloway won. Mr Galloway, who on Thursday won £150,000 in libel damages from the "
        "Daily Telegraph said he would contest the seat."
    )
    entities = extract(body)
    assert speakers(body) == {"George Galloway": "person"}
    assert "Daily Telegraph" in entities.orgs
    assert speakers("Acme Holdings, which owns the Daily Record said profits rose.") == {
        "Acme Holdings": "org"
    }
    assert "Jane Porter" not in speakers("Jane Porter, who police said was armed, fled the scene.")


def test_dotted_acronyms_are_one_form_and_countries_are_not_orgs() -> None:
    entities = extract(
        "Gorbachev and the U.S government agreed. But the U.S wouldn't consider it. "
        "The US government said no. The U.S. Army said it was ready."
    )
    assert set(entities.orgs) == {"U.S. government", "U.S. Army"}
    assert "United States" not in extract("The United States said it would help.").orgs


def test_title_surname_after_an_honorific() -> None:
    body = "Labour MP Oona King faces a fight. Ms King said she was delighted at the chance."
    assert speakers(body) == {"Oona King": "person"}


def test_two_titled_people_joined_by_and() -> None:
    entities = extract(
        "Culture Secretary Tessa Jowell and Deputy Prime Minister John Prescott have welcomed his return."
    )
    assert set(entities.people) == {"Tessa Jowell", "John Prescott"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Department for Work and Pensions said the rules were fair.",
            {"Department for Work and Pensions": "org"},
        ),
        ("Houston-based Continental Airlines said it would cut costs.", {"Continental Airlines": "org"}),
        (
            'The US insurance firm Marsh & McLennan was fined. "We are saddened," Marsh said in a statement.',
            {"Marsh & McLennan": "org"},
        ),
        ('"Keep track of time," wrote Travis Anderson, in Texas.', {"Travis Anderson": "person"}),
        ("Malaysia's Prime Minister, Najib Razak said they were in contact.", {"Najib Razak": "person"}),
        (
            "The Minister of Education Stefania Giannini said the tax was due.",
            {"Stefania Giannini": "person"},
        ),
        ("I was eating in front of the PC I realised things were silly, she said.", {}),
    ],
)
def test_general_shapes(body: str, expected: dict[str, str]) -> None:
    assert speakers(body) == expected
