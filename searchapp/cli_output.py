"""What the command line prints: the --json shapes (a stable contract for scripts) and a progress bar."""

from __future__ import annotations

import html
import re
import sys
import time
from datetime import datetime
from typing import Any

from searchapp.core.models import Entities, Hit, IndexProgress, IndexReport, Speaker
from searchapp.core.wording import counted


def speaker_json(speaker: Speaker) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "type": speaker.type,
        "role": speaker.role,
        "aliases": list(speaker.aliases),
    }


def iso_date(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def entities_json(entities: Entities) -> dict[str, Any]:
    return {
        "speakers": [speaker_json(speaker) for speaker in entities.speakers],
        "people": list(entities.people),
        "orgs": list(entities.orgs),
    }


class ProgressBar:
    """What indexing is doing, on one line of a terminal: walking the folders, writing N new / M
    changed / K removed files (a bar, a rate, the time left), committing, merging. Silent when
    standard error is not a terminal, except for a wait for another writer, which is always said."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.start = 0.0
        self.first_done = 0
        self.last = 0.0
        self.phase = ""
        self.shown = False
        self.width = 0  # of the line shown last

    def __call__(self, update: IndexProgress) -> None:
        if update.phase == "waiting":
            self._line_done()
            print(f"searchapp: {update.current}; waiting for it to finish "
                  "(Ctrl+C stops waiting; --no-wait exits at once)", file=sys.stderr, flush=True)
            return
        now = time.monotonic()
        new_phase = update.phase != self.phase
        self.phase = update.phase
        if not self.enabled or (not new_phase and now - self.last < 0.1 and update.done < update.total):
            return
        self.last = now
        if update.phase == "walking":
            text = f"walking the folders: {counted(update.done, 'file')} found so far"
        elif update.phase == "indexing":
            text = self._indexing(update, now)
        elif update.phase == "merging":
            text = f"merging index segments ({counted(update.articles, 'article')}); this can take a while"
        else:
            text = f"committing {counted(update.articles, 'article')} to the index"
        # Spaces rather than an escape sequence to clear what a longer line left: any terminal shows them.
        print(f"\r{text:<{self.width}}", end="", file=sys.stderr, flush=True)
        self.width = len(text)
        self.shown = True

    def _indexing(self, update: IndexProgress, now: float) -> str:
        if not self.start:
            self.start, self.first_done = now, update.done
        width = 24
        total = update.total
        filled = int(width * update.done / total) if total else width
        plan = ", ".join(
            part for part in (
                f"{update.new:,} new" if update.new else "",
                f"{update.changed:,} changed" if update.changed else "",
                f"{update.removed:,} removed" if update.removed else "",
            ) if part
        )
        rate = (update.done - self.first_done) / (now - self.start) if now - self.start > 0.5 else 0
        left = f" {(total - update.done) / rate:.0f} s left" if rate and update.done < total else ""
        return (f"[{'#' * filled}{'.' * (width - filled)}] {update.done:,} of {counted(total, 'file')}"
                + (f" ({plan})" if plan else "") + (f" {rate:.0f}/s{left}" if rate else ""))

    def _line_done(self) -> None:
        if self.shown:
            print(file=sys.stderr)
            self.shown = False
            self.width = 0

    def finish(self) -> None:
        self._line_done()


def index_summary(report: IndexReport) -> str:
    """One line for scripts and people: articles and files, new, changed, unchanged, removed, skipped."""
    files = report.indexed + report.updated
    articles = report.new_articles + report.updated_articles
    line = (f"indexed {counted(articles, 'article')} from {counted(files, 'file')} "
            f"({report.indexed:,} new, {report.updated:,} changed); unchanged {report.unchanged:,}, "
            f"removed {report.removed:,}, skipped {len(report.problems):,}")
    return line + (" (stopped before the end)" if report.cancelled else "")


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "path": hit.path,
        "headline": hit.headline,
        "byline": hit.byline,
        "outlet": hit.outlet,
        "published": iso_date(hit.published),
        "url": hit.url,
        "format": hit.format,
        "folder": hit.folder,
        "speakers": [speaker_json(speaker) for speaker in hit.speakers],
        "people": list(hit.people),
        "orgs": list(hit.orgs),
        "score": round(hit.score, 4),
        "snippet": hit.snippet_html,
        "story": hit.story,
        "copies": hit.copies,
    }


def plain(snippet_html: str) -> str:
    return html.unescape(re.sub(r'<b class="hit">(.*?)</b>', r"[\1]", snippet_html))
