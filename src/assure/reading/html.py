"""HTML pages, read with lxml.

Block elements (paragraphs, list items, headings, divisions...) become lines;
``<h1>``..``<h6>`` set the heading level; each table row is one line with its
cells joined by tabs (a ``<br>`` in a cell kept as the tag); scripts, styles,
navigation and site furniture (skip links, cookie notices, breadcrumbs, the page
footer) are dropped. The title comes from ``<title>``.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from assure.document import Format, SourceDocument
from assure.errors import CorruptDocument
from assure.reading.limits import Limits
from assure.reading.lines import LineBuilder
from assure.reading.text import decode_text

HTML_START = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
WHITESPACE = re.compile(r"\s+")

DROPPED = {"script", "style", "nav", "noscript", "template", "svg", "head", "button", "select"}
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
    "ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "form", "fieldset", "address",
    "hr", "body", "html", "details", "summary", "caption",
}  # fmt: skip
HEADINGS = {f"h{n}": n for n in range(1, 7)}
# Site furniture around the document: skip links, cookie notices, breadcrumbs.
CHROME = re.compile(r"(?:^|[\s_-])(?:skip|cookies?|breadcrumbs?)(?:$|[\s_-])", re.IGNORECASE)
CHROME_ROLES = {"navigation", "search", "banner", "contentinfo"}


def is_chrome(node: etree._Element) -> bool:
    """Whether ``node`` is the site's furniture rather than the document's text."""
    if node.get("aria-hidden") == "true" or node.get("role") in CHROME_ROLES:
        return True
    if CHROME.search(f"{node.get('class', '')} {node.get('id', '')}"):
        return True
    # The page footer (a footer straight inside <body>) holds site links.
    parent = node.getparent()
    return node.tag == "footer" and parent is not None and parent.tag == "body"


def decode_html(data: bytes) -> str | None:
    declared = META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def inline_text(element: etree._Element, line_break: str = " ") -> str:
    """All text inside ``element`` except dropped parts, whitespace collapsed; each
    ``<br>`` is written as ``line_break``."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.tag.lower() not in DROPPED:
            if node.tag.lower() == "br":
                parts.append(line_break)
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return WHITESPACE.sub(" ", "".join(parts)).strip()


class HtmlLines:
    """Walks the tree, gathering inline text until a block boundary ends a line."""

    def __init__(self, limits: Limits) -> None:
        self.builder = LineBuilder(limits)
        self.buffer: list[str] = []
        self.in_pre = 0

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if self.in_pre:
            for line in text.split("\n"):
                if line.strip():
                    self.builder.add(line.rstrip())
            return
        text = WHITESPACE.sub(" ", text).strip()
        if text:
            self.builder.add(text)

    def text(self, value: str | None) -> None:
        if value:
            self.buffer.append(value)

    def walk(self, node: etree._Element) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if not tag or tag in DROPPED or is_chrome(node):
            return  # comments, processing instructions and dropped parts; tails handled by parent
        if tag in HEADINGS:
            self.flush()
            heading = inline_text(node)
            if heading:
                self.builder.add(heading, heading_level=HEADINGS[tag])
        elif tag == "table":
            self.flush()
            self.table(node)
        elif tag == "br":
            self.flush()
        elif tag == "li":
            self.flush()
            self.buffer.append("• ")
            self.children(node)
            self.flush()
        elif tag == "pre":
            self.flush()
            self.in_pre += 1
            self.children(node)
            self.flush()
            self.in_pre -= 1
        elif tag in BLOCKS:
            self.flush()
            self.children(node)
            self.flush()
        else:
            self.children(node)

    def children(self, node: etree._Element) -> None:
        self.text(node.text)
        for child in node:
            self.walk(child)
            self.text(child.tail)

    def table(self, table: etree._Element) -> None:
        for row in table.iter("tr"):
            # A cell's line breaks stay marked "<br>", as in a Markdown table: a row is
            # one line, and the break can part two leads. Normalising reads it as a space.
            cells = [inline_text(c, "<br>") for c in row if c.tag in ("td", "th")]
            if any(cells):
                self.builder.add_row(cells)


class HtmlReader:
    name = "html"

    def score(self, head: bytes) -> float:
        return 0.6 if HTML_START.search(head[:4096]) else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        text = decode_html(data)
        if text is None:
            raise CorruptDocument(path, "HTML in an unknown character encoding")
        try:
            root = lxml.html.document_fromstring(XML_DECLARATION.sub("", text))
        except (etree.ParserError, ValueError) as error:
            raise CorruptDocument(path, "HTML cannot be parsed") from error
        title_element = root.find(".//title")
        title = inline_text(title_element) if title_element is not None else ""
        lines = HtmlLines(limits)
        lines.walk(root)
        lines.flush()
        return SourceDocument(
            path=str(path),
            format=Format.HTML,
            content_hash=content_hash,
            size=len(data),
            lines=lines.builder.lines,
            title=title or None,
        )


READERS = (HtmlReader(),)
