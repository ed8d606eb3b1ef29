"""The bundled examples: up to date with their sources, and true to what their sources promise."""

from __future__ import annotations

import csv
import importlib.util
import re
import zipfile
from pathlib import Path

import pytest

from assure.framework.scoring import score_statements

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "examples" / "sources"


def load_maker():
    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "tools/make_examples.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    load_maker().build(out)
    return out


def content_of(path: Path) -> object:
    """What a file says, independent of how its compressor packed it: zlib builds differ
    between machines, so compressed PDF and Office files are compared uncompressed."""
    if path.suffix in {".docx", ".xlsx"}:
        with zipfile.ZipFile(path) as archive:
            return [(name, archive.read(name)) for name in archive.namelist()]
    if path.suffix == ".pdf":
        import pypdfium2

        document = pypdfium2.PdfDocument(path)
        try:
            return [page.get_textpage().get_text_range() for page in document]
        finally:
            document.close()
    return path.read_bytes()


def same_document(first: Path, second: Path) -> bool:
    return first.read_bytes() == second.read_bytes() or content_of(first) == content_of(second)


def test_committed_examples_match_their_sources(regenerated, examples):
    generated = sorted(p.name for p in regenerated.iterdir())
    assert len(generated) == 10
    stale = [name for name in generated if not same_document(regenerated / name, examples / name)]
    assert not stale, f"run tools/make_examples.py and commit: {stale} differ from their sources"


def test_every_example_file_comes_from_a_source(regenerated, examples):
    committed = {p.name for p in examples.iterdir() if p.is_file()}
    assert committed == {p.name for p in regenerated.iterdir()}


def test_regenerating_gives_the_same_bytes(regenerated, tmp_path):
    load_maker().build(tmp_path)
    for path in regenerated.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_stated_rating_follows_from_the_stated_scores(examples):
    text = (examples / "cqc-northfield-assessment-2025.html").read_text(encoding="utf-8")
    body = text.split('<main id="main">')[1]
    scores = [int(s) for s in re.findall(r"<p>Score: ([1-4]) - ", body)]
    assert len(scores) == 9
    result = score_statements(scores)
    assert (result.percent, result.rating) == (61, "Requires improvement")
    assert f"<p>{result.rating}: Evidence shows some shortfalls</p>" in body


def test_direct_payments_figure_disagrees_between_documents(examples):
    """The planted inconsistency: same measure, same period, two values."""
    assessment = (examples / "northfield-asc-self-assessment-2024.txt").read_text(encoding="utf-8")
    pack = (examples / "northfield-adults-scrutiny-pack-2025-03.txt").read_text(encoding="utf-8")
    assert re.search(r"31\.4%\*\* of people receiving long-term support .* in 2023/24", assessment)
    row = next(line for line in pack.splitlines() if line.startswith("ASCOF 1C(2A)\t"))
    assert row.split("\t")[2] == "28.9%"
    with (examples / "performance-indicators.csv").open(encoding="utf-8") as handle:
        data = {r["indicator"]: r for r in csv.DictReader(handle)}
    direct = next(r for name, r in data.items() if "1C(2A)" in name)
    assert (direct["value"], direct["period"]) == ("28.9", "2023/24")


def test_agenda_page_ranges_point_at_the_pages_they_name(examples):
    pack = (examples / "northfield-adults-scrutiny-pack-2025-03.txt").read_text(encoding="utf-8")
    lines = pack.splitlines()
    page_of_line, page = {}, 0
    for number in range(len(lines) - 1, -1, -1):  # a page's number is printed at its foot
        if match := re.fullmatch(r"Page (\d+)", lines[number]):
            page = int(match.group(1))
        page_of_line[number] = page
    first_minutes = lines.index("ADULTS AND HEALTH SCRUTINY PANEL")
    board = lines.index("HEALTH AND WELLBEING BOARD")
    assert "1 - 4" in lines and page_of_line[first_minutes] == 1
    assert "15 - 16" in lines and page_of_line[board] == 15
    assert "7: Panel Work Programme 2024/25 13 - 14" in lines
    assert lines.count("This page is intentionally left blank") == 3


def test_sources_hold_no_unfilled_placeholders(examples):
    for path in examples.iterdir():
        if path.suffix in {".txt", ".md", ".html"}:
            text = path.read_text(encoding="utf-8")
            assert "{{" not in text and "%% " not in text, path.name
