"""The db-layer tests run on both engines: `db` is a seeded database in a file, and again on
the test PostgreSQL server (see tests/postgres.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from studytui.db.engine import Database, writing
from studytui.db.location import Location
from studytui.db.schema import open_database
from studytui.db.seed import apply_template


@pytest.fixture
def db(location: Location) -> Iterator[Database]:
    """An open database, seeded with the software-developer roadmap, on either engine."""
    from studytui.builtin_content import load_template

    database = open_database(location)
    with writing(database) as session:
        apply_template(session, load_template("software"))
    yield database
    database.dispose()
