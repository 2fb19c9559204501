"""Bytes to text: BOMs, strict UTF-8, a declared charset, then detection as a last resort.

The cheap checks come first because charset-normalizer is slow (tens of ms on a page) and
almost every file is UTF-8. Binary data is refused rather than decoded into mojibake.
"""

from __future__ import annotations

import codecs
import re

from searchapp.core.errors import SkipFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never appear in text (tab, newlines and form feed do).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.02


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode a file's bytes to text, or raise SkipFile when they are not text.

    `declared` is a charset named by the file itself (an HTML meta tag); it is trusted only
    after strict UTF-8 fails, because pages saved from the web often declare the wrong one.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError:
                raise SkipFile(
                    f"cannot decode the text: it starts with a {encoding} mark but is not {encoding}"
                ) from None
    if b"\x00" in data:
        return _checked(_decode_utf16_without_bom(data))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _checked(data.decode(_python_codec(declared)))
        except (LookupError, UnicodeDecodeError):
            pass
    return _checked(_decode_legacy(data))


def _decode_utf16_without_bom(data: bytes) -> str:
    """UTF-16 text without a BOM has a NUL in every other byte; anything else with NULs is binary."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    for nuls, encoding in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if nuls > 0.3 * half:
            try:
                return data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                break
    raise SkipFile("binary file, not text")


def _decode_legacy(data: bytes) -> str:
    """A single-byte Western file (mostly ASCII) is cp1252; otherwise ask charset-normalizer.

    UTF-8 with a few broken bytes (a bad copy, a cut at the end) stays UTF-8, with U+FFFD in
    place of the broken bytes, rather than turning every accented letter into mojibake.
    """
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    if sum(1 for char in lenient if char > "\x7f") - broken > broken:
        return lenient
    non_ascii = sum(1 for byte in data if byte > 0x7F)
    if non_ascii <= 0.05 * len(data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    if non_ascii <= WESTERN_MAX_SHARE * len(data):
        # Accented letters and typographic marks here and there: Western text. charset-normalizer
        # guesses badly on short texts of this kind (a lone £ became Ł), so it is asked only when
        # most letters are non-ASCII (Cyrillic, Greek, ... in a legacy code page).
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is not None and all(_is_western(char) for char in text if char > "\x7f"):
            return text
    from charset_normalizer import from_bytes  # slow to import and to run: only here

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile("cannot detect the text encoding (binary file?)")
    return str(best)


WESTERN_MAX_SHARE = 0.3
_WESTERN_MARKS = frozenset("‘’‚“”„–—…•€£¥©®°±·«»§¶¢™×÷¿¡ ")


def _is_western(char: str) -> bool:
    return "\u00c0" <= char <= "\u017f" or char in _WESTERN_MARKS


def _python_codec(name: str) -> str:
    """Map a web charset label to the codec browsers actually use for it."""
    name = name.strip().strip("\"'").lower()
    if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"):
        return "cp1252"  # the WHATWG encoding standard treats these labels as windows-1252
    return codecs.lookup(name).name


def _checked(text: str) -> str:
    if not text.strip():
        raise SkipFile("empty file")
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise SkipFile("binary file, not text")
    return text
