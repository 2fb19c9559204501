"""The Names manager (View > Names…): every person and organisation of the index with its aliases, counts
and the user's changes, filterable and sortable, with merge, rename, retype, hide and undo.

The rows come from the counts reader; a list of a hundred thousand names is a Python list behind a
table model, so filtering and sorting never build widgets for rows nobody looks at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.entities import Change
from searchapp.core.names import NameRow
from searchapp.core.reader import IndexReaders
from searchapp.gui.icons import icon
from searchapp.gui.names import TYPE_LABELS, NameActions
from searchapp.gui.tasks import Reader

COLUMNS = ("Name", "Type", "Articles", "Quoted", "Also known as", "Your changes")
SHOW = (("all", "All names"), ("person", "People"), ("org", "Organisations"), ("changed", "Changed by you"),
        ("hidden", "Hidden"))


class NamesModel(QAbstractTableModel):
    """Rows of NameRow, filtered and sorted in Python."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[NameRow] = []
        self.rows: list[NameRow] = []
        self._needle = ""
        self._show = "all"
        self._sort = (2, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: Sequence[NameRow]) -> None:
        self._all = list(rows)
        self._apply()

    def set_filter(self, needle: str, show: str) -> None:
        self._needle, self._show = needle.strip().lower(), show
        self._apply()

    def total(self) -> int:
        return len(self._all)

    def _apply(self) -> None:
        self.beginResetModel()
        needle, show = self._needle, self._show
        def shown(row: NameRow) -> bool:
            if show == "hidden":
                return row.hidden
            if show == "changed":
                return bool(row.changes)
            return not row.hidden and show in ("all", row.type)

        rows = [r for r in self._all if shown(r)]
        if needle:
            rows = [r for r in rows if needle in r.name.lower() or any(needle in a.lower() for a in r.aliases)]
        column, order = self._sort
        key = (lambda r: r.name.lower(), lambda r: r.type, lambda r: r.articles, lambda r: r.quoted,
               lambda r: len(r.aliases), lambda r: len(r.changes))[column]
        rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = rows
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._apply()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name + ("  (hidden)" if row.hidden else ""),
                TYPE_LABELS[row.type],
                f"{row.articles:,}",
                f"{row.quoted:,}",
                ", ".join(row.aliases[:8]) + (" …" if len(row.aliases) > 8 else ""),
                "; ".join(row.changes),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (4, 5):
            return "\n".join(row.aliases if column == 4 else row.changes) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class NamesDialog(QDialog):
    """View > Names…: find, check and correct the names of the index."""

    def __init__(self, reader: Reader, actions: NameActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Names")
        self.setAccessibleName("Names manager")
        self._reader = reader
        self._actions = actions
        self._readers: IndexReaders | None = None
        self._generation = 0
        self.changes: tuple[Change, ...] = ()

        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Find a name or alias…")
        self.filter_box.setAccessibleName("Find a name")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.show_box = QComboBox()
        self.show_box.setAccessibleName("Show")
        for key, label in SHOW:
            self.show_box.addItem(label, key)
        self.model = NamesModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Names")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((230, 95, 70, 65, 260)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.filter_box.textChanged.connect(lambda _t: self._refilter())
        self.show_box.currentIndexChanged.connect(lambda _i: self._refilter())

        self.merge_button = self._button("merge", "&Merge into…", lambda: self._act("merge"))
        self.rename_button = self._button("rename", "&Rename…", lambda: self._act("rename"))
        self.type_button = self._button("", "Change &type", lambda: self._act("retype"))
        self.hide_button = self._button("hide", "&Hide", lambda: self._act("hide"))
        self.undo_button = self._button("undo", "&Undo last change", actions.undo)
        self.count_label = QLabel()
        self.count_label.setEnabled(False)

        self.history = QListWidget()
        self.history.setAccessibleName("Your changes")
        self.history.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.remove_button = self._button("remove", "Take back this change", self._remove_change)
        history_pane = QWidget()
        history_layout = QVBoxLayout(history_pane)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_title = QLabel("<b>Your changes</b> (oldest first; each applies over the ones before)")
        history_layout.addWidget(history_title)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)

        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.show_box)
        buttons = QHBoxLayout()
        for button in (self.merge_button, self.rename_button, self.type_button, self.hide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        table_pane = QWidget()
        table_layout = QVBoxLayout(table_pane)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(top)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(buttons)
        table_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_pane)
        splitter.addWidget(history_pane)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(980, 640)
        self._update_buttons()

    def _button(self, icon_name: str, text: str, slot) -> QPushButton:
        button = QPushButton(icon(icon_name) if icon_name else QIcon(), text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- data -----------------------------------------------------------------------------------
    def set_readers(self, readers: IndexReaders | None) -> None:
        self._readers = readers
        self.refresh()

    def refresh(self) -> None:
        """Read the names and changes again (after a correction or a commit)."""
        readers = self._readers
        if readers is None:
            return
        self._generation += 1
        generation = self._generation
        self.count_label.setText("Reading the names…")
        self._reader.run(lambda: (readers.counts.names(None), readers.counts.changes()),
                         lambda found: self._show(generation, *found),
                         lambda error: self.count_label.setText(f"The names could not be read: {error}"))

    def _show(self, generation: int, rows: list[NameRow], changes: tuple[Change, ...]) -> None:
        if generation != self._generation:
            return
        selected = set(self.selected_names())
        self.model.set_rows(rows)
        self.changes = changes
        self.history.clear()
        for number, change in enumerate(changes, start=1):
            self.history.addItem(f"{number}. {change.describe()}" + (f"   {change.at[:16].replace('T', ' ')}" if change.at else ""))
        self._select(selected)
        self._update_count()
        self._update_buttons()

    def _refilter(self) -> None:
        self.model.set_filter(self.filter_box.text(), self.show_box.currentData())
        self._update_count()
        self._update_buttons()

    def _update_count(self) -> None:
        people = sum(1 for r in self.model._all if r.type == "person" and not r.hidden)
        orgs = sum(1 for r in self.model._all if r.type == "org" and not r.hidden)
        self.count_label.setText(
            f"{len(self.model.rows):,} shown · {people:,} people and {orgs:,} organisations in the index · "
            f"{len(self.changes):,} change{'s' if len(self.changes) != 1 else ''} by you"
        )

    # -- selection and actions ------------------------------------------------------------------
    def selected_rows(self) -> list[NameRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row] for row in rows if row < len(self.model.rows)]

    def selected_names(self) -> list[str]:
        return [row.name for row in self.selected_rows()]

    def select(self, name: str) -> bool:
        """Select the row of `name` (for keyboard users and tests)."""
        return self._select({name})

    def _select(self, names: set[str]) -> bool:
        selection = QItemSelection()
        for number, row in enumerate(self.model.rows):
            if row.name in names:
                selection.select(self.model.index(number, 0), self.model.index(number, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            self.table.scrollTo(selection.indexes()[0])
        return not selection.isEmpty()

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        writable = not self._actions.read_only  # a read-only index: its names can be read, not corrected
        self.merge_button.setEnabled(bool(rows) and writable)
        self.rename_button.setEnabled(one and writable)
        self.type_button.setEnabled(one and writable)
        self.hide_button.setEnabled(bool(rows) and writable)
        self.hide_button.setText("&Show again" if rows and all(r.hidden for r in rows) else "&Hide")
        self.undo_button.setEnabled(bool(self.changes) and writable)
        self.remove_button.setEnabled(self.history.currentRow() >= 0 and writable)

    def _act(self, what: str) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        names = [r.name for r in rows]
        if what == "merge":
            self._actions.merge(names, rows[0].type)
        elif what == "rename":
            self._actions.rename(names[0])
        elif what == "retype":
            self._actions.retype(names[0], "org" if rows[0].type == "person" else "person")
        elif all(r.hidden for r in rows):
            self._show_again(names)
        else:
            self._actions.hide(names)

    def _show_again(self, names: list[str]) -> None:
        """A hidden name comes back by taking back the change that hid it, or, for a name the collection
        took for a work (no change of the user's hid it), by a change that shows it."""
        for position in range(len(self.changes) - 1, -1, -1):
            change = self.changes[position]
            if change.op == "hide" and set(change.names) & set(names):
                self._actions.remove_change(position)
                return
        self._actions.correct("show", names)

    def _remove_change(self) -> None:
        row = self.history.currentRow()
        if 0 <= row < len(self.changes):
            self._actions.remove_change(row)

    def _table_menu(self, where: QPoint) -> None:
        index = self.table.indexAt(where)
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        if row.name not in self.selected_names():
            self.table.selectRow(index.row())
        self._actions.show_menu(row.name, row.type, self.table.viewport().mapToGlobal(where), field=(
            "people" if row.type == "person" else "orgs"))
