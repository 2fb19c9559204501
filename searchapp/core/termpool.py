"""A segment's postings gathered per term as documents are added, instead of whoosh's sorting pool.

Whoosh's segment writer puts every posting in a pool as a tuple (field, term, document, weight, value),
with a size estimate and two type checks per posting, and at the end of the segment sorts all of them
(half a million on the BBC folder) to hand them to the field writer in order. Here each field keeps a
dict from term to its postings, (document, weight, value) in the order the documents came, so the end of
the segment sorts only the distinct terms, and the field writer gets each term's postings at once
(postings.add_postings). The segment's files are the same, byte for byte (tests/core/test_postings.py).

Memory stays bounded as before: past the writer's `limitmb` (whoosh's own estimate of a posting's size)
the postings so far go to a sorted run file as whoosh's pool writes them, and a segment with runs is
written through whoosh's merge of its runs. A field with spelling words or term vectors (none of
SearchApp's) leaves the whole document to whoosh's add_document.

Installed on import by whoosh_fixes.py, for every process that writes an index.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import writing

_ORIGINAL_ADD_DOCUMENT = writing.SegmentWriter.add_document
_ORIGINAL_WRITER_INIT = writing.SegmentWriter.__init__
POSTING_SIZE = 155  # whoosh's estimate of a pooled posting, less its term's and value's lengths
TERM_SIZE = 120  # a term's key, list and place in its field's dict

Postings = list[tuple[int, Any, Any]]  # (document, weight, value), documents in increasing order


class TermPostings:
    """What TermPool.iter_postings hands the field writer: the postings by field and term, which
    postings.add_postings writes a term at a time; iterated, the tuples whoosh's pool would give."""

    def __init__(self, fields: dict[str, dict[bytes, Postings]]) -> None:
        self.fields = fields

    def __iter__(self) -> Iterator[tuple[str, bytes, int, Any, Any]]:
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]  # (empty for a field whose values gave no words)
            for btext in sorted(terms):
                for docnum, weight, value in terms[btext]:
                    yield fieldname, btext, docnum, weight, value


class TermPool(writing.PostingPool):
    """whoosh's PostingPool with the postings kept by field and term (see the module's text)."""

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.fields: dict[str, dict[bytes, Postings]] = {}
        self.ordered = True  # every term's documents in increasing order (add() may break it)

    def add(self, item: tuple[str, bytes, int, Any, Any]) -> None:
        """One posting from anywhere but add_document (whoosh's merges, a spelling word)."""
        fieldname, btext, docnum, weight, value = item
        self.fieldnames.add(fieldname)
        terms = self.fields.setdefault(fieldname, {})
        postings = terms.get(btext)
        if postings is None:
            terms[btext] = [(docnum, weight, value)]
            self.currentsize += TERM_SIZE + len(btext)
        else:
            if self.ordered and postings[-1][0] >= docnum:
                self.ordered = False
            postings.append((docnum, weight, value))
        self.grew(POSTING_SIZE + len(btext) * 2 + len(value or b""))

    def grew(self, size: int) -> None:
        self.currentsize += size
        if self.currentsize > self.limit:
            self.save()

    def save(self) -> None:
        """The postings so far to a sorted run file, as whoosh's pool saves its items."""
        self.current = list(TermPostings(self._sorted_fields()))
        self.fields = {}
        self.ordered = True
        super().save()

    def _sorted_fields(self) -> dict[str, dict[bytes, Postings]]:
        if not self.ordered:
            for terms in self.fields.values():
                for postings in terms.values():
                    postings.sort()
        return self.fields

    def iter_postings(self) -> Any:
        if not self.runs:
            return TermPostings(self._sorted_fields())
        return super().iter_postings()  # the postings left saved as a last run (save), then the runs merged

    def cleanup(self) -> None:
        self.fields = {}
        super().cleanup()


def _writer_init(self: Any, ix: Any, *args: Any, **kwargs: Any) -> None:
    """SegmentWriter with a TermPool in place of its PostingPool."""
    _ORIGINAL_WRITER_INIT(self, ix, *args, **kwargs)
    pool = self.pool
    if type(pool) is writing.PostingPool:
        self.pool = TermPool(pool.tempstore, pool.segment)
        self.pool.limit = pool.limit


def add_document(self: Any, **fields: Any) -> None:
    """SegmentWriter.add_document with each field's postings put in the TermPool at once (whoosh's own
    otherwise: another pool, or a field with spelling words or vectors)."""
    pool = self.pool
    schema = self.schema
    whooshs = self.__dict__.get("_whooshs_fields")
    if whooshs is None:  # the schema cannot change once a document is added
        whooshs = self._whooshs_fields = frozenset(
            name for name, field in schema.items() if field.separate_spelling() or field.vector)
    if type(pool) is not TermPool or (whooshs and not whooshs.isdisjoint(fields)):
        _ORIGINAL_ADD_DOCUMENT(self, **fields)
        return
    self._check_state()
    perdocwriter = self.perdocwriter
    docnum = self.docnum
    docboost = self._doc_boost(fields)
    fieldnames = sorted([name for name in fields if not name.startswith("_")])
    self._check_fields(schema, fieldnames)
    pool_fields = pool.fields
    perdocwriter.start_doc(docnum)
    try:
        for fieldname in fieldnames:
            value = fields.get(fieldname)
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                boost = self._field_boost(fields, fieldname, docboost)
                terms = pool_fields.get(fieldname)
                if terms is None:
                    terms = pool_fields[fieldname] = {}
                size = 0
                for tbytes, freq, weight, vbytes in field.index(value):
                    posting = (docnum, weight if boost == 1.0 else weight * boost, vbytes)
                    postings = terms.get(tbytes)
                    if postings is None:
                        terms[tbytes] = [posting]
                        size += TERM_SIZE + POSTING_SIZE + len(tbytes) * 3 + len(vbytes or b"")
                    else:
                        postings.append(posting)
                        size += POSTING_SIZE + len(tbytes) * 2 + len(vbytes or b"")
                    length += freq
                if not field.scorable:
                    length = 0
                if size:
                    pool.fieldnames.add(fieldname)
                    pool.grew(size)
                pool_fields = pool.fields  # a new dict when the pool was saved to a run
            stored = fields.get(f"_stored_{fieldname}", value)
            perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
            column = field.column_type
            if column and stored is not None:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
    except ValueError:
        perdocwriter.cancel_doc()
        raise
    perdocwriter.finish_doc()
    self._added = True
    self.docnum += 1


def install() -> None:
    """Gather segments' postings in a TermPool (the same files; see the module's text)."""
    writing.SegmentWriter.__init__ = _writer_init  # type: ignore[method-assign]
    writing.SegmentWriter.add_document = add_document  # type: ignore[method-assign]
