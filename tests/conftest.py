"""Shared fixtures: where the examples and the real corpus are, and how to run the CLI."""

from __future__ import annotations

import contextlib
import functools
import os
import uuid
from collections.abc import Iterator
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


# -- storage: the same tests on SQLite and PostgreSQL ------------------------------

# The PostgreSQL half of every storage test runs on ASSURE_TEST_POSTGRES_URL, or on
# ASSURE_DATABASE_URL when that names a PostgreSQL server (each test in a schema of its own).
POSTGRES_URL = os.environ.get("ASSURE_TEST_POSTGRES_URL") or (
    os.environ["ASSURE_DATABASE_URL"]
    if os.environ.get("ASSURE_DATABASE_URL", "").startswith("postgresql")
    else "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(autouse=True)
def hermetic_environment(monkeypatch):
    """No test reads the caller's ASSURE_* settings: each says what it uses."""
    from assure.settings import SETTINGS

    for spec in SETTINGS:
        monkeypatch.delenv(spec.env, raising=False)


@functools.cache
def postgres_problem() -> str | None:
    """Why the test PostgreSQL server cannot be used, or ``None`` if it can."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return None


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh schema of its own (safe under xdist), dropped afterwards; yields
    a URL whose connections use it as their search path."""
    from sqlalchemy import create_engine, text

    schema = f"assure_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def trained_models() -> Path | None:
    """Nothing to train: the bundled model ships with the package
    (``assure/classifying/bundled-model.npz``), so a data folder without a
    ``models`` folder labels passages without training. Kept for the tests
    that copy it in when it is there."""
    return None


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def settings(request, tmp_path, trained_models):
    """Settings for a fresh, empty database: an SQLite file in ``tmp_path``, or
    a schema of its own on the PostgreSQL server at ASSURE_TEST_POSTGRES_URL.
    ``tmp_path`` is also the data folder, with the classifier model in place."""
    import shutil

    from assure.settings import Settings

    if trained_models is not None:
        shutil.copytree(trained_models, tmp_path / "models")
    if request.param == "sqlite":
        yield Settings(data_dir=str(tmp_path))
        return
    problem = postgres_problem()
    if problem:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL} ({problem})")
    with postgres_schema() as url:
        yield Settings(data_dir=str(tmp_path), database_url=url)


@pytest.fixture()
def run(cli, settings, monkeypatch):
    """``assure`` against the ``settings`` database, on a wide terminal."""
    monkeypatch.setenv("ASSURE_DATA_DIR", settings.data_dir)
    if settings.database_url:
        monkeypatch.setenv("ASSURE_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("COLUMNS", "200")
    return cli


@pytest.fixture()
def library(settings):
    """An open ``Library`` on the ``settings`` database."""
    from assure.storing import Library

    opened = Library(settings)
    yield opened
    opened.close()


class FictionalDocuments:
    """ParsedDocuments about a fictional council, built directly (real input to
    the real storage) for the parts the family parsers may not yet produce.
    Each returns ``(parsed, source_lines)``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def text(
        self,
        title: str,
        sections: dict[str, list[str]],
        lines_per_page: int = 6,
        kind: str = "other",
        date: str | None = None,
        **parts,
    ):
        """A document of titled sections of paragraphs, ``lines_per_page``
        source lines to a page. ``parts`` go into the ParsedStructure (meetings,
        plans, findings) or the ParsedDocument (metrics)."""
        import hashlib

        from assure.document import SourceLine
        from assure.extracting.deadlines import with_deadlines
        from assure.structure import DocumentKind, ParsedDocument, ParsedStructure, Passage, Section

        raw: list[tuple[str, int | None]] = [(title, 1)]
        section_rows, passages = [], []
        for heading, paragraphs in sections.items():
            start = len(raw) + 1
            raw.append((heading, 2))
            for paragraph in paragraphs:
                raw.append(("", None))
                number = len(raw) + 1
                raw.append((paragraph, None))
                page = (number - 1) // lines_per_page + 1
                passages.append(Passage(number, number, paragraph, page=page, section=heading))
            section_rows.append(Section(heading, 2, "heading", start, len(raw)))
        lines = tuple(
            SourceLine(n, text, page=(n - 1) // lines_per_page + 1, heading_level=level)
            for n, (text, level) in enumerate(raw, 1)
        )
        body = "\n".join(line.text for line in lines)
        path = self.folder / f"{title.lower().replace(' ', '-')}.txt"
        path.write_text(body, encoding="utf-8")
        metrics = parts.pop("metrics", ())
        structure = ParsedStructure(
            kind=DocumentKind(kind), title=title, date=date, sections=tuple(section_rows), **parts
        )
        structure = with_deadlines(structure)  # as the pipeline's deadlines stage does
        parsed = ParsedDocument(
            path=str(path),
            content_hash=hashlib.sha256(body.encode()).hexdigest(),
            format="text",
            lines=len(lines),
            pages=lines[-1].page,
            structure=structure,
            metrics=tuple(metrics),
            passages=tuple(passages),
        )
        return parsed, lines


@pytest.fixture()
def fictional(tmp_path) -> FictionalDocuments:
    folder = tmp_path / "fictional"
    folder.mkdir(exist_ok=True)
    return FictionalDocuments(folder)
