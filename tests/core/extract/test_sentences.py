"""Sentences and titles written with full stops: "Sen.", "Mr.", "D-Mich.", "Calif.", "U.S.", "p.m.:"."""

from __future__ import annotations

from searchapp.core.extract.tokens import tokenize
from tests.core.extract.conftest import extract, speakers


def _sentences(text: str) -> list[str]:
    doc = tokenize([text])
    starts = [i for i in range(len(doc)) if doc.sent_start[i]]
    return [doc.words[i] for i in starts]


def test_titles_with_full_stops_do_not_end_sentences() -> None:
    assert _sentences("Sen. Tamsin Rook spoke to Dr. Ade Bello. Then Cmdr. Ray Ostrow left.") == [
        "Sen",
        "Then",
    ]


def test_a_state_or_party_tag_ends_a_sentence_only_before_an_opener() -> None:
    assert _sentences("He lived in Mesquite, Nev. He drew little attention.") == ["He", "He"]
    assert _sentences("Rep. Lena Hart (D-Mich.) Smith said no.") == ["Rep"]
    assert _sentences("Shares of Orlo Inc. The company said.") == ["Shares", "The"]


def test_a_colon_before_a_capital_starts_a_sentence() -> None:
    assert _sentences("9.45 p.m.: The FBI says the gunman acted alone.") == ["9.45", "The"]


def test_a_title_with_a_full_stop_is_stripped_from_the_speaker() -> None:
    body = 'Mr. Haddow was quiet. "It is over," said Sen. Marco Vell (R-Fla.) on Sunday.'
    assert speakers(body) == {"Marco Vell": "person"}
    assert "Haddow" in extract(body).people


def test_honorifics_of_other_countries_are_stripped() -> None:
    body = "The deal was brokered by the Red Cross, said Mallam Garba Ishaku, a spokesman for the president."
    assert speakers(body) == {"Garba Ishaku": "person"}
