"""The layout a newcomer can rely on: data flows config → index → assistant → evals → ui, never back,
and every module and function stays small enough to read in one sitting."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parent.parent
# Each package and the packages it may import; anything else of ours is an edge against the flow.
ALLOWED = {
    "config": set(),
    "index": {"config"},
    "assistant": {"config", "index"},
    "evals": {"config", "index", "assistant"},
    "ui": {"config", "index", "assistant", "evals"},
}
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40


def modules(package: str) -> list[Path]:
    found = sorted((ROOT / package).rglob("*.py"))
    assert found, f"no package {package}/: the layout this test checks has changed"
    return found


def imported_packages(path: Path) -> set[str]:
    """Our top-level packages a module imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & (set(ALLOWED) | {"tests"})


def edges() -> set[tuple[str, str]]:
    return {(package, imported) for package in ALLOWED for path in modules(package)
            for imported in imported_packages(path) if imported != package}


def test_the_import_graph_only_follows_the_flow():
    against_the_flow = sorted((a, b) for a, b in edges() if b not in ALLOWED[a])
    assert against_the_flow == []


def test_the_graph_check_sees_imports_inside_functions(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from ui.cli import main\n    import evals.runner\n")
    assert imported_packages(module) == {"ui", "evals"}


def test_no_package_imports_the_tests():
    assert [(a, b) for a, b in edges() if b == "tests"] == []


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_module_is_longer_than_a_sitting(package):
    long = [f"{p.relative_to(ROOT)}: {n}" for p in modules(package)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert long == []


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_function_is_longer_than_a_screen(package):
    long = []
    for path in modules(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if (n := node.end_lineno - node.lineno + 1) > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}: {n}")
    assert long == []
