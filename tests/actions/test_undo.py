"""Undo through the actions, on a real SQLite file: every delete and status change a screen
makes comes back exactly as it was (ids, notes, links, payments, the entries' attribution),
and an undo that would clash with what happened since changes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from studytui.actions import activities as acts
from studytui.actions import certificates as certs
from studytui.actions import log, roadmap, timer
from studytui.actions.undo import done_message, still_undoable, undo
from studytui.db.engine import Database, reading
from studytui.db.lookup import find_milestone
from studytui.domain.activities import ActivityInput, PaymentDraft
from studytui.domain.certificates import CertificateInput, PassedInput
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import UndoBlocked, ValidationError
from studytui.domain.money import Money
from studytui.domain.timer import TimerDraft

TODAY = date(2026, 3, 11)
NOW = datetime(2026, 3, 11, 20, 30).astimezone()
TABLES = (
    "area",
    "milestone",
    "milestone_resource",
    "milestone_prerequisite",
    "certificate",
    "side_activity",
    "payment",
    "log_entry",
    "running_timer",
    "setting",
)


def dump(db_path: Path) -> dict[str, list[tuple]]:
    """Every row the user owns, in a stable order: what must come back unchanged."""
    with sqlite3.connect(db_path) as conn:
        return {t: sorted(conn.execute(f"select * from {t}").fetchall(), key=repr) for t in TABLES}


def ids(db: Database) -> tuple[str, str]:
    with reading(db) as session:
        m = find_milestone(session, "Data wrangling with pandas")
        return m.id, m.area_id


def entry(db: Database, minutes: int, **links: str | None) -> str:
    area = links.pop("area_id", None) or ids(db)[1]
    done = log.save_entry(
        db, EntryDraft(day=TODAY, minutes=minutes, area_id=area, **links), now=NOW
    )
    return done.entry_id


# --- the roadmap -------------------------------------------------------------------------------


def test_a_deleted_milestone_comes_back_with_notes_links_prerequisites_and_time(
    db: Database, db_path: Path
) -> None:
    milestone, area = ids(db)
    roadmap.save_notes(db, milestone, "groupby, then merge", now=NOW)
    roadmap.set_status(db, milestone, "in_progress", now=NOW)
    entry(db, 45, milestone_id=milestone)
    timer.start_timer(db, TimerDraft(area, milestone), now=NOW)
    before = dump(db_path)
    assert before["milestone_resource"] and any(
        milestone in row for row in before["milestone_prerequisite"]
    )

    gone = roadmap.delete_milestone(db, milestone, now=NOW)
    after_delete = dump(db_path)
    assert not any(row[0] == milestone for row in after_delete["milestone"])
    assert all(row[4] is None for row in after_delete["log_entry"])  # the time stays
    assert after_delete["running_timer"][0][2] is None
    assert done_message(gone) == (
        'Deleted the milestone "Data wrangling with pandas and NumPy". Press u to undo.'
    )

    message = undo(db, gone, now=NOW)
    assert message == 'Undone: deleted the milestone "Data wrangling with pandas and NumPy".'
    assert dump(db_path) == before
    with pytest.raises(ValidationError, match="back already"):
        undo(db, gone, now=NOW)
    assert dump(db_path) == before


def test_a_deleted_area_comes_back_with_its_milestones(db: Database, db_path: Path) -> None:
    new = roadmap.add_area(db, "Statistics", now=NOW)
    first = roadmap.add_milestone(db, new.id, roadmap.MilestoneDraft("Bayes", 8), now=NOW)
    roadmap.add_milestone(db, new.id, roadmap.MilestoneDraft("Sampling", 4), now=NOW)
    roadmap.save_notes(db, first.id, "think in priors", now=NOW)
    before = dump(db_path)
    assert roadmap.check_delete_area(db, new.id, now=NOW) == roadmap.Deletion(2, timer=False)
    gone = roadmap.delete_area(db, new.id, now=NOW)
    assert len(dump(db_path)["milestone"]) == len(before["milestone"]) - 2
    assert undo(db, gone, now=NOW) == 'Undone: deleted the area "Statistics".'
    assert dump(db_path) == before


def test_an_area_cannot_come_back_when_another_took_its_name(db: Database, db_path: Path) -> None:
    new = roadmap.add_area(db, "Statistics", now=NOW)
    gone = roadmap.delete_area(db, new.id, now=NOW)
    roadmap.add_area(db, "statistics", now=NOW)
    before = dump(db_path)
    with pytest.raises(ValidationError, match='there is an area called "statistics" now'):
        undo(db, gone, now=NOW)
    assert dump(db_path) == before


def test_a_milestone_cannot_come_back_into_an_area_deleted_since(
    db: Database, db_path: Path
) -> None:
    new = roadmap.add_area(db, "Statistics", now=NOW)
    bayes = roadmap.add_milestone(db, new.id, roadmap.MilestoneDraft("Bayes", 8), now=NOW)
    gone = roadmap.delete_milestone(db, bayes.id, now=NOW)
    roadmap.delete_area(db, new.id, now=NOW)
    before = dump(db_path)
    with pytest.raises(ValidationError, match="its study area was deleted since"):
        undo(db, gone, now=NOW)
    assert dump(db_path) == before


def test_a_milestone_cannot_come_back_under_a_title_taken_since(
    db: Database, db_path: Path
) -> None:
    milestone, area = ids(db)
    gone = roadmap.delete_milestone(db, milestone, now=NOW)
    draft = roadmap.MilestoneDraft("DATA WRANGLING WITH PANDAS AND NUMPY", 8)
    taken = roadmap.add_milestone(db, area, draft, now=NOW)
    before = dump(db_path)
    with pytest.raises(UndoBlocked, match='milestone called "DATA WRANGLING WITH PANDAS AND'):
        undo(db, gone, now=NOW)
    assert dump(db_path) == before
    roadmap.edit_milestone(db, taken.id, roadmap.MilestoneDraft("Pandas, once more", 8), now=NOW)
    undo(db, gone, now=NOW)  # the clash cleared, it comes back
    assert ids(db)[0] == milestone


def test_status_changes_undo_one_by_one(db: Database, db_path: Path) -> None:
    milestone, _ = ids(db)
    before = dump(db_path)
    doing = roadmap.set_status(db, milestone, "in_progress", now=NOW)
    middle = dump(db_path)
    done = roadmap.set_status(db, milestone, "done", now=NOW)
    assert done.summary == 'set "Data wrangling with pandas and NumPy" to done'
    undo(db, done, now=NOW)
    assert dump(db_path) == middle
    undo(db, doing, now=NOW)
    assert dump(db_path) == before


# --- certificates ------------------------------------------------------------------------------


def _certificate(db: Database, name: str = "Kubernetes Admin", **fields: object) -> str:
    draft = CertificateInput(name=name, **fields)  # type: ignore[arg-type]
    return certs.add_certificate(db, draft, now=NOW).id


def test_a_deleted_certificate_comes_back_with_the_time_logged_for_it(
    db: Database, db_path: Path
) -> None:
    cert = _certificate(db, status="exam_booked", exam_date=date(2026, 3, 25), notes="CKA")
    entry(db, 30, certificate_id=cert)
    before = dump(db_path)
    gone = certs.delete_certificate(db, cert, now=NOW)
    assert dump(db_path)["log_entry"][0][5] is None
    assert undo(db, gone, now=NOW) == 'Undone: deleted the certificate "Kubernetes Admin".'
    assert dump(db_path) == before


def test_a_certificate_cannot_come_back_under_a_name_taken_since(
    db: Database, db_path: Path
) -> None:
    gone = certs.delete_certificate(db, _certificate(db), now=NOW)
    _certificate(db, "kubernetes admin")
    before = dump(db_path)
    with pytest.raises(ValidationError, match='"kubernetes admin" is in your list now'):
        undo(db, gone, now=NOW)
    assert dump(db_path) == before


def test_passed_and_failed_are_undone_with_their_dates_and_notes(
    db: Database, db_path: Path
) -> None:
    cert = _certificate(db, status="exam_booked", exam_date=date(2026, 3, 5), notes="Plan")
    before = dump(db_path)
    failed = certs.mark_failed(db, cert, date(2026, 4, 2), now=NOW)
    undo(db, failed, now=NOW)
    assert dump(db_path) == before  # the note of the attempt is gone again

    passed = certs.mark_passed(db, cert, PassedInput(TODAY, "LF-1", date(2029, 3, 11)), now=NOW)
    assert dump(db_path)["certificate"][0][6] is None  # the exam date is behind it
    assert undo(db, passed, now=NOW) == 'Undone: marked passed "Kubernetes Admin".'
    assert dump(db_path) == before  # exam date, status and credential as they were

    passed = certs.mark_passed(db, cert, PassedInput(TODAY, "", None), now=NOW)
    certs.mark_passed(db, cert, PassedInput(TODAY, "LF-2", None), now=NOW)
    changed = dump(db_path)
    with pytest.raises(ValidationError, match='"Kubernetes Admin" was changed since'):
        undo(db, passed, now=NOW)
    assert dump(db_path) == changed


# --- side activities ---------------------------------------------------------------------------


def _activity(db: Database, title: str = "Paid article", status: str = "idea") -> str:
    draft = ActivityInput(kind="writing", title=title, status=status)
    return acts.add_activity(db, draft, now=NOW).id


def _pay(db: Database, activity: str, cents: int) -> str:
    return acts.add_payment(
        db, activity, PaymentDraft(Money(cents, "EUR"), date(2026, 3, 1), "fee"), now=NOW
    ).id


def test_a_deleted_activity_comes_back_with_payments_and_time(db: Database, db_path: Path) -> None:
    activity = _activity(db, status="active")
    _pay(db, activity, 50000)
    _pay(db, activity, 2000)
    entry(db, 60, activity_id=activity)
    before = dump(db_path)
    gone = acts.delete_activity(db, activity, now=NOW)
    assert dump(db_path)["payment"] == []
    assert undo(db, gone, now=NOW) == 'Undone: deleted the side activity "Paid article".'
    assert dump(db_path) == before


def test_a_status_move_is_undone_unless_the_activity_changed_since(
    db: Database, db_path: Path
) -> None:
    activity = _activity(db, status="planned")
    before = dump(db_path)
    moved = acts.move_status(db, activity, 1, now=NOW)
    assert moved.summary == 'moved "Paid article" to active'
    assert (
        undo(db, moved, now=NOW) == 'Undone: moved "Paid article" to active; it is planned again.'
    )

    assert dump(db_path) == before
    moved = acts.move_status(db, activity, 1, now=NOW)
    acts.move_status(db, activity, 1, now=NOW)
    changed = dump(db_path)
    with pytest.raises(ValidationError, match='"Paid article" was changed since'):
        undo(db, moved, now=NOW)
    assert dump(db_path) == changed


def test_a_deleted_payment_comes_back_unless_its_activity_went(db: Database, db_path: Path) -> None:
    activity = _activity(db)
    payment = _pay(db, activity, 50000)
    before = dump(db_path)
    gone = acts.delete_payment(db, payment, now=NOW)
    assert undo(db, gone, now=NOW) == (
        "Undone: deleted the payment of 500.00 EUR received 2026-03-01."
    )
    assert dump(db_path) == before
    gone = acts.delete_payment(db, payment, now=NOW)
    acts.delete_activity(db, activity, now=NOW)
    after = dump(db_path)
    with pytest.raises(ValidationError, match="its side activity was deleted since"):
        undo(db, gone, now=NOW)
    assert dump(db_path) == after


def test_a_deleted_entry_comes_back(db: Database, db_path: Path) -> None:
    entry_id = entry(db, 25)
    before = dump(db_path)
    gone = log.delete_entry(db, entry_id, now=NOW)
    assert dump(db_path)["log_entry"] == []
    undo(db, gone, now=NOW)
    assert dump(db_path) == before


# --- starting points ---------------------------------------------------------------------------


def shares(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return dict(conn.execute("select name, share from area").fetchall())


def test_switching_takes_the_new_shares_only_while_the_shipped_ones_were_kept(
    db: Database, db_path: Path
) -> None:
    shipped = shares(db_path)
    done = roadmap.switch_template(db, "scratch", now=NOW)
    assert done.took_shares
    taken = shares(db_path)
    assert taken["Maths"] == 12 and taken["Machine learning"] == 25
    assert sum(taken.values()) == 100
    undo(db, done, now=NOW)
    assert shares(db_path) == shipped


def test_switching_keeps_the_users_own_shares_and_undo_removes_what_it_added(
    db: Database, db_path: Path
) -> None:
    areas = roadmap.roadmap_view(db, now=NOW).roadmap.areas
    own = {a.id: (50 if a.name == "Machine learning" else 0) for a in areas}
    own[next(a.id for a in areas if a.name == "MLOps & cloud")] = 50
    roadmap.set_shares(db, roadmap.SharesDraft(tuple(own.items())), now=NOW)
    before = dump(db_path)

    done = roadmap.switch_template(db, "scratch", now=NOW)
    assert not done.took_shares
    assert done.added > 0
    after = shares(db_path)
    assert after["Machine learning"] == 50 and after["MLOps & cloud"] == 50
    assert after["Maths"] == 0 and after["Career & portfolio"] == 0  # new areas start at 0%
    assert roadmap.roadmap_view(db, now=NOW).template == "scratch"

    assert (
        undo(db, done, now=NOW)
        == f"Undone: switched to {done.name} ({done.added} milestones added)."
    )
    assert dump(db_path) == before  # areas, milestones, shares and the template as they were


def test_undoing_a_switch_keeps_what_the_user_has_worked_on(db: Database, db_path: Path) -> None:
    done = roadmap.switch_template(db, "scratch", now=NOW)
    worked, noted, logged = (step[0] for step in done.switch.added[:3])
    roadmap.set_status(db, worked, "in_progress", now=NOW)
    roadmap.save_notes(db, noted, "a note", now=NOW)
    with reading(db) as session:
        area_of_logged = find_milestone(session, done.switch.added[2][1]).area_id
    entry(db, 20, area_id=area_of_logged, milestone_id=logged)
    message = undo(db, done, now=NOW)
    assert message.endswith("; 3 of its milestones kept: you have worked on them.")
    with sqlite3.connect(db_path) as conn:
        query = "select id, area_id from milestone where template = 'scratch'"
        kept = conn.execute(query).fetchall()
        kept_areas = {area for _, area in kept}
        areas = {area for (area,) in conn.execute("select id from area")}
        template = conn.execute("select value from setting where key = 'template'").fetchone()
    assert {m for m, _ in kept} == {worked, noted, logged}
    # An added area stays only while a kept milestone is in it.
    assert {a for a in done.switch.added_areas if a in areas} == kept_areas & set(
        done.switch.added_areas
    )
    assert template == ("software",)
    assert sum(shares(db_path).values()) == 100


def test_the_preview_says_what_a_switch_would_add_and_writes_nothing(
    db: Database, db_path: Path
) -> None:
    before = dump(db_path)
    preview = roadmap.preview_switch(db, "scratch", now=NOW)
    assert dump(db_path) == before
    assert {"Maths", "Career & portfolio"} <= set(preview.areas)
    assert preview.takes_shares  # the shipped shares were kept
    done = roadmap.switch_template(db, "scratch", now=NOW)
    assert (preview.milestones, preview.areas) == (
        done.added,
        tuple(name for (name,) in _names(db_path, done.switch.added_areas)),
    )
    assert roadmap.preview_switch(db, "scratch", now=NOW).milestones == 0


def _names(db_path: Path, area_ids: tuple[str, ...]) -> list[tuple[str]]:
    with sqlite3.connect(db_path) as conn:
        return [
            conn.execute("select name from area where id = ?", (a,)).fetchone() for a in area_ids
        ]


# --- refusals the user can clear keep the change undoable -------------------------------------


def test_an_entry_whose_milestone_went_since_comes_back_once_the_milestone_does(
    db: Database, db_path: Path
) -> None:
    milestone, _ = ids(db)
    entry_id = entry(db, 40, milestone_id=milestone)
    before = dump(db_path)
    gone = log.delete_entry(db, entry_id, now=NOW)
    milestone_gone = roadmap.delete_milestone(db, milestone, now=NOW)
    blocked = dump(db_path)
    with pytest.raises(UndoBlocked) as refused:
        undo(db, gone, now=NOW)
    assert str(refused.value) == (
        "not undone yet: its milestone was deleted since; undo that delete first, "
        "then press u again"
    )
    assert still_undoable(refused.value)
    assert dump(db_path) == blocked
    undo(db, milestone_gone, now=NOW)
    undo(db, gone, now=NOW)
    assert dump(db_path) == before


def test_an_entry_comes_back_once_its_day_has_room_again(db: Database, db_path: Path) -> None:
    gone = log.delete_entry(db, entry(db, 40), now=NOW)
    filler = entry(db, 23 * 60 + 30)
    with pytest.raises(UndoBlocked, match="2026-03-11 has 23h 30m logged now and 40m more"):
        undo(db, gone, now=NOW)
    log.delete_entry(db, filler, now=NOW)
    assert undo(db, gone, now=NOW).startswith("Undone: deleted 40m")


def test_a_certificate_comes_back_once_the_name_is_free_again(db: Database, db_path: Path) -> None:
    first = _certificate(db, status="exam_booked", exam_date=date(2026, 3, 25))
    before = dump(db_path)
    gone = certs.delete_certificate(db, first, now=NOW)
    clash = _certificate(db, "kubernetes admin")
    with pytest.raises(UndoBlocked, match="rename or delete that certificate, then press u"):
        undo(db, gone, now=NOW)
    certs.delete_certificate(db, clash, now=NOW)
    undo(db, gone, now=NOW)
    assert dump(db_path) == before


def test_a_change_undone_already_is_spent() -> None:
    assert not still_undoable(ValidationError("that is back already; nothing to undo"))


# --- the running timer -------------------------------------------------------------------------

# Entries get their creation time from the wall clock, so these run on it too.
WALL = datetime.now().astimezone()


def _zed_with_timer(db: Database, started: datetime) -> str:
    zed = roadmap.add_area(db, "Zed", now=started).id
    timer.start_timer(db, TimerDraft(zed), now=started)
    return zed


def test_an_area_deleted_with_its_timer_gets_the_timer_back_if_nothing_ran_since(
    db: Database, db_path: Path
) -> None:
    zed = _zed_with_timer(db, WALL - timedelta(minutes=60))
    assert roadmap.check_delete_area(db, zed, now=WALL) == roadmap.Deletion(0, timer=True)
    before = dump(db_path)
    gone = roadmap.delete_area(db, zed, now=WALL)
    assert dump(db_path)["running_timer"] == []
    assert undo(db, gone, now=WALL) == 'Undone: deleted the area "Zed".'
    assert dump(db_path) == before


def test_an_area_comes_back_without_its_timer_while_another_runs(
    db: Database, db_path: Path
) -> None:
    zed = _zed_with_timer(db, WALL - timedelta(minutes=60))
    gone = roadmap.delete_area(db, zed, now=WALL)
    _, ml = ids(db)
    timer.start_timer(db, TimerDraft(ml), now=WALL)
    assert undo(db, gone, now=WALL) == (
        'Undone: deleted the area "Zed"; its timer was not restarted: another timer is running.'
    )
    rows = dump(db_path)
    assert any(row[0] == zed for row in rows["area"])
    assert [row[1] for row in rows["running_timer"]] == [ml]  # the new timer, untouched


def test_an_area_comes_back_without_its_timer_when_time_was_logged_since(
    db: Database, db_path: Path
) -> None:
    zed = _zed_with_timer(db, WALL - timedelta(minutes=60))
    gone = roadmap.delete_area(db, zed, now=WALL)
    _, ml = ids(db)
    log.save_entry(db, EntryDraft(day=WALL.date(), minutes=55, area_id=ml), now=WALL)
    message = undo(db, gone, now=WALL)
    assert message.endswith("its timer was not restarted: time was logged since it started.")
    assert dump(db_path)["running_timer"] == []  # its hour is not counted a second time


def test_a_milestone_comes_back_onto_its_own_timer_only(db: Database, db_path: Path) -> None:
    milestone, area = ids(db)
    timer.start_timer(db, TimerDraft(area, milestone), now=WALL - timedelta(minutes=30))
    gone = roadmap.delete_milestone(db, milestone, now=WALL)
    timer.discard_timer(db, now=WALL)
    timer.start_timer(db, TimerDraft(area), now=WALL)  # a later timer, same area
    undo(db, gone, now=WALL)
    assert [row[2] for row in dump(db_path)["running_timer"]] == [None]


# --- a switch undone after the shares changed --------------------------------------------------


def test_undoing_a_switch_keeps_an_added_area_given_a_share(db: Database, db_path: Path) -> None:
    done = roadmap.switch_template(db, "scratch", now=NOW)
    areas = roadmap.roadmap_view(db, now=NOW).roadmap.areas
    wanted = {"Programming & software engineering": 50, "Machine learning": 20}
    wanted["Career & portfolio"] = 30
    own = tuple((a.id, wanted.get(a.name, 0)) for a in areas)
    roadmap.set_shares(db, roadmap.SharesDraft(own), now=NOW)
    career = next(a.id for a in areas if a.name == "Career & portfolio")
    with sqlite3.connect(db_path) as conn:
        query = "select count(*) from milestone where area_id = ?"
        (milestones,) = conn.execute(query, (career,)).fetchone()
    assert milestones > 0

    message = undo(db, done, now=NOW)
    assert message.endswith(
        '; "Career & portfolio" kept with its milestones: you gave it a 30% share.'
    )
    assert shares(db_path) == {**{name: 0 for name in shares(db_path)}, **wanted}
    assert sum(shares(db_path).values()) == 100
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(query, (career,)).fetchone() == (milestones,)
