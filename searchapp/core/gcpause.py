"""Python's cycle collector paused while a search, a profile or a coverage chart is worked out.

Each of these makes hundreds of thousands of small objects at once (the name book and counts read from
the cache folder, each document's names, the counters), and CPython's collector runs a pass every 700
new objects, the larger passes walking everything the process holds: in a fresh process at 100,000
articles that was 80-120 ms of a search (`python bench/scale_bench.py`), and reading the kept names
took 232 ms with the collector on against 27 ms without. What these leave behind is collected as usual
once the collector runs again.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the block (left as it was when it is off already, or paused by
    another thread: that thread turns it back on)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def with_collector_paused(function: F) -> F:
    """`function` run with the cycle collector paused."""

    @functools.wraps(function)
    def paused(*args: Any, **kwargs: Any) -> Any:
        with collector_paused():
            return function(*args, **kwargs)

    return paused  # type: ignore[return-value]
