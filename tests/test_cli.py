"""The command line: exit codes, --json contracts, progress summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from searchapp.cli import main
from tests.core.factories import deep_page, make_txt_folder, write_txt


@pytest.fixture
def indexed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = make_txt_folder(tmp_path / "news", 8)
    location = tmp_path / "index"
    assert main(["index", str(folder), "--index", str(location)]) == 0
    capsys.readouterr()
    return location


def test_index_summary_and_exit_code_for_skipped_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_txt_folder(tmp_path / "news", 3)
    (folder / "empty.txt").write_bytes(b"")
    code = main(["index", str(folder), "--index", str(tmp_path / "index"), "--quiet"])
    out = capsys.readouterr().out
    assert code == 1
    assert "indexed 3 articles from 3 files (3 new, 0 changed); unchanged 0, removed 0, skipped 1" in out
    assert "empty.txt" in out


def test_search_json_contract(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "oil", "--index", str(indexed), "--json", "--facets"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2 and len(data["hits"]) == 2
    hit = data["hits"][0]
    for key in (
        "headline",
        "body" if False else "path",
        "byline",
        "outlet",
        "published",
        "url",
        "format",
        "speakers",
        "people",
        "orgs",
        "score",
        "snippet",
    ):
        assert key in hit
    assert '<b class="hit">oil</b>' in hit["snippet"]
    assert {"value": "txt", "count": 2} in data["facets"]["format"]


def test_search_text_output_and_filters(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "report", "--index", str(indexed), "--limit", "3", "--filter", "format=txt"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("8 articles") and out.count("\n1. ") == 1 and "\n3. " in out and "\n4. " not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "date:2005-13"],
        ["search", "x", "--filter", "colour=red"],
        ["search", "x", "--sort", "sideways"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(indexed: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main([*argv, "--index", str(indexed)]) if argv[0] != "frobnicate" else main(argv)
        raise SystemExit(code)
    assert exited.value.code == 2
    assert capsys.readouterr().err


def test_inspect_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_txt(tmp_path, "a.txt", "Mayor speaks", '"We will rebuild," said Jane Smith, the mayor.')
    assert main(["inspect", str(path), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["headline"] == "Mayor speaks" and record["format"] == "txt" and record["path"] == str(path)
    assert set(record) >= {
        "headline",
        "body",
        "byline",
        "outlet",
        "published",
        "url",
        "path",
        "format",
        "speakers",
        "people",
        "orgs",
    }
    for speaker in record["speakers"]:
        assert set(speaker) == {"name", "type", "role", "aliases"} and speaker["type"] in ("person", "org")


def test_stats_remove_problems_export(
    indexed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--index", str(indexed)]) == 0
    assert "articles:  8 from 8 files" in capsys.readouterr().out
    out_file = tmp_path / "rows.jsonl"
    assert main(["export", "oil", "--index", str(indexed), "--format", "jsonl", "-o", str(out_file)]) == 0
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert len(rows) == 2 and all("oil" in row["headline"] for row in rows)
    assert main(["remove", str(tmp_path / "news"), "--index", str(indexed)]) == 0
    assert "removed 8 articles" in capsys.readouterr().out
    assert main(["problems", "--index", str(indexed)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_file_system_errors_are_messages_not_tracebacks(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "oil", "--index", str(indexed), "-o", "/nonexistent/folder/rows.csv"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("searchapp: ") and "Traceback" not in err and "/nonexistent/folder/rows.csv" in err


def test_max_size_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(tmp_path), "--max-size", "0", "--index", str(tmp_path / "ix")]) == 2
    assert "--max-size" in capsys.readouterr().err


def test_entities_list_merge_and_undo(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = ["--index", str(indexed)]
    assert main(["entities", "list", "--type", "person", "--json", *index]) == 0
    listed = {e["name"]: e for e in json.loads(capsys.readouterr().out)["entities"]}
    assert set(listed) >= {"Tony Blair", "Gordon Brown"}
    entry = listed["Tony Blair"]
    assert entry["type"] == "person" and entry["articles"] >= 1 and entry["quoted"] >= 1
    assert set(entry) == {"name", "type", "aliases", "articles", "quoted", "hidden", "changes"}

    assert main(["entities", "merge", "gordon brown", "--into", "Tony Blair", *index]) == 0
    assert "Merged Gordon Brown into Tony Blair" in capsys.readouterr().out
    assert main(["search", "", "--filter", "speaker=Tony Blair", "--json", *index]) == 0
    merged = json.loads(capsys.readouterr().out)
    assert merged["total"] == listed["Tony Blair"]["articles"] + listed["Gordon Brown"]["articles"]
    assert all(s["name"] != "Gordon Brown" for hit in merged["hits"] for s in hit["speakers"])

    assert main(["entities", "undo", *index]) == 0
    assert "undone: Merged Gordon Brown into Tony Blair" in capsys.readouterr().out
    assert main(["entities", "changes", "--json", *index]) == 0
    assert json.loads(capsys.readouterr().out) == {"changes": []}


def test_entities_unknown_name_exits_1_with_close_matches(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", "hide", "Tony Bliar", "--index", str(indexed)]) == 1
    assert "Did you mean: Tony Blair" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # NEW is missing: argparse's usage error
        main(["entities", "rename", "Tony Blair", "--index", str(indexed)])
    assert usage.value.code == 2


def test_coverage_json_and_csv_contracts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.core.factories import write_json_records

    records = [
        {"title": f"Harbour {n}", "text": f'"We will rebuild the harbour," said Tony Blair on day {n}.',
         "date_publish": f"2005-0{1 + n % 3}-1{n % 9}T10:00:00", "source_domain": "planet.example"}
        for n in range(6)
    ] + [{"title": "Undated", "text": '"Later," said Tony Blair.', "source_domain": "planet.example"}]
    write_json_records(tmp_path / "news" / "a.jsonl", records)
    index = ["--index", str(tmp_path / "index")]
    assert main(["index", str(tmp_path / "news"), *index, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["coverage", "tony blair", "--by", "month", "--json", *index]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"by", "buckets", "articles", "undated_articles", "series"}
    assert data["by"] == "month" and data["buckets"] == ["2005-01", "2005-02", "2005-03"]
    assert data["articles"] == [2, 2, 2] and data["undated_articles"] == 1
    series = data["series"][0]
    assert series["name"] == "Tony Blair" and series["type"] == "person"
    assert series["quoted"] == series["mentioned"] == [2, 2, 2] and series["undated_quoted"] == 1
    assert series["outlets"] == {"planet.example": 7}
    assert main(["coverage", "Tony Blair", "--by", "month", "--csv", *index]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "bucket,articles,Tony Blair quoted,Tony Blair mentioned"
    assert rows[1:] == ["2005-01,2,2,2", "2005-02,2,2,2", "2005-03,2,2,2", "undated,1,1,1"]
    assert main(["coverage", "Tony Bliar", *index]) == 1
    assert "Did you mean: Tony Blair" in capsys.readouterr().err


def run_cli(*args: str, tmp_path: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m searchapp ARGS` in a process of its own, its data folders in tmp_path."""
    env = {**os.environ, "SEARCHAPP_LOG_DIR": str(tmp_path / "log"), "SEARCHAPP_CONFIG_DIR": str(tmp_path / "config"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "searchapp", *args], capture_output=True, text=True, env=env,
                          timeout=timeout, check=False)


def test_library_log_lines_go_to_the_log_file_not_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(30):  # more than a few: parsed in worker processes too
        (folder / f"deep{number}.html").write_bytes(deep_page(3000, menu=False))
    run = run_cli("index", str(folder), "--index", str(tmp_path / "index"), "--quiet", tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("indexed 30 articles from 30 files")
    assert run.stderr == ""  # trafilatura's "discarding data: None" for each page stays out of the terminal
    assert "discarding data" in (tmp_path / "log" / "searchapp.log").read_text(encoding="utf-8")
    inspect = run_cli("inspect", str(folder / "deep0.html"), "--json", tmp_path=tmp_path)
    assert inspect.stderr == ""
    assert json.loads(inspect.stdout)["extraction"] == "visible text"


def test_an_unknown_command_is_a_usage_error_naming_the_close_ones(tmp_path: Path) -> None:
    mistyped = run_cli("serch", "oil", tmp_path=tmp_path)
    assert mistyped.returncode == 2
    assert mistyped.stderr.startswith("searchapp: 'serch' is not a command, nor a file or folder here. "
                                      "Did you mean: search")
    assert "Traceback" not in mistyped.stderr and mistyped.stdout == ""
    assert run_cli("foo", tmp_path=tmp_path).returncode == 2


def test_a_word_that_names_a_file_or_folder_is_for_the_window() -> None:
    from searchapp.__main__ import not_a_path

    folder = str(Path(__file__).parent)
    assert not_a_path([folder]) == "" and not_a_path(["--index", "anywhere", folder]) == ""
    assert not_a_path(["--index", "not-yet-made"]) == ""  # the value of --index need not exist
    assert "no such file or folder" in not_a_path(["./missing.txt"])


ON_LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays are Linux's")


@ON_LINUX
def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SEARCHAPP_LOG_DIR"] = str(tmp_path / "log")
    started = subprocess.run([sys.executable, "-m", "searchapp"], capture_output=True, text=True, env=env,
                             timeout=120, check=False)
    assert started.returncode == 1  # not 134, Qt's abort with a core dump
    assert started.stderr.count("\n") == 1 and started.stderr.startswith("searchapp: no display")


@ON_LINUX
def test_a_display_that_cannot_be_reached_is_named() -> None:
    from searchapp.gui.app import display_problem

    assert display_problem({"DISPLAY": ":4242"}).startswith("cannot connect to the X display ':4242'")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) == ""
    assert display_problem({}).startswith("no display")


def test_search_says_how_a_query_was_read(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "title:(", "--index", str(indexed)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith("searchapp: Searched as words: title (a bracket ( is not closed")
    assert main(["search", "report*", "--index", str(indexed), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notice"] is None
    assert main(["search", "AND OR NOT", "--index", str(indexed)]) == 2
    assert "no words to join" in capsys.readouterr().err


def test_indexing_prepares_the_first_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from searchapp.config.paths import cache_dir

    folder = make_txt_folder(tmp_path / "news", 4)
    assert main(["index", str(folder), "--index", str(tmp_path / "index"), "--quiet"]) == 0
    # the names and the collection's counts are kept before any search asks for them
    assert list(cache_dir().glob("names/*.pickle")) and list(cache_dir().glob("counts/*.pickle"))
    capsys.readouterr()
    assert main(["search", "", "--index", str(tmp_path / "index"), "--json", "--facets"]) == 0
    speakers = json.loads(capsys.readouterr().out)["facets"]["speakers"]
    assert sum(value["count"] for value in speakers) == 4
