"""`studytui config`, `start` and `stop`."""

from __future__ import annotations

import argparse

from studytui.actions import settings, timer
from studytui.cli.context import open_store
from studytui.clock import now
from studytui.domain.durations import format_minutes


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
    what = info.what
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
