"""What the search side and the Coverage window ask of each other: the name a search offers the coverage of,
a search added to the chart as a series, and the articles a click on the chart asks the results to show.

Plain values and one function, no widgets: the search view offers coverage and shows a chart's articles
without depending on the Coverage window and its charts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME_QUERY = re.compile(r'^\s*(?P<field>person|people|org|orgs|organisation|organization|agency|speaker|speakers|quoted)'
                        r':(?:"(?P<quoted>[^"]+)"|(?P<word>\S+))\s*$', re.IGNORECASE)
PERSON_FIELDS = ("person", "people")
ORG_FIELDS = ("org", "orgs", "organisation", "organization", "agency")


def offered_name(query: str) -> tuple[str, str] | None:
    """The (name, type) a search for one name in a name field asks about: `person:"Tony Blair"`."""
    match = NAME_QUERY.match(query)
    if not match:
        return None
    field = match["field"].lower()
    kind = "org" if field in ORG_FIELDS else ("person" if field in PERSON_FIELDS else "")
    return (match["quoted"] or match["word"]).strip(), kind


@dataclass(frozen=True)
class CoverageFilter:
    """What a click on the chart asks the results to show."""

    name: str  # a person or organisation ("" for a search series)
    kind: str  # "person", "org" or "query"
    quoted: bool  # the articles quoting (else mentioning)
    bucket: str = ""  # a day, ISO week, month or year ("" for all)
    outlet: str = ""
    query: str = ""  # a search series: its query and filters
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class SearchSeries:
    label: str
    query: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]

    def filter_map(self) -> dict[str, list[str]]:
        return {field: list(values) for field, values in self.filters}
