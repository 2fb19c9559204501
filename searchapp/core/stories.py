"""Stories: an article and its near-copies (wire copy printed again with a new dateline, a footer and a
few words changed) share one story id, decided at index time.

Each article's text becomes a set of word 5-shingles. A one-permutation MinHash of that set (Li, Owen
and Zhang 2012, with the rotation densification of Shrivastava and Li 2014) gives 60 values, cut into 20 bands
of 3 (locality-sensitive hashing): two articles sharing a band are candidates, likely when their
shingles overlap by half or more. Every candidate is confirmed by the exact measure on the two texts
(Jaccard of the shingle sets, or containment of the shorter in the longer, for a copy cut short or
padded), so different articles about the same event (which share a quote or two) stay apart. Band keys
and an exact-text key are indexed terms, so candidates come from the index itself: a new copy joins
its story, a deleted copy leaves it, with no other state to keep. A run of many articles reads the
index's keys into a Bloom filter (`KeyFilter`) and asks the index only for keys it may hold.

Thresholds were measured with `bench/stories_bench.py` on the BBC corpus's identical pairs, on copies
made from real articles (a dateline, a footer, a few changed words) and on news-please's
`news_cluster` (different outlets' articles about the same events): see docs/STORIES.md.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

SHINGLE_WORDS = 5
BINS = 60
ROWS = 3
BANDS = BINS // ROWS
MIN_SHARED_BANDS = 1  # a candidate shares at least this many bands
MIN_JACCARD = 0.5  # confirmed: the shingle sets overlap by half of their union ...
MIN_CONTAINMENT = 0.8  # ... or 80% of the shorter text's shingles are in the longer one
MIN_SHINGLES = 8  # shorter texts (a line or two) are copies only when the text is the same

# Keys looked up in the index's segments, per indexed article, before a run reads the index's keys into a
# KeyFilter instead: an article has 21 keys (its bands and text key), each read from a term list in about a
# fifth of the time a lookup in one segment's term table takes.
LOOKUPS_BEFORE_FILTER = 4

_WORD = re.compile(r"[0-9a-z]+")
_MASK64 = (1 << 64) - 1
_EMPTY = _MASK64
_GOLDEN = 0x9E3779B97F4A7C15  # odd: multiplying by it permutes the 64-bit values


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, tokens: list[str] | None = None) -> set[int]:
    """The text's word 5-shingles, each as a 32-bit hash (a short text: its words as one shingle)."""
    tokens = words(text) if tokens is None else tokens
    if len(tokens) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(tokens).encode())} if tokens else set()
    return {zlib.crc32(" ".join(tokens[k : k + SHINGLE_WORDS]).encode()) for k in range(len(tokens) - SHINGLE_WORDS + 1)}


def signature(shingle_set: Iterable[int]) -> list[int]:
    """One-permutation MinHash: each shingle, multiplied by an odd 64-bit constant (a cheap universal
    hash in place of a random permutation), lands in one of BINS bins, which keep their minimum; an
    empty bin takes the next filled bin's value (rotation densification), shifted so it differs."""
    bins = [_EMPTY] * BINS
    for shingle in shingle_set:
        mixed = (shingle * _GOLDEN) & _MASK64
        slot = mixed % BINS
        if mixed < bins[slot]:
            bins[slot] = mixed
    if all(value == _EMPTY for value in bins):
        return bins
    for slot in range(BINS):
        if bins[slot] == _EMPTY:
            step = 1
            while bins[(slot + step) % BINS] == _EMPTY:
                step += 1
            bins[slot] = (bins[(slot + step) % BINS] + step * _GOLDEN) & _MASK64
    return bins


def band_keys(shingle_set: set[int]) -> list[str]:
    """The LSH band keys of a text: "band:hash" terms; none for an empty text."""
    if not shingle_set:
        return []
    values = signature(shingle_set)
    keys = []
    for band in range(BANDS):
        packed = struct.pack(f">{ROWS}Q", *values[band * ROWS : (band + 1) * ROWS])
        keys.append(f"{band:02d}{zlib.crc32(packed):08x}")
    return keys


def text_key(text: str, tokens: list[str] | None = None) -> str:
    """The same words in the same order (case, punctuation and spacing aside) give the same key."""
    tokens = words(text) if tokens is None else tokens
    return hashlib.blake2b(" ".join(tokens).encode(), digest_size=12).hexdigest()


def similar(a: set[int], b: set[int]) -> bool:
    """The exact test of two candidates' shingle sets."""
    if not a or not b:
        return False
    shared = len(a & b)
    shorter = min(len(a), len(b))
    if shorter < MIN_SHINGLES:
        return a == b
    return shared / len(a | b) >= MIN_JACCARD or shared / shorter >= MIN_CONTAINMENT


def story_fields(headline: str, body: str) -> dict[str, str]:
    """The index fields that find an article's copies (computed where the article is parsed)."""
    text = f"{headline}\n{body}"
    tokens = words(text)
    return {"lsh": " ".join(band_keys(shingles(text, tokens))), "textkey": text_key(text, tokens)}


class _Text:
    """An article's text and, once a candidate needs it, its shingles (most articles never do)."""

    __slots__ = ("text", "_shingles")

    def __init__(self, text: str) -> None:
        self.text = text
        self._shingles: set[int] | None = None

    def shingles(self) -> set[int]:
        if self._shingles is None:
            self._shingles = shingles(self.text)
        return self._shingles


class StoryMatcher:
    """Gives each document written in one indexing run its story id: the story of a confirmed copy
    already in the index or written earlier in the run, else a new story (its exact-text key)."""

    def __init__(self) -> None:
        self._pending_bands: dict[str, list[tuple[str, _Text]]] = {}
        self._pending_texts: dict[str, str] = {}
        self.candidates_checked = 0
        # The keys the index may hold (once asking it for every key has cost about what reading its keys
        # costs): a key not in the filter is in no indexed article, and the index is not asked.
        self._indexed: KeyFilter | None = None
        self._lookups = 0  # keys looked up in the index's segments before the filter was made

    def committed(self) -> None:
        """What was pending is in the index now, where the searcher finds it."""
        if self._indexed is not None:
            self._indexed.update(self._pending_bands)
            self._indexed.update(self._pending_texts)
        self._pending_bands.clear()
        self._pending_texts.clear()

    def _filter(self, searcher: Any) -> KeyFilter | None:
        """The filter of the index's keys, made from its term lists once this run has looked up about
        as many keys in its segments as they hold (a run of many articles: at once for a new index)."""
        if self._indexed is None and searcher is not None:
            reader = searcher.reader()
            if self._lookups >= LOOKUPS_BEFORE_FILTER * reader.doc_count_all():
                self._indexed = KeyFilter()
                for leaf, _offset in reader.leaf_readers():
                    for field in ("lsh", "textkey"):
                        self._indexed.update(leaf.lexicon(field))
        return self._indexed

    def assign(self, document: dict[str, Any], searcher: Any) -> str:
        text = f"{document.get('headline', '')}\n{document.get('body', '')}"
        key = document.get("textkey") or text_key(text)
        bands = document.get("lsh", "").split()
        mine = _Text(text)
        story = self._pending_texts.get(key) or self._indexed_story(searcher, key)
        if story is None and bands:
            story = self._near_copy(mine, bands, searcher)
        story = story or key
        self._pending_texts.setdefault(key, story)
        for band in bands:
            self._pending_bands.setdefault(band, []).append((story, mine))
        document["story"] = story
        return story

    def _indexed_story(self, searcher: Any, key: str) -> str | None:
        if searcher is None:
            return None
        indexed = self._filter(searcher)
        if indexed is not None and key not in indexed:
            return None
        if indexed is None:
            self._lookups += len(searcher.reader().leaf_readers())
        for docnum in searcher.document_numbers(textkey=key):
            story = searcher.stored_fields(docnum).get("story")
            if story:
                return story
        return None

    def _near_copy(self, mine: _Text, bands: list[str], searcher: Any) -> str | None:
        # Articles of this run not committed yet, then the index's.
        shared: Counter[int] = Counter()
        seen: set[str] = set()
        reader = searcher.reader() if searcher is not None else None
        indexed = self._filter(searcher)
        segments = len(reader.leaf_readers()) if reader is not None and indexed is None else 0
        for band in bands:
            for story, theirs in self._pending_bands.get(band, ()):
                if story not in seen and similar(mine.shingles(), theirs.shingles()):
                    return story
                seen.add(story)
            if reader is None or (indexed is not None and band not in indexed):
                continue
            self._lookups += segments  # counted until the filter is made
            if ("lsh", band) in reader:
                shared.update(reader.postings("lsh", band).all_ids())
        is_deleted = reader.is_deleted if reader is not None else None
        for docnum, count in shared.most_common(20):
            if count < MIN_SHARED_BANDS or (is_deleted is not None and is_deleted(docnum)):
                continue
            stored = searcher.stored_fields(docnum)
            self.candidates_checked += 1
            if similar(mine.shingles(), shingles(f"{stored.get('headline', '')}\n{stored.get('body', '')}")):
                return stored.get("story") or None
        return None


class KeyFilter:
    """A Bloom filter of band and text keys (hexadecimal, as indexed): `key in filter` is False for
    every key never added, and True for about one in 300 others at two million keys (the keys of
    100,000 articles), whose lookup in the index then finds nothing. 8 MB, whatever the number of keys.

    Looking each of an article's 21 keys up in every segment's term table was most of the indexing
    process's own work at scale (a hash of the key and a probe per segment), and most keys are in no
    other article."""

    BITS = 1 << 26  # two slots of 26 bits from one 64-bit hash of the key

    def __init__(self) -> None:
        self._bits = bytearray(self.BITS >> 3)

    @staticmethod
    def _slots(key: str | bytes) -> tuple[int, int]:
        """The key's two bits: 26 bits each of one 64-bit hash of it."""
        try:
            number = int(key, 16)
        except ValueError:  # not a key SearchApp writes
            number = int.from_bytes(hashlib.blake2b(key.encode() if isinstance(key, str) else key, digest_size=8).digest())
        hashed = (number * _GOLDEN) & _MASK64
        return hashed >> 38, (hashed >> 12) & 0x3FFFFFF

    def add(self, key: str | bytes) -> None:
        first, second = self._slots(key)
        bits = self._bits
        bits[first >> 3] |= 1 << (first & 7)
        bits[second >> 3] |= 1 << (second & 7)

    def update(self, keys: Iterable[str | bytes]) -> None:
        add = self.add
        for key in keys:
            add(key)

    def __contains__(self, key: str | bytes) -> bool:
        first, second = self._slots(key)
        bits = self._bits
        return bool(bits[first >> 3] >> (first & 7) & 1 and bits[second >> 3] >> (second & 7) & 1)
