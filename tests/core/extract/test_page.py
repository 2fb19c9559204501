"""Page structure: credits, captions, links, section heads, datelines and embedded posts."""

from __future__ import annotations

from searchapp.core.extract.page import CREDIT, HEADING, LINK, TEXT, read_page
from tests.core.extract.conftest import extract, speakers


def test_residue_is_dropped_and_the_rest_is_classified() -> None:
    body = "\n\n".join(
        [
            "Photo",
            "Enlarge this image toggle caption Tom Vale/AP Tom Vale/AP",
            "[Harbour flood closes three schools]",
            "READ MORE: Mayor Oduya to quit, says aide",
            "Slideshow (25 Images)",
            "TRADE DEFICITS",
            "Regional Woes",
            "The council met on Monday.",
            "Reporting by Ada Lenz; Editing by Paul Marr",
        ]
    )
    page = read_page("Floods in the harbour", body)
    assert page.kinds == [TEXT, CREDIT, LINK, LINK, HEADING, TEXT, CREDIT]
    assert page.paragraphs[1] == "Tom Vale/AP Tom Vale/AP"


def test_credited_names_are_people_and_agencies_but_never_speakers() -> None:
    body = "A man waits at the station. Tom Vale/AP\n\nReporting by Ada Lenz in LAGOS; Editing by Paul Marr"
    entities = extract(body)
    assert set(entities.people) == {"Tom Vale", "Ada Lenz", "Paul Marr"}
    assert entities.orgs == ("AP",)
    assert entities.speakers == ()


def test_he_said_does_not_go_to_a_photo_credit() -> None:
    body = (
        "Mayor Jon Pell opened the bridge.\n\n"
        "Crowds on the bridge on Sunday. | Photo Credit: Dara Quint\n\n"
        '"It took ten years," he said.'
    )
    assert speakers(body) == {"Jon Pell": "person"}


def test_an_embedded_post_is_its_author_writing() -> None:
    body = (
        "The mayor posted on Sunday.\n\n"
        "Pray for our city. Thank you to all our first responders. "
        "— Carla Mendt (@mayorcarla) October 2, 2017"
    )
    assert speakers(body) == {"Carla Mendt": "person"}


def test_a_signature_alone_signs_the_paragraph_before() -> None:
    body = (
        "We must be compassionate. pic.twitter.com/s96jjh8AlD\n\n— Rep. Ilsa Norden (@ilsa) November 19, 2019"
    )
    assert speakers(body) == {"Ilsa Norden": "person"}


def test_a_dateline_place_is_no_organisation_and_its_agency_is_one() -> None:
    entities = extract("HARLOW, Aug. 29 (Kestrel) -- The Harlow Council said the road would close.")
    assert set(entities.orgs) == {"Kestrel", "Harlow Council"}
    assert {s.name for s in entities.speakers} == {"Harlow Council"}


def test_a_link_line_makes_no_speaker() -> None:
    assert speakers("[Mayor Jon Pell says bridge will open in May]\n\nThe bridge is late.") == {}


def test_a_shouted_section_head_is_no_interview_turn() -> None:
    body = "MARKET WATCH: Shares fell sharply on Monday as traders worried about rates.\n\nOil rose."
    assert extract(body).people == ()
