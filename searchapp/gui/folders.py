"""The Folders view: indexed folders with article counts and last update, Re-scan, Remove from index."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.models import FolderInfo
from searchapp.gui.icons import icon


class FoldersDialog(QDialog):
    """Lists the collection folders; asks the window to add, re-scan or remove them."""

    add_requested = Signal()
    rescan_requested = Signal(list)  # folder paths
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Indexed folders")
        self.setAccessibleName("Indexed folders")
        self.resize(760, 360)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Folders")
        self.tree.setHeaderLabels(["Folder", "Articles", "Last update", "Status"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.note = QLabel("Folders are watched while SearchApp runs: new, changed and deleted files are "
                           "picked up within seconds.")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)

        self.add_button = QPushButton(icon("folder-add"), "Add folder…")
        self.add_button.clicked.connect(self.add_requested)
        self.rescan_button = QPushButton(icon("refresh"), "Re-scan")
        self.rescan_button.setToolTip("Look for new, changed and deleted files now")
        self.rescan_button.clicked.connect(lambda: self.rescan_requested.emit(self.selected()))
        self.remove_button = QPushButton(icon("remove"), "Remove from index")
        self.remove_button.setToolTip("Forget this folder; the files themselves stay where they are")
        self.remove_button.clicked.connect(self._remove)
        for button in (self.add_button, self.rescan_button, self.remove_button):
            button.setAccessibleName(button.text().rstrip("…"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rescan_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self._selection_changed()

    def set_folders(self, folders: list[FolderInfo]) -> None:
        selected = set(self.selected())
        self.tree.clear()
        for folder in folders:
            last = folder.last_update.strftime("%Y-%m-%d %H:%M") if folder.last_update else "never"
            status = "missing — moved, deleted or unplugged" if folder.missing else "watched"
            item = QTreeWidgetItem([folder.path, f"{folder.articles:,}", last, status])
            item.setIcon(0, icon("warning" if folder.missing else "folder"))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, folder.path)
            self.tree.addTopLevelItem(item)
            item.setSelected(folder.path in selected)
        if not folders:
            self.tree.addTopLevelItem(QTreeWidgetItem(["No folders yet: drop one on the window.", "", "", ""]))
        self._selection_changed()

    def selected(self) -> list[str]:
        return [item.text(0) for item in self.tree.selectedItems() if item.text(2)]

    def _selection_changed(self) -> None:
        count = len(self.selected())
        self.rescan_button.setEnabled(count > 0)
        self.remove_button.setEnabled(count == 1)

    def _remove(self) -> None:
        selected = self.selected()
        if selected:
            self.remove_requested.emit(selected[0])
