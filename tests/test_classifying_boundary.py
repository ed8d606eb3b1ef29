"""The classify stage is pure: it imports no storage, pipeline, settings or
interface, so reading a document can never train a model or open a database.
Its heavy libraries load only when used: numpy and scipy to label passages,
scikit-learn to train."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
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


LOADED = """
import sys
from assure.interfaces.cli import main
sys.argv = ["assure", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = ("numpy", "scipy", "sklearn")
print("LOADED " + " ".join(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


def heavy_modules_after(tmp_path: Path, *args: str) -> set[str]:
    """The heavy libraries loaded by a fresh ``assure ARGS...`` process."""
    environment = {**os.environ, "ASSURE_DATA_DIR": str(tmp_path / "data")}
    environment.pop("ASSURE_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = [x for x in done.stderr.splitlines() if x.startswith("LOADED")]
    assert line, done.stderr
    return set(line[-1].split()[1:])


def test_the_command_line_starts_without_numpy_scipy_or_scikit_learn(tmp_path: Path) -> None:
    """Help, a search and the settings load none of them: a command that does
    not classify starts quickly and small."""
    assert heavy_modules_after(tmp_path, "--help") == set()
    assert heavy_modules_after(tmp_path, "search", "carers") == set()
    assert heavy_modules_after(tmp_path, "settings") == set()


def test_reading_and_labelling_a_document_needs_no_scikit_learn(tmp_path: Path, examples) -> None:
    """``assure inspect`` labels passages with the shipped model: numpy and
    scipy's sparse matrices, never scikit-learn (which only training needs)."""
    found = heavy_modules_after(
        tmp_path, "inspect", str(examples / "northfield-asc-self-assessment-2024.txt"), "--json"
    )
    assert "numpy" in found and "sklearn" not in found


def test_the_shipped_bundled_model_is_current() -> None:
    """The model file in the package was trained on the bundled examples as
    they are (after changing them: python -m assure.classifying.bundled)."""
    from assure.classifying import ModelRefused, load_model
    from assure.classifying.bundled import BUNDLED_FILE
    from assure.classifying.labelled import load_examples
    from assure.classifying.training import data_hash

    rebuild = "the shipped model is out of date: run make model"
    try:
        shipped = load_model(BUNDLED_FILE)
    except ModelRefused as refused:
        raise AssertionError(f"{refused}; {rebuild}") from None
    assert shipped.data_hash == data_hash(load_examples()), rebuild
