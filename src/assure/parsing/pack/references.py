"""Minute references: "45.", "45/18", "HWB 45/18", "OS.12", "HWB/24/07", "CAB 23/24-45", "(17)"."""

from __future__ import annotations

import re

# A minute's reference: "45.", "45/18", "HWB 45/18", "OS.12", "HWB/24/07",
# "CAB 23/24-45" (a financial year, then the running number). The body's
# letters are dropped; the rest is the minute's number.
_REF = (
    r"^(?:(?:[Mm]inute|MINUTE|[Ii]tem|ITEM)\s+(?:[Nn]o\.?\s*)?)?(?:[A-Z]{2,6}(?:[ .]|\s?/\s?)?)?"
    r"(?P<num>\d{1,3}(?:/\d{2,4}(?:[-/]\d{1,3})?|-\d{1,3}|[a-z])?)(?![.\d]*\d)"
)
MINUTE = re.compile(_REF + r"\s*[.:]?\s+(?P<title>\S.*)$")
NUMBER_ONLY = re.compile(_REF + r"\.?$")
# "(17) Apologies for Absence": a minute's number in brackets, which a
# resolution's numbered points ("(1) That the report be noted") share.
BRACKETED = re.compile(r"^\((?P<num>\d{1,3})\)\s+(?P<title>\S.*)$")
