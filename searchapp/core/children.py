"""What every child process of SearchApp does first: log where its parent logs, leave Ctrl+C to
the parent, and exit as soon as its parent is gone.

A child must never outlive the process that started it: an indexer killed with SIGKILL would
otherwise leave its parsing workers running (re-parented to init) for minutes, and their writes to
a closed pipe end in BrokenPipeError tracebacks on the terminal.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
from multiprocessing.connection import Connection, wait

from searchapp.core.logs import setup_child_logging

log = logging.getLogger(__name__)

EXIT_ORPHANED = 3  # the exit status of a child whose parent died


def prepare_child(log_file: str | None) -> None:
    """Call first thing in a child process started with the spawn method."""
    setup_child_logging(log_file)
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl+C stops
    watch_parent()


def watch_parent() -> None:
    """Exit this process at once when its parent dies (any way, SIGKILL included).

    multiprocessing hands a spawned child a sentinel that becomes ready when the parent ends; a
    daemon thread waits on it. Portable, unlike Linux's PR_SET_PDEATHSIG, which also fires when
    the thread (not the process) that started the child ends."""
    parent = multiprocessing.parent_process()
    if parent is None or getattr(parent, "sentinel", None) is None:
        return

    def wait_for_parent() -> None:
        wait([parent.sentinel])
        log.info("the parent process %s ended; this process (%s) stops too", parent.pid, os.getpid())
        os._exit(EXIT_ORPHANED)

    threading.Thread(target=wait_for_parent, name="parent-watch", daemon=True).start()


def stop_child(process: multiprocessing.process.BaseProcess, pipe: Connection, timeout: float) -> None:
    """Ask a child to finish (None down its pipe), wait up to `timeout` seconds, then terminate it."""
    try:
        pipe.send(None)
    except OSError:  # the child is gone already
        pass
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join(5)
