"""`searchapp coverage`: how many articles quote and mention people and organisations, per day, week,
month or year (a stable contract for scripts: see the README)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from searchapp.core.coverage import BUCKETS, Coverage, write_csv


def add_parser(commands: Any, index_option: argparse.ArgumentParser) -> None:
    cover = commands.add_parser(
        "coverage",
        parents=[index_option],
        help="articles quoting and mentioning people or organisations over time",
        description="Count, per bucket of time, the articles that quote and that mention each NAME (a person "
        "or organisation, or any of its aliases; one series each), within --query and --filter. A quoted "
        "article also counts as mentioning.",
    )
    cover.add_argument("names", nargs="+", metavar="NAME")
    cover.add_argument("--query", default="", metavar="Q", help="only articles matching this search")
    cover.add_argument("--filter", action="append", default=[], metavar="FACET=VALUE",
                       help="only articles with this facet value (as for `search`)")
    cover.add_argument("--by", choices=BUCKETS, help="bucket size (default: chosen from the span)")
    cover.add_argument("--dedupe", action="store_true", help="count each story once (copies and reprints together)")
    output = cover.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON object")
    output.add_argument("--csv", action="store_true", help="a table with a header row")


def coverage_json(result: Coverage) -> dict[str, Any]:
    return {
        "by": result.by,
        "buckets": list(result.buckets),
        "articles": list(result.articles),
        "undated_articles": result.undated_articles,
        "series": [
            {
                "name": s.name,
                "type": s.type,
                "quoted": list(s.quoted),
                "mentioned": list(s.mentioned),
                "undated_quoted": s.undated_quoted,
                "undated_mentioned": s.undated_mentioned,
                "outlets": s.outlets,
                "quoted_outlets": s.quoted_outlets,
            }
            for s in result.series
        ],
    }


def cmd_coverage(args: argparse.Namespace, open_index: Any, filters: Any) -> int:
    from searchapp.core.coverage import coverage

    index = open_index(args)
    result = coverage(index, args.names, query=args.query, filters=filters(args.filter), by=args.by,
                      dedupe=args.dedupe)
    if args.json:
        print(json.dumps(coverage_json(result), ensure_ascii=False, indent=1))
        return 0
    if args.csv:
        write_csv(result, sys.stdout)
        return 0
    width = max([len(b) for b in result.buckets] + [8])
    header = f"{'':{width}}  {'articles':>8}" + "".join(f"  {s.name[:22]:>22}" for s in result.series)
    print(header)
    print(f"{'':{width}}  {'':>8}" + "".join(f"  {'quoted / mentioned':>22}" for _s in result.series))
    for position, bucket in enumerate(result.buckets):
        cells = "".join(f"  {f'{s.quoted[position]} / {s.mentioned[position]}':>22}" for s in result.series)
        print(f"{bucket:{width}}  {result.articles[position]:>8}{cells}")
    cells = "".join(f"  {f'{s.undated_quoted} / {s.undated_mentioned}':>22}" for s in result.series)
    print(f"{'undated':{width}}  {result.undated_articles:>8}{cells}")
    for s in result.series:
        top = ", ".join(f"{outlet} {count}" for outlet, count in list(s.outlets.items())[:5])
        if top:
            print(f"\n{s.name}: mentioned most by {top}")
    return 0
