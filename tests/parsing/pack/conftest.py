"""Shared fixtures of the pack parser's tests: invented packs, read and parsed once."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from assure.normalising import normalise
from assure.parsing.registry import detect_kind, parse_structure
from assure.reading import read_document
from assure.structure import DocumentKind, Meeting, ParsedStructure

PRINTED = Path(__file__).resolve().parents[2] / "fixtures" / "committee_pack" / "printed"


@cache
def _parsed(name: str) -> tuple[DocumentKind, ParsedStructure]:
    text = normalise(read_document(PRINTED / name))
    kind, _ = detect_kind(text)
    return kind, parse_structure(text)


@pytest.fixture(scope="session")
def parsed() -> Callable[[str], tuple[DocumentKind, ParsedStructure]]:
    """``parsed(name)``: the kind detected for an invented fixture and its structure."""
    return _parsed


def _only(structure: ParsedStructure, role: str) -> Meeting:
    found = [meeting for meeting in structure.meetings if meeting.role == role]
    assert len(found) == 1, [(m.role, m.body, m.date) for m in structure.meetings]
    return found[0]


def _line_of(name: str, start: str, after: int = 0) -> int:
    lines = (PRINTED / name).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, start=1):
        if number > after and line.lstrip("\f").startswith(start):
            return number
    raise AssertionError(f"{start!r} not in {name}")


@pytest.fixture(scope="session")
def only() -> Callable[[ParsedStructure, str], Meeting]:
    """``only(structure, role)``: the one meeting of that role (asserted to be one)."""
    return _only


@pytest.fixture(scope="session")
def line_of() -> Callable[..., int]:
    """``line_of(name, start)``: the 1-based number of the first line starting so."""
    return _line_of
