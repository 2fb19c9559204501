"""What a list of results was asked for: query, filters, sort, and the search generation it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

NAME_FILTERS = ("speakers", "people", "orgs")
DATE_FILTER = "date"  # a day, ISO week, month or year from the coverage chart


@dataclass(frozen=True)
class SearchKey:
    """What a result list was asked for; pages of another key are ignored."""

    generation: int
    query: str
    filters: tuple[tuple[str, tuple[str, ...]], ...]
    sort: str
    dedupe: bool = False  # each story (an article and its near-copies) once

    def filter_map(self) -> dict[str, list[str]]:
        """The facet filters (a date filter is part of the query: see `search_text`)."""
        return {field: list(values) for field, values in self.filters if field != DATE_FILTER}

    @property
    def search_text(self) -> str:
        """What is searched: the query, and the date filter (a coverage bucket) as `date:`."""
        dates = [value for field, values in self.filters if field == DATE_FILTER for value in values]
        return " ".join([self.query, *(f"date:{value}" for value in dates)]).strip()
