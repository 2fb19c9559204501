"""Worker processes for CPU work (reading and parsing files), fed over plain pipes.

Not concurrent.futures.ProcessPoolExecutor: its queues are built on named semaphores, and when the
process that owns them is killed, multiprocessing's resource tracker prints "leaked semaphore
objects" on the terminal; its workers also outlived a killed parent. Here every worker has two
one-way pipes (tasks in, results out) and exits when its parent does (see children.py).

A thread in the parent drains the results as they come, so the workers keep parsing while the
parent is busy elsewhere (committing, say). A worker that dies takes only its own batches with it:
they come back as failures, and a fresh worker takes its place.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from searchapp.core.children import prepare_child, stop_children
from searchapp.core.logs import current_log_file

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 64  # batches sent ahead: parsing goes on while the parent commits


@dataclass(frozen=True)
class Done:
    """One batch's outcome: the function's value, or the reason it has none."""

    batch: Any
    value: Any = None
    error: str = ""  # the function raised, or its worker died


def _worker(tasks: Connection, results: Connection, log_file: str | None) -> None:
    prepare_child(log_file)
    while True:
        try:
            message = tasks.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message is None:
            return
        number, function, batch = message
        try:
            outcome: tuple[Any, str] = (function(batch), "")
        except Exception as error:  # noqa: BLE001 - reported to the parent with the batch
            log.exception("a worker task failed")
            outcome = (None, f"{type(error).__name__}: {error}")
        try:
            results.send((number, outcome))
        except OSError:
            return


class _Worker:
    def __init__(self, context: Any, log_file: str | None) -> None:
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_worker, args=(task_reader, result_writer, log_file), name="searchapp-parser", daemon=True
        )
        self.process.start()
        task_reader.close()
        result_writer.close()
        self.pending: dict[int, Any] = {}  # batch number -> batch, sent and not answered yet


class ProcessPool:
    """`workers` processes started on first use; `map_unordered` runs one function over batches."""

    def __init__(self, workers: int) -> None:
        self.size = max(1, workers)
        self._context = multiprocessing.get_context("spawn")  # the window's process has threads: no fork
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()  # the worker list, shared with the collecting thread
        self._done: queue.Queue[tuple[int, tuple[Any, str]]] = queue.Queue()
        self._collector: threading.Thread | None = None
        self._stopping = threading.Event()
        self._number = 0
        self._log_file = current_log_file()

    def _start(self) -> None:
        if self._collector is not None:
            return
        self._workers = [_Worker(self._context, self._log_file) for _ in range(self.size)]
        self._collector = threading.Thread(target=self._collect, name="pool-results", daemon=True)
        self._collector.start()

    def _collect(self) -> None:
        """Move answers from the workers' pipes into the queue; notice workers that die."""
        while not self._stopping.is_set():
            with self._lock:
                by_pipe = {worker.results: worker for worker in self._workers}
                sentinels = {worker.process.sentinel: worker for worker in self._workers}
            ready = wait([*by_pipe, *sentinels], timeout=0.2)
            for item in ready:
                worker = by_pipe.get(item)
                if worker is not None:
                    try:
                        number, outcome = worker.results.recv()
                    except (EOFError, OSError):
                        continue  # it died: its sentinel says so
                    with self._lock:
                        worker.pending.pop(number, None)
                    self._done.put((number, outcome))
            for item in ready:
                worker = sentinels.get(item)
                if worker is not None and not self._stopping.is_set():
                    self._replace(worker)

    def _replace(self, dead: _Worker) -> None:
        """A worker died (killed, out of memory, a crash in a C library): its batches fail, a new one starts."""
        while dead.results.poll():  # answers it sent before dying still count
            try:
                number, outcome = dead.results.recv()
            except (EOFError, OSError):
                break
            dead.pending.pop(number, None)
            self._done.put((number, outcome))
        code = dead.process.exitcode
        log.warning("a parsing process stopped unexpectedly (exit code %s)", code)
        with self._lock:
            self._workers.remove(dead)
            replacement = _Worker(self._context, self._log_file)
            self._workers.append(replacement)
        for number in dead.pending:
            self._done.put((number, (None, f"the parsing process stopped while reading it (exit code {code})")))
        dead.tasks.close()
        dead.results.close()

    def map_unordered(
        self,
        function: Callable[[Any], Any],
        batches: Sequence[Any],
        cancelled: Callable[[], bool] = lambda: False,
        *,
        help_out: bool = True,
    ) -> Iterator[Done]:
        """`function(batch)` for every batch, in the workers, yielded as they finish. With
        `help_out`, when no answer is ready this process runs the next batch itself rather than
        wait. No batch is sent once `cancelled()`; answers that come after the caller stopped
        asking are dropped (batch numbers are never reused)."""
        self._start()
        sent: dict[int, Any] = {}
        position = 0
        window = IN_FLIGHT_PER_WORKER * self.size
        while position < len(batches) or sent:
            while position < len(batches) and len(sent) < window and not cancelled():
                self._send(function, batches[position], sent)
                position += 1
            if not sent:
                return
            answer = self._answer(block=False)
            if answer is None:
                if help_out and position < len(batches) and not cancelled():
                    position += 1
                    yield _run_here(function, batches[position - 1])
                    continue
                answer = self._answer(block=True)
            number, (value, error) = answer
            batch = sent.pop(number, None)
            if batch is not None:  # else an answer for a run that stopped early
                yield Done(batch, value, error)

    def _answer(self, *, block: bool) -> tuple[int, tuple[Any, str]] | None:
        while True:
            try:
                return self._done.get(timeout=0.5) if block else self._done.get_nowait()
            except queue.Empty:
                if not block:
                    return None
                if self._collector is None or not self._collector.is_alive():
                    raise RuntimeError("the worker pool stopped collecting answers") from None

    def _send(self, function: Callable[[Any], Any], batch: Any, sent: dict[int, Any]) -> None:
        self._number += 1
        number = self._number
        with self._lock:
            worker = min(self._workers, key=lambda w: len(w.pending))
            worker.pending[number] = batch
        sent[number] = batch
        try:
            worker.tasks.send((number, function, batch))
        except OSError:
            pass  # the worker died: its sentinel makes the collector fail this batch

    def close(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        with self._lock:
            workers = list(self._workers)
        # Every worker asked to finish at once; the collector wakes when the first one ends (it waits
        # on their sentinels), not at its next timeout.
        stop_children([(worker.process, worker.tasks) for worker in workers], timeout)
        if self._collector is not None:
            self._collector.join(timeout)
            self._collector = None
        self._workers = []
        for worker in workers:
            worker.tasks.close()
            worker.results.close()


def _run_here(function: Callable[[Any], Any], batch: Any) -> Done:
    try:
        return Done(batch, function(batch))
    except Exception as error:  # noqa: BLE001 - the same as in a worker
        log.exception("a task failed")
        return Done(batch, None, f"{type(error).__name__}: {error}")
