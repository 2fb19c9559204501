"""Cue coverage: more speech verbs, their non-speech senses, participles, shared subjects, descriptions."""

from __future__ import annotations

from tests.core.extract.conftest import speakers


def test_further_speech_verbs() -> None:
    assert speakers("Mayor Ines Varga praised the firefighters.") == {"Ines Varga": "person"}
    assert speakers('"Not again," Tom Brandt retorted.') == {"Tom Brandt": "person"}
    assert speakers("Carla Mendt confessed that she had never read it.") == {"Carla Mendt": "person"}
    assert speakers("Senator Ana Ruiz noted that the bill had failed twice.") == {"Ana Ruiz": "person"}


def test_non_speech_senses_are_not_cues() -> None:
    assert speakers("The noted author Ines Varga arrived late.") == {}
    assert speakers("Tom Brandt called off the search at dusk.") == {}
    assert speakers("The plane slammed into the sea near Java.") == {}
    assert speakers("Dana Kell wrote a novel about the war.") == {}


def test_wrote_beside_a_quotation_is_speech() -> None:
    assert speakers('"They taught me so much," Dev Okafor wrote.') == {"Dev Okafor": "person"}


def test_a_participle_reports_the_speech_of_its_clause_subject() -> None:
    body = "Brenmoor Holdings rejected the offer on Monday, saying it undervalued the firm."
    assert speakers(body) == {"Brenmoor Holdings": "org"}


def test_a_participle_after_a_cue_keeps_its_speaker() -> None:
    body = "The girls were in the custody of the Harlow Police Department, Ada Shehu said, adding that they were tired."
    assert speakers(body) == {"Ada Shehu": "person"}


def test_a_coordinated_verb_shares_the_subject() -> None:
    body = 'Councillor Rhys Pugh is to raise the issue at the next meeting and said: "It cannot go on."'
    assert speakers(body) == {"Rhys Pugh": "person"}


def test_a_participle_inside_the_subject_does_not_speak_for_a_name_before() -> None:
    body = "One Twitter user said the hotel was shut, while another, citing police scanners, said two men were inside."
    assert speakers(body) == {}


def test_inverted_cue_with_a_description_before_the_name() -> None:
    assert speakers('"We found nothing," said police Chief Anna Reyes.') == {"Anna Reyes": "person"}
    assert speakers('"It is late," said farm worker Tom Baxter.') == {"Tom Baxter": "person"}
    assert speakers('"A good deal," said Orlo\'s chief analyst Kobi Desai.') == {"Kobi Desai": "person"}


def test_a_lower_case_appositive_role_between_name_and_verb() -> None:
    body = "Jane Okafor, emergency program co-ordinator, said the roads were closed."
    assert speakers(body) == {"Jane Okafor": "person"}


def test_a_statement_by_a_body_makes_it_the_speaker() -> None:
    body = "A statement by the Harlow Borough Council said the school would reopen."
    assert speakers(body) == {"Harlow Borough Council": "org"}


def test_an_unnamed_spokesman_speaks_for_a_named_principal() -> None:
    body = 'A spokesman for Secretary-General Ban Ki-moon called the launch "deeply deplorable".'
    assert speakers(body) == {"Ban Ki-moon": "person"}


def test_a_party_state_tag_between_speaker_and_verb() -> None:
    body = "Sen. Marco Vell (R-Fla.) urged China to act."
    assert speakers(body) == {"Marco Vell": "person"}


def test_passive_by_a_possessive_is_no_agent() -> None:
    assert speakers("The failures revealed by Tom Epps's death shocked the senators.") == {}


def test_according_to_a_source_noun_credits_its_owner() -> None:
    assert speakers("Gunshots were heard, according to reports on KTVQ.") == {"KTVQ": "org"}
    assert speakers("Sales rose 6%, according to data from the Harlow Carmakers Association.") == {
        "Harlow Carmakers Association": "org"
    }


def test_an_organisations_report_speaks_for_it() -> None:
    body = "Shares fell after a Kessel Securities report that said Apple might drop the chip."
    assert speakers(body) == {"Kessel Securities": "org"}


def test_a_places_officials_are_anonymous() -> None:
    assert speakers("Texas officials said the girls were taken to Austin.") == {}


def test_naming_and_granting_senses_are_not_speech() -> None:
    assert speakers("It bought Talx Corp., a firm also called Equinox Payroll Services.") == {}
    assert speakers("The Harlow Port Authority denied access to four ships.") == {}


def test_an_outlet_that_only_carries_the_words_does_not_speak() -> None:
    body = "Joe Yunis was reported by The Harlow Post as saying talks could resume."
    assert "The Harlow Post" not in speakers(body)


def test_a_company_with_a_legal_suffix_and_a_full_stop_speaks() -> None:
    assert speakers("Kestrel Group Inc. said it expects a hit of $2 billion.") == {"Kestrel Group Inc": "org"}


def test_an_organisation_kind_noun_stands_for_the_organisation() -> None:
    body = "She worked at the Atlas Casino in Reno. On Monday, the casino said that she left years ago."
    assert speakers(body) == {"Atlas Casino": "org"}


def test_a_first_report_is_still_a_report() -> None:
    assert speakers("Reuters first reported on the offer on Sunday.") == {"Reuters": "org"}


def test_an_adverbial_phrase_between_speaker_and_verb() -> None:
    body = "Foreign Ministry spokesman Hua Lin, in response to the comments, said the situation was complex."
    assert speakers(body) == {"Hua Lin": "person"}
    body = 'State Sen. Dawn Ardy (R-Burlington), for example, said Ms Vale "has done her best".'
    assert speakers(body) == {"Dawn Ardy": "person"}


def test_a_day_between_speaker_and_verb() -> None:
    assert speakers("Secretary of State Rex Tolliver on Friday denied the talks.") == {
        "Rex Tolliver": "person"
    }


def test_quoted_as_saying_credits_the_speaker_not_the_paper() -> None:
    body = "Joseph Yunis, the envoy, was reported by The Harlow Post as saying that talks could resume."
    assert speakers(body) == {"Joseph Yunis": "person"}


def test_a_speaker_named_after_a_committee_in_one_run() -> None:
    body = (
        "Head of the Harlow Council's Foreign Affairs Committee Leonid Slavin said Friday the plan was risky."
    )
    assert speakers(body) == {"Leonid Slavin": "person"}


def test_a_participle_after_a_dash() -> None:
    body = (
        "The Harlow Publishing Group waged a public battle with Amazon — claiming the e-tailer was a bully."
    )
    assert speakers(body) == {"Harlow Publishing Group": "org"}


def test_called_someone_something_is_speech_but_called_a_name_is_naming() -> None:
    assert speakers('The Harlow Foreign Ministry called Trump a "destroyer of peace".') == {
        "Harlow Foreign Ministry": "org"
    }
    assert speakers("It owns Talx Corp., a firm also called Equinox Payroll.") == {}


def test_issuing_a_statement_is_speech() -> None:
    assert speakers("The Harlow Tenants Association issued a travel advisory in October.") == {
        "Harlow Tenants Association": "org"
    }
    assert speakers("The Harlow Tenants Association issued new cards in October.") == {}


def test_an_affiliate_or_weekly_before_a_name_makes_an_organisation() -> None:
    assert speakers("Officials saw the crash, Kestrel affiliate Telvista reported.") == {"Telvista": "org"}


def test_an_organisations_economists_speak_for_it() -> None:
    body = "Harlow Global Insight economists said that no state will recover by 2015."
    assert speakers(body) == {"Harlow Global Insight": "org"}


def test_according_to_stops_at_a_passive_agent() -> None:
    body = "Jobs are below the peak, according to Labor Department data compiled by Bloomberg."
    assert speakers(body) == {"Labor Department": "org"}


def test_an_unlisted_role_noun_before_a_name_keeps_it_a_subject() -> None:
    assert speakers("During the debate, ABC moderator David Muir asked a simple question.") == {
        "David Muir": "person"
    }
    assert speakers("GOP frontrunner Donald Trump has called for strikes.") == {"Donald Trump": "person"}


def test_calling_out_is_speech() -> None:
    assert speakers("Senator Lena Gray called out her rival for alienating voters.") == {
        "Lena Gray": "person"
    }
