"""SVG icons drawn in the palette's text colour, so they stay readable in light and dark themes."""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

_SIZES = (16, 20, 24, 32, 48, 64)


def _resource(*parts: str):
    return resources.files("searchapp.resources").joinpath(*parts)


@lru_cache(maxsize=128)
def _svg_icon(name: str, colour: str) -> QIcon:
    try:
        svg = _resource("icons", "ui", f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        log.warning("missing UI icon %s", name)
        return QIcon()
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour).encode("utf-8")))
    icon = QIcon()
    ratio = 2.0  # render at twice the size so the icon stays crisp on high-DPI screens
    for size in _SIZES:
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def icon(name: str) -> QIcon:
    """The UI icon `name` (a file in resources/icons/ui) in the current palette's text colour."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _svg_icon(name, colour)


def app_icon() -> QIcon:
    """The application icon from resources/icons (searchapp.svg, searchapp-*.png); empty if absent."""
    icon_ = QIcon()
    try:
        folder = _resource("icons")
        entries = sorted(entry.name for entry in folder.iterdir())
    except (OSError, ModuleNotFoundError):
        return icon_
    for name in entries:
        if name == "searchapp.svg" or (name.startswith("searchapp-") and name.endswith(".png")):
            data = _resource("icons", name).read_bytes()
            pixmap = QPixmap()
            if name.endswith(".svg"):
                renderer = QSvgRenderer(QByteArray(data))
                pixmap = QPixmap(256, 256)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                renderer.render(painter)
                painter.end()
            elif not pixmap.loadFromData(data):
                continue
            icon_.addPixmap(pixmap)
    return icon_
