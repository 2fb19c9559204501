"""The article viewer: header, people as chips, the whole body with every hit marked, hit navigation.

The body is built as plain text runs in a QTextDocument (never parsed as HTML): whatever the source
file held, nothing runs and nothing loads from the network.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.models import StoredArticle, source_file
from searchapp.gui.chips import ChipRow
from searchapp.gui.highlight import CURRENT_HIT_BACKGROUND, HIT_BACKGROUND, HIT_FOREGROUND
from searchapp.gui.icons import icon
from searchapp.gui.results import format_date

MAX_CHIPS = 14
COPIES_SHOWN = 5


class SafeBrowser(QTextBrowser):
    """A text browser that follows no links and loads no resources."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt override
        return None


original_file = source_file  # the file on disk holding a document (records of a .jsonl are 'file.jsonl#N')


class PathLabel(QLabel):
    """A file's path in a muted colour, cut in the middle when too long ("/home/…/2005/story.html"):
    the whole path is in its tooltip and on the clipboard with Copy path (right-click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.setAccessibleName("File")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy = QAction("Copy path", self)
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(self.path))
        self.addAction(copy)

    def set_path(self, path: str) -> None:
        self.path = path
        self.setToolTip(path)
        self.setAccessibleDescription(path)
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.path, Qt.TextElideMode.ElideMiddle, max(self.width(), 40)))


class ArticleViewer(QWidget):
    """Shows one stored article with its hits; emits `filter_requested(field, value)` from its chips."""

    filter_requested = Signal(str, str)
    hit_changed = Signal(int, int)  # current (1-based), total
    name_menu_requested = Signal(str, str, str, QPoint)  # field, name, type, where: a right-click on a name
    copy_requested = Signal(str)  # path: a copy of this story was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Article")
        self.path = ""
        self._hits: list[tuple[int, int]] = []  # document positions
        self.current_hit = -1

        self.headline = QLabel()
        self.headline.setObjectName("articleHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setAccessibleName("Headline")
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setAccessibleName("Byline, outlet and date")
        self.path_label = PathLabel()
        self.open_button = self._tool_button("external", "Open original", "Open the original file")
        self.open_button.clicked.connect(self.open_original)
        self.folder_button = self._tool_button("folder-open", "Show in folder", "Show the file in its folder")
        self.folder_button.clicked.connect(self.show_in_folder)
        self.copies_label = QLabel()
        self.copies_label.setWordWrap(True)
        self.copies_label.setAccessibleName("Copies of this story")
        self.copies_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.copies_label.linkActivated.connect(self.copy_requested)
        self.copies_label.hide()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.open_button)
        path_row.addWidget(self.folder_button)

        self._types: dict[str, str] = {}  # the type of each name shown
        self.speakers = ChipRow()
        self.people = ChipRow()
        self.orgs = ChipRow()
        for field, row in (("speakers", self.speakers), ("people", self.people), ("orgs", self.orgs)):
            row.clicked.connect(lambda value, f=field: self.filter_requested.emit(f, value))
            row.menu_requested.connect(
                lambda value, where, f=field: self.name_menu_requested.emit(f, value, self._types.get(value, ""), where))
        self._chip_labels = {}
        chip_block = QVBoxLayout()
        for title, row in (("Quoted", self.speakers), ("Mentioned", self.people), ("Organisations", self.orgs)):
            line = QHBoxLayout()
            label = QLabel(f"{title}:")
            label.setEnabled(False)
            label.setMinimumWidth(90)
            line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(row, 1)
            self._chip_labels[row] = label
            chip_block.addLayout(line)

        self.previous_button = self._tool_button("chevron-up", "Previous hit", "Previous hit (Shift+F3)")
        self.previous_button.clicked.connect(self.previous_hit)
        self.next_button = self._tool_button("chevron-down", "Next hit", "Next hit (F3)")
        self.next_button.clicked.connect(self.next_hit)
        self.hit_label = QLabel()
        self.hit_label.setAccessibleName("Hit counter")
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.hit_label)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)

        self.body = SafeBrowser()
        self.body.setAccessibleName("Article text")
        self.body.setReadOnly(True)

        self.placeholder = QLabel("Select a result to read the article here.")
        self.placeholder.setEnabled(False)

        self.header = QWidget()
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(12, 10, 12, 4)
        header_layout.setSpacing(4)
        header_layout.addWidget(self.headline)
        header_layout.addWidget(self.meta)
        header_layout.addLayout(path_row)
        header_layout.addWidget(self.copies_label)
        header_layout.addLayout(chip_block)
        header_layout.addLayout(nav)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.header)
        layout.addWidget(self.body, 1)
        self.setTabOrder(self.open_button, self.folder_button)
        self.clear()

    def _tool_button(self, icon_name: str, text: str, tooltip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        if text in ("Open original", "Show in folder"):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    # -- content --------------------------------------------------------------------------------
    def clear(self) -> None:
        self.path = ""
        self._hits = []
        self.current_hit = -1
        self.body.clear()
        self.header.hide()
        self.body.hide()
        self.placeholder.show()

    def show_article(self, stored: StoredArticle, spans: Sequence[tuple[int, int]]) -> None:
        """Show `stored` with `spans` (character offsets in its body) marked; jump to the first one."""
        article = stored.article
        self.path = article.path
        self.headline.setText(article.headline or Path(article.path).name)
        meta = [f"By {article.byline}" if article.byline else "", article.outlet, format_date(article.published)]
        self.meta.setText("  ·  ".join(part for part in meta if part))
        self.copies_label.hide()
        self.path_label.set_path(article.path)
        entities = stored.entities
        self._types = {**{n: "person" for n in entities.people}, **{n: "org" for n in entities.orgs},
                       **{s.name: s.type for s in entities.speakers}}
        speakers = [
            (s.name, f"{s.name} — {s.role}" if s.role else s.name, f"Show articles quoting {s.name}")
            for s in entities.speakers
        ]
        self._set_chips(self.speakers, speakers)
        quoted = {s.name for s in entities.speakers}
        people = [(n, n, f"Show articles mentioning {n}") for n in entities.people if n not in quoted]
        self._set_chips(self.people, people)
        orgs = [(n, n, f"Show articles mentioning {n}") for n in entities.orgs if n not in quoted]
        self._set_chips(self.orgs, orgs)
        self._hits = self._fill_body(article.body, spans)
        self.placeholder.hide()
        self.header.show()
        self.body.show()
        self.current_hit = -1
        if self._hits:
            self.go_to_hit(0)
        else:
            self.body.moveCursor(QTextCursor.MoveOperation.Start)
            self._update_counter()

    def show_copies(self, path: str, copies: Sequence[tuple[str, str, str, object]]) -> None:
        """The other articles of this story (reprints, wire copy), each a link that opens it."""
        if path != self.path or not copies:
            self.copies_label.hide()
            return
        links = []
        for copy_path, headline, outlet, published in copies[:COPIES_SHOWN]:
            facts = ", ".join(x for x in (outlet, format_date(published)) if x)
            title = html.escape(headline or Path(copy_path).name)
            links.append(f'<a href="{html.escape(copy_path, quote=True)}">{title}</a>' + (f" ({html.escape(facts)})"
                                                                                         if facts else ""))
        more = f"; and {len(copies) - COPIES_SHOWN} more" if len(copies) > COPIES_SHOWN else ""
        count = f"{len(copies)} cop{'y' if len(copies) == 1 else 'ies'}"
        self.copies_label.setText(f"Also printed ({count}): " + "; ".join(links) + more)
        self.copies_label.show()

    def _set_chips(self, row: ChipRow, chips: list[tuple[str, str, str]]) -> None:
        shown = chips[:MAX_CHIPS]
        row.set_chips(shown)
        label = self._chip_labels[row]
        label.setVisible(bool(chips))
        extra = len(chips) - len(shown)
        row.setToolTip(f"{extra} more not shown" if extra else "")

    def _fill_body(self, body: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Insert the paragraphs as text runs, marking spans; returns the spans as document positions."""
        document = QTextDocument(self.body)
        font = QFont(self.body.font())
        font.setPointSizeF(font.pointSizeF() * 1.08)
        document.setDefaultFont(font)
        document.setDocumentMargin(14)
        block = QTextBlockFormat()
        block.setBottomMargin(9)
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        plain_format = QTextCharFormat()
        hit_format = QTextCharFormat()
        hit_format.setBackground(HIT_BACKGROUND)
        hit_format.setForeground(HIT_FOREGROUND)
        cursor = QTextCursor(document)
        cursor.setBlockFormat(block)
        positions: list[tuple[int, int]] = []
        spans = sorted(spans)
        next_span = 0
        offset = 0
        for number, paragraph in enumerate(body.split("\n\n")):
            if number:
                cursor.insertBlock(block, plain_format)
            start_in_doc = cursor.position()
            end = offset + len(paragraph)
            text = paragraph.replace("\n", "\u2028")  # a line break inside the paragraph, same length
            at = 0
            while next_span < len(spans) and spans[next_span][0] < end:
                span_start, span_end = spans[next_span]
                next_span += 1
                if span_start < offset + at:
                    continue
                local_start, local_end = span_start - offset, min(span_end, end) - offset
                cursor.insertText(text[at:local_start], plain_format)
                cursor.insertText(text[local_start:local_end], hit_format)
                positions.append((start_in_doc + local_start, start_in_doc + local_end))
                at = local_end
            cursor.insertText(text[at:], plain_format)
            offset = end + 2
        self.body.setDocument(document)
        return positions

    # -- hits -----------------------------------------------------------------------------------
    def hit_count(self) -> int:
        return len(self._hits)

    def go_to_hit(self, number: int) -> None:
        if not self._hits:
            return
        self.current_hit = number % len(self._hits)
        start, end = self._hits[self.current_hit]
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format.setBackground(CURRENT_HIT_BACKGROUND)
        selection.format.setForeground(HIT_FOREGROUND)
        self.body.setExtraSelections([selection])
        # place the hit a third of the way down the view rather than at its very edge
        caret = QTextCursor(self.body.document())
        caret.setPosition(start)
        self.body.setTextCursor(caret)
        bar = self.body.verticalScrollBar()
        target = bar.value() + self.body.cursorRect(caret).top() - self.body.viewport().height() // 3
        bar.setValue(max(0, target))
        self._update_counter()

    def next_hit(self) -> None:
        self.go_to_hit(self.current_hit + 1)

    def previous_hit(self) -> None:
        self.go_to_hit(self.current_hit - 1 if self.current_hit > 0 else len(self._hits) - 1)

    def _update_counter(self) -> None:
        total = len(self._hits)
        self.hit_label.setText(f"hit {self.current_hit + 1} of {total}" if total else "no hits in the text")
        self.previous_button.setEnabled(total > 1)
        self.next_button.setEnabled(total > 1)
        self.hit_changed.emit(self.current_hit + 1, total)

    # -- the file -------------------------------------------------------------------------------
    def open_original(self) -> None:
        if self.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(original_file(self.path)))

    def show_in_folder(self) -> None:
        if self.path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(original_file(self.path)).parent)))
