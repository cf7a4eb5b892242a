from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.web.serving import Served, start_server


@pytest.fixture
def serve(db, db_path: Path) -> Iterator:
    """Start `studytui serve` on the seeded test database; every server is stopped afterwards,
    and must have ended its app processes."""
    db.dispose()
    started: list[Served] = []

    def start(*args: str, env: dict[str, str] | None = None) -> Served:
        started.append(start_server(db_path, *args, env=env))
        return started[-1]

    yield start
    for served in started:
        if served.process.poll() is None:
            assert served.stop() == 0
