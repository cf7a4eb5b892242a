"""The layers: cli and ui -> actions -> db + domain.

The core stays free of the UI, proven in a fresh interpreter as harlequin does: every module of
a layer is imported together in one interpreter, and if their union pulls in no `textual`, none
of them does. Which layer may name which is read from the source itself, every import counted
(those inside functions and under TYPE_CHECKING too), so a lazy import cannot hide a shortcut.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import studytui.actions
import studytui.cli
import studytui.db
import studytui.domain

SRC = Path(studytui.cli.__file__).parents[1]


def _modules_of(package: object) -> list[str]:
    return [
        f"{package.__name__}.{info.name}"  # type: ignore[attr-defined]
        for info in pkgutil.iter_modules(package.__path__)  # type: ignore[attr-defined]
        if info.name != "migrations"
    ]


ACTIONS = _modules_of(studytui.actions)
DOMAIN = _modules_of(studytui.domain)
DB = _modules_of(studytui.db)
CLI = [*_modules_of(studytui.cli), "studytui.cli", "studytui.builtin_content", "studytui.paths"]


def _loaded_after(modules: list[str]) -> set[str]:
    code = "".join(f"import {m}\n" for m in modules) + "import sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def _has(loaded: set[str], package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in loaded)


def test_the_layers_are_found() -> None:
    assert "studytui.domain.streaks" in DOMAIN
    assert "studytui.db.entries" in DB
    assert "studytui.cli.log" in CLI


def test_domain_imports_neither_textual_nor_the_database() -> None:
    loaded = _loaded_after(DOMAIN)
    assert set(DOMAIN) <= loaded
    for package in ("textual", "studytui.db", "sqlalchemy", "sqlmodel", "studytui.ui"):
        assert not _has(loaded, package), package


def test_db_and_cli_import_no_textual() -> None:
    loaded = _loaded_after([*DB, *CLI])
    assert set(DB) | set(CLI) <= loaded
    assert not _has(loaded, "textual")
    assert not _has(loaded, "studytui.ui")


def test_importing_the_package_has_no_side_effects(tmp_path: Path) -> None:
    home = tmp_path / "empty-home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "STUDYTUI_DB"}
    env |= {"HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    code = "import studytui, studytui.paths, studytui.cli, studytui.db.schema, studytui.ui.app"
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    assert list(home.iterdir()) == []


def test_actions_import_no_ui_and_no_front_end() -> None:
    loaded = _loaded_after(ACTIONS)
    assert set(ACTIONS) <= loaded
    for package in ("textual", "studytui.ui", "studytui.cli"):
        assert not _has(loaded, package), package


# --- what each layer names, from the source --------------------------------------------------


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in SRC.rglob("*.py")}


def imports_of(module: str) -> set[str]:
    """Every studytui module `module` imports, anywhere in its source."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("studytui"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("studytui"))
    return {name for name in found if name in MODULES and name != module}


def _in(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _offenders(front: tuple[str, ...], forbidden: tuple[str, ...]) -> dict[str, set[str]]:
    found = {
        module: {name for name in imports_of(module) if _in(name, *forbidden)}
        for module in MODULES
        if _in(module, *front)
    }
    return {module: names for module, names in found.items() if names}


def test_widgets_and_dialogs_never_name_the_database() -> None:
    # Dialogs return drafts and widgets receive values: they need nothing of `db`.
    front = ("studytui.ui.widgets", "studytui.ui.dialogs")
    assert _offenders(front, ("studytui.db",)) == {}


def test_the_shell_and_the_screens_reach_the_database_only_through_the_actions() -> None:
    # The one exception: the plain `db.errors` messages reach the front ends through
    # `actions.errors`, which re-exports them; nothing here imports `db` itself.
    front = ("studytui.cli", "studytui.ui", "studytui.web")
    assert _offenders(front, ("studytui.db",)) == {}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("studytui.domain", ("studytui.db", "studytui.actions", "studytui.ui", "studytui.cli")),
        ("studytui.db", ("studytui.actions", "studytui.ui", "studytui.cli")),
        ("studytui.actions", ("studytui.ui", "studytui.cli")),
    ],
)
def test_the_lower_layers_never_name_the_upper_ones(layer: str, forbidden: tuple[str, ...]) -> None:
    assert _offenders((layer,), forbidden) == {}


def test_no_module_imports_itself_round_a_circle() -> None:
    """Tarjan's strongly connected components over every import: none has two modules."""
    graph = {module: imports_of(module) for module in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == module:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for module in graph:
        if module not in index:
            visit(module)
    assert circles == []
