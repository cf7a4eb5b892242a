"""`studytui next` and `studytui journal`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studytui.actions.journal import journal
from studytui.actions.roadmap import next_up
from studytui.cli.context import open_store
from studytui.cli.output import fail
from studytui.clock import now
from studytui.domain.durations import format_hours
from studytui.domain.roadmap import STATUS_GLYPHS, MilestoneInfo

NEXT_LIMIT = 8


def next_line(milestone: MilestoneInfo, area: str) -> str:
    logged = (
        f", {format_hours(milestone.logged_minutes)} logged" if milestone.logged_minutes else ""
    )
    return (
        f"{STATUS_GLYPHS[milestone.status]} {milestone.title} "
        f"({area}; {milestone.estimate_hours} h estimated{logged})"
    )


def cmd_next(args: argparse.Namespace) -> int:
    moment = now()
    found = next_up(open_store(args, moment), now=moment, limit=NEXT_LIMIT)
    if found.rows:
        print("Next up:")
        for milestone, area in found.rows:
            print(f"  {next_line(milestone, area)}")
        if found.more:
            print(f"  … and {found.more} more ready to start")
    else:
        print("Nothing to start: every milestone is done, skipped or waiting on another.")
    print()
    print("\n".join(found.report.lines()))
    return 0


def cmd_journal(args: argparse.Namespace) -> int:
    moment = now()
    text = journal(open_store(args, moment), since=args.since, until=args.until, now=moment)
    if not args.output:
        print(text, end="")
        return 0
    path = Path(args.output).expanduser()
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        return fail(f"cannot write {path}: {exc.strerror or exc}")
    print(f"Journal written to {path}")
    return 0
