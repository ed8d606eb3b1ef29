"""The structure as DESIGN.md draws it, checked on the code's own imports:
imports point down the layers, and no module imports itself round a loop.

    interfaces -> services -> ingest -> pipeline stages and storing

Stages (reading, normalising, parsing, extracting, classifying) never import
storage, the ingest job, the services or an interface; storage never imports a
parser, the pipeline, the services or an interface; services never import an
interface.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from conftest import ROOT

SOURCE = ROOT / "src" / "assure"
STAGES = ("reading", "normalising", "parsing", "extracting", "classifying", "framework")
ABOVE_STAGES = ("storing", "ingest", "services", "interfaces", "pipeline")
FORBIDDEN = {
    **{stage: ABOVE_STAGES for stage in STAGES},
    "pipeline": ("storing", "ingest", "services", "interfaces"),
    "storing": ("parsing", "pipeline", "ingest", "services", "interfaces", "classifying"),
    "analysis": ("storing", "ingest", "services", "interfaces"),
    "exporting": ("storing", "ingest", "services", "interfaces"),
    "ingest": ("services", "interfaces"),
    "services": ("interfaces",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every ``assure`` module ``path`` imports, at any depth of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("assure"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assure"):
            # "from assure.storing import library" depends on the submodule, and
            # "from assure.storing import Library" on the package (resolved below)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in SOURCE.rglob("*.py") if "migrations" not in p.parts}
    edges: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for target in imports(path):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and target != "assure":
                edges[name].add(target)
    return edges


def layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def test_imports_point_down_the_layers() -> None:
    wrong = [
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if layer(target) in FORBIDDEN.get(layer(source), ())
    ]
    assert wrong == []


def test_no_module_imports_itself_round_a_loop() -> None:
    edges = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    loops: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for node in sorted(set(edges) | {t for ts in edges.values() for t in ts}):
        if node not in index:
            visit(node)
    assert loops == []


def test_database_rows_and_sessions_stay_in_storage() -> None:
    """Only storage touches the ORM: no other module imports the table models
    or SQLAlchemy's sessions, or opens a session of the Library's own."""
    wrong = []
    for path in SOURCE.rglob("*.py"):
        if layer(module_name(path)) == "storing":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {f"{node.module}.{a.name}" for a in node.names}
                if any(n.startswith(("assure.storing.models", "sqlalchemy.orm")) for n in names):
                    wrong.append(f"{module_name(path)} imports {', '.join(sorted(names))}")
            elif (
                isinstance(node, ast.Attribute)
                and node.attr in ("reading", "writing")
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "library"
            ):
                wrong.append(f"{module_name(path)} opens a session ({node.attr})")
    assert wrong == []
