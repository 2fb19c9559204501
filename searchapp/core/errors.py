"""Exceptions whose message can be shown to a user as is."""


class SearchAppError(Exception):
    """Base class: str(error) is a sentence a user can read."""


class SkipFile(SearchAppError):
    """A file that cannot be indexed; the message says why (kept in the problems list)."""


class QueryError(SearchAppError):
    """A query that cannot be understood."""


class IndexBusyError(SearchAppError):
    """Another process is writing to this index."""
