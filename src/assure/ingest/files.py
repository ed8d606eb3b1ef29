"""The files an ingest covers: those named, and those under folders named.

Every path that cannot be taken is reported with its reason, never dropped in
silence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class WalkProblem:
    path: Path
    reason: str

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}"


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[WalkProblem]]:
    """Files named, and files under folders named (recursively), each in sorted
    order; hidden files and folders are skipped. A path that does not exist is
    a problem."""
    found: list[Path] = []
    problems: list[WalkProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                f
                for f in sorted(path.rglob("*"))
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
            )
        elif path.exists():
            found.append(path)
        else:
            problems.append(WalkProblem(path, "no such file or folder"))
    return list(dict.fromkeys(found)), problems
