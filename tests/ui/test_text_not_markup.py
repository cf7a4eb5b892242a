"""Text from the user and from import files is shown as text on every screen, never run as
Rich/Textual markup: notes are logged and names imported through the real commands, then
every screen that shows them is opened and the literal text is found on screen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import run_cli
from tests.ui.conftest import settle

from studytui.actions.data import export_text
from studytui.clock import now_utc
from studytui.db.engine import Database
from studytui.ui.app import StudyApp, make_app

# Each would vanish, restyle or act (quit, screenshot) if it were read as markup.
NOTE = "[@click=app.quit]quit me[/] [b]x[/b]"
AREA = "[@click=app.screenshot('owned.svg')]Area[/]"
MILESTONE = "[red]Milestone[/red] [$accent]v"
WHY = "[link=https://evil.example]why[/link]"
CERT = "[@click=app.quit]Cert[/]"
CERT_NOTES = "[i]cert notes[/i]"
ACTIVITY = "[@click=app.quit]Side[/]"
DESCRIPTION = "[blink]described[/blink]"
PAYMENT_NOTE = "[b]paid[/b]"
CURRENCY = "[b]"  # not a real code: an import file can say anything a reader accepts


def _hostile_export(db: Database) -> dict[str, Any]:
    """The seeded roadmap's export with markup in every name an import can carry."""
    doc = json.loads(export_text(db, as_csv=False, now=now_utc()))
    area = doc["areas"][0]
    area["name"] = AREA
    milestone = next(m for m in doc["milestones"] if m["area_id"] == area["id"])
    milestone.update(title=MILESTONE, why=WHY, status="in_progress", started_on="2026-03-01")
    created = "2026-03-01T10:00:00+00:00"
    doc["certificates"] = [
        dict(
            id="cert1",
            catalogue_key=None,
            name=CERT,
            provider="[dim]provider",
            track="ml",
            status="exam_booked",
            exam_date="2026-03-20",  # within 30 days of the frozen today: a dashboard reminder
            passed_date=None,
            expiry_date=None,
            credential_id="",
            credential_url="",
            cost_cents=0,
            currency="USD",
            notes=CERT_NOTES,
            created_at=created,
        )
    ]
    doc["activities"] = [
        dict(
            id="act1",
            idea_key=None,
            kind="writing",
            title=ACTIVITY,
            description=DESCRIPTION,
            status="active",
            link="",
            start_date="2026-03-01",
            end_date=None,
            outcome="",
            created_at=created,
        )
    ]
    doc["payments"] = [
        dict(
            id="pay1",
            activity_id="act1",
            amount_cents=5000,
            currency="USD",
            received_on="2026-03-05",
            note=PAYMENT_NOTE,
        )
    ]
    return doc


def _screen_text(app: StudyApp) -> str:
    """What the terminal shows now, as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


async def _open(app: StudyApp, pilot: Any, key: str) -> str:
    await pilot.press(key)
    await settle(app, pilot)
    return _screen_text(app)


async def test_notes_and_imported_names_are_shown_literally_everywhere(
    db: Database, tmp_path: Path, frozen_now: str
) -> None:
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(_hostile_export(db)))
    db.dispose()
    target = tmp_path / "imported.db"
    imported = run_cli("--db", str(target), "import", str(source))
    assert imported.returncode == 0, imported.stderr
    logged = run_cli("--db", str(target), "log", "30m", "--area", AREA, "--note", NOTE)
    assert logged.returncode == 0, logged.stderr

    app = make_app(target)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(app, pilot)
        dashboard = _screen_text(app)
        for text in (MILESTONE, ACTIVITY, CERT):
            assert text in dashboard, text

        log = await _open(app, pilot, "l")
        assert NOTE in log and AREA in log

        roadmap = await _open(app, pilot, "r")
        assert AREA in roadmap and MILESTONE in roadmap
        await pilot.press("down")  # the area's first milestone: its detail pane
        await settle(app, pilot)
        assert WHY in _screen_text(app)
        await pilot.press("3")  # mark it done: the toast names it
        await settle(app, pilot)
        assert f'Set "{MILESTONE}" to done' in _screen_text(app)

        certificates = await _open(app, pilot, "c")
        assert CERT in certificates and CERT_NOTES in certificates

        activities = await _open(app, pilot, "a")
        assert ACTIVITY in activities and DESCRIPTION in activities
        payments = await _open(app, pilot, "p")
        assert PAYMENT_NOTE in payments and f"Payments for {ACTIVITY}" in payments
        await pilot.press("escape")
        await settle(app, pilot)

        report = await _open(app, pilot, "R")
        assert AREA in report

        assert app.is_running  # nothing above quit it
    assert not list(tmp_path.rglob("owned.svg"))


async def test_the_entry_form_refuses_a_29_digit_duration_and_shows_typed_markup(
    seeded_app: StudyApp, db_path: Path, frozen_now: str
) -> None:
    """The form crashed the app on a duration Decimal could not round; and the messages
    quote what was typed, which must not run as markup either."""
    from tests.ui.test_daily_log import fill, open_log, rows, text

    from studytui.ui.dialogs.entry_form import EntryForm

    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await open_log(seeded_app, pilot)
        await pilot.press("n")
        await settle(seeded_app, pilot)
        await fill(
            seeded_app, pilot, duration="12345678901234567890123456789", area="[@click=app.quit]"
        )
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, EntryForm)  # still open, nothing saved
        assert "is too long: at most 24h" in text(seeded_app, "#duration-hint")
        assert 'no study area matches "[@click=app.quit]"' in text(seeded_app, "#area-hint")
        assert seeded_app.is_running
    assert rows(db_path) == []


def test_every_table_in_the_app_is_a_text_table() -> None:
    """The rule that keeps table cells from running as markup holds only if every table
    uses it: a plain DataTable built anywhere in the interface fails this test."""
    import studytui.ui

    root = Path(studytui.ui.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "text_table.py" and "DataTable(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
