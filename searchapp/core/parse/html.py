"""HTML pages saved from news sites: metadata from JSON-LD and meta tags, body via trafilatura.

Body options were chosen by measurement on the Zyte article-extraction benchmark
(bench/parse_bench.py): trafilatura's defaults without comments score best there. No text is lost
when trafilatura rejects a page or keeps far less than the page shows (an article under thousands
of nested elements, say): then the page's visible text is the body, and the Article says so.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from lxml import etree

from searchapp.core.errors import SkipFile
from searchapp.core.models import Article
from searchapp.core.parse.encoding import decode
from searchapp.core.parse.fields import NO_TEXT, drop_repeated_headline, make_article, one_line
from searchapp.core.parse.visible import rough_text_size, text_size, visible_text

ARTICLE_TYPES = frozenset(
    """NewsArticle Article ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BackgroundNewsArticle
    ReviewNewsArticle AskPublicNewsArticle BlogPosting LiveBlogPosting Report TechArticle
    ScholarlyArticle SocialMediaPosting""".split()
)
# Meta tag names (name, property or itemprop) in order of preference, lower case.
TITLE_META = ("og:title", "twitter:title", "sailthru.title", "headline", "dc.title")
DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "article.published",
    "published_time", "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date",
    "citation_publication_date", "article_date_original", "og:updated_time", "article:modified_time", "datemodified",
)  # fmt: skip
AUTHOR_META = (
    "author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "article:author",
    "dc.creator",
    "citation_author",
)
OUTLET_META = ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
LANGUAGE_META = ("content-language", "language", "og:locale", "dc.language", "inlanguage")

# Chosen with `bench/parse_bench.py --configs` on the Zyte benchmark (F1 of the body text).
EXTRACT_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": True,
    "deduplicate": False,
}

_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding=["']([\w.:-]+)""", re.I
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»•]+\s+|\s*[|｜：]\s*|\s+::\s+")
_SEGMENT_SEPARATORS = (" | ", " -- ", " - ", " — ", " – ", " :: ", " » ", "｜")
_NOT_WORD = re.compile(r"\W+")
# Less than this share of the page's visible text, on a page with at least this much of it, is taken
# as the extractor having missed the article (measured on the Zyte benchmark with bench/parse_bench.py).
TOO_LITTLE = 0.1
MIN_VISIBLE_LETTERS = 400


def _trafilatura():  # noqa: ANN202 - the module
    """trafilatura, imported at the first page parsed: a quarter of a second that the processes which
    never parse HTML (the indexer's own, a search, a folder of text files) do not pay."""
    import trafilatura

    return trafilatura


def parse(data: bytes, path: str) -> list[Article]:
    head = data[:4096]
    match = _CHARSET.search(head)
    declared = (match.group(1) or match.group(2)).decode("ascii", "replace") if match else None
    text = _XML_DECLARATION.sub("", decode(data, declared), count=1)
    tree = _trafilatura().load_html(text)
    if tree is None:
        raise SkipFile("not an HTML page (cannot read its markup)")
    page = PageMetadata(tree)
    headline = page.headline()
    body, extraction = _body(tree, text, page)
    if not body.strip():
        raise SkipFile(NO_TEXT)
    return [
        make_article(
            path,
            "html",
            headline,
            drop_repeated_headline(body, headline),
            byline=page.byline(),
            outlet=page.outlet(),
            published=page.published(),
            url=page.url(),
            language=page.language(),
            extraction=extraction,
        )
    ]


def _body(tree: etree._Element, text: str, page: PageMetadata) -> tuple[str, str]:
    """The article body only (no navigation, ads, related links or comments), paragraph per line,
    and how it was found (see Article.extraction)."""
    main = _trafilatura().extract(tree, **EXTRACT_OPTIONS)
    candidates = (
        ("main text", lambda: main),
        ("paragraphs", lambda: "" if main else _paragraph_text(text)),
        ("articleBody", lambda: page.json_ld_text("articlebody")),
    )
    visible: str | None = None
    rough = rough_text_size(text)
    for how, found in candidates:
        body = found() or ""
        if not body.strip():
            continue
        size = text_size(body)
        if size >= TOO_LITTLE * rough:
            return "\n\n".join(body.splitlines()), how
        if visible is None:
            visible = visible_text(text)  # slower than the rough size: only when the body looks small
        if size >= TOO_LITTLE * text_size(visible) or text_size(visible) < MIN_VISIBLE_LETTERS:
            return "\n\n".join(body.splitlines()), how
    if visible is None:
        visible = visible_text(text)
    return "\n\n".join(visible.splitlines()), "visible text"


def _paragraph_text(text: str) -> str:
    """Fallback for pages below trafilatura's minimum size: the text of <p> outside page furniture."""
    tree = _trafilatura().load_html(text)  # afresh: trafilatura prunes the tree it is given
    if tree is None:
        return ""
    paragraphs = tree.xpath(
        "//p[not(ancestor::nav or ancestor::header or ancestor::footer or ancestor::aside)]"
    )
    return "\n".join(one_line(node.text_content()) for node in paragraphs)


class PageMetadata:
    """Headline, byline, date, outlet, url and language from JSON-LD, meta tags and markup."""

    def __init__(self, tree: etree._Element) -> None:
        self.tree = tree
        self.meta = _meta_tags(tree)
        self.json_ld = _json_ld_article(tree)

    def json_ld_text(self, key: str) -> str:
        value = self.json_ld.get(key)
        return value if isinstance(value, str) else ""

    def headline(self) -> str:
        """The page <title> without its site name, checked against the other title candidates.

        The <title> is what newspaper-style extractors (and the newspaper4k gold) use; JSON-LD,
        og:title and <h1> pick the right segment of a title with separators and stand in when
        the <title> is missing or is only a site name.
        """
        h1, og_title = self._first_text("//h1"), self.meta.get("og:title", "")
        page_title = self._first_text("//title")
        if h1 and _same_words(h1, og_title):
            return h1
        for hint in (og_title, h1):  # "Headline-Site" with no spaces around the separator
            if hint and not _same_words(page_title, hint) and _words(page_title).startswith(_words(hint)):
                return hint
        sites = self._site_names()
        others = [
            one_line(value)
            for value in (self.json_ld_text("headline"), *(self.meta.get(n, "") for n in TITLE_META))
        ]
        others = [strip_site_name(value, sites) for value in (*others, h1) if value]
        title = headline_from_title(page_title, sites, others)
        if h1 and len(title.split()) * 2 <= len(h1.split()):  # the <title> is only the site name
            return h1
        return title or next(iter(others), "")

    def byline(self) -> object:
        author = self.json_ld.get("author") or self.json_ld.get("creator")
        if author:
            return author
        for name in AUTHOR_META:
            value = self.meta.get(name, "")
            if value and not value.startswith(("http://", "https://")):
                return value
        return [one_line(node.text_content()) for node in self.tree.xpath('//*[@rel="author"]')][:5]

    def published(self) -> str:
        for value in (self.json_ld_text("datepublished"), *(self.meta.get(name, "") for name in DATE_META)):
            if value:
                return value
        for node in self.tree.xpath("//time[@datetime]")[:1]:
            return node.get("datetime", "")
        return self.json_ld_text("datecreated") or self.json_ld_text("datemodified")

    def outlet(self) -> str:
        publisher = self.json_ld.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        for value in (
            self.meta.get("og:site_name"),
            publisher.get("name") if isinstance(publisher, dict) else None,
        ):
            if isinstance(value, str) and value.strip():
                return value
        for name in OUTLET_META[1:]:
            value = self.meta.get(name, "")
            if value and not value.startswith("@"):
                return value
        return _domain(self.url())

    def url(self) -> str:
        for node in self.tree.xpath('//link[@rel="canonical"][@href]')[:1]:
            return node.get("href", "")
        entity = self.json_ld.get("mainentityofpage")
        if isinstance(entity, dict):
            entity = entity.get("@id")
        for value in (self.meta.get("og:url"), self.json_ld.get("url"), entity):
            if isinstance(value, str) and value.startswith(("http://", "https://")):
                return value
        return ""

    def language(self) -> str:
        lang = self.tree.get("lang") or self.tree.get("xml:lang")  # the HTML parser keeps the prefix
        if lang:
            return lang
        for name in LANGUAGE_META:
            if self.meta.get(name):
                return self.meta[name]
        return self.json_ld_text("inlanguage")

    def _site_names(self) -> set[str]:
        names = {self.meta.get(name, "") for name in OUTLET_META}
        publisher = self.json_ld.get("publisher")
        if isinstance(publisher, dict):
            names.add(str(publisher.get("name") or ""))
        domain = _domain(self.url())
        names.update({domain, domain.split(".")[0]})
        return {_words(name) for name in names if name and _words(name)}

    def _first_text(self, xpath: str) -> str:
        for node in self.tree.xpath(xpath)[:1]:
            return one_line(node.text_content())
        return ""


def headline_from_title(title: str, sites: set[str], hints: list[str]) -> str:
    """The headline part of a page title: the segment matching a hint, else the longest one."""
    title = strip_site_name(one_line(title), sites)
    separator = next((sep for sep in _SEGMENT_SEPARATORS if sep in title), None)
    if separator is None:
        return title
    segments = [segment.strip() for segment in title.split(separator) if segment.strip()]
    hinted = {_words(hint) for hint in hints}
    for segment in segments:
        if _words(segment) in hinted:
            return segment
    return max(segments, key=len, default=title)


def strip_site_name(title: str, sites: set[str]) -> str:
    """Drop a site name prefix or suffix ("Headline | The Paper") from a page title."""
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part.strip()]
    if len(parts) < 2:
        return title
    first, last = _words(parts[0]), _words(parts[-1])
    if last in sites or any(last and (last in site or site in last) for site in sites if len(site) > 3):
        return one_line(title[: title.rfind(parts[-1])]).rstrip(" |-–—:·»•｜：")
    if first in sites:
        return one_line(title[len(parts[0]) :]).lstrip(" |-–—:·»•｜：")
    return title


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv")
        content = one_line(node.get("content"))
        if key and content:
            meta.setdefault(key.strip().lower(), content)
    return meta


def _json_ld_article(tree: etree._Element) -> dict[str, object]:
    """The first JSON-LD object of an article type, keys in lower case; {} when there is none."""
    fallback: dict[str, object] = {}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            document = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        for node in _json_ld_nodes(document, depth=0):
            kinds = node.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & ARTICLE_TYPES:
                return {str(key).lower(): value for key, value in node.items()}
            if not fallback and "headline" in node:
                fallback = {str(key).lower(): value for key, value in node.items()}
    return fallback


def _json_ld_nodes(document: object, depth: int) -> list[dict]:
    if depth > 4:
        return []
    if isinstance(document, list):
        return [node for item in document for node in _json_ld_nodes(item, depth + 1)]
    if isinstance(document, dict):
        return [document, *_json_ld_nodes(document.get("@graph"), depth + 1)]
    return []


def _domain(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _same_words(a: str, b: str) -> bool:
    return _words(a) == _words(b)
