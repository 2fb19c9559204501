"""The cycle collector is paused for a search's burst of objects, and always turned back on."""

from __future__ import annotations

import gc

import pytest

from searchapp.core.gcpause import collector_paused, with_collector_paused


@with_collector_paused
def _state(fail: bool = False) -> bool:
    if fail:
        raise ValueError("a search that fails")
    return gc.isenabled()


def test_the_collector_is_off_inside_and_on_again_after_even_when_the_work_fails() -> None:
    assert gc.isenabled()
    assert _state() is False and gc.isenabled()
    with pytest.raises(ValueError):
        _state(fail=True)
    assert gc.isenabled()


def test_a_collector_already_off_is_left_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # whoever turned it off turns it on
    finally:
        gc.enable()
