"""The app shell: first launch, every screen by key and by the command palette, help."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.conftest import settle
from textual.widgets import Input, RadioSet

from studytui.ui.app import make_app
from studytui.ui.screens.help import HelpScreen
from studytui.ui.screens.registry import SCREENS_BY_KEY
from studytui.ui.screens.welcome import WelcomeScreen

SCREEN_CLASSES = {
    "dashboard": "DashboardScreen",
    "roadmap": "RoadmapScreen",
    "log": "DailyLogScreen",
    "certificates": "CertificatesScreen",
    "activities": "ActivitiesScreen",
    "reports": "ReportsScreen",
    "settings": "SettingsScreen",
}


async def test_first_launch_asks_starting_point_and_goals_then_seeds(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.click("#template RadioButton:last-of-type")  # from data science
        app.screen.query_one("#daily_goal", Input).value = "45m"
        app.screen.query_one("#weekly_goal", Input).value = "5h"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DashboardScreen"
    with sqlite3.connect(db_path) as conn:
        settings = dict(conn.execute("select key, value from setting"))
        milestones = conn.execute("select distinct template from milestone").fetchall()
    assert settings["template"] == "data_science"
    assert settings["daily_goal"] == "45m"
    assert settings["weekly_goal"] == "5h"
    assert milestones == [("data_science",)]


async def test_the_welcome_choices_highlight_the_one_chosen_by_default(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.query_one(RadioSet).focus()
        await pilot.press("enter")  # presses the highlighted choice: it must be the default
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    with sqlite3.connect(db_path) as conn:
        settings = dict(conn.execute("select key, value from setting"))
    assert settings["template"] == "software"


async def test_welcome_rejects_a_bad_goal_inline_and_writes_nothing(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.screen.query_one("#daily_goal", Input).value = "lots"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, WelcomeScreen)
        error = str(app.screen.query_one("#goal-error").render())
        # Named as the field is, not by the setting's key.
        assert error.startswith('Daily goal: duration "lots" not understood')
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from area").fetchone() == (0,)


async def test_every_screen_by_its_key(seeded_app) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        # Dashboard last, so that its own key is proven to switch back to it.
        for mode, key, _title in [*SCREENS_BY_KEY[1:], SCREENS_BY_KEY[0]]:
            await pilot.press(key)
            await settle(seeded_app, pilot)
            assert type(seeded_app.screen).__name__ == SCREEN_CLASSES[mode]


async def test_every_screen_by_the_command_palette(seeded_app) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        for mode, _key, title in [*SCREENS_BY_KEY[1:], SCREENS_BY_KEY[0]]:
            await pilot.press("ctrl+p")
            await pilot.pause()
            # Typed in one go: the palette searches once instead of once per key.
            seeded_app.screen.query_one(Input).value = f"go to {title.lower()}"
            await pilot.pause(0.3)
            await pilot.press("enter")
            await settle(seeded_app, pilot)
            assert type(seeded_app.screen).__name__ == SCREEN_CLASSES[mode]


async def test_roadmap_shows_the_seeded_milestones(seeded_app, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        (milestones,) = conn.execute("select count(*) from milestone").fetchone()
        (areas,) = conn.execute("select count(*) from area").fetchone()
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await settle(seeded_app, pilot)
        table = seeded_app.screen.query_one("#milestones")
        # One heading row per area, then its milestones.
        assert milestones > 0
        assert table.row_count == milestones + areas


async def test_help_lists_every_screen_key(seeded_app) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = seeded_app.screen
        assert isinstance(help_screen, HelpScreen)
        # The screen's own keys first; the screens' keys share one row.
        (here, screen_rows), (everywhere, rows) = help_screen.sections
        assert everywhere == "Everywhere" and here == "On this screen (Dashboard)"
        [(keys, goes_to)] = [row for row in rows if row[1].startswith("Go to: ")]
        for _mode, key, title in SCREENS_BY_KEY:
            assert key in keys.split() and title in goes_to
        assert ("? / f1", "Help") in rows and ("q / ctrl+q", "Quit") in rows
        assert ("n", "Log time") in screen_rows
        await pilot.press("escape")
        assert not isinstance(seeded_app.screen, HelpScreen)


async def test_help_on_the_welcome_screen_names_it_and_leaves_out_the_screen_keys(
    db_path: Path,
) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        (here, screen_rows), (_, rows) = app.screen.sections
        assert here == "On this screen (Welcome)" and screen_rows == [("ctrl+s", "Start")]
        # The screens cannot be opened before a starting point is chosen.
        assert [description for _, description in rows] == [
            "Help",
            "Quit",
            "Command palette: every screen, and this screen's actions",
        ]


async def test_an_unusable_database_shows_why_and_quits_with_code_2(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    app = make_app(bad)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "is not a studytui database" in str(app.screen.query_one("#store-error").render())
        await pilot.press("q")
    assert app.return_code == 2
    assert bad.read_text() == "not a database"


async def test_a_failed_daily_backup_is_shown_and_the_app_still_opens(
    seeded_app, db_path: Path
) -> None:
    # The backup folder's name is taken by a file: no copy can be made there.
    (db_path.parent / "backups").write_text("in the way")
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await settle(seeded_app, pilot)
        messages = [n.message for n in seeded_app._notifications]
        assert any("daily backup failed" in m for m in messages), messages
        assert type(seeded_app.screen).__name__ == "DashboardScreen"


async def test_the_welcome_screen_cannot_be_skipped_by_screen_keys(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for key in ("r", "l", "c", "a", "s", "d"):
            await pilot.press(key)
            await settle(app, pilot)
            assert isinstance(app.screen, WelcomeScreen), key
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "RoadmapScreen"


async def test_the_key_bar_shows_the_usable_keys_of_each_screen(seeded_app, db_path) -> None:
    from studytui.ui.widgets.key_bar import KeyBar

    async with seeded_app.run_test(size=(160, 40)) as pilot:
        await settle(seeded_app, pilot)
        bar = str(seeded_app.screen.query_one(KeyBar).render())
        assert "n Log time" in bar and "r Roadmap" in bar and bar.rstrip().endswith("palette")
        await pilot.press("l")
        await settle(seeded_app, pilot)
        bar = str(seeded_app.screen.query_one(KeyBar).render())
        assert "u Undo" in bar and "g Go to day" in bar and "n Log time" not in bar


async def test_the_key_bar_hides_screen_keys_on_the_welcome_screen(db_path) -> None:
    from studytui.ui.widgets.key_bar import KeyBar

    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        bar = str(app.screen.query_one(KeyBar).render())
        assert "Start" in bar and "Quit" in bar
        assert "Roadmap" not in bar
