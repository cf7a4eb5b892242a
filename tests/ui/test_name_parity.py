"""One rule for names: the entry form and `studytui log` resolve the same typed area to the same
area, or refuse it with the same words. The form runs in Pilot, the command in a subprocess,
each on its own copy of the same roadmap."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import run_cli
from tests.ui.conftest import settle
from textual.widgets import Input, Label

from studytui.ui.app import make_app
from studytui.ui.dialogs.entry_form import EntryForm

pytestmark = pytest.mark.usefixtures("frozen_now")

# typed -> what either front end must make of it: an area's name, or the start of the refusal.
AREAS = {
    "ml": "Machine learning",  # a built-in short key wins over "MLOps & cloud"'s prefix
    "ML": "Machine learning",  # keys in any case
    "mlops": "MLOps & cloud",
    "mach": "Machine learning",  # a unique prefix
    "MACHINE LEARNING": "Machine learning",  # the whole name in any case
    "learning": "Machine learning",  # contained, when no name starts with it
    "data e": "Data engineering",
    "data": '"data" matches several study areas: Data science & maths, Data engineering',
    "quantum": 'no study area matches "quantum"; choose one of:',
}


def _outcome(text: str) -> tuple[str, str]:
    return ("area", text) if not text.startswith(("no ", '"')) else ("refused", text)


async def _through_the_form(db_path: Path) -> dict[str, tuple[str, str]]:
    app = make_app(db_path)
    found: dict[str, tuple[str, str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for typed in AREAS:
            await pilot.press("n")
            await settle(app, pilot)
            assert isinstance(app.screen, EntryForm)
            app.screen.query_one("#duration", Input).value = "10"
            app.screen.query_one("#area", Input).value = typed
            await pilot.pause()
            await pilot.press("enter")
            await settle(app, pilot)
            if isinstance(app.screen, EntryForm):  # refused: the message is under the field
                hint = str(app.screen.query_one("#area-hint", Label).render())
                found[typed] = ("refused", hint)
                await pilot.press("escape")
                await settle(app, pilot)
            else:
                with sqlite3.connect(db_path) as conn:
                    (area,) = conn.execute(
                        "select a.name from log_entry e join area a on a.id = e.area_id"
                        " order by e.created_at desc limit 1"
                    ).fetchone()
                found[typed] = ("area", area)
    return found


def _through_the_shell(db_path: Path) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for typed in AREAS:
        done = run_cli("--db", str(db_path), "log", "10", "--area", typed)
        if done.returncode == 0:
            # "Logged 10m of Machine learning today. ..."
            found[typed] = ("area", done.stdout.split(" of ", 1)[1].split(" today.")[0])
        else:
            assert done.returncode == 2, done.stderr
            found[typed] = ("refused", done.stderr.removeprefix("studytui: error: ").strip())
    return found


async def test_the_form_and_the_shell_resolve_every_name_alike(db, db_path: Path) -> None:
    db.dispose()
    shell_copy = db_path.with_name("shell.db")
    shutil.copyfile(db_path, shell_copy)
    by_form = await _through_the_form(db_path)
    by_shell = _through_the_shell(shell_copy)
    for typed, expected in AREAS.items():
        kind, text = _outcome(expected)
        assert by_form[typed][0] == by_shell[typed][0] == kind, typed
        assert by_form[typed][1].startswith(text), (typed, by_form[typed])
        assert by_form[typed][1] == by_shell[typed][1], typed
