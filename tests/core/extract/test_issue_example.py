"""The passage of issue 3 must come out exactly as the issue says."""

from __future__ import annotations

from tests.core.extract.conftest import extract

BODY = """Last night, however, Bradford West MP George Galloway said it was "unbelievable and unconscionable that apparently no-one except the parent is to blame here". The boy's mother, Sarah Khan, was jailed last year.

Mr Galloway told the Telegraph & Argus the officers should have acted sooner. He added: "But had they done, the child might still be alive."

West Yorkshire Assistant Chief Constable Russ Foster welcomed the IPPC findings. '‘We acknowledge the findings of the IPCC report and accept them in full," he said.

Bradford Council leader David Green said: "The Independent Police Complaints Commission's (IPCC) investigation has been thorough."

But the IPCC says there was no requirement to do so."""


def test_issue_example() -> None:
    entities = extract(BODY, headline="MP condemns police over boy's death")
    by_name = {s.name: s for s in entities.speakers}
    assert set(by_name) == {
        "George Galloway",
        "Russ Foster",
        "David Green",
        "Independent Police Complaints Commission",
    }
    assert by_name["George Galloway"].type == "person"
    assert by_name["George Galloway"].role == "Bradford West MP"
    assert "Mr Galloway" in by_name["George Galloway"].aliases
    assert by_name["George Galloway"].quotes == 2
    assert by_name["Russ Foster"].role == "West Yorkshire Assistant Chief Constable"
    assert by_name["Russ Foster"].quotes == 1
    assert by_name["David Green"].role == "Bradford Council leader"
    ipcc = by_name["Independent Police Complaints Commission"]
    assert ipcc.type == "org"
    assert {"IPCC", "IPPC"} <= set(ipcc.aliases)
    assert "Sarah Khan" in entities.people
    assert "Sarah Khan" not in by_name
    assert "Telegraph & Argus" in entities.orgs
    assert "Telegraph & Argus" not in by_name
    assert {"George Galloway", "Russ Foster", "David Green"} <= set(entities.people)
    assert "Independent Police Complaints Commission" in entities.orgs
