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
from searchapp.core.schema import OPERATORS, SCHEMA, is_acronym

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
    return read_query(text)[0]


def read_query(text: str) -> tuple[wq.Query, str]:
    """The Whoosh query for what the user typed, and a notice to show with its results ('' when
    the query was read as typed): "Searched as words: ..." for a query that could not be read,
    or how capitals were matched."""
    if not text.strip():
        return wq.Every(), ""
    return _parse_words(text.strip())


def _parse_words(text: str) -> tuple[wq.Query, str]:
    if all(word in OPERATORS for word in text.split()):
        raise QueryError(
            f"{' '.join(text.split())}: AND, OR and NOT join words, and there are no words to join. "
            "To search for one of these words, type it in lower case."
        )
    text = DANGLING_OPERATOR.sub(" ", text).strip() or text  # "oil AND" while still typing means "oil"
    problem = _syntax_problem(text)
    parsed = None
    if not problem:
        try:
            parsed = _PARSER.parse(text)
        except QueryError:
            raise  # a date that cannot be read: say so rather than search for the words
        except Exception:  # noqa: BLE001 - whatever Whoosh cannot read is read as words below
            parsed = None
        if parsed is None or parsed is wq.NullQuery or _has_errors(parsed):
            problem = "it could not be read as a query"
    if problem:
        # Unbalanced quotes or brackets, a stray operator: read it as plain words instead.
        words = re.sub(r"[\"'()\[\]{}^~*?:\\]", " ", text)
        words = " ".join(word for word in words.split() if word not in OPERATORS)
        try:
            parsed = _PLAIN_PARSER.parse(words)
        except Exception as error:
            raise QueryError(f"This search could not be understood: {error}") from None
        if parsed is wq.NullQuery:
            raise QueryError(f"This search has no words to look for ({problem}).")
        return parsed, f"Searched as words: {words} ({problem})."
    if parsed is wq.NullQuery:
        raise QueryError("This search has no words to look for.")
    return _acronyms(parsed, text), ""


def _syntax_problem(text: str) -> str:
    """What makes `text` unreadable as a query, in words a user can act on ('' if nothing)."""
    depth = 0
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return "a closing bracket ) has no opening one"
    if quoted:
        return 'a quotation mark " is not closed'
    if depth:
        field = re.search(r"(\w+):\(", text)
        example = f"; to look in one field, write {field.group(1)}:(word word)" if field else ""
        return f"a bracket ( is not closed{example}"
    empty_field = re.search(r"(?<![\w\"])(\w+):(?=\s|$)", text)
    if empty_field:
        name = empty_field.group(1)
        return f"{name}: needs a word after it, as in {name}:election"
    return ""


def _has_errors(query: wq.Query) -> bool:
    """Whoosh marks the parts it could not read with error queries instead of raising."""
    if getattr(query, "error", None):
        return True
    return any(_has_errors(child) for child in query.children())


def _acronyms(query: wq.Query, text: str) -> wq.Query:
    """A word typed in capitals in no particular field matches only where it is written in capitals
    (`UN` finds the United Nations, not Kim Jong-un): it must also be in the `acronyms` field."""
    found: list[str] = []

    def word_group(span: tuple[int | None, int | None], terms: list[wq.Term]) -> wq.Query:
        """One typed word looked up in every default field (Whoosh's OR of one term per field)."""
        group = wq.Or(terms)
        word = text[span[0]:span[1]] if span[0] is not None and span[1] is not None else ""
        if not is_acronym(word):
            return group
        found.append(word)
        return wq.And([wq.Term("acronyms", word), group])

    def visit(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Or) and node.subqueries and all(isinstance(q, wq.Term) for q in node.subqueries):
            # Whoosh flattens `UN OR EU` into one OR of fourteen terms: split it by typed word.
            words: dict[tuple[int | None, int | None], list[wq.Term]] = {}
            for term in node.subqueries:
                words.setdefault((term.startchar, term.endchar), []).append(term)
            if any({term.fieldname for term in terms} != set(DEFAULT_FIELDS) for terms in words.values()):
                return node
            groups = [word_group(span, terms) for span, terms in words.items()]
            return groups[0] if len(groups) == 1 else wq.Or(groups, boost=node.boost)
        if isinstance(node, wq.CompoundQuery):
            return node.__class__([visit(child) for child in node.subqueries], boost=node.boost)
        if isinstance(node, wq.Not):
            return wq.Not(visit(node.query), boost=node.boost)
        return node

    rewritten = visit(query)
    return rewritten if found else query  # the notice comes with the index it meets (expansion.py)
