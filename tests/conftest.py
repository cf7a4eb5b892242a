"""Shared fixtures. Every test runs against files under its own tmp_path: the autouse fixture
points the database, HOME and the XDG directories there, so no test can touch a real home."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from studytui.db.engine import Database, writing
from studytui.db.schema import open_database
from studytui.db.seed import apply_template

pytest_plugins = ("tests.postgres",)

FIXED_NOW = "2026-03-11T20:30:00"  # a Wednesday evening
# libpq reads these; a developer's own must not reach a test (the tests name every setting).
LIBPQ_ENV_VARS = ("PGPASSWORD", "PGPASSFILE", "PGSERVICE", "PGSERVICEFILE", "PGUSER", "PGHOST")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("STUDYTUI_DB", str(tmp_path / "studytui.db"))
    monkeypatch.delenv("STUDYTUI_NOW", raising=False)
    for var in LIBPQ_ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "studytui.db"


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> str:
    """Pin the clock (in this process and in CLI subprocesses) to FIXED_NOW."""
    monkeypatch.setenv("STUDYTUI_NOW", FIXED_NOW)
    return FIXED_NOW


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An open database, seeded with the software-developer roadmap."""
    from studytui.builtin_content import load_template

    database = open_database(db_path)
    with writing(database) as session:
        apply_template(session, load_template("software"))
    yield database
    database.dispose()


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `studytui` command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "studytui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


@pytest.fixture
def cli():
    return run_cli
