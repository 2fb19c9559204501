"""The hit mark: the one hard-coded colour of the window, the same in the results list and the viewer."""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QColor

HIT_BACKGROUND = QColor("#ffd84d")  # a marker-pen yellow, legible with black text in light and dark themes
CURRENT_HIT_BACKGROUND = QColor("#ff9a3d")
HIT_FOREGROUND = QColor("#000000")

_MARK_OPEN = re.compile(r'<b class="?hit"?>')
_SPAN = (
    f'<span style="background-color:{HIT_BACKGROUND.name()}; color:{HIT_FOREGROUND.name()};">'
)


def marked_html(html: str) -> str:
    """Core snippets mark hits as <b class="hit">; Qt's rich text styles them as an inline span."""
    return _MARK_OPEN.sub(_SPAN, html).replace("</b>", "</span>")


_TAG = re.compile(r"(<[^>]+>)")


def truncate_marked(html_text: str, chars: int) -> str:
    """Cut marked-up text after `chars` visible characters, add an ellipsis, close an open mark."""
    out: list[str] = []
    left = chars
    open_mark = False
    for piece in _TAG.split(html_text):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append(piece)
            open_mark = not piece.startswith("</")
            continue
        text = html.unescape(piece)
        if len(text) > left:
            out.append(html.escape(text[:left].rstrip(), quote=False) + ("</b>" if open_mark else "") + "…")
            return "".join(out)
        out.append(piece)
        left -= len(text)
    return "".join(out)
