"""The one place that tells the user something: an inline message bar for news, a dialog for errors.

Code elsewhere calls `Messages` instead of building dialogs; unexpected exceptions from any thread are
logged and reported here too (see `install_exception_hooks`).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from searchapp.gui.icons import icon

log = logging.getLogger(__name__)

_LEVEL_ICONS = {"info": "info", "warning": "warning", "error": "error"}


class MessageBar(QFrame):
    """A slim bar above the results: an icon, a sentence, an optional action button and a close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName("Message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self._icon = QLabel()
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._action = QPushButton()
        self._action.setAccessibleName("Message action")
        self._action.clicked.connect(self._run_action)
        close = QToolButton()
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.hide)
        for widget in (self._icon, self.text_label, self._action, close):
            layout.addWidget(widget)
        self._callback: Callable[[], None] | None = None
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)
        self.hide()

    def show_message(
        self,
        level: str,
        text: str,
        *,
        action: tuple[str, Callable[[], None]] | None = None,
        timeout_ms: int = 0,
    ) -> None:
        self._icon.setPixmap(icon(_LEVEL_ICONS.get(level, "info")).pixmap(18, 18))
        self.text_label.setText(text)
        self.setAccessibleDescription(text)
        self._callback = action[1] if action else None
        self._action.setVisible(action is not None)
        if action:
            self._action.setText(action[0])
        self._timer.stop()
        if timeout_ms:
            self._timer.start(timeout_ms)
        self.show()

    def _run_action(self) -> None:
        callback = self._callback
        self.hide()
        if callback:
            callback()


class Messages(QObject):
    """Shows news in the message bar and errors in a dialog; every error also goes to the log file."""

    _unexpected = Signal(str, str)  # summary, traceback text: crosses from any thread to the GUI thread

    def __init__(self, window: QWidget, bar: MessageBar) -> None:
        super().__init__(window)
        self._window = window
        self.bar = bar
        self._open_dialogs: list[QMessageBox] = []
        self._unexpected.connect(self._show_unexpected, Qt.ConnectionType.QueuedConnection)

    def info(self, text: str, *, action: tuple[str, Callable[[], None]] | None = None) -> None:
        log.info("%s", text)
        self.bar.show_message("info", text, action=action, timeout_ms=0 if action else 10_000)

    def warning(self, text: str, *, action: tuple[str, Callable[[], None]] | None = None) -> None:
        log.warning("%s", text)
        self.bar.show_message("warning", text, action=action)

    def error(self, text: str, details: str = "") -> None:
        """A failure the user must notice: a (non-blocking) dialog, with details to copy."""
        log.error("%s\n%s", text, details)
        self._dialog(QMessageBox.Icon.Critical, "SearchApp", text, details)

    def confirm(self, title: str, text: str, confirm_label: str) -> bool:
        """Ask before something that cannot be undone; True if the user agreed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self._window)
        ok = box.addButton(confirm_label, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def report_exception(self, exc_type: type[BaseException], exc: BaseException, tb) -> None:
        """Log an unexpected exception and show it; safe to call from any thread."""
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error\n%s", text)
        summary = f"{exc_type.__name__}: {exc}"
        self._unexpected.emit(summary, text)

    @Slot(str, str)
    def _show_unexpected(self, summary: str, details: str) -> None:
        self._dialog(
            QMessageBox.Icon.Warning,
            "Unexpected error",
            "Something went wrong, but SearchApp keeps running. The details are in the log file.\n\n"
            + summary,
            details,
        )

    def _dialog(self, kind: QMessageBox.Icon, title: str, text: str, details: str) -> None:
        box = QMessageBox(kind, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setAccessibleName(title)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_dialogs.append(box)
        box.finished.connect(lambda _result, b=box: self._open_dialogs.remove(b))
        box.open()  # window-modal but non-blocking: background work keeps running


def install_exception_hooks(messages: Messages) -> None:
    """Route uncaught exceptions (GUI thread and worker threads) to the log and a dialog."""

    def excepthook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        messages.report_exception(exc_type, exc, tb)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        messages.report_exception(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
