"""The classify stage is pure: it imports no storage, pipeline, settings or
interface, so reading a document can never train a model or open a database."""

from __future__ import annotations

import ast
from pathlib import Path

import assure.classifying

FORBIDDEN = ("assure.storing", "assure.pipeline", "assure.settings", "assure.interfaces")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_in_classifying_imports_storage_the_pipeline_settings_or_an_interface() -> None:
    folder = Path(assure.classifying.__file__).parent
    files = sorted(folder.rglob("*.py"))
    assert len(files) > 5
    offending = {
        f"{path.relative_to(folder)}: {module}"
        for path in files
        for module in imported_modules(path)
        if module.startswith(FORBIDDEN)
    }
    assert not offending
