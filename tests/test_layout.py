"""The package layout docs/architecture.md describes: no import cycles between modules or packages,
a small top level, small modules, one door to term matching, and no unused runtime dependency."""

from __future__ import annotations

import ast
import re
import tomllib
from collections import defaultdict
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "lintkit"


def _modules() -> dict[str, Path]:
    out = {}
    for p in PACKAGE.rglob("*.py"):
        parts = list(p.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = p
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The lintkit modules `name` imports (at any level of the file, TYPE_CHECKING included)."""
    pkg = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*pkg.split(".")[: len(pkg.split(".")) - node.level + 1], *([base] if base else [])]
                )
            for a in node.names:
                target = f"{base}.{a.name}"
                found.add(target if target in MODULES else base)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while (w := stack.pop()) != v:
                comp.append(w)
            comp.append(v)
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _stage(module: str) -> str:
    """The package (or top-level module) a module belongs to: lintkit.match.plan -> match."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "lintkit"


def test_no_import_cycle_between_modules():
    assert _cycles(GRAPH) == []


def test_no_import_cycle_between_packages():
    stages: dict[str, set[str]] = defaultdict(set)
    for name, targets in GRAPH.items():
        stages[_stage(name)] |= {_stage(t) for t in targets} - {_stage(name)}
    assert _cycles(stages) == []


def test_the_command_line_is_imported_by_nothing_but_the_entry_point():
    assert [n for n, targets in GRAPH.items() if "lintkit.cli" in targets] == ["lintkit.__main__"]


def test_a_small_top_level_and_small_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top
    long = {
        str(p.relative_to(REPO)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 300
    }
    assert long == {}


def test_term_matching_has_one_door_and_four_modules():
    assert len(list((PACKAGE / "match").glob("*.py"))) <= 4
    inside = [n for n in GRAPH if n.startswith("lintkit.match")]
    for name, targets in GRAPH.items():
        if name in inside or name.startswith("lintkit.rules.cached"):  # (the cache decodes ScanPlan)
            continue
        assert not [t for t in targets if t.startswith("lintkit.match.")], name


def test_every_runtime_dependency_is_imported():
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=!~; \[]", d, maxsplit=1)[0].lower().replace("-", "_") for d in deps}
    module_of = {"pyyaml": "yaml"}
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    imported = set(re.findall(r"^\s*(?:import|from) (\w+)", source, flags=re.M))
    assert {module_of.get(n, n) for n in names} - imported == set()
