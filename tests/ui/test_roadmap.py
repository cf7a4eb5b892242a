"""The Roadmap screen through Pilot: status keys and undo, notes that survive a restart,
reorder, add and delete, links, shares and the journal export."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import settle
from textual.widgets import DataTable, Input

from studytui.builtin_content import load_template
from studytui.ui.app import StudyApp, make_app
from studytui.ui.dialogs.prompt import PromptDialog
from studytui.ui.screens.roadmap import RoadmapScreen

FIRST_PROGRAMMING = "Write Python the way the data ecosystem expects"
PLAN = "Write a transition plan, find a mentor and go through it with your manager"


def _query(db_path: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, args).fetchall()


def _milestone(db_path: Path, title: str) -> tuple:
    return _query(
        db_path, "select status, started_on, done_on, notes from milestone where title = ?", title
    )[0]


async def _open_roadmap(app: StudyApp, pilot) -> RoadmapScreen:
    await settle(app, pilot)
    await pilot.press("r")
    await settle(app, pilot)
    assert isinstance(app.screen, RoadmapScreen)
    return app.screen


def _row_titles(screen: RoadmapScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row(row.key)[1]).strip() for row in table.ordered_rows]


async def _select(app: StudyApp, pilot, screen: RoadmapScreen, title: str) -> None:
    table = screen.query_one(DataTable)
    index = _row_titles(screen).index(title)
    table.focus()
    table.move_cursor(row=index)
    await settle(app, pilot)
    assert screen.selection.key == table.ordered_rows[index].key.value


async def test_status_keys_stamp_dates_show_glyphs_and_undo(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        assert screen.selection.key.startswith("a:")  # the first row is an area:
        await pilot.press("3")  # status keys change nothing there
        await settle(seeded_app, pilot)
        assert _query(db_path, "select count(*) from milestone where status != 'todo'") == [(0,)]
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        await pilot.press("2")
        await settle(seeded_app, pilot)
        assert _milestone(db_path, FIRST_PROGRAMMING)[:3] == ("in_progress", "2026-03-11", None)
        table = screen.query_one(DataTable)
        row = table.get_row(table.ordered_rows[table.cursor_row].key)
        assert str(row[0]).strip() == "[~]"  # a glyph, not colour alone
        assert str(row[4]) == "in progress"

        await pilot.press("3")
        await settle(seeded_app, pilot)
        assert _milestone(db_path, FIRST_PROGRAMMING)[:3] == ("done", "2026-03-11", "2026-03-11")
        assert str(table.get_row(table.ordered_rows[table.cursor_row].key)[0]).strip() == "[x]"
        total = sum(m.hours for m in load_template("software").milestones)
        summary = str(screen.query_one("#roadmap-summary").render())
        assert f"(12 of {total} h estimated done)" in summary

        await pilot.press("u")
        await settle(seeded_app, pilot)
        assert _milestone(db_path, FIRST_PROGRAMMING)[:3] == ("in_progress", "2026-03-11", None)
        await pilot.press("u")
        await settle(seeded_app, pilot)
        assert _milestone(db_path, FIRST_PROGRAMMING)[:3] == ("todo", None, None)

        await pilot.press("4")
        await settle(seeded_app, pilot)
        assert _milestone(db_path, FIRST_PROGRAMMING)[0] == "skipped"


async def test_notes_are_saved_across_a_restart(seeded_app: StudyApp, db_path: Path) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, PLAN)
        screen.pane.notes.load_text("plan notes")
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        assert _milestone(db_path, PLAN)[3] == "plan notes"  # saved on switching milestone
        assert screen.pane.notes.text == ""
        await pilot.press("enter")  # into the notes editor
        await pilot.press(*"learned generators", "enter", *"see repo")
        await pilot.pause()
        assert screen.pane.notes.has_focus
    # The app quit while the editor still had focus and nothing else had saved it.
    assert _milestone(db_path, FIRST_PROGRAMMING)[3] == "learned generators\nsee repo"

    again = make_app(db_path)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(again, pilot)
        await _select(again, pilot, screen, FIRST_PROGRAMMING)
        assert screen.pane.notes.text == "learned generators\nsee repo"


async def test_reorder_open_links_and_switch_template(
    seeded_app: StudyApp, db_path: Path, monkeypatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, **_: opened.append(url) or True)
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        await pilot.press("o")
        await settle(seeded_app, pilot)
        screen.pane.query_one("#resources").highlighted = 1
        await pilot.press("o")
        await settle(seeded_app, pilot)
        assert opened == [
            "https://nostarch.com/dead-simple-python",
            "https://docs.python.org/3/tutorial/",
        ]

        titles = _row_titles(screen)
        first, second = titles[1], titles[2]
        await _select(seeded_app, pilot, screen, second)
        await pilot.press("shift+up")
        await settle(seeded_app, pilot)
        assert _row_titles(screen)[1:3] == [second, first]
        assert screen.query_one(DataTable).cursor_row == 1  # the cursor moved with it

        area = titles[0]
        await _select(seeded_app, pilot, screen, area)
        await pilot.press("shift+down")
        await settle(seeded_app, pilot)
        assert _row_titles(screen)[0] != area
        assert area in _row_titles(screen)

        # Switch to the from-scratch starting point: new milestones come, nothing is lost.
        rows_before = len(_row_titles(screen))
        await pilot.press("t")
        await settle(seeded_app, pilot)
        await pilot.press("up", "enter")  # from scratch, above the current one
        await settle(seeded_app, pilot)
        await pilot.press("y")  # confirmed
        await settle(seeded_app, pilot)
        assert _query(db_path, "select value from setting where key = 'template'") == [("scratch",)]
        assert len(_row_titles(screen)) > rows_before
        after = _row_titles(screen)
        assert after.index(second) < after.index(first)  # the user's order is kept


async def test_a_switch_that_adds_no_area_does_not_speak_of_new_areas(
    seeded_app: StudyApp, db_path: Path
) -> None:
    from textual.widgets import Label, OptionList

    from studytui.ui.dialogs.confirm import ConfirmDialog

    # Shares of the user's own, which a switch keeps.
    (first, share), (second, _) = _query(db_path, "select id, share from area order by id")[:2]
    with sqlite3.connect(db_path) as conn:
        conn.execute("update area set share = share - 1 where id = ?", (first,))
        conn.execute("update area set share = share + 1 where id = ?", (second,))
    assert share > 0
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open_roadmap(seeded_app, pilot)
        await pilot.press("t")
        await settle(seeded_app, pilot)
        options = seeded_app.screen.query_one(OptionList)
        keys = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = keys.index("data_science")  # the software areas, all there
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, ConfirmDialog)
        question = str(seeded_app.screen.query_one(".dialog-question", Label).render())
        assert "It adds" in question and "and the area" not in question, question
        assert "Your own target shares stay." in question
        assert "new areas" not in question


async def test_add_edit_delete_milestones_and_areas_with_shares(
    seeded_app: StudyApp, db_path: Path
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        seeded_app.screen.query_one("#milestone-title", Input).value = "Read Fluent Python"
        seeded_app.screen.query_one("#milestone-hours", Input).value = "lots"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "whole hours" in str(seeded_app.screen.query_one("#milestone-error").render())
        seeded_app.screen.query_one("#milestone-hours", Input).value = "25"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        rows = _query(
            db_path,
            "select a.name, m.estimate_hours from milestone m join area a on a.id = m.area_id "
            "where m.title = 'Read Fluent Python'",
        )
        assert rows == [("Programming & software engineering", 25)]
        assert screen.selection.key.startswith("m:")
        assert "Read Fluent Python" in _row_titles(screen)

        await pilot.press("e")
        await settle(seeded_app, pilot)
        assert seeded_app.screen.query_one("#milestone-title", Input).value == "Read Fluent Python"
        seeded_app.screen.query_one("#milestone-hours", Input).value = "30"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert _query(
            db_path, "select estimate_hours from milestone where title = 'Read Fluent Python'"
        ) == [(30,)]

        await pilot.press("delete")
        await settle(seeded_app, pilot)
        await pilot.press("n")  # keep
        await settle(seeded_app, pilot)
        assert _query(
            db_path, "select count(*) from milestone where title = ?", "Read Fluent Python"
        ) == [(1,)]
        await pilot.press("delete")
        await settle(seeded_app, pilot)
        await pilot.press("y")
        await settle(seeded_app, pilot)
        assert _query(
            db_path, "select count(*) from milestone where title = ?", "Read Fluent Python"
        ) == [(0,)]
        assert "Read Fluent Python" not in _row_titles(screen)

        # A new area starts at 0%, then the shares are edited together to add up to 100.
        await pilot.press("N")
        await settle(seeded_app, pilot)
        seeded_app.screen.query_one(Input).value = "Statistics"
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert _query(db_path, "select share from area where name = 'Statistics'") == [(0,)]

        await pilot.press("percent_sign")
        await settle(seeded_app, pilot)
        inputs = list(seeded_app.screen.query(".share-input").results(Input))
        inputs[-1].value = "10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "add up to 110%" in str(seeded_app.screen.query_one("#shares-error").render())
        programming = int(inputs[0].value)
        inputs[0].value = str(programming - 10)
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
    shares = dict(_query(db_path, "select name, share from area"))
    assert shares["Statistics"] == 10
    assert shares["Programming & software engineering"] == programming - 10
    assert sum(shares.values()) == 100


async def test_a_milestone_title_already_taken_is_refused_in_the_form(
    seeded_app: StudyApp, db_path: Path
) -> None:
    pandas = "Data wrangling with pandas and NumPy"
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        form = seeded_app.screen
        form.query_one("#milestone-title", Input).value = f" {pandas.lower()} "
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form  # still open, with the title as typed
        error = str(form.query_one("#milestone-error").render())
        assert f'already a milestone called "{pandas}"' in error
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        await pilot.press("y")  # discard what was typed
        await settle(seeded_app, pilot)

        await pilot.press("e")  # the same rule when a title is edited
        await settle(seeded_app, pilot)
        form = seeded_app.screen
        form.query_one("#milestone-title", Input).value = pandas
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form
        assert "already a milestone" in str(form.query_one("#milestone-error").render())
    assert _query(db_path, "select count(*) from milestone where title = ?", pandas) == [(1,)]
    assert _query(db_path, "select count(*) from milestone where title = ?", FIRST_PROGRAMMING) == [
        (1,)
    ]


async def test_a_link_that_no_browser_can_open_is_shown_whole_to_copy(
    seeded_app: StudyApp, monkeypatch
) -> None:
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, **_: False)  # no display, no browser
    async with seeded_app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        await pilot.press("o")
        await settle(seeded_app, pilot)
        dialog = seeded_app.screen
        assert isinstance(dialog, PromptDialog)
        assert "No browser found; the address is:" in str(
            dialog.query_one(".dialog-question").render()
        )
        field = dialog.query_one(Input)
        assert field.value == "https://nostarch.com/dead-simple-python"
        assert field.selected_text == field.value  # ready for ctrl+c
        assert not any("Opening" in n.message for n in seeded_app._notifications)
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is screen


async def test_dashboard_next_up_and_the_journal_one_key_away(
    seeded_app: StudyApp, db_path: Path, frozen_now: str, isolated_home: Path
) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        text = str(seeded_app.screen.query_one("NextUpSection").render())
        assert "[ ] Write Python the way the data ecosystem expects" in text
        assert "no study logged in the last 4 weeks" in text
        screen = await _open_roadmap(seeded_app, pilot)
        assert "Pace: no study logged" in str(screen.query_one("#roadmap-summary").render())
        await pilot.press("j")
        await settle(seeded_app, pilot)
        field = seeded_app.screen.query_one(Input)
        assert field.value == "~/studytui-journal-2026-03-11.md"
        await pilot.press("enter")
        await settle(seeded_app, pilot)
    text = (isolated_home / "studytui-journal-2026-03-11.md").read_text(encoding="utf-8")
    assert text.startswith("# Learning journal\n")


async def test_a_journal_that_cannot_be_written_says_so_and_writes_nothing(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    """The refusal shows under the field, with the dialog still open and the path as typed."""
    target = db_path.parent / "missing" / "journal.md"
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await _open_roadmap(seeded_app, pilot)
        await pilot.press("j")
        await settle(seeded_app, pilot)
        seeded_app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        dialog = seeded_app.screen
        assert isinstance(dialog, PromptDialog)
        assert dialog.query_one(Input).value == str(target)
        error = str(dialog.query_one("#prompt-error").render())
        assert f"cannot use {target.parent}: the folder does not exist" in error
        assert dialog.query_one("#prompt-error").region.height > 0  # in sight at 80x24

        (db_path.parent / "missing").mkdir()
        await pilot.press("enter")  # fixed outside the app: the same path now works
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, RoadmapScreen)
    assert target.read_text(encoding="utf-8").startswith("# Learning journal\n")


async def test_leaving_the_roadmap_takes_its_undo_hint_along(
    seeded_app: StudyApp, db_path: Path
) -> None:
    async with seeded_app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await _open_roadmap(seeded_app, pilot)
        await _select(seeded_app, pilot, screen, FIRST_PROGRAMMING)
        await pilot.press("2")
        await settle(seeded_app, pilot)
        assert any("u to undo" in str(t.render()) for t in seeded_app.screen.query("Toast"))
        await pilot.press("l")  # the daily log, where u undoes a delete
        await settle(seeded_app, pilot)
        assert not any("u to undo" in str(t.render()) for t in seeded_app.screen.query("Toast"))
        assert _milestone(db_path, FIRST_PROGRAMMING)[0] == "in_progress"
