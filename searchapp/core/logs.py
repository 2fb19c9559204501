"""Where log lines go: one rotating file for every process of the app, and the terminal only for
SearchApp's own warnings.

Libraries log too (trafilatura says "discarding data: None" for a page it rejects); those lines
belong in the log file, not in a user's terminal. Child processes (the writer, the readers, the
parsing workers) append to the same file as the process that started them.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE = "searchapp.log"
FILE_FORMAT = "%(asctime)s %(process)d %(levelname)s %(threadName)s %(name)s: %(message)s"
OWN_LOGGERS = "searchapp"


class _Ours(logging.Filter):
    """Only SearchApp's own records (and warnings routed through logging are not ours)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == OWN_LOGGERS or record.name.startswith(OWN_LOGGERS + ".")


def setup_logging(folder: Path | None, *, terminal: bool) -> Path | None:
    """Log INFO and above to a rotating file in `folder` (the app's log folder); with `terminal`,
    also SearchApp's own warnings to standard error. Returns the log file, or None when the folder
    cannot be written (then nothing goes to a file: a read-only home must not stop the app)."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)  # Python warnings from libraries go to the file as well
    log_file = None
    if folder is not None:
        log_file = folder / LOG_FILE
        existing = _file_handler(root)
        if existing is not None and existing.baseFilename != str(log_file.absolute()):
            root.removeHandler(existing)
            existing.close()
            existing = None
        if existing is None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                handler = logging.handlers.RotatingFileHandler(
                    log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
                )
            except OSError:
                log_file = None
            else:
                handler.setFormatter(logging.Formatter(FILE_FORMAT))
                root.addHandler(handler)
    if terminal and not any(getattr(h, "searchapp_terminal", False) for h in root.handlers):
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.addFilter(_Ours())
        console.setFormatter(logging.Formatter("searchapp: %(message)s"))
        console.searchapp_terminal = True  # type: ignore[attr-defined]
        root.addHandler(console)
    return log_file


def current_log_file() -> str | None:
    """The file this process logs to, for the child processes it starts (None: no file)."""
    handler = _file_handler(logging.getLogger())
    return handler.baseFilename if handler is not None else None


def setup_child_logging(log_file: str | None) -> None:
    """In a child process: append to the parent's log file, and never print to the terminal.

    A WatchedFileHandler reopens the file when the parent's handler rotates it away."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    logging.captureWarnings(True)
    handler: logging.Handler = logging.NullHandler()
    if log_file:
        try:
            handler = logging.handlers.WatchedFileHandler(log_file, encoding="utf-8")
        except OSError:
            handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(FILE_FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _file_handler(logger: logging.Logger) -> logging.FileHandler | None:
    return next((h for h in logger.handlers if isinstance(h, logging.FileHandler)), None)
