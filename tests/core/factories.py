"""Small article folders made for a test."""

from __future__ import annotations

import json
from pathlib import Path

TOPICS = ["oil prices", "election campaign", "football final", "film awards", "mobile phones"]
NAMES = ["George Galloway", "Patricia Hewitt", "Tony Blair", "Gordon Brown", "Alan Beith"]


def write_txt(folder: Path, name: str, headline: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{headline}\n\n{body}\n", encoding="utf-8")
    return path


def make_txt_folder(folder: Path, count: int) -> Path:
    """`count` articles, each about one topic and quoting one person."""
    for number in range(count):
        topic = TOPICS[number % len(TOPICS)]
        name = NAMES[number % len(NAMES)]
        body = (
            f"A story about {topic}, number {number}.\n\n"
            f'"This matters a great deal," said {name}, speaking on Monday.\n\n'
            f"Officials are watching the {topic} closely."
        )
        write_txt(folder, f"{number:04d}.txt", f"Report {number} on {topic}", body)
    return folder


def write_json_records(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    return path


PARAGRAPH = ("<p>The mayor of Springfield said on Monday that the new harbour bridge would open next spring, "
             "after years of delay and a budget that doubled.</p>")


def deep_page(depth: int, *, menu: bool = True) -> bytes:
    """An HTML article (six paragraphs about a harbour bridge) under `depth` nested elements:
    deeper than lxml's parser goes (256), so the main-text extractor misses it (keeping the menu,
    or without one, rejecting the page with a log line of its own)."""
    return (
        "<html><head><title>Bridge opens next spring</title></head><body>"
        + ("<nav>Home News Sport</nav>" if menu else "")
        + "<div>" * depth + "<article><h1>Bridge opens next spring</h1>" + PARAGRAPH * 6 + "</article>"
        + "</div>" * depth + "<script>var hidden = 'not text';</script><footer>Contact us</footer></body></html>"
    ).encode()
