"""The Problems list: files that could not be indexed, with the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.models import Problem
from searchapp.core.wording import counted
from searchapp.gui.viewer import original_file


class ProblemsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Files that could not be indexed")
        self.setAccessibleName("Problems")
        self.resize(820, 380)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Problem files")
        self.tree.setHeaderLabels(["File", "Reason"])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 420)
        self.tree.itemActivated.connect(self._show_in_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy list")
        copy.setAccessibleName("Copy the list of problems")
        copy.clicked.connect(self._copy)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.tree.clear()
        for problem in problems:
            item = QTreeWidgetItem([problem.path, problem.reason])
            item.setToolTip(0, problem.path)
            item.setToolTip(1, problem.reason)
            self.tree.addTopLevelItem(item)
        count = len(problems)
        self.summary.setText(
            "Every file was indexed." if not count else
            f"{counted(count, 'file or folder', 'files or folders')} could not be indexed. "
            "Double-click one to show it in its folder."
        )

    def _show_in_folder(self, item: QTreeWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(original_file(item.text(0))).parent)))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(f"{p.path}\t{p.reason}" for p in self.problems))
