"""Shared fixtures: where ../shared is, and throwaway data folders for every test."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# Property tests: the same examples on every run (CI must not turn red by chance), no example database
# written into the checkout, and no per-example deadline on a machine shared with other work.
# `pytest --hypothesis-profile=explore` tries new examples.
settings.register_profile("searchapp", database=None, deadline=None, derandomize=True, max_examples=150)
settings.register_profile("explore", database=None, deadline=None, max_examples=1000)
settings.load_profile("searchapp")
# Its caches (Unicode tables, constants) go to the temporary folder too: tests write nothing into the checkout.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"searchapp-hypothesis-{os.getuid() if hasattr(os, 'getuid') else 0}")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"
EVAL = SHARED / "eval"

# Qt runs offscreen unless a test opts into a real display (the screenshot marker).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SHARED_MISSING = (
    "the team's shared test data (../shared, a folder kept beside the project on the team's machines and in "
    "CI; it is not part of a clone of the repository), so this test is skipped"
)


def corpus_path(*parts: str) -> Path:
    """A path inside ../shared/corpora, or skip the test, saying what is missing and why."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the news corpus ../shared/corpora/{'/'.join(parts)} from {SHARED_MISSING}")
    return path


def eval_path(*parts: str) -> Path:
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs the gold annotations ../shared/eval/{'/'.join(parts)} from {SHARED_MISSING}")
    return path


@pytest.fixture(autouse=True)
def _isolated_app_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data, config or log folders."""
    base = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("SEARCHAPP_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SEARCHAPP_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("SEARCHAPP_LOG_DIR", str(base / "log"))
    monkeypatch.setenv("SEARCHAPP_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("SEARCHAPP_INDEX", raising=False)


class Tmpfs:
    """A small tmpfs of the test's own: a real drive that fills up, or goes read-only."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def remount(self, options: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{options}", str(self.path)], check=True)


@pytest.fixture
def tmpfs(tmp_path: Path):
    """Mount a 16 MB tmpfs at tmp_path/drive (root only: CI runs as root; skipped otherwise), and
    unmount it afterwards whatever happened."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs the tests as root)")
    if shutil.which("mount") is None:
        pytest.skip("no mount command here")
    drive = tmp_path / "drive"
    drive.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(drive)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs in this container: {mounted.stderr.strip()}")
    try:
        yield Tmpfs(drive)
    finally:
        subprocess.run(["umount", "-l", str(drive)], check=False)
