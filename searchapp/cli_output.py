"""What the command line prints: the --json shapes (a stable contract for scripts) and a progress bar."""

from __future__ import annotations

import html
import re
import sys
import time
from datetime import datetime
from typing import Any

from searchapp.core.models import Entities, Hit, Speaker


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
    """A one-line progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int, current: str) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / (now - self.start) if now > self.start else 0
        left = f"{(total - done) / rate:.0f}s left" if rate and done < total else ""
        print(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f}/s {left}   ",
            end="",
            file=sys.stderr,
            flush=True,
        )

    def finish(self) -> None:
        if self.enabled:
            print(file=sys.stderr)


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
