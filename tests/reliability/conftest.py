"""The reliability suite: SearchApp run as a user runs it (its own processes), under real faults.

Every fault is made for real: SIGKILL, permission bits with root's override dropped, a tmpfs that
fills up, files cut short. Everything is written under the test's temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.factories import make_txt_folder, write_json_records

RECORDS_PER_FILE = 7  # every .jsonl file of the corpus holds this many articles


def searchapp_env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(SEARCHAPP_DATA_DIR=str(base / "data"), SEARCHAPP_CONFIG_DIR=str(base / "config"),
               SEARCHAPP_LOG_DIR=str(base / "log"), QT_QPA_PLATFORM="offscreen")
    return env


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "searchapp", *args]


def start(base: Path, *args: str, prefix: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    """`searchapp ARGS` in a process of its own, its output collected."""
    return subprocess.Popen([*prefix, *command(*args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=searchapp_env(base))


def run(base: Path, *args: str, prefix: tuple[str, ...] = (), timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, *command(*args)], capture_output=True, text=True, env=searchapp_env(base),
                          timeout=timeout, check=False)


def stats(base: Path, index: Path) -> dict[str, int]:
    """Articles and files in the index, as `searchapp stats` prints them."""
    result = run(base, "stats", "--index", str(index))
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("articles:"))
    words = line.replace(",", "").split()
    return {"articles": int(words[1]), "files": int(words[3])}


def total(base: Path, index: Path, query: str = "") -> int:
    result = run(base, "search", query, "--index", str(index), "--json", "--limit", "1")
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["total"])


def assert_clean(output: str) -> None:
    """What a user must never see: a traceback, or multiprocessing's report of leaked semaphores."""
    assert "Traceback" not in output, output
    assert "leaked" not in output, output
    assert "resource_tracker" not in output, output


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc)."""
    found: set[int] = set()
    pending = [pid]
    while pending:
        parent = pending.pop()
        try:
            listed = list(Path(f"/proc/{parent}/task").glob("*/children"))
        except OSError:  # it ended meanwhile
            continue
        for children in listed:
            try:
                pids = {int(p) for p in children.read_text().split()}
            except OSError:
                continue
            pending += list(pids - found)
            found |= pids
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_until(condition, timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def make_corpus(folder: Path, *, text_files: int, record_files: int) -> int:
    """Plain-text articles and JSON Lines files of RECORDS_PER_FILE articles; returns the articles."""
    make_txt_folder(folder / "texts", text_files)
    for number in range(record_files):
        records = [{"title": f"Wire story {number}-{r}", "text": f"Markets moved on day {number}, item {r}.\n\n"
                    "Traders said the harbour strike weighed on shipping shares."} for r in range(RECORDS_PER_FILE)]
        write_json_records(folder / "wires" / f"wire{number:04d}.jsonl", records)
    return text_files + record_files * RECORDS_PER_FILE


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return tmp_path


def linux_only() -> None:
    if not Path("/proc/self/task").exists():
        pytest.skip("reads the process tree from /proc (Linux)")


ROOT_OVERRIDE = ("dac_override", "dac_read_search", "fowner")


@pytest.fixture
def without_root_override(tmp_path: Path) -> Iterator[tuple[str, ...]]:
    """A command prefix that runs a program as this user without root's power to ignore permission
    bits. The tests run as root in CI; setpriv drops those capabilities (root's own files then obey
    their mode bits), since the interpreter may live where another user cannot run it."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield ()  # an ordinary user obeys permission bits already
        return
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("needs setpriv (util-linux) to drop root's override of permission bits")
    prefix = (setpriv, "--bounding-set", ",".join(f"-{cap}" for cap in ROOT_OVERRIDE), "--inh-caps=-all")
    probe = tmp_path / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    tried = subprocess.run([*prefix, "touch", str(probe / "x")], capture_output=True, check=False)
    probe.chmod(0o755)
    if tried.returncode == 0:
        pytest.skip("setpriv could not drop root's override of permission bits here")
    yield prefix
