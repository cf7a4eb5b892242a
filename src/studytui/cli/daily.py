"""`studytui log`, `config`, `start` and `stop`."""

from __future__ import annotations

import argparse

from studytui.cli.context import open_store, today_for
from studytui.cli.output import fail
from studytui.clock import now_utc
from studytui.db.engine import reading, writing
from studytui.db.entries import add_entry, daily_totals
from studytui.db.lookup import (
    find_activity,
    find_area,
    find_certificate,
    find_milestone,
    last_used_area,
    list_areas,
)
from studytui.db.models import Area
from studytui.db.settings_store import load_settings, raw_settings, set_setting
from studytui.db.timer import cancel_timer, current_timer, start_timer, stop_timer
from studytui.domain.days import parse_day
from studytui.domain.durations import format_minutes, parse_duration
from studytui.domain.errors import ValidationError
from studytui.domain.settings import (
    SETTING_KEYS,
    USER_SETTING_KEYS,
    format_setting,
    settings_from_strings,
)
from studytui.domain.streaks import compute_streaks


def cmd_log(args: argparse.Namespace) -> int:
    minutes = parse_duration(args.duration)
    db = open_store(args)
    with writing(db) as session:
        settings = load_settings(session)
        today = today_for(settings)
        day = parse_day(args.date, today) if args.date else today
        milestone = find_milestone(session, args.milestone) if args.milestone else None
        # Without --area: the milestone's own area, else the area used last.
        area: Area | None
        if args.area:
            area = find_area(session, args.area)
        elif milestone is not None:
            area = session.get(Area, milestone.area_id)
        else:
            area = last_used_area(session)
        if area is None:
            names = ", ".join(a.name for a in list_areas(session))
            raise ValidationError(f"which study area? add --area, one of: {names}")
        cert = find_certificate(session, args.cert) if args.cert else None
        activity = find_activity(session, args.activity) if args.activity else None
        add_entry(
            session,
            day=day,
            minutes=minutes,
            area_id=area.id,
            milestone_id=milestone.id if milestone else None,
            certificate_id=cert.id if cert else None,
            activity_id=activity.id if activity else None,
            note=args.note,
            today=today,
        )
        area_name = area.name
        served = [
            name
            for name in (
                milestone.title if milestone else None,
                cert.name if cert else None,
                activity.title if activity else None,
            )
            if name
        ]
    with reading(db) as session:
        daily = daily_totals(session, last=today)
    streak = compute_streaks(daily, today, settings.streak_rules())
    when = "today" if day == today else day.isoformat()
    goal = f" of {format_minutes(settings.daily_goal)} goal" if settings.daily_goal else ""
    towards = f" towards {', '.join(served)}" if served else ""
    print(
        f"Logged {format_minutes(minutes)} of {area_name}{towards} {when}. "
        f"{'Today' if day == today else day.isoformat()}: "
        f"{format_minutes(daily.get(day, 0))}{goal} · streak {_days(streak.current)}"
    )
    return 0


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def cmd_config(args: argparse.Namespace) -> int:
    db = open_store(args)
    if args.key is None:
        with reading(db) as session:
            stored = raw_settings(session)
        current = settings_from_strings(stored)
        width = max(len(key) for key in USER_SETTING_KEYS)
        for key in USER_SETTING_KEYS:
            value = format_setting(key, getattr(current, key))
            print(f"{key:<{width}}  {value:<10}  {SETTING_KEYS[key].description}")
        return 0
    if args.value is None:
        return fail(f"give a value: studytui config {args.key} VALUE")
    with writing(db) as session:
        canonical = set_setting(session, args.key, args.value)
    print(f"{args.key} = {canonical}")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    db = open_store(args)
    with writing(db) as session:
        area = find_area(session, args.area)
        milestone = find_milestone(session, args.milestone) if args.milestone else None
        info = start_timer(
            session,
            area_id=area.id,
            milestone_id=milestone.id if milestone else None,
            now_utc=now_utc(),
        )
    what = info.area + (f" / {info.milestone}" if info.milestone else "")
    local = info.started_at.astimezone().strftime("%H:%M")
    print(f"Timer started for {what} at {local}. Stop it with `studytui stop`.")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    db = open_store(args)
    with writing(db) as session:
        if args.discard:
            if not cancel_timer(session):
                raise ValidationError("no timer is running")
            print("Timer discarded; nothing was logged.")
            return 0
        settings = load_settings(session)
        info = current_timer(session)
        entry = stop_timer(
            session,
            now_utc=now_utc(),
            today=today_for(settings),
            day_starts_at=settings.day_starts_at,
            note=args.note,
        )
        minutes, day = entry.minutes, entry.day
    area = info.area if info else "?"
    print(f"Logged {format_minutes(minutes)} of {area} on {day.isoformat()}.")
    return 0
