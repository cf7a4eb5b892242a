"""The Daily log through the keyboard: add, edit, delete and undo entries, move between days,
the form's inline errors, and the timer. Every test checks the database rows themselves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import DataTable, Input, Static

from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.entry_detail import EntryDetailDialog
from studytui.ui.dialogs.entry_form import EntryForm
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.dialogs.timer_start import TimerStartDialog
from studytui.ui.screens.daily_log import DailyLogScreen

pytestmark = pytest.mark.usefixtures("frozen_now")  # Wednesday 2026-03-11, 20:30


def rows(db_path: Path) -> list[tuple[str, int, str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "select e.day, e.minutes, a.name, e.note from log_entry e "
            "join area a on a.id = e.area_id order by e.day, e.created_at"
        ).fetchall()


def insert(db_path: Path, day: str, minutes: int, area: str = "Machine learning") -> None:
    """An entry written straight to the file, as another process would."""
    with sqlite3.connect(db_path) as conn:
        (area_id,) = conn.execute("select id from area where name = ?", (area,)).fetchone()
        conn.execute(
            "insert into log_entry (id, day, minutes, area_id, note, created_at) "
            "values (lower(hex(randomblob(16))), ?, ?, ?, '', '2026-03-01 10:00:00.000000')",
            (day, minutes, area_id),
        )


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_log(app, pilot) -> DailyLogScreen:
    await settle(app, pilot)
    await pilot.press("l")
    await settle(app, pilot)
    assert isinstance(app.screen, DailyLogScreen)
    return app.screen


async def fill(app, pilot, **fields: str) -> None:
    """Type into the open form's fields (replacing what is there)."""
    for field, value in fields.items():
        app.screen.query_one(f"#{field}", Input).value = value
    await pilot.pause()


async def test_add_an_entry_through_the_form(seeded_app, db_path: Path) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        assert "Press n to add an entry" in text(seeded_app, "#log-empty")
        await pilot.press("n")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, EntryForm)
        await pilot.press(*"1h30m")  # the duration has focus; the day says today
        await fill(seeded_app, pilot, area="mach", note="backprop by hand")
        assert "→ Machine learning" in text(seeded_app, "#area-hint")
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DailyLogScreen)
        assert "1h 30m" in text(seeded_app, "#log-title")
        assert seeded_app.screen.query_one(DataTable).row_count == 1
    assert rows(db_path) == [("2026-03-11", 90, "Machine learning", "backprop by hand")]


async def test_names_are_picked_by_typing_part_of_them(seeded_app, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "insert into certificate (id, name, provider, track, status, credential_id, "
            "credential_url, cost_cents, currency, notes, created_at) values ('c1', "
            "'AWS Certified Machine Learning Engineer', '', 'ml', 'planned', '', '', 0, 'USD', "
            "'', '2026-03-01 10:00:00.000000')"
        )
        conn.execute(
            "insert into side_activity (id, kind, title, description, status, link, outcome, "
            "created_at) values ('a1', 'writing', 'Blog post on feature stores', '', 'idea', '', "
            "'', '2026-03-01 10:00:00.000000')"
        )
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        form = seeded_app.screen
        await pilot.press(*"25m", "tab", *"mlo")
        await pilot.pause()
        await pilot.press("right")  # takes the suggested completion
        assert form.query_one("#area", Input).value == "MLOps & cloud"
        # The other pickers work the same way; set them at once to keep the test quick.
        await fill(seeded_app, pilot, milestone="kubernetes", certificate="aws", activity="feature")
        assert "→ Kubernetes basics" in text(seeded_app, "#milestone-hint")
        assert "→ Blog post on feature stores" in text(seeded_app, "#activity-hint")
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DailyLogScreen)
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(
            "select e.minutes, a.name, m.title, e.certificate_id, e.activity_id "
            "from log_entry e join area a on a.id = e.area_id "
            "join milestone m on m.id = e.milestone_id"
        ).fetchone()
    assert row[:2] == (25, "MLOps & cloud")
    assert row[2].startswith("Kubernetes basics")
    assert row[3:] == ("c1", "a1")


async def test_edit_then_delete_then_undo(seeded_app, db_path: Path) -> None:
    insert(db_path, "2026-03-11", 30)
    with sqlite3.connect(db_path) as conn:
        (entry_id, created) = conn.execute("select id, created_at from log_entry").fetchone()
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("e")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, EntryForm)
        await fill(seeded_app, pilot, duration="45m", note="edited")
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert rows(db_path) == [("2026-03-11", 45, "Machine learning", "edited")]

        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(seeded_app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it
        await settle(seeded_app, pilot)
        assert len(rows(db_path)) == 1
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(seeded_app, pilot)
        assert rows(db_path) == []
        assert seeded_app.screen.query_one("#log-empty").display

        await pilot.press("u")
        await settle(seeded_app, pilot)
        assert seeded_app.screen.query_one(DataTable).row_count == 1
    assert rows(db_path) == [("2026-03-11", 45, "Machine learning", "edited")]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select id, created_at from log_entry").fetchone() == (
            entry_id,
            created,
        )


async def test_form_errors_show_inline_keep_the_form_open_and_write_nothing(
    seeded_app, db_path: Path
) -> None:
    insert(db_path, "2026-03-11", 20 * 60)
    cases = [
        ({"duration": "lots"}, "#duration-hint", 'duration "lots" not understood'),
        ({"duration": "30m", "day": "2026-03-12"}, "#day-hint", "in the future"),
        ({"day": "today", "area": "data"}, "#area-hint", "matches several"),
        ({"area": "machine", "milestone": "zzz"}, "#milestone-hint", "no milestone matches"),
        # Only the database knows the day's total: add_entry's own message, in the form.
        ({"milestone": "", "duration": "5h"}, "#form-error", "would pass 24h"),
    ]
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        for fields, hint, message in cases:
            await fill(seeded_app, pilot, **fields)
            await pilot.press("enter")
            await settle(seeded_app, pilot)
            assert isinstance(seeded_app.screen, EntryForm)  # still open, for a correction
            assert message in text(seeded_app, hint)
        await pilot.press("escape")  # the form holds what was typed: it asks first
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DailyLogScreen)
    assert [m for _, m, _, _ in rows(db_path)] == [1200]


async def test_moving_between_days_and_weeks(seeded_app, db_path: Path) -> None:
    insert(db_path, "2026-03-10", 40)
    insert(db_path, "2026-03-09", 25)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        log = await open_log(seeded_app, pilot)
        assert "Wednesday 11 March 2026 (today)" in text(seeded_app, "#log-title")
        await pilot.press("left")
        await settle(seeded_app, pilot)
        assert "Tuesday 10 March 2026 (yesterday) — 40m" in text(seeded_app, "#log-title")
        await pilot.press("left_square_bracket")
        await settle(seeded_app, pilot)
        assert "Monday 09 March 2026 — 25m" in text(seeded_app, "#log-title")
        await pilot.press("right")
        await settle(seeded_app, pilot)
        assert log.data is not None and str(log.data.day) == "2026-03-10"
        await pilot.press("t")
        await settle(seeded_app, pilot)
        assert "(today)" in text(seeded_app, "#log-title")
        await pilot.press("right")  # the future is not a place to log
        await settle(seeded_app, pilot)
        assert str(log.data.day) == "2026-03-11"

        await pilot.press("w")
        await settle(seeded_app, pilot)
        title = text(seeded_app, "#log-title")
        assert "Week of Mon 09 Mar 2026 (this week) — 1h 5m" in title
        assert "in 2 entries" in title
        assert "Tue 40m" in text(seeded_app, "#log-days")
        assert log.query_one(DataTable).row_count == 2


async def test_adding_from_another_day_shows_that_day(seeded_app, db_path: Path) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("left")
        await settle(seeded_app, pilot)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        assert seeded_app.screen.query_one("#day", Input).value == "yesterday"
        await fill(seeded_app, pilot, duration="20", area="machine")
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert "(yesterday) — 20m" in text(seeded_app, "#log-title")
    assert rows(db_path) == [("2026-03-10", 20, "Machine learning", "")]


async def test_timer_start_and_stop_creates_an_entry(
    seeded_app, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("space")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, TimerStartDialog)
        await fill(seeded_app, pilot, area="data eng")
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, DailyLogScreen)
        assert "Data engineering" in text(seeded_app, "#log-timer")
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("select count(*) from running_timer").fetchone() == (1,)
        monkeypatch.setenv("STUDYTUI_NOW", "2026-03-11T21:00:00")  # half an hour later
        await pilot.press("T")
        await settle(seeded_app, pilot)
        prompt = seeded_app.screen
        assert isinstance(prompt, PromptDialog)  # a note, as `studytui stop --note` takes
        assert "Stop the timer for Data engineering and log 30m" in prompt.question
        await pilot.press("escape")  # changed my mind: it keeps running
        await settle(seeded_app, pilot)
        assert "Data engineering" in text(seeded_app, "#log-timer")
        assert rows(db_path) == []
        await pilot.press("T")
        await settle(seeded_app, pilot)
        await pilot.press(*"airflow DAGs")
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert not seeded_app.screen.query_one("#log-timer").display
        assert "airflow DAGs" in str(seeded_app.screen.query_one(DataTable).get_row_at(0)[-1])
    assert rows(db_path) == [("2026-03-11", 30, "Data engineering", "airflow DAGs")]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from running_timer").fetchone() == (0,)


async def test_a_timer_over_24_hours_offers_to_discard(
    seeded_app, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(db_path) as conn:
        (area_id,) = conn.execute("select id from area limit 1").fetchone()
        conn.execute(
            "insert into running_timer (id, area_id, started_at, note) values (1, ?, ?, '')",
            (area_id, "2026-03-09 08:00:00"),
        )
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("space")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        assert "more than one entry can hold" in seeded_app.screen.question
        await pilot.press("y")
        await settle(seeded_app, pilot)
    assert rows(db_path) == []
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from running_timer").fetchone() == (0,)


async def test_columns_fit_each_day_after_edits_and_moves(seeded_app, db_path: Path) -> None:
    insert(db_path, "2026-03-11", 30)
    insert(db_path, "2026-03-11", 40)
    with sqlite3.connect(db_path) as conn:
        conn.execute("update log_entry set note = 'a long note about backpropagation by hand'")
    insert(db_path, "2026-03-10", 20)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        table = seeded_app.screen.query_one(DataTable)
        # The width the column is drawn at (TextTable sets it from the rows it holds).
        note_width = list(table.columns.values())[-1].width
        assert note_width == len("a long note about backpropagation by hand")
        await pilot.press("down", "e")
        await settle(seeded_app, pilot)
        await fill(seeded_app, pilot, duration="45m")
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert list(table.columns.values())[-1].width == note_width
        await pilot.press("left")  # the day before has no note: the column shrinks back
        await settle(seeded_app, pilot)
        assert list(table.columns.values())[-1].width == len("Note")


async def test_leaving_the_log_takes_its_undo_hint_along(seeded_app, db_path: Path) -> None:
    insert(db_path, "2026-03-11", 30)
    async with seeded_app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(seeded_app, pilot)
        assert rows(db_path) == []
        assert any("u to undo" in str(t.render()) for t in seeded_app.screen.query("Toast"))
        await pilot.press("r")  # the roadmap, where u undoes a status change
        await settle(seeded_app, pilot)
        assert not any("u to undo" in str(t.render()) for t in seeded_app.screen.query("Toast"))


async def test_go_to_a_day_typed_or_counted_back(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    insert(db_path, "2026-03-04", 25)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await open_log(seeded_app, pilot)
        await pilot.press("g")
        await settle(seeded_app, pilot)
        prompt = seeded_app.screen
        assert isinstance(prompt, PromptDialog)
        await pilot.press(*"next week", "enter")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is prompt  # refused where it was typed
        error = str(prompt.query_one("#prompt-error").render())
        assert 'day "next week" not understood: use YYYY-MM-DD, today, yesterday or -7' in error
        prompt.query_one(Input).value = "-7"
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert text(seeded_app, "#log-title").startswith("Wednesday 04 March 2026 — 25m")
        assert screen.query_one(DataTable).row_count == 1
        for typed, heading in (
            ("yesterday", "Tuesday 10 March 2026 (yesterday)"),
            ("2026-02-28", "Saturday 28 February 2026"),
            ("today", "Wednesday 11 March 2026 (today)"),
        ):
            await pilot.press("g", *typed, "enter")
            await settle(seeded_app, pilot)
            assert text(seeded_app, "#log-title").startswith(heading), typed
        assert screen.day is None  # "today" follows today again, past midnight too


async def test_nothing_before_the_earliest_day_is_shown_or_reached(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    insert(db_path, "1970-01-02", 15)
    async with seeded_app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_log(seeded_app, pilot)
        await pilot.press("g", *"-999999", "enter")  # any count too far back says why
        await settle(seeded_app, pilot)
        prompt = seeded_app.screen
        assert isinstance(prompt, PromptDialog)
        assert "before 1970-01-01" in str(prompt.query_one("#prompt-error").render())
        prompt.query_one(Input).value = "1970-01-01"
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        await pilot.press("w")  # its week is shown from 1970-01-01 (a Thursday) to Sunday
        await settle(seeded_app, pilot)
        assert text(seeded_app, "#log-title").startswith("Week of Thu 01 Jan 1970 — 15m")
        assert text(seeded_app, "#log-days").split(" · ") == [
            "Thu 0m",
            "Fri 15m",
            "Sat 0m",
            "Sun 0m",
        ]
        await pilot.press("left")  # nothing earlier to go to: it says so and stays
        await settle(seeded_app, pilot)
        assert screen.data is not None and str(screen.data.first) == "1970-01-01"
        toasts = " ".join(str(t.render()) for t in seeded_app.screen.query("Toast"))
        assert "1970-01-01 is the earliest day" in toasts
        await pilot.press("w", "left")  # nor from the day itself
        await settle(seeded_app, pilot)
        assert text(seeded_app, "#log-title").startswith("Thursday 01 January 1970")


async def test_a_long_note_shows_its_first_line_and_the_whole_entry_on_v(
    seeded_app, db_path: Path
) -> None:
    note = "Backprop by hand\nthen the chain rule for a two-layer net\nand a [bold]bracket"
    insert(db_path, "2026-03-11", 50)
    with sqlite3.connect(db_path) as conn:
        conn.execute("update log_entry set note = ?", (note,))
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await open_log(seeded_app, pilot)
        table = screen.query_one(DataTable)
        assert str(table.get_row_at(0)[-1]) == "Backprop by hand …"  # a sign of more
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        detail = seeded_app.screen
        assert isinstance(detail, EntryDetailDialog)
        assert str(detail.query_one("#entry-note-text").render()) == note  # every line, as text
        facts = str(detail.query_one("#entry-facts").render())
        assert "Wednesday 11 March 2026" in facts and "50m" in facts
        assert "Machine learning" in facts
        await pilot.press("e")  # edit from the detail view
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, EntryForm)
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        await pilot.press("v")
        await settle(seeded_app, pilot)
        await pilot.press("x")  # delete from it, asked first
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(seeded_app, pilot)
    assert rows(db_path) == []


async def test_an_empty_day_says_what_to_do_right_under_the_table(seeded_app) -> None:
    from tests.ui.conftest import screen_text

    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("left")  # yesterday, nothing logged
        await settle(seeded_app, pilot)
        lines = [line.strip() for line in screen_text(seeded_app).splitlines()]
        header = next(i for i, line in enumerate(lines) if line.startswith("Time  Area"))
        below = " ".join(lines[header + 1 : header + 4])
        assert "Nothing logged on this day. Press n to add an entry" in below, lines
