"""The pack parser's tidied lines: single spaces, plain dashes and quotes,
no markup, a pipe table's cells split by tabs, whatever the line's alphabet."""

from __future__ import annotations

import pytest

from assure.parsing.pack.lines import tidy


@pytest.mark.parametrize(
    ("line", "tidied"),
    [
        ("Minutes of the meeting", "Minutes of the meeting"),
        ("  Minutes  of the\u00a0 meeting ", "Minutes of the meeting"),
        ("Cabinet \u2013 12 March 2025", "Cabinet – 12 March 2025"),
        ("Cabinet \u2014\u00a012\u2003March", "Cabinet – 12 March"),
        ("The council\u2019s \u201cplan\u201d", 'The council\'s "plan"'),
        ("**RESOLVED** that  the report be noted", "RESOLVED that the report be noted"),
        ("| 3 | Minutes | 1 - 8 |", "3\tMinutes\t1 - 8"),
        ("Jo Bloggs\t  Head of  Service ", "Jo Bloggs\tHead of Service"),
        ("| --- | --- |", ""),
    ],
)
def test_a_line_is_tidied_alike_in_ascii_and_beyond(line, tidied):
    assert tidy(line) == tidied
