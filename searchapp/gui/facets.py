"""The facet sidebar: Speakers, People, Organisations, Outlets, Years, Folders, each value with a count."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.models import FacetCount
from searchapp.gui.icons import icon

FACETS = (
    ("speakers", "Speakers"),
    ("people", "People"),
    ("orgs", "Organisations"),
    ("outlet", "Outlets"),
    ("year", "Years"),
    ("folder", "Folders"),
)
FACET_TITLES = dict(FACETS)
SHORT_LIST = 10  # longer lists get a filter box and "Show more"
LONG_LIST = 500  # rows of an expanded list; the filter box finds the others
NAME_FACETS = ("speakers", "people", "orgs")  # right-click: the name's corrections
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def facet_label(field: str, value: str) -> str:
    """How a facet value reads in the sidebar and on chips (folders by their name, not the full path)."""
    return Path(value).name or value if field == "folder" else value


class FacetGroup(QWidget):
    """One facet: a title, a filter box for long lists, checkable values with counts, "Show more"."""

    toggled = Signal(str, str, bool)  # field, value, selected
    menu_requested = Signal(str, str, str, QPoint)  # field, value, type ("person", "org" or ""), where
    # The list holds only the most frequent values and the user asked for all of them (Show all, or
    # a filter text): the search's every value is wanted.
    all_wanted = Signal(str)

    def __init__(self, field: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.title = title
        self._counts: tuple[FacetCount, ...] = ()
        self._size = 0  # values the facet has in all (more than _counts holds when the search cut it)
        self._selected: set[str] = set()
        self._expanded = False

        self.header = QLabel(f"<b>{title}</b>")
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(f"Filter {title.lower()}…")
        self.filter_box.setAccessibleName(f"Filter {title}")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_box.textChanged.connect(lambda _t: self._fill())
        self.list = QTreeWidget()
        self.list.setAccessibleName(title)
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QTreeWidget.Shape.NoFrame)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized from the largest count in _fill: ResizeToContents samples about a thousand rows, and in a
        # long expanded list it cut "153" to "1…".
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.list.itemChanged.connect(self._item_changed)
        self.list.itemActivated.connect(self._item_activated)
        if field in NAME_FACETS:
            self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.list.customContextMenuRequested.connect(self._context_menu)
        self.more = QPushButton()
        self.more.setFlat(True)
        self.more.setAccessibleName(f"Show more {title}")
        self.more.clicked.connect(self._toggle_more)
        self.empty = QLabel("None in these results")
        self.empty.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.setSpacing(3)
        for widget in (self.header, self.filter_box, self.list, self.empty, self.more):
            layout.addWidget(widget)

    def set_counts(self, counts: tuple[FacetCount, ...], selected: set[str], size: int | None = None) -> None:
        """Show `counts` (the most frequent values first) of the facet's `size` values in all."""
        if self.field == "year":
            counts = tuple(sorted(counts, key=lambda c: c.value, reverse=True))
        self._counts = counts
        self._size = max(size or 0, len(counts))
        self._selected = set(selected)
        self._fill()

    @property
    def cut(self) -> bool:
        """The list holds only the most frequent of the facet's values."""
        return self._size > len(self._counts)

    def values(self) -> list[tuple[str, int, bool]]:
        """What the list shows now: (value, count, selected)."""
        rows = []
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            rows.append((item.data(0, Qt.ItemDataRole.UserRole), int(item.text(1) or 0),
                         item.checkState(0) == Qt.CheckState.Checked))
        return rows

    def item_for(self, value: str) -> QTreeWidgetItem | None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == value:
                return item
        return None

    def _fill(self) -> None:
        needle = self.filter_box.text().strip().lower()
        if self.cut and (needle or self._expanded):
            self.all_wanted.emit(self.field)  # the values beyond the first come with the next counts
        counts = [c for c in self._counts if needle in c.value.lower()] if needle else list(self._counts)
        shown_values = {c.value for c in counts}
        # a selected value stays visible (with 0) even when the query no longer matches it
        counts += [FacetCount(v, 0) for v in sorted(self._selected) if v not in shown_values]
        long_list = len(counts) > SHORT_LIST or (self.cut and not needle)
        limit = LONG_LIST if self._expanded else SHORT_LIST
        visible = counts[:limit]
        visible += [c for c in counts[limit:] if c.value in self._selected and c not in visible]
        hidden = max(0, (len(counts) if needle or not self.cut else self._size) - len(visible))
        self.list.blockSignals(True)
        self.list.clear()
        for count in visible:
            item = QTreeWidgetItem([facet_label(self.field, count.value), f"{count.count:,}"])
            item.setData(0, Qt.ItemDataRole.UserRole, count.value)
            item.setData(0, TYPE_ROLE, count.type)
            item.setToolTip(0, count.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = count.value in self._selected
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        self.list.blockSignals(False)
        widest = f"{max((count.count for count in visible), default=0):,}"  # digits are equally wide
        self.list.header().resizeSection(1, self.list.fontMetrics().horizontalAdvance(widest + "   "))
        rows = len(visible)
        row_height = self.list.sizeHintForRow(0) if rows else 0
        self.list.setFixedHeight(rows * row_height + 4)
        self.list.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        self.filter_box.setVisible(self._size > SHORT_LIST or bool(needle))
        self.more.setVisible(long_list)
        total = len(counts) if needle else max(self._size, len(counts))
        self.more.setText("Show fewer" if self._expanded else f"Show all {total:,}")
        # A list of every name of a large collection is no use to scroll: the filter box finds the rest.
        self.more.setToolTip(f"{hidden:,} more: type in the filter box to find them" if self._expanded and hidden else "")
        self.filter_box.setPlaceholderText(f"Filter {self._size:,} {self.title.lower()}…" if self._size > LONG_LIST
                                           else f"Filter {self.title.lower()}…")

    def _context_menu(self, where: QPoint) -> None:
        item = self.list.itemAt(where)
        if item is not None:
            self.menu_requested.emit(self.field, item.data(0, Qt.ItemDataRole.UserRole), item.data(0, TYPE_ROLE) or "",
                                     self.list.viewport().mapToGlobal(where))

    def _toggle_more(self) -> None:
        self._expanded = not self._expanded
        self._fill()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole)
        self.toggled.emit(self.field, value, item.checkState(0) == Qt.CheckState.Checked)

    def _item_activated(self, item: QTreeWidgetItem, column: int) -> None:
        checked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)


class FacetSidebar(QScrollArea):
    """All facet groups in a scrolling column; emits `toggled(field, value, selected)`."""

    toggled = Signal(str, str, bool)
    menu_requested = Signal(str, str, str, QPoint)
    all_wanted = Signal(str)  # a group wants every value of the search's facet (see FacetGroup)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Filters")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        self.groups: dict[str, FacetGroup] = {}
        for field, title in FACETS:
            group = FacetGroup(field, title)
            group.toggled.connect(self.toggled)
            group.menu_requested.connect(self.menu_requested)
            group.all_wanted.connect(self.all_wanted)
            layout.addWidget(group)
            self.groups[field] = group
        layout.addStretch(1)
        self.setWidget(body)
        self.setMinimumWidth(200)

    def set_facets(
        self, facets: Mapping[str, tuple[FacetCount, ...]], filters: Mapping[str, set[str]],
        sizes: Mapping[str, int] | None = None,
    ) -> None:
        """Each facet's values; `sizes` says how many a facet has in all when it holds only the first."""
        for field, group in self.groups.items():
            group.set_counts(tuple(facets.get(field, ())), set(filters.get(field, ())), (sizes or {}).get(field))

    def set_selected(self, filters: Mapping[str, set[str]]) -> None:
        """Show new selections at once, before the search with them returns."""
        for field, group in self.groups.items():
            group.set_counts(group._counts, set(filters.get(field, ())), group._size)
