"""The per-user desktop entry: what --install-desktop-entry writes and --uninstall-desktop-entry removes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from searchapp.config import desktop_entry


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    base = tmp_path / "xdg data"  # a space, so Exec quoting is exercised by the validator test too
    monkeypatch.setenv("XDG_DATA_HOME", str(base))
    monkeypatch.setattr(sys, "platform", "linux")
    return base


@pytest.fixture
def launcher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend we were started by a pipx launcher at a path with a space in it."""
    script = tmp_path / "my bin" / "searchapp"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "argv", [str(script), "--install-desktop-entry"])
    monkeypatch.delattr(sys, "frozen", raising=False)
    return script


def _files_under(base: Path) -> set[Path]:
    return {p for p in base.rglob("*") if p.is_file()}


def test_install_writes_entry_and_every_icon(xdg: Path, launcher: Path, capsys: pytest.CaptureFixture) -> None:
    assert desktop_entry.install() == 0
    written = _files_under(xdg)
    assert written == set(desktop_entry.installed_paths(xdg))
    assert xdg / "applications" / "io.github.searchapp.SearchApp.desktop" in written
    for size in desktop_entry.ICON_SIZES:
        png = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "io.github.searchapp.SearchApp.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = xdg / "icons" / "hicolor" / "scalable" / "apps" / "io.github.searchapp.SearchApp.svg"
    assert b"<svg" in svg.read_bytes()
    out = capsys.readouterr().out
    assert "Installed menu entry" in out and str(launcher) in out


def test_exec_points_at_running_launcher_quoted(xdg: Path, launcher: Path) -> None:
    assert desktop_entry.install() == 0
    text = desktop_entry.desktop_file_path(xdg).read_text(encoding="utf-8")
    assert f'Exec="{launcher}"'.replace("\\", "\\\\") in text.splitlines()
    assert "Icon=io.github.searchapp.SearchApp" in text


def test_frozen_app_points_at_its_executable(xdg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/searchapp/searchapp")
    assert desktop_entry.launcher_command() == ["/opt/searchapp/searchapp"]


def test_python_m_falls_back_to_interpreter(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "__main__.py")])
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python3"))
    assert desktop_entry.launcher_command() == [str(tmp_path / "bin" / "python3"), "-m", "searchapp"]


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("/usr/bin/searchapp", "/usr/bin/searchapp"),
        ("/a b/searchapp", '"/a b/searchapp"'),
        ("/x/100%/app", "/x/100%%/app"),
        ('/we"ird/$app', '"/we\\\\"ird/\\\\$app"'),
    ],
)
def test_quote_exec_arg(arg: str, expected: str) -> None:
    assert desktop_entry.quote_exec_arg(arg) == expected


def test_uninstall_removes_exactly_what_install_wrote(xdg: Path, launcher: Path) -> None:
    unrelated = xdg / "applications" / "other.desktop"
    unrelated.parent.mkdir(parents=True)
    unrelated.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    other_icon = xdg / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    other_icon.parent.mkdir(parents=True)
    other_icon.write_bytes(b"x")
    before = _files_under(xdg)

    assert desktop_entry.install() == 0
    assert desktop_entry.uninstall() == 0
    assert _files_under(xdg) == before
    # a second uninstall is harmless
    assert desktop_entry.uninstall() == 0


def test_install_is_repeatable(xdg: Path, launcher: Path) -> None:
    assert desktop_entry.install() == 0
    assert desktop_entry.install() == 0
    assert _files_under(xdg) == set(desktop_entry.installed_paths(xdg))


def test_foreign_desktop_file_is_left_alone(xdg: Path, launcher: Path) -> None:
    foreign = desktop_entry.desktop_file_path(xdg)
    foreign.parent.mkdir(parents=True)
    foreign.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n")
    assert desktop_entry.install() == 1
    assert desktop_entry.uninstall() == 1
    assert foreign.read_text().startswith("[Desktop Entry]\nType=Application\nName=Mine")


def test_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_not_offered_on_windows(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert desktop_entry.install() == 1
    assert "Linux" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_written_entry_passes_desktop_file_validate(xdg: Path, launcher: Path) -> None:
    assert desktop_entry.install() == 0
    result = subprocess.run(
        ["desktop-file-validate", str(desktop_entry.desktop_file_path(xdg))],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
