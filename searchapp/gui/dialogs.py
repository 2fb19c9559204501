"""Help dialogs: About (with the sample's Wikinews attribution and data locations), shortcuts, syntax."""

from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from searchapp.config import paths
from searchapp.gui.icons import app_icon

SHORTCUTS = (
    ("Ctrl+L, Ctrl+F", "Go to the search box"),
    ("Enter (in the search box)", "Search now"),
    ("Esc (in the search box)", "Clear the search"),
    ("Ctrl+O", "Add a folder to the index"),
    ("Enter (in the results)", "Read the selected article"),
    ("Alt+Down / Alt+Up", "Next / previous result"),
    ("F3 / Shift+F3", "Next / previous hit in the article"),
    ("Ctrl+Shift+F", "Show the indexed folders"),
    ("Ctrl+Shift+N", "Names: every person and organisation, to merge, rename or hide"),
    ("Ctrl+Shift+X", "Clear all filters"),
    ("Ctrl+E", "Export the results as CSV"),
    ("F1", "Query syntax"),
    ("Ctrl+Q", "Quit"),
)

SYNTAX = """
<h3>Searching</h3>
<p>Words are matched in the headline, the text, the byline and the names of the people and
organisations in an article. Every word must match; word endings are ignored, so <b>protest</b>
finds <i>protests</i> and <i>protesters</i>.</p>
<table cellspacing="6">
<tr><td><code>galloway</code></td><td>a name finds the person: George Galloway, Mr Galloway</td></tr>
<tr><td><code>"health secretary"</code></td><td>an exact phrase</td></tr>
<tr><td><code>blair OR brown</code></td><td>either word</td></tr>
<tr><td><code>labour NOT tory</code></td><td>leave out articles with a word</td></tr>
<tr><td><code>(blair OR brown) budget</code></td><td>group with brackets</td></tr>
<tr><td><code>econom*</code></td><td>words starting with <i>econom</i></td></tr>
<tr><td><code>chomsky~</code></td><td>similar spellings too (one letter off; the first letter as typed)</td></tr>
<tr><td><code>UN</code></td><td>a word typed in capitals (two letters or more) matches only where it is
written in capitals: the United Nations, not Kim Jong-un; <code>un</code> matches any case</td></tr>
</table>
<p>A pattern that matches very many words (<code>a*</code>) is searched for its most common ones, and
<code>*</code> alone shows every article; the line under the search box says so. A query that cannot
be read (a bracket or a quotation mark left open) is searched as plain words, and the line under the
search box says that too. <code>AND</code>, <code>OR</code> and <code>NOT</code> join words: alone they
find nothing.</p>
<h3>Fields</h3>
<table cellspacing="6">
<tr><td><code>speaker:galloway</code></td><td>quoted by name (also <code>quoted:</code>)</td></tr>
<tr><td><code>person:blair</code></td><td>a person mentioned (also <code>people:</code>)</td></tr>
<tr><td><code>org:ipcc</code></td><td>an organisation (also <code>agency:</code>)</td></tr>
<tr><td><code>outlet:bbc</code></td><td>the outlet that published it (also <code>source:</code>)</td></tr>
<tr><td><code>headline:election</code></td><td>only in headlines (also <code>title:</code>)</td></tr>
<tr><td><code>body:election</code></td><td>only in the text</td></tr>
<tr><td><code>byline:smith</code></td><td>the author (also <code>author:</code>)</td></tr>
</table>
<h3>Dates</h3>
<table cellspacing="6">
<tr><td><code>date:2005</code></td><td>a year; also <code>date:2005-03</code> or <code>date:2005-03-31</code></td></tr>
<tr><td><code>date:2005-01..2005-03</code></td><td>a range (either end may be left out)</td></tr>
<tr><td><code>date:&gt;2005-06-01</code></td><td>after a day; <code>date:&lt;2005</code> before a year</td></tr>
</table>
<p>The filters on the left (speakers, people, organisations, outlets, years, folders) combine with the
query: several values of one filter mean <i>any of them</i>, different filters must all match.</p>
"""


def _version() -> str:
    try:
        return metadata.version("searchapp")
    except metadata.PackageNotFoundError:
        return "development build"


class _TextDialog(QDialog):
    def __init__(self, title: str, html_text: str, parent: QWidget | None, size=(620, 560)) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(*size)
        self.text = QTextBrowser()
        self.text.setAccessibleName(title)
        self.text.setOpenExternalLinks(True)  # only our own fixed links (licence, Wikinews) are here
        self.text.setHtml(html_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class AboutDialog(_TextDialog):
    def __init__(self, index_dir: Path, parent: QWidget | None = None) -> None:
        locations = [
            ("Index", index_dir),
            ("Settings", paths.config_dir()),
            ("Log files", paths.log_dir()),
            ("Data", paths.data_dir()),
        ]
        rows = "".join(
            f"<tr><td>{name}</td><td><code>{html.escape(str(where))}</code></td></tr>" for name, where in locations
        )
        text = f"""
<h2>SearchApp</h2><p>Version {html.escape(_version())}</p>
<p>Desktop search for news archives: who is quoted, who is mentioned, by which outlet, when.
Articles are indexed where they are and never leave this computer.</p>
<h3>Where SearchApp keeps its files</h3><table cellspacing="4">{rows}</table>
<h3>Sample articles</h3>
<p>Sample articles from <a href="https://en.wikinews.org">Wikinews</a>, written by Wikinews contributors,
used under the <a href="https://creativecommons.org/licenses/by/2.5/">Creative Commons Attribution 2.5</a>
licence. Each article's address is in its file and in the sample's README.md. Texts obtained via the
GUM corpus (Zeldes 2017, <a href="https://github.com/amir-zeldes/gum">github.com/amir-zeldes/gum</a>)
and converted to .txt/.html/.json without changing the wording.</p>
<h3>Built with</h3>
<p>Qt for Python (PySide6, LGPL), Whoosh, trafilatura, Beautiful Soup, lxml, platformdirs.</p>
"""
        super().__init__("About SearchApp", text, parent)
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)


class SyntaxDialog(_TextDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Query syntax", SYNTAX, parent)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.resize(520, 440)
        table = QTreeWidget()
        table.setAccessibleName("Keyboard shortcuts")
        table.setHeaderLabels(["Keys", "Action"])
        table.setRootIsDecorated(False)
        table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for keys, action in SHORTCUTS:
            table.addTopLevelItem(QTreeWidgetItem([keys, action]))
        note = QLabel("Drop folders or files anywhere on the window to index them.")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
