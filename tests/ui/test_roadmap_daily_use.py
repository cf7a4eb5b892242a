"""The Roadmap in daily use, with Pilot: switching starting point (current one highlighted,
asked first, the user's shares kept, undone with u), area names refused inside the dialog,
an area with logged time refused before asking, and logging or timing the selected milestone.
Each test checks the database itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import settle
from textual.widgets import DataTable, Input, Label, OptionList

from studytui.domain.durations import format_hours
from studytui.ui.app import StudyApp
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.dialogs.template_pick import TemplatePickDialog
from studytui.ui.dialogs.timer_start import TimerStartDialog
from studytui.ui.screens.roadmap import RoadmapScreen

PANDAS = "Data wrangling with pandas and NumPy"
TABLES = ("area", "milestone", "milestone_resource", "milestone_prerequisite", "setting")


def _query(db_path: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, args).fetchall()


def _dump(db_path: Path) -> dict[str, list[tuple]]:
    return {t: sorted(_query(db_path, f"select * from {t}"), key=repr) for t in TABLES}


def _toasts(app: StudyApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def _press(app: StudyApp, pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def _open(app: StudyApp, pilot) -> RoadmapScreen:
    await settle(app, pilot)
    await _press(app, pilot, "r")
    assert isinstance(app.screen, RoadmapScreen)
    return app.screen


async def _select(app: StudyApp, pilot, key: str) -> None:
    table = app.screen.query_one(DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(key))
    await settle(app, pilot)


def _id(db_path: Path, table: str, column: str, value: str) -> str:
    return _query(db_path, f"select id from {table} where {column} = ?", value)[0][0]


async def test_switching_starting_point_asks_keeps_own_shares_and_undoes(
    seeded_app: StudyApp, db_path: Path
) -> None:
    # The user's own shares: half machine learning, half MLOps.
    with sqlite3.connect(db_path) as conn:
        conn.execute("update area set share = 0")
        conn.execute(
            "update area set share = 50 where name in ('Machine learning', 'MLOps & cloud')"
        )
    before = _dump(db_path)
    app = seeded_app
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open(app, pilot)
        await _press(app, pilot, "t")
        assert isinstance(app.screen, TemplatePickDialog)
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 1  # "From software development", the one followed now
        assert "(current)" in str(options.get_option_at_index(1).prompt)
        await _press(app, pilot, "enter")  # enter alone: nothing to add
        assert isinstance(app.screen, RoadmapScreen)
        assert any("has everything of" in t for t in _toasts(app))
        assert _dump(db_path) == before

        await _press(app, pilot, "t")
        await _press(app, pilot, "up", "enter")  # from scratch
        assert isinstance(app.screen, ConfirmDialog)
        question = app.screen.question
        assert "It adds" in question and "Maths" in question
        assert "Your own target shares stay; new areas start at 0%." in question
        await _press(app, pilot, "n")  # not now
        assert _dump(db_path) == before

        await _press(app, pilot, "t")
        await _press(app, pilot, "up", "enter")
        await _press(app, pilot, "y")
        shares = dict(_query(db_path, "select name, share from area"))
        assert shares["Machine learning"] == 50 and shares["MLOps & cloud"] == 50
        assert shares["Maths"] == 0 and sum(shares.values()) == 100
        assert _query(db_path, "select value from setting where key = 'template'") == [("scratch",)]
        assert any(t.startswith("Switched to") and "Press u to undo." in t for t in _toasts(app))
        assert "Maths  (0% of time)" in [
            str(app.screen.query_one(DataTable).get_row(row.key)[1]).strip()
            for row in app.screen.query_one(DataTable).ordered_rows
        ]

        await _press(app, pilot, "u")
        assert any(t.startswith("Undone: switched to") for t in _toasts(app))
    assert _dump(db_path) == before


async def test_a_duplicate_area_name_stays_in_the_dialog_with_its_error(
    seeded_app: StudyApp, db_path: Path
) -> None:
    app = seeded_app
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await _press(app, pilot, "N")
        dialog = app.screen
        assert isinstance(dialog, PromptDialog)
        dialog.query_one(Input).value = "machine LEARNING"
        await _press(app, pilot, "enter")
        assert app.screen is dialog  # still open, the text as typed
        assert dialog.query_one(Input).value == "machine LEARNING"
        error = str(dialog.query_one("#prompt-error", Label).render())
        assert error == 'there is already an area called "Machine learning"'
        await _press(app, pilot, "end", "s", "!")  # typing clears the error
        assert str(dialog.query_one("#prompt-error", Label).render()) == ""
        dialog.query_one(Input).value = "Statistics"
        await _press(app, pilot, "enter")
        assert isinstance(app.screen, RoadmapScreen)
        statistics = _id(db_path, "area", "name", "Statistics")
        assert app.screen.selection.key == f"a:{statistics}"

        await _press(app, pilot, "e")  # rename it to a name that is taken
        app.screen.query_one(Input).value = "MLOps & cloud"
        await _press(app, pilot, "enter")
        assert isinstance(app.screen, PromptDialog)
        assert "already an area called" in str(app.screen.query_one("#prompt-error").render())
        await _press(app, pilot, "escape")
    assert _query(db_path, "select count(*) from area where name = 'Statistics'") == [(1,)]
    assert _query(db_path, "select count(*) from area where lower(name) = 'machine learning'") == [
        (1,)
    ]


async def test_an_area_with_logged_time_is_refused_before_asking(
    seeded_app: StudyApp, db_path: Path
) -> None:
    area = _id(db_path, "area", "name", "Machine learning")
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "insert into log_entry (id, day, minutes, area_id, note, created_at) "
            "values ('e1', '2026-03-10', 30, ?, '', '2026-03-10 10:00:00')",
            (area,),
        )
    before = _dump(db_path)
    app = seeded_app
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open(app, pilot)
        await _select(app, pilot, f"a:{area}")
        await _press(app, pilot, "delete")
        assert isinstance(app.screen, RoadmapScreen)  # no question asked
        assert any('"Machine learning" has 1 log entry' in t for t in _toasts(app))
    assert _dump(db_path) == before


async def test_log_time_and_start_the_timer_for_the_selected_milestone(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    pandas = _id(db_path, "milestone", "title", PANDAS)
    (area,) = _query(db_path, "select area_id from milestone where id = ?", pandas)[0]
    app = seeded_app
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _open(app, pilot)
        await _select(app, pilot, f"m:{pandas}")
        await _press(app, pilot, "L")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#area", Input).value == "Data science & maths"
        assert form.query_one("#milestone", Input).value == PANDAS
        assert form.query_one("#duration", Input).has_focus
        await _press(app, pilot, *"45m", "enter")
        assert isinstance(app.screen, RoadmapScreen)
        assert _query(db_path, "select minutes, area_id, milestone_id from log_entry") == [
            (45, area, pandas)
        ]
        head = str(app.screen.pane.query_one("#detail-head").render())
        assert f"{format_hours(45)} logged" in head

        await _press(app, pilot, "space")
        dialog = app.screen
        assert isinstance(dialog, TimerStartDialog)
        assert dialog.query_one("#milestone", Input).value == PANDAS
        await _press(app, pilot, "enter")
        assert isinstance(app.screen, RoadmapScreen)
        started = f"Timer started for Data science & maths / {PANDAS}; space stops it"
        assert any(started in toast for toast in _toasts(app))  # the milestone named too
    assert _query(db_path, "select area_id, milestone_id from running_timer") == [(area, pandas)]
