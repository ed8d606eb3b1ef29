"""Cost that grows in step with the input, on the shapes hostile files take.

No clock: each case counts the characters handed to the regular expressions
of the normalising, parsing and extracting modules, for a text and for ten
times that text. A stage that re-reads what it has already read (a paragraph
growing line by line, a page searched once per line) shows as a count that
grows a hundredfold. ``benchmarks/bench_hostile.py`` measures the time.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assure import pipeline
from assure.settings import Settings

STAGES = ("assure.normalising", "assure.parsing", "assure.extracting")
COUNTED = {"search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn"}
PHRASES = (
    "the council will review how carers are supported across the borough with partners",
    "people who draw on care and support told the panel about waiting times for assessments",
    "a quarterly report on direct payments and short breaks goes to the scrutiny committee",
)


class CountingPattern:
    """A compiled pattern that adds the length of every text it reads to ``count``."""

    def __init__(self, pattern: re.Pattern[str], count: list[int]) -> None:
        self._pattern = pattern
        self._count = count

    def __getattr__(self, name: str):
        attribute = getattr(self._pattern, name)
        if name not in COUNTED:
            return attribute

        def counted(*args, **kwargs):
            text = args[1] if name in ("sub", "subn") else args[0]
            self._count[0] += len(text)
            return attribute(*args, **kwargs)

        return counted


def stage_modules() -> list[object]:
    modules = []
    for name in STAGES:
        package = importlib.import_module(name)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            modules.append(importlib.import_module(info.name))
    return modules


def characters_read(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    count = [0]
    with monkeypatch.context() as patch:
        for module in stage_modules():
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    patch.setattr(module, name, CountingPattern(value, count))
        pipeline.process(path, Settings(), stages=pipeline.STRUCTURE_STAGES)
    return count[0]


def continuing(n: int) -> str:
    """A page of wrapped lower-case lines, none ending a sentence: one paragraph."""
    return "\f" + "\n".join(PHRASES[i % 3] for i in range(n)) + "\n"


def huge_page(n: int) -> str:
    return "\f" + "\n".join(f"{PHRASES[i % 3].capitalize()}." for i in range(n)) + "\n"


def huge_line(n: int) -> str:
    return " ".join(f"{PHRASES[i % 3]} of 21, 000 people in 2024/25;" for i in range(n)) + "\n"


def tiny_pages(n: int) -> str:
    return "\f".join(f"Adult social care\n{PHRASES[i % 3]}.\n{i + 1}" for i in range(n)) + "\n"


@pytest.mark.parametrize("shape", [continuing, huge_page, huge_line, tiny_pages])
def test_ten_times_the_text_reads_about_ten_times_the_characters(
    shape: Callable[[int], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(shape(200), encoding="utf-8")
    large.write_text(shape(2000), encoding="utf-8")
    ratio = characters_read(large, monkeypatch) / characters_read(small, monkeypatch)
    assert ratio < 13, f"{shape.__name__}: 10x the text read {ratio:.0f}x the characters"
