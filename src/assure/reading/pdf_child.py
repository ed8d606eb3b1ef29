"""The process PDFium reads in: a PDF's bytes in, its pages' text out.

Run by ``assure.reading.pdf_process`` as ``python -P pdf_child.py MEGABYTES``,
not imported: it needs only pypdfium2 and the standard library. Before it
reads anything it caps its own writable memory at ``MEGABYTES`` (the kernel
then refuses it more, and PDFium stops), so a PDF whose content unpacks to
gigabytes, however its dictionaries hide that, costs this process and never
the one that asked.

Each request on standard input is a header of two unsigned 64-bit numbers
(the PDF's size in bytes, the most pages allowed) and then the PDF; each answer
on standard output is a 64-bit length and a pickled dict: ``pages`` (a text
per page), ``title``, or ``error`` (``encrypted``, ``damaged``, ``no pages``,
``pages`` with ``count``, ``page`` with ``page``, ``memory``), and always
``cpu`` (this process's CPU seconds so far) and ``peak_mb`` (its peak
resident memory). At the end of standard input it ends.
"""

from __future__ import annotations

import pickle
import resource
import struct
import sys
import time
from typing import Any, BinaryIO

HEADER = struct.Struct("<QQ")
LENGTH = struct.Struct("<Q")
MEGABYTE = 1024 * 1024


def peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    """``size`` bytes, or ``None`` where the input ends first."""
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def texts(data: bytes, most_pages: int) -> dict[str, Any]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            return {"error": "encrypted"}
        return {"error": "damaged"}
    try:
        count = len(document)
        if count == 0:
            return {"error": "no pages"}
        if count > most_pages:
            return {"error": "pages", "count": count}
        pages = []
        for index in range(count):
            try:
                page = document[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        pages.append(str(textpage.get_text_range()))
                    finally:
                        textpage.close()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                return {"error": "page", "page": index + 1}
        return {"pages": pages, "title": document.get_metadata_value("Title")}
    finally:
        document.close()


def serve(requests: BinaryIO, answers: BinaryIO) -> None:
    while (header := read_exactly(requests, HEADER.size)) is not None:
        size, most_pages = HEADER.unpack(header)
        data = read_exactly(requests, size)
        if data is None:
            return
        try:
            answer = texts(data, most_pages)
        except MemoryError:
            answer = {"error": "memory"}
        del data
        answer["cpu"] = time.process_time()
        answer["peak_mb"] = peak_mb()
        body = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        answers.write(LENGTH.pack(len(body)) + body)
        answers.flush()


def main() -> None:
    import pypdfium2  # noqa: F401  (loaded before the cap: the library's own pages are not the PDF's)

    limit = int(float(sys.argv[1]) * MEGABYTE)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    main()
