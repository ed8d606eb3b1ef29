"""PDF, read with PDFium (pypdfium2) in a process of its own (see
``pdf_process``): text page by page, page numbers kept.

Lines are numbered continuously across the document's extracted text; each
line belongs to exactly one page, because pages are extracted one at a time and
never run together.
"""

from __future__ import annotations

import re
from pathlib import Path

from assure.document import Format, SourceDocument
from assure.errors import NoText
from assure.reading.limits import Limits
from assure.reading.lines import LineBuilder
from assure.reading.pdf_process import read_pdf

# Producers often put the authoring program or a file name in the title field.
TITLE_PREFIX = re.compile(r"^(?:microsoft (?:word|powerpoint|excel)\s*-\s*)", re.IGNORECASE)
FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|rtf|odt|pptx?|xlsx?)$", re.IGNORECASE)


def title_from_metadata(raw: str | None) -> str | None:
    """The document's own title, without "Microsoft Word - " and file suffixes."""
    if not raw:
        return None
    title = FILE_SUFFIX.sub("", TITLE_PREFIX.sub("", raw.strip())).strip()
    return title or None


class PdfReader:
    name = "pdf"

    def score(self, head: bytes) -> float:
        if head.startswith(b"%PDF"):
            return 1.0
        # The format allows junk before the header within the first kilobyte.
        return 0.9 if b"%PDF-" in head[:1024] else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        limits.check_pdf(data)
        read = read_pdf(path, data, limits)
        builder = LineBuilder(limits)
        empty_pages = 0
        for number, text in enumerate(read.pages, 1):
            if not text.strip():
                empty_pages += 1
            if text:
                builder.add(text, page=number)
        count = len(read.pages)
        if empty_pages == count:
            raise NoText(path, f"{count} page{'s' if count != 1 else ''}, none with text")
        warnings: tuple[str, ...] = ()
        if empty_pages:
            warnings = (f"{path}: {empty_pages} of {count} pages have no text (scanned?)",)
        return SourceDocument(
            path=str(path),
            format=Format.PDF,
            content_hash=content_hash,
            size=len(data),
            lines=builder.lines,
            pages=count,
            title=title_from_metadata(read.title),
            warnings=warnings,
        )


READERS = (PdfReader(),)
