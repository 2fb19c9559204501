"""Direct quotations in all their shapes, and reported speech cues."""

from __future__ import annotations

import pytest

from tests.core.extract.conftest import extract, speakers


@pytest.mark.parametrize(
    "body",
    [
        'Jane Porter arrived late. "We have won," she said.',
        '"We have won," said Jane Porter.',
        'Jane Porter said: "We have won."',
        '"We have won," Jane Porter said.',
        "“We have won,” said Jane Porter, the team captain.",
        "‘‘We have won,’’ said Jane Porter.",
        "‘We have won,’ said Jane Porter.",
        '"We have won", according to Jane Porter.',
        "Jane Porter, the team captain, said the side had won.",
        "Jane Porter said that the side had won.",
        "Jane Porter told reporters the side had won.",
        "Jane Porter has also warned that the side could lose.",
    ],
)
def test_direct_and_reported_shapes(body: str) -> None:
    assert speakers(body) == {"Jane Porter": "person"}


@pytest.mark.parametrize(
    "verb",
    ["added", "argued", "claimed", "insisted", "admitted", "announced", "denied", "explained", "stated"],
)
def test_reported_speech_verbs(verb: str) -> None:
    assert speakers(f"Union leader Tom Bradley {verb} the deal was fair.") == {"Tom Bradley": "person"}


def test_quote_spanning_paragraphs_is_counted_for_its_speaker() -> None:
    body = (
        'Council leader Mary Atkins said: "The budget is tight.\n\n'
        '"We will have to cut services next year.\n\n'
        '"There is no other way," she added.'
    )
    (speaker,) = extract(body).speakers
    assert speaker.name == "Mary Atkins"
    assert speaker.quotes >= 2


def test_unbalanced_quote_mark_does_not_derail_the_rest() -> None:
    body = (
        'Ian Ross said the plan was "bold.\n\n'
        "Critics were unconvinced.\n\n"
        'Later, Carol Mendes said: "It will fail." She added that costs would rise.'
    )
    assert speakers(body) == {"Ian Ross": "person", "Carol Mendes": "person"}


def test_pronoun_goes_to_the_person_the_text_is_about() -> None:
    body = (
        'Mayor Peter Gould said: "We are ready."\n\n'
        'Deputy Chief Constable Alan Webb welcomed the report. "We accept it in full," he said.'
    )
    entities = extract(body)
    counts = {s.name: s.quotes for s in entities.speakers}
    assert counts == {"Peter Gould": 1, "Alan Webb": 1}


@pytest.mark.parametrize(
    "body",
    [
        "Analysts said the shares were cheap.",
        "Officials said the road would reopen.",
        "A source close to the talks said a deal was near.",
        "Jane Porter wants a new contract.",
        "Jane Porter hopes to play on Sunday.",
        "Police arrested Jane Porter on Monday.",
    ],
)
def test_not_speakers(body: str) -> None:
    assert speakers(body) == {}


def test_person_spoken_to_is_not_a_speaker() -> None:
    found = speakers("Mr Galloway told the Telegraph & Argus the officers failed. George Galloway is an MP.")
    assert found == {"George Galloway": "person"}


def test_org_spokesman_makes_the_org_speak() -> None:
    assert speakers("A Sony spokesman said the console would ship in May.") == {"Sony": "org"}
    assert speakers("A spokesman for the Home Office said the rules were clear.") == {"Home Office": "org"}
    assert speakers("Home Office spokesman Bill Jones said the rules were clear.") == {"Bill Jones": "person"}


def test_org_speakers() -> None:
    assert speakers("The National Audit Office said the project was late.") == {
        "National Audit Office": "org"
    }
    assert speakers("Profits rose, according to the Equal Opportunities Commission (EOC).") == {
        "Equal Opportunities Commission": "org"
    }


def test_each_speaker_keeps_the_words_they_said() -> None:
    from tests.core.extract.conftest import extract

    entities = extract(
        'The harbour will reopen in May, the mayor Jane Okafor said on Monday. '
        '"We have waited long enough," said Tom Baxter, a fisherman. '
        '"It is a start," he added.'
    )
    said = {s.name: s.quoted for s in entities.speakers}
    assert said["Tom Baxter"] == ("We have waited long enough,", "It is a start,")
    # reported speech only: the sentence that reports it
    assert said["Jane Okafor"] == ("The harbour will reopen in May, the mayor Jane Okafor said on Monday.",)
