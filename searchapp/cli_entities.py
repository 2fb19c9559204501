"""`searchapp entities`: list the people and organisations of an index, and correct their names.

Corrections are kept beside the index and apply at once to search, facets, filters, highlights and
exports, without re-indexing; they survive re-indexing and upgrades.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from searchapp.core.entities import Change

ACTIONS = ("list", "merge", "rename", "retype", "hide", "show", "split", "changes", "undo")


def add_parser(commands: Any, index_option: argparse.ArgumentParser) -> None:
    entities = commands.add_parser(
        "entities",
        help="list people and organisations; merge, rename or hide names (undo with `entities undo`)",
        description="List the people and organisations of the index, and correct their names. "
        "A NAME may be the name shown or any of its aliases. Changes apply at once, without re-indexing.",
    )
    actions = entities.add_subparsers(dest="action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", parents=[index_option], help="every person and organisation, most mentioned first")
    listing.add_argument("--type", choices=("person", "org"), help="only people or only organisations")
    listing.add_argument("--json", action="store_true", help="machine-readable output")

    merge = actions.add_parser("merge", parents=[index_option], help="count several names as one")
    merge.add_argument("names", nargs="+", metavar="NAME")
    merge.add_argument("--into", required=True, metavar="NAME", help="the name they all become (an existing name)")

    rename = actions.add_parser("rename", parents=[index_option], help="give a name another spelling or form")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")

    retype = actions.add_parser("retype", parents=[index_option], help="make a person an organisation or back")
    retype.add_argument("name", metavar="NAME")
    retype.add_argument("--as", dest="type", required=True, choices=("person", "org"))

    hide = actions.add_parser("hide", parents=[index_option], help="not a person or organisation: leave it out")
    hide.add_argument("names", nargs="+", metavar="NAME")

    show = actions.add_parser(
        "show", parents=[index_option],
        help="count a hidden name again (one the collection took for a work, such as a film's title)")
    show.add_argument("names", nargs="+", metavar="NAME")

    split = actions.add_parser(
        "split", parents=[index_option], help="in one article, a name is someone else"
    )
    split.add_argument("name", metavar="NAME")
    split.add_argument("--article", required=True, metavar="PATH", help="the article's path, as `search` prints it")
    split.add_argument("--as", dest="new", required=True, metavar="NAME", help="who it is in that article")

    shown = actions.add_parser("changes", parents=[index_option], help="the corrections made so far, oldest first")
    shown.add_argument("--json", action="store_true")

    undo = actions.add_parser("undo", parents=[index_option], help="take back the last correction")
    undo.add_argument("--json", action="store_true")


def _change_json(change: Change) -> dict[str, Any]:
    return {**change.to_json(), "description": change.describe()}


def cmd_entities(args: argparse.Namespace, open_index: Any) -> int:
    from searchapp.core import names

    index = open_index(args)
    if args.action == "list":
        rows = names.list_names(index, args.type)
        if args.json:
            print(json.dumps({"entities": [
                {"name": r.name, "type": r.type, "aliases": list(r.aliases), "articles": r.articles,
                 "quoted": r.quoted, "hidden": r.hidden, "changes": list(r.changes)}
                for r in rows
            ]}, ensure_ascii=False, indent=1))
            return 0
        for row in rows:
            facts = f"{row.articles:,} article{'s' if row.articles != 1 else ''}, {row.quoted:,} quoted"
            state = "  [hidden]" if row.hidden else ""
            also = f"  (also {', '.join(row.aliases[:6])}{', …' if len(row.aliases) > 6 else ''})" if row.aliases else ""
            print(f"{row.name}  [{row.type}]  {facts}{state}{also}")
        if not rows:
            print("no people or organisations")
        return 0
    if args.action == "changes":
        done = names.changes(index)
        if args.json:
            print(json.dumps({"changes": [_change_json(c) for c in done]}, ensure_ascii=False, indent=1))
        for number, change in enumerate(done if not args.json else (), start=1):
            print(f"{number}. {change.describe()}" + (f"  ({change.at})" if change.at else ""))
        if not done and not args.json:
            print("no corrections")
        return 0
    if args.action == "undo":
        change = names.undo(index)
        if args.json:
            print(json.dumps({"undone": _change_json(change) if change else None}, ensure_ascii=False))
        else:
            print(f"undone: {change.describe()}" if change else "nothing to undo")
        return 0
    if args.action == "merge":
        change = names.correct(index, "merge", args.names, to=args.into)
    elif args.action == "rename":
        change = names.correct(index, "rename", [args.old], to=args.new)
    elif args.action == "retype":
        change = names.correct(index, "retype", [args.name], type=args.type)
    elif args.action in ("hide", "show"):
        change = names.correct(index, args.action, args.names)
    else:
        change = names.correct(index, "split", [args.name], to=args.new, path=args.article)
    print(change.describe(), file=sys.stdout)
    return 0
