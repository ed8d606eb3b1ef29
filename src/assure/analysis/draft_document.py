"""The self-assessment draft as a document: themes, statements, their sections
of cited sentences, and the evidence index. ``analysis.draft`` builds it from
stored evidence; ``assure.exporting`` renders it as DOCX, HTML or Markdown."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Citation:
    """One entry of the evidence index."""

    number: int
    document: str
    document_date: str | None
    page: int | None
    start_line: int
    end_line: int
    passage_id: int | None = None

    def lines(self) -> str:
        if self.start_line == self.end_line:
            return f"line {self.start_line}"
        return f"lines {self.start_line}-{self.end_line}"

    def where(self) -> str:
        page = f"page {self.page}, " if self.page is not None else ""
        return f"{self.document}, {page}{self.lines()}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """Drafted text with its citation numbers; ``quote`` marks someone's own words."""

    text: str
    citations: tuple[int, ...]
    quote: bool = False


@dataclass(frozen=True, slots=True)
class DraftSection:
    kind: str
    title: str
    sentences: tuple[Sentence, ...] = ()
    gap: str | None = None


@dataclass(frozen=True, slots=True)
class SelfScoreNote:
    score: int
    label: str
    rationale: str | None = None


@dataclass(frozen=True, slots=True)
class StatementDraft:
    id: str
    name: str
    description: str
    sections: tuple[DraftSection, ...] = ()
    gap: str | None = None
    self_score: SelfScoreNote | None = None


@dataclass(frozen=True, slots=True)
class ThemeDraft:
    id: str
    name: str
    statements: tuple[StatementDraft, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    title: str
    council: str | None
    generated: str  # ISO date
    themes: tuple[ThemeDraft, ...]
    citations: tuple[Citation, ...]

    @property
    def gaps(self) -> tuple[str, ...]:
        """Ids of statements drafted as gaps (no evidence at all)."""
        return tuple(s.id for t in self.themes for s in t.statements if s.gap)

    def citation(self, number: int) -> Citation:
        return self.citations[number - 1]
