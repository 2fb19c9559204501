"""The status bar's indexing progress: a bar, "done of total, rate, time left", and Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from searchapp.gui.icons import icon


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class IndexProgress(QWidget):
    """Hidden while idle; during a task shows what runs, how far, how fast, and a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Indexing progress")
        self.label = QLabel()
        self.label.setAccessibleName("Indexing status")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Indexing progress bar")
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(icon("cancel"), "Cancel")
        self.cancel_button.setAccessibleName("Cancel indexing")
        self.cancel_button.setToolTip("Stop indexing; what is indexed so far stays searchable")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._description = ""
        self._started = 0.0
        self._first_done = 0
        self.hide()

    def start(self, description: str) -> None:
        self._description = description
        self._started = 0.0
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.label.setText(f"{description}…")
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, current: str = "") -> None:
        now = time.monotonic()
        if not self._started:
            self._started, self._first_done = now, done
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        text = f"{self._description}: {done:,} of {total:,} files"
        elapsed = now - self._started
        rate = (done - self._first_done) / elapsed if elapsed > 0.5 else 0.0
        if rate > 0:
            text += f" · {rate:,.0f}/s · {duration((total - done) / rate)} left"
        self.label.setText(text)
        self.label.setToolTip(current)

    def finish(self) -> None:
        self.hide()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Stopping…")
        self.cancel_requested.emit()
