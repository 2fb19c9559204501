"""The command line over the core: index, search, inspect, stats, remove, problems, export, entities,
coverage.

Exit status: 0 when all went well, 1 when some files were skipped (or the work failed), 2 on a
usage error (a bad option or a query that cannot be read).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any

from searchapp import __version__, cli_coverage, cli_entities
from searchapp.cli_output import ProgressBar, entities_json, hit_json, index_summary, iso_date, plain
from searchapp.config.paths import default_index_dir
from searchapp.core.errors import QueryError, SearchAppError, SkipFile
from searchapp.core.wording import counted

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    index_option = argparse.ArgumentParser(add_help=False)
    index_option.add_argument(
        "--index",
        metavar="DIR",
        type=Path,
        default=None,
        help=f"index folder (default: the one in settings, else {default_index_dir()})",
    )
    parser = argparse.ArgumentParser(
        prog="searchapp",
        description="Search folders of news articles by person or agency. "
        "Without a command, `searchapp` opens the window.",
        epilog="The window: searchapp [--index DIR] [PATH ...] (PATHs are indexed on start; when a window is "
        "already open on that index, it is brought to the front and given them). "
        "Other options: --self-test (start the window offscreen, index the sample, search, exit), "
        "--install-desktop-entry, --uninstall-desktop-entry.",
    )
    parser.add_argument("--version", action="version", version=f"SearchApp {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    index = commands.add_parser("index", parents=[index_option], help="index folders or files where they are")
    index.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    index.add_argument(
        "--max-size", type=float, default=20, metavar="MB", help="skip larger files (default 20)"
    )
    index.add_argument("--quiet", action="store_true", help="no progress bar")
    index.add_argument(
        "--no-wait",
        action="store_true",
        help="when another SearchApp process is writing to the index, exit at once (status 1) instead of waiting",
    )

    search = commands.add_parser("search", parents=[index_option], help="search the index")
    search.add_argument(
        "query", nargs="?", default="", help='query, e.g. speaker:galloway "prime minister" date:2005'
    )
    search.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="FACET=VALUE",
        help="keep results with this facet value; facets: speaker, person, org, outlet, year, month, format, folder",
    )
    search.add_argument("--facets", action="store_true", help="print facet counts")
    search.add_argument("--facet-values", type=int, default=100, metavar="N",
                        help="most frequent values counted per facet (default 100; 0 for every value)")
    search.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance")
    search.add_argument("--limit", type=int, default=10, metavar="N", help="results per page (default 10)")
    search.add_argument("--page", type=int, default=1, metavar="N")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.add_argument("--dedupe", action="store_true",
                        help="count each story once (an article and its near-copies: reprints, wire copy)")

    inspect = commands.add_parser("inspect", help="show how a file is parsed and who is quoted in it")
    inspect.add_argument("file", type=Path)
    inspect.add_argument("--json", action="store_true")

    commands.add_parser("stats", parents=[index_option], help="what the index holds")
    remove = commands.add_parser(
        "remove", parents=[index_option], help="remove a folder or file from the index"
    )
    remove.add_argument("path", type=Path)
    commands.add_parser("problems", parents=[index_option], help="files that could not be indexed, and why")

    export = commands.add_parser(
        "export", parents=[index_option], help="export every result as CSV or JSON Lines"
    )
    export.add_argument("query", nargs="?", default="")
    export.add_argument("--filter", action="append", default=[], metavar="FACET=VALUE")
    export.add_argument("--sort", choices=("relevance", "newest", "oldest"), default="relevance")
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")

    cli_entities.add_parser(commands, index_option)
    cli_coverage.add_parser(commands, index_option)
    return parser


FILTER_NAMES = {
    "speaker": "speakers",
    "speakers": "speakers",
    "person": "people",
    "people": "people",
    "org": "orgs",
    "orgs": "orgs",
    "outlet": "outlet",
    "year": "year",
    "month": "month",
    "format": "format",
    "folder": "folder",
}


def _filters(specs: list[str]) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        field = FILTER_NAMES.get(name.strip().lower())
        if not sep or field is None or not value.strip():
            raise QueryError(
                f"--filter '{spec}' should look like speaker=NAME (facets: {', '.join(FILTER_NAMES)})"
            )
        filters.setdefault(field, []).append(value.strip())
    return filters


def _index_location(args: argparse.Namespace) -> Path:
    from searchapp.config import settings

    return Path(args.index or settings.load().index_path())


def _open(args: argparse.Namespace, *, read_only: bool = False, **options: Any) -> Any:
    """The index; for the commands that only read, opened read-only (nothing is created or written)."""
    from searchapp.config import settings
    from searchapp.core.index import ArticleIndex

    saved = settings.load()
    options.setdefault("max_file_size", saved.max_file_size)
    index = ArticleIndex(_index_location(args), read_only=read_only, **options)
    if index.rebuilt:
        why = (f"The index was damaged ({index.damage})" if index.damage
               else "The index was made by another version of SearchApp")
        print(f"searchapp: {why}; it has been reset and is being rebuilt.", file=sys.stderr)
    return index


def cmd_index(args: argparse.Namespace) -> int:
    if args.max_size is not None and args.max_size <= 0:
        raise QueryError("--max-size must be a number of megabytes above 0")
    options = {"max_file_size": int(args.max_size * 1024 * 1024)} if args.max_size is not None else {}
    index = _open(args, **options)
    paths = list(args.paths)
    if index.rebuilt:  # every known folder comes back, not only the ones named now
        named = {os.path.abspath(path) for path in paths}
        paths += [Path(folder) for folder in (f.path for f in index.folders()) if folder not in named]
    bar = ProgressBar(not args.quiet)
    try:
        report = index.add(paths, progress=bar, wait=not args.no_wait)
        if not report.cancelled:
            _prepare_searches(index)
    finally:
        bar.finish()
        index.close()
    print(index_summary(report))
    for problem in report.problems:
        print(f"  skipped {problem.path}: {problem.reason}")
    return EXIT_SKIPPED if report.problems or report.cancelled else EXIT_OK


def _prepare_searches(index: Any) -> None:
    """Work out the collection's names and facet counts now, as the first search would: they are kept in
    the cache folder, so a script's first search after indexing is as quick as the next (seconds at
    100,000 articles otherwise). Nothing is lost when this fails: the first search does it then."""
    from searchapp.core.search import search

    try:
        search(index, "", page_size=1)
    except Exception:  # noqa: BLE001 - a search that fails here fails again, with its message, when asked
        logging.getLogger(__name__).info("could not prepare the first search", exc_info=True)


def cmd_search(args: argparse.Namespace) -> int:
    from searchapp.core.export import json_text
    from searchapp.core.search import search

    index = _open(args, read_only=True)
    result = search(
        index,
        args.query,
        filters=_filters(args.filter),
        sort=args.sort,
        page=args.page,
        page_size=max(1, args.limit),
        with_facets=args.facets or args.json,
        facet_limit=args.facet_values if args.facet_values > 0 else None,
        dedupe=args.dedupe,
    )
    if args.json:
        output: dict[str, Any] = {
            "query": args.query,
            "notice": result.notice or None,
            "total": result.total,
            "page": result.page,
            "took_ms": result.took_ms,
            "hits": [hit_json(hit) for hit in result.hits],
        }
        if args.facets:
            output["facets"] = {
                f: [{"value": c.value, "count": c.count} for c in counts]
                for f, counts in result.facets.items()
            }
            if result.facet_sizes:  # the facets cut to their --facet-values most frequent values
                output["facet_sizes"] = result.facet_sizes
        # Indented for a person at a terminal; one line for a script (tens of thousands of facet values
        # are encoded in C only without an indent: seconds at 100,000 articles otherwise)
        print(json_text(output, indent=1 if sys.stdout.isatty() else None))
        return EXIT_OK
    first = (result.page - 1) * result.page_size
    if result.notice:  # how the query was read, when not as typed: beside the results, not among them
        print(f"searchapp: {result.notice}", file=sys.stderr)
    print(counted(result.total, "article"))
    for number, hit in enumerate(result.hits, start=first + 1):
        facts = " · ".join(
            x for x in (hit.outlet, hit.published.date().isoformat() if hit.published else "") if x
        )
        print(f"\n{number}. {plain(hit.headline_html)}" + (f"  ({facts})" if facts else ""))
        if hit.speakers:
            print("   quoted: " + ", ".join(speaker.name for speaker in hit.speakers))
        if hit.copies:
            print(f"   +{hit.copies} cop{'y' if hit.copies == 1 else 'ies'} of this story")
        print(f"   {plain(hit.snippet_html)}")
        print(f"   {hit.path}")
    if args.facets:
        for field, counts in result.facets.items():
            if counts:
                shown = ", ".join(f"{c.value} ({c.count})" for c in counts[:10])
                size = result.facet_sizes.get(field, len(counts))
                print(f"\n{field}: {shown}" + (f" … ({size:,} values)" if size > 10 else ""))
    return EXIT_OK


def cmd_inspect(args: argparse.Namespace) -> int:
    from searchapp.core.export import json_text
    from searchapp.core.extract import extract_entities
    from searchapp.core.parse import parse_bytes

    path = args.file.resolve()
    try:
        articles = parse_bytes(path.read_bytes(), str(path))
    except OSError as error:
        raise SearchAppError(f"cannot read {path}: {error.strerror}") from None
    except SkipFile as error:
        print(f"{path}: skipped: {error}", file=sys.stderr)
        return EXIT_SKIPPED
    for article in articles:
        entities = extract_entities(article)
        record = {
            "headline": article.headline,
            "body": article.body,
            "byline": article.byline,
            "outlet": article.outlet,
            "published": iso_date(article.published),
            "url": article.url,
            "path": article.path,
            "format": article.format,
            "language": article.language,
            "extraction": article.extraction or None,
            **entities_json(entities),
        }
        if args.json:
            print(json_text(record))
            continue
        for key in ("path", "format", "headline", "byline", "outlet", "published", "url", "language", "extraction"):
            if record[key]:
                print(f"{key:>10}: {record[key]}")
        for speaker in entities.speakers:
            extra = ", ".join(
                x
                for x in (speaker.role, "also " + " / ".join(speaker.aliases) if speaker.aliases else "")
                if x
            )
            print(f"{'speaker':>10}: {speaker.name} [{speaker.type}]" + (f" ({extra})" if extra else ""))
        print(f"{'people':>10}: {', '.join(entities.people)}")
        print(f"{'orgs':>10}: {', '.join(entities.orgs)}")
        print(f"{'body':>10}: {len(article.body.split())} words\n\n{article.body}\n")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    index = _open(args, read_only=True)
    stats = index.stats()
    print(f"index:     {stats.location}")
    print(f"articles:  {stats.articles:,} from {counted(stats.files, 'file')}")
    print(f"problems:  {stats.problems:,}")
    print(f"size:      {stats.size_bytes / 1048576:.1f} MB")
    print(f"updated:   {stats.last_update or 'never'}")
    for folder in index.folders():
        state = " (missing)" if folder.missing else ""
        print(f"folder:    {folder.path}{state}: {counted(folder.articles, 'article')}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    index = _open(args)
    removed = index.remove(args.path)
    print(f"removed {counted(removed, 'article')} from the index")
    return EXIT_OK


def cmd_problems(args: argparse.Namespace) -> int:
    problems = _open(args, read_only=True).problems()
    for problem in problems:
        print(f"{problem.path}: {problem.reason}")
    if not problems:
        print("no problems")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from searchapp.core.export import export_rows, write_csv, write_jsonl

    rows = export_rows(_open(args, read_only=True), args.query, _filters(args.filter), args.sort)
    write = write_csv if args.format == "csv" else write_jsonl
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            count = write(rows, out)
        print(f"wrote {count} rows to {args.output}", file=sys.stderr)
    else:
        write(rows, sys.stdout)
    return EXIT_OK


COMMANDS = {
    "index": cmd_index,
    "search": cmd_search,
    "inspect": cmd_inspect,
    "stats": cmd_stats,
    "remove": cmd_remove,
    "problems": cmd_problems,
    "export": cmd_export,
    "entities": lambda args: cli_entities.cmd_entities(args, _open),
    "coverage": lambda args: cli_coverage.cmd_coverage(args, _open, _filters),
}


READ_COMMANDS = ("search", "stats", "problems", "export")


def main(argv: list[str] | None = None) -> int:
    from searchapp.config import paths
    from searchapp.core.logs import setup_logging
    from searchapp.core.storage import reading

    setup_logging(paths.log_dir(), terminal=True)  # library chatter goes to the log file only
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command in READ_COMMANDS:  # a damaged file met while reading is named, not a traceback
            with reading(_index_location(args)):
                return COMMANDS[args.command](args)
        return COMMANDS[args.command](args)
    except QueryError as error:
        print(f"searchapp: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SearchAppError as error:
        print(f"searchapp: {error}", file=sys.stderr)
        return EXIT_SKIPPED
    except BrokenPipeError:  # `searchapp search ... | head`
        return EXIT_OK
    except OSError as error:  # an unwritable export file, an index folder that cannot be created
        where = f" ({error.filename})" if error.filename else ""
        print(f"searchapp: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_SKIPPED
    except KeyboardInterrupt:
        print("\nsearchapp: interrupted; what was committed stays in the index", file=sys.stderr)
        return 130
