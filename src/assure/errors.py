"""Errors a user sees. Each names the file and the reason in one line."""

from __future__ import annotations

from pathlib import Path


class AssureError(Exception):
    """Base of every error assure raises on purpose."""


class DocumentError(AssureError):
    """A file that cannot be read as a council document.

    ``str(error)`` is the one line shown to the user: ``"<path>: <reason>"``.
    """

    reason = "cannot be read"

    def __init__(self, path: str | Path, detail: str | None = None) -> None:
        self.path = str(path)
        # One line whatever a library's message holds (lxml's run over several).
        self.detail = " ".join(detail.split()) if detail else detail
        message = self.reason if not self.detail else f"{self.reason} ({self.detail})"
        super().__init__(f"{self.path}: {message}")


class EmptyDocument(DocumentError):
    reason = "empty file"


class CorruptDocument(DocumentError):
    reason = "corrupt or damaged file"


class EncryptedDocument(DocumentError):
    reason = "encrypted (password-protected) file"


class UnsupportedType(DocumentError):
    reason = "unsupported file type"


class TooLarge(DocumentError):
    reason = "file too large"


class NoText(DocumentError):
    reason = "no extractable text (scanned image without OCR?)"
