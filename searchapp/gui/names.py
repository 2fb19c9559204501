"""Correcting names wherever one is shown: the right-click menu of a name and the small dialogs it opens.

Merge into…, Rename…, Not a person / Not an organisation, Hide and Split off (in one article) each
make one correction, which the counts reader checks against the collection's names and writes beside
the index (`core.names`); the views then search again and every count follows. The message bar offers
Undo after each change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.entities import Change
from searchapp.core.models import Hit
from searchapp.core.names import NameRow
from searchapp.core.reader import IndexReaders
from searchapp.gui.icons import icon
from searchapp.gui.messages import Messages
from searchapp.gui.tasks import Reader

FIELD_TYPES = {"people": "person", "orgs": "org"}  # the type a name facet implies (speakers: either)
TYPE_LABELS = {"person": "person", "org": "organisation"}


def menu_text(text: str) -> str:
    """A name in a menu or button label: '&' is a literal ampersand there, not a shortcut mark."""
    return text.replace("&", "&&")


class NameDialog(QDialog):
    """Asks for one name (Rename…, Split off…): a prompt, a line edit, OK and Cancel."""

    def __init__(self, title: str, prompt: str, text: str, accept_label: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.line = QLineEdit(text)
        self.line.setAccessibleName(title)
        self.line.selectAll()
        label.setBuddy(self.line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(accept_label, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.line.textChanged.connect(lambda value: self.ok.setEnabled(bool(value.strip()) and value.strip() != text))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.line)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def value(self) -> str:
        return " ".join(self.line.text().split())


class MergeDialog(QDialog):
    """Choose the name that `names` merge into, from the collection's names (same type first)."""

    def __init__(self, names: Sequence[str], kind: str, parent: QWidget | None, *, title: str = "",
                 prompt: str = "", accept_label: str = "Merge") -> None:
        super().__init__(parent)
        self.names = tuple(names)
        self.kind = kind
        shown = names[0] if len(names) == 1 else f"{len(names)} names"
        self.setWindowTitle(title or f"Merge {shown} into…")
        about = QLabel(prompt or (
            f"Every article that names <b>{_escape(shown)}</b> will count for the name you choose; "
            f"{'it stays' if len(names) == 1 else 'they stay'} searchable as "
            f"{'an alias' if len(names) == 1 else 'aliases'}. You can undo this."
        ))
        about.setWordWrap(True)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Find a name…")
        self.filter_box.setAccessibleName("Find a name")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _t: self._fill())
        self.list = QListWidget()
        self.list.setAccessibleName("Names")
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.currentItemChanged.connect(lambda item, _old: self.ok.setEnabled(item is not None))
        self.status = QLabel("Loading the names…")
        self.status.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(accept_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(460, 520)
        self._rows: list[NameRow] = []

    def set_rows(self, rows: Sequence[NameRow]) -> None:
        # Names sharing a word with the ones merged first ("Blair": Tony Blair, Cherie Blair), then the same
        # type, then by mentions; never the names being merged, nor hidden ones.
        skip = set(self.names)
        words = {w.lower() for name in self.names for w in name.replace(".", " ").split() if len(w) > 1}
        self._rows = sorted(
            (r for r in rows if r.name not in skip and not r.hidden),
            key=lambda r: (not words & {w.lower() for w in r.name.split()}, r.type != self.kind, -r.articles,
                           r.name.lower()),
        )
        self._fill()

    def _fill(self) -> None:
        needle = self.filter_box.text().strip().lower()
        self.list.clear()
        shown = 0
        for row in self._rows:
            if needle and needle not in row.name.lower() and not any(needle in a.lower() for a in row.aliases):
                continue
            item = QListWidgetItem(
                f"{row.name}  ·  {TYPE_LABELS[row.type]}, {row.articles:,} article{'s' if row.articles != 1 else ''}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row.name)
            if row.aliases:
                item.setToolTip("Also: " + ", ".join(row.aliases[:12]))
            self.list.addItem(item)
            shown += 1
            if shown >= 500:  # a long list is filtered, not scrolled
                break
        self.status.setText(
            "No name matches." if not shown else f"{shown:,} shown" + (" (type to find more)" if shown >= 500 else "")
        )
        if shown:
            self.list.setCurrentRow(0)

    def choose(self, name: str) -> bool:
        """Select `name` in the list (for keyboard users and tests); False if it is not there."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)
                return True
        return False

    def target(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""


def follow_change(filters: dict[str, set[str]], change: Change, fields: Sequence[str]) -> None:
    """Filters by a name that a change merged or renamed now filter by its new name; by a hidden one, by
    nothing (in place)."""
    if change.op not in ("merge", "rename", "hide"):
        return
    for field in fields:
        values = filters.get(field)
        for name in change.names:
            if values and name in values:
                values.discard(name)
                if change.op != "hide":
                    values.add(change.to)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NameActions(QObject):
    """The corrections a user makes from a name's menu, run off the GUI thread by the counts reader."""

    changed = Signal(object, bool)  # the Change made, or undone (True)
    filter_requested = Signal(str, str)  # field, name
    manager_requested = Signal()
    coverage_requested = Signal(str, str)  # name, type

    def __init__(self, reader: Reader, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self._reader = reader
        self._messages = messages
        self._widget = parent
        self._readers: IndexReaders | None = None
        self.menu: QMenu | None = None  # the last menu shown (tests trigger its actions)
        self.read_only = False  # an index that cannot be written: corrections are shown, turned off
        self.dialog: QDialog | None = None  # the dialog open now, if any

    def set_readers(self, readers: IndexReaders) -> None:
        self._readers = readers

    # -- the menu -------------------------------------------------------------------------------
    def build_menu(self, menu: QMenu, name: str, kind: str, *, field: str = "", path: str = "") -> None:
        """Add the actions for `name` (of type `kind`, "" when unknown) to `menu`."""
        label = menu_text(name)
        menu.addAction(icon("coverage"), "Coverage…", lambda: self.coverage_requested.emit(name, kind))
        if field:
            menu.addAction(icon("filter"), f"Filter by {label}", lambda: self.filter_requested.emit(field, name))
        menu.addSeparator()
        corrections = [menu.addAction(icon("merge"), "Merge into…", lambda: self.merge([name], kind)),
                       menu.addAction(icon("rename"), "Rename…", lambda: self.rename(name))]
        if kind in ("person", ""):
            corrections.append(menu.addAction("Not a person: an organisation", lambda: self.retype(name, "org")))
        if kind in ("org", ""):
            corrections.append(menu.addAction("Not an organisation: a person", lambda: self.retype(name, "person")))
        corrections.append(menu.addAction(icon("hide"), "Hide: neither a person nor an organisation",
                                          lambda: self.hide([name])))
        if path:
            corrections.append(menu.addAction(icon("split"), "Split off: someone else in this article…",
                                              lambda: self.split(name, path)))
        for action in corrections:
            action.setEnabled(not self.read_only)
            if self.read_only:
                action.setToolTip("This index is read-only: its names cannot be corrected here")
        menu.addSeparator()
        menu.addAction(icon("people"), "Names manager…", self.manager_requested.emit)

    def show_menu(self, name: str, kind: str, where: QPoint, *, field: str = "", path: str = "") -> QMenu:
        menu = QMenu(self._widget)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setTitle(menu_text(name))
        menu.addSection(menu_text(name) + (f" ({TYPE_LABELS[kind]})" if kind in TYPE_LABELS else ""))
        self.build_menu(menu, name, kind, field=field, path=path)
        self.menu = menu
        menu.popup(where)
        return menu

    def show_article_menu(self, hit: Hit, where: QPoint) -> None:
        """A result's names, each with its corrections (split off applies to this article)."""
        menu = QMenu(self._widget)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        groups = (("Quoted", "speakers", [(s.name, s.type) for s in hit.speakers]),
                  ("Mentioned", "people", [(n, "person") for n in hit.people]),
                  ("Organisations", "orgs", [(n, "org") for n in hit.orgs]))
        quoted = {s.name for s in hit.speakers}
        for title, field, names in groups:
            names = [(n, k) for n, k in names if field == "speakers" or n not in quoted]
            if not names:
                continue
            menu.addSection(title)
            for name, kind in names[:15]:
                self.build_menu(menu.addMenu(menu_text(name)), name, kind, field=field, path=hit.path)
        if menu.isEmpty():
            menu.addAction("No people or organisations in this article").setEnabled(False)
        self.menu = menu
        menu.popup(where)

    # -- the corrections ------------------------------------------------------------------------
    def merge(self, names: Sequence[str], kind: str) -> None:
        readers = self._readers
        if readers is None:
            return
        dialog = MergeDialog(names, kind, self._widget)
        dialog.accepted.connect(lambda: self.correct("merge", names, to=dialog.target()))
        self._open(dialog)
        self._reader.run(lambda: readers.counts.names(None), dialog.set_rows,
                         lambda error: dialog.status.setText(f"The names could not be read: {error}"))

    def rename(self, name: str) -> None:
        dialog = NameDialog(f"Rename {name}", f"The name every article's mention of <b>{_escape(name)}</b> should count "
                            "as (a name that exists already merges the two):", name, "Rename", self._widget)
        dialog.accepted.connect(lambda: self.correct("rename", [name], to=dialog.value()))
        self._open(dialog)

    def split(self, name: str, path: str) -> None:
        dialog = NameDialog("Split off", f"In this article, <b>{_escape(name)}</b> is someone else. Who?", "",
                            "Split off", self._widget)
        dialog.accepted.connect(lambda: self.correct("split", [name], to=dialog.value(), path=path))
        self._open(dialog)

    def retype(self, name: str, kind: str) -> None:
        self.correct("retype", [name], type=kind)

    def hide(self, names: Sequence[str]) -> None:
        self.correct("hide", names)

    def correct(self, op: str, names: Sequence[str], **fields: str) -> None:
        readers = self._readers
        if readers is None or not names:
            return
        which = list(names)
        self._reader.run(lambda: readers.counts.correct(op, which, **fields), self._done,
                         lambda error: self._messages.warning(str(error)))

    def undo(self) -> None:
        readers = self._readers
        if readers is not None:
            self._reader.run(readers.counts.undo, self._undone, lambda error: self._messages.warning(str(error)))

    def remove_change(self, position: int) -> None:
        readers = self._readers
        if readers is not None:
            self._reader.run(lambda: readers.counts.remove_change(position), self._undone,
                             lambda error: self._messages.warning(str(error)))

    def _done(self, change: Change) -> None:
        self._messages.info(f"{change.describe()}.", action=("Undo", self.undo))
        self.changed.emit(change, False)

    def _undone(self, change: Change | None) -> None:
        if change is None:
            self._messages.info("There is no change to undo.")
            return
        self._messages.info(f"Undone: {change.describe()}.")
        self.changed.emit(change, True)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()
