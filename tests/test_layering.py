"""The core stays free of the UI: proven in a fresh interpreter, as harlequin does.

Every module of a layer is imported together in one interpreter: if their union pulls in no
`textual`, none of them does.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import studytui.cli
import studytui.db
import studytui.domain


def _modules_of(package: object) -> list[str]:
    return [
        f"{package.__name__}.{info.name}"  # type: ignore[attr-defined]
        for info in pkgutil.iter_modules(package.__path__)  # type: ignore[attr-defined]
        if info.name != "migrations"
    ]


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
    assert "studytui.cli.daily" in CLI


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
