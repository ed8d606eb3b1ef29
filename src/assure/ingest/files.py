"""The files an ingest covers: those named, and those under folders named.

Every path that cannot be taken is reported with its reason, never dropped in
silence: a folder that cannot be read, a symbolic link that points nowhere, into
a loop or out of the folder given, and anything that is not a regular file (a
pipe would block the reader for ever). A link that stays inside the folder is
followed, each real folder once. Hidden files and folders (names starting with
a dot) are skipped by design.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    order, with a problem for every path not taken. A file named is taken as
    named; under a folder, nothing outside it is."""
    found: list[Path] = []
    problems: list[WalkProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            walk = FolderWalk(path)
            walk.visit(path)
            found += walk.files
            problems += walk.problems
        elif path.exists():
            found.append(path)
        elif path.is_symlink():
            problems.append(WalkProblem(path, "symbolic link to nothing (dangling), not followed"))
        else:
            problems.append(WalkProblem(path, "no such file or folder"))
    return list(dict.fromkeys(found)), problems


@dataclass
class FolderWalk:
    """One folder's files, read depth first in name order, and its problems."""

    root: Path
    files: list[Path] = field(default_factory=list)
    problems: list[WalkProblem] = field(default_factory=list)
    seen: set[Path] = field(default_factory=set)  # real folders visited

    def __post_init__(self) -> None:
        self.real_root = self.root.resolve()

    def visit(self, folder: Path) -> None:
        real = folder.resolve()
        if real in self.seen:
            self.refuse(folder, "symbolic link loop (a folder reached twice), not followed")
            return
        self.seen.add(real)
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            self.refuse(folder, f"folder cannot be read ({error.strerror or error})")
            return
        for entry in entries:
            if not entry.name.startswith("."):
                self.take(Path(entry.path), entry)

    def take(self, path: Path, entry: os.DirEntry[str]) -> None:
        try:
            link = entry.is_symlink()
            mode = os.stat(path).st_mode  # through a link, to what it points at
        except OSError as error:
            self.refuse(path, self.broken(link=entry.is_symlink(), error=error))
            return
        if link:
            target = path.resolve()
            if not target.is_relative_to(self.real_root):
                self.refuse(path, f"symbolic link to {target}, outside {self.root}, not followed")
                return
        if stat.S_ISDIR(mode):
            self.visit(path)
        elif stat.S_ISREG(mode):
            self.files.append(path)
        else:
            self.refuse(path, "not a regular file (a pipe, socket or device), not read")

    @staticmethod
    def broken(link: bool, error: OSError) -> str:
        if not link:
            return f"cannot be read ({error.strerror or error})"
        if isinstance(error, FileNotFoundError):
            return "symbolic link to nothing (dangling), not followed"
        return f"symbolic link that cannot be followed ({error.strerror or error})"

    def refuse(self, path: Path, reason: str) -> None:
        self.problems.append(WalkProblem(path, reason))
