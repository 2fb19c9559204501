"""User settings shared by the window and the command line, as JSON in the config folder.

Window state (geometry, splitters, last query) lives in QSettings; this file holds what the core
needs: where the index is and how large a file may be.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from searchapp.config.paths import config_dir, default_index_dir

log = logging.getLogger(__name__)
SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    index_dir: str = ""  # empty: the default location in the user data folder
    max_file_size_mb: float = 20.0

    def index_path(self) -> Path:
        return Path(self.index_dir) if self.index_dir else default_index_dir()

    @property
    def max_file_size(self) -> int:
        return int(self.max_file_size_mb * 1024 * 1024)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load() -> Settings:
    """The saved settings; defaults for anything missing or unreadable (a bad file is logged, not fatal)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable settings file %s: %s", settings_path(), error)
        return Settings()
    known = {field.name for field in fields(Settings)}
    try:
        return Settings(**{key: value for key, value in data.items() if key in known})
    except TypeError as error:
        log.warning("ignoring bad settings in %s: %s", settings_path(), error)
        return Settings()


def save(settings: Settings) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=1), encoding="utf-8")
    os.replace(tmp, path)
