"""Where SearchApp keeps its data: platformdirs locations, overridable by environment and flags."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SearchApp"
APP_AUTHOR = "SearchApp"


def data_dir() -> Path:
    """User data folder (index, problems list). SEARCHAPP_DATA_DIR overrides it."""
    override = os.environ.get("SEARCHAPP_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_index_dir() -> Path:
    """The index used when no --index is given."""
    override = os.environ.get("SEARCHAPP_INDEX")
    if override:
        return Path(override)
    return data_dir() / "index"


def cache_dir() -> Path:
    """Files SearchApp can always make again (what it worked out about an index's names).
    SEARCHAPP_CACHE_DIR overrides it."""
    override = os.environ.get("SEARCHAPP_CACHE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    override = os.environ.get("SEARCHAPP_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get("SEARCHAPP_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
