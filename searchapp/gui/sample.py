"""The bundled Wikinews sample: copied into the data folder once, then indexed like any other folder.

A copy, because the package folder is not a stable place for a collection: a PyInstaller one-file build
unpacks to a new temporary folder on each start, and an upgrade moves site-packages.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from searchapp.config import paths

SAMPLE_PACKAGE = "searchapp.resources"
SAMPLE_FOLDER = "sample"


def sample_destination() -> Path:
    return paths.data_dir() / "sample-articles"


def install_sample(destination: Path | None = None) -> Path:
    """Copy the sample articles to `destination` (the data folder by default); returns the folder."""
    destination = destination or sample_destination()
    source = resources.files(SAMPLE_PACKAGE).joinpath(SAMPLE_FOLDER)
    with resources.as_file(source) as folder:
        for path in Path(folder).rglob("*"):
            relative = path.relative_to(folder)
            if path.name == "README.md" and len(relative.parts) == 1:
                relative = Path("README")  # keep the CC BY attribution beside the files, unindexed
            target = destination / relative
            if path.is_dir():
                target.mkdir(parents=True, exist_ok=True)
            elif not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    return destination
