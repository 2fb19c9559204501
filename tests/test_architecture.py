"""The core and config stay Qt-free: import-linter contract and a fresh interpreter check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import sys, searchapp.core.index, searchapp.core.search, searchapp.core.export, searchapp.cli, "
        "searchapp.config.paths; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'searchapp.gui'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken" in result.stdout
