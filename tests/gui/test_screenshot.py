"""docs/screenshot.png: the window with a search for a person, the facets and an open article.

Needs a real X display: xvfb-run -s "-screen 0 1400x900x24" python -m pytest -m screenshot tests/gui
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import INDEX_TIMEOUT_MS, search_for

REPO = Path(__file__).resolve().parents[2]
PERSON = "Chomsky"


needs_display = pytest.mark.skipif(not os.environ.get("DISPLAY"), reason="needs an X display (run under xvfb-run)")


@pytest.fixture
def sample_window(qtbot, make_window):
    """The window on the X display with the bundled sample indexed."""
    if QApplication.platformName() != "xcb":
        pytest.skip("run the screenshot marker alone so Qt starts on the X display")
    window = make_window()
    with qtbot.waitSignal(window.indexing_finished, timeout=INDEX_TIMEOUT_MS,
                          check_params_cb=lambda kind, _r: kind == "add"):
        window.load_sample()
    return window


@pytest.mark.screenshot
@needs_display
def test_screenshot_of_a_person_search(qtbot, sample_window):
    window = sample_window
    window.resize(1360, 860)
    view = window.search_view
    search_for(qtbot, window, PERSON)
    qtbot.waitUntil(lambda: view.viewer.path == view.model.hit(0).path, timeout=INDEX_TIMEOUT_MS)
    window.bar.hide()
    qtbot.wait(300)  # let the last paint land
    target = REPO / "docs" / "screenshot.png"
    target.parent.mkdir(exist_ok=True)
    assert window.grab().save(str(target))


@pytest.mark.screenshot
@needs_display
def test_screenshot_of_a_coverage_window(qtbot, sample_window):
    sample_window.show_coverage("Barack Obama", "person")
    coverage = sample_window.coverage_window
    qtbot.waitUntil(lambda: coverage.profile is not None and coverage.profile.name == "Barack Obama",
                    timeout=INDEX_TIMEOUT_MS)
    coverage.resize(1100, 760)
    qtbot.wait(400)  # let the charts paint
    target = REPO / "docs" / "coverage.png"
    assert coverage.grab().save(str(target))
