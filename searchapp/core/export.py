"""Export exactly the filtered result set as CSV or JSON Lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import IO, Any

from searchapp.core.documents import speakers_from_stored, split_names
from searchapp.core.index import ArticleIndex
from searchapp.core.search import iter_matches

EXPORT_COLUMNS = ("headline", "outlet", "date", "url", "path", "speakers", "people", "orgs")


def export_rows(
    index: ArticleIndex,
    query: str,
    filters: Mapping[str, Collection[str]] | None = None,
    sort: str = "relevance",
) -> Iterator[dict[str, Any]]:
    """One row per matching article: the columns of EXPORT_COLUMNS; lists stay lists."""
    for stored in iter_matches(index, query, filters=filters, sort=sort):
        published = stored.get("published")
        yield {
            "headline": stored.get("headline", ""),
            "outlet": stored.get("outlet", ""),
            "date": published.isoformat() if published else "",
            "url": stored.get("url", ""),
            "path": stored.get("path", ""),
            "speakers": [speaker.name for speaker in speakers_from_stored(stored)],
            "people": list(split_names(stored.get("people"))),
            "orgs": list(split_names(stored.get("orgs"))),
        }


def write_csv(
    rows: Iterable[dict[str, Any]], out: IO[str], progress: Callable[[int], None] | None = None
) -> int:
    """CSV with a header; list columns joined with '; '. Returns the number of rows written."""
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(
            {key: "; ".join(value) if isinstance(value, list) else value for key, value in row.items()}
        )
        count += 1
        if progress:
            progress(count)
    return count


def write_jsonl(
    rows: Iterable[dict[str, Any]], out: IO[str], progress: Callable[[int], None] | None = None
) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
        if progress:
            progress(count)
    return count
