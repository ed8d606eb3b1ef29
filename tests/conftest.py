"""Shared fixtures: where the examples and the real corpus are, and how to run the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The real council documents; tests using them skip where the folder is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS} (it sits beside the repository in shared/)")
    return CORPUS


@pytest.fixture(scope="session")
def ratings_csv() -> Path:
    path = DATA / "cqc-la-ratings.csv"
    if not path.is_file():
        pytest.skip(f"published ratings not found at {path}")
    return path


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture()
def cli():
    """Run ``assure`` in-process: ``cli("score", "3", "3")`` returns the typer result."""
    from assure.interfaces.cli import app

    runner = CliRunner()

    def run(*args: str, **kwargs):
        return runner.invoke(app, list(args), catch_exceptions=False, **kwargs)

    return run
