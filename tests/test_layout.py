"""The layout is the architecture: a check over the project's own import graph.

Every `import` and `from ... import` in rag/, ui/, evals/ and benchmarks/ is read with `ast`
(imports inside functions too: a cycle hidden in a function is still a cycle), resolved to the
project module it names, and the graph must have no cycle; `rag` must never import `evals`,
`tests` or `benchmarks`, and only `rag.web.app` may import `ui`."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from .conftest import ROOT

PACKAGES = ("rag", "ui", "evals", "benchmarks")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `path` imports (a name imported from a package counts as the
    submodule when one exists, else the package)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:  # rag.index.x.y -> rag.index.x
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    """module -> the project modules it imports."""
    found = modules()
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def cycle(g: dict[str, set[str]]) -> list[str] | None:
    try:
        tuple(TopologicalSorter(g).static_order())
    except CycleError as exc:
        return list(exc.args[1])
    return None


def test_the_import_graph_is_read() -> None:
    g = graph()
    assert "rag.answer.evidence" in g["rag.assistant"]
    assert "ui.app" in g["rag.web.app"]
    assert "rag.cli" in g["evals.cli"]


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) is not None
    assert cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_module_imports_itself_through_others() -> None:
    # rag/__init__ re-exports lazily (inside __getattr__), which this reads as imports too:
    # they point down, so any cycle found is a real one.
    assert cycle(graph()) is None, f"import cycle: {' -> '.join(cycle(graph()) or [])}"


def test_rag_never_imports_its_harness_or_tests() -> None:
    g = graph()
    for name, targets in g.items():
        if name == "rag" or name.startswith("rag."):
            bad = [t for t in targets if t.split(".")[0] in ("evals", "benchmarks")]
            assert bad == [], f"{name} imports {bad}"
            if name != "rag.web.app":
                assert not [t for t in targets if t.split(".")[0] == "ui"], name


def test_answer_stages_and_index_keep_to_their_rooms() -> None:
    g = graph()
    for name, targets in g.items():
        if name.startswith("rag.answer."):
            assert not {t for t in targets if t.startswith(("rag.index", "rag.web"))
                        or t == "rag.assistant"}, name
        if name.startswith(("rag.index.", "rag.models.")):
            assert not {t for t in targets if t.startswith(("rag.answer", "rag.web"))
                        or t in ("rag.assistant", "rag.cli")}, name
