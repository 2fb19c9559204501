"""How numbers read in messages, the same in the window and on the command line."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str = "") -> str:
    """'1 article', '2,270 articles' ('1 entry', '3 entries' with `plural`)."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
