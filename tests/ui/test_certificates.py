"""The Certificates screen with Pilot: every change is checked in the database itself."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from tests.ui.conftest import settle
from textual.widgets import DataTable, Input, Select

from studytui.actions.certificates import CertificateInput, add_certificate
from studytui.db.engine import Database, writing
from studytui.ui.app import make_app
from studytui.ui.dialogs.certificate_catalogue import CataloguePicker
from studytui.ui.dialogs.certificate_form import CertificateForm
from studytui.ui.dialogs.certificate_passed import MarkPassedDialog
from studytui.ui.dialogs.confirm import ConfirmDialog

TODAY = date(2026, 3, 11)
NOW = datetime(2026, 3, 11, 20, 30).astimezone()  # frozen_now
COLUMNS = "name, provider, track, status, exam_date, passed_date, expiry_date, credential_id"


def _certs(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(f"select {COLUMNS} from certificate order by name").fetchall()


@pytest.fixture
def app_with_cert(db: Database, db_path: Path, frozen_now: str):
    add_certificate(
        db,
        CertificateInput(
            name="Kubernetes Admin",
            provider="CNCF",
            track="cloud",
            status="exam_booked",
            exam_date=date(2026, 3, 25),
            notes="[not markup]",
        ),
        now=NOW,
    )
    db.dispose()
    return make_app(db_path)


async def _open(app, pilot) -> None:
    await settle(app, pilot)
    await pilot.press("c")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "CertificatesScreen"


async def test_add_from_the_catalogue_filtered_by_provider(seeded_app, db_path, frozen_now) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("b")
        await pilot.pause()
        picker = seeded_app.screen
        assert isinstance(picker, CataloguePicker)
        await pilot.press(*"google ml")
        await pilot.pause()
        shown = [item.name for item in picker.shown]
        assert shown and all("Google" in name for name in shown)
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert type(seeded_app.screen).__name__ == "CertificatesScreen"
        assert seeded_app.screen.query_one(DataTable).row_count == 1
        # The same one again is refused inline, and the picker stays open.
        await pilot.press("b")
        await pilot.pause()
        seeded_app.screen.query_one(Input).value = "google ml"
        await pilot.pause()
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert isinstance(seeded_app.screen, CataloguePicker)
        error = str(seeded_app.screen.query_one("#catalogue-error").render())
        assert "already in your list" in error
        await pilot.press("escape")
        await settle(seeded_app, pilot)
    rows = _certs(db_path)
    assert len(rows) == 1
    name, provider, track, status = rows[0][:4]
    assert track in ("ml", "cloud")
    assert (name, provider, status) == (shown[0], "Google Cloud", "planned")


async def test_add_a_custom_certificate(seeded_app, db_path, frozen_now) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = seeded_app.screen
        assert isinstance(form, CertificateForm)
        form.query_one("#name", Input).value = "Databricks Data Engineer"
        form.query_one("#provider", Input).value = "Databricks"
        form.query_one("#track", Select).value = "data_engineering"
        form.query_one("#status", Select).value = "exam_booked"
        form.query_one("#exam_date", Input).value = "2026-04-01"
        form.query_one("#cost", Input).value = "lots"
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
        assert seeded_app.screen is form  # a bad field keeps the form open, writes nothing
        assert 'amount "lots" not understood' in str(form.query_one("#cert-form-error").render())
        assert _certs(db_path) == []
        form.query_one("#cost", Input).value = "1,200.50"
        form.query_one("#cost", Input).focus()
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        assert type(seeded_app.screen).__name__ == "CertificatesScreen"
    assert _certs(db_path) == [
        (
            "Databricks Data Engineer",
            "Databricks",
            "data_engineering",
            "exam_booked",
            "2026-04-01",
            None,
            None,
            "",
        )
    ]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select cost_cents from certificate").fetchone() == (120050,)


async def test_edit_a_certificate(app_with_cert, db_path) -> None:
    app = app_with_cert
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        details = str(app.screen.query_one("#certs-details").render())
        assert "[not markup]" in details
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CertificateForm)
        assert form.query_one("#exam_date", Input).value == "2026-03-25"
        form.query_one("#name", Input).value = "CKA"
        form.query_one("#exam_date", Input).value = "2026-04-15"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    assert _certs(db_path) == [
        ("CKA", "CNCF", "cloud", "exam_booked", "2026-04-15", None, None, "")
    ]


async def test_mark_passed_with_credential_and_expiry(app_with_cert, db_path) -> None:
    app = app_with_cert
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MarkPassedDialog)
        assert dialog.query_one("#passed-date", Input).value == "2026-03-11"
        dialog.query_one("#passed-date", Input).value = "2026-03-09"
        dialog.query_one("#credential-id", Input).value = "LF-123"
        dialog.query_one("#expiry-date", Input).value = "2029-03-09"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CertificatesScreen"
    assert _certs(db_path) == [
        (
            "Kubernetes Admin",
            "CNCF",
            "cloud",
            "passed",
            None,  # the exam booked for later is behind it now
            "2026-03-09",
            "2029-03-09",
            "LF-123",
        )
    ]


async def test_mark_passed_proposes_the_catalogue_expiry(seeded_app, db_path, frozen_now) -> None:
    async with seeded_app.run_test(size=(120, 40)) as pilot:
        await _open(seeded_app, pilot)
        await pilot.press("b")
        await pilot.pause()
        seeded_app.screen.query_one(Input).value = "cloud practitioner"
        await pilot.pause()
        await pilot.press("enter")
        await settle(seeded_app, pilot)
        await pilot.press("p")
        await pilot.pause()
        dialog = seeded_app.screen
        assert isinstance(dialog, MarkPassedDialog)
        assert dialog.query_one("#expiry-date", Input).value == "2029-03-11"  # 36 months
        dialog.query_one("#passed-date", Input).value = "2026-02-01"
        await pilot.pause()
        assert dialog.query_one("#expiry-date", Input).value == "2029-02-01"  # follows
        await pilot.press("ctrl+s")
        await settle(seeded_app, pilot)
    [row] = _certs(db_path)
    assert row[3:7] == ("passed", None, "2026-02-01", "2029-02-01")


async def test_mark_failed_keeps_the_attempt_and_sets_a_new_date(app_with_cert, db_path) -> None:
    app = app_with_cert
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one(Input).value = "2026-04-20"
        await pilot.press("enter")
        await settle(app, pilot)
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("select status, exam_date, notes from certificate").fetchone()
    assert row == ("failed", "2026-04-20", "[not markup]\nFailed the exam on 2026-03-11.")


async def test_delete_asks_first(app_with_cert, db_path) -> None:
    app = app_with_cert
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(app, pilot)
        assert len(_certs(db_path)) == 1
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 0
    assert _certs(db_path) == []


async def test_dashboard_shows_the_reminders(app_with_cert) -> None:
    app = app_with_cert
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        text = str(app.screen.query_one("RemindersSection").render())
        assert "Kubernetes Admin: exam in 14 days (2026-03-25)" in text


async def test_a_taken_name_is_refused_in_the_form_which_stays_open(app_with_cert, db_path) -> None:
    app = app_with_cert
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        before = _certs(db_path)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CertificateForm)
        form.query_one("#name", Input).value = "kubernetes ADMIN"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        error = str(form.query_one("#cert-form-error").render())
        assert 'a certificate named "kubernetes ADMIN" is already in your list' in error
        assert _certs(db_path) == before
        form.query_one("#name", Input).value = "Kubernetes Security"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CertificatesScreen"
        assert app.screen.query_one(DataTable).row_count == 2
    assert [row[0] for row in _certs(db_path)] == ["Kubernetes Admin", "Kubernetes Security"]


@pytest.fixture
def app_with_retired(db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Late 2026, a planned AWS ML Specialty (retired on 2026-03-31)."""
    from studytui.builtin_content import load_certificate_catalogue
    from studytui.db.certificates import add_from_catalogue

    monkeypatch.setenv("STUDYTUI_NOW", "2026-11-29T20:30:00")
    (mls,) = [item for item in load_certificate_catalogue() if item.key == "aws-ml-specialty"]
    with writing(db) as session:
        add_from_catalogue(session, item=mls)
    db.dispose()
    return make_app(db_path)


RETIRED_LINE = (
    "AWS Certified Machine Learning - Specialty (MLS-C01): exam retired on 2026-03-31,"
    " successor AWS Certified Machine Learning Engineer - Associate (MLA-C01)"
)


async def test_a_retired_exam_is_shown_on_the_screen_and_the_dashboard(app_with_retired) -> None:
    app = app_with_retired
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert RETIRED_LINE in str(app.screen.query_one("RemindersSection").render())
        await _open(app, pilot)
        assert f"⊘ {RETIRED_LINE}" in str(app.screen.query_one("#certs-summary").render())
        details = str(app.screen.query_one("#certs-details").render())
        assert "Exam retired on 2026-03-31, successor AWS Certified Machine Learning" in details


async def test_the_picker_does_not_offer_retired_exams(app_with_retired) -> None:
    app = app_with_retired
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CataloguePicker)
        codes = {item.code for item in picker.shown}
        assert {"MLS-C01", "DP-100", "AI-102"}.isdisjoint(codes)
        assert {"MLA-C01", "AIP-C01", "AI-300", "AI-103", "NCA-GENL"} <= codes
        await pilot.press(*"ai-300")  # exam codes are searchable
        await pilot.pause()
        assert [item.code for item in picker.shown] == ["AI-300"]
        await pilot.press("escape")
