"""Settings, declared once as data and passed around in a ``Settings`` object.

No stage reads the environment itself: ``Settings.from_environment()`` is called
once at the edge (CLI, web app) and the result is handed in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class SettingSpec:
    name: str
    env: str
    default: Any
    help: str


SETTINGS: tuple[SettingSpec, ...] = (
    SettingSpec(
        "database_url",
        "ASSURE_DATABASE_URL",
        None,
        "SQLAlchemy URL of the database. Unset: an SQLite file in the data directory. "
        "postgresql+psycopg://... switches to PostgreSQL.",
    ),
    SettingSpec(
        "data_dir",
        "ASSURE_DATA_DIR",
        ".assure",
        "Folder for the embedded database and trained models.",
    ),
    SettingSpec(
        "max_file_mb",
        "ASSURE_MAX_FILE_MB",
        100.0,
        "Files larger than this many megabytes are refused.",
    ),
    # Limits on what one file may cost to read, each checked before the work it
    # bounds: a Word or Excel file's parts from its zip directory before unpacking,
    # pages before extracting them, rows and lines as they are read.
    SettingSpec(
        "max_unpacked_mb",
        "ASSURE_MAX_UNPACKED_MB",
        100.0,
        "Word and Excel files whose parts, and PDFs whose compressed streams (images apart), "
        "unpack to more than this many megabytes are refused.",
    ),
    SettingSpec(
        "max_unpack_ratio",
        "ASSURE_MAX_UNPACK_RATIO",
        250.0,
        "Word and Excel files with a part over a megabyte that unpacks to more than this "
        "many times its packed size (a zip bomb) are refused.",
    ),
    SettingSpec(
        "max_parts",
        "ASSURE_MAX_PARTS",
        10_000,
        "Word and Excel files of more parts than this are refused.",
    ),
    SettingSpec(
        "max_pages",
        "ASSURE_MAX_PAGES",
        5_000,
        "Documents of more pages (or workbook sheets) than this are refused.",
    ),
    SettingSpec(
        "max_reading_mb",
        "ASSURE_MAX_READING_MB",
        1024.0,
        "PDFs whose reading needs more than this many megabytes of memory are refused "
        "(PDFs are read in a process of their own, capped at this).",
    ),
    SettingSpec(
        "max_reading_seconds",
        "ASSURE_MAX_READING_SECONDS",
        300.0,
        "PDFs whose reading takes longer than this many seconds are refused.",
    ),
    SettingSpec(
        "max_lines",
        "ASSURE_MAX_LINES",
        500_000,
        "Documents of more lines of text (or table rows) than this are refused.",
    ),
    SettingSpec(
        "max_line_chars",
        "ASSURE_MAX_LINE_CHARS",
        1_000_000,
        "Documents with a line (or table row) longer than this many characters are refused.",
    ),
    SettingSpec(
        "max_rows",
        "ASSURE_MAX_ROWS",
        100_000,
        "Workbooks and CSV files of more rows than this, empty rows included, are refused.",
    ),
    SettingSpec(
        "max_cells",
        "ASSURE_MAX_CELLS",
        2_000_000,
        "Workbooks and CSV files of more cells than this, empty cells included, are refused.",
    ),
    SettingSpec(
        "evidence_max_age_days",
        "ASSURE_EVIDENCE_MAX_AGE_DAYS",
        730,
        "Evidence older than this many days is flagged as stale in the gap matrix.",
    ),
    SettingSpec(
        "council",
        "ASSURE_COUNCIL",
        None,
        "Default council that ingested documents belong to.",
    ),
    SettingSpec(
        "ratings_csv",
        "ASSURE_RATINGS_CSV",
        None,
        "CSV of the published ratings of all councils (authority, overall, qs1..qs9), "
        "charted beside a council's own on the web app's overview.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str | None = None
    data_dir: str = ".assure"
    max_file_mb: float = 100.0
    max_unpacked_mb: float = 100.0
    max_unpack_ratio: float = 250.0
    max_parts: int = 10_000
    max_pages: int = 5_000
    max_reading_mb: float = 1024.0
    max_reading_seconds: float = 300.0
    max_lines: int = 500_000
    max_line_chars: int = 1_000_000
    max_rows: int = 100_000
    max_cells: int = 2_000_000
    evidence_max_age_days: int = 730
    council: str | None = None
    ratings_csv: str | None = None

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``ASSURE_*`` variables, then ``overrides`` (ignoring ``None``)."""
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        for spec in SETTINGS:
            raw = environ.get(spec.env)
            if raw is not None and raw != "":
                values[spec.name] = type(spec.default)(raw) if spec.default is not None else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{Path(self.data_dir).resolve() / 'assure.db'}"

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def private_folder(path: str | Path) -> Path:
    """``path``, with every folder of it that is missing made private to its
    owner (0700): the data folder and what assure keeps there (the database,
    models, uploads, the web app's key) hold residents' and staff's names.
    Folders that exist are left as they are."""
    folder = Path(path)
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    for made in reversed(missing):
        made.mkdir(mode=0o700, exist_ok=True)
    return folder


SECRET_IN_URL = ("database_url",)
# Query parameters of a database URL that hold a secret (libpq takes a password there too).
SECRET_PARAMETER = ("password", "secret", "token", "key")
MASK = "hidden"  # URL-safe, as "***" is not


def shown(name: str, value: Any) -> str:
    """A setting's value as it may be shown: a password in a URL, in its user
    part or its query, is masked.

    >>> shown("database_url", "postgresql+psycopg://app:s3cret@db/assure?sslpassword=x")
    'postgresql+psycopg://app:***@db/assure?sslpassword=hidden'
    """
    if value is None:
        return "-"
    if name in SECRET_IN_URL:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(str(value))
        except ArgumentError:
            return "(not a database URL)"
        query = {
            key: MASK if any(word in key.lower() for word in SECRET_PARAMETER) else values
            for key, values in url.query.items()
        }
        return url.set(query=query).render_as_string(hide_password=True)
    return str(value)


assert {f.name for f in fields(Settings)} == {s.name for s in SETTINGS}
assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS)
