"""Property-based: the --json contracts hold for any article text and any query: valid JSON, the
documented keys, the documented types."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchapp.cli import main
from tests.core.factories import write_json_records

SPEAKER_KEYS = {"name", "type", "role", "aliases"}
INSPECT_KEYS = {"headline", "body", "byline", "outlet", "published", "url", "path", "format", "language",
                "extraction", "speakers", "people", "orgs"}
HIT_KEYS = {"path", "headline", "byline", "outlet", "published", "url", "format", "folder", "speakers", "people",
            "orgs", "score", "snippet", "story", "copies"}
FACETS = {"speakers", "people", "orgs", "outlet", "year", "month", "format", "folder"}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def check_speakers(speakers: list) -> None:
    for speaker in speakers:
        assert set(speaker) == SPEAKER_KEYS and speaker["type"] in ("person", "org")
        assert isinstance(speaker["name"], str) and isinstance(speaker["aliases"], list)


def optional_str(value: object) -> bool:
    return value is None or isinstance(value, str)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@given(headline=TEXT, body=TEXT, quote=st.sampled_from(["", '"We will rebuild," said Jane Smith.']),
       fmt=st.sampled_from([".txt", ".json", ".jsonl", ".md", ".html"]))
def test_inspect_json_for_any_article(headline: str, body: str, quote: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{fmt}"
        if fmt in (".json", ".jsonl"):
            write_json_records(path, [{"title": headline, "text": f"{body}\n\n{quote}"}])
        elif fmt == ".html":
            path.write_text(f"<html><head><title>{headline}</title></head><body><p>{body}</p><p>{quote}</p></body></html>",
                            encoding="utf-8")
        else:
            path.write_text(f"{headline}\n\n{body}\n\n{quote}", encoding="utf-8")
        code, out, err = cli("inspect", str(path), "--json")
    if code == 1:  # nothing to index: said in one line, nothing on standard output
        assert out == "" and err.startswith(f"{path}: skipped: ") and "Traceback" not in err
        return
    assert code == 0, err
    for line in out.splitlines():
        record = json.loads(line)
        assert set(record) == INSPECT_KEYS
        assert record["format"] == {".jsonl": "json"}.get(fmt, fmt.lstrip("."))
        for key in ("headline", "body", "byline", "outlet", "url", "path", "format", "language"):
            assert isinstance(record[key], str)
        assert optional_str(record["published"]) and optional_str(record["extraction"])
        check_speakers(record["speakers"])
        assert all(isinstance(name, str) for name in record["people"] + record["orgs"])


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("contracts")
    records = [{"title": f"Harbour story {n}", "text": f'The harbour strike, day {n}.\n\n"It must end," said Jane Smith.',
                "outlet": "Telegraph & Argus", "date": f"2005-0{1 + n % 9}-1{n % 9}"} for n in range(12)]
    write_json_records(base / "feed" / "a.jsonl", records)
    code, _out, err = cli("index", str(base / "feed"), "--index", str(base / "index"), "--quiet")
    assert code == 0, err
    return base / "index"


@given(query=st.one_of(TEXT, st.sampled_from(["harbour", "UN", "title:(", "AND OR NOT", "*", "harb*", "date:2005"])),
       facets=st.booleans())
def test_search_json_for_any_query(small_index: Path, query: str, facets: bool) -> None:
    # after "--": a query that starts with "-" is a query, not an option
    code, out, err = cli("search", "--index", str(small_index), "--json", *(["--facets"] if facets else []), "--", query)
    if code == 2:  # a query that cannot be searched: a usage error in one line
        assert out == "" and err.startswith("searchapp: ") and "Traceback" not in err
        return
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"query", "notice", "total", "page", "hits", "took_ms"} | ({"facets"} if facets else set())
    assert isinstance(data["took_ms"], (int, float)) and data["took_ms"] >= 0
    assert data["query"] == query and optional_str(data["notice"])
    assert isinstance(data["total"], int) and 0 <= len(data["hits"]) <= data["total"]
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS and isinstance(hit["score"], (int, float))
        assert isinstance(hit["story"], str) and isinstance(hit["copies"], int) and hit["copies"] >= 0
        assert optional_str(hit["published"]) and isinstance(hit["snippet"], str)
        check_speakers(hit["speakers"])
    if facets:
        assert set(data["facets"]) == FACETS
        for counts in data["facets"].values():
            assert all(set(c) == {"value", "count"} and c["count"] > 0 for c in counts)


def test_json_lines_stay_one_line_whatever_line_breaks_the_text_holds(tmp_path: Path) -> None:
    feed = write_json_records(tmp_path / "feed" / "odd\u2028name\x85.jsonl", [{"title": "Odd", "text": "Text."}])
    assert cli("index", str(tmp_path / "feed"), "--index", str(tmp_path / "index"), "--quiet")[0] == 0
    out_file = tmp_path / "rows.jsonl"
    assert cli("export", "", "--index", str(tmp_path / "index"), "--format", "jsonl", "-o", str(out_file))[0] == 0
    lines = out_file.read_text(encoding="utf-8").splitlines()  # splits on U+2028, U+2029 and U+0085 too
    assert [json.loads(line)["path"] for line in lines] == [f"{feed}#0"]
