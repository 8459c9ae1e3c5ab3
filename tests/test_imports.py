"""The package's modules import one another in one direction only: no import cycle.

Every ``import`` and ``from … import`` of every module counts, wherever it stands (at the top, or
inside a function), except those under ``if TYPE_CHECKING:``, which never run. The one allowed
exception is the models' convenience methods (``Release.to_json()``, ``Message._repr_html_()``,
…): they call the exporters and views, which take models as arguments and import them for their
types only. Everything that would close a loop through them is a failure here.
"""

from __future__ import annotations

import ast
import importlib
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

import cablethread
import cablethread.export.graphml
from cablethread._moved import MOVED

PACKAGE = Path(cablethread.__file__).parent
FACADE = "cablethread.models"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(child) for child in ast.walk(node))
    return inside


def _function_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(child) for child in ast.walk(node))
    return inside


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, base] if base else package)
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


@cache
def import_graph() -> nx.DiGraph:
    """Module -> the package's modules it imports (at run time)."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    for module, path in paths.items():
        graph.add_node(module)
        tree = ast.parse(path.read_text("utf-8"))
        skipped = _type_checking_nodes(tree)
        if module == FACADE:
            skipped |= _function_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skipped or not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _imported(node, module, path.name == "__init__.py"):
                # The package's own __init__ re-exports everything; importing it is not a layer.
                if target in paths and target not in (module, "cablethread"):
                    graph.add_edge(module, target)
    return graph


def test_the_import_graph_is_read_from_every_module() -> None:
    graph = import_graph()
    assert "cablethread.messages.parser" in graph
    assert graph.has_edge("cablethread.messages.document", "cablethread.scan.blocks")
    # An import inside a function counts: files are read as PDFs through one.
    assert graph.has_edge("cablethread.reading.files", "cablethread.reading.pdf")


def test_no_module_imports_itself_back() -> None:
    graph = import_graph()
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    assert cycles == []


@pytest.mark.parametrize(
    ("lower", "upper"),
    [
        ("cablethread.models", "cablethread.messages.parser"),
        ("cablethread.reading.source", "cablethread.messages.parser"),
        ("cablethread.lexicon.patterns", "cablethread.scan.blocks"),
        ("cablethread.scan.blocks", "cablethread.messages.parser"),
        ("cablethread.fields.dates", "cablethread.messages.parser"),
        ("cablethread.threads.build", "cablethread.export.graphml"),
        ("cablethread.export.graphml", "cablethread.cli.commands"),
    ],
)
def test_the_stages_depend_downwards_only(lower: str, upper: str) -> None:
    graph = import_graph()
    assert not nx.has_path(graph, lower, upper), f"{lower} reaches {upper}"


def test_the_former_module_names_import_as_the_same_modules() -> None:
    page = (PACKAGE.parent / "docs" / "architecture.md").read_text("utf-8")
    for old, new in MOVED.items():
        assert f"| `{old}` | `{new}` |" in page
        assert importlib.import_module(old) is importlib.import_module(new)
    from cablethread.graphml import graphml_id  # as the docs named it before
    from cablethread.pdf import extract_pdf

    assert graphml_id is cablethread.export.graphml.graphml_id
    assert extract_pdf.__module__ == "cablethread.reading.pdf"
