"""The shell commands run on both engines: every test here gets its database (the `db`
fixture's, and the one STUDYTUI_DB names for the commands) in a file, and again on the test
PostgreSQL server (see tests/postgres.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from studytui.db.engine import Database, writing
from studytui.db.location import Location
from studytui.db.schema import open_database
from studytui.db.seed import apply_template


@pytest.fixture(autouse=True)
def commands_use(location: Location, monkeypatch: pytest.MonkeyPatch) -> Location:
    """Point the commands (in this process and in subprocesses) at the test's database."""
    monkeypatch.setenv("STUDYTUI_DB", str(location) if isinstance(location, Path) else location.url)
    return location


@pytest.fixture
def db(location: Location) -> Iterator[Database]:
    """An open database, seeded with the software-developer roadmap, on either engine."""
    from studytui.builtin_content import load_template

    database = open_database(location)
    with writing(database) as session:
        apply_template(session, load_template("software"))
    yield database
    database.dispose()
