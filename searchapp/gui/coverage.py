"""The Coverage window of a person or organisation: a timeline of the articles quoting and mentioning them
(day, week, month or year; counts or share of all articles), the outlets that do, their roles, who is
quoted and mentioned alongside them, up to five names or searches compared on one chart, and the chart
exported as PNG or SVG and the table as CSV.

Charts are QtCharts (PySide6-Addons): 0.05 s to import and about 4 MB in the packaged app, where
pyqtgraph needs NumPy (73 MB installed) and 0.5 s to import. The numbers come from the counts reader
(`core.coverage`, `core.profile`); a click on a point or an outlet bar asks the main window to filter its
results to that name and bucket (`filter_requested`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from searchapp.core.coverage import BUCKETS, MAX_SERIES, Coverage
from searchapp.core.profile import Profile
from searchapp.core.reader import IndexReaders
from searchapp.gui.chips import ChipRow
from searchapp.gui.coverage_charts import draw_outlets, draw_timeline, export_bytes, new_chart
from searchapp.gui.coverage_details import CoverageDetails
from searchapp.gui.coverage_requests import CoverageFilter, SearchSeries
from searchapp.gui.icons import icon
from searchapp.gui.messages import Messages
from searchapp.gui.names import TYPE_LABELS, MergeDialog
from searchapp.gui.tasks import Reader


class CoverageWindow(QDialog):
    """Coverage of one name, and of the names and searches compared with it."""

    filter_requested = Signal(object)  # CoverageFilter
    shown = Signal()  # a chart and profile are on screen (tests wait for it)
    quote_requested = Signal(str, str)  # path, quotation: open the article at the quote

    def __init__(self, reader: Reader, messages: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Coverage")
        self.setAccessibleName("Coverage")
        self._reader = reader
        self._messages = messages
        self._readers: IndexReaders | None = None
        self._generation = 0
        self.names: list[tuple[str, str]] = []  # (name, kind), the first is the profile's
        self.searches: list[SearchSeries] = []
        self.coverage: Coverage | None = None
        self.profile: Profile | None = None

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.series_chips = ChipRow(removable=True)
        self.series_chips.removed.connect(self._remove_series)

        self.bucket_box = QComboBox()
        self.bucket_box.setAccessibleName("Bucket")
        self.bucket_box.addItem("Auto", None)
        for bucket in BUCKETS:
            self.bucket_box.addItem(bucket.capitalize(), bucket)
        self.bucket_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.measure_box = QComboBox()
        self.measure_box.setAccessibleName("Measure")
        self.measure_box.addItem("Articles", "count")
        self.measure_box.addItem("Share of all articles (%)", "share")
        self.measure_box.currentIndexChanged.connect(lambda _i: self._draw())
        self.once_box = QCheckBox("Count copies once")
        self.once_box.setToolTip("A story printed several times (wire copy, updates) counts once")
        self.once_box.toggled.connect(lambda _on: self.reload())
        self.compare_button = QPushButton(icon("people"), "Compare…")
        self.compare_button.setToolTip(f"Add a person or organisation to the chart (up to {MAX_SERIES})")
        self.compare_button.clicked.connect(self.choose_name)
        self.search_button = QPushButton(icon("search"), "Add current search")
        self.search_button.setToolTip("Add the articles the main window's search and filters find, as a series")
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setIcon(icon("export"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction("Chart as PNG…", lambda: self.choose_export("png"))
        export_menu.addAction("Chart as SVG…", lambda: self.choose_export("svg"))
        export_menu.addAction("Table as CSV…", lambda: self.choose_export("csv"))
        self.export_button.setMenu(export_menu)

        self.chart, self.chart_view = new_chart("Timeline")
        self.chart_view.setMinimumHeight(260)
        self.undated = QLabel()
        self.undated.setEnabled(False)
        self.hint = QLabel("Click a point to see its articles in the main window.")
        self.hint.setEnabled(False)

        self.details = CoverageDetails()
        self.details.quote_requested.connect(self.quote_requested)
        self.details.name_requested.connect(lambda name: self.show_name(name, ""))
        # The profile's lists, as the window's own: tests and callers read them here.
        self.quotes, self.quoted_with = self.details.quotes, self.details.quoted_with

        controls = QHBoxLayout()
        for label, box in (("&Bucket:", self.bucket_box), ("&Show:", self.measure_box)):
            text = QLabel(label)
            text.setBuddy(box)
            controls.addWidget(text)
            controls.addWidget(box)
        controls.addWidget(self.once_box)
        controls.addStretch(1)
        controls.addWidget(self.compare_button)
        controls.addWidget(self.search_button)
        controls.addWidget(self.export_button)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.chart_view, 1)
        notes = QHBoxLayout()
        notes.addWidget(self.undated)
        notes.addStretch(1)
        notes.addWidget(self.hint)
        upper_layout.addLayout(notes)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.series_chips)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        self.resize(1040, 760)

    # -- what is shown --------------------------------------------------------------------------
    def set_readers(self, readers: IndexReaders | None) -> None:
        self._readers = readers

    def show_name(self, name: str, kind: str) -> None:
        """The profile of `name`: its own timeline (names compared before are kept, up to the limit)."""
        rest = [(n, k) for n, k in self.names if n != name]
        self.names = [(name, kind), *rest][:MAX_SERIES]
        self.reload()

    def add_name(self, name: str, kind: str) -> None:
        if any(n == name for n, _k in self.names):
            return
        if len(self.names) + len(self.searches) >= MAX_SERIES:
            self._messages.info(f"A chart compares up to {MAX_SERIES} names and searches; remove one first.")
            return
        self.names.append((name, kind))
        self.reload()

    def add_search(self, search: SearchSeries) -> None:
        if search in self.searches:
            return
        if len(self.names) + len(self.searches) >= MAX_SERIES:
            self._messages.info(f"A chart compares up to {MAX_SERIES} names and searches; remove one first.")
            return
        self.searches.append(search)
        self.reload()

    def _remove_series(self, key: tuple[str, Any]) -> None:
        what, value = key
        if what == "name" and len(self.names) > 1:
            self.names = [(n, k) for n, k in self.names if n != value]
        elif what == "search":
            self.searches = [s for s in self.searches if s != value]
        self.reload()

    def reload(self) -> None:
        readers = self._readers
        if readers is None or not self.names:
            return
        self._generation += 1
        generation = self._generation
        names = [name for name, _kind in self.names]
        by = self.bucket_box.currentData()
        dedupe = self.once_box.isChecked()
        searches = [(s.label, s.query, s.filter_map()) for s in self.searches]
        self.facts.setText("Counting…")

        def load() -> tuple[Coverage, Profile]:
            return (readers.counts.coverage(names, by=by, dedupe=dedupe, searches=searches),
                    readers.counts.profile(names[0], dedupe=dedupe))

        self._reader.run(load, lambda found: self._show(generation, *found),
                         lambda error: self._failed(generation, error))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.facts.setText(f"The coverage could not be counted: {error}")

    def _show(self, generation: int, coverage: Coverage, profile: Profile) -> None:
        if generation != self._generation:
            return
        self.coverage, self.profile = coverage, profile
        # The names as the collection writes them (the user may have typed an alias).
        kinds = {s.name: s.type for s in coverage.series if s.type != "query"}
        self.names = [(s.name, kinds[s.name]) for s in coverage.series if s.type != "query"]
        self.setWindowTitle(f"Coverage of {profile.name}")
        self.title.setText(profile.name)
        seen = (f" · first seen {profile.first_seen.isoformat()}, last seen {profile.last_seen.isoformat()}"
                if profile.first_seen and profile.last_seen else "")
        also = f" · also {', '.join(profile.aliases[:5])}" if profile.aliases else ""
        self.facts.setText(
            f"{TYPE_LABELS.get(profile.type, profile.type).capitalize()} · mentioned in {profile.mentioned:,} "
            f"article{'s' if profile.mentioned != 1 else ''}, quoted in {profile.quoted:,}{seen}{also}"
        )
        chips = [(("name", n), n, f"Remove {n} from the chart") for n, _k in self.names[1:]]
        chips += [(("search", s), f"Search: {s.label}", "Remove this search from the chart") for s in self.searches]
        self.series_chips.set_chips(chips)
        self.details.show_profile(profile)
        self._draw()
        self.shown.emit()

    # -- the charts -----------------------------------------------------------------------------
    def _share(self) -> bool:
        return self.measure_box.currentData() == "share"

    def values(self, series_index: int, quoted: bool) -> list[float]:
        """What the timeline shows for one series: counts, or percent of all articles in each bucket."""
        coverage = self.coverage
        if coverage is None:
            return []
        series = coverage.series[series_index]
        counts = series.quoted if quoted else series.mentioned
        if not self._share():
            return [float(c) for c in counts]
        return [100.0 * c / total if total else 0.0 for c, total in zip(counts, coverage.articles, strict=True)]

    def _draw(self) -> None:
        coverage = self.coverage
        if coverage is None:
            return
        dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        title = (f"Articles per {coverage.by}" + (" (share of all articles, %)" if self._share() else "")
                 + (", copies counted once" if self.once_box.isChecked() else ""))
        draw_timeline(self.chart, coverage, self.values, self._share(), title, dark, self._bucket_clicked)
        undated = [f"{s.name}: {s.undated_mentioned:,} mentioning, {s.undated_quoted:,} quoting"
                   for s in coverage.series if s.type != "query" and s.undated_mentioned]
        self.undated.setText(
            f"Undated (not on the chart): {coverage.undated_articles:,} of all articles"
            + (f"; {'; '.join(undated)}" if undated else "")
            if coverage.undated_articles else "Every article is dated."
        )
        first = next((s for s in coverage.series if s.type != "query"), None)
        if first is not None:
            draw_outlets(self.details.outlets_chart, first, self.chart.theme(), self._outlet_clicked)

    def _bucket_clicked(self, name: str, kind: str, quoted: bool, position: int) -> None:
        coverage = self.coverage
        if coverage is None or not 0 <= position < len(coverage.buckets):
            return
        search = next((s for s in self.searches if s.label == name), None) if kind == "query" else None
        self.filter_requested.emit(CoverageFilter(
            name="" if search else name, kind=kind, quoted=quoted, bucket=coverage.buckets[position],
            query=search.query if search else "", filters=search.filters if search else ()))

    def _outlet_clicked(self, name: str, kind: str, quoted: bool, outlet: str) -> None:
        self.filter_requested.emit(CoverageFilter(name=name, kind=kind, quoted=quoted, outlet=outlet))

    def click_bucket(self, series_name: str, bucket: str, quoted: bool = False) -> None:
        """What a click on that point does (for keyboard users and tests)."""
        coverage = self.coverage
        if coverage is not None and bucket in coverage.buckets:
            kind = next(s.type for s in coverage.series if s.name == series_name)
            self._bucket_clicked(series_name, kind, quoted, coverage.buckets.index(bucket))

    # -- compare and export ---------------------------------------------------------------------
    def choose_name(self) -> None:
        readers = self._readers
        if readers is None:
            return
        first_kind = self.names[0][1] if self.names else ""
        dialog = MergeDialog([n for n, _k in self.names], first_kind, self, title="Compare with…",
                             prompt="Add a person or organisation to the chart.", accept_label="Compare")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: dialog.target() and self.add_name(dialog.target(), ""))
        self.compare_dialog = dialog
        dialog.open()
        self._reader.run(lambda: readers.counts.names(None), dialog.set_rows,
                         lambda error: dialog.status.setText(f"The names could not be read: {error}"))

    def choose_export(self, fmt: str) -> None:
        name = (self.profile.name if self.profile else "coverage").replace("/", "-")
        filters = {"png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "csv": "CSV table (*.csv)"}
        path, _ = QFileDialog.getSaveFileName(self, "Export coverage", str(Path.home() / f"{name} coverage.{fmt}"),
                                              filters[fmt])
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str, done: Callable[[Path], None] | None = None) -> None:
        """Draw the chart (here, on the GUI thread) and write the file on a worker thread."""
        coverage = self.coverage
        if coverage is None:
            return
        data = export_bytes(self.chart_view, coverage, fmt, self.windowTitle())

        def write() -> Path:
            temporary = path.with_name(path.name + ".part")
            temporary.write_bytes(data)
            temporary.replace(path)
            return path

        def written(where: Path) -> None:
            self._messages.info(f"Saved {where.name}.")
            if done:
                done(where)

        self._reader.run(write, written, lambda error: self._messages.warning(f"Could not save {path}: {error}"))
