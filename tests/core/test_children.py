"""A spawned child whose parent dies before handing over its start-up data exits quietly."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys

import pytest

from searchapp.core import children


@pytest.mark.skipif(sys.platform == "win32", reason="the start-up pipe is a handle on Windows")
def test_a_child_started_for_a_parent_already_gone_prints_nothing() -> None:
    # the start-up pipe's writing end closed before anything is written: the parent killed meanwhile
    read_end, write_end = os.pipe()
    os.close(write_end)
    try:
        quiet = subprocess.run(multiprocessing.spawn.get_command_line(pipe_handle=read_end), pass_fds=(read_end,),
                               capture_output=True, text=True, timeout=60, check=False)
        stdlib = subprocess.run(children._STDLIB_COMMAND_LINE(pipe_handle=read_end), pass_fds=(read_end,),
                                capture_output=True, text=True, timeout=60, check=False)
    finally:
        os.close(read_end)
    assert "EOFError" in stdlib.stderr and stdlib.returncode == 1  # what a user saw on the terminal
    assert quiet.stderr == "" and quiet.stdout == "" and quiet.returncode == children.EXIT_ORPHANED


def test_children_start_and_work_through_the_quiet_start() -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        assert pool.map(abs, [-1, -2]) == [1, 2]
