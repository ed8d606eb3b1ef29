"""Framework files: one JSON file per framework in ``data/``, validated with pydantic."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
    ratings: tuple[RatingBand, ...]
    evidence_categories: tuple[Category, ...] = ()
    themes: tuple[Theme, ...]

    @model_validator(mode="after")
    def check(self) -> Framework:
        ids = [s.id for s in self.statements]
        if len(ids) != len(set(ids)):
            raise ValueError(f"framework {self.id}: duplicate statement ids")
        bands = [band.min_percent for band in self.ratings]
        if bands != sorted(bands):
            raise ValueError(f"framework {self.id}: rating bands must rise")
        return self

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


@cache
def load_framework(framework_id: str = DEFAULT) -> Framework:
    """Load and validate ``data/<framework_id>.json``."""
    path = DATA / f"{framework_id}.json"
    if not path.exists():
        raise KeyError(f"no framework {framework_id!r} (have: {', '.join(frameworks())})")
    return Framework.model_validate(json.loads(path.read_text(encoding="utf-8")))


def frameworks() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.json"))
