"""`studytui log`, the most frequent command: on a set-up SQLite database it writes with plain
`sqlite3` and never loads SQLModel (see `actions.log_request`); anything else takes the full
road, which creates, upgrades or explains the database first."""

from __future__ import annotations

import argparse

from studytui.actions.log_request import Logged, LogRequest, quick_log
from studytui.cli.context import daily_backup, db_location, open_store
from studytui.clock import now
from studytui.domain.durations import format_minutes, parse_duration


def cmd_log(args: argparse.Namespace) -> int:
    minutes = parse_duration(args.duration)  # a typo is refused before the database is opened
    moment = now()
    request = LogRequest(
        minutes=minutes,
        day=args.date,
        area=args.area,
        milestone=args.milestone,
        certificate=args.cert,
        activity=args.activity,
        note=args.note,
    )
    path = db_location(args)
    done = quick_log(path, request, now=moment)
    if done is None:
        from studytui.actions.log import log_time

        done = log_time(open_store(args, moment), request, now=moment)
    else:
        daily_backup(path, moment)
    print(logged_line(done))
    return 0


def logged_line(done: Logged) -> str:
    """`Logged 1h of Machine learning today. Today: 1h30m of 1h goal · streak 3 days`; for
    another day its own total, and the streak as it stands today."""
    towards = f" towards {', '.join(done.towards)}" if done.towards else ""
    back_filled = done.day != done.today
    when = f"on {done.day.isoformat()}" if back_filled else "today"
    goal = f" of {format_minutes(done.daily_goal)} goal" if done.daily_goal else ""
    streak = f"streak {_days(done.streak_days)}" + (" as of today" if back_filled else "")
    return (
        f"Logged {format_minutes(done.minutes)} of {done.area}{towards} {when}. "
        f"{done.day.isoformat() if back_filled else 'Today'}: "
        f"{format_minutes(done.day_minutes)}{goal} · {streak}"
    )


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
