"""The user's corrections to names: a small versioned file beside the index, `entities.json`.

Each change is kept, in order, as the user made it (merge, rename, retype, hide, split off), and
applied at query time over the names the extractor wrote, so it needs no re-indexing and survives
re-indexing and upgrades. Undo drops the last change. Writes are atomic (a temporary file replaces
the old one) and, where the platform has `fcntl`, serialised by a lock between processes.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from searchapp.core.errors import SearchAppError

try:  # not on Windows: there, two processes correcting names at the same moment may lose one change
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

CORRECTIONS_FILE = "entities.json"
FORMAT = "searchapp-entity-corrections"
VERSION = 1
OPS = ("merge", "rename", "retype", "hide", "show", "split")
TYPES = ("person", "org")


class CorrectionsError(SearchAppError):
    """The corrections file cannot be read or written."""


@dataclass(frozen=True, slots=True)
class Change:
    """One correction. `names` are the names it is about, as the user saw them."""

    op: str
    names: tuple[str, ...]
    to: str = ""  # merge, rename, split: the name they become
    type: str = ""  # retype: "person" or "org"
    path: str = ""  # split: the article whose mention is someone else
    at: str = field(default="", compare=False)  # when, ISO 8601 (UTC)

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"unknown change {self.op!r}")
        if not self.names or not all(isinstance(n, str) and n.strip() for n in self.names):
            raise ValueError(f"a {self.op} needs at least one name")
        if self.op in ("merge", "rename", "split") and not self.to.strip():
            raise ValueError(f"a {self.op} needs the name to give")
        if self.op == "retype" and self.type not in TYPES:
            raise ValueError("a retype needs the type: person or org")
        if self.op == "split" and not self.path:
            raise ValueError("a split needs the article's path")

    def describe(self) -> str:
        """What the change did, in a user's words."""
        names = ", ".join(self.names)
        if self.op == "merge":
            return f"Merged {names} into {self.to}"
        if self.op == "rename":
            return f"Renamed {names} to {self.to}"
        if self.op == "retype":
            return f"{names}: {'a person' if self.type == 'person' else 'an organisation'}, not " + (
                "an organisation" if self.type == "person" else "a person"
            )
        if self.op == "hide":
            return f"Hid {names}"
        if self.op == "show":
            return f"Showed {names} again"
        return f"Split {names} off as {self.to} in {Path(self.path.split('#')[0]).name}"

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"op": self.op, "names": list(self.names)}
        for key in ("to", "type", "path", "at"):
            if getattr(self, key):
                record[key] = getattr(self, key)
        return record

    @classmethod
    def from_json(cls, record: Any) -> Change:
        if not isinstance(record, dict):
            raise ValueError("a change must be an object")
        names = record.get("names")
        if not isinstance(names, list):
            raise ValueError("a change needs a list of names")
        return cls(
            op=str(record.get("op", "")),
            names=tuple(str(n) for n in names),
            to=str(record.get("to", "")),
            type=str(record.get("type", "")),
            path=str(record.get("path", "")),
            at=str(record.get("at", "")),
        )

    @classmethod
    def new(cls, op: str, names: tuple[str, ...] | list[str], **fields: str) -> Change:
        """A change made now."""
        stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        return cls(op=op, names=tuple(names), at=stamp, **fields)


class Corrections:
    """The corrections file of the index in `index_dir`."""

    def __init__(self, index_dir: str | os.PathLike[str]) -> None:
        self.path = Path(index_dir) / CORRECTIONS_FILE

    def stamp(self) -> tuple[int, int] | None:
        """Changes when the file does (modification time and size), None when there is no file."""
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def load(self) -> tuple[Change, ...]:
        """Every change, oldest first. Raises CorrectionsError when the file is damaged or unreadable."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ()
        except (OSError, UnicodeDecodeError) as error:
            raise CorrectionsError(f"Cannot read the name corrections in {self.path}: {error}.") from None
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a SearchApp corrections file")
            # A newer version may know more kinds of change: the ones this version knows still apply.
            changes = []
            for record in data.get("changes", []):
                if isinstance(record, dict) and record.get("op") not in OPS and data.get("version", 1) > VERSION:
                    continue
                changes.append(Change.from_json(record))
            return tuple(changes)
        except ValueError as error:
            raise CorrectionsError(
                f"The name corrections in {self.path} are damaged ({error}); move the file away to start again."
            ) from None

    def add(self, change: Change) -> tuple[Change, ...]:
        """Append `change`; returns every change."""
        with self._locked():
            changes = (*self.load(), change)
            self._write(changes)
        return changes

    def undo(self) -> Change | None:
        """Drop the last change and return it (None when there is nothing to undo)."""
        with self._locked():
            changes = self.load()
            if not changes:
                return None
            self._write(changes[:-1])
        return changes[-1]

    def remove(self, position: int) -> Change:
        """Drop the change at `position` (0 is the oldest) and return it."""
        with self._locked():
            changes = list(self.load())
            if not 0 <= position < len(changes):
                raise CorrectionsError(f"There is no change number {position + 1}.")
            removed = changes.pop(position)
            self._write(tuple(changes))
        return removed

    def _write(self, changes: tuple[Change, ...]) -> None:
        data = {"format": FORMAT, "version": VERSION, "changes": [c.to_json() for c in changes]}
        temporary = self.path.with_name(self.path.name + ".tmp")
        try:
            with open(temporary, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=1, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise CorrectionsError(
                f"Cannot save the name corrections in {self.path.parent}: {error.strerror or error}."
            ) from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        try:
            handle = open(self.path.with_name(self.path.name + ".lock"), "a")  # noqa: SIM115
        except OSError as error:
            raise CorrectionsError(
                f"Cannot save the name corrections in {self.path.parent}: {error.strerror or error}."
            ) from None
        with handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
