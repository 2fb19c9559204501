"""The query language: Whoosh syntax with friendly field names and date ranges.

`headline:`, `body:`, `speaker:`, `person:`, `org:`, `outlet:`, `byline:`; `date:2005`,
`date:2005-01..2005-03`, `date:>2005-06-01`, `date:<2005`; AND by default, "phrases", prefix*,
fuzzy~, English stemming. A query Whoosh cannot parse is read again as plain words.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time

from whoosh import qparser
from whoosh import query as wq

from searchapp.core.errors import QueryError
from searchapp.core.schema import SCHEMA

DEFAULT_FIELDS = ("headline", "body", "speaker_text", "person_text", "org_text", "byline", "outlet_text")
FIELD_ALIASES = {
    "speaker_text": ["speaker", "speakers", "quoted"],
    "person_text": ["person", "people"],
    "org_text": ["org", "orgs", "organisation", "organization", "agency"],
    "outlet_text": ["outlet", "source", "publisher"],
    "headline": ["title"],
    "body": ["text"],
    "byline": ["author", "by"],
}
DANGLING_OPERATOR = re.compile(r"^\s*(?:AND|OR)\s+|\s+(?:AND|OR|NOT|ANDNOT)\s*$")
DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{1,2})$")  # an ISO week, as coverage buckets name them


class _FuzzyPlugin(qparser.FuzzyTermPlugin):
    """`word~` keeps its first letter: scanning one letter's slice of the lexicon instead of all of
    it makes fuzzy search about ten times faster, and typos rarely hit the first letter."""

    def create(self, parser: qparser.QueryParser, match: re.Match[str]) -> qparser.FuzzyTermPlugin.FuzzinessNode:
        node = super().create(parser, match)
        if match.group("prefix") is None:
            node.prefixlength = 1
        return node


class _DatePlugin(qparser.TaggingPlugin):
    """`date:SPEC` as a node of the parse tree, so it can be ORed, negated or grouped like any term."""

    expr = r"(?<![\w:])(?:date|published|year):(?P<spec>[^\s()\"]+)"
    priority = -1  # before the fields plugin reads "date:" as a field name

    class DateNode(qparser.syntax.SyntaxNode):
        def __init__(self, spec: str) -> None:
            self.spec = spec
            self.boost = 1.0

        def r(self) -> str:
            return f"date:{self.spec}"

        def query(self, parser: qparser.QueryParser) -> wq.Query:
            return date_query(self.spec)

    def create(self, parser: qparser.QueryParser, match: re.Match[str]) -> DateNode:
        return self.DateNode(match.group("spec"))


def _parser() -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), SCHEMA, group=qparser.AndGroup)
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    parser.add_plugin(_FuzzyPlugin())
    parser.add_plugin(_DatePlugin())
    parser.remove_plugin_class(qparser.BoostPlugin)
    return parser


_PARSER = _parser()
_PLAIN_PARSER = qparser.MultifieldParser(
    list(DEFAULT_FIELDS), SCHEMA, group=qparser.AndGroup, plugins=[qparser.WhitespacePlugin()]
)


def _date_bound(value: str, *, end: bool) -> datetime:
    week = WEEK_VALUE.match(value)
    if week:
        try:
            day = date.fromisocalendar(int(week[1]), int(week[2]), 7 if end else 1)
        except ValueError as error:
            raise QueryError(f"'{value}' is not a valid week ({error})") from None
        return datetime.combine(day, time(23, 59, 59) if end else time())
    match = DATE_VALUE.match(value)
    if not match:
        raise QueryError(f"'{value}' is not a date: write 2005, 2005-03, 2005-03-31 or 2005-W09")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            start = datetime(year, int(month), int(day))
            return start.replace(hour=23, minute=59, second=59) if end else start
        if month:
            m = int(month)
            last = calendar.monthrange(year, m)[1]
            return datetime(year, m, last, 23, 59, 59) if end else datetime(year, m, 1)
        return datetime(year, 12, 31, 23, 59, 59) if end else datetime(year, 1, 1)
    except ValueError as error:
        raise QueryError(f"'{value}' is not a valid date ({error})") from None


def date_query(spec: str) -> wq.Query:
    """A DateRange on `published` from `2005`, `2005-01..2005-03`, `>2005-06-01`, `<=2005`."""
    spec = spec.strip()
    if ".." in spec:
        low, _, high = spec.partition("..")
        start = _date_bound(low, end=False) if low else None
        stop = _date_bound(high, end=True) if high else None
    elif spec[:2] in (">=", "<="):
        start, stop = (
            (_date_bound(spec[2:], end=False), None)
            if spec[0] == ">"
            else (None, _date_bound(spec[2:], end=True))
        )
    elif spec[:1] == ">":
        start, stop = _date_bound(spec[1:], end=True), None
        return wq.DateRange("published", start, None, startexcl=True)
    elif spec[:1] == "<":
        return wq.DateRange("published", None, _date_bound(spec[1:], end=False), endexcl=True)
    else:
        start, stop = _date_bound(spec, end=False), _date_bound(spec, end=True)
    if start is None and stop is None:
        raise QueryError("a date range needs at least one end, as in date:2005-01..2005-03")
    return wq.DateRange("published", start, stop)


def parse_query(text: str) -> wq.Query:
    """The Whoosh query for what the user typed; Every() for an empty query."""
    if not text.strip():
        return wq.Every()
    return _parse_words(text.strip())


def _parse_words(text: str) -> wq.Query:
    text = DANGLING_OPERATOR.sub(" ", text).strip() or text  # "oil AND" while still typing means "oil"
    try:
        parsed = _PARSER.parse(text)
    except QueryError:
        raise  # a date that cannot be read: say so rather than search for the words
    except Exception:
        parsed = None
    if parsed is None or parsed is wq.NullQuery or _has_errors(parsed):
        # Unbalanced quotes or brackets, a stray operator: read it as plain words instead.
        words = re.sub(r"[\"'()\[\]{}^~*?:\\]", " ", text)
        words = " ".join(word for word in words.split() if word not in ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"))
        try:
            parsed = _PLAIN_PARSER.parse(words)
        except Exception as error:
            raise QueryError(f"This search could not be understood: {error}") from None
    if parsed is wq.NullQuery:
        raise QueryError("This search has no words to look for.")
    return parsed


def _has_errors(query: wq.Query) -> bool:
    """Whoosh marks the parts it could not read with error queries instead of raising."""
    if getattr(query, "error", None):
        return True
    return any(_has_errors(child) for child in query.children())
