"""Organisations: suffix words, acronyms linked to long forms, party forms."""

from __future__ import annotations

import pytest

from searchapp.core.extract.orgs import acronym_matches, is_acronym, link_acronyms
from tests.core.extract.conftest import extract


@pytest.mark.parametrize(
    "name",
    [
        "Bradford Council",
        "West Yorkshire Police",
        "European Commission",
        "Ministry of Defence",
        "Scottish National Party",
        "Acme Holdings Ltd",
        "Transport and General Workers Union",
        "Leeds United FC",
        "Crown Court",
    ],
)
def test_org_words_make_an_organisation(name: str) -> None:
    entities = extract(f"The report was sent to {name} on Monday.")
    assert entities.orgs == (name,)
    assert entities.people == ()


def test_bracketed_acronym_links_to_long_form() -> None:
    body = "The Equal Opportunities Commission (EOC) published figures. The EOC said pay was unequal."
    entities = extract(body)
    (speaker,) = entities.speakers
    assert speaker.name == "Equal Opportunities Commission"
    assert speaker.aliases == ("EOC",)
    assert entities.orgs == ("Equal Opportunities Commission",)


def test_acronym_with_same_initials_and_a_misspelling() -> None:
    body = (
        "The IPPC findings were published. The Independent Police Complaints Commission met. "
        "The IPCC said the officers acted properly."
    )
    entities = extract(body)
    assert entities.orgs == ("Independent Police Complaints Commission",)
    assert set(entities.speakers[0].aliases) == {"IPPC", "IPCC"}


def test_acronym_helpers() -> None:
    assert is_acronym("IPCC") and is_acronym("BBC2") and not is_acronym("UK") and not is_acronym("Galloway")
    assert acronym_matches("IPCC", "Independent Police Complaints Commission")
    assert acronym_matches("IPPC", "Independent Police Complaints Commission")
    assert not acronym_matches("IPPC", "Independent Police Complaints Commission", tolerant=False)
    assert acronym_matches("FAO", "Food and Agriculture Organisation")
    links = link_acronyms(["NUJ", "TUC"], ["National Union of Journalists"], {})
    assert links == {"NUJ": "National Union of Journalists"}


def test_party_forms_are_one_party() -> None:
    body = (
        "The Tories dismissed the plan as desperate. The Conservatives said they would act. A Tory MP agreed."
    )
    entities = extract(body)
    assert entities.orgs == ("Conservatives",)
    assert [(s.name, s.type) for s in entities.speakers] == [("Conservatives", "org")]


def test_country_government_is_an_organisation() -> None:
    entities = extract("The Chinese government said the rules would stay.")
    assert [(s.name, s.type) for s in entities.speakers] == [("Chinese government", "org")]


def test_a_nationality_before_no_person_is_part_of_the_organisations_name() -> None:
    entities = extract("The British Phonographic Industry (BPI) said sales fell. Kenyan Paul Tergat won.")
    assert "British Phonographic Industry" in entities.orgs and "Phonographic Industry" not in entities.orgs
    assert "Paul Tergat" in entities.people
    safin = extract("Russian Marat Safin said he was tired. Safin, seeded four, opens on Monday.")
    assert "Marat Safin" in safin.people and "Russian Marat Safin" not in safin.people


def test_a_person_run_into_an_organisation_is_split_when_the_article_quotes_the_surname_alone() -> None:
    body = "The Arlington Muslim Student Association Amneh Jafari heard of it. Jafari said she would help."
    entities = extract(body)
    assert "Arlington Muslim Student Association" in entities.orgs
    assert "Amneh Jafari" in entities.people


def test_what_is_left_of_a_role_is_no_name() -> None:
    entities = extract("Co-founder of Google, Sergey Brin, personally met him on Monday.")
    assert entities.people == ("Sergey Brin",)


def test_a_company_named_with_a_possessive_keeps_it() -> None:
    entities = extract("Moody's Investors Service Inc said it cut the rating. Britain's Tim Henman won.")
    assert "Moody's Investors Service Inc" in entities.orgs and "Investors Service Inc" not in entities.orgs
    assert "Tim Henman" in entities.people


def test_unnamed_sources_in_capitals_are_no_names() -> None:
    entities = extract("U.S. Officials said the talks would go on. Officials in Ivory Coast agreed.")
    assert entities.people == () and entities.orgs == ()


def test_a_firm_named_after_its_founders_is_no_person_where_the_article_names_the_firm() -> None:
    entities = extract("Merrill Lynch and Co Inc said profits rose. Merrill Lynch said the deal was done.")
    assert "Merrill Lynch" not in entities.people
    assert extract("Merrill Lynch said the deal was done, his lawyer said.").people == ("Merrill Lynch",)


def test_a_stage_name_with_an_initial_is_no_acronym() -> None:
    assert not is_acronym("Jay-Z") and is_acronym("BBC2") and is_acronym("MetroTV")
