"""PDF, read with PDFium (pypdfium2): text page by page, page numbers kept.

Lines are numbered continuously across the document's extracted text; each
line belongs to exactly one page, because pages are extracted one at a time and
never run together.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from assure.document import Format, SourceDocument
from assure.errors import CorruptDocument, EncryptedDocument, NoText
from assure.reading.limits import Limits
from assure.reading.lines import LineBuilder

# Producers often put the authoring program or a file name in the title field.
TITLE_PREFIX = re.compile(r"^(?:microsoft (?:word|powerpoint|excel)\s*-\s*)", re.IGNORECASE)
FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|rtf|odt|pptx?|xlsx?)$", re.IGNORECASE)


def title_from_metadata(raw: str | None) -> str | None:
    """The document's own title, without "Microsoft Word - " and file suffixes."""
    if not raw:
        return None
    title = FILE_SUFFIX.sub("", TITLE_PREFIX.sub("", raw.strip())).strip()
    return title or None


def open_pdf(path: Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedDocument(path) from error
        raise CorruptDocument(path, "PDF structure cannot be parsed") from error


def page_text(document: pdfium.PdfDocument, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


class PdfReader:
    name = "pdf"

    def score(self, head: bytes) -> float:
        if head.startswith(b"%PDF"):
            return 1.0
        # The format allows junk before the header within the first kilobyte.
        return 0.9 if b"%PDF-" in head[:1024] else 0.0

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        limits.check_pdf(data)
        document = open_pdf(path, data)
        try:
            count = len(document)
            if count == 0:
                raise CorruptDocument(path, "PDF has no pages")
            limits.check_pages(count)
            builder = LineBuilder(limits)
            empty_pages = 0
            for index in range(count):
                try:
                    text = page_text(document, index)
                except pdfium.PdfiumError as error:
                    raise CorruptDocument(path, f"page {index + 1} cannot be read") from error
                if not text.strip():
                    empty_pages += 1
                if text:
                    builder.add(text, page=index + 1)
            title = title_from_metadata(document.get_metadata_value("Title"))
        finally:
            document.close()
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
            title=title,
            warnings=warnings,
        )


READERS = (PdfReader(),)
