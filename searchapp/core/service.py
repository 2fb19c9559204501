"""A child process that serves requests over a pipe: the base of the writer and reader processes.

The parent sends `(method, args)`; the child answers with any number of `("progress", ...)` and
`("commit", ...)` messages and then one `("result", value)` or `("error", (kind, text, details))`.
Cancellation travels the same pipe: while a request runs, the parent may send `("cancel", None)`,
which the child notices when it next asks `cancelled()`. (No multiprocessing Event: its named
semaphores are reported as leaked when the window's process is killed.) If the child dies, the
call raises SearchAppError and the next call starts a fresh child (until close(): then calls
fail); if the parent dies, the child exits too (children.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from searchapp.core import errors
from searchapp.core.children import prepare_child
from searchapp.core.errors import SearchAppError
from searchapp.core.logs import current_log_file

log = logging.getLogger(__name__)

POLL_S = 0.05


def error_message(error: Exception) -> tuple[str, str, str]:
    """What the child sends for a failed request: the error's class name, its text and, for an
    unexpected error, the traceback (a SearchAppError is an expected outcome and has none)."""
    if isinstance(error, SearchAppError):
        return type(error).__name__, str(error), ""
    return "", f"{type(error).__name__}: {error}", traceback.format_exc()


def raise_error(kind: str, text: str) -> None:
    """Raise in the parent what the child reported: the same SearchAppError subclass when it is one."""
    cls = getattr(errors, kind, None) if kind else None
    if not (isinstance(cls, type) and issubclass(cls, SearchAppError)):
        cls = SearchAppError
    raise cls(text)


class ServiceProcess:
    """One child process started on first use; calls are answered one at a time, from any thread.

    After close() no call starts a child again: it raises SearchAppError instead.
    """

    name = "searchapp-service"
    what = "The background process"  # how an unexpected exit is described to the user
    daemon = False  # a daemon child cannot start processes of its own (the writer's parsing pool)

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        self._target = target
        self._args = args
        self._context = multiprocessing.get_context("spawn")
        self._cancel = threading.Event()  # close() asks the running request to stop
        self._lock = threading.Lock()  # one request on the pipe at a time
        self._process: Any = None
        self._conn: Connection | None = None
        self._closed = False

    def start(self) -> None:
        """Start the child now (it is otherwise started by the first call), so it is warm when needed."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> Connection:
        if self._closed:
            raise SearchAppError(f"{self.what} has been shut down.")
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._discard()  # a child that died between requests: its pipe and its exit status
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_child_main,
            args=(child, current_log_file(), self._target, self._args),
            name=self.name,
            daemon=self.daemon,
        )
        try:
            process.start()
        finally:
            child.close()
        self._process, self._conn = process, parent
        return parent

    def _call(
        self,
        method: str,
        args: tuple[Any, ...],
        on_message: Callable[[str, Any], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        skip: Callable[[], bool] | None = None,
    ) -> Any:
        """Send one request and wait for its answer; None without sending when `skip()` is true once
        this call's turn has come (a search the user has typed over while it waited)."""
        with self._lock:
            if skip is not None and skip():
                return None
            conn = self._ensure_started()
            self._cancel.clear()
            try:
                conn.send((method, args))
                kind, payload = self._wait(conn, on_message, cancelled)
            except SearchAppError:
                raise  # the child is gone, and was discarded
            except OSError as error:  # the pipe broke under the request
                self._kill()
                raise SearchAppError(f"{self.what} stopped unexpectedly; it restarts on the next request.") from error
            except BaseException:
                # Anything else (a callback that raised, an answer that cannot be read) leaves the rest of
                # this answer in the pipe, where the next call would read it as its own: start afresh.
                self._kill()
                raise
        if kind == "error":
            error_kind, text, details = payload
            if details:
                log.error("%s failed in %s:\n%s", method, self.name, details)
            raise_error(error_kind, text)
        return payload

    def _wait(
        self,
        conn: Connection,
        on_message: Callable[[str, Any], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> tuple[str, Any]:
        """Messages until the answer: ("result", value) or ("error", (kind, text, details))."""
        asked_to_stop = False
        while True:
            if not asked_to_stop and (self._cancel.is_set() or (cancelled is not None and cancelled())):
                conn.send(("cancel", None))
                asked_to_stop = True
            try:
                ready = conn.poll(POLL_S)
                message = conn.recv() if ready else None
            except (EOFError, OSError):
                message = None
                ready = True
            if message is None:
                if ready or not self._process.is_alive():
                    self._process.join(1.0)  # it closed the pipe: let it finish exiting
                    code = self._process.exitcode
                    self._discard()
                    raise SearchAppError(
                        f"{self.what} stopped unexpectedly (exit code {code}); it restarts on the next request."
                    )
                continue
            kind, payload = message
            if kind in ("result", "error"):
                return kind, payload
            if on_message is not None:
                on_message(kind, payload)

    def _kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
        self._discard()

    def _discard(self) -> None:
        if self._conn is not None:
            self._conn.close()
        if self._process is not None and not self._process.is_alive():
            self._process.join(0)  # reap it
        self._conn = None
        self._process = None

    def close(self, timeout: float = 10.0) -> None:
        """Ask the child to finish and wait for it. A running request is asked to cancel (the writer
        checks; a read just runs out); a child still busy after `timeout` is stopped."""
        self._closed = True
        self._cancel.set()
        if not self._lock.acquire(timeout=timeout):
            # A request is still running: stop the child; the waiting call reports the exit.
            process = self._process
            if process is not None:
                log.warning("%s still busy after %.1f s; stopping it", self.name, timeout)
                process.terminate()
            return
        try:
            process = self._process
            if process is None:
                return
            try:
                if self._conn is not None:
                    self._conn.send(None)
            except OSError:
                pass
            process.join(timeout)
            if process.is_alive():
                log.warning("%s still busy after %.1f s; stopping it", self.name, timeout)
                process.terminate()
                process.join(5)
            self._discard()
        finally:
            self._lock.release()


class Requests:
    """The child's end of the pipe: the requests to answer, and whether the running one is cancelled."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cancelled = False
        self._closing = False  # the parent sent None (close) while a request ran

    def cancelled(self) -> bool:
        """True once the parent has asked the running request to stop (or has gone away)."""
        try:
            while not self._cancelled and self.conn.poll():
                message = self.conn.recv()
                self._closing = message is None
                self._cancelled = True
        except (EOFError, OSError):
            self._cancelled = self._closing = True
        return self._cancelled

    def send(self, kind: str, payload: Any) -> None:
        self.conn.send((kind, payload))

    def serve(self, handle: Callable[[str, tuple[Any, ...]], Any]) -> None:
        """Answer requests with `handle(method, args)` until the pipe closes or None comes."""
        while not self._closing:
            request = self.conn.recv()
            if request is None:
                return
            if request[0] == "cancel":
                continue  # for a request that had already finished
            method, args = request
            self._cancelled = False
            try:
                result = handle(method, args)
            except Exception as error:  # noqa: BLE001 - every failure is reported to the parent
                self.send("error", error_message(error))
            else:
                self.send("result", result)


def _child_main(
    conn: Connection, log_file: str | None, target: Callable[..., None], args: tuple[Any, ...]
) -> None:
    """Every service child: log to the app's log, stop with the parent, then serve."""
    prepare_child(log_file)
    try:
        target(Requests(conn), *args)
    except (EOFError, BrokenPipeError, ConnectionResetError):
        pass  # the parent went away while this child answered: nothing to tell anyone
    finally:
        conn.close()


def lower_priority(niceness: int) -> None:
    """Background work yields the CPU to the window and the user's other programs."""
    if hasattr(os, "nice"):
        os.nice(niceness)
