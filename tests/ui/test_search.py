"""Search with Pilot: `/` from any screen (or "Search" in the command palette), type, pick a
hit, land on its screen with it selected."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import DataTable, Input, OptionList

from studytui.actions import activities, certificates, log, roadmap
from studytui.db.engine import Database, reading
from studytui.db.lookup import find_milestone
from studytui.domain.activities import ActivityInput
from studytui.domain.certificates import CertificateInput
from studytui.domain.entries import EntryDraft
from studytui.ui.app import StudyApp, make_app
from studytui.ui.dialogs.confirm import ConfirmDialog
from studytui.ui.dialogs.search import SearchDialog

NOW = datetime(2026, 3, 11, 20, 30).astimezone()  # frozen_now
PANDAS = "Data wrangling with pandas and NumPy"


@pytest.fixture
def app_and_ids(db: Database, db_path: Path, frozen_now: str) -> tuple[StudyApp, dict[str, str]]:
    with reading(db) as session:
        pandas = find_milestone(session, PANDAS)
    roadmap.save_notes(db, pandas.id, "groupby, then the Backprop appendix", now=NOW)
    day = date(2026, 2, 20)
    entry = log.save_entry(
        db, EntryDraft(day, 30, pandas.area_id, note="backprop by hand"), now=NOW
    )
    log.save_entry(db, EntryDraft(day, 20, pandas.area_id, note="something else"), now=NOW)
    cert = certificates.add_certificate(
        db, CertificateInput(name="CKA", notes="backprop? no: kubectl"), now=NOW
    )
    for title in ("Aaa first", "Blog about backprop", "Zzz last"):
        act = activities.add_activity(db, ActivityInput("writing", title), now=NOW)
        if "backprop" in title:
            act_id = act.id
    db.dispose()
    ids = {"milestone": pandas.id, "entry": entry.entry_id, "cert": cert.id, "activity": act_id}
    return make_app(db_path), ids


async def _search(app: StudyApp, pilot, text: str) -> SearchDialog:
    await pilot.press("slash")
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, SearchDialog)
    await pilot.press(*text)
    await settle(app, pilot)
    return dialog


def _hits(dialog: SearchDialog) -> list[str]:
    options = dialog.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def _choose(app: StudyApp, pilot, dialog: SearchDialog, starts: str) -> None:
    index = next(i for i, hit in enumerate(_hits(dialog)) if hit.startswith(starts))
    await pilot.press("down", *["down"] * index, "enter")
    await settle(app, pilot)


def _selected_key(app: StudyApp) -> str | None:
    table = app.screen.query_one(DataTable)
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


async def test_slash_finds_every_kind_and_goes_to_each(app_and_ids) -> None:
    app, ids = app_and_ids
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = await _search(app, pilot, "BACKPROP")
        hits = _hits(dialog)
        assert [hit.split()[0] for hit in hits] == ["Roadmap", "Certificate", "Activity", "Log"]
        assert (
            f"Roadmap     {PANDAS}\n            notes: groupby, then the Backprop appendix" in hits
        )
        assert "2026-02-20 · 30m of Data science & maths" in hits[3]
        assert str(dialog.query_one("#search-status").render()) == "4 found"

        await _choose(app, pilot, dialog, "Log")  # an entry: its day in the Daily log
        assert type(app.screen).__name__ == "DailyLogScreen"
        title = str(app.screen.query_one("#log-title").render())
        assert title.startswith("Friday 20 February 2026")
        assert _selected_key(app) == ids["entry"]

        dialog = await _search(app, pilot, "backprop")
        await _choose(app, pilot, dialog, "Roadmap")
        assert type(app.screen).__name__ == "RoadmapScreen"
        assert app.screen.selection.key == f"m:{ids['milestone']}"
        assert _selected_key(app) == f"m:{ids['milestone']}"
        assert app.screen.pane.notes.text == "groupby, then the Backprop appendix"

        dialog = await _search(app, pilot, "backprop")
        await _choose(app, pilot, dialog, "Certificate")
        assert type(app.screen).__name__ == "CertificatesScreen"
        assert _selected_key(app) == ids["cert"]

        dialog = await _search(app, pilot, "backprop")
        await _choose(app, pilot, dialog, "Activity")
        assert type(app.screen).__name__ == "ActivitiesScreen"
        assert _selected_key(app) == ids["activity"]  # not the first row, "Aaa first"


async def test_search_says_when_nothing_holds_the_text_and_escape_stays(app_and_ids) -> None:
    app, _ids = app_and_ids
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dialog = await _search(app, pilot, "no such words")
        assert _hits(dialog) == []
        assert str(dialog.query_one("#search-status").render()) == 'Nothing holds "no such words".'
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DashboardScreen"


async def test_a_query_longer_than_the_limit_searches_its_start_and_says_so(
    db: Database, db_path: Path, frozen_now: str
) -> None:
    with reading(db) as session:
        area = find_milestone(session, PANDAS).area_id
    note = "".join(f"{n:03} " for n in range(63))  # 252 characters, each start its own
    log.save_entry(db, EntryDraft(date(2026, 3, 1), 30, area, note=note), now=NOW)
    db.dispose()
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = await _search(app, pilot, "000")
        field = dialog.query_one("#search-input", Input)
        field.value = note.strip()  # the first 200 characters are in the note: found
        await settle(app, pilot)
        status = str(dialog.query_one("#search-status").render())
        assert status == "Only the first 200 characters are searched. 1 found"
        assert len(_hits(dialog)) == 1
        field.value = note[:190] + "not in the note"
        await settle(app, pilot)
        status = str(dialog.query_one("#search-status").render())
        assert status.startswith("Only the first 200 characters are searched. Nothing holds")
        await pilot.press("enter")  # nothing to go to: the dialog stays
        await settle(app, pilot)
        assert app.screen is dialog


async def test_search_is_in_the_palette_and_not_over_a_dialog(app_and_ids) -> None:
    app, _ids = app_and_ids
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        await pilot.press(*"Search")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchDialog)
        assert app.screen.query_one(Input).has_focus
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("l", "g", *"2026-02-20", "enter")
        await settle(app, pilot)
        await pilot.press("x")  # the delete question is up
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("slash")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)  # `/` does not open search over it
