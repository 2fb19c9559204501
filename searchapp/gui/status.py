"""What the window says about the index: the status bar (count, problems button, read-only mark)
and the summary of an indexing run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from searchapp.core.models import IndexReport, IndexStats, Problem
from searchapp.core.wording import counted
from searchapp.gui.icons import icon


class StatusBar:
    """Fills the window's status bar: the count as its message; progress, problems and the
    read-only mark as permanent widgets."""

    def __init__(self, bar: QStatusBar, progress: QWidget, show_problems: Callable[[], None]) -> None:
        self.bar = bar
        self.problems_button = QPushButton(icon("warning"), "")
        self.problems_button.setFlat(True)
        self.problems_button.setAccessibleName("Show problems")
        self.problems_button.clicked.connect(show_problems)
        self.problems_button.hide()
        self.read_only_label = QLabel("Read-only")
        self.read_only_label.setAccessibleName("Read-only index")
        self.read_only_label.hide()
        for widget in (progress, self.problems_button, self.read_only_label):
            bar.addPermanentWidget(widget)

    def show_status(self, stats: IndexStats, problems: list[Problem]) -> None:
        self.bar.showMessage(status_text(stats))
        self.problems_button.setText(counted(len(problems), "problem"))
        self.problems_button.setVisible(bool(problems))

    def show_read_only(self, reason: str) -> None:
        self.read_only_label.setToolTip(reason)
        self.read_only_label.show()


def status_text(stats: IndexStats) -> str:
    return f"{counted(stats.articles, 'article')} in {counted(stats.folders, 'folder')}"


def report_message(kind: str, report: IndexReport) -> str:
    """'Indexed 19,043 new articles from 22 files; 1 problem.' ('' when there is nothing to say)."""
    parts = []
    if report.indexed:
        parts.append(f"{counted(report.new_articles, 'new article')} from {counted(report.indexed, 'file')}")
    if report.updated:
        parts.append(f"{counted(report.updated_articles, 'article')} updated from "
                     f"{counted(report.updated, 'changed file')}")
    if report.removed:
        parts.append(f"{counted(report.removed, 'file')} removed")
    summary = ", ".join(parts)
    if report.problems:
        summary += ("; " if summary else "") + f"{counted(len(report.problems), 'problem')} (files or folders not indexed)"
    if report.cancelled:
        return "Indexing stopped. What was indexed so far is searchable" + (f" ({summary})." if summary else ".")
    if parts:
        return f"Indexed {summary}."
    if report.problems:
        return f"Nothing new to index; {summary}."
    return "Everything was already indexed and up to date." if kind == "add" else ""
