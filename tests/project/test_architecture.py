"""The code's shape: no import cycles (module- or function-level), no oversized modules.

An import inside a function body to dodge a cycle hides the cycle, it does not remove it, so every
import counts here, wherever it stands. The graph is read from the source with ``ast``; nothing is
imported.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("registry", "search")
#: The longest a module may grow before it becomes a package (migrations excepted).
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[_module_name(path)] = path
    return modules


def _targets(module: str, node, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = module.split(".") if is_package else module.split(".")[:-1]
        parts = parts[: len(parts) - (node.level - 1)]
        base = ".".join([*parts, base] if base else parts)
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, at any depth of its source (functions included)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for target in _targets(name, node, path.name == "__init__.py"):
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                # A module naming its own parent package (``from . import x``) is not an edge back to
                # itself; a package's ``__init__`` importing its submodules is (it runs them).
                if target and target != name and not name.startswith(target + "."):
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _app(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "registry" else parts[0]


def test_no_module_imports_itself_through_others():
    """No cycle between modules, counting imports inside functions."""
    assert cycles(import_graph()) == []


def test_no_cycle_between_apps():
    """Dependencies between apps point one way (demo → home → services → regulations → search)."""
    graph = import_graph()
    apps: dict[str, set[str]] = {}
    for module, targets in graph.items():
        for target in targets:
            if _app(module) != _app(target):
                apps.setdefault(_app(module), set()).add(_app(target))
    assert cycles(apps) == []


def test_search_imports_nothing_from_the_content_apps():
    """Content apps register with search; search never reaches back."""
    graph = import_graph()
    offending = {
        (module, target)
        for module, targets in graph.items()
        if module.startswith("search")
        for target in targets
        if not target.startswith("search")
    }
    assert offending == set()


def test_the_cycle_finder_finds_a_hidden_cycle():
    """The check itself: a function-level import that closes a loop is reported."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    tree = ast.parse("def f():\n    from .models import X\n")
    node = next(n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))
    assert _targets("registry.services.page_context", node, False)[0] == "registry.services.models"


@pytest.mark.parametrize("folder", ["registry", "search", "tests", "bench"])
def test_no_module_is_over_the_size_limit(folder):
    """A module past about 400 lines becomes a package (migrations excepted)."""
    too_long = {}
    for path in (ROOT / folder).rglob("*"):
        if path.suffix != ".py" and not (
            folder == "bench" and path.is_file() and path.parent.name == "bench"
        ):
            continue
        if "migrations" in path.parts or not path.is_file():
            continue
        lines = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
        if lines > MAX_LINES:
            too_long[str(path.relative_to(ROOT))] = lines
    assert too_long == {}
