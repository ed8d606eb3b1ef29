"""A register's bands ("Significant Risks (over £10m)") among its flattened rows."""

from __future__ import annotations

import re

from assure.parsing.layout import LayoutLine, layout_lines

__all__ = ["GROUP", "LayoutLine", "layout_lines", "split_group"]

# A band or group heading of a register: "Significant Risks (over £10m)",
# "Strategic risks", "Other Risks (under £10m - individual amounts not included)".
GROUP = re.compile(
    r"^(?P<group>(?:[A-Z][\w'-]*\s+){0,3}risks?(?:\s*\([^)]{0,80}\))?)"
    r"(?:\s+[\d.,]+)*\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


def split_group(text: str) -> tuple[str | None, str]:
    """A band heading at the start of a line, and what follows it on the line."""
    match = GROUP.match(text)
    if match is None or len(match["group"].split()) < 2:
        return None, text
    if "(" not in match["group"] and match["rest"]:
        return None, text  # "Cyber risks to our systems ...": a title, not a band
    return " ".join(match["group"].split()), match["rest"].strip()
