"""The results list: a lazily paged model (fetchMore, no cap) and a delegate that draws marked-up hits."""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import fields
from pathlib import PurePath

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from searchapp.core.models import Hit, SearchResult, Speaker, source_file
from searchapp.gui.highlight import marked_html, truncate_marked

PAGE_SIZE = 25  # three screens of rows; each one costs a highlighted snippet in the reader
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
    if hit.copies:
        parts.append(f"+{hit.copies} cop{'y' if hit.copies == 1 else 'ies'}")
    if hit.speakers:
        names = ", ".join(s.name for s in hit.speakers[:4])
        more = f" +{len(hit.speakers) - 4}" if len(hit.speakers) > 4 else ""
        parts.append(f"quotes {names}{more}")
    return "  ·  ".join(parts)


def _pack(hit: Hit) -> tuple:
    """A hit as nested tuples of strings, numbers and dates, which the garbage collector stops tracking."""
    return tuple(
        tuple(_speaker_tuple(s) for s in value) if name == "speakers" else value
        for name, value in ((f, getattr(hit, f)) for f in _HIT_FIELDS)
    )


def _speaker_tuple(speaker: Speaker) -> tuple:
    return speaker.name, speaker.type, speaker.role, speaker.aliases, speaker.quotes


def _unpack(packed: tuple) -> Hit:
    values = dict(zip(_HIT_FIELDS, packed, strict=True))
    values["speakers"] = tuple(Speaker(*s) for s in values["speakers"])
    return Hit(**values)


_HIT_FIELDS = tuple(field.name for field in fields(Hit))


class ResultsModel(QStringListModel):
    """Hits of the current search, one page at a time: the view asks for more as it scrolls.

    Built to stay smooth with tens of thousands of rows loaded:
    - A C++ list model (QStringListModel), not a Python QAbstractListModel: a list view lays every
      row out again when rows arrive, asking the model about each row, and with rowCount in Python
      that became tens of thousands of Python calls per page (stalls of 100-250 ms at 44,000 rows).
    - The hits are kept as plain tuples, which Python's garbage collector stops tracking, so its
      full collections do not grow with the list (a Hit is rebuilt for the few rows painted).
    """

    page_wanted = Signal(int)  # the next page number to load

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[tuple] = []
        self._rows: dict[str, int] = {}
        self.total = 0
        self._pending = False
        self.key: object = None  # identifies the search these hits belong to

    def reset(self, result: SearchResult, key: object) -> None:
        self.total = result.total
        self._pending = False
        self.key = key
        self._hits, self._rows = [], {}
        self.setStringList([])  # one modelReset
        self._append(result.hits)  # one rowsInserted

    def clear(self) -> None:
        """No results: a newer search is on its way."""
        self.total = 0
        self._pending = False
        self.key = None
        self._hits, self._rows = [], {}
        self.setStringList([])

    def append_page(self, result: SearchResult, key: object) -> None:
        self._pending = False
        if key != self.key or not result.hits:
            return
        self.total = result.total
        self._append(result.hits)

    def _append(self, hits: Sequence[Hit]) -> None:
        if not hits:
            return
        first = len(self._hits)
        for hit in hits:
            self._rows.setdefault(hit.path, len(self._hits))
            self._hits.append(_pack(hit))
        self.insertRows(first, len(hits))
        for row, hit in enumerate(hits, first):
            self.setData(self.index(row, 0), f"{hit.headline} — {meta_line(hit)}")

    def page_failed(self) -> None:
        self._pending = False

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # A hit is read, not edited or dragged (QStringListModel's own flags say editable). The view
        # asks this only of rows it paints or selects, so it costs no per-row calls on long lists.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    def hit(self, row: int) -> Hit | None:
        return _unpack(self._hits[row]) if 0 <= row < len(self._hits) else None

    def row_of(self, path: str) -> int:
        return self._rows.get(path, -1)

    def loaded(self) -> int:
        return len(self._hits)

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
        model = index.model()
        hit = model.hit(index.row()) if isinstance(model, ResultsModel) else None
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
            # rich text runs a little wider than the metrics of plain text: leave two characters of room
            headline_html = truncate_marked(headline_html, max(0, len(elided) - 3))
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
    menu_requested = Signal(object, QPoint)  # Hit, where (global): a right-click on a result

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Results")
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(ResultDelegate(self))
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.activated.connect(self.open_requested)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, where: QPoint) -> None:
        index = self.indexAt(where)
        model = self.model()
        hit = model.hit(index.row()) if index.isValid() and isinstance(model, ResultsModel) else None
        if hit is not None:
            self.setCurrentIndex(index)
            self.menu_requested.emit(hit, self.viewport().mapToGlobal(where))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:  # the file of the hit under the mouse
            index = self.indexAt(event.pos())
            model = self.model()
            hit = model.hit(index.row()) if index.isValid() and isinstance(model, ResultsModel) else None
            if hit is not None:
                QToolTip.showText(event.globalPos(), hit.path, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


def plain(html_text: str) -> str:
    """The text of a marked-up snippet, for tests and accessibility."""
    document = QTextDocument()
    document.setHtml(html_text)
    return html.unescape(document.toPlainText())
