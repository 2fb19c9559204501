from __future__ import annotations

from pathlib import Path

from searchapp.config import settings
from searchapp.config.paths import default_index_dir


def test_defaults_when_nothing_saved() -> None:
    loaded = settings.load()
    assert loaded.index_path() == default_index_dir()
    assert loaded.max_file_size == 20 * 1024 * 1024


def test_round_trip(tmp_path: Path) -> None:
    settings.save(settings.Settings(index_dir=str(tmp_path / "ix"), max_file_size_mb=2))
    loaded = settings.load()
    assert loaded.index_path() == tmp_path / "ix" and loaded.max_file_size == 2 * 1024 * 1024


def test_a_broken_file_gives_defaults(caplog) -> None:
    settings.settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings.settings_path().write_text("{not json")
    assert settings.load() == settings.Settings()
    assert "unreadable settings" in caplog.text
