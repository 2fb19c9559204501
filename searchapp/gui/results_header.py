"""The line above the results list: how many articles match, a moving bar while a search runs, the offer
of a name's coverage, "Copies once" and the sort.

The search view decides when each of these changes; this widget only shows them, so the wording of the
total and of the coverage offer lives in one place.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from searchapp.gui.coverage_requests import offered_name
from searchapp.gui.icons import icon
from searchapp.gui.names import menu_text

SORTS = (("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first"))


class ResultsHeader(QWidget):
    """Total and busy bar on the left; coverage offer, copies once and sort on the right."""

    coverage_requested = Signal(str, str)  # name, type: "Coverage of …" for a person:/org:/speaker: search

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total_label = QLabel()
        self.total_label.setAccessibleName("Number of results")
        self.busy = QProgressBar()  # moving while a search runs
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(60)
        self.busy.setMaximumHeight(10)
        self.busy.setAccessibleName("Searching")
        self.busy.hide()
        self.coverage_button = QPushButton(icon("coverage"), "")
        self.coverage_button.setFlat(True)
        self.coverage_button.setAccessibleName("Show coverage")
        self.coverage_button.hide()
        self.coverage_button.clicked.connect(
            lambda: self.coverage_requested.emit(*self._offered) if self._offered else None)
        self._offered: tuple[str, str] | None = None
        self.sort_box = QComboBox()
        self.sort_box.setAccessibleName("Sort results")
        for key, label in SORTS:
            self.sort_box.addItem(label, key)
        sort_label = QLabel("&Sort:")
        sort_label.setBuddy(self.sort_box)
        self.once_box = QCheckBox("Copies &once")
        self.once_box.setToolTip("Count each story once: an article and its near-copies (reprints, wire copy, "
                                 "updates) show as one result")

        bar = QHBoxLayout(self)
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.total_label)
        bar.addWidget(self.busy)
        bar.addStretch(1)
        bar.addWidget(self.coverage_button)
        bar.addWidget(self.once_box)
        bar.addWidget(sort_label)
        bar.addWidget(self.sort_box)

    def sort(self) -> str:
        return self.sort_box.currentData()

    def set_sort(self, sort: str) -> None:
        position = self.sort_box.findData(sort)
        if position >= 0:
            self.sort_box.setCurrentIndex(position)

    def show_searching(self) -> None:
        self.total_label.setText("Searching…")
        self.busy.show()

    def show_total(self, total: int, scoped: bool) -> None:
        """`total` articles, "matching" when a query or filter narrows them."""
        self.busy.hide()
        what = "article" if total == 1 else "articles"
        scope = " matching" if scoped else ""
        self.total_label.setText(f"<b>{total:,}</b>{scope} {what}")

    def show_failed(self) -> None:
        self.busy.hide()
        self.total_label.setText("")

    def offer_coverage(self, query: str) -> None:
        """A search for one name in a name field (`person:"Tony Blair"`) offers that name's coverage."""
        self._offered = offered_name(query)
        if self._offered:
            self.coverage_button.setText(f"Coverage of {menu_text(self._offered[0])}…")
        self.coverage_button.setVisible(self._offered is not None)
