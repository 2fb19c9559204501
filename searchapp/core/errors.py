"""Exceptions whose message can be shown to a user as is."""


class SearchAppError(Exception):
    """Base class: str(error) is a sentence a user can read."""


class SkipFile(SearchAppError):
    """A file that cannot be indexed; the message says why (kept in the problems list)."""


class QueryError(SearchAppError):
    """A query that cannot be understood."""


class IndexBusyError(SearchAppError):
    """Another process is writing to this index."""


class IndexReadOnlyError(SearchAppError):
    """The index can be searched but not written (permissions, a read-only drive)."""


class IndexDamagedError(SearchAppError):
    """The index's files are damaged; the message names the index and says how to rebuild it."""

    detail = ""  # what is wrong, in a few words ("the file articles_x.seg is missing")


class DiskFullError(SearchAppError):
    """The disk holding the index filled up; what was committed before stays searchable."""


class SearchCancelled(SearchAppError):
    """A search stopped because a newer one was asked for (the window drops its answer)."""
