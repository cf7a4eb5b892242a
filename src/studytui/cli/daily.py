"""`studytui log`, `config`, `start` and `stop`."""

from __future__ import annotations

import argparse

from studytui.actions import log, settings, timer
from studytui.actions.log import Logged, LogRequest
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.durations import format_minutes, parse_duration


def cmd_log(args: argparse.Namespace) -> int:
    minutes = parse_duration(args.duration)  # a typo is refused before the database is opened
    moment = now()
    db = open_store(args, moment)
    request = LogRequest(
        minutes=minutes,
        day=args.date,
        area=args.area,
        milestone=args.milestone,
        certificate=args.cert,
        activity=args.activity,
        note=args.note,
    )
    print(logged_line(log.log_time(db, request, now=moment)))
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


def cmd_config(args: argparse.Namespace) -> int:
    moment = now()
    db = open_store(args, moment)
    if args.key is None:
        lines = settings.list_settings(db, now=moment)
        width = max(len(line.key) for line in lines)
        for line in lines:
            print(f"{line.key:<{width}}  {line.value:<10}  {line.description}")
        return 0
    if args.value is None:
        line = settings.get_setting(db, args.key, now=moment)
        print(line.value)
        return 0
    canonical = settings.change_setting(db, args.key, args.value, now=moment)
    print(f"{args.key} = {canonical}")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    moment = now()
    db = open_store(args, moment)
    info = timer.start_timer_named(db, area=args.area, milestone=args.milestone, now=moment)
    what = info.area + (f" / {info.milestone}" if info.milestone else "")
    local = info.started_at.astimezone().strftime("%H:%M")
    print(f"Timer started for {what} at {local}. Stop it with `studytui stop`.")
    return 0


def cmd_stop(args: argparse.Namespace) -> int:
    moment = now()
    db = open_store(args, moment)
    if args.discard:
        timer.discard_timer(db, now=moment)
        print("Timer discarded; nothing was logged.")
        return 0
    done = timer.stop_timer(db, now=moment, note=args.note)
    print(f"Logged {format_minutes(done.minutes)} of {done.area} on {done.day.isoformat()}.")
    return 0
