"""Export the whole filtered result set (not just the loaded page) as CSV or JSON Lines."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from searchapp.core.errors import SearchAppError
from searchapp.core.reader import ReaderProcess
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


_RUNNING: set[ReaderProcess] = set()  # exports under way, so closing the window can stop them


def stop_exports() -> None:
    """Stop the exports under way (at shutdown): their partial files are removed, the targets untouched."""
    for exporter in list(_RUNNING):
        exporter.close(timeout=0.5)


def export_results(
    reader: Reader,
    location: str | os.PathLike[str],
    query: str,
    filters: Mapping[str, list[str]],
    sort: str,
    path: Path,
    fmt: str,
    on_done: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> None:
    def run() -> int:
        # A reader process of its own: a long export never holds up the searches of the window.
        exporter = ReaderProcess(location)
        _RUNNING.add(exporter)
        try:
            return exporter.export(query, filters, sort, path, fmt)
        except SearchAppError:
            path.with_name(path.name + ".part").unlink(missing_ok=True)  # if the process was stopped
            raise
        finally:
            _RUNNING.discard(exporter)
            exporter.close()

    reader.run(run, on_done, on_error)
