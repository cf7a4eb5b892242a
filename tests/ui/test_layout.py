"""Every screen at 80x24 and 120x40, and after resizing between them: the key bar keeps help
and quit, names are whole where they fit, columns follow the terminal, nothing needed is off
screen. (The pictures themselves are in tests/snapshots.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.ui.conftest import screen_text, settle
from textual.widgets import DataTable, RadioSet

from studytui.ui.app import StudyApp, make_app
from studytui.ui.screens.registry import SCREENS_BY_KEY
from studytui.ui.widgets.key_bar import KeyBar

LONG_TITLE = "Deep learning in PyTorch: the Deep Learning Specialization, fast.ai or NYU"


def _bar(app: StudyApp) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_screen_shows_help_and_quit_in_its_key_bar(seeded_app, size) -> None:
    async with seeded_app.run_test(size=size) as pilot:
        await settle(seeded_app, pilot)
        for _mode, key, title in SCREENS_BY_KEY:
            await pilot.press(key)
            await settle(seeded_app, pilot)
            bar = _bar(seeded_app)
            assert bar.rstrip().endswith("? Help  q Quit  ^p palette"), (title, bar)
            assert "…" not in screen_text(seeded_app).splitlines()[-1], title  # no key cut


async def test_the_key_bar_uses_a_second_line_on_a_tall_terminal(seeded_app) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r")
        await settle(seeded_app, pilot)
        bar = seeded_app.screen.query_one(KeyBar)
        assert bar.size.height == 2
        shown = str(bar.render())
        # The roadmap's daily keys and every other screen's at 120x40.
        for text in ("L Log time", "s Settings", "d Dashboard", "? Help"):
            assert text in shown
        assert "r Roadmap" not in shown  # the screen already shown
        await pilot.resize_terminal(80, 24)
        await settle(seeded_app, pilot)
        assert bar.size.height == 1
        assert str(bar.render()).rstrip().endswith("? Help  q Quit  ^p palette")


async def test_while_typing_the_key_bar_offers_the_keys_that_still_work(seeded_app) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r", "down", "enter")  # into the notes of the first milestone
        await settle(seeded_app, pilot)
        assert seeded_app.screen.focused is seeded_app.screen.pane.notes
        bar = _bar(seeded_app)
        # `?` and `q` would be typed into the notes: f1 and ctrl+q are shown instead.
        assert "esc Back to the list" in bar and "f1 Help" in bar and "^q Quit" in bar
        await pilot.press("f1")
        await settle(seeded_app, pilot)
        assert type(seeded_app.screen).__name__ == "HelpScreen"


async def test_roadmap_notes_are_on_screen_after_enter_at_80x24(seeded_app) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r", "down", "enter")
        await settle(seeded_app, pilot)
        screen = seeded_app.screen
        notes = screen.pane.notes
        assert screen.focused is notes
        # The whole editor is inside the terminal, between the title and the key bar.
        region = notes.region
        assert region.height >= 5 and region.y >= 1 and region.bottom <= 24 - 1
        assert "Notes: what you learned" in screen_text(seeded_app)
        await pilot.press("escape")
        await settle(seeded_app, pilot)
        table = screen.query_one("#milestones", DataTable)
        assert screen.focused is table and table.region.height > 5


async def test_roadmap_columns_follow_the_terminal_when_it_is_resized(seeded_app) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r")
        await settle(seeded_app, pilot)
        table = seeded_app.screen.query_one("#milestones", DataTable)
        narrow = table.columns[next(iter(k for k in table.columns if k.value == "Milestone"))]
        narrow_width = narrow.width
        assert narrow_width >= 30  # the titles get what the other columns leave at 80
        await pilot.resize_terminal(120, 40)
        await settle(seeded_app, pilot)
        assert narrow.width >= narrow_width + 35
        text = screen_text(seeded_app)
        # Every title up to 76 characters is whole at 120 columns, a long one among them.
        assert LONG_TITLE in text
        await pilot.resize_terminal(80, 24)
        await settle(seeded_app, pilot)
        assert narrow.width == narrow_width
        assert LONG_TITLE not in screen_text(seeded_app)


async def test_certificates_show_every_column_at_80_columns(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "insert into certificate (id, name, provider, track, status, exam_date, cost_cents,"
            " currency, notes, credential_id, credential_url, created_at)"
            " values ('c1', 'AWS Certified Machine Learning Engineer - Associate (MLA-C01)',"
            " 'Amazon Web Services', 'ml', 'exam_booked', '2026-04-20', 15000, 'USD', '', '',"
            " '', '2026-03-01T10:00:00')"
        )
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("c")
        await settle(seeded_app, pilot)
        lines = screen_text(seeded_app).splitlines()
        header = next(line for line in lines if line.lstrip().startswith("Certificate "))
        assert header.split() == ["Certificate", "Status", "Date", "Expires", "Logged", "Cost"]
        row = next(line for line in lines if line.lstrip().startswith("AWS Certified"))
        assert "2026-04-20 ◆" in row and row.rstrip().endswith("150.00 USD")


async def test_settings_descriptions_wrap_instead_of_being_cut(seeded_app) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("s")
        await settle(seeded_app, pilot)
        text = " ".join(screen_text(seeded_app).split())
        assert "study before it counts for the day before" in text
        assert "…" not in text


async def test_the_week_view_keeps_the_note_on_screen_at_80_columns(
    seeded_app, db_path: Path, frozen_now: str
) -> None:
    from tests.ui.test_daily_log import insert

    insert(db_path, "2026-03-10", 45)
    with sqlite3.connect(db_path) as conn:
        conn.execute("update log_entry set note = 'the softmax gradient'")
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("l", "w")
        await settle(seeded_app, pilot)
        text = screen_text(seeded_app)
        assert "Note" in text and "the softmax gradient" in text


async def test_help_shows_every_key_of_a_screen_at_80x24(seeded_app) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("s", "question_mark")
        await settle(seeded_app, pilot)
        text = screen_text(seeded_app)
        # One line a key: all the keys of Settings and of everywhere fit without scrolling.
        for row in ("Dashboard", "Settings", "Refresh from the database", "Back up now"):
            assert row in text
        assert "─┼─" not in text and "├" not in text


async def test_welcome_takes_the_arrows_at_once_and_shows_start(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen.focused, RadioSet)
        assert "Start (ctrl+s)" in screen_text(app)  # not below the fold at 80x24
        await pilot.press("down", "enter", "ctrl+s")  # from software development to data science
        await settle(app, pilot)
    with sqlite3.connect(db_path) as conn:
        settings = dict(conn.execute("select key, value from setting"))
    assert settings["template"] == "data_science"


async def test_a_dialog_shows_its_own_keys_and_f1_and_ctrl_q_work_in_it(seeded_app) -> None:
    """In a form, `?` and `q` are typed into the field: the bar says what works instead, f1
    opens help for the dialog and ctrl+q quits."""
    from textual.widgets import Input

    from studytui.ui.dialogs.entry_form import EntryForm
    from studytui.ui.screens.help import HelpScreen

    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("l", "n")
        await settle(seeded_app, pilot)
        form = seeded_app.screen
        assert isinstance(form, EntryForm) and isinstance(form.focused, Input)
        bar = _bar(seeded_app)
        assert "esc Cancel" in bar and bar.rstrip().endswith("f1 Help  ^q Quit"), bar
        assert "n Add" not in bar and "? Help" not in bar  # the screen's keys do not work here

        await pilot.press("f1")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, HelpScreen)
        text = screen_text(seeded_app)
        assert "In this dialog" in text and "Cancel" in text and "Dashboard" not in text
        await pilot.press("f1")  # closes help again, back to the form as it was
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form

        await pilot.press("ctrl+q")
        await settle(seeded_app, pilot)
    assert seeded_app.return_code == 0


async def test_a_confirmation_shows_its_answers_in_the_key_bar(seeded_app) -> None:
    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r", "down", "delete")
        await settle(seeded_app, pilot)
        bar = _bar(seeded_app)
        assert "y Yes" in bar and "n No" in bar and "f1 Help" in bar, bar


async def test_welcome_describes_the_highlighted_starting_point_at_once(db_path: Path) -> None:
    from studytui.builtin_content import load_templates

    templates = load_templates()
    keys = list(templates)
    start = keys.index("software")  # chosen by default
    after = keys[(start + 1) % len(keys)]
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        summary = app.screen.query_one("#template-summary")
        assert str(summary.render()) == templates["software"].summary
        await pilot.press("down")  # highlighted, not yet chosen
        await pilot.pause()
        assert str(summary.render()) == templates[after].summary
        await pilot.press("up")
        await pilot.pause()
        assert str(summary.render()) == templates["software"].summary


async def test_welcome_moves_to_the_goal_in_error(db_path: Path) -> None:
    from textual.widgets import Input

    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab")
        assert app.screen.focused is app.screen.query_one("#daily_goal", Input)
        app.screen.query_one("#daily_goal", Input).value = "abc"
        await pilot.press("tab", "ctrl+s")  # from the weekly goal, which is fine
        await settle(app, pilot)
        assert "Daily goal" in str(app.screen.query_one("#goal-error").render())
        assert app.screen.focused is app.screen.query_one("#daily_goal", Input)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_daily_log_bar_shows_previous_and_next_together(seeded_app, size) -> None:
    async with seeded_app.run_test(size=size) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("l")
        await settle(seeded_app, pilot)
        bar = " ".join(screen_text(seeded_app).rstrip("\n").splitlines()[-2:])
        assert ("←/[ Previous" in bar) == ("→/] Next" in bar), bar
        assert "→/] Next" in bar, bar  # the day's own keys come before the rest


async def test_an_empty_field_of_a_compact_dialog_stands_out_in_every_theme(seeded_app) -> None:
    """At 80x24 the inputs have no border: their shade alone marks them on the dialog, empty,
    typed in or not. (ANSI themes have no shades to blend: the terminal's colours rule.)"""
    from textual.widgets import Input

    async with seeded_app.run_test(size=(80, 24)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("r", "N")  # the new-area prompt: one empty field
        await settle(seeded_app, pilot)
        field = seeded_app.screen.query_one(Input)
        dialog = seeded_app.screen.query_one(".dialog")
        assert field.value == "" and field.has_focus
        for theme, spec in seeded_app.available_themes.items():
            if spec.ansi:
                continue
            seeded_app.theme = theme
            await pilot.pause()
            shade = dialog.background_colors[1].brightness
            focused = field.background_colors[1]
            field.blur()
            await pilot.pause()
            idle = field.background_colors[1]
            field.focus()
            await pilot.pause()
            assert abs(idle.brightness - shade) >= 0.06, (theme, idle.hex)
            assert abs(focused.brightness - shade) >= 0.06, (theme, focused.hex)
            assert focused != idle, theme
