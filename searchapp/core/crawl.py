"""Walk the folders a user added and list the article files in them.

Hidden files and folders are skipped, symlinked folders are followed once, and files of other
types are counted but not listed. Everything else that is not indexed comes back as a problem with
its reason: files over the size limit, folders that cannot be opened, broken links, link loops.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.core.models import Problem
from searchapp.core.parse import SUPPORTED_EXTENSIONS

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class FoundFile:
    path: str
    size: int
    mtime_ns: int
    root: str  # the folder (or file) the user added that this file belongs to


@dataclass
class CrawlResult:
    files: list[FoundFile]
    problems: list[Problem]
    other_types: int = 0  # files skipped because their type is not an article format
    missing_roots: tuple[str, ...] = ()
    unreadable: list[str] = field(default_factory=list)  # folders that could not be listed
    complete: bool = True  # False when cancelled: files not reached are not known to be gone


def is_supported(path: str | Path) -> bool:
    return os.path.splitext(str(path))[1].lower() in SUPPORTED_EXTENSIONS


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$") or name.endswith("~")


OnFolder = Callable[[int, str], None]
FOLDER_REPORT_EVERY = 50  # folders between two on_folder calls


def crawl(
    roots: Iterable[str],
    *,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    cancelled: Callable[[], bool] | None = None,
    excluded: Collection[str] = (),
    on_folder: OnFolder | None = None,
) -> CrawlResult:
    """Every article file under `roots` (folders or single files), sorted by path within each root;
    files and folders under `excluded` (removed from the index by the user) are left out.
    `on_folder(files found so far, folder)` is called now and then during the walk."""
    result = CrawlResult(files=[], problems=[])
    missing: list[str] = []
    for root in roots:
        if cancelled and cancelled():
            result.complete = False
            break
        if os.path.isdir(root):
            for path, stat in _walk(root, cancelled, result, excluded, on_folder):
                _consider(path, stat, root, max_file_size, result, explicit=False)
            if cancelled and cancelled():
                result.complete = False
        elif os.path.isfile(root):
            try:
                stat = os.stat(root)
            except OSError as error:
                result.problems.append(Problem(root, f"cannot read file: {error.strerror}"))
                continue
            _consider(root, stat, root, max_file_size, result, explicit=True)
        else:
            missing.append(root)
    result.missing_roots = tuple(missing)
    return result


def _consider(
    path: str, stat: os.stat_result, root: str, max_file_size: int, result: CrawlResult, *, explicit: bool
) -> None:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        shown = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        result.problems.append(
            Problem(shown, "the file name is not valid UTF-8; rename the file to index it")
        )
        return
    if not is_supported(path):
        if explicit:
            suffix = os.path.splitext(path)[1] or "(none)"
            result.problems.append(Problem(path, f"unsupported file type '{suffix}'"))
        else:
            result.other_types += 1
        return
    if stat.st_size > max_file_size:
        limit_mb = max_file_size / (1024 * 1024)
        result.problems.append(
            Problem(path, f"file is larger than the {limit_mb:g} MB limit ({stat.st_size / 1048576:.1f} MB)")
        )
        return
    result.files.append(FoundFile(path, stat.st_size, stat.st_mtime_ns, root))


def _walk(
    root: str,
    cancelled: Callable[[], bool] | None,
    result: CrawlResult,
    excluded: Collection[str],
    on_folder: OnFolder | None,
) -> Iterator[tuple[str, os.stat_result]]:
    seen_dirs: dict[tuple[int, int], str] = {}
    stack = [root]
    walked = 0
    while stack:
        if cancelled and cancelled():
            return
        folder = stack.pop()
        walked += 1
        if on_folder is not None and walked % FOLDER_REPORT_EVERY == 1:
            on_folder(len(result.files), folder)
        try:
            folder_stat = os.stat(folder)
            key = (folder_stat.st_dev, folder_stat.st_ino)
            if key in seen_dirs:
                result.problems.append(Problem(folder, _reached_twice(folder, seen_dirs[key])))
                continue
            seen_dirs[key] = folder
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            result.unreadable.append(folder)
            result.problems.append(Problem(folder, f"cannot open this folder ({_why(error)}): its files are not indexed"))
            continue
        subfolders = []
        for entry in entries:
            if _is_hidden(entry.name) or (excluded and _is_excluded(entry.path, excluded)):
                continue
            try:
                if entry.is_dir(follow_symlinks=True):
                    subfolders.append(entry.path)
                elif entry.is_file(follow_symlinks=True):
                    yield entry.path, entry.stat(follow_symlinks=True)
                elif entry.is_symlink() and _may_be_article(entry.name):
                    target = os.readlink(entry.path)
                    result.problems.append(Problem(entry.path, f"broken link: it points to {target}, which does not exist"))
            except FileNotFoundError:
                continue  # deleted while the folder was being listed
            except OSError as error:
                if _may_be_article(entry.name):
                    result.problems.append(Problem(entry.path, f"cannot read this ({_why(error)})"))
        stack.extend(reversed(subfolders))


def _reached_twice(folder: str, first: str) -> str:
    real = os.path.realpath(folder)
    parent = os.path.realpath(os.path.dirname(folder))
    if under(parent, real):
        return f"a link back to {real}, a folder that contains it (a loop): not followed"
    if os.path.islink(folder):
        return f"a link to a folder already indexed as {first}: not indexed twice"
    return f"already indexed as {first}, a link to this folder: not indexed twice"


def _may_be_article(name: str) -> bool:
    """An article file, or a name without an extension (it may have been a folder)."""
    return is_supported(name) or not os.path.splitext(name)[1]


def _why(error: OSError) -> str:
    return error.strerror or type(error).__name__


def under(path: str, root: str) -> bool:
    """`path` is `root` itself or lies inside it (the whole folder name must match)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _is_excluded(path: str, excluded: Collection[str]) -> bool:
    return any(under(path, item) for item in excluded)
