"""Reading files into lines with page numbers.

Readers are chosen through a registry: each declares, from the first bytes of
the content (never the file name), how well it handles a file; the best wins.
More readers can be added by the ``assure.readers`` entry point group.
"""

from __future__ import annotations

from assure.reading.registry import Reader, read_document, readers

__all__ = ["Reader", "read_document", "readers"]
