"""The Coverage window: opened from a name's menu, bucket switch, a click filtering the results, two names
compared, PNG and CSV export, and the search box offering a person's coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.conftest import INDEX_TIMEOUT_MS, index_folder, search_for, wait_for_facets, write_article
from tests.gui.test_names import open_menu_on_facet, trigger


@pytest.fixture
def dated(tmp_path: Path) -> Path:
    """Articles over three months quoting Ada Quill and Bruno Vale."""
    folder = tmp_path / "dated"
    dates = ["2005-01-10", "2005-01-20", "2005-02-03", "2005-03-15", "2005-03-16"]
    for number, date in enumerate(dates):
        speaker = "Ada Quill" if number % 2 == 0 else "Bruno Vale"
        write_article(folder, f"a{number}", f"Harbour report {number}",
                      f'"The harbour must reopen," said {speaker} on the quay.', date=date)
    write_article(folder, "both", "Harbour debate",
                  '"Open it," said Ada Quill. "Not yet," said Bruno Vale.', date="2005-02-20")
    return folder


def open_coverage(qtbot, window, name: str):
    view = window.search_view
    wait_for_facets(qtbot, view)
    qtbot.waitUntil(lambda: view.facets.groups["people"].item_for(name) is not None, timeout=INDEX_TIMEOUT_MS)
    trigger(open_menu_on_facet(view, "people", name), "Coverage…")
    coverage = window.coverage_window
    qtbot.waitUntil(lambda: coverage.coverage is not None and coverage.profile is not None
                    and coverage.profile.name == name, timeout=INDEX_TIMEOUT_MS)
    return coverage


def test_coverage_opens_from_a_name_switches_bucket_and_a_click_filters(qtbot, make_window, dated):
    window = make_window()
    index_folder(qtbot, window, dated)
    coverage = open_coverage(qtbot, window, "Ada Quill")
    assert coverage.coverage.by == "week"  # two months and a bit: weeks
    assert (coverage.profile.mentioned, coverage.profile.quoted) == (4, 4)
    assert "Bruno Vale" in [coverage.quoted_with.item(i).text().split("  (")[0] for i in range(coverage.quoted_with.count())]

    quote = coverage.quotes.item(0)  # newest first: the 16 March article
    assert quote.text().startswith("“The harbour must reopen,”") and "Harbour report 4" in quote.text()
    coverage.quotes.itemActivated.emit(quote)
    view = window.search_view
    qtbot.waitUntil(lambda: view.viewer.path.endswith("a4.json"), timeout=INDEX_TIMEOUT_MS)
    body = view.viewer.body.toPlainText()
    assert [body[a:b] for a, b in view.viewer._hits] == ["The harbour must reopen,"]

    coverage.bucket_box.setCurrentIndex(coverage.bucket_box.findData("month"))
    qtbot.waitUntil(lambda: coverage.coverage.by == "month", timeout=INDEX_TIMEOUT_MS)
    assert coverage.coverage.buckets == ("2005-01", "2005-02", "2005-03")
    assert coverage.coverage.series[0].quoted == (1, 2, 1)
    assert coverage.values(0, quoted=True) == [1.0, 2.0, 1.0]
    coverage.measure_box.setCurrentIndex(coverage.measure_box.findData("share"))
    assert coverage.values(0, quoted=True) == [50.0, 100.0, 50.0]

    coverage.click_bucket("Ada Quill", "2005-03", quoted=True)
    qtbot.waitUntil(lambda: view.model.total == 1 and view.model.key.query == "", timeout=INDEX_TIMEOUT_MS)
    assert view.filters == {"speakers": {"Ada Quill"}, "date": {"2005-03"}}
    assert [chip.text() for chip in view.chips.chips] == ["Date: 2005-03", "Speakers: Ada Quill"]
    assert view.model.hit(0).headline == "Harbour report 4"


def test_two_names_compared_and_exported(qtbot, make_window, dated, tmp_path):
    window = make_window()
    index_folder(qtbot, window, dated)
    coverage = open_coverage(qtbot, window, "Ada Quill")
    coverage.add_name("bruno vale", "")
    qtbot.waitUntil(lambda: len(coverage.coverage.series) == 2, timeout=INDEX_TIMEOUT_MS)
    assert [s.name for s in coverage.coverage.series] == ["Ada Quill", "Bruno Vale"]
    assert [chip.text() for chip in coverage.series_chips.chips] == ["Bruno Vale"]
    assert len(coverage.chart.series()) == 4  # quoted and mentioned for each
    written: list[Path] = []
    coverage.export_to(tmp_path / "chart.png", "png", written.append)
    coverage.export_to(tmp_path / "table.csv", "csv", written.append)
    qtbot.waitUntil(lambda: len(written) == 2, timeout=INDEX_TIMEOUT_MS)
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"
    rows = (tmp_path / "table.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "bucket,articles,Ada Quill quoted,Ada Quill mentioned,Bruno Vale quoted,Bruno Vale mentioned"
    assert rows[-1].startswith("undated,0")


def test_a_person_search_offers_their_coverage(qtbot, make_window, dated):
    window = make_window()
    index_folder(qtbot, window, dated)
    view = window.search_view
    search_for(qtbot, window, 'person:"Bruno Vale"')
    assert view.coverage_button.isVisible() and view.coverage_button.text() == "Coverage of Bruno Vale…"
    view.coverage_button.click()
    coverage = window.coverage_window
    qtbot.waitUntil(lambda: coverage.profile is not None and coverage.profile.name == "Bruno Vale",
                    timeout=INDEX_TIMEOUT_MS)
    search_for(qtbot, window, "harbour")
    assert not view.coverage_button.isVisible()


def test_copies_show_on_results_once_on_demand_and_in_the_viewer(qtbot, make_window, tmp_path):
    from searchapp.gui.results import meta_line
    from tests.core.test_stories import OTHER, STORY, copy_of

    folder = tmp_path / "copies"
    write_article(folder, "original", "Harbour bridge to close", STORY, date="2005-03-01")
    write_article(folder, "copy", "Harbour bridge to close for a year", copy_of(STORY), outlet="Wire", date="2005-03-02")
    write_article(folder, "other", "Bridge warnings ignored", OTHER, date="2005-03-02")
    window = make_window()
    index_folder(qtbot, window, folder)
    view = window.search_view
    search_for(qtbot, window, "bridge")
    assert view.model.total == 3
    lines = {view.model.hit(row).headline: meta_line(view.model.hit(row)) for row in range(3)}
    assert "+1 copy" in lines["Harbour bridge to close"] and "+1 copy" not in lines["Bridge warnings ignored"]

    view.results.setCurrentIndex(view.model.index(view.model.row_of(str(folder / "original.json")), 0))
    qtbot.waitUntil(lambda: view.viewer.copies_label.isVisible(), timeout=INDEX_TIMEOUT_MS)
    assert "Harbour bridge to close for a year" in view.viewer.copies_label.text()
    view.viewer.copy_requested.emit(str(folder / "copy.json"))
    qtbot.waitUntil(lambda: view.viewer.path == str(folder / "copy.json"), timeout=INDEX_TIMEOUT_MS)

    view.once_box.setChecked(True)
    qtbot.waitUntil(lambda: view.model.total == 2, timeout=INDEX_TIMEOUT_MS)
