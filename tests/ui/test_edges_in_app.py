"""The app keeps the same rules as the shell: its export never writes over the database, and
opening another program's SQLite file leaves the file as it was found."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import settle
from tests.ui.test_data_in_app import _answer_prompt
from tests.ui.test_text_not_markup import _screen_text

from studytui.ui.app import StudyApp, make_app
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.error import StoreErrorScreen


async def test_the_apps_export_refuses_the_database_itself(
    seeded_app: StudyApp, db_path: Path
) -> None:
    before = db_path.read_bytes()
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("s")
        await settle(seeded_app, pilot)
        await _answer_prompt(seeded_app, pilot, "x", str(db_path))
        refusal = f"will not write to {db_path}: it is the studytui database"
        # Under the field, the dialog still open with the path as typed.
        assert isinstance(seeded_app.screen, PromptDialog)
        assert refusal in str(seeded_app.screen.query_one("#prompt-error").render())
        assert "will not write to" in _screen_text(seeded_app)
    assert db_path.read_bytes() == before


async def test_the_app_leaves_a_foreign_sqlite_file_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    foreign = tmp_path / "other" / "photos.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
    conn.commit()
    conn.close()
    before = foreign.read_bytes()
    app = make_app(foreign)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, StoreErrorScreen)
        assert "no studytui schema version" in _screen_text(app)
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in foreign.parent.iterdir()) == ["photos.sqlite"]
