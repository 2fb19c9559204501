"""The one-pass indexer (core/analysis.py) gives whoosh's own terms, weights and postings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT

from searchapp.core import analysis, whoosh_fixes  # noqa: F401 - installs the one-pass indexer, as in every process
from searchapp.core.schema import SCHEMA

WORDS = st.sampled_from(["Minister", "ministers", "U.S.", "e-mail", "3.5", "café", "CAFÉ", "said", "Saïd",
                         "running", "runs", "O'Neill", "ab*c", "x.y.z", "ﬁnance", "İstanbul", "日本", "Straße"])
SEPARATORS = st.sampled_from([" ", "  ", ", ", ".\n", " - ", "\t", "'", '"', "(", ") ", "…", "."])
TEXTS = st.lists(st.tuples(WORDS, SEPARATORS), max_size=40).map(lambda pairs: "".join(w + s for w, s in pairs))


def _whoosh(field, value):
    return sorted(analysis._ORIGINAL_INDEX(field, value))


def _ours(field, value):
    return sorted(field.index(value))


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.text(max_size=60))
def test_every_text_field_gets_whooshs_postings(words: str, anything: str) -> None:
    for name in ("headline", "body", "byline", "speaker_text", "person_text", "org_text", "outlet_text"):
        field = SCHEMA[name]
        for value in (words, anything, words + anything):
            assert _ours(field, value) == _whoosh(field, value), (name, value)


NAMES = st.lists(st.tuples(st.sampled_from(["George Galloway", " BBC ", "UN", "", " ", "Saïd", "03f2a9c1", "a b"]),
                          st.sampled_from([",", ", ", " ", "\t", ",,", "\n"])), max_size=12).map(
    lambda pairs: "".join(w + s for w, s in pairs))


@settings(max_examples=200, deadline=None)
@given(NAMES, st.text(max_size=40))
def test_keyword_and_id_fields_get_whooshs_postings(names: str, anything: str) -> None:
    kinds = set()
    for name in ("speakers", "people", "orgs", "works", "acronyms", "lsh", "path", "file", "outlet", "story"):
        field = SCHEMA[name]
        assert analysis._word_indexer(field) is not None, name  # served here, not by whoosh
        kinds.add(type(field.format).__name__)
        for value in (names, anything, names + anything):
            assert _ours(field, value) == _whoosh(field, value), (name, value)
    assert kinds == {"Frequency", "Existence"}


def test_the_one_pass_indexer_serves_the_schema_s_text_fields() -> None:
    assert analysis._indexer(SCHEMA["body"]) is not None and analysis._indexer(SCHEMA["speaker_text"]) is not None
    index = SCHEMA["body"].index("The ministers said: ministers")
    assert isinstance(index, list) and (b"minist", 2, 2.0) == index[1][:3]


def test_other_analyzers_and_values_are_left_to_whoosh() -> None:
    stops = TEXT(analyzer=StandardAnalyzer())  # a stop filter in the chain: not the plain chain
    assert analysis._indexer(stops) is None and analysis._word_indexer(stops) is None
    lowered = KEYWORD(lowercase=True, commas=True)  # a lower-case filter: whoosh's
    assert analysis._word_indexer(lowered) is None and analysis._word_indexer(ID(analyzer=StandardAnalyzer())) is None
    assert sorted(lowered.index("Blair, BLAIR ,x")) == _whoosh(lowered, "Blair, BLAIR ,x")
    assert sorted(stops.index("The minister and the king")) == _whoosh(stops, "The minister and the king")
    body = SCHEMA["body"]
    tokens = ["pre", "tokenised"]  # a list is indexed as given, by whoosh
    assert sorted(body.index(tokens)) == _whoosh(body, tokens)
    moved = sorted(body.index("The ministers", start_pos=5))  # other arguments: whoosh's own way too
    assert moved == sorted(analysis._ORIGINAL_INDEX(body, "The ministers", start_pos=5)) != _whoosh(body, "The ministers")
