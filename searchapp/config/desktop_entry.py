"""Add SearchApp to the current user's application menu (freedesktop/XDG desktops), or take it out again.

`searchapp --install-desktop-entry` writes one .desktop file and the app icon in every size to the user's
XDG data folder ($XDG_DATA_HOME, default ~/.local/share):

    applications/io.github.searchapp.SearchApp.desktop
    icons/hicolor/<N>x<N>/apps/io.github.searchapp.SearchApp.png   (N = 16 ... 512)
    icons/hicolor/scalable/apps/io.github.searchapp.SearchApp.svg

`Exec` points at the launcher that is running now (the pipx/pip `searchapp` script, or the frozen app).
`searchapp --uninstall-desktop-entry` removes exactly those files and nothing else. Qt-free on purpose:
it runs before any window exists and from a plain `pip install`.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

APP_ID = "io.github.searchapp.SearchApp"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MARKER_KEY = "X-SearchApp-Installed-By"
MARKER = f"{MARKER_KEY}=searchapp --install-desktop-entry"

# Characters that force quoting of an Exec argument (Desktop Entry Specification, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (as the spec requires), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def desktop_file_path(base: Path | None = None) -> Path:
    return (base or data_home()) / "applications" / f"{APP_ID}.desktop"


def icon_targets(base: Path | None = None) -> dict[str, Path]:
    """Packaged icon file name -> where it goes in the user's hicolor theme."""
    hicolor = (base or data_home()) / "icons" / "hicolor"
    targets = {f"searchapp-{n}.png": hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES}
    targets["searchapp.svg"] = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    return targets


def installed_paths(base: Path | None = None) -> list[Path]:
    """Every file install() writes, in the order it writes them."""
    return [*icon_targets(base).values(), desktop_file_path(base)]


def launcher_command() -> list[str]:
    """The command that starts the running SearchApp again, as an argument list."""
    if getattr(sys, "frozen", False):  # PyInstaller bundle: the executable is the app
        return [os.path.abspath(sys.executable)]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.stem in {"searchapp", "searchapp-cli"} and argv0.is_file():
        # The pip/pipx launcher; keep a symlink as it is (pipx upgrades keep ~/.local/bin/searchapp valid).
        return [str(argv0.absolute().with_name("searchapp" + argv0.suffix))]
    beside_python = Path(sys.executable).parent / "searchapp"
    if beside_python.is_file():
        return [str(beside_python)]
    return [os.path.abspath(sys.executable), "-m", "searchapp"]


def quote_exec_arg(arg: str) -> str:
    """One Exec argument, quoted and escaped per the Desktop Entry Specification."""
    arg = arg.replace("%", "%%")
    if arg and not (_RESERVED & set(arg)):
        return arg
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    quoted = f'"{inner}"'
    return quoted.replace("\\", "\\\\")  # the Exec value is itself a string with \\ escapes


def desktop_entry_text(command: list[str]) -> str:
    exec_line = " ".join(quote_exec_arg(a) for a in command)
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            "Name=SearchApp",
            "GenericName=News Archive Search",
            "Comment=Search news archives: who is quoted, who is mentioned, by which outlet, when",
            f"Icon={APP_ID}",
            f"Exec={exec_line}",
            "Terminal=false",
            "Categories=Office;",
            "Keywords=search;news;archive;articles;quotes;index;",
            "StartupNotify=true",
            "StartupWMClass=SearchApp",
            MARKER,
            "",
        ]
    )


def _icon_source(name: str) -> bytes:
    return resources.files("searchapp").joinpath("resources").joinpath("icons").joinpath(name).read_bytes()


def _is_ours(path: Path) -> bool:
    try:
        return MARKER_KEY in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _unsupported() -> bool:
    if sys.platform.startswith(("win", "darwin")):
        print(
            "The desktop entry is for Linux and other freedesktop.org desktops; "
            "on Windows and macOS use the installer instead.",
            file=sys.stderr,
        )
        return True
    return False


def install() -> int:
    """Write the desktop entry and icons for the current user. Returns a process exit code."""
    if _unsupported():
        return 1
    base = data_home()
    desktop = desktop_file_path(base)
    if desktop.exists() and not _is_ours(desktop):
        print(f"Not replacing {desktop}: it was not written by SearchApp.", file=sys.stderr)
        return 1
    try:
        for name, target in icon_targets(base).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_icon_source(name))
            print(f"Installed icon        {target}")
        command = launcher_command()
        desktop.parent.mkdir(parents=True, exist_ok=True)
        tmp = desktop.with_suffix(".desktop.tmp")
        tmp.write_text(desktop_entry_text(command), encoding="utf-8")
        os.replace(tmp, desktop)
    except OSError as exc:
        print(f"Could not install the desktop entry: {exc}", file=sys.stderr)
        return 1
    print(f"Installed menu entry  {desktop}")
    print(f"It starts: {' '.join(command)}")
    print("Remove both with: searchapp --uninstall-desktop-entry")
    return 0


def uninstall() -> int:
    """Remove exactly the files install() writes. Returns a process exit code."""
    if _unsupported():
        return 1
    base = data_home()
    desktop = desktop_file_path(base)
    if desktop.exists() and not _is_ours(desktop):
        print(f"Leaving {desktop} alone: it was not written by SearchApp.", file=sys.stderr)
        return 1
    removed = 0
    failed = False
    for path in installed_paths(base):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            print(f"Could not remove {path}: {exc}", file=sys.stderr)
            failed = True
            continue
        removed += 1
        print(f"Removed {path}")
    if not removed and not failed:
        print(f"No SearchApp desktop entry is installed under {base}.")
    return 1 if failed else 0

