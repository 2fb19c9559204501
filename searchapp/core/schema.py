"""The Whoosh schema: one document per article. A change here must bump SCHEMA_VERSION, unless it
only adds a field that older indexes may lack and every reader copes without (`works`)."""

from __future__ import annotations

import re

from whoosh.analysis import StemmingAnalyzer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema

# Bump on any change to fields or analyzers: an index of another version is rebuilt, never misread.
# 2: acronyms (words written in capitals, so that `UN` finds the United Nations and not Kim Jong-un),
#    stories (near-copies), the speakers column (profiles); then, still unreleased and so still 2, the
#    `facets` column and the `story` column (facet values read per document, no pass over the postings).
#    `works` came later without a bump: an index made before it is read and added to as it is (its
#    collection rule on works then has no articles to count), rather than rebuilt for it.
# 3: headline and body keep word positions without character offsets: snippets and the viewer's marks
#    find the words in the stored text (core/highlights.py), so the offsets were written for every word
#    and never read.
SCHEMA_VERSION = 3
# Older versions this one can still search, read-only (an index that cannot be rebuilt here, such as
# a colleague's copy): version 1 lacks only `acronyms`, so capitals are not told apart in it; version 2
# has character offsets besides the positions, which are not read.
READABLE_SCHEMA_VERSIONS = frozenset({1, 2, SCHEMA_VERSION})

# English stemming, no stop words dropped from names ("The Who"), accents kept as typed.
TEXT_ANALYZER = StemmingAnalyzer(stoplist=None, minsize=1)
_WORD = re.compile(r"\w+")
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})  # the query language's, never acronyms


def is_acronym(word: str) -> bool:
    """A word in capitals with two or more letters (UN, NATO, COVID19)."""
    return word.isupper() and sum(char.isalpha() for char in word) >= 2 and word not in OPERATORS


def acronyms(*texts: str) -> str:
    """The words written in capitals in `texts`, once each: the `acronyms` field's value."""
    # str.isupper over every word in C first: most words are not in capitals
    capitals = filter(str.isupper, _WORD.findall(" ".join(texts)))
    return " ".join(dict.fromkeys(word for word in capitals if is_acronym(word)))


def _facet() -> KEYWORD:
    """A comma-separated list of canonical names: exact values for facets and filters."""
    return KEYWORD(stored=True, commas=True, lowercase=False, scorable=False)


def build_schema() -> Schema:
    return Schema(
        # Identity and incremental indexing
        path=ID(stored=True, unique=True),  # file path, or "file#N" for record N of a multi-record file
        file=ID(stored=True),  # the file on disk the document came from
        folder=ID(stored=True),  # the collection folder the user added
        filestate=ID(),  # "file\tsize\tmtime_ns\thash": read from the lexicon without loading documents
        size=STORED(),
        mtime_ns=STORED(),
        hash=STORED(),
        # Article text
        headline=TEXT(stored=True, analyzer=TEXT_ANALYZER, phrase=True, field_boost=2.5),
        body=TEXT(stored=True, analyzer=TEXT_ANALYZER, phrase=True),
        byline=TEXT(stored=True, analyzer=TEXT_ANALYZER),
        url=STORED(),
        language=ID(stored=True),
        format=ID(stored=True),
        # Facets (exact canonical values) and their free-text twins (`galloway` finds George Galloway)
        speakers=_facet(),
        people=_facet(),
        orgs=_facet(),
        outlet=ID(stored=True),
        year=ID(),
        month=ID(),
        speaker_text=TEXT(analyzer=TEXT_ANALYZER, field_boost=1.5),
        person_text=TEXT(analyzer=TEXT_ANALYZER),
        org_text=TEXT(analyzer=TEXT_ANALYZER),
        outlet_text=TEXT(analyzer=TEXT_ANALYZER),
        speakers_detail=STORED(),  # tuples (name, type, role, aliases, quotes) for the viewer and --json
        # The same per document as a column (JSON), read for a person's profile without the stored body
        speakers_column=COLUMN(VarBytesColumn()),
        # Each document's facet values as written (core/facets.py: facet_record), read per document by
        # searches instead of a pass over every facet field's postings
        facets=COLUMN(VarBytesColumn()),
        acronyms=KEYWORD(lowercase=False, scorable=False),  # words in capitals, as written: `UN` is not `un`
        # Names an article showed to be works, events or products ("the drama Vera Drake"): only their
        # article counts are read (core/facets.py), for the collection's rule on works. An index made
        # before this field has none, and is read and written as it is.
        works=KEYWORD(commas=True, lowercase=False, scorable=False),
        published=DATETIME(stored=True, sortable=True),
        # Stories: an article and its near-copies share `story` (see core/stories.py)
        story=ID(stored=True, sortable=True),  # sortable: a column, read per document for "copies once"
        textkey=ID(),  # the same text, whatever its case, punctuation and spacing
        lsh=KEYWORD(lowercase=False, scorable=False),  # MinHash band keys: copies share some
    )


SCHEMA = build_schema()
