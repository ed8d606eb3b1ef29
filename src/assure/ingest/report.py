"""What an ingest job reports: one outcome per file, and the batch as a whole."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one file: ``stored``, ``duplicate`` or ``failed``."""

    path: str
    status: str
    document_id: int | None = None
    council: str | None = None
    kind: str | None = None
    pages: int | None = None
    lines: int | None = None
    passages: int | None = None
    error: str | None = None  # one line: "<path>: <reason>"


@dataclass(frozen=True, slots=True)
class IngestReport:
    outcomes: tuple[IngestOutcome, ...] = ()

    def _with(self, status: str) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def stored(self) -> list[IngestOutcome]:
        return self._with("stored")

    @property
    def duplicates(self) -> list[IngestOutcome]:
        return self._with("duplicate")

    @property
    def failed(self) -> list[IngestOutcome]:
        return self._with("failed")

    @property
    def ok(self) -> bool:
        return not self.failed
