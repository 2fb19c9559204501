"""How responsive the window stays while it indexes: event-loop stalls, typing-to-results, cold start.

    python bench/gui_bench.py [CORPUS_DIR]      (default: ../shared/corpora/bbc_news/bbc)
    python bench/gui_bench.py --index INDEX_DIR [QUERY]   (an existing, large index: see below)

A 5 ms QTimer records how late it fires (the longest stall of the GUI thread); queries are typed into
the real search box while the BBC corpus is indexed through the window's single writer, and the time
from the end of the typing pause (the debounced search request) to the results on screen is recorded.
Targets: no stall over 50 ms, results within 100 ms, cold start under 1.5 s.

With --index, the window opens an index built before (e.g. `searchapp index` over BBC copied 20
times) and records, for QUERY (default: every article), the time to the first results and to the
facet counts, then scrolls the results list to the end, page by page as a user dragging the scroll
bar would, and records the longest stall and the slowest page.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "bbc_news" / "bbc"
QUERIES = ("blair", "economy growth", "galloway", "mobile phone", "england rugby", "film award", "oil prices")
TICK_MS = 5
KEY_INTERVAL_MS = 60  # a brisk typist; the 150 ms pause comes after the last key


def _open_window(index_dir: Path):
    """The window as run_gui opens it (at 1280x800), once its index and readers are ready."""
    from searchapp.gui.app import create_application, freeze_startup_objects
    from searchapp.gui.main_window import MainWindow

    app = create_application([])
    window = MainWindow(index_dir, rescan_on_start=False)
    window.resize(1280, 800)
    window.show()
    freeze_startup_objects()  # as run_gui does
    while window.readers is None:
        app.processEvents()
    return app, window


class StallMeter:
    """A TICK_MS timer that records how late each tick fires: how long the event loop was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.stalls: list[float] = []
        self._last = 0.0
        self._timer = QTimer(interval=TICK_MS, timeout=self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def longest(self) -> float:
        return max(self.stalls) if self.stalls else 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append((now - self._last) * 1000 - TICK_MS)
        self._last = now


def cold_start() -> float:
    """Seconds from launching a fresh process to a shown window with its index open."""
    started = time.perf_counter()
    child = subprocess.run([sys.executable, __file__, "--cold-start-child"], capture_output=True, text=True,
                           timeout=120, env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM",
                                                                                              "offscreen")})
    if "READY" not in child.stdout:
        raise RuntimeError(child.stderr)
    return float(child.stdout.split("READY")[1].split()[0]) - started


def _cold_start_child() -> None:
    with tempfile.TemporaryDirectory() as temp:
        os.environ.update(SEARCHAPP_DATA_DIR=temp, SEARCHAPP_CONFIG_DIR=temp, SEARCHAPP_LOG_DIR=temp)
        from searchapp.gui.app import create_application
        from searchapp.gui.main_window import MainWindow

        app = create_application([])
        window = MainWindow(Path(temp) / "index", rescan_on_start=False)
        window.show()
        while window.index is None:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        print("READY", time.perf_counter(), flush=True)
        window.close()


def main(corpus: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cold = [cold_start() for _ in range(3)]
    with tempfile.TemporaryDirectory() as temp:
        os.environ.update(SEARCHAPP_DATA_DIR=temp, SEARCHAPP_CONFIG_DIR=temp, SEARCHAPP_LOG_DIR=temp)
        return _run(corpus, Path(temp), cold)


def _run(corpus: Path, temp: Path, cold: list[float]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    app, window = _open_window(temp / "index")
    view = window.search_view
    meter = StallMeter()
    latencies: list[float] = []
    requested = [0.0]
    view.search_box.search_requested.connect(lambda _q: requested.__setitem__(0, time.perf_counter()))

    def shown(_total: int) -> None:
        if requested[0]:
            app.processEvents()  # the repaint of the list is part of "results shown"
            latencies.append((time.perf_counter() - requested[0]) * 1000)
            requested[0] = 0.0

    view.results_shown.connect(shown)
    finished: list[object] = []
    window.indexing_finished.connect(lambda kind, report: finished.append(report))
    commits: list[float] = []
    window.tasks.committed.connect(lambda _r: commits.append(time.perf_counter()))

    pending_keys: list[str] = []

    def type_next_key() -> None:
        # one key per timer shot: QTest.keyClicks(delay=...) would sleep inside the event loop
        if pending_keys:
            QTest.keyClick(view.search_box.line, pending_keys.pop(0))

    typist = QTimer(interval=KEY_INTERVAL_MS, timeout=type_next_key)
    typist.start()

    def type_query(number: int) -> None:
        view.search_box.line.clear()
        pending_keys.extend(QUERIES[number % len(QUERIES)])

    started = time.perf_counter()
    meter.start()
    window.add_paths([corpus])
    number = 0
    next_query = started + 1.0
    while not finished:
        app.processEvents()
        if time.perf_counter() >= next_query:
            type_query(number)
            number += 1
            next_query = time.perf_counter() + 1.5
        time.sleep(0.001)
    indexing_s = time.perf_counter() - started
    during = list(latencies)
    stall_during = meter.longest()
    meter.stalls.clear()
    latencies.clear()
    for number in range(len(QUERIES)):
        type_query(number)
        deadline = time.perf_counter() + 3.0
        while time.perf_counter() < deadline and len(latencies) <= number:
            app.processEvents()
            time.sleep(0.001)
    meter.stop()
    typist.stop()
    report = finished[0]
    print(f"corpus: {corpus} ({getattr(report, 'indexed', '?')} articles indexed in {indexing_s:.1f} s, "
          f"{len(commits)} commits)")
    print(f"cold start to usable window: median {statistics.median(cold) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{c * 1000:.0f}' for c in cold)} ms)   target < 1500 ms")
    print(f"longest event-loop stall while indexing: {stall_during:.0f} ms   target <= 50 ms")
    print(f"longest event-loop stall while searching after indexing: {meter.longest():.0f} ms")
    for label, values in (("during indexing", during), ("after indexing", latencies)):
        if values:
            print(f"typing pause -> results shown, {label}: median {statistics.median(values):.0f} ms, "
                  f"max {max(values):.0f} ms over {len(values)} queries   target <= 100 ms")
    window.close()
    return 0


def at_scale(index_dir: Path, query: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as temp:
        os.environ.update(SEARCHAPP_CONFIG_DIR=temp, SEARCHAPP_LOG_DIR=temp)
        app, window = _open_window(index_dir)
        view = window.search_view
        meter = StallMeter()

        def wait(condition, seconds: float = 120.0) -> None:
            deadline = time.perf_counter() + seconds
            while not condition() and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)

        meter.start()
        shown: list[float] = []
        view.results_shown.connect(lambda _total: shown.append(time.perf_counter()))
        faceted: list[float] = []
        view.facets_shown.connect(lambda: faceted.append(time.perf_counter()))
        wait(lambda: bool(faceted))  # the start-up search (the last query of the settings, if any)
        shown.clear()
        faceted.clear()
        meter.stalls.clear()
        started = time.perf_counter()
        view.search_box.set_text(query, search=True)
        wait(lambda: bool(shown))
        wait(lambda: bool(faceted))
        first_results = (shown[0] - started) * 1000
        first_facets = (faceted[0] - started) * 1000 if faceted else float("nan")
        stall_search = meter.longest()
        meter.stalls.clear()
        total = view.model.total
        pages: list[float] = []
        bar = view.results.verticalScrollBar()
        scroll_started = time.perf_counter()
        while view.model.loaded() < total and time.perf_counter() - scroll_started < 600:
            loaded, bottom = view.model.loaded(), bar.maximum()
            asked = time.perf_counter()
            bar.setValue(bottom)  # the view fetches the next page at the bottom
            wait(lambda loaded=loaded: view.model.loaded() > loaded, 30.0)
            if view.model.loaded() == loaded:
                break
            pages.append((time.perf_counter() - asked) * 1000)
            wait(lambda bottom=bottom: bar.maximum() > bottom, 5.0)  # the list has laid the new rows out
        meter.stop()
        print(f"index: {index_dir} ({total:,} results for {query!r})")
        print(f"first results: {first_results:.0f} ms; facet counts: {first_facets:.0f} ms; "
              f"longest stall meanwhile: {stall_search:.0f} ms")
        if pages:
            print(f"scrolled to the end: {view.model.loaded():,} of {total:,} rows in {len(pages)} pages; "
                  f"page load median {statistics.median(pages):.0f} ms, max {max(pages):.0f} ms; "
                  f"longest stall while scrolling: {meter.longest():.0f} ms")
        window.close()
        return 0 if view.model.loaded() == total else 1


if __name__ == "__main__":
    if "--cold-start-child" in sys.argv:
        _cold_start_child()
        sys.exit(0)
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if "--index" in sys.argv:
        sys.exit(at_scale(Path(args[0]), args[1] if len(args) > 1 else ""))
    sys.exit(main(Path(args[0]) if args else DEFAULT_CORPUS))
