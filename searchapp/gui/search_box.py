"""The search field: search as you type, Enter at once, query history, syntax help, inline errors."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from searchapp.gui.icons import icon

TYPING_PAUSE_MS = 150
HISTORY_SIZE = 50


class SearchBox(QWidget):
    """A line edit that emits `search_requested` after a typing pause, or at once on Enter."""

    search_requested = Signal(str)
    syntax_help_requested = Signal()

    def __init__(self, history: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = list(history or [])[:HISTORY_SIZE]
        self.line = QLineEdit()
        self.line.setObjectName("searchField")
        self.line.setPlaceholderText("Search articles, people, organisations…   (Ctrl+L)")
        self.line.setAccessibleName("Search")
        self.line.setAccessibleDescription("Type words, a person or an organisation; results update as you type")
        self.line.setClearButtonEnabled(True)
        self.line.setAcceptDrops(False)  # dropped folders go to the window, not into the query
        self.line.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._history_action = QAction(icon("history"), "Recent searches", self.line)
        self._history_action.triggered.connect(self._show_history_menu)
        help_action = QAction(icon("help"), "Query syntax", self.line)
        help_action.setToolTip("Query syntax: fields, phrases, dates")
        help_action.triggered.connect(self.syntax_help_requested)
        self.line.addAction(self._history_action, QLineEdit.ActionPosition.TrailingPosition)
        self.line.addAction(help_action, QLineEdit.ActionPosition.TrailingPosition)
        self._model = QStringListModel(self._history, self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.line.setCompleter(completer)

        self.error_label = QLabel()
        self.error_label.setObjectName("queryError")
        self.error_label.setAccessibleName("Query problem")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._error_icon = QLabel()
        self._error_icon.setPixmap(icon("warning").pixmap(16, 16))
        self._error_icon.hide()
        error_row = QHBoxLayout()
        error_row.setContentsMargins(4, 0, 0, 0)
        error_row.addWidget(self._error_icon)
        error_row.addWidget(self.error_label, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addLayout(error_row)

        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._emit)
        self.line.textEdited.connect(lambda _text: self._timer.start())
        self.line.returnPressed.connect(self.submit)
        # the clear button edits the text without textEdited: search for everything again
        self.line.textChanged.connect(lambda text: None if text or self._timer.isActive() else self._timer.start())

    # -- public ---------------------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text().strip()

    def set_text(self, text: str, *, search: bool = True) -> None:
        self.line.setText(text)
        self._timer.stop()
        if search:
            self._emit()

    def focus(self) -> None:
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()

    def clear(self) -> None:
        self.set_text("")

    def submit(self) -> None:
        """Search now (Enter) and keep the query in the history."""
        self._timer.stop()
        self.remember(self.text())
        self._emit()

    def set_error(self, message: str) -> None:
        """A query that cannot be searched: why, under the field."""
        self._show_line("warning", message)

    def set_notice(self, message: str) -> None:
        """How a query was read when not as typed ("Searched as words: ..."), or clear it with ''."""
        if message:
            self._show_line("info", message)
        else:
            self.clear_error()

    def _show_line(self, icon_name: str, message: str) -> None:
        self._error_icon.setPixmap(icon(icon_name).pixmap(16, 16))
        self.error_label.setText(message)
        self.error_label.show()
        self._error_icon.show()

    def clear_error(self) -> None:
        self.error_label.hide()
        self._error_icon.hide()

    def history(self) -> list[str]:
        return list(self._history)

    def remember(self, query: str) -> None:
        if not query:
            return
        if query in self._history:
            self._history.remove(query)
        self._history.insert(0, query)
        del self._history[HISTORY_SIZE:]
        self._model.setStringList(self._history)

    # -- internals ------------------------------------------------------------------------------
    def _emit(self) -> None:
        self.search_requested.emit(self.text())

    def _show_history_menu(self) -> None:
        menu = QMenu(self)
        menu.setAccessibleName("Recent searches")
        if not self._history:
            menu.addAction("No recent searches").setEnabled(False)
        for query in self._history[:20]:
            menu.addAction(query, lambda q=query: self._pick(q))
        if self._history:
            menu.addSeparator()
            menu.addAction("Clear history", self._clear_history)
        menu.popup(self.line.mapToGlobal(self.line.rect().bottomLeft()))

    def _pick(self, query: str) -> None:
        self.set_text(query)
        self.remember(query)

    def _clear_history(self) -> None:
        self._history.clear()
        self._model.setStringList([])
