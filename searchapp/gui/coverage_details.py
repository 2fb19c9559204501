"""The lower half of the Coverage window: tabs of the quotations attributed to a name, the outlets quoting
and mentioning them, their roles, and who is quoted and mentioned alongside them.

The lists are filled from the name's `Profile` (`core.profile`); the window draws the outlets chart, as it
knows which series is first and where a click on a bar goes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QTabWidget, QWidget

from searchapp.core.profile import Profile
from searchapp.gui.coverage_charts import new_chart
from searchapp.gui.results import format_date


class CoverageDetails(QTabWidget):
    """Quotes | Outlets | Roles and names alongside, for the name whose profile is shown."""

    quote_requested = Signal(str, str)  # path, quotation: open the article at the quote
    name_requested = Signal(str)  # a name quoted or mentioned alongside: show their coverage

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Details")
        self.outlets_chart, self.outlets_view = new_chart("Outlets")
        self.outlets_view.setMinimumHeight(220)

        self.quotes = self._list("Quotes")
        self.quotes.setWordWrap(True)
        self.quotes.setToolTip("Double-click or press Enter to read the article at the quote")
        self.quotes.itemActivated.connect(
            lambda item: item.data(Qt.ItemDataRole.UserRole) and self.quote_requested.emit(
                *item.data(Qt.ItemDataRole.UserRole)))
        self.roles = self._list("Roles")
        self.quoted_with = self._list("Quoted alongside")
        self.mentioned_with = self._list("Mentioned alongside")
        for widget in (self.quoted_with, self.mentioned_with):
            widget.itemActivated.connect(lambda item: self.name_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
            widget.setToolTip("Double-click or press Enter to show their coverage")

        lists = QGridLayout()
        for column, (title, widget) in enumerate(
            (("Roles", self.roles), ("Quoted alongside", self.quoted_with), ("Mentioned alongside", self.mentioned_with))
        ):
            heading = QLabel(f"<b>{title}</b>")
            heading.setBuddy(widget)
            lists.addWidget(heading, 0, column)
            lists.addWidget(widget, 1, column)
        lists_widget = QWidget()
        lists_widget.setLayout(lists)
        self.addTab(self.quotes, "&Quotes")
        self.addTab(self.outlets_view, "&Outlets")
        self.addTab(lists_widget, "&Roles and names alongside")

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget()
        widget.setAccessibleName(name)
        widget.setMinimumHeight(120)
        return widget

    def show_profile(self, profile: Profile) -> None:
        """The quotations, roles and names alongside of `profile`."""
        self._fill_quotes(profile)
        self._fill(self.roles, [(role, count, None) for role, count in profile.roles], "No role given")
        self._fill(self.quoted_with, [(n, c, n) for n, c in profile.quoted_with], "Nobody else quoted")
        self._fill(self.mentioned_with, [(n, c, n) for n, c in profile.mentioned_with], "Nobody else named")

    def _fill_quotes(self, profile: Profile) -> None:
        self.quotes.clear()
        for quote in profile.quotes:
            facts = " · ".join(x for x in (format_date(quote.published), quote.outlet, quote.headline) if x)
            item = QListWidgetItem(f"“{quote.text}”\n    {facts}")
            item.setData(Qt.ItemDataRole.UserRole, (quote.path, quote.text))
            item.setToolTip(quote.path)
            self.quotes.addItem(item)
        if not profile.quotes:
            item = QListWidgetItem("No quotation attributed to them in these articles."
                                   if not profile.quoted else "Quoted, but no quotation could be kept.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.quotes.addItem(item)
        self.setTabText(0, f"&Quotes ({len(profile.quotes):,}{'+' if len(profile.quotes) >= 100 else ''})")

    def _fill(self, widget: QListWidget, rows: Sequence[tuple[str, int, str | None]], empty: str) -> None:
        widget.clear()
        for text, count, data in rows:
            item = QListWidgetItem(f"{text}  ({count:,})")
            item.setData(Qt.ItemDataRole.UserRole, data)
            widget.addItem(item)
        if not rows:
            item = QListWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)
