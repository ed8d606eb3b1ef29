"""Text in lower case as a case-blind pattern reads it.

A pattern compiled with ``re.IGNORECASE`` takes four letters outside ASCII for
ASCII ones: "İ" and "ı" for i, "ſ" for s and the Kelvin sign for k. ``folded``
writes those as the ASCII letters and lowers the rest, one character for one,
so a word in lower case that a case-blind match holds is in the folded text
wherever the pattern matches (the word in lower case does not make a match:
the pattern still decides).

    >>> folded("Dıscharge to ASSESS")
    'discharge to assess'
"""

from __future__ import annotations

# The only letters outside ASCII that a case-blind pattern takes for ASCII
# letters, written as those (``str.lower`` would leave three of them alone and
# write "İ" as two characters).
ASCII_TWINS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def folded(text: str) -> str:
    """``text`` in lower case, letter for letter (its length kept), with the
    letters a case-blind pattern reads as ASCII written as ASCII."""
    if not text.isascii():
        for twin, letter in ASCII_TWINS:
            if twin in text:
                text = text.replace(twin, letter)
    return text.lower()
