"""`searchapp --self-test`: the real window, offscreen, indexes the bundled sample, searches, reads.

For CI and packaged builds: proves Qt platform plugins, resources, the process pool and the index all
work in this build. Prints what it checked; returns 0 on success, 1 with the reason otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

TIMEOUT_S = 180.0
PERSON_QUERY = "Chomsky"


def _wait(app, condition, what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="searchapp-selftest-") as temp:
        base = Path(temp)
        for name, sub in (("SEARCHAPP_DATA_DIR", "data"), ("SEARCHAPP_CONFIG_DIR", "config"),
                          ("SEARCHAPP_LOG_DIR", "log")):
            os.environ[name] = str(base / sub)
        try:
            _check(base / "index")
        except Exception as error:  # noqa: BLE001 - the point is to report any failure
            print(f"self-test FAILED: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    print("self-test passed")
    return 0


def _check(index_dir: Path) -> None:
    from searchapp.gui.app import create_application, setup_logging
    from searchapp.gui.main_window import MainWindow

    setup_logging()
    started = time.perf_counter()
    app = create_application([])
    window = MainWindow(index_dir, rescan_on_start=False)
    window.show()
    try:
        _wait(app, lambda: window.index is not None, "the index to open")
        print(f"window ready in {time.perf_counter() - started:.2f} s (platform {app.platformName()})")
        if window.stack.currentWidget() is not window.welcome:
            raise AssertionError("a new index should show the getting-started page")
        finished: list[object] = []
        window.indexing_finished.connect(lambda kind, report: finished.append((kind, report)))
        window.load_sample()
        _wait(app, lambda: any(kind == "add" for kind, _ in finished), "the sample to be indexed")
        kind, report = next(item for item in finished if item[0] == "add")
        if report is None or not report.indexed:
            raise AssertionError(f"the sample was not indexed: {report}")
        print(f"indexed {report.indexed} sample articles ({len(report.problems)} problems)")
        view = window.search_view
        shown: list[int] = []
        view.results_shown.connect(shown.append)
        view.search_box.set_text(PERSON_QUERY)
        _wait(app, lambda: shown and view.search_box.text() == PERSON_QUERY and view.model.rowCount(), "results")
        hit = view.model.hit(0)
        if '<b class="hit">' not in hit.headline_html + hit.snippet_html:
            raise AssertionError("the first result has no highlighted terms")
        print(f"{view.model.total} result(s) for {PERSON_QUERY!r}; first: {hit.headline}")
        _wait(app, lambda: view.viewer.path == hit.path, "the article to open")
        if view.viewer.hit_count() < 1 or view.viewer.current_hit != 0:
            raise AssertionError("the article opened without its hits marked")
        print(f"article opened at {view.viewer.hit_label.text()}")
        # The Coverage window: QtCharts in this build, coverage and profile in the counts reader.
        window.show_coverage("Barack Obama", "person")
        coverage = window.coverage_window
        _wait(app, lambda: coverage.profile is not None and coverage.coverage is not None, "a coverage chart")
        print(f"coverage of {coverage.profile.name}: {coverage.profile.mentioned} article(s), "
              f"{len(coverage.coverage.buckets)} {coverage.coverage.by} bucket(s), {len(coverage.chart.series())} line(s)")
        if not coverage.chart.series():
            raise AssertionError("the coverage chart has no lines")
    finally:
        window.close()
        app.processEvents()
