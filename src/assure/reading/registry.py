"""The reader registry and the one entry point, ``read_document``."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from assure.document import SourceDocument
from assure.errors import (
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    UnsupportedType,
)
from assure.reading.limits import Limits
from assure.settings import Settings


class Reader(Protocol):
    """Turns one file's bytes into a ``SourceDocument``."""

    name: str

    def score(self, head: bytes) -> float:
        """How well this reader handles content starting with ``head`` (0: not at all)."""

    def read(self, path: Path, data: bytes, content_hash: str, limits: Limits) -> SourceDocument:
        """Read the whole file within ``limits``. Raises a ``DocumentError``
        subclass on bad input (``TooLarge`` over a limit)."""


@cache
def readers() -> tuple[Reader, ...]:
    """Built-in readers, then any registered under the ``assure.readers`` entry point."""
    from assure.reading import text

    found: list[Reader] = [*text.READERS]
    for module in ("pdf", "office", "html", "tables"):
        try:
            mod = __import__(f"assure.reading.{module}", fromlist=["READERS"])
        except ImportError:
            continue
        found.extend(mod.READERS)
    for point in entry_points(group="assure.readers"):
        found.append(point.load()())
    return tuple(found)


HEAD_BYTES = 8192
ZIP_TAIL_BYTES = 65536


def content_head(data: bytes) -> bytes:
    """What readers score: the first bytes, and for a zip also its central directory.

    A zip names its members in a directory at the end, so a Word or Excel file
    is told apart from any other zip by ``word/document.xml`` or
    ``xl/workbook.xml`` there, whatever the file is called.
    """
    head = data[:HEAD_BYTES]
    if head.startswith(b"PK\x03\x04") and len(data) > HEAD_BYTES:
        head += data[-ZIP_TAIL_BYTES:]
    return head


def choose_reader(head: bytes, candidates: Iterable[Reader] | None = None) -> Reader | None:
    best, best_score = None, 0.0
    for reader in candidates if candidates is not None else readers():
        score = reader.score(head)
        if score > best_score:
            best, best_score = reader, score
            if score >= 1.0:  # nothing scores higher
                break
    return best


def read_document(path: str | Path, settings: Settings | None = None) -> SourceDocument:
    """Read ``path`` into lines, choosing the reader from its content.

    Raises ``EmptyDocument``, ``TooLarge`` (over a size, page, line or unpacking
    limit of ``settings``), ``UnsupportedType`` or whatever the
    chosen reader raises (``CorruptDocument``, ``EncryptedDocument``, ...).
    """
    settings = settings or Settings()
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise DocumentError(path, error.strerror or "cannot open") from error
    if size == 0:
        raise EmptyDocument(path)
    limits = Limits(path, settings)
    limits.check_size(size)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, error.strerror or "cannot open") from error
    reader = choose_reader(content_head(data))
    if reader is None:
        if data.startswith(OLE_MAGIC) and ENCRYPTED_PACKAGE in data:
            raise EncryptedDocument(path, "password-protected Word or Excel file")
        raise UnsupportedType(path, describe_content(data[:HEAD_BYTES], path.suffix))
    return reader.read(path, data, hashlib.sha256(data).hexdigest(), limits)


OLE_MAGIC = b"\xd0\xcf\x11\xe0"
# A password-protected Word or Excel file is an OLE container with this stream.
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")
CLAIMED_BY_SUFFIX = {".pdf": "PDF", ".docx": "Word document", ".xlsx": "Excel workbook"}


def describe_content(head: bytes, suffix: str = "") -> str:
    """A short description of unrecognised content, for the error message."""
    if head.startswith(b"%PDF"):
        kind = "PDF"
    elif head.startswith(b"PK\x03\x04"):
        kind = "zip archive that is not a Word or Excel document"
    elif head.startswith(IMAGE_MAGIC):
        kind = "image"
    elif head.startswith(OLE_MAGIC):
        kind = "legacy or password-protected Office file"
    else:
        kind = "binary content"
    claimed = CLAIMED_BY_SUFFIX.get(suffix.lower())
    if claimed and kind != claimed:
        kind += f", although the name ends {suffix}"
    return kind
