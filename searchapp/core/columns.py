"""What the `facets` column holds for each document, written at index time and read by searches.

A record is one UTF-8 string: the names the article mentions and the names it quotes, each typed by the
article ("p" person, "o" organisation), then its outlet, format and folder; fields apart by \\x1e, names by
\\x1f. Small on purpose: every indexing worker imports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

COLUMN = "facets"
RAW_FIELDS = ("outlet", "format", "folder")  # values as written, after the two name lists
_FIELD_SEP, _VALUE_SEP = "\x1e", "\x1f"
_CONTROL = str.maketrans("", "", _FIELD_SEP + _VALUE_SEP)


def _names(value: str | None) -> list[str]:
    return [name.translate(_CONTROL) for name in (value or "").split(",") if name]


def facet_record(fields: Mapping[str, Any]) -> bytes:
    """One document's `facets` column: the names it mentions and the names it quotes, each typed by
    the article ("p" person, "o" organisation), then its outlet, format and folder.

    A speaker's type is the type the article gives the same name among its people or organisations
    (a person when it gives none), and a speaker is always mentioned too: quoting is mentioning."""
    people, orgs = _names(fields.get("people")), _names(fields.get("orgs"))
    person_names, org_names = set(people), set(orgs)
    mentions = dict.fromkeys([*("p" + name for name in people), *("o" + name for name in orgs)])
    quoted: dict[str, None] = {}
    for name in _names(fields.get("speakers")):
        typed = ("p" if name in person_names or name not in org_names else "o") + name
        quoted[typed] = mentions[typed] = None
    raw = [str(fields.get(field) or "").translate(_CONTROL) for field in RAW_FIELDS]
    return _FIELD_SEP.join([_VALUE_SEP.join(mentions), _VALUE_SEP.join(quoted), *raw]).encode("utf-8")


def split_record(value: bytes) -> tuple[list[str], list[str], str, str, str]:
    """(names mentioned, names quoted, outlet, format, folder) of one record ('' for what it lacks)."""
    mentions, quoted, outlet, format_, folder = value.decode("utf-8").split(_FIELD_SEP)
    return (mentions.split(_VALUE_SEP) if mentions else [], quoted.split(_VALUE_SEP) if quoted else [],
            outlet, format_, folder)
