"""The search side of the window: query, facets, chips, results and viewer, wired to background reads.

Every search carries a generation number; a result whose generation is not the latest is dropped, so a
slow old query never overwrites a newer one (Orange's rule for search-as-you-type), a search that is
already stale when its reader is free is not sent at all, and one still running when a newer one is
asked for is told to stop. From the first key typed (or filter changed) until the new results arrive,
the list and the facet counts are empty and the header says "Searching…": nothing of an older query is
shown beside the box's text. The searching itself happens in core's reader processes (`IndexReaders`):
threads of this process wait for the answers, so the window keeps painting.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from searchapp.core.entities import Change
from searchapp.core.errors import QueryError, SearchAppError
from searchapp.core.facets import FIRST_VALUES
from searchapp.core.models import SearchResult
from searchapp.core.reader import IndexReaders
from searchapp.gui.article_loader import ArticleLoader
from searchapp.gui.chips import ChipRow
from searchapp.gui.coverage_requests import CoverageFilter, SearchSeries
from searchapp.gui.facets import FACET_TITLES, FacetSidebar, facet_label
from searchapp.gui.messages import Messages
from searchapp.gui.names import FIELD_TYPES, NameActions, follow_change
from searchapp.gui.results import PAGE_SIZE, ResultsModel, ResultsView
from searchapp.gui.results_header import ResultsHeader
from searchapp.gui.search_box import SearchBox
from searchapp.gui.search_key import DATE_FILTER, NAME_FILTERS, SearchKey
from searchapp.gui.tasks import Reader
from searchapp.gui.viewer import ArticleViewer

log = logging.getLogger(__name__)

REFRESH_ROWS = 500  # rows a refresh after a commit reloads at most


class SearchView(QWidget):
    """Search box, chips, sort and total above a splitter of facets | results | article."""

    results_shown = Signal(int)  # total, each time a first page of results is on screen
    coverage_requested = Signal(str, str)  # name, type: "Coverage of …" for a person:/org:/speaker: search
    facets_shown = Signal()  # the facet counts for the same search are in the sidebar
    article_shown = Signal(str)  # path

    def __init__(self, reader: Reader, messages: Messages, history: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self._reader = reader
        self._messages = messages
        self._readers: IndexReaders | None = None
        self._generation = 0
        self.facets_key: SearchKey | None = None  # the search whose counts the sidebar shows
        self._all_facets_key: SearchKey | None = None  # the search whose every facet value was asked for
        self.facet_values = FIRST_VALUES  # values of each facet a search brings first
        self.filters: dict[str, set[str]] = {}
        self.terms: tuple[str, ...] = ()
        self.last_search_seconds = 0.0
        self._search_started = 0.0

        self.names = NameActions(reader, messages, self)
        self.names.filter_requested.connect(lambda field, value: self.set_filter(field, value, True))
        self.names.changed.connect(self._names_changed)

        self.search_box = SearchBox(history)
        self.search_box.search_requested.connect(lambda _q: self.run_search())
        self.search_box.line.textEdited.connect(self._query_edited)
        self.chips = ChipRow(removable=True)
        self.chips.removed.connect(lambda key: self.set_filter(key[0], key[1], False))
        self.chips.menu_requested.connect(self._chip_menu)
        self.chips.hide()
        self.header = ResultsHeader()
        self.header.coverage_requested.connect(self.coverage_requested)
        # The header's parts, as the view's own: the window's menus and tests reach them here.
        self.total_label, self.busy, self.coverage_button = (
            self.header.total_label, self.header.busy, self.header.coverage_button)
        self.sort_box, self.once_box = self.header.sort_box, self.header.once_box
        self.sort_box.currentIndexChanged.connect(lambda _i: self.run_search())
        self.once_box.toggled.connect(lambda _on: self.run_search())

        self.model = ResultsModel(self)
        self.model.page_wanted.connect(self._load_page)
        self.results = ResultsView()
        self.results.setModel(self.model)
        self.results.selectionModel().currentChanged.connect(self._current_changed)
        self.results.open_requested.connect(lambda _i: self.viewer.body.setFocus())
        self.results.menu_requested.connect(self.names.show_article_menu)
        self.facets = FacetSidebar()
        self.facets.toggled.connect(self.set_filter)
        self.facets.all_wanted.connect(lambda _field: self._load_all_facets())
        self.facets.menu_requested.connect(
            lambda field, value, kind, where: self.names.show_menu(value, kind or FIELD_TYPES.get(field, ""), where))
        self.viewer = ArticleViewer()
        self.viewer.filter_requested.connect(lambda field, value: self.set_filter(field, value, True))
        self.viewer.copy_requested.connect(self._open_article)
        self.viewer.name_menu_requested.connect(
            lambda field, value, kind, where: self.names.show_menu(value, kind, where, field=field, path=self.viewer.path))
        self.articles = ArticleLoader(reader, messages, self.viewer, self._has_copies, self)
        self.articles.shown.connect(self.article_shown)

        results_pane = QWidget()
        results_layout = QVBoxLayout(results_pane)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.header)
        results_layout.addWidget(self.results, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(results_pane)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([230, 420, 560])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.chips)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.search_box.line, self.sort_box)
        self.setTabOrder(self.sort_box, self.results)
        self.setTabOrder(self.results, self.viewer)
        self.setTabOrder(self.viewer, self.facets)

    # -- state ----------------------------------------------------------------------------------
    def set_readers(self, readers: IndexReaders) -> None:
        self._readers = readers
        self.names.set_readers(readers)
        self.articles.set_readers(readers)
        self.run_search()

    def sort(self) -> str:
        return self.header.sort()

    def set_sort(self, sort: str) -> None:
        self.header.set_sort(sort)

    def key(self, generation: int | None = None) -> SearchKey:
        filters = tuple(sorted((f, tuple(sorted(v))) for f, v in self.filters.items() if v))
        return SearchKey(self._generation if generation is None else generation, self.search_box.text(),
                         filters, self.sort(), self.once_box.isChecked())

    def set_filter(self, field: str, value: str, selected: bool) -> None:
        values = self.filters.setdefault(field, set())
        if selected:
            if field == DATE_FILTER:
                values.clear()  # one date at a time
            values.add(value)
        else:
            values.discard(value)
        self._filters_changed()

    def clear_filters(self) -> None:
        self.filters.clear()
        self._filters_changed()

    # -- names --------------------------------------------------------------------------------------
    def _chip_menu(self, key: tuple[str, str], where: QPoint) -> None:
        field, value = key
        if field in NAME_FILTERS:
            self.names.show_menu(value, FIELD_TYPES.get(field, ""), where)

    def _names_changed(self, change: Change, undone: bool) -> None:
        """A correction was made (or undone): filters follow a name merged, renamed or hidden, and every
        view searches again."""
        if not undone:
            follow_change(self.filters, change, NAME_FILTERS)
        self._filters_changed(refresh=True)
        if self.viewer.path:
            self._open_article(self.viewer.path)

    def show_coverage_filter(self, wanted: CoverageFilter) -> None:
        """Show the articles behind a point or bar of the coverage chart: that name (quoting or mentioning)
        or that search, in that bucket or outlet."""
        self.filters.clear()
        if wanted.kind == "query":
            self.filters.update({field: set(values) for field, values in wanted.filters})
            self.search_box.set_text(wanted.query, search=False)
        else:
            field = "speakers" if wanted.quoted else ("orgs" if wanted.kind == "org" else "people")
            self.filters[field] = {wanted.name}
            self.search_box.set_text("", search=False)
        if wanted.bucket:
            self.filters[DATE_FILTER] = {wanted.bucket}
        if wanted.outlet:
            self.filters["outlet"] = {wanted.outlet}
        self._filters_changed()

    def current_search(self) -> SearchSeries:
        """The query and filters shown now, as a series for the coverage chart."""
        key = self.key()
        chips = [_chip_text(field, value) for field, values in key.filters for value in values]
        label = " · ".join(x for x in [key.query and f"“{key.query}”", *chips] if x) or "All articles"
        return SearchSeries(label=label, query=key.search_text, filters=tuple(
            (field, values) for field, values in key.filters if field != DATE_FILTER))

    def _filters_changed(self, *, refresh: bool = False) -> None:
        """The filters changed: chips and sidebar show them, and the results follow."""
        self.chips.set_chips([((field, value), _chip_text(field, value), value)
                              for field, values in sorted(self.filters.items()) for value in sorted(values)])
        self.facets.set_selected(self.filters)
        self.run_search(refresh=refresh)

    # -- searching ------------------------------------------------------------------------------
    def run_search(self, *, refresh: bool = False) -> None:
        """Search for the current query, filters and sort; `refresh` keeps the open article."""
        readers = self._readers
        if readers is None:
            return
        self._generation += 1
        key = self.key()
        shown = self.model.key
        if not refresh or not isinstance(shown, SearchKey) or _asked(shown) != _asked(key):
            self._show_pending()
        # A refresh reloads what was loaded (up to REFRESH_ROWS), in whole pages, so the reader keeps
        # their place in the list and "load more" continues at the right page.
        loaded_pages = -(-min(self.model.loaded(), REFRESH_ROWS) // PAGE_SIZE)
        rows = max(1, loaded_pages) * PAGE_SIZE if refresh else PAGE_SIZE
        self._search_started = time.perf_counter()

        # Hits first, then facets (asked for once the hits are shown): the list never waits for the
        # counts over all matches.
        def stale() -> bool:
            return key.generation != self._generation  # typed over while waiting for its turn

        def hits() -> SearchResult | None:
            return readers.hits.search(key.search_text, filters=key.filter_map(), sort=key.sort, page=1, page_size=rows,
                                       dedupe=key.dedupe,
                                       with_facets=False, skip=stale)

        self._reader.run(
            hits,
            lambda result: self._show_results(key, result, refresh),
            lambda error: self._search_failed(key, error),
        )

    def _query_edited(self, text: str) -> None:
        """A key typed: the results shown are no longer those of the box's text, and a search still
        running for an older text is told to stop (the new one starts after the typing pause)."""
        shown = self.model.key
        if isinstance(shown, SearchKey) and shown.query == text.strip():
            return
        self._generation += 1
        self._show_pending()

    def _show_pending(self) -> None:
        """A newer search is on its way: the list and the counts are emptied, the header says so."""
        self.model.clear()
        self.facets.set_facets({}, self.filters)
        self.facets.setEnabled(False)
        self.facets_key = None
        self.header.show_searching()

    def _load_facets(self, key: SearchKey, every_value: bool = False) -> None:
        """Ask for the search's facet counts: the `facet_values` most frequent values of each facet
        (ordering every name of a large collection for every search would cost more than the search),
        or with `every_value` all of them."""
        readers = self._readers
        if readers is None:
            return
        limit = None if every_value else self.facet_values

        def counts() -> SearchResult | None:
            return readers.counts.search(key.search_text, filters=key.filter_map(), page=1, page_size=1, dedupe=key.dedupe,
                                         facet_limit=limit, skip=lambda: key.generation != self._generation)

        self._reader.run(counts, lambda result: self._show_facets(key, result),
                         lambda error: self._facets_failed(key, error))

    def _load_all_facets(self) -> None:
        """Every value of the shown search's facets, once, when a group asks for them."""
        key = self.facets_key
        if key is None or key.generation != self._generation or self._all_facets_key == key:
            return
        self._all_facets_key = key
        self._load_facets(key, every_value=True)

    def _facets_failed(self, key: SearchKey, error: BaseException) -> None:
        if key.generation != self._generation or isinstance(error, QueryError):
            return  # stale, or the hits search shows the same query error inline
        self.facets.set_facets({}, self.filters)  # no counts rather than another search's counts
        self.facets.setEnabled(True)
        self.facets_key = key
        self._messages.warning(f"The facet counts could not be computed: {error}")

    def _show_facets(self, key: SearchKey, result: SearchResult | None) -> None:
        if result is None or key.generation != self._generation:
            return
        self.facets.set_facets(result.facets, self.filters, result.facet_sizes)
        self.facets.setEnabled(True)
        self.facets_key = key
        self.facets_shown.emit()

    def refresh(self) -> None:
        """New documents were committed: search again, keeping the reader where it is."""
        self.run_search(refresh=True)

    def _show_results(self, key: SearchKey, result: SearchResult | None, refresh: bool) -> None:
        if result is None or key.generation != self._generation:
            return  # a newer search is on its way
        self.search_box.set_notice(result.notice)
        current = self.viewer.path
        self.terms = result.terms
        scrolled = self.results.verticalScrollBar().value()
        self.model.reset(result, key)
        self.header.show_total(self.model.total, bool(self.search_box.text() or any(self.filters.values())))
        self.header.offer_coverage(key.query)
        self.last_search_seconds = time.perf_counter() - self._search_started
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.results.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            if not refresh:
                self._open_article(current)  # same article, new terms to mark
        elif result.hits and not refresh:
            self.results.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        elif not result.hits:
            self.viewer.clear()
        if refresh:  # new articles arrived: the list stays where the reader had scrolled it
            self.results.doItemsLayout()
            self.results.verticalScrollBar().setValue(scrolled)
        self.results_shown.emit(result.total)
        self._load_facets(key)

    def _search_failed(self, key: SearchKey, error: BaseException) -> None:
        if key.generation != self._generation:
            return
        self.header.show_failed()
        self.facets.setEnabled(True)
        if isinstance(error, QueryError):
            self.search_box.set_error(str(error))
            return
        if isinstance(error, SearchAppError):
            self._messages.warning(f"The search failed: {error}")
            return
        raise error

    def _load_page(self, page: int) -> None:
        key = self.model.key
        readers = self._readers
        if readers is None or not isinstance(key, SearchKey):
            self.model.page_failed()
            return
        self._reader.run(
            lambda: readers.hits.search(key.search_text, filters=key.filter_map(), sort=key.sort, page=page, dedupe=key.dedupe,
                                        page_size=PAGE_SIZE, with_facets=False),
            lambda result: self.model.append_page(result, key),
            lambda error: (self.model.page_failed(), self._messages.warning(f"More results could not load: {error}")),
        )

    # -- the article ----------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = self.model.hit(current.row())
        if hit is not None and hit.path != self.viewer.path:
            self._open_article(hit.path)

    def open_article(self, path: str, *, quote: str = "") -> None:
        """Show the article at `path` in the viewer; with `quote`, opened at that quotation, marked."""
        self._open_article(path, quote)

    def _open_article(self, path: str, quote: str = "") -> None:
        # The people and organisations filtered by are marked too: filtering by a person is a search for them.
        names = tuple(sorted(value for field in NAME_FILTERS for value in self.filters.get(field, ())))
        self.articles.open(path, self.terms, names, quote)

    def _has_copies(self, path: str) -> bool:
        hit = self.model.hit(self.model.row_of(path))
        return hit is not None and bool(hit.copies)

    def move_result(self, step: int) -> None:
        """Alt+Down / Alt+Up: the next or previous result, loading more when at the end."""
        row = self.results.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        if 0 <= row < self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(row, 0))
            self.search_box.remember(self.search_box.text())


def _chip_text(field: str, value: str) -> str:
    """A filter as its chip and a search series' label read it: "People: Ada Quill"."""
    return f"{FACET_TITLES.get(field, field.capitalize())}: {facet_label(field, value)}"


def _asked(key: SearchKey) -> tuple:
    """What a search was asked for, whichever generation it has."""
    return key.query, key.filters, key.sort, key.dedupe
