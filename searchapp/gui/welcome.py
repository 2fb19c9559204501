"""What an empty index shows: drop a folder here, or try the bundled sample articles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from searchapp.gui.icons import icon


class Welcome(QWidget):
    add_folder_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Getting started")
        picture = QLabel()
        picture.setPixmap(icon("drop").pixmap(96, 96))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Drop a folder of news articles here")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "SearchApp indexes text, HTML and JSON articles where they are — nothing is copied or moved — "
            "and finds who is quoted, who is mentioned, by which outlet and when.<br>"
            "Drag folders or files onto this window, or choose <b>Add folder…</b> (Ctrl+O)."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(560)  # a word-wrapped label in a centred slot otherwise shrinks to its first words
        self.add_button = QPushButton(icon("folder-add"), "Add folder…")
        self.add_button.setAccessibleName("Add folder")
        self.add_button.clicked.connect(self.add_folder_requested)
        self.sample_button = QPushButton(icon("sample"), "Try the sample articles")
        self.sample_button.setAccessibleName("Load the sample articles")
        self.sample_button.setToolTip("43 Wikinews news articles and interviews (CC BY 2.5)")
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addWidget(title)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(3)

    def set_busy(self, text: str) -> None:
        """While something is being indexed, say so instead of offering the buttons."""
        self.status.setText(text)
        self.add_button.setEnabled(not text)
        self.sample_button.setEnabled(not text)
