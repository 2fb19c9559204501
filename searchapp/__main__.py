"""Entry point: the window by default, command-line subcommands when given, --self-test for builds."""

from __future__ import annotations

import difflib
import multiprocessing
import os
import sys

CLI_COMMANDS = ("index", "search", "inspect", "stats", "remove", "problems", "export", "entities", "coverage")
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the indexer's worker processes inside a frozen (PyInstaller) app
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
    mistake = not_a_path(args)
    if mistake:
        print(mistake, file=sys.stderr)
        return EXIT_USAGE
    from searchapp.gui.app import run_gui

    return run_gui(args)


def not_a_path(args: list[str]) -> str:
    """The window takes folders and files to index; a word that is neither an existing path nor a
    command (`searchapp serch`) is a usage error, with the commands it may have meant."""
    words = [arg for number, arg in enumerate(args)
             if not arg.startswith("-") and (number == 0 or args[number - 1] != "--index")]
    for word in words:
        if os.path.exists(word):
            continue
        if os.sep in word or "." in word:
            return f"searchapp: {word}: no such file or folder"
        close = difflib.get_close_matches(word, CLI_COMMANDS, n=3, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        return (
            f"searchapp: '{word}' is not a command, nor a file or folder here.{hint}\n"
            f"Commands: {', '.join(CLI_COMMANDS)}; `searchapp --help` explains them, "
            "and `searchapp [PATH ...]` opens the window."
        )
    return ""


if __name__ == "__main__":
    sys.exit(main())
