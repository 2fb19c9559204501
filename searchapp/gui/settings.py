"""Window settings (geometry, splitters, sort, last query, history) in an INI file in the config folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from searchapp.config import paths


def open_settings() -> QSettings:
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def string_list(settings: QSettings, key: str) -> list[str]:
    """A list saved with setValue; QSettings hands back a str for one item and None for none."""
    value = settings.value(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]
