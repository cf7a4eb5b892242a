"""The core stays free of the UI: proven in a fresh interpreter, as harlequin does."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "studytui.domain.durations",
    "studytui.domain.days",
    "studytui.domain.streaks",
    "studytui.domain.settings",
    "studytui.domain.progress",
    "studytui.domain.content",
    "studytui.domain.matching",
    "studytui.db.schema",
    "studytui.db.entries",
    "studytui.db.stats",
    "studytui.db.timer",
    "studytui.content",
    "studytui.cli",
    "studytui.cli.daily",
    "studytui.cli.status",
    "studytui.cli.info",
]


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert module in loaded
    assert not any(name == "textual" or name.startswith("textual.") for name in loaded)


@pytest.mark.parametrize("module", [m for m in CORE_MODULES if ".domain." in m])
def test_domain_imports_neither_db_nor_sqlalchemy(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert not any(name.startswith(("studytui.db", "sqlalchemy", "sqlmodel")) for name in loaded)


def test_importing_the_package_has_no_side_effects(tmp_path) -> None:
    home = tmp_path / "empty-home"
    home.mkdir()
    env_code = (
        f"import os; os.environ['HOME'] = {str(home)!r}; os.environ.pop('STUDYTUI_DB', None); "
        f"os.environ['XDG_DATA_HOME'] = {str(home)!r} + '/data'\n"
        "import studytui, studytui.paths, studytui.cli, studytui.db.schema, studytui.ui.app"
    )
    subprocess.run([sys.executable, "-c", env_code], check=True)
    assert list(home.iterdir()) == []
