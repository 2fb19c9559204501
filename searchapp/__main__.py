"""Entry point: the window by default, command-line subcommands when given, --self-test for builds."""

from __future__ import annotations

import multiprocessing
import sys

CLI_COMMANDS = {"index", "search", "inspect", "stats", "remove", "problems", "export", "entities", "coverage"}


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the indexer's process pool inside a frozen (PyInstaller) app
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in CLI_COMMANDS or args[0] in {"-h", "--help", "--version"}):
        from searchapp.cli import main as cli_main

        return cli_main(args)
    if "--install-desktop-entry" in args or "--uninstall-desktop-entry" in args:
        from searchapp.config import desktop_entry

        if "--install-desktop-entry" in args:
            return desktop_entry.install()
        return desktop_entry.uninstall()
    if "--self-test" in args:
        from searchapp.gui.selftest import run_self_test

        return run_self_test()
    from searchapp.gui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
