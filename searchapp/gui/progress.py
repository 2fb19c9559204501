"""The status bar's indexing progress: what is happening now (waiting for another writer, walking the
folders, writing N new / M changed / K removed files, committing, merging), a bar, and Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from searchapp.core.models import IndexProgress
from searchapp.core.wording import counted
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


class ProgressPanel(QWidget):
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

    def update_progress(self, update: IndexProgress) -> None:
        """Show one progress report; phases without a count show a busy bar, never a full one."""
        if update.phase != "indexing":
            self.bar.setRange(0, 0)
            self.label.setText(self._phase_text(update))
            self.label.setToolTip(update.current)
            return
        now = time.monotonic()
        if not self._started:
            self._started, self._first_done = now, update.done
        done, total = update.done, update.total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        plan = " · ".join(
            part for part in (
                f"{update.new:,} new" if update.new else "",
                f"{update.changed:,} changed" if update.changed else "",
                f"{update.removed:,} removed" if update.removed else "",
            ) if part
        )
        if not total:
            text = f"{self._description}: nothing new" + (f" ({plan})" if plan else "")
        else:
            text = f"Indexing {done:,} of {counted(total, 'file')}" + (f" ({plan})" if plan else "")
        elapsed = now - self._started
        rate = (done - self._first_done) / elapsed if elapsed > 0.5 else 0.0
        if rate > 0 and done < total:
            text += f" · {rate:,.0f}/s · {duration((total - done) / rate)} left"
        self.label.setText(text)
        self.label.setToolTip(update.current)

    def _phase_text(self, update: IndexProgress) -> str:
        if update.phase == "waiting":
            return "Waiting: another SearchApp process is writing to this index…"
        if update.phase == "walking":
            return f"{self._description}: looking for files ({counted(update.done, 'file')} found so far)…"
        if update.phase == "merging":
            return f"Merging the index ({counted(update.articles, 'article')}); this can take a minute…"
        return f"Saving {counted(update.articles, 'article')} to the index…"

    def finish(self) -> None:
        self.hide()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Stopping…")
        self.cancel_requested.emit()
