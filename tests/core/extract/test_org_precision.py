"""What is not an organisation: tech terms, fragments, lone generic words, roles, awards and events."""

from __future__ import annotations

import pytest

from searchapp.core.extract.orgs import generic, is_acronym, looks_like_org
from searchapp.core.extract.spans import code_like, title_case
from tests.core.extract.conftest import extract, speakers


def test_file_formats_and_tech_terms_are_not_organisations() -> None:
    body = "The catalogue is stored as XML and JSON in UTF-8; see the README and the NOTICE file for details."
    assert extract(body).orgs == ()


@pytest.mark.parametrize(
    "word", ["UTF-8", "STS-135", "IE6", "PB100", "HD-DVD", "XVII", "AAA", "FFFF", "GPRS"]
)
def test_codes_numerals_and_ratings_are_not_acronyms(word: str) -> None:
    assert not is_acronym(word)


def test_real_acronyms_stay() -> None:
    assert is_acronym("BBC2") and is_acronym("MCI") and is_acronym("IPCC")
    assert looks_like_org(["NASA"]) and looks_like_org(["BP"]) and looks_like_org(["MI5"])


def test_two_letter_fragments_need_evidence() -> None:
    assert not looks_like_org(["NZ"]) and not looks_like_org(["LV"])
    assert extract("The deal was welcomed by NZ farmers and LV readers on Monday.").orgs == ()
    body = "The European Commission (EC) published the rules. The EC said airlines must comply."
    entities = extract(body)
    assert entities.orgs == ("European Commission",)
    assert speakers(body) == {"European Commission": "org"}


def test_shouted_words_are_not_acronyms() -> None:
    assert extract("It was HUGE, a huge success for the town, and UNLESS it rains it will go on.").orgs == ()


def test_lone_generic_word_is_no_organisation() -> None:
    assert extract("Yesterday the Court ruled that the Council must pay.").orgs == ()
    assert extract("The move was shown on UK TV last night, then on British TV.").orgs == ()


def test_lone_generic_word_joins_the_one_long_form() -> None:
    body = "The Supreme Court heard the appeal in May. The Court ruled that the law stands."
    assert extract(body).orgs == ("Supreme Court",)


def test_institutions_and_newspapers_stand_alone() -> None:
    entities = extract("MPs in the Commons voted as the Cabinet met, and the Times reported it.")
    assert set(entities.orgs) == {"Commons", "Cabinet", "Times"}
    assert generic("Court") and generic("UK TV") and not generic("Parliament") and not generic("Sky TV")


def test_role_ending_in_an_office_word_keeps_only_the_organisation() -> None:
    body = "Jeff Rathke, the State Department Spokesperson, said the talks would continue."
    entities = extract(body)
    assert entities.orgs == ("State Department",)
    assert speakers(body) == {"Jeff Rathke": "person"}


def test_office_of_something_is_a_role() -> None:
    assert extract("She is now Director of Media and Communications at the firm.").orgs == ()
    entities = extract("He became President of the European Commission in 2004.")
    assert entities.orgs == ("European Commission",)


@pytest.mark.parametrize(
    "body",
    [
        "She won the Hans Christian Andersen Award last year.",
        "He ran at the Norwich Union Grand Prix in Birmingham.",
        "The text is under the Creative Commons Attribution licence.",
        "He won gold at the Commonwealth Games in Manchester.",
        "Pictures from the Andy Warhol Photographic Legacy Program went on show.",
    ],
)
def test_awards_events_and_licences_are_neither_people_nor_organisations(body: str) -> None:
    entities = extract(body)
    assert entities.orgs == () and entities.people == ()


def test_organisation_run_into_a_person_is_split() -> None:
    entities = extract("The study was led by Washington State University Simon Ličen in 2013.")
    assert entities.orgs == ("Washington State University",)
    assert entities.people == ("Simon Ličen",)


def test_numbered_station_keeps_its_number() -> None:
    assert extract("He told BBC Radio 4 that the plan would work.").orgs == ("BBC Radio 4",)


def test_title_case_headline_names_only_what_the_body_names() -> None:
    body = "The satirical newspaper was founded in 1988 by two students."
    assert extract(body, headline="An Interview with America's Finest News Source").orgs == ()
    assert title_case("An Interview with America's Finest News Source")
    assert not title_case("Hackers attack church website in protest")


def test_codes_are_never_people() -> None:
    assert code_like("DB9") and code_like("GPRS") and not code_like("Galloway")
    assert extract("The console has GPS and GPRS, said Mr Jones.").people == ("Jones",)
