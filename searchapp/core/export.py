"""Export exactly the filtered result set as CSV or JSON Lines."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from searchapp.core.errors import SearchAppError
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
    for stored, names in iter_matches(index, query, filters=filters, sort=sort):
        published = stored.get("published")
        yield {
            "headline": stored.get("headline", ""),
            "outlet": stored.get("outlet", ""),
            "date": published.isoformat() if published else "",
            "url": stored.get("url", ""),
            "path": stored.get("path", ""),
            "speakers": [speaker.name for speaker in names.speakers],
            "people": list(names.people),
            "orgs": list(names.orgs),
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


# Characters Python's str.splitlines() and JavaScript take for line ends, which JSON leaves as they are.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_text(value: Any, indent: int | None = None) -> str:
    """`value` as JSON whose line ends are only its own: on exactly one line without `indent`,
    whatever line-breaking characters its strings hold."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_LINE_BREAKS)


def write_jsonl(
    rows: Iterable[dict[str, Any]], out: IO[str], progress: Callable[[int], None] | None = None
) -> int:
    count = 0
    for row in rows:
        out.write(json_text(row) + "\n")
        count += 1
        if progress:
            progress(count)
    return count


def export_to_file(
    index: ArticleIndex,
    query: str,
    filters: Mapping[str, Collection[str]] | None,
    sort: str,
    path: str | Path,
    fmt: str,
) -> int:
    """Write every row of the result set to `path` as "csv" or "jsonl"; returns the number of rows.

    The rows go to `path.part` first and replace `path` only when all are written, so a failed
    export never leaves half a file under the name the user chose."""
    path = Path(path)
    rows = export_rows(index, query, filters or None, sort)
    temporary = path.with_name(path.name + ".part")
    newline = "" if fmt == "csv" else "\n"
    try:
        with temporary.open("w", encoding="utf-8", newline=newline) as out:
            count = (write_csv if fmt == "csv" else write_jsonl)(rows, out)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SearchAppError(f"Could not write {path}: {error.strerror or error}.") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count
