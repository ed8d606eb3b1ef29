"""Text from documents and people made fit for formats that cannot hold every character.

XML (inside Word and Excel files) and HTML forbid most control characters, and
Word refuses to write them at all; a file name or a pasted rationale may hold
one. They are dropped: none is a character a reader could see.
"""

from __future__ import annotations

import re

# C0 controls but tab, line feed and carriage return; DEL and C1 controls;
# lone surrogates and the two non-characters XML forbids.
UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """``text`` without the characters an XML or HTML file cannot hold."""
    return UNFIT.sub("", text)
