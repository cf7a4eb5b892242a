"""The app beside the shell: a `studytui log` from another terminal shows up on refresh or
focus; export, import and backup are reachable from Settings."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from tests.safety.conftest import fill_everything
from tests.ui.conftest import settle
from textual import events
from textual.widgets import DataTable, Input

from studytui.actions.data import export_text
from studytui.clock import now_utc
from studytui.db.engine import writing
from studytui.db.entries import add_entry
from studytui.db.files import write_output
from studytui.db.lookup import find_area
from studytui.db.schema import open_database
from studytui.db.seed import apply_template
from studytui.domain.entries import EntryDraft
from studytui.ui.dialogs.prompt import PromptDialog

TODAY = date(2026, 3, 11)


def _log_elsewhere(db_path: Path, note: str) -> None:
    """What `studytui log` in another terminal does: its own connection, one transaction."""
    other = open_database(db_path)
    with writing(other) as session:
        area = find_area(session, "machine")
        add_entry(
            session, EntryDraft(day=TODAY, minutes=25, area_id=area.id, note=note), today=TODAY
        )
    other.dispose()


async def test_an_entry_logged_elsewhere_appears_on_refresh_and_on_focus(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("l")
        await settle(seeded_app, pilot)
        table = seeded_app.screen.query_one("#entries", DataTable)
        assert table.row_count == 0

        _log_elsewhere(db_path, "from the shell")
        await pilot.press("ctrl+r")
        await settle(seeded_app, pilot)
        assert table.row_count == 1

        _log_elsewhere(db_path, "while the app was in the background")
        seeded_app.post_message(events.AppFocus())
        await settle(seeded_app, pilot)
        assert table.row_count == 2
    # Opening the app kept the day's rolling backup.
    assert (db_path.parent / "backups" / "daily-2026-03-11.db").is_file()


async def _answer_prompt(app, pilot, key: str, text: str) -> None:
    await pilot.press(key)
    await settle(app, pilot)
    assert isinstance(app.screen, PromptDialog)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(app, pilot)


async def test_settings_exports_to_a_file_and_refuses_a_missing_import_inline(
    seeded_app, tmp_path: Path
) -> None:
    target = tmp_path / "mine.json"
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("s")
        await settle(seeded_app, pilot)
        await _answer_prompt(seeded_app, pilot, "x", str(target))
        await _answer_prompt(seeded_app, pilot, "i", str(tmp_path / "nope.json"))
        assert isinstance(seeded_app.screen, PromptDialog)
        error = str(seeded_app.screen.query_one("#prompt-error").render())
        assert "is not a file" in error
    doc = json.loads(target.read_text())
    assert doc["format"] == "studytui-export" and len(doc["milestones"]) > 10


async def test_export_and_import_refusals_keep_the_dialog_and_the_path(
    seeded_app, tmp_path: Path
) -> None:
    """A write that fails says why under the field, as a missing file does, and keeps the
    path as typed, so it can be corrected rather than typed again."""
    target = tmp_path / "no-such-folder" / "mine.json"
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("s")
        await settle(seeded_app, pilot)
        await _answer_prompt(seeded_app, pilot, "x", str(target))
        dialog = seeded_app.screen
        assert isinstance(dialog, PromptDialog)
        assert dialog.query_one(Input).value == str(target)
        error = str(dialog.query_one("#prompt-error").render())
        assert f"cannot use {target.parent}: the folder does not exist" in error
        await pilot.press("escape", "y")  # discard the changed path
        await settle(seeded_app, pilot)

        await pilot.press("i")
        await settle(seeded_app, pilot)
        hint = str(seeded_app.screen.query_one(".dialog-hint").render())
        assert hint == "enter imports · escape to cancel"  # not "to save": it writes no file
        await pilot.press("escape")
        await _answer_prompt(seeded_app, pilot, "i", str(broken))
        dialog = seeded_app.screen
        assert isinstance(dialog, PromptDialog)
        assert dialog.query_one(Input).value == str(broken)
        assert "broken.json" in str(dialog.query_one("#prompt-error").render())
    assert not target.parent.exists()


async def test_settings_imports_an_export_and_backs_up(seeded_app, tmp_path: Path) -> None:
    from studytui.builtin_content import load_template

    other = open_database(tmp_path / "elsewhere.db")
    with writing(other) as session:
        apply_template(session, load_template("software"))
    fill_everything(other)
    source = tmp_path / "elsewhere.json"
    write_output(source, export_text(other, as_csv=False, now=now_utc()), database=other.location)
    other.dispose()

    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("s")
        await settle(seeded_app, pilot)
        await _answer_prompt(seeded_app, pilot, "i", str(source))
        await pilot.press("b")
        await settle(seeded_app, pilot)
    with sqlite3.connect(tmp_path / "studytui.db") as conn:
        notes = conn.execute("SELECT count(*) FROM log_entry").fetchone()[0]
        areas = [r[0] for r in conn.execute("SELECT name FROM area")]
    assert notes == 3
    assert 'Statistik, "Grundlagen"' in areas
    names = [p.name for p in (tmp_path / "backups").iterdir()]
    assert any(n.startswith("before-import-") for n in names)
    assert any(n.startswith("studytui-") for n in names)  # the "Back up now" key


async def test_the_app_follows_a_database_restored_while_it_is_open(
    seeded_app, db_path: Path, tmp_path: Path, frozen_now: str
) -> None:
    from datetime import datetime

    from studytui.db.backups import make_backup, restore_database

    _log_elsewhere(db_path, "kept in the backup")
    (tmp_path / "mine").mkdir()
    backup = make_backup(db_path, tmp_path / "mine", now=datetime(2026, 3, 11, 20, 0))
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        _log_elsewhere(db_path, "made after the backup, undone by the restore")
        restore_database(db_path, backup, now=datetime(2026, 3, 11, 20, 31))

        await pilot.press("l")
        await settle(seeded_app, pilot)
        table = seeded_app.screen.query_one("#entries", DataTable)
        assert table.row_count == 1
        # A write from the app now lands in the restored file, not in the replaced one.
        with writing(seeded_app.store.db) as session:
            area = find_area(session, "machine")
            add_entry(
                session,
                EntryDraft(day=TODAY, minutes=5, area_id=area.id, note="after"),
                today=TODAY,
            )
    with sqlite3.connect(db_path) as conn:
        notes = sorted(row[0] for row in conn.execute("select note from log_entry"))
    assert notes == ["after", "kept in the backup"]
