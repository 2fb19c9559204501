"""The results list: a lazily paged model (fetchMore, no cap) and a delegate that draws marked-up hits."""

from __future__ import annotations

import html
from collections import OrderedDict
from pathlib import PurePath

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from searchapp.core.models import Hit, SearchResult, source_file
from searchapp.gui.highlight import marked_html, truncate_marked

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 50
SNIPPET_LINES = 3
PADDING = 8


def format_date(hit_date) -> str:
    """"21 Jul 2017", or "" when the article has no date (nothing is shown then)."""
    return hit_date.strftime("%-d %b %Y") if hit_date else ""


def meta_line(hit: Hit) -> str:
    """Outlet · date · who is quoted, as plain text."""
    parts = [part for part in (hit.outlet, format_date(hit.published)) if part]
    if not parts:  # no outlet and no date (e.g. plain-text files): say which file it is
        parts = [PurePath(source_file(hit.path)).name]
    if hit.speakers:
        names = ", ".join(s.name for s in hit.speakers[:4])
        more = f" +{len(hit.speakers) - 4}" if len(hit.speakers) > 4 else ""
        parts.append(f"quotes {names}{more}")
    return "  ·  ".join(parts)


class ResultsModel(QAbstractListModel):
    """Hits of the current search, one page at a time: the view asks for more as it scrolls."""

    page_wanted = Signal(int)  # the next page number to load

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self.total = 0
        self._pending = False
        self.key: object = None  # identifies the search these hits belong to

    def reset(self, result: SearchResult, key: object) -> None:
        self.beginResetModel()
        self._hits = list(result.hits)
        self.total = result.total
        self._pending = False
        self.key = key
        self.endResetModel()

    def append_page(self, result: SearchResult, key: object) -> None:
        self._pending = False
        if key != self.key or not result.hits:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(result.hits) - 1)
        self._hits.extend(result.hits)
        self.total = result.total
        self.endInsertRows()

    def page_failed(self) -> None:
        self._pending = False

    def hit(self, row: int) -> Hit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def row_of(self, path: str) -> int:
        return next((i for i, hit in enumerate(self._hits) if hit.path == path), -1)

    def loaded(self) -> int:
        return len(self._hits)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.headline} — {meta_line(hit)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.path
        if role == HIT_ROLE:
            return hit
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._pending and len(self._hits) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._pending = True
            self.page_wanted.emit(len(self._hits) // PAGE_SIZE + 1)


class ResultDelegate(QStyledItemDelegate):
    """Draws a hit as headline (marked), a muted meta line and a snippet clipped to three lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple, QTextDocument] = OrderedDict()

    def _document(self, html_text: str, font: QFont, width: float, colour: str) -> QTextDocument:
        key = (html_text, font.key(), int(width), colour)
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument()
            document.setDocumentMargin(0)
            document.setDefaultFont(font)
            document.setDefaultStyleSheet(f"body {{ color: {colour}; }}")
            document.setHtml(f"<body>{html_text}</body>")
            document.setTextWidth(width)
            self._documents[key] = document
            if len(self._documents) > 600:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(key)
        return document

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        headline = QFont(option.font)
        headline.setBold(True)
        headline.setPointSizeF(option.font.pointSizeF() * 1.12)
        return headline, option.font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        headline, body = self._fonts(option)
        height = QFontMetrics(headline).lineSpacing() + QFontMetrics(body).lineSpacing() * (1 + SNIPPET_LINES)
        return QSize(300, height + 2 * PADDING + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit: Hit | None = index.data(HIT_ROLE)
        if hit is None:
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(group, text_role).name()
        muted = option.palette.color(group, text_role)
        muted.setAlphaF(0.7)
        headline_font, body_font = self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        width = rect.width()

        painter.save()
        painter.translate(rect.topLeft())
        headline_metrics = QFontMetrics(headline_font)
        headline_html = hit.headline_html
        elided = headline_metrics.elidedText(hit.headline, Qt.TextElideMode.ElideRight, width)
        if elided != hit.headline:
            headline_html = truncate_marked(headline_html, max(0, len(elided) - 1))
        headline = self._document(marked_html(headline_html), headline_font, width + 40, text_colour)
        line = headline_metrics.lineSpacing()
        painter.setClipRect(QRectF(0, 0, width, line + 1))
        headline.drawContents(painter, QRectF(0, 0, width, line + 1))
        painter.setClipping(False)
        y = line + 2
        painter.setFont(body_font)
        painter.setPen(muted)
        metrics = QFontMetrics(body_font)
        painter.drawText(
            QRectF(0, y, width, metrics.lineSpacing()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(meta_line(hit), Qt.TextElideMode.ElideRight, width),
        )
        y += metrics.lineSpacing() + 4
        snippet = self._document(marked_html(hit.snippet_html), body_font, width, text_colour)
        clip = QRectF(0, 0, width, metrics.lineSpacing() * SNIPPET_LINES)
        painter.translate(0, y)
        painter.setClipRect(clip)
        snippet.drawContents(painter, clip)
        painter.restore()


class ResultsView(QListView):
    """The list of hits; Enter opens the current one (see MainWindow)."""

    open_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Results")
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(ResultDelegate(self))
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.activated.connect(self.open_requested)


def plain(html_text: str) -> str:
    """The text of a marked-up snippet, for tests and accessibility."""
    document = QTextDocument()
    document.setHtml(html_text)
    return html.unescape(document.toPlainText())
