"""The layout keeps its promises: data flows one way through the stage packages, the core
does not depend on MkDocs, and no module, class or function grows past a reader's span."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "build_tools"
ADAPTER = "build_tools.mkdocs"
MAX_MODULE_LINES, MAX_CLASS_LINES, MAX_FUNCTION_LINES = 400, 150, 50


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports made absolute."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            base = base[:len(base) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _importers(package: str, imported: tuple[str, ...]) -> list[tuple[str, str]]:
    """(module of ``package``, what it imports) for every import of one of ``imported``."""
    return sorted((name, module) for name, path in MODULES.items()
                  if name == package or name.startswith(f"{package}.")
                  for module in _imports(path)
                  if any(module == banned or module.startswith(f"{banned}.") for banned in imported))


def test_the_core_imports_neither_mkdocs_nor_jinja() -> None:
    core = [name for name in MODULES if not name.startswith(ADAPTER)]
    leaks = [(name, module) for name in core for module in _imports(MODULES[name])
             if module.split(".")[0] in ("mkdocs", "jinja2", "markupsafe")]
    assert leaks == []
    assert len(core) > 40


@pytest.mark.parametrize("package, forbidden", [
    # Page generation reads the model, never the files or the documents.
    ("build_tools.site", ("build_tools.content", "build_tools.checks", "build_tools.resolve",
                          "build_tools.pipeline", "build_tools.publish", ADAPTER)),
    ("build_tools.i18n", ("build_tools.content", "build_tools.checks", "build_tools.site", ADAPTER)),
    # Reading files knows no rule, no model resolving and no output.
    ("build_tools.content", ("build_tools.checks", "build_tools.resolve", "build_tools.pipeline",
                             "build_tools.site", "build_tools.publish", ADAPTER, "build_tools.commands")),
    # The model is made by resolve; it does not read, check or show anything itself.
    ("build_tools.model", ("build_tools.content", "build_tools.checks", "build_tools.resolve",
                           "build_tools.site", "build_tools.i18n", ADAPTER)),
    # Text rules are below every stage.
    ("build_tools.text", ("build_tools.model", "build_tools.content", "build_tools.checks",
                          "build_tools.resolve", "build_tools.site", "build_tools.i18n", ADAPTER)),
    ("build_tools.checks", ("build_tools.resolve", "build_tools.pipeline", "build_tools.site", ADAPTER)),
    # Translating works on content and the model, never on the site being made.
    ("build_tools.translating", ("build_tools.site", "build_tools.publish", ADAPTER, "build_tools.commands")),
    ("build_tools.upkeep", ("build_tools.site", "build_tools.publish", ADAPTER, "build_tools.commands")),
    # Reading, stripping and encoding photos knows no stage: each stage calls it.
    ("build_tools.media", ("build_tools.content", "build_tools.checks", "build_tools.resolve",
                           "build_tools.pipeline", "build_tools.site", "build_tools.publish", ADAPTER,
                           "build_tools.commands")),
])
def test_data_flows_one_way_through_the_stages(package: str, forbidden: tuple[str, ...]) -> None:
    assert _importers(package, forbidden) == []


def test_the_import_checker_sees_relative_imports() -> None:
    """The test above is only as good as its reading of imports."""
    assert "build_tools.model.kinds" in _imports(PACKAGE / "content" / "loader.py")
    assert _importers("build_tools.mkdocs", ("build_tools.site",)) != []


def _too_long(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = [f"module of {text.count(chr(10))} lines"] if text.count("\n") > MAX_MODULE_LINES else []
    for node in ast.walk(ast.parse(text)):
        length = (node.end_lineno or node.lineno) - node.lineno + 1 if isinstance(node, ast.stmt) else 0
        if isinstance(node, ast.ClassDef) and length > MAX_CLASS_LINES:
            found.append(f"class {node.name} of {length} lines")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and length > MAX_FUNCTION_LINES:
            found.append(f"function {node.name} of {length} lines")
    return found


def test_no_module_class_or_function_is_too_long_to_read() -> None:
    found = {name: problems for name, path in MODULES.items() if (problems := _too_long(path))}
    assert found == {}
