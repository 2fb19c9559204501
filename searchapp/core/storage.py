"""The index folder on disk: Whoosh's files, the JSON files beside them, and the writers' lock.

Opening tells the cases a user must hear about apart: a folder this process may not write to (it
is searched read-only), a damaged index (a segment file cut short or missing, a bad table of
contents: named, with how to rebuild it), and a moment when another process is committing (the
open is simply tried again). The lock file keeps one SearchApp writer per index for a whole run:
Whoosh's own lock is free between two commits, where another writer could slip in.
"""

from __future__ import annotations

import errno
import gc
import json
import logging
import os
import pickle
import re
import shutil
import struct
import time
import traceback
import warnings
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.reading import CorruptIndexError
from whoosh.util.filelock import FileLock

from searchapp.core import whoosh_fixes  # noqa: F401 - applied on import, before any index is opened
from searchapp.core.entities.aliases import ALIASES_FILE
from searchapp.core.entities.corrections import CORRECTIONS_FILE
from searchapp.core.errors import IndexBusyError, IndexDamagedError, IndexReadOnlyError, SearchAppError

log = logging.getLogger(__name__)

META_FILE = "searchapp.json"
PROBLEMS_FILE = "problems.json"
INDEX_NAME = "articles"
LOCK_FILE = "searchapp.lock"
OPEN_ATTEMPTS = 5  # an open that fails while another process commits is tried again
LOCK_POLL_S = 0.2

# What reading a cut-short, missing or garbled Whoosh file raises (a bad pickle can raise almost anything).
DECODE_ERRORS = (
    CorruptIndexError, EOFError, struct.error, pickle.UnpicklingError, zlib.error, UnicodeDecodeError, FileNotFoundError
)


def write_json(path: Path, data: Any) -> None:
    """Write atomically: a crash (or a full disk) leaves the old file or the new one, never half of one."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    try:
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def read_json(path: Path, default: Any) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return default
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable %s: %s", path, error)
        return default


def is_writable(location: Path) -> bool:
    """Whether this process may create files in the index folder (permissions, a read-only mount)."""
    return os.access(location, os.W_OK | os.X_OK)


def rebuild_hint(location: Path) -> str:
    return (
        f"Index your folders again to rebuild it (`searchapp index --index {location} FOLDER...`; "
        "the window does this itself when it opens the index). Your files are not touched."
    )


def damaged(location: Path, detail: str) -> IndexDamagedError:
    error = IndexDamagedError(f"The index at {location} is damaged ({detail}). {rebuild_hint(location)}")
    error.detail = detail
    return error


def _detail(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError) and error.filename:
        return f"the file {Path(error.filename).name} is missing"
    if isinstance(error, whoosh_index.EmptyIndexError):
        return "its table of contents is missing"
    if isinstance(error, CorruptIndexError):
        return str(error)
    if isinstance(error, (EOFError, struct.error)) or "truncated" in str(error):
        return f"a file is cut short: {type(error).__name__}: {error}"
    return f"its files cannot be read: {type(error).__name__}: {error}"


_TOC_NAME = re.compile(rf"^_{INDEX_NAME}_(\d+)\.toc$")


def generation(location: Path) -> int:
    """The number of the latest commit (from the names of the tables of contents); -1 for none."""
    try:
        names = os.listdir(location)
    except OSError:
        return -1
    return max((int(m.group(1)) for m in map(_TOC_NAME.match, names) if m), default=-1)


def open_whoosh(location: Path, *, readonly: bool) -> whoosh_index.Index:
    """Open the Whoosh index and every segment of it; IndexDamagedError if its files are damaged.

    A commit by another process deletes the segments it merged: an open that began just before can
    find one missing. That is not damage, so an open is tried again while the generation moves."""
    for attempt in range(OPEN_ATTEMPTS):
        before = generation(location)
        try:
            ix = whoosh_index.open_dir(str(location), indexname=INDEX_NAME, readonly=readonly)
            with ix.searcher() as searcher:  # opens every segment's files
                searcher.doc_count()
            return ix
        except PermissionError as error:
            raise SearchAppError(f"Cannot read the index at {location}: {error.strerror}.") from None
        except OSError as error:
            if error.errno != errno.ENOENT:
                raise SearchAppError(f"Cannot read the index at {location}: {error.strerror or error}.") from None
            failure: BaseException = error
        except Exception as error:  # noqa: BLE001 - a garbled pickle raises anything at all
            failure = error
        detail = _detail(failure)
        # The details go to the log file (INFO: not on the terminal, where the message is enough).
        log.info("cannot open the index at %s:\n%s", location, "".join(traceback.format_exception(failure)))
        _drop_open_files(failure)
        if generation(location) == before and attempt:
            break  # the same files failed twice: they are damaged, not being replaced
        time.sleep(0.05 * (attempt + 1))
    raise damaged(location, detail)


def _drop_open_files(error: BaseException) -> None:
    """Whoosh leaves the files of a segment it failed to read to the garbage collector: let them go
    now, quietly (their frames hold them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        traceback.clear_frames(error.__traceback__)
        error.__traceback__ = None
        gc.collect()


@contextmanager
def reading(location: Path) -> Iterator[None]:
    """Turn what Whoosh raises on a damaged file, met while searching, into IndexDamagedError."""
    try:
        yield
    except DECODE_ERRORS as error:
        frames = traceback.extract_tb(error.__traceback__)
        if not any(f"{os.sep}whoosh{os.sep}" in frame.filename for frame in frames):
            raise
        log.info("damaged index at %s:\n%s", location, "".join(traceback.format_exception(error)))
        detail = _detail(error)
        _drop_open_files(error)
        raise damaged(location, detail) from None


# The user's own files beside the index outlive a rebuild: the folder list, name corrections and the
# collection's aliases (see core/entities).
KEPT_ON_REBUILD = frozenset({META_FILE, LOCK_FILE, CORRECTIONS_FILE, CORRECTIONS_FILE + ".lock", ALIASES_FILE})


def clear_index_files(location: Path) -> None:
    """Delete Whoosh's files (for a rebuild); the folder list and the user's own files stay."""
    for entry in location.iterdir():
        if entry.name in KEPT_ON_REBUILD:
            continue
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


class RunLock:
    """One SearchApp writer per index, for a whole indexing run (an OS file lock: a killed holder
    releases it). The holder writes its process id and what it does into the file, for the waiter."""

    def __init__(self, location: Path) -> None:
        self.location = location
        self.path = location / LOCK_FILE
        self._lock = FileLock(str(self.path))

    def _try(self) -> bool:
        try:
            return bool(self._lock.acquire(blocking=False))
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise IndexReadOnlyError(read_only_message(self.location)) from None
            raise

    def holder(self) -> str:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""
        return text

    def acquire(self, *, wait: bool, what: str, on_wait: Callable[[str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> bool:
        """Take the lock; False if `cancelled()` while waiting. Without `wait`, IndexBusyError at once."""
        if not self._try():
            holder = self.holder()
            busy = (f"Another SearchApp process{f' ({holder})' if holder else ''} is writing to the "
                    f"index at {self.location}")
            if not wait:
                raise IndexBusyError(f"{busy}; try again when it has finished.")
            log.info("%s; waiting", busy)
            if on_wait is not None:
                on_wait(busy)
            while not self._try():
                if cancelled is not None and cancelled():
                    return False
                time.sleep(LOCK_POLL_S)
        fd = self._lock.fd
        if fd is not None:
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"process {os.getpid()}, {what}".encode())
            except OSError:
                pass  # the note is a courtesy; a full disk must not stop the lock
        return True

    def release(self) -> None:
        fd = self._lock.fd
        if fd is not None:
            try:
                os.ftruncate(fd, 0)
            except OSError:
                pass
            self._lock.release()


def read_only_message(location: Path) -> str:
    try:
        drive = bool(os.statvfs(location).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        drive = False
    why = "it is on a read-only drive" if drive else "this user has no permission to write to it"
    return (
        f"The index at {location} is read-only ({why}): it can be searched, but not changed. "
        "To index, use an index folder you can write to (--index DIR)."
    )
