"""Opening an article in the viewer: its stored text and marks read by a reader process, then the other
articles of its story when it has copies.

Like a search, each article asked for carries a generation number: when the reader clicks through the
results faster than articles load, only the last one asked for is shown, and an older one that is still
waiting for its turn is not read at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from searchapp.core.reader import IndexReaders
from searchapp.gui.messages import Messages
from searchapp.gui.tasks import Reader
from searchapp.gui.viewer import ArticleViewer


class ArticleLoader(QObject):
    """Loads the article asked for last into the viewer, off the GUI thread."""

    shown = Signal(str)  # path: the article is on screen

    def __init__(self, reader: Reader, messages: Messages, viewer: ArticleViewer,
                 has_copies: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._messages = messages
        self._viewer = viewer
        self._has_copies = has_copies  # whether the result at a path has copies to list
        self._readers: IndexReaders | None = None
        self._generation = 0

    def set_readers(self, readers: IndexReaders) -> None:
        self._readers = readers

    def open(self, path: str, terms: tuple[str, ...], names: tuple[str, ...], quote: str = "") -> None:
        """Show the article at `path` with `terms` and `names` marked; with `quote`, opened at that quotation."""
        readers = self._readers
        if readers is None:
            return
        self._generation += 1
        generation = self._generation

        def load():
            if generation != self._generation:
                return None, []  # another article was asked for meanwhile
            return readers.hits.article(path, terms, names, quote)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._messages.warning(f"The article could not be opened: {error}")

        self._reader.run(load, lambda loaded: self._show(generation, path, *loaded), failed)

    def _show(self, generation: int, path: str, stored, spans) -> None:
        if generation != self._generation:
            return
        if stored is None:
            self._messages.warning(f"{path} is no longer in the index.")
            return
        self._viewer.show_article(stored, spans)
        self.shown.emit(path)
        readers = self._readers
        if self._has_copies(path) and readers is not None:
            self._reader.run(lambda: readers.hits.copies(path), lambda found: self._viewer.show_copies(path, found))
