"""What every child process of SearchApp does first: log where its parent logs, leave Ctrl+C to
the parent, and exit as soon as its parent is gone.

A child must never outlive the process that started it: an indexer killed with SIGKILL would
otherwise leave its parsing workers running (re-parented to init) for minutes, and their writes to
a closed pipe end in BrokenPipeError tracebacks on the terminal. Nor may it print Python's own
traceback when its parent is killed while starting it (before it has handed over the child's start-up
data): spawned children start through `spawn_main` here, which exits quietly then.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from multiprocessing import spawn
from multiprocessing.connection import Connection, wait
from typing import Any

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


def stop_children(children: Sequence[tuple[multiprocessing.process.BaseProcess, Connection]], timeout: float) -> None:
    """Ask every child to finish (None down its pipe), then wait for them, up to `timeout` seconds in
    all, and terminate those left. Asked together, they exit together: asked one at a time, each one's
    exit (a large heap given back) waited for the one before it."""
    for _process, pipe in children:
        try:
            pipe.send(None)
        except OSError:  # the child is gone already
            pass
    deadline = time.monotonic() + timeout
    for process, _pipe in children:
        process.join(max(0.0, deadline - time.monotonic()))
    for process, _pipe in children:
        if process.is_alive():
            process.terminate()
            process.join(5)


def spawn_main(**kwds: Any) -> None:
    """A spawned child's start (multiprocessing's spawn_main), quiet when the parent died before handing
    over the start-up data: multiprocessing raised EOFError then, before any code of ours ran, and the
    child printed its traceback on the user's terminal. An error in the child's own work never gets
    here (multiprocessing reports it and exits), so only the start-up read can."""
    try:
        spawn.spawn_main(**kwds)
    except EOFError:
        sys.exit(EXIT_ORPHANED)


_STDLIB_START = "from multiprocessing.spawn import spawn_main; spawn_main("
_QUIET_START = ("try:\n    from searchapp.core.children import spawn_main\n"
                "except ImportError:\n    from multiprocessing.spawn import spawn_main\nspawn_main(")
_STDLIB_COMMAND_LINE = spawn.get_command_line


def _command_line(**kwds: Any) -> list[str]:
    """multiprocessing's command line of a spawned child, started by `spawn_main` above (a frozen app's
    children start through its own executable, as before)."""
    line = _STDLIB_COMMAND_LINE(**kwds)
    return [part.replace(_STDLIB_START, _QUIET_START, 1) if isinstance(part, str) and part.startswith(_STDLIB_START)
            else part for part in line]


spawn.get_command_line = _command_line
