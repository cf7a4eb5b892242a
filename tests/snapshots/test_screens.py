"""One picture per screen and per dialog, at 80x24 and at 120x40, on a fixed database and a
pinned clock (Wednesday 2026-03-11).

Update after an intended change with `pytest tests/snapshots --snapshot-update`, then look at
the SVGs: each docstring says what the pictures must show. Every picture's key bar ends with
`? Help  q Quit  ^p palette` (while a text box has the focus: f1 and ctrl+q); a dialog's bar
shows the dialog's own keys and `f1 Help  ^q Quit`; at 80x24 a dialog's fields are shaded so
an empty one shows; no name is cut where the terminal has room for it.

The plugin runs the app once per picture, so each test takes one, and the database is built
once for the whole module and copied for each test.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from studytui.builtin_content import load_certificate_catalogue, load_template
from studytui.db.activities import add_activity, add_payment
from studytui.db.certificates import add_certificate, add_from_catalogue
from studytui.db.engine import writing
from studytui.db.entries import add_entry
from studytui.db.lookup import find_area, find_milestone
from studytui.db.roadmap import set_status
from studytui.db.schema import open_database
from studytui.db.seed import apply_template
from studytui.domain.activities import ActivityInput, PaymentDraft
from studytui.domain.certificates import CertificateInput
from studytui.domain.entries import EntryDraft
from studytui.domain.money import Money
from studytui.ui.app import make_app
from tests.ui.conftest import settle

TODAY = date(2026, 3, 11)
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture(params=SIZES.values(), ids=SIZES.keys())
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param


def _build_demo(path: Path) -> None:
    """A few weeks of study, a milestone in progress, three certificates (planned, booked,
    passed and expiring soon) and two side activities, one of them paid."""
    db = open_database(path)
    with writing(db) as session:
        apply_template(session, load_template("software"))
        ml = find_area(session, "machine")
        programming = find_area(session, "programming")
        course = find_milestone(session, "machine learning spec")
        for back in range(1, 40):
            if back % 6 == 0:
                continue
            draft = EntryDraft(
                day=TODAY - timedelta(days=back),
                minutes=20 + back % 5 * 20,
                area_id=(ml if back % 3 else programming).id,
                milestone_id=course.id if back % 3 else None,
                note="Gradient descent by hand, then checked against autograd" if back < 4 else "",
            )
            add_entry(session, draft, today=TODAY)
        today = EntryDraft(
            day=TODAY,
            minutes=45,
            area_id=ml.id,
            milestone_id=course.id,
            note="Regularisation and the bias-variance trade-off",
        )
        add_entry(session, today, today=TODAY)
        set_status(session, course.id, "in_progress", today=TODAY)
        catalogue = {item.key: item for item in load_certificate_catalogue()}
        add_from_catalogue(session, item=catalogue["gcp-pmle"])
        booked = CertificateInput(
            name="AWS Certified Machine Learning Engineer - Associate (MLA-C01)",
            provider="Amazon Web Services",
            track="ml",
            status="exam_booked",
            exam_date=date(2026, 4, 20),
            cost_cents=15000,
        )
        add_certificate(session, data=booked, today=TODAY)
        passed = CertificateInput(
            name="Microsoft Certified: Azure AI Fundamentals (AI-900)",
            provider="Microsoft",
            track="cloud",
            status="passed",
            passed_date=date(2025, 4, 2),
            expiry_date=date(2026, 4, 2),
            credential_id="AB-1234",
            cost_cents=9900,
        )
        add_certificate(session, data=passed, today=TODAY)
        workshop = add_activity(
            session,
            data=ActivityInput(
                kind="teaching",
                title="Teach a weekend Python workshop for beginners at the library",
                status="active",
                description="Four Saturday mornings; notebooks and exercises on GitHub.",
            ),
            today=TODAY,
        )
        add_payment(
            session,
            workshop.id,
            PaymentDraft(Money(20000, "USD"), date(2026, 3, 7), "first two sessions"),
            today=TODAY,
        )
        add_activity(
            session,
            data=ActivityInput(kind="writing", title="Write up the fast.ai lesson 3 experiment"),
            today=TODAY,
        )
    db.dispose()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "studytui.db"
    _build_demo(path)
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path, frozen_now: str) -> Path:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    return path


def _keys(*keys: str) -> Callable[..., Awaitable[None]]:
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot.app, pilot)

    return run_before


def _shot(snap_compare, path: Path, size: tuple[int, int], *keys: str) -> bool:
    return snap_compare(make_app(path), terminal_size=size, run_before=_keys(*keys))


# --- screens ---------------------------------------------------------------------------------


def test_dashboard(snap_compare, demo_path: Path, size) -> None:
    """Today 45m of 1h; the streak; this week against 6h; the heatmap with today outlined;
    weekly bars. At 120x40 also the time split with whole area names ("Programming & software
    engineering") and Machine learning far over its 43% target, and next up."""
    assert _shot(snap_compare, demo_path, size)


def test_roadmap(snap_compare, demo_path: Path, size) -> None:
    """The list over the whole width: areas with their share and progress; the Machine
    Learning Specialization marked [~] with its logged hours. Titles are whole at 120x40 and
    end in "…" at 80x24. The detail pane of the first area below; at 120x40 its notes beside."""
    assert _shot(snap_compare, demo_path, size, "r")


def test_roadmap_notes(snap_compare, demo_path: Path, size) -> None:
    """Enter on a milestone: its detail and its notes editor, which has the focus and is on
    screen at both sizes (at 80x24 it takes the list's place). The key bar offers esc back to
    the list, f1 help and ctrl+q quit."""
    assert _shot(snap_compare, demo_path, size, "r", "down", "enter")


def test_daily_log(snap_compare, demo_path: Path, size) -> None:
    """Wednesday 11 March 2026: one 45m Machine learning entry with its milestone and its whole
    note."""
    assert _shot(snap_compare, demo_path, size, "l")


def test_daily_log_week(snap_compare, demo_path: Path, size) -> None:
    """The week of Monday 9 March: the day totals, then the entries with Day, Time, Area,
    Towards and Note all on screen (the long notes end in "…" at 80x24)."""
    assert _shot(snap_compare, demo_path, size, "l", "w")


def test_certificates(snap_compare, demo_path: Path, size) -> None:
    """Three certificates with all six columns at both sizes: the booked exam 2026-04-20 ◆, the
    passed one expiring soon (⚠) with its reminder above, Logged and Cost; whole names at
    120x40. The selected certificate's details below the table."""
    assert _shot(snap_compare, demo_path, size, "c")


def test_side_activities(snap_compare, demo_path: Path, size) -> None:
    """Two activities grouped by status (the workshop active, with 200.00 USD earned); the
    selected one's details and the totals per kind."""
    assert _shot(snap_compare, demo_path, size, "a")


def test_reports(snap_compare, demo_path: Path, size) -> None:
    """This week by area: a bar and the time for each area, whole names."""
    assert _shot(snap_compare, demo_path, size, "R")


def test_settings(snap_compare, demo_path: Path, size) -> None:
    """Every user setting with its value and the whole of what it does (wrapped at 80x24)."""
    assert _shot(snap_compare, demo_path, size, "s")


def test_help(snap_compare, demo_path: Path, size) -> None:
    """`?` on the Roadmap: one line a key, the keys that work everywhere and the Roadmap's
    (side by side at 120x40; one after the other, scrolling, at 80x24)."""
    assert _shot(snap_compare, demo_path, size, "r", "question_mark")


def test_welcome(snap_compare, db_path: Path, frozen_now: str, size) -> None:
    """First launch: the three starting points (software development chosen, the list has the
    focus), its summary, the goals and the Start button, all without scrolling at 80x24."""
    assert _shot(snap_compare, db_path, size)


def test_error_screen(snap_compare, tmp_path: Path, monkeypatch, size) -> None:
    """A file that is not a database: what is wrong and what to do, nothing changed; the key
    bar offers help and quit."""
    monkeypatch.chdir(tmp_path)
    Path("notes.db").write_text("these are my notes, not a database\n" * 50)
    assert _shot(snap_compare, Path("notes.db"), size)


# --- dialogs ---------------------------------------------------------------------------------


def test_log_time_dialog(snap_compare, demo_path: Path, size) -> None:
    """`n` on the dashboard: day (today), duration, area, milestone, certificate, activity and
    note, one line each, and how to save or cancel."""
    assert _shot(snap_compare, demo_path, size, "n")


def test_timer_dialog(snap_compare, demo_path: Path, size) -> None:
    """Space on the dashboard: the area and milestone to time, and how to start."""
    assert _shot(snap_compare, demo_path, size, "space")


def test_confirm_dialog(snap_compare, demo_path: Path, size) -> None:
    """Deleting today's entry asks first: the whole question and Delete (y) / Keep (n)."""
    assert _shot(snap_compare, demo_path, size, "l", "x")


def test_setting_dialog(snap_compare, demo_path: Path, size) -> None:
    """Enter on daily_goal: the whole question, the current value and how to save."""
    assert _shot(snap_compare, demo_path, size, "s", "enter")


def test_catalogue_dialog(snap_compare, demo_path: Path, size) -> None:
    """`b` on Certificates: the filter, the catalogue with Certificate, Provider, Track, Valid
    and Cost (the ML Engineer marked added), the first one's why and link, and the keys."""
    assert _shot(snap_compare, demo_path, size, "c", "b")


def test_certificate_form(snap_compare, demo_path: Path, size) -> None:
    """`e` on the booked certificate: every field filled in, the notes and Save / Cancel, in
    view at 80x24 too (compact fields)."""
    assert _shot(snap_compare, demo_path, size, "c", "e")


def test_mark_passed_dialog(snap_compare, demo_path: Path, size) -> None:
    """`p` on a certificate: passed on (today), credential and expiry, and Save / Cancel."""
    assert _shot(snap_compare, demo_path, size, "c", "p")


def test_activity_ideas_dialog(snap_compare, demo_path: Path, size) -> None:
    """`n` on Side activities: your own, then the ideas by kind, the selected idea's detail
    and the keys, all in view at 80x24."""
    assert _shot(snap_compare, demo_path, size, "a", "n")


def test_activity_form(snap_compare, demo_path: Path, size) -> None:
    """`e` on the workshop: kind, status, title, description, link, dates, outcome and Save /
    Cancel, in view at 80x24 too."""
    assert _shot(snap_compare, demo_path, size, "a", "e")


def test_payments_dialog(snap_compare, demo_path: Path, size) -> None:
    """`p` on the workshop: the 200.00 USD payment received, and the form for a new one."""
    assert _shot(snap_compare, demo_path, size, "a", "p")


def test_milestone_form(snap_compare, demo_path: Path, size) -> None:
    """`e` on a milestone: its whole title, estimate and why, and how to save."""
    assert _shot(snap_compare, demo_path, size, "r", "down", "e")


def test_shares_dialog(snap_compare, demo_path: Path, size) -> None:
    """`%` on the Roadmap: every area's whole name beside its share, the total, the keys."""
    assert _shot(snap_compare, demo_path, size, "r", "percent_sign")


def test_starting_point_dialog(snap_compare, demo_path: Path, size) -> None:
    """`t` on the Roadmap: what switching does, the starting points with their summaries
    (scrolling at 80x24) and the keys."""
    assert _shot(snap_compare, demo_path, size, "r", "t")


def test_area_dialog(snap_compare, demo_path: Path, size) -> None:
    """`N` on the Roadmap: the new area's name and short key, and how to save or cancel."""
    assert _shot(snap_compare, demo_path, size, "r", "N")


def test_switch_starting_point_question(snap_compare, demo_path: Path, size) -> None:
    """Choosing another starting point asks first: what it adds to the roadmap, that the user's
    own shares stay, that `u` undoes it; Switch (y) / Keep (n)."""
    assert _shot(snap_compare, demo_path, size, "r", "t", "down", "enter")


def test_search_dialog(snap_compare, demo_path: Path, size) -> None:
    """`/` and "gradient": the entries whose note holds it, each with its day and where the
    text was found, the first one selected, and how to go to it."""
    assert _shot(snap_compare, demo_path, size, "slash", *"gradient")


def test_go_to_day_dialog(snap_compare, demo_path: Path, size) -> None:
    """`g` in the Daily log: the day to show (a date, today, yesterday or -7) and the keys."""
    assert _shot(snap_compare, demo_path, size, "l", "g")


def test_entry_detail(snap_compare, demo_path: Path, size) -> None:
    """`v` in the Daily log: the whole entry, its day, time, area, milestone and note."""
    assert _shot(snap_compare, demo_path, size, "l", "v")


@pytest.fixture
def timing_path(demo_path: Path) -> Path:
    """The demo database with a timer on Machine learning started 50 minutes before the
    pinned clock."""
    from datetime import UTC, datetime

    from studytui.db.timer import start_timer

    db = open_database(demo_path)
    with writing(db) as session:
        started = datetime(2026, 3, 11, 19, 40).astimezone().astimezone(UTC)
        start_timer(session, area_id=find_area(session, "machine").id, now_utc=started)
    db.dispose()
    return demo_path


def test_timer_stop_note(snap_compare, timing_path: Path, size) -> None:
    """Space while the timer runs: 50m of Machine learning to log, an optional note, and how to
    log it, keep timing or discard."""
    assert _shot(snap_compare, timing_path, size, "space")


def test_timer_discard(snap_compare, demo_path: Path, size) -> None:
    """A timer stopped at once: under half a minute cannot be logged, so it offers to discard."""
    assert _shot(snap_compare, demo_path, size, "space", "enter", "space")


@pytest.fixture
def v010_path(db_path: Path, frozen_now: str) -> Path:
    """The database studytui 0.1.0 made (tests/fixtures/make_content_v1.py), before this
    version opens it."""
    import shutil

    shutil.copyfile(Path(__file__).parents[1] / "fixtures" / "content_v1.db", db_path)
    return db_path


def test_whats_new(snap_compare, v010_path: Path, size) -> None:
    """Over the dashboard: the 11 new milestones first, then (scrolling) the updated
    wording, the shares, the new catalogue exams and the retiring MLS-C01; the hint and the
    focused OK button stay in sight."""
    assert _shot(snap_compare, v010_path, size)


def test_roadmap_after_a_content_update(snap_compare, v010_path: Path, size) -> None:
    """The summary says 11 milestones are new in this version; the new ones carry a ✦ before
    their title."""
    assert _shot(snap_compare, v010_path, size, "enter", "r")
