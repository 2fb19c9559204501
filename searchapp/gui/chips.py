"""Chips: small rounded buttons in a wrapping row, for active filters and an article's people."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QSizePolicy, QWidget

from searchapp.gui.icons import icon

CHIP_STYLE = """
QPushButton[chip="true"] {
    border: 1px solid palette(mid); border-radius: 10px; padding: 2px 9px;
    background: palette(button); color: palette(button-text);
}
QPushButton[chip="true"]:hover { border-color: palette(highlight); }
QPushButton[chip="true"]:focus { border: 2px solid palette(highlight); }
"""


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to a new line (the Qt 'flow layout' example)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._heights: dict[int, int] = {}  # heightForWidth is asked many times per layout pass
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)
        self._heights.clear()

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + self.spacing()
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class ChipRow(QWidget):
    """A wrapping row of chips. Each chip carries a key; clicking emits `clicked(key)` or
    `removed(key)` when the row's chips are removable."""

    clicked = Signal(object)
    removed = Signal(object)
    menu_requested = Signal(object, QPoint)  # key, where (global): a right-click on a chip

    def __init__(self, *, removable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._removable = removable
        self._layout = FlowLayout(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet(CHIP_STYLE)
        self.chips: list[QPushButton] = []

    def set_chips(self, chips: list[tuple[object, str, str]]) -> None:
        """Replace the chips: (key, label, tooltip) each."""
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        for key, label, tooltip in chips:
            chip = QPushButton(label.replace("&", "&&"), self)  # "Telegraph & Argus": & is not a shortcut mark
            chip.setProperty("chip", True)
            chip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            chip.customContextMenuRequested.connect(
                lambda where, k=key, c=chip: self.menu_requested.emit(k, c.mapToGlobal(where)))
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setToolTip(tooltip)
            if self._removable:
                chip.setIcon(icon("close"))
                chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the × after the label
                chip.setAccessibleName(f"Remove filter {label}")
                chip.clicked.connect(lambda _=False, k=key: self.removed.emit(k))
            else:
                chip.setAccessibleName(f"Filter by {label}")
                chip.clicked.connect(lambda _=False, k=key: self.clicked.emit(k))
            self._layout.addWidget(chip)
            self.chips.append(chip)
        self.setVisible(bool(chips))
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._layout.heightForWidth(width)
