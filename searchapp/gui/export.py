"""Export the whole filtered result set (not just the loaded page) as CSV or JSON Lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from searchapp.core import export as core_export
from searchapp.core.index import ArticleIndex
from searchapp.gui.tasks import Reader

FORMATS = {
    "csv": ("CSV", "CSV files (*.csv)", ".csv"),
    "jsonl": ("JSON Lines", "JSON Lines files (*.jsonl)", ".jsonl"),
}


def ask_export_path(parent: QWidget, fmt: str, start_dir: str) -> Path | None:
    title, file_filter, suffix = FORMATS[fmt]
    name, _ = QFileDialog.getSaveFileName(
        parent, f"Export results as {title}", str(Path(start_dir) / f"search-results{suffix}"), file_filter
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)


def write_export(
    index: ArticleIndex, query: str, filters: Mapping[str, list[str]], sort: str, path: Path, fmt: str
) -> int:
    """Write every row of the result set to `path`; returns the number of rows (runs off the GUI thread)."""
    count = 0

    def counted(rows: Iterator[dict]) -> Iterator[dict]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    rows = counted(core_export.export_rows(index, query, filters or None, sort))
    temporary = path.with_name(path.name + ".part")
    newline = "" if fmt == "csv" else "\n"
    with temporary.open("w", encoding="utf-8", newline=newline) as out:
        (core_export.write_csv if fmt == "csv" else core_export.write_jsonl)(rows, out)
    temporary.replace(path)
    return count


def export_results(
    reader: Reader,
    index: ArticleIndex,
    query: str,
    filters: Mapping[str, list[str]],
    sort: str,
    path: Path,
    fmt: str,
    on_done: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> None:
    reader.run(lambda: write_export(index, query, filters, sort, path, fmt), on_done, on_error)
