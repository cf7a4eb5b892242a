"""`studytui log`: what the shell gave, turned into one entry by one set of rules, and written
either through the full road (`actions.log.log_time`) or the quick one here, which never loads
SQLModel. Both resolve the names, check the entry and report the result with the same
plain-SQL functions; only the insert differs (the ORM's, or `db.quick_write`'s).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from studytui.actions.study_day import today_at
from studytui.db import choices
from studytui.db.entry_checks import check_entry_draft
from studytui.db.errors import sqlite_failure
from studytui.db.location import Location
from studytui.db.quick_write import insert_entry, open_quick_writer
from studytui.db.reads import daily_totals, read_settings
from studytui.domain.days import parse_day
from studytui.domain.entries import EntryDraft
from studytui.domain.errors import ValidationError
from studytui.domain.matching import Choice, match_one
from studytui.domain.settings import Settings
from studytui.domain.streaks import compute_streaks


@dataclass(frozen=True)
class LogRequest:
    """`studytui log`: names and the day as typed; None means not given."""

    minutes: int
    day: str | None = None
    area: str | None = None
    milestone: str | None = None
    certificate: str | None = None
    activity: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Logged:
    """What was written, and the day and streak it leaves."""

    entry_id: str
    day: date
    minutes: int
    area: str
    towards: tuple[str, ...]  # the milestone, certificate and activity it counts for
    today: date
    day_minutes: int  # everything logged on `day`, this entry included
    daily_goal: int
    streak_days: int  # the current streak, as of today
    updated: bool  # an existing entry was changed


def draft_from_request(conn: sqlite3.Connection, request: LogRequest, today: date) -> EntryDraft:
    """Resolve the names as typed. Without an area: the milestone's own, else the one used
    last. An empty name given on purpose (`--area ""`) is refused, listing the choices."""
    day = parse_day(request.day, today) if request.day is not None else today
    milestone = _pick(request.milestone, choices.milestone_choices(conn), "milestone")
    area: Choice[str] | None
    if request.area is not None:
        area = match_one(request.area, choices.area_choices(conn), "study area")
    elif milestone is not None:
        area = choices.area_of_milestone(conn, milestone.value)
    else:
        area = choices.last_used_area(conn)
    if area is None:
        names = ", ".join(c.name for c in choices.area_choices(conn))
        raise ValidationError(f"which study area? add --area, one of: {names}")
    cert = _pick(request.certificate, choices.certificate_choices(conn), "certificate")
    activity = _pick(request.activity, choices.activity_choices(conn), "side activity")
    return EntryDraft(
        day=day,
        minutes=request.minutes,
        area_id=area.value,
        milestone_id=milestone.value if milestone else None,
        certificate_id=cert.value if cert else None,
        activity_id=activity.value if activity else None,
        note=request.note,
    )


def _pick(typed: str | None, candidates: list[Choice[str]], what: str) -> Choice[str] | None:
    return match_one(typed, candidates, what) if typed is not None else None


def logged_result(
    conn: sqlite3.Connection,
    draft: EntryDraft,
    entry_id: str,
    *,
    settings: Settings,
    today: date,
    updated: bool = False,
) -> Logged:
    """What the shell and the app say after a write: names, that day's total, the streak."""
    names = choices.names_of(conn, draft)
    daily = daily_totals(conn, last=today)
    streak = compute_streaks(daily, today, settings.streak_rules())
    return Logged(
        entry_id=entry_id,
        day=draft.day,
        minutes=draft.minutes,
        area=names[0] if names else "?",
        towards=names[1:],
        today=today,
        day_minutes=daily.get(draft.day, 0),
        daily_goal=settings.daily_goal,
        streak_days=streak.current,
        updated=updated,
    )


def quick_log(path: Location, request: LogRequest, *, now: datetime) -> Logged | None:
    """Log straight into the SQLite file at `path`, in one transaction; None when the full
    road must take it (a new, older or unset database, or one on a server)."""
    if not isinstance(path, Path):
        return None
    conn = open_quick_writer(path)
    if conn is None:
        return None
    try:
        settings = read_settings(conn)
        today = today_at(now, settings)
        draft = draft_from_request(conn, request, today)
        note = check_entry_draft(conn, draft, today=today)
        entry_id = insert_entry(conn, draft, note)
        done = logged_result(
            conn, replace(draft, note=note), entry_id, settings=settings, today=today
        )
        conn.execute("COMMIT")
        return done
    except sqlite3.Error as exc:
        raise sqlite_failure(path, str(exc)) from exc
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
