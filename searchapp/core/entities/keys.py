"""Comparison keys for names: two forms with the same key are written differently but read the same."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_MARKS = str.maketrans({"&": " and ", ".": None, "'": None, "\u2019": None})
# Legal forms at the end of a company's name: "Chrysler Corp" is "Chrysler", "Merrill Lynch and Co Inc"
# is "Merrill Lynch".
_LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company cos ltd limited plc llc llp lp ag sa nv bv gmbh se spa "
    "pty kk oyj ab asa srl".split()
)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Accents, case, full stops, apostrophes and punctuation ignored; '&' read as 'and'; no leading
    'the': "U.N." and "UN", "José" and "Jose", "Kim Jong-un" and "Kim Jong Un" share a key."""
    if not name.isascii():
        name = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    text = _NOT_WORD.sub(" ", name.lower().translate(_MARKS)).strip()
    return text[4:] if text.startswith("the ") else text


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """name_key without the legal form at the end ("Boeing Co" and "Boeing" share a key)."""
    words = name_key(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] == "and":
            words.pop()
    return " ".join(words)
