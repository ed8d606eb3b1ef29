"""Framework files: one JSON file per framework in ``data/``, validated with pydantic."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assure.errors import AssureError

DATA = Path(__file__).parent / "data"
DEFAULT = "cqc-local-authority"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QualityStatement(Frozen):
    id: str = Field(pattern=r"^[a-z][a-z-]*$")
    name: str
    description: str
    aliases: tuple[str, ...] = ()


class Theme(Frozen):
    id: str
    name: str
    statements: tuple[QualityStatement, ...]


class Category(Frozen):
    id: str
    name: str


class RatingBand(Frozen):
    name: str
    min_percent: int = Field(ge=0, le=100)


class Grade(Frozen):
    """A named judgement grade, best first by ``rank`` 1 (Ofsted's judgements
    have grades but no percentages)."""

    name: str
    rank: int = Field(ge=1)
    description: str = ""
    # Other ways reports write the grade: an older spelling ("Requires improvement"),
    # or the words of an outcome stated as a sentence ("inconsistent experiences and
    # outcomes").
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Scale(Frozen):
    min: int
    max: int
    labels: dict[str, str]


class Framework(Frozen):
    id: str
    name: str
    regulator: str
    service: str
    scale: Scale | None = None
    ratings: tuple[RatingBand, ...] = ()
    grades: tuple[Grade, ...] = ()
    evidence_categories: tuple[Category, ...] = ()
    themes: tuple[Theme, ...]
    # The statement whose grade is the report's overall judgement; by default the
    # first statement of a theme with id "overall".
    overall: str | None = None
    # Regular expressions (case-insensitive) that a report under this framework
    # shows near its top, e.g. its title; they decide between frameworks whose
    # judgement areas share names.
    recognised_by: tuple[str, ...] = ()

    @model_validator(mode="after")
    def check(self) -> Framework:
        ids = [s.id for s in self.statements]
        if len(ids) != len(set(ids)):
            raise ValueError(f"framework {self.id}: duplicate statement ids")
        bands = [band.min_percent for band in self.ratings]
        if bands != sorted(bands):
            raise ValueError(f"framework {self.id}: rating bands must rise")
        if not self.ratings and not self.grades:
            raise ValueError(f"framework {self.id}: needs rating bands or grades")
        ranks = [grade.rank for grade in self.grades]
        if len(ranks) != len(set(ranks)):
            raise ValueError(f"framework {self.id}: two grades share a rank")
        if not self.statements:
            raise ValueError(f"framework {self.id}: no statements")
        spellings = [s.casefold() for grade in self.grades for s in grade.spellings]
        if len(spellings) != len(set(spellings)):
            raise ValueError(f"framework {self.id}: two grades share a name or alias")
        if self.overall is not None and self.overall not in ids:
            raise ValueError(f"framework {self.id}: overall {self.overall!r} is no statement")
        for pattern in self.recognised_by:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"framework {self.id}: bad pattern {pattern!r}: {error}") from None
        return self

    @property
    def overall_statement(self) -> str | None:
        """The id of the statement graded as the overall judgement, if any."""
        if self.overall is not None:
            return self.overall
        theme = next((t for t in self.themes if t.id == "overall"), None)
        return theme.statements[0].id if theme and theme.statements else None

    @property
    def statements(self) -> tuple[QualityStatement, ...]:
        return tuple(s for theme in self.themes for s in theme.statements)

    def statement(self, statement_id: str) -> QualityStatement:
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise KeyError(statement_id)

    def theme_of(self, statement_id: str) -> Theme:
        for theme in self.themes:
            if any(s.id == statement_id for s in theme.statements):
                return theme
        raise KeyError(statement_id)


class FrameworkError(AssureError, ValueError):
    """A framework file that is not valid JSON or does not describe a framework.

    ``str(error)`` names the file, the field and the problem on one line.
    """


@cache
def load_framework(framework_id: str = DEFAULT) -> Framework:
    """Load and validate ``data/<framework_id>.json``."""
    path = DATA / f"{framework_id}.json"
    if not path.exists():
        raise KeyError(f"no framework {framework_id!r} (have: {', '.join(frameworks())})")
    return load_framework_file(path)


def load_framework_file(path: Path) -> Framework:
    """Validate one framework file; raises ``FrameworkError`` naming the file and
    the first problem, e.g. ``x.json: themes.0.statements.1.name: Field required``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise FrameworkError(f"{path}: not a readable JSON file ({error})") from None
    try:
        return Framework.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top level)"
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        raise FrameworkError(f"{path}: {where}: {first['msg']}{more}") from None


def frameworks() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.json"))
